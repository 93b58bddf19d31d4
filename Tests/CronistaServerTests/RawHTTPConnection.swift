import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
#if canImport(Glibc)
    import Glibc
#endif

/// A plain TCP connection to 127.0.0.1 for behaviour at the connection level (slow clients,
/// HTTP/1.0, closing after errors), where an HTTP client library would hide what happens.
/// Its blocking socket calls run on a thread of their own, off Swift's cooperative pool.
enum RawHTTPConnection {
    struct Outcome: Sendable {
        /// Everything the server sent.
        var received: [UInt8]
        /// The server closed the connection (end of stream or reset) before the time was up.
        var closedByServer: Bool
        /// From connecting to the close (or to the end of the wait).
        var elapsed: Duration

        var text: String { String(decoding: received, as: UTF8.self) }
        /// The status codes of the responses received, in order.
        var statuses: [Int] {
            // A status line follows the previous body directly (a JSON body ends with "\n", not CRLF).
            text.split(separator: "\n").compactMap { line in
                line.hasPrefix("HTTP/1.") ? Int(line.split(separator: " ").dropFirst().first ?? "") : nil
            }
        }
        /// The body of the last response (after its blank line).
        var lastBody: String { text.components(separatedBy: "\r\n\r\n").last ?? "" }
        func header(_ name: String) -> String? {
            for line in text.components(separatedBy: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == name.lowercased() { return parts[1].trimmingCharacters(in: .whitespaces) }
            }
            return nil
        }
    }

    /// Connects to `port`, sends each chunk in turn with `pause` between them (reading what the
    /// server sends meanwhile; a close stops the sending), then reads until the server closes the
    /// connection or `wait` has passed since connecting. With `hold`, the last chunk waits until
    /// the semaphore is signalled: a request the server is still reading for as long as a test needs.
    ///
    /// With `responses`, reading also ends `grace` after that many complete responses have arrived:
    /// a connection that should stay open is then judged without waiting out `wait`, so `wait` can
    /// leave a loaded machine a minute to answer (a fixed 5 s wait failed CI on a busy machine).
    static func exchange(
        port: Int, chunks: [String], pause: Duration = .zero, hold: DispatchSemaphore? = nil, wait: Duration,
        responses: Int? = nil, grace: Duration = .milliseconds(500)
    ) async throws -> Outcome {
        try await exchange(
            port: port, chunks: chunks.map { Array($0.utf8) }, pause: pause, hold: hold, wait: wait, responses: responses, grace: grace)
    }

    static func exchange(
        port: Int, chunks: [[UInt8]], pause: Duration = .zero, hold: DispatchSemaphore? = nil, wait: Duration,
        responses: Int? = nil, grace: Duration = .milliseconds(500)
    ) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        try run(port: port, chunks: chunks, pause: pause, hold: hold, wait: wait, responses: responses, grace: grace)
                    })
            }
        }
    }

    /// How many complete responses `bytes` holds: each a head ending in a blank line and a body of
    /// its `Content-Length` (or chunked up to its last chunk; a response with neither ends at the close).
    static func completeResponses(in bytes: [UInt8]) -> Int {
        let blank: [UInt8] = Array("\r\n\r\n".utf8)
        var count = 0
        var at = 0
        while let headEnd = bytes[at...].firstRange(of: blank)?.lowerBound {
            let head = String(decoding: bytes[at..<headEnd], as: UTF8.self).lowercased()
            let bodyStart = headEnd + blank.count
            var length: Int?
            var chunked = false
            for line in head.components(separatedBy: "\r\n") {
                if line.hasPrefix("content-length:") { length = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) }
                if line.hasPrefix("transfer-encoding:") && line.contains("chunked") { chunked = true }
            }
            if let length {
                guard bytes.count >= bodyStart + length else { break }
                at = bodyStart + length
            } else if chunked {
                let last: [UInt8] = Array("0\r\n\r\n".utf8)
                guard let end = bytes[bodyStart...].firstRange(of: last)?.lowerBound else { break }
                at = end + last.count
            } else {
                break
            }
            count += 1
        }
        return count
    }

    struct SocketError: Error, CustomStringConvertible {
        var operation: String
        var code: Int32
        var description: String { "\(operation): \(String(cString: strerror(code)))" }
    }

    private static func run(
        port: Int, chunks: [[UInt8]], pause: Duration, hold: DispatchSemaphore?, wait: Duration, responses: Int?, grace: Duration
    ) throws -> Outcome {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(operation: "socket", code: errno) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SocketError(operation: "connect", code: errno) }
        let start = ContinuousClock.now
        var received: [UInt8] = []

        /// Reads until the deadline (or, with `expect`, until `grace` after that many complete
        /// responses); true when the server closed the connection.
        func read(until deadline: ContinuousClock.Instant, expect: Int? = nil) -> Bool {
            var buffer = [UInt8](repeating: 0, count: 65536)
            var deadline = deadline
            var complete = false
            while true {
                if let expect, !complete, completeResponses(in: received) >= expect {
                    complete = true
                    deadline = min(deadline, ContinuousClock.now + grace)
                }
                let left = deadline - ContinuousClock.now
                let ms = Int32(max(0, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&p, 1, ms)
                if ready <= 0 { return false }
                let n = recv(fd, &buffer, buffer.count, 0)
                if n > 0 { received.append(contentsOf: buffer[0..<n]); continue }
                return true  // 0: end of stream; < 0: reset
            }
        }

        var closed = false
        for (i, chunk) in chunks.enumerated() {
            if i > 0, pause > .zero {
                if read(until: ContinuousClock.now + pause) { closed = true; break }
            }
            if i > 0, i == chunks.count - 1, let hold { hold.wait() }
            let sent = chunk.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 { break }  // the server closed first: what it said is read below
        }
        if !closed { closed = read(until: start + wait, expect: responses) }
        return Outcome(received: received, closedByServer: closed, elapsed: ContinuousClock.now - start)
    }
}

extension ServerFixtures {
    /// One request on a connection of its own (for after a response that closed the previous one).
    static func freshRequest(
        port: Int, _ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:],
        body: ByteBuffer? = nil
    ) async throws -> TestClient.Response {
        let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
        client.connect()
        do {
            let r = try await client.execute(.init(uri, method: method, authority: "localhost", headers: headers, body: body))
            try? await client.shutdown()
            return r
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
