import CronistaCore
import CronistaNLP
import CronistaServer
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /v1/events`, the entity page's timeline and the document page's event and time highlights,
/// over a store holding the seed and the two analysed documents of ``EventSamples``.
@Suite("Events API and pages")
struct EventAPITests {
    typealias Backend = ServerFixtures.Backend

    /// The seeded store with ``EventSamples`` added as `ingest --analysed` stores them.
    static func eventStore(_ backend: Backend) async throws -> (any DocumentStore)? {
        guard let store = try await ServerFixtures.seededStore(backend) else { return nil }
        var docs: [StorableDocument] = []
        for d in [EventSamples.tajani, EventSamples.minsk] {
            let line = try JSONSerialization.data(withJSONObject: d)
            let doc = try Document(analysisJSON: Array(line), text: d["text"] as? String ?? "")
            docs.append(try StorableDocument(document: doc, analysisJSON: doc.analysisJSON()))
        }
        #expect(try await store.store(docs).stored.count == 2)
        return store
    }

    static func events(_ client: some TestClientProtocol, _ query: String) async throws -> [[String: Any]] {
        try await ArchiveAPITests.get(client, "/v1/events" + query)["events"] as? [[String: Any]] ?? []
    }

    static func ids(_ hits: [[String: Any]]) -> [String] {
        hits.map { "\($0["document"] as? String ?? "")/\($0["event"] as? String ?? "")" }
    }

    @Test("Events by type, actor, role, dates and document; pages by offset; 400 for bad filters", arguments: Backend.allCases)
    func events(_ backend: Backend) async throws {
        guard let store = try await Self.eventStore(backend) else { return }
        let (t, m) = (EventSamples.tajaniID, EventSamples.minskID)
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            // The seeded store also holds the seed article, whose events the engine found: these
            // checks are about the two sample documents.
            func ours(_ hits: [[String: Any]]) -> [[String: Any]] {
                hits.filter { [t, m].contains($0["document"] as? String ?? "") }
            }
            let everything = try await Self.events(client, "")
            let all = ours(everything)
            #expect(Self.ids(all) == ["\(t)/ev2", "\(t)/ev3", "\(t)/ev1", "\(m)/ev1", "\(m)/ev2", "\(m)/ev3"])
            let accuse = ours(try await Self.events(client, "?type=ACCUSE&actor=Q2866&from=2023-01-01&to=2023-12-31"))
            #expect(Self.ids(accuse) == ["\(m)/ev1"])
            let hit = try #require(accuse.first)
            let source = try #require((hit["source"] as? [[String: Any]])?.first)
            #expect(source["entity"] as? String == "Q2866" && source["name"] as? String == "Aleksander Lukashenko")
            #expect(hit["document_source"] as? String == "Belta" && hit["published"] as? String == "2023-11-20")
            #expect(ours(try await Self.events(client, "?type=ACCUSE&actor=Q2866&from=2024-01-01&to=2024-12-31")).isEmpty)
            #expect(Self.ids(ours(try await Self.events(client, "?actor=Tajani&role=target"))) == [])
            #expect(Self.ids(ours(try await Self.events(client, "?entity=Q239&role=location"))) == ["\(t)/ev2"])
            #expect(Self.ids(ours(try await Self.events(client, "?type=consult&mode=MEET"))) == ["\(t)/ev2"])
            #expect(Self.ids(try await Self.events(client, "?document=\(m)&role=source")).count == 3)
            let meet = try #require(all.first)
            #expect((meet["location"] as? [String: Any])?["name"] as? String == "Bruxelles")
            #expect(meet["date"] as? String == "2024-03-07" && meet["day"] as? String == "2024-03-07")
            let troops = try #require(all.last)
            #expect(troops["date"] is NSNull && troops["day"] as? String == "2023-11-20")
            #expect(((troops["source"] as? [[String: Any]])?.first?["entity"]) is NSNull)

            // Pages by offset add up to the whole.
            var paged: [String] = []
            var offset: Int? = 0
            while let o = offset {
                let page = try await ArchiveAPITests.get(client, "/v1/events?limit=4&offset=\(o)")
                paged += Self.ids(page["events"] as? [[String: Any]] ?? [])
                offset = page["next_offset"] as? Int
            }
            #expect(paged == Self.ids(everything))

            // Bad parameters: 400 naming the parameter, as the other endpoints answer.
            for (uri, name) in [
                ("/v1/events?from=2024-02-30", "from"), ("/v1/events?to=12-04-2024", "to"), ("/v1/events?role=witness", "role"),
                ("/v1/events?offset=-1", "offset"), ("/v1/events?offset=x", "offset"), ("/v1/events?limit=0", "limit"),
                ("/v1/events?entity=PER:Bad%20Name", "entity"), ("/v1/events?type=ACCUSE&type=AGREE", "type")
            ] {
                let e = try await ArchiveAPITests.get(client, uri, status: .badRequest)["error"] as? [String: Any]
                #expect(e?["code"] as? String == "invalid-parameter", "\(uri)")
                #expect((e?["message"] as? String)?.hasPrefix(name + ":") == true, "\(uri): \(e ?? [:])")
            }
            let bad = try await ArchiveAPITests.get(client, "/v1/events?from=2024-02-30", status: .badRequest)["error"] as? [String: Any]
            #expect(bad?["message"] as? String == "from: '2024-02-30' is not a date (YYYY-MM-DD)")
        }
        try await store.close()
    }

    @Test("The entity page's timeline and the document page's event and time highlights")
    func pages() async throws {
        guard let store = try await Self.eventStore(.sqlite) else { return }
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let page = try await client.execute(uri: "/entities/Q440710?lang=en", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("Timeline: events and quotes"))
            // Newest first: the meeting, the quote and its accusation of 5 March, yesterday's accusation.
            let days = html.components(separatedBy: "<li class=\"tl ").dropFirst().map { $0.prefix(60) }
            #expect(days.map { $0.hasPrefix("event") ? "event" : "said" } == ["event", "said", "event", "event"], "\(days)")
            #expect(html.contains("data-day=\"2024-03-07\" data-type=\"CONSULT\""))
            #expect(html.contains("href=\"/entities/Q11869065\">Kaja Kallas</a>"), "the other participants, linked")
            #expect(html.contains("href=\"/documents/\(EventSamples.tajaniID)#ev1\""), "a link to the event in its document")
            #expect(!html.contains("class=\"participant\" href=\"/entities/Q440710\""), "not the entity itself")
            let it = String(buffer: try await client.execute(uri: "/entities/Q440710?lang=it", method: .get).body)
            #expect(it.contains("Cronologia: eventi e citazioni") && it.contains("verso"))
            // Minsk is named, but neither takes part in an event nor speaks.
            let none = String(buffer: try await client.execute(uri: "/entities/Q2280?lang=en", method: .get).body)
            #expect(none.contains("No event or quote of Minsk in the store."), "\(none)")

            let doc = String(buffer: try await client.execute(uri: "/documents/\(EventSamples.tajaniID)?lang=en", method: .get).body)
            #expect(doc.contains("<span class=\"ev\" id=\"ev1\" data-event=\"ev1\" data-type=\"ACCUSE\""), "\(doc)")
            #expect(doc.contains("data-event=\"ev2\"") && doc.contains("data-event=\"ev3\""))
            #expect(doc.contains("<span class=\"tx\" data-time=\"t2\" data-value=\"2024-03-04\" title=\"DATE 2024-03-04\">Ieri</span>"))
            #expect(doc.contains("<span class=\"sw ev\"></span>event") && doc.contains("<span class=\"sw tx\"></span>time expression"))
            let docIt = String(buffer: try await client.execute(uri: "/documents/\(EventSamples.tajaniID)?lang=it", method: .get).body)
            #expect(docIt.contains("espressione di tempo") && docIt.contains("<span class=\"sw ev\"></span>evento"))
        }
        try await store.close()
    }
}
