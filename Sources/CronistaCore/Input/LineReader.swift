#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line in fixed-size chunks: memory stays bounded by the longest
/// line, whatever the file's size.
public final class LineReader {
    let fd: Int32
    let ownsDescriptor: Bool
    var buffer: [UInt8] = []
    var start = 0
    /// Where the search for the next newline resumes (bytes before it hold none).
    var scanned = 0
    var eof = false
    /// 1-based number of the last line returned.
    public private(set) var lineNumber = 0
    /// Byte offset in the file where the last returned line starts.
    public private(set) var lineOffset = 0
    var consumed = 0
    let chunk: Int

    public init(fileDescriptor: Int32, ownsDescriptor: Bool = false, chunkSize: Int = 1 << 20) {
        fd = fileDescriptor
        self.ownsDescriptor = ownsDescriptor
        chunk = chunkSize
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The next line without its `\n` (and without a `\r` before it), or `nil` at the end.
    public func next() throws(CronistaReadError) -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                var end = nl
                if end > start && buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                lineNumber += 1
                lineOffset = consumed + start
                start = nl + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            if eof {
                if start < buffer.count {
                    var end = buffer.count
                    if buffer[end - 1] == 0x0D { end -= 1 }
                    let line = buffer[start..<end]
                    lineNumber += 1
                    lineOffset = consumed + start
                    start = buffer.count
                    return line
                }
                return nil
            }
            // Compact and read more.
            if start > 0 {
                consumed += start
                buffer.removeFirst(start)
                scanned -= start
                start = 0
            }
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            let n = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + old, chunk)
            }
            if n < 0 { throw CronistaReadError(errno: errno) }
            buffer.removeLast(chunk - n)
            if n == 0 { eof = true }
        }
    }
}

/// A read(2) failure.
public struct CronistaReadError: Error, CustomStringConvertible {
    public var errno: Int32
    public var description: String { String(cString: strerror(errno)) }
}
