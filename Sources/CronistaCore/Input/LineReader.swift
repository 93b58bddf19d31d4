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

    /// The next line without its terminator, or `nil` at the end. A line ends at `\n`, `\r\n` or
    /// a lone `\r` (old Mac files; a raw CR cannot occur inside a JSON string, so this never
    /// splits a JSON Lines record).
    public func next() throws(CronistaReadError) -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[max(start, scanned)...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                var after = nl + 1
                if buffer[nl] == 0x0D {
                    if nl + 1 == buffer.count && !eof {
                        // A CR at the end of what was read: the next byte decides CRLF or CR.
                        scanned = nl
                        try readMore()
                        continue
                    }
                    if nl + 1 < buffer.count && buffer[nl + 1] == 0x0A { after = nl + 2 }
                }
                let line = buffer[start..<nl]
                lineNumber += 1
                lineOffset = consumed + start
                start = after
                scanned = start
                return line
            }
            scanned = buffer.count
            if eof {
                if start < buffer.count {
                    let line = buffer[start..<buffer.count]
                    lineNumber += 1
                    lineOffset = consumed + start
                    start = buffer.count
                    return line
                }
                return nil
            }
            try readMore()
        }
    }

    /// The first byte that is not a space, tab or line break, without consuming anything; `nil` when
    /// the input holds nothing else (reads only as far as that byte).
    public func firstNonBlankByte() throws(CronistaReadError) -> UInt8? {
        var i = start
        while true {
            while i < buffer.count {
                let b = buffer[i]
                if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return b }
                i += 1
            }
            if eof { return nil }
            let consumedBefore = start
            try readMore()
            i -= consumedBefore - start
        }
    }

    /// Everything not yet returned, to the end of the input (for an input that is one document).
    public func readToEnd() throws(CronistaReadError) -> [UInt8] {
        while !eof { try readMore() }
        let rest = Array(buffer[start...])
        start = buffer.count
        scanned = start
        return rest
    }

    /// Compacts the buffer and reads the next chunk (sets ``eof`` at the end of the input).
    func readMore() throws(CronistaReadError) {
        if start > 0 {
            consumed += start
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var n = 0
        repeat {
            n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + old, chunk) }
        } while n < 0 && errno == EINTR
        if n < 0 {
            let e = errno
            buffer.removeLast(chunk)
            throw CronistaReadError(errno: e)
        }
        buffer.removeLast(chunk - n)
        if n == 0 { eof = true }
    }
}

/// A read(2) failure.
public struct CronistaReadError: Error, CustomStringConvertible {
    public var errno: Int32
    public var description: String { String(cString: strerror(errno)) }
}
