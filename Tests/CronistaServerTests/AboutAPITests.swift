import CronistaServer
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What A said about B over HTTP: `/v1/quotes?speaker=A&about=B` and the search page's `about`
/// field, on a live server on loopback over the ingested seed (SQLite always, PostgreSQL when
/// `CRONISTA_POSTGRES_URL` names a server).
@Suite("About whom: API and search page")
struct AboutAPITests {
    typealias Backend = ServerFixtures.Backend

    static func get(_ client: some TestClientProtocol, _ uri: String, status: HTTPResponse.Status = .ok) async throws -> [String: Any] {
        let r = try await client.execute(uri: uri, method: .get)
        #expect(r.status == status, "\(uri): \(String(buffer: r.body))")
        return ServerFixtures.json(r.body)
    }

    @Test(
        "/v1/quotes?speaker=Lukashenko&about=Putin: the seed's «Loro (i francesi, ndr)…», with whom it is about",
        arguments: Backend.allCases)
    func api(_ backend: Backend) async throws {
        guard let store = try await ServerFixtures.seededStore(backend) else { return }
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.ahc(.http)) { client in
            let page = try await Self.get(client, "/v1/quotes?speaker=Lukashenko&about=Putin")
            let quotes = page["quotes"] as? [[String: Any]] ?? []
            #expect(quotes.count == 1, "\(quotes)")
            let q = try #require(quotes.first)
            #expect(q["start"] as? Int == 776 && q["end"] as? Int == 1050)
            let about = try #require(q["about"] as? [[String: Any]])
            #expect(about.map { $0["name"] as? String } == ["Bielorussia", "Vladimir Putin", "Europa"], "\(about)")
            #expect(about.map { $0["kb"] as? String } == ["Q184", "Q7747", nil], "Europa has no KB id")
            #expect(about.last?["entity"] as? String == "LOC:europa")
            #expect(
                about.first { $0["name"] as? String == "Vladimir Putin" }?["entity"] as? String == "Q7747", "an id for /v1/entities/{id}")
            #expect(about.allSatisfy { ["PER", "ORG", "LOC"].contains($0["type"] as? String ?? "") })
            // Accent- and case-insensitive, KB ids too; a value that is a key of no quote's entity finds nothing.
            for b in ["putin", "Q7747", "bielorussia", "BIELORUSSIA", "Vladimir%20Putin"] {
                let r = try await Self.get(client, "/v1/quotes?speaker=Lukashenko&about=\(b)")
                #expect((r["quotes"] as? [[String: Any]])?.map { $0["start"] as? Int } == [776], "about=\(b)")
            }
            // Europe: this quote and Lukashenko's paraphrase about a conquest of Europe.
            let europa = try await Self.get(client, "/v1/quotes?speaker=Lukashenko&about=europa")["quotes"] as? [[String: Any]] ?? []
            #expect(Set(europa.compactMap { $0["start"] as? Int }) == [502, 776])
            #expect((try await Self.get(client, "/v1/quotes?speaker=Lukashenko&about=Telegram")["quotes"] as? [Any])?.isEmpty == true)
            #expect((try await Self.get(client, "/v1/quotes?about=Telegram")["quotes"] as? [Any])?.isEmpty == true)
            #expect((try await Self.get(client, "/v1/quotes?about=%21%21%21")["quotes"] as? [Any])?.isEmpty == true)
            // Without the filter every quote still carries its list ([] when about no one).
            let all = try await Self.get(client, "/v1/quotes?speaker=Lukashenko")["quotes"] as? [[String: Any]] ?? []
            #expect(all.count >= 3 && all.allSatisfy { $0["about"] is [Any] })
            // A repeated parameter is refused, naming it.
            let e = try await Self.get(client, "/v1/quotes?about=Putin&about=Europa", status: .badRequest)["error"] as? [String: Any]
            #expect((e?["message"] as? String)?.hasPrefix("about") == true, "\(String(describing: e))")
        }
        try await store.close()
    }

    @Test("Search page: an About field; Lukashenko about Putin is one card listing whom it is about; about Telegram, none")
    func page() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.ahc(.http)) { client in
            let r = try await client.execute(uri: "/?speaker=Lukashenko&about=Putin", method: .get, headers: [.accept: "text/html"])
            #expect(r.status == .ok)
            let html = String(buffer: r.body)
            #expect(html.contains("<input type=\"search\" name=\"about\" value=\"Putin\""))
            #expect(html.components(separatedBy: "<article class=\"quote\"").count == 2, "one quote")
            #expect(html.contains("«Loro (i francesi, ndr) stanno cercando di spaventarci"))
            #expect(html.contains("about: <a class=\"about\" href=\"/entities/Q184\">Bielorussia</a>"), "\(html)")
            #expect(html.contains("<a class=\"about\" href=\"/entities/Q7747\">Vladimir Putin</a>"))
            let none = String(buffer: try await client.execute(uri: "/?speaker=Lukashenko&about=Telegram", method: .get).body)
            #expect(!none.contains("<article class=\"quote\"") && none.contains("No quote matches."))
            // The document page lists whom each quote is about under it.
            let document = String(buffer: try await client.execute(uri: "/documents/\(ServerFixtures.seedID)", method: .get).body)
            #expect(
                document.contains(
                    "about: <a class=\"about\" href=\"/entities/Q184\">Bielorussia</a>, <a class=\"about\" href=\"/entities/Q7747\">Vladimir Putin</a>"
                ))
            // About alone.
            let home = String(buffer: try await client.execute(uri: "/?about=Putin", method: .get).body)
            #expect(home.contains("value=\"Putin\"") && home.contains("<article class=\"quote\""))
        }
        try await store.close()
    }
}
