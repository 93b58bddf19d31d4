import CronistaServer
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /v1/analyze` against the real router and engine: the same bytes as the command line.
@Suite("POST /v1/analyze")
struct AnalyzeAPITests {
    @Test("The seed article: byte for byte what `cronista analyze SEED.txt` prints")
    func seedIsByteIdenticalToTheCLI() async throws {
        let cli = try await CLIRunner.run(["analyze", Fixtures.seedTextPath])
        try #require(cli.status == 0, "cronista analyze failed: \(cli.stderr)")
        try #require(cli.stdout.contains("\"id\":\"000_193cd34c33125298\""))
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let app = ServerFixtures.application(ServerFixtures.state(store))
        try await app.test(.router) { client in
            let r = try await client.execute(
                uri: "/v1/analyze", method: .post, headers: [.contentType: "application/json"], body: ServerFixtures.seedBody)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/json; charset=utf-8")
            let body = ServerFixtures.string(r.body)
            #expect(body == cli.stdout, "API and CLI differ")
            #expect(body.hasSuffix("}\n") && body.filter { $0 == "\n" }.count == 1)
            // Real content, not just equal: Lukashenko is quoted.
            let quotes = ServerFixtures.json(r.body)["quotes"] as? [[String: Any]] ?? []
            #expect(quotes.count >= 4)
            #expect(quotes.contains { ($0["text"] as? String)?.hasPrefix("Loro (i francesi, ndr) stanno cercando di spaventarci") == true })
        }
        try await store.close()
    }

    @Test("JSON Lines: one output line per input line, in order, as the CLI prints them from standard input")
    func jsonLinesBatch() async throws {
        let lines = [
            ServerFixtures.jsonBody([
                "id": "a", "text": "Il ministro ha detto: «Siamo pronti a trattare». Lo riferisce Ansa.", "published": "2024-05-01",
                "source": "Ansa"
            ]),
            ServerFixtures.jsonBody(["text": "Mario Draghi ha affermato che l'Europa deve cambiare."]),
            ServerFixtures.jsonBody(["id": "c", "text": ""])
        ]
        let input: [UInt8] = lines.flatMap { line -> [UInt8] in line + [0x0A] }
        // The CLI names documents without an id after the input (`stdin-LINE`); the API `request-LINE`.
        let cli = try await CLIRunner.run(["analyze", "-"], stdin: Data(input))
        try #require(cli.status == 0, "\(cli.stderr)")
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let r = try await client.execute(
                uri: "/v1/analyze", method: .post, headers: [.contentType: "application/x-ndjson"], body: ByteBuffer(bytes: input))
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "application/x-ndjson; charset=utf-8")
            let body = ServerFixtures.string(r.body)
            #expect(body == cli.stdout.replacingOccurrences(of: "\"id\":\"stdin-2\"", with: "\"id\":\"request-2\""))
            let ids = body.split(separator: "\n").map {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
            }
            #expect(ids == ["a", "request-2", "c"])
            // Without the content type, a body that is not one JSON value is read as JSON Lines too.
            let r2 = try await client.execute(uri: "/v1/analyze", method: .post, body: ByteBuffer(bytes: input))
            #expect(ServerFixtures.string(r2.body) == body)
        }
        try await store.close()
    }

    @Test("Bad bodies: 400 with a JSON error naming the problem and, for JSON Lines, every bad line")
    func malformedBodies() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            func post(_ body: String, type: String? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
                var h: HTTPFields = [:]
                if let type { h[.contentType] = type }
                let r = try await client.execute(uri: "/v1/analyze", method: .post, headers: h, body: ByteBuffer(string: body))
                #expect(r.headers[.contentType] == "application/json; charset=utf-8")
                return (r.status, ServerFixtures.json(r.body)["error"] as? [String: Any] ?? [:])
            }
            var (s, e) = try await post("{\"id\": \"x\", \"text\": ")
            #expect(s == .badRequest && e["code"] as? String == "malformed-json" && e["line"] as? Int == 1)
            (s, e) = try await post("{\"id\": \"x\"}")
            #expect(s == .badRequest && e["code"] as? String == "missing-field")
            #expect((e["message"] as? String)?.contains("\"text\"") == true, "\(e)")
            (s, e) = try await post("{\"text\": 42}")
            #expect(
                s == .badRequest && e["code"] as? String == "missing-field" && (e["message"] as? String)?.contains("not a string") == true)
            (s, e) = try await post("[1, 2]")
            #expect(s == .badRequest && e["code"] as? String == "malformed-json")
            (s, e) = try await post("   \n ")
            #expect(s == .badRequest && e["code"] as? String == "empty-body")
            (s, e) = try await post(
                "{\"text\": \"buono\"}\n\n{\"text\": \"rotto\"\n{\"id\": \"senza testo\"}\n{\"text\": \"ok\"}\n",
                type: "application/x-ndjson")
            #expect(s == .badRequest && e["code"] as? String == "malformed-json" && e["line"] as? Int == 3)
            let problems = e["problems"] as? [[String: Any]] ?? []
            #expect(problems.map { $0["line"] as? Int } == [3, 4])
            #expect(problems.map { $0["code"] as? String } == ["malformed-json", "missing-field"])
            #expect((e["message"] as? String)?.hasPrefix("line 3:") == true)
            // Invalid UTF-8 inside a line.
            var bad = Array("{\"text\": \"a".utf8)
            bad += [0xC3, 0x28]
            bad += Array("\"}".utf8)
            let r = try await client.execute(uri: "/v1/analyze", method: .post, body: ByteBuffer(bytes: bad))
            #expect(
                r.status == .badRequest && (ServerFixtures.json(r.body)["error"] as? [String: Any])?["code"] as? String == "invalid-utf8")
            // And the server still analyses.
            let ok = try await client.execute(uri: "/v1/analyze", method: .post, body: ServerFixtures.seedBody)
            #expect(ok.status == .ok && ServerFixtures.string(ok.body).contains("Lukashenko"))
        }
        try await store.close()
    }
}
