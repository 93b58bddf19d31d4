#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to standard output or a file, flushed in large blocks.
final class OutputSink {
    let fd: Int32
    var buffer: [UInt8] = []
    let closeAtEnd: Bool

    init(path: String?) throws {
        if let path, path != "-" {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd < 0 { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
            self.fd = fd
            closeAtEnd = true
        } else {
            fd = 1
            closeAtEnd = false
        }
        buffer.reserveCapacity(1 << 20)
    }

    var isTerminal: Bool { isatty(fd) == 1 }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    func write(_ s: String) { write(Array(s.utf8)) }

    func flush() {
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, buffer.count - off) }
            if n <= 0 { break }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        flush()
        if closeAtEnd { close(fd) }
    }
}

/// A usage or environment error for the command line (exit code 64/74 is picked by the caller).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Writes one line (or, with `newline: false`, a progress fragment) to standard error.
func printError(_ s: String, newline: Bool = true) {
    let line = Array((newline ? s + "\n" : s).utf8)
    _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress!, line.count) }
}
