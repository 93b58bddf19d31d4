#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffered writes to standard output or a file, flushed in large blocks and at the end of every
/// batch (``flush()``), so a crash loses at most the batch in flight.
///
/// Every write is checked: a full disk, `/dev/full` or a closed pipe throws a ``CLIError`` with
/// exit status 74 (EX_IOERR) naming the destination, instead of losing output silently.
final class OutputSink {
    let fd: Int32
    /// `standard output` or the file's path, for messages.
    let name: String
    var buffer: [UInt8] = []
    let closeAtEnd: Bool
    /// The first write error; later writes are dropped and ``finish()`` reports it.
    private(set) var failure: CLIError?

    init(path: String?) throws {
        if let path, path != "-" {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd < 0 { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))", exitCode: 74) }
            self.fd = fd
            name = path
            closeAtEnd = true
        } else {
            fd = 1
            name = "standard output"
            closeAtEnd = false
        }
        buffer.reserveCapacity(1 << 20)
    }

    var isTerminal: Bool { isatty(fd) == 1 }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ s: String) throws { try write(Array(s.utf8)) }

    /// Writes out everything buffered.
    func flush() throws {
        if let failure { buffer.removeAll(keepingCapacity: true); throw failure }
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + off, buffer.count - off) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                let why = n < 0 ? String(cString: strerror(errno)) : "nothing written"
                let error = CLIError("cannot write to \(name): \(why)", exitCode: 74)
                failure = error
                buffer.removeAll(keepingCapacity: true)
                throw error
            }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, then closes a file (where a delayed write error, e.g. NFS or a full disk, shows up).
    func finish() throws {
        try flush()
        if closeAtEnd {
            if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
                throw CLIError("cannot write to \(name): \(String(cString: strerror(errno)))", exitCode: 74)
            }
        }
    }

    deinit {
        if failure == nil { try? flush() }
        if closeAtEnd { close(fd) }
    }
}

/// A usage or environment error for the command line, with the exit status it ends the
/// command with (64 EX_USAGE by default; 74 EX_IOERR for output that cannot be written).
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var exitCode: Int32
    init(_ d: String, exitCode: Int32 = 64) {
        description = d
        self.exitCode = exitCode
    }
}

/// Writes one line (or, with `newline: false`, a progress fragment) to standard error.
func printError(_ s: String, newline: Bool = true) {
    let line = Array((newline ? s + "\n" : s).utf8)
    _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress!, line.count) }
}
