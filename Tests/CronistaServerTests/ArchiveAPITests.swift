import CronistaServer
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The read API over a store holding the ingested seed article: on SQLite always, on PostgreSQL
/// when `CRONISTA_POSTGRES_URL` names a server.
@Suite("Archive API")
struct ArchiveAPITests {
    typealias Backend = ServerFixtures.Backend

    static func get(_ client: some TestClientProtocol, _ uri: String, status: HTTPResponse.Status = .ok) async throws -> [String: Any] {
        let r = try await client.execute(uri: uri, method: .get)
        #expect(r.status == status, "\(uri): \(String(buffer: r.body))")
        return ServerFixtures.json(r.body)
    }

    @Test("Quotes by speaker, words, dates and source; cursor pages add up to the whole", arguments: Backend.allCases)
    func quotes(_ backend: Backend) async throws {
        guard let store = try await ServerFixtures.seededStore(backend) else { return }
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let all = try await Self.get(client, "/v1/quotes?speaker=Lukashenko")["quotes"] as? [[String: Any]] ?? []
            #expect(all.count >= 3, "\(all)")
            #expect(all.allSatisfy { ($0["speaker"] as? [String: Any])?["kb"] as? String == "Q2866" })
            #expect(all.allSatisfy { ($0["speaker"] as? [String: Any])?["entity"] as? String == "Q2866" })
            let loro = try #require(all.first { ($0["text"] as? String)?.hasPrefix("Loro (i francesi, ndr)") == true })
            #expect(loro["kind"] as? String == "direct")
            // Offsets are code points into the text: text[start:end] is the quote.
            let s = loro["start"] as? Int ?? -1, e = loro["end"] as? Int ?? -1
            let scalars = Array(ServerFixtures.seedText.unicodeScalars)
            #expect(s == 776 && e == 1050)
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == loro["text"] as? String)
            #expect((loro["cue"] as? [String: Any])?["text"] as? String == "ha detto")
            #expect(loro["published"] as? String == "2024-04-12" && loro["source"] as? String == "ansa")

            // Words (form encoding: + is a space), dates, source.
            let words =
                try await Self.get(client, "/v1/quotes?speaker=lukashenko&q=francesi+spaventarci")["quotes"] as? [[String: Any]] ?? []
            #expect(words.count == 1 && words.first?["start"] as? Int == 776)
            #expect((try await Self.get(client, "/v1/quotes?speaker=Lukashenko&from=2024-05-01")["quotes"] as? [Any])?.isEmpty == true)
            #expect((try await Self.get(client, "/v1/quotes?speaker=Lukashenko&to=2024-04-12")["quotes"] as? [Any])?.count == all.count)
            #expect((try await Self.get(client, "/v1/quotes?speaker=Lukashenko&source=ANSA")["quotes"] as? [Any])?.count == all.count)
            #expect((try await Self.get(client, "/v1/quotes?speaker=Lukashenko&source=belta")["quotes"] as? [Any])?.isEmpty == true)
            #expect(
                (try await Self.get(client, "/v1/quotes?speaker=S%C3%A9journ%C3%A9")["quotes"] as? [[String: Any]])?.first?["kind"]
                    as? String == "mixed")

            // Pages of one, following next_cursor, give the same quotes in the same order.
            var paged: [String] = []
            var cursor: String?
            for _ in 0..<20 {
                let page = try await Self.get(client, "/v1/quotes?speaker=Lukashenko&limit=1" + (cursor.map { "&cursor=\($0)" } ?? ""))
                let qs = page["quotes"] as? [[String: Any]] ?? []
                paged += qs.compactMap { $0["quote"] as? String }
                cursor = page["next_cursor"] as? String
                if cursor == nil { break }
            }
            #expect(paged == all.compactMap { $0["quote"] as? String })
            let full = try await Self.get(client, "/v1/quotes?speaker=Lukashenko&limit=\(all.count + 1)")
            #expect(full["next_cursor"] is NSNull, "no next page after a short page")

            // Bad parameters: 400 naming the parameter.
            for (uri, name) in [
                ("/v1/quotes?limit=0", "limit"), ("/v1/quotes?limit=x", "limit"), ("/v1/quotes?from=12-04-2024", "from"),
                ("/v1/quotes?cursor=zz", "cursor"), ("/v1/quotes?entity=PER:Bad%20Name", "entity")
            ] {
                let e = try await Self.get(client, uri, status: .badRequest)["error"] as? [String: Any] ?? [:]
                #expect(e["code"] as? String == "invalid-parameter" && (e["message"] as? String)?.hasPrefix(name) == true, "\(uri): \(e)")
            }
        }
        try await store.close()
    }

    @Test("Entities: search, one entity with its quotes and co-mentions, 404 for unknown ids", arguments: Backend.allCases)
    func entities(_ backend: Backend) async throws {
        guard let store = try await ServerFixtures.seededStore(backend) else { return }
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let hits = try await Self.get(client, "/v1/entities?name=lukashenko")["entities"] as? [[String: Any]] ?? []
            #expect(hits.count == 1)
            #expect(hits.first?["id"] as? String == "Q2866" && hits.first?["name"] as? String == "Aleksander Lukashenko")
            #expect(hits.first?["documents"] as? Int == 1 && (hits.first?["mentions"] as? Int ?? 0) >= 4)
            _ = try await Self.get(client, "/v1/entities", status: .badRequest)

            let page = try await Self.get(client, "/v1/entities/Q2866")
            #expect((page["entity"] as? [String: Any])?["name"] as? String == "Aleksander Lukashenko")
            let quotes = page["quotes"] as? [[String: Any]] ?? []
            #expect(quotes.count >= 3 && quotes.allSatisfy { ($0["speaker"] as? [String: Any])?["entity"] as? String == "Q2866" })
            let co = page["co_mentions"] as? [[String: Any]] ?? []
            let names = Set(co.compactMap { $0["name"] as? String })
            #expect(names.contains("Vladimir Putin") && names.contains("Mosca") && !names.contains("Aleksander Lukashenko"), "\(names)")
            #expect(co.allSatisfy { $0["documents"] as? Int == 1 })
            // Every co-mentioned entity has a page of its own, by the id the API gave.
            for e in co.prefix(5) {
                let id = try #require(e["id"] as? String)
                let encoded =
                    id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ":_-."))) ?? id
                let other = try await Self.get(client, "/v1/entities/\(encoded)")
                #expect((other["entity"] as? [String: Any])?["name"] as? String == e["name"] as? String)
                #expect((other["co_mentions"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == "Q2866" })
            }
            let missing = try await Self.get(client, "/v1/entities/Q0", status: .notFound)
            #expect((missing["error"] as? [String: Any])?["code"] as? String == "not-found")
            _ = try await Self.get(client, "/v1/entities/kb:org%2Fnothing", status: .notFound)
            // No entity can have an id that does not parse: 404 like any unknown id.
            _ = try await Self.get(client, "/v1/entities/PER:Not%20Folded", status: .notFound)
        }
        try await store.close()
    }

    @Test("GET /v1/documents/{id}: the metadata, the text and the stored analysis", arguments: Backend.allCases)
    func document(_ backend: Backend) async throws {
        guard let store = try await ServerFixtures.seededStore(backend) else { return }
        let stored = try #require(try await store.analysisJSON(documentID: ServerFixtures.seedID))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let r = try await client.execute(uri: "/v1/documents/\(ServerFixtures.seedID)", method: .get)
            #expect(r.status == .ok)
            let json = ServerFixtures.json(r.body)
            let doc = json["document"] as? [String: Any] ?? [:]
            #expect(doc["id"] as? String == ServerFixtures.seedID && doc["text"] as? String == ServerFixtures.seedText)
            #expect(doc["title"] as? String == "Lukashenko: attacco alla Nato è una bugia" && doc["published"] as? String == "2024-04-12")
            // The analysis is embedded byte for byte as stored (what `cronista show` prints).
            #expect(String(buffer: r.body).contains("\"analysis\":" + stored + "}"))
            #expect((json["analysis"] as? [String: Any])?["id"] as? String == ServerFixtures.seedID)
            _ = try await Self.get(client, "/v1/documents/nope", status: .notFound)
        }
        try await store.close()
    }

    @Test("A document id that holds percent escapes (a URL) is reached escaped as RFC 3986 says, and as written")
    func percentInDocumentID() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let id = "giornale.example%2F2024%2Fcaff%C3%A8-e-politica"
        let body = ByteBuffer(
            bytes: ServerFixtures.jsonBody(["id": id, "text": "Il sindaco Beppe Sala ha detto: «Milano riparte dai quartieri»."]))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let post = try await client.execute(uri: "/v1/documents", method: .post, headers: ServerFixtures.bearer, body: body)
            #expect(ServerFixtures.json(post.body)["stored"] as? [String] == [id])
            let escaped = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(escaped.contains("%252F"))
            for path in [escaped, id] {
                let r = try await client.execute(uri: "/v1/documents/\(path)", method: .get)
                #expect(r.status == .ok, "\(path)")
                #expect((ServerFixtures.json(r.body)["document"] as? [String: Any])?["id"] as? String == id)
            }
            // A decoded reading that names nothing is a 404, not some other document.
            _ = try await Self.get(client, "/v1/documents/giornale.example%2F2025%2Fcaff%C3%A8-e-politica", status: .notFound)
            let del = try await client.execute(
                uri: "/v1/documents/\(id)", method: .delete, headers: ServerFixtures.bearer)
            #expect(del.status == .ok && ServerFixtures.json(del.body)["deleted"] as? String == id)
            #expect(try await store.statistics().documents == 0)
        }
        try await store.close()
    }
}
