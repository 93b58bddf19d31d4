import CronistaServer
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /v1/export/quotes|events` and the search page's download link, over the seeded store.
@Suite("Export API")
struct ExportAPITests {
    typealias Backend = ServerFixtures.Backend

    @Test(
        "Quotes export as CSV and JSON Lines: every quote of the search, a header, CRLF; events too; 400 for a bad format",
        arguments: Backend.allCases)
    func exports(_ backend: Backend) async throws {
        guard let store = try await ServerFixtures.seededStore(backend) else { return }
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let page = try await ArchiveAPITests.get(client, "/v1/quotes?speaker=Lukashenko&limit=1000")["quotes"] as? [[String: Any]] ?? []
            #expect(page.count >= 3)

            let jsonl = try await client.execute(uri: "/v1/export/quotes?speaker=Lukashenko&format=jsonl", method: .get)
            #expect(jsonl.status == .ok)
            #expect(jsonl.headers[.contentType] == "application/x-ndjson; charset=utf-8")
            let lines = String(buffer: jsonl.body).split(separator: "\n").map { ServerFixtures.json(ByteBuffer(string: String($0))) }
            #expect(lines.map { $0["text"] as? String } == page.map { $0["text"] as? String })
            #expect(lines.map { $0["start"] as? Int } == page.map { $0["start"] as? Int })

            let csv = try await client.execute(uri: "/v1/export/quotes?speaker=Lukashenko", method: .get)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv; charset=utf-8") == true)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"quotes.csv\"")
            let text = String(buffer: csv.body)
            #expect(text.hasPrefix("document,quote,kind,start,end,text,"))
            #expect(text.hasSuffix("\r\n"))
            // One record per quote: records end in CRLF, line breaks inside a quote are bare LF.
            #expect(text.components(separatedBy: "\r\n").count - 2 == page.count, "\(text)")

            let events = try await ArchiveAPITests.get(client, "/v1/events?limit=1000")["events"] as? [[String: Any]] ?? []
            let exported = try await client.execute(uri: "/v1/export/events?format=jsonl", method: .get)
            let eventLines = String(buffer: exported.body).split(separator: "\n").map {
                ServerFixtures.json(ByteBuffer(string: String($0)))
            }
            #expect(!events.isEmpty && eventLines.map { $0["event"] as? String } == events.map { $0["event"] as? String })

            let bad = try await client.execute(uri: "/v1/export/quotes?format=xlsx", method: .get)
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("format"))
            let badFlag = try await client.execute(uri: "/v1/export/events?guard_formulas=maybe", method: .get)
            #expect(badFlag.status == .badRequest)
            #expect(String(buffer: badFlag.body).contains("guard_formulas"))
            // No seeded cell starts with a formula character: the guarded CSV is the same bytes.
            let guarded = try await client.execute(uri: "/v1/export/quotes?speaker=Lukashenko&guard_formulas=true", method: .get)
            #expect(guarded.status == .ok && String(buffer: guarded.body) == text)
        }
    }

    @Test("The search page links to the CSV of the whole search, with its filters", arguments: [Backend.sqlite])
    func downloadLink(_ backend: Backend) async throws {
        guard let store = try await ServerFixtures.seededStore(backend) else { return }
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let r = try await client.execute(uri: "/?speaker=Lukashenko", method: .get)
            let html = String(buffer: r.body)
            #expect(html.contains("href=\"/v1/export/quotes?speaker=Lukashenko&amp;format=csv\""), "\(html)")
            #expect(html.contains("href=\"/v1/export/quotes?speaker=Lukashenko&amp;format=csv&amp;guard_formulas=true\""), "\(html)")
            let none = try await client.execute(uri: "/?speaker=Nessunonessuno", method: .get)
            #expect(!String(buffer: none.body).contains("/v1/export/quotes"))
        }
    }
}
