import CronistaServer
import CronistaStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import Testing

/// Limits, tokens, timeouts and shutdown on a live server on loopback (real sockets), each
/// followed by a request that must still succeed.
@Suite("Limits, authentication, timeouts, shutdown")
struct LimitsAndAuthTests {
    static func error(_ r: TestResponse) -> [String: Any] { ServerFixtures.json(r.body)["error"] as? [String: Any] ?? [:] }

    @Test("Over --max-body: 413 (announced length or streamed), then the server keeps serving")
    func oversizedBodies() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        let limit = 64 * 1024
        let state = ServerFixtures.state(store, maxBody: limit)
        try await ServerFixtures.application(state).test(.ahc(.http)) { client in
            let port = try #require(client.port)
            let big = ByteBuffer(
                bytes: ServerFixtures.jsonBody(["id": "big", "text": String(repeating: "Il presidente ha parlato. ", count: 4000)]))
            #expect(big.readableBytes > limit)
            let r = try await client.execute(uri: "/v1/analyze", method: .post, body: big)
            #expect(r.status == .contentTooLarge)
            #expect(Self.error(r)["code"] as? String == "body-too-large")
            #expect((Self.error(r)["message"] as? String)?.contains("\(limit)") == true)
            // A 413 closes its connection: the next requests come on new ones.
            #expect(r.headers[.connection] == "close")
            let r2 = try await ServerFixtures.freshRequest(
                port: port, "/v1/documents", method: .post, headers: ServerFixtures.bearer, body: big)
            #expect(r2.head.status == .contentTooLarge)
            // Just under the limit is analysed.
            let small = ByteBuffer(
                bytes: ServerFixtures.jsonBody(["id": "small", "text": String(repeating: "Il presidente ha parlato. ", count: 2000)]))
            #expect(small.readableBytes < limit)
            let ok = try await ServerFixtures.freshRequest(port: port, "/v1/analyze", method: .post, body: small)
            #expect(ok.head.status == .ok && (ok.body.map { String(buffer: $0) } ?? "").hasPrefix("{\"id\":\"small\""))
            let health = try await ServerFixtures.freshRequest(port: port, "/healthz")
            #expect(health.head.status == .ok)
        }
        // Streamed without a length (chunked, as the router test client sends no length): refused while reading.
        try await ServerFixtures.application(state).test(.router) { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: limit + 1)
            let r = try await client.execute(uri: "/v1/analyze", method: .post, body: big)
            #expect(r.status == .contentTooLarge)
        }
        #expect(state.metrics.requests(route: "/v1/analyze", status: 413) == 2)
        try await store.close()
    }

    @Test("POST /v1/documents: 401 without or with a wrong token, 403 on a read-only server; the right token stores")
    func bearerToken() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let doc = ByteBuffer(
            bytes: ServerFixtures.jsonBody([
                "id": "d1", "text": "Il presidente Sergio Mattarella ha detto: «La pace è un dovere».", "published": "2024-06-02"
            ]))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.ahc(.http)) { client in
            let none = try await client.execute(uri: "/v1/documents", method: .post, body: doc)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer realm=\"cronista\"")
            #expect(Self.error(none)["code"] as? String == "unauthorized")
            for wrong in ["Bearer nope", "Bearer \(ServerFixtures.token)x", "Basic \(ServerFixtures.token)", "Bearer"] {
                let r = try await client.execute(uri: "/v1/documents", method: .post, headers: [.authorization: wrong], body: doc)
                #expect(r.status == .unauthorized, "\(wrong)")
            }
            #expect(try await store.statistics().documents == 0, "nothing stored without the token")
            let ok = try await client.execute(uri: "/v1/documents", method: .post, headers: ServerFixtures.bearer, body: doc)
            #expect(ok.status == .created)
            #expect(ServerFixtures.json(ok.body)["stored"] as? [String] == ["d1"])
            let again = try await client.execute(uri: "/v1/documents", method: .post, headers: ServerFixtures.bearer, body: doc)
            #expect(again.status == .ok && ServerFixtures.json(again.body)["skipped"] as? [String] == ["d1"])
            let q = try await client.execute(uri: "/v1/quotes?speaker=Mattarella", method: .get)
            let quotes = ServerFixtures.json(q.body)["quotes"] as? [[String: Any]] ?? []
            #expect(quotes.first?["text"] as? String == "La pace è un dovere")
        }
        try await ServerFixtures.application(ServerFixtures.state(store, token: nil)).test(.router) { client in
            let r = try await client.execute(uri: "/v1/documents", method: .post, headers: ServerFixtures.bearer, body: doc)
            #expect(r.status == .forbidden && Self.error(r)["code"] as? String == "read-only")
            let h = try await client.execute(uri: "/healthz", method: .get)
            #expect(ServerFixtures.json(h.body)["read_only"] as? Bool == true)
            // Reading still works.
            let e = try await client.execute(uri: "/v1/entities?name=Mattarella", method: .get)
            #expect((ServerFixtures.json(e.body)["entities"] as? [[String: Any]])?.first?["name"] as? String == "Sergio Mattarella")
        }
        try await store.close()
    }

    @Test("A request that takes longer than the timeout gets 503 timeout; the next one is served")
    func requestTimeout() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        let state = ServerFixtures.state(store, timeout: .milliseconds(50))
        try await ServerFixtures.application(state).test(.ahc(.http)) { client in
            // About 0.7 MB of text: far more than 50 ms of analysis.
            let text = String(repeating: ServerFixtures.seedText, count: 100)
            let r = try await client.execute(
                uri: "/v1/analyze", method: .post, body: ByteBuffer(bytes: ServerFixtures.jsonBody(["text": text])))
            #expect(r.status == .serviceUnavailable)
            #expect(Self.error(r)["code"] as? String == "timeout")
            let h = try await client.execute(uri: "/healthz", method: .get)
            #expect(h.status == .ok)
        }
        try await store.close()
    }

    @Test("Graceful shutdown: a request in flight when shutdown starts is answered in full")
    func gracefulShutdown() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let state = ServerFixtures.state(store)
        let app = buildApplication(state, logger: ServerFixtures.logger) { channel in
            portContinuation.yield(channel.localAddress?.port ?? 0)
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: ServerFixtures.logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var ports = portStream.makeAsyncIterator()
            let port = try #require(await ports.next())
            let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120)))
            client.connect()
            let text = String(repeating: ServerFixtures.seedText, count: 60)
            async let response = client.post("/v1/analyze", body: ByteBuffer(bytes: ServerFixtures.jsonBody(["id": "long", "text": text])))
            // Shutdown begins once the server is working on the request (a fixed pause let a loaded
            // machine start shutdown before the request was written: the idle connection was closed).
            let deadline = ContinuousClock.now + .seconds(60)
            while state.metrics.requestsInFlight == 0 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(state.metrics.requestsInFlight == 1, "the request is being answered when shutdown begins")
            await group.triggerGracefulShutdown()
            let r = try await response
            #expect(r.status == .ok)
            let body = r.body.map { String(buffer: $0) } ?? ""
            #expect(body.hasPrefix("{\"id\":\"long\"") && body.hasSuffix("}\n"))
            #expect(state.metrics.requestsInFlight == 0)
            try? await client.shutdown()
            try await tasks.waitForAll()
            // The server is gone: a new connection is refused.
            let late = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(2)))
            late.connect()
            await #expect(throws: (any Error).self) { _ = try await late.get("/healthz") }
            try? await late.shutdown()
        }
        try await store.close()
    }
}
