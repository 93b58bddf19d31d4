import CronistaServer
import CronistaStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The server's part of issue 19: one request's failure is that request's 4xx or 5xx, never the
/// process; bounded requests; slow clients and connection handling; status codes with JSON bodies.
/// Each test reproduces what the issue found and then checks the server still serves.
@Suite("Hardening: limits, overload, slow clients, status codes")
struct HardeningTests {
    static func error(_ body: ByteBuffer) -> [String: Any] { ServerFixtures.json(body)["error"] as? [String: Any] ?? [:] }
    static func error(_ text: String) -> [String: Any] { error(ByteBuffer(string: text)) }

    static func ndjson(_ n: Int, text: (Int) -> String = { "Il ministro \($0) ha parlato." }) -> ByteBuffer {
        var s = ""
        for i in 0..<n { s += "{\"id\":\"d\(i)\",\"text\":\"\(text(i))\"}\n" }
        return ByteBuffer(string: s)
    }

    static let ndjsonType: HTTPFields = [.contentType: "application/x-ndjson"]

    static func bearer(type: String) -> HTTPFields {
        var h = ServerFixtures.bearer
        h[.contentType] = type
        return h
    }

    @Test("TRACE, DELETE on known paths: 405 with Allow and a JSON body; HEAD is served; unknown paths stay 404")
    func methodNotAllowed() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let trace = try await client.execute(uri: "/healthz", method: .trace)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET, HEAD")
            #expect(Self.error(trace.body)["code"] as? String == "method-not-allowed")
            #expect(Self.error(trace.body)["status"] as? Int == 405)
            let delete = try await client.execute(uri: "/v1/analyze", method: .delete)
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "POST")
            let get = try await client.execute(uri: "/v1/analyze", method: .get)
            #expect(get.status == .methodNotAllowed && get.headers[.allow] == "POST")
            let entity = try await client.execute(uri: "/v1/entities/Q2866", method: .put)
            #expect(entity.status == .methodNotAllowed && entity.headers[.allow] == "GET, HEAD")
            let documents = try await client.execute(uri: "/v1/documents", method: .get)
            #expect(documents.status == .methodNotAllowed && documents.headers[.allow] == "POST")
            let head = try await client.execute(uri: "/healthz", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0)
            let missing = try await client.execute(uri: "/no/such/path", method: .trace)
            #expect(missing.status == .notFound)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
        try await store.close()
    }

    @Test("A body declared as anything but JSON or JSON Lines: 415 with a JSON body; JSON with a charset is analysed")
    func unsupportedMediaType() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let doc = ByteBuffer(bytes: ServerFixtures.jsonBody(["id": "m", "text": "Mario Draghi ha parlato."]))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x"] {
                let r = try await client.execute(uri: "/v1/analyze", method: .post, headers: [.contentType: type], body: doc)
                #expect(r.status == .unsupportedMediaType, "\(type)")
                #expect(Self.error(r.body)["code"] as? String == "unsupported-media-type", "\(type)")
                #expect((Self.error(r.body)["message"] as? String)?.contains("application/x-ndjson") == true)
            }
            let stored = try await client.execute(
                uri: "/v1/documents", method: .post,
                headers: Self.bearer(type: "text/plain"), body: doc)
            #expect(stored.status == .unsupportedMediaType)
            #expect(try await store.statistics().documents == 0)
            for type in ["application/json; charset=utf-8", "Application/JSON", "application/x-ndjson", "application/vnd.cronista+json"] {
                let r = try await client.execute(uri: "/v1/analyze", method: .post, headers: [.contentType: type], body: doc)
                #expect(r.status == .ok, "\(type)")
                #expect(ServerFixtures.string(r.body).hasPrefix("{\"id\":\"m\""), "\(type)")
            }
        }
        try await store.close()
    }

    @Test("replace takes true, false or blank only: a control character or spaces are a 400 naming the value, and nothing is stored")
    func replaceParameterIsAClosedList() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let doc = ByteBuffer(bytes: ServerFixtures.jsonBody(["id": "r", "text": "Mario Draghi ha parlato."]))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            // What schemathesis sent: `replace=%0B` was trimmed to blank and accepted.
            for value in ["%0B", "%20", "yes", "TRUE"] {
                let r = try await client.execute(
                    uri: "/v1/documents?replace=\(value)", method: .post, headers: Self.bearer(type: "application/json"), body: doc)
                #expect(r.status == .badRequest, "\(value)")
                #expect(Self.error(r.body)["code"] as? String == "invalid-parameter", "\(value)")
                #expect((Self.error(r.body)["message"] as? String)?.hasPrefix("replace: ") == true, "\(value)")
            }
            #expect(try await store.statistics().documents == 0)
            for value in ["", "false", "true"] {
                let r = try await client.execute(
                    uri: "/v1/documents?replace=\(value)", method: .post, headers: Self.bearer(type: "application/json"), body: doc)
                #expect(r.status == .ok || r.status == .created, "\(value): \(r.status)")
            }
            #expect(try await store.statistics().documents == 1)
        }
        try await store.close()
    }

    @Test("A request target over the limit: 414 with a JSON body, from the router and before parsing on a live socket (100 KB)")
    func uriTooLong() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        let state = ServerFixtures.state(store)
        try await ServerFixtures.application(state).test(.router) { client in
            let r = try await client.execute(uri: "/v1/quotes?q=" + String(repeating: "a", count: 9000), method: .get)
            #expect(r.status == .uriTooLong)
            #expect(Self.error(r.body)["code"] as? String == "uri-too-long")
            #expect(r.headers[.connection] == "close")
            #expect(try await client.execute(uri: "/v1/quotes?q=" + String(repeating: "a", count: 8000), method: .get).status == .ok)
        }
        try await ServerFixtures.application(state).test(.ahc(.http)) { client in
            let port = try #require(client.port)
            let line = "GET /v1/quotes?q=" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
            let r = try await RawHTTPConnection.exchange(port: port, chunks: [line], wait: .seconds(10))
            #expect(r.statuses == [414], "\(r.text.prefix(300))")
            #expect(Self.error(r.lastBody)["code"] as? String == "uri-too-long")
            #expect(r.header("Content-Type") == "application/json; charset=utf-8")
            #expect(r.closedByServer)
            let h = try await ServerFixtures.freshRequest(port: port, "/healthz")
            #expect(h.head.status == .ok)
        }
        #expect(state.metrics.connectionsRefused("uri-too-long") == 1)
        try await store.close()
    }

    @Test("More documents than --max-documents: 413 too-many-documents naming the limit; a million tiny documents refused unparsed")
    func tooManyDocuments() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let small = ServerFixtures.state(store) { $0.maxDocuments = 5 }
        try await ServerFixtures.application(small).test(.router) { client in
            let r = try await client.execute(uri: "/v1/analyze", method: .post, headers: Self.ndjsonType, body: Self.ndjson(6))
            #expect(r.status == .contentTooLarge)
            #expect(Self.error(r.body)["code"] as? String == "too-many-documents")
            #expect((Self.error(r.body)["message"] as? String)?.contains("the limit is 5 (--max-documents)") == true)
            // Blank lines are not documents: 5 documents with blank lines between them pass.
            var five = Self.ndjson(5)
            five.writeString("\n\n  \n")
            let ok = try await client.execute(uri: "/v1/analyze", method: .post, headers: Self.ndjsonType, body: five)
            #expect(ok.status == .ok)
            #expect(ServerFixtures.string(ok.body).split(separator: "\n").count == 5)
            let stored = try await client.execute(
                uri: "/v1/documents", method: .post,
                headers: Self.bearer(type: "application/x-ndjson"), body: Self.ndjson(6))
            #expect(stored.status == .contentTooLarge)
        }
        #expect(try await store.statistics().documents == 0)
        // The request: ~1 million tiny documents in one 14 MB body, under --max-body.
        let state = ServerFixtures.state(store)
        try await ServerFixtures.application(state).test(.router) { client in
            var body = ByteBuffer()
            body.reserveCapacity(14_000_000)
            for _ in 0..<1_000_000 { body.writeString("{\"text\":\"ab\"}\n") }
            #expect(body.readableBytes < ServerConfiguration.defaultMaxBodyBytes)
            let started = ContinuousClock.now
            let r = try await client.execute(uri: "/v1/analyze", method: .post, headers: Self.ndjsonType, body: body)
            #expect(r.status == .contentTooLarge)
            #expect((Self.error(r.body)["message"] as? String)?.hasPrefix("1000000 documents") == true)
            #expect(ContinuousClock.now - started < .seconds(60), "refused by counting, not by analysing")
            #expect(state.admission.inFlight.bytes == 0 && state.admission.inFlight.documents == 0)
            let h = try await client.execute(uri: "/healthz", method: .get)
            #expect(h.status == .ok)
        }
        try await store.close()
    }

    @Test("Overload: a request that does not fit the in-flight budget gets 429 with Retry-After; it fits once the other ends")
    func overload() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        let state = ServerFixtures.state(store) { $0.maxBytesInFlight = 4096 }
        try await ServerFixtures.application(state).test(.ahc(.http)) { client in
            let port = try #require(client.port)
            let long = ServerFixtures.jsonBody(["id": "long", "text": String(repeating: ServerFixtures.seedText, count: 3)])
            #expect(long.count > 4096, "alone, a request may take the whole budget")
            // The long request announces its length and sends all but its last byte until the test
            // lets it go: the server holds its bytes for as long as the test needs, on any machine.
            let head =
                "POST /v1/analyze HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(long.count)\r\n\r\n"
            let hold = DispatchSemaphore(value: 0)
            async let first = RawHTTPConnection.exchange(
                port: port, chunks: [Array(head.utf8) + long.dropLast(), [long.last!]], hold: hold, wait: .seconds(120))
            let deadline = ContinuousClock.now + .seconds(60)
            while state.admission.inFlight.bytes == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            #expect(state.admission.inFlight.bytes == long.count)
            let small = ByteBuffer(bytes: ServerFixtures.jsonBody(["id": "s", "text": "Mario Draghi ha parlato."]))
            let refused = try await client.execute(uri: "/v1/analyze", method: .post, body: small)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "1")
            #expect(refused.headers[.connection] == "close")
            #expect(Self.error(refused.body)["code"] as? String == "overloaded")
            #expect((Self.error(refused.body)["message"] as? String)?.contains("4096 bytes") == true)
            // Reading still works meanwhile.
            #expect(try await ServerFixtures.freshRequest(port: port, "/healthz").head.status == .ok)
            hold.signal()
            let done = try await first
            #expect(done.statuses == [200] && done.lastBody.hasPrefix("{\"id\":\"long\""))
            while state.admission.inFlight.bytes != 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
            #expect(state.admission.inFlight.bytes == 0 && state.admission.inFlight.refused == 1)
            let metrics = String(buffer: try await ServerFixtures.freshRequest(port: port, "/metrics").body ?? ByteBuffer())
            #expect(
                metrics.contains("\ncronista_analysis_refused_total 1\n") && metrics.contains("\ncronista_analysis_bytes_in_flight 0\n"))
            let again = try await ServerFixtures.freshRequest(port: port, "/v1/analyze", method: .post, body: small)
            #expect(again.head.status == .ok)
        }
        try await store.close()
    }

    @Test("The issue's 19 KB body of commas: 200, then the next request is served")
    func commaBody() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.ahc(.http)) { client in
            let body = ByteBuffer(string: "{\"id\":\"x\",\"text\":\"" + String(repeating: ", ", count: 9600) + "\"}")
            #expect(body.readableBytes > 19_000)
            let r = try await client.execute(uri: "/v1/analyze", method: .post, body: body)
            #expect(r.status == .ok)
            #expect(ServerFixtures.string(r.body).hasPrefix("{\"id\":\"x\""))
            let next = try await client.execute(
                uri: "/v1/analyze", method: .post,
                body: ByteBuffer(bytes: ServerFixtures.jsonBody(["id": "y", "text": "Mario Draghi ha parlato."])))
            #expect(next.status == .ok && ServerFixtures.string(next.body).hasPrefix("{\"id\":\"y\""))
        }
        try await store.close()
    }

    @Test("HTTP/1.0 without keep-alive: the connection is closed after the response; with keep-alive it stays open")
    func http10() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.ahc(.http)) { client in
            let port = try #require(client.port)
            let r = try await RawHTTPConnection.exchange(port: port, chunks: ["GET /healthz HTTP/1.0\r\n\r\n"], wait: .seconds(30))
            #expect(r.statuses == [200])
            #expect(r.lastBody.contains("\"status\":\"ok\""))
            #expect(r.header("Connection") == "close")
            #expect(r.closedByServer && r.elapsed < .seconds(20), "closed after \(r.elapsed) (idle timeout: 75 s)")
            let keep = try await RawHTTPConnection.exchange(
                port: port, chunks: ["GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"],
                wait: .seconds(60), responses: 1)
            #expect(keep.statuses == [200] && keep.header("Connection") == "keep-alive")
            #expect(!keep.closedByServer)
            // HTTP/1.1 asking to close is closed too.
            let close = try await RawHTTPConnection.exchange(
                port: port, chunks: ["GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"],
                wait: .seconds(30))
            #expect(close.statuses == [200] && close.closedByServer && close.elapsed < .seconds(20))
        }
        try await store.close()
    }

    @Test("After a 413 the connection is closed (Connection: close), not kept 75 s; a new connection is served")
    func closeAfterError() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let state = ServerFixtures.state(store) { $0.maxBodyBytes = 1000 }
        try await ServerFixtures.application(state).test(.ahc(.http)) { client in
            let port = try #require(client.port)
            let head = "POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
            let r = try await RawHTTPConnection.exchange(
                port: port, chunks: [head, String(repeating: "a", count: 5000)], wait: .seconds(30))
            #expect(r.statuses == [413])
            #expect(r.header("Connection") == "close")
            #expect(Self.error(r.lastBody)["code"] as? String == "body-too-large")
            #expect(r.closedByServer && r.elapsed < .seconds(20), "closed after \(r.elapsed) (idle timeout: 75 s)")
            // A 404 keeps the connection: a second request on it is answered.
            let two = try await RawHTTPConnection.exchange(
                port: port, chunks: ["GET /nope HTTP/1.1\r\nHost: x\r\n\r\n", "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"],
                pause: .milliseconds(200), wait: .seconds(60), responses: 2)
            #expect(two.statuses == [404, 200] && !two.closedByServer)
        }
        try await store.close()
    }

    @Test("A client dribbling its headers is answered 408 and disconnected after the header timeout; an idle keep-alive connection is not")
    func headerTimeout() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let state = ServerFixtures.state(store) { $0.headerTimeout = .milliseconds(500) }
        try await ServerFixtures.application(state).test(.ahc(.http)) { client in
            let port = try #require(client.port)
            // One header line every 100 ms for 4 s, never the blank line that ends the head.
            let dribble = ["GET /healthz HTTP/1.1\r\n"] + (0..<40).map { "X-Slow-\($0): 1\r\n" }
            let r = try await RawHTTPConnection.exchange(port: port, chunks: dribble, pause: .milliseconds(100), wait: .seconds(10))
            #expect(r.closedByServer)
            // The dribble lasts 4 s: closed before it ends is the 500 ms timeout, with room for a loaded machine.
            #expect(r.elapsed >= .milliseconds(450) && r.elapsed < .seconds(4), "closed after \(r.elapsed)")
            #expect(r.statuses == [408])
            #expect(Self.error(r.lastBody)["code"] as? String == "header-timeout")
            // Connected and silent: closed too.
            let silent = try await RawHTTPConnection.exchange(port: port, chunks: [String](), wait: .seconds(10))
            #expect(silent.closedByServer && silent.elapsed < .seconds(9) && silent.statuses == [408])
            // Idle between two requests for longer than the header timeout, and idle after them: both
            // answered, still open. (The wait leaves a loaded machine seconds to answer.)
            let request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
            let idle = try await RawHTTPConnection.exchange(
                port: port, chunks: [request, request], pause: .milliseconds(1200), wait: .seconds(60), responses: 2)
            #expect(idle.statuses == [200, 200])
            #expect(!idle.closedByServer)
            // A new connection is served. Raw, so the request is written the moment it connects: a
            // client library's connect-then-write can take longer than the 500 ms on a loaded machine,
            // and the server rightly closes it (CI saw "I/O on closed channel").
            let fresh = try await RawHTTPConnection.exchange(port: port, chunks: [request], wait: .seconds(60), responses: 1)
            #expect(fresh.statuses == [200])
        }
        // The two above, and the test client's own connection, never used here.
        #expect(state.metrics.connectionsRefused("header-timeout") >= 2)
        try await store.close()
    }

    @Test("A query parameter given twice is 400 naming it (schemathesis sent limit=&limit=x and got 200); empty values count as absent")
    func repeatedParameters() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let r = try await client.execute(uri: "/v1/entities?name=Lukashenko&limit=&limit=x", method: .get)
            #expect(r.status == .badRequest)
            #expect((Self.error(r.body)["message"] as? String)?.hasPrefix("limit: given more than once") == true)
            #expect(try await client.execute(uri: "/v1/quotes?q=a&q=b", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/?from=2024-01-01&from=2024-02-01", method: .get).status == .badRequest)
            let empty = try await client.execute(uri: "/v1/quotes?to=&from=&limit=&speaker=Lukashenko", method: .get)
            #expect(empty.status == .ok && !(ServerFixtures.json(empty.body)["quotes"] as? [Any] ?? []).isEmpty)
        }
        try await store.close()
    }

    @Test("Web pages answer errors in HTML (also without Accept: text/html), the API in JSON")
    func htmlErrorsOnPages() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let page = try await client.execute(uri: "/entities/Q0", method: .get, headers: [.accept: "*/*"])
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            let bad = try await client.execute(uri: "/?from=yesterday", method: .get)
            #expect(bad.status == .badRequest && bad.headers[.contentType]?.hasPrefix("text/html") == true)
            let json = try await client.execute(uri: "/entities/Q0", method: .get, headers: [.accept: "application/json"])
            #expect(json.status == .notFound && Self.error(json.body)["code"] as? String == "not-found")
            let api = try await client.execute(uri: "/v1/entities/Q0", method: .get, headers: [.accept: "text/html"])
            #expect(api.status == .notFound && Self.error(api.body)["code"] as? String == "not-found")
        }
        try await store.close()
    }
}
