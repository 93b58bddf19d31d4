import CronistaCore
public import Foundation

/// Runs the built `cronista` executable, as a user would, and captures what it prints.
public enum CLIRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
        /// The standard output's JSON Lines, parsed.
        public var jsonLines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { JSONValue.foundationObject(from: $0) as? [String: Any] }
        }
    }

    /// The executable next to the test bundle (SwiftPM puts all products of a build in one folder).
    public static var executable: URL {
        if let env = ProcessInfo.processInfo.environment["CRONISTA_BIN"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("cronista")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("cronista")
    }

    /// Runs `cronista` with `arguments`, feeding `stdin` when given.
    ///
    /// The child is awaited on a Dispatch thread, never on the cooperative pool: a test that blocked a
    /// pool thread for the seconds a run takes would starve the loopback servers of other suites
    /// running in parallel (the pool has one thread per core, two on CI), and their requests time out.
    public static func run(_ arguments: [String], stdin: Data? = nil) async throws -> Result {
        try await offPool { try runBlocking(arguments, stdin: stdin) }
    }

    /// Runs blocking `work` (a child process, a `waitUntilExit`) on a Dispatch thread and awaits it,
    /// so the cooperative pool stays free for the async work of tests running in parallel.
    public static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Swift.Result<T, any Error> { try work() })
            }
        }
    }

    static func runBlocking(_ arguments: [String], stdin: Data?) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin {
            DispatchQueue.global().async {
                input.fileHandleForWriting.write(stdin)
                try? input.fileHandleForWriting.close()
            }
        } else {
            try? input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
