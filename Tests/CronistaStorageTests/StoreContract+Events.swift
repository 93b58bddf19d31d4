import CronistaCore
import CronistaStorage
import Testing

/// The event search, the timeline and the life of event rows, for every backend.
extension StoreContract {
    /// A fresh store with the two event documents and the second Lukashenko article (a quote, no events).
    func eventStore() async throws -> (any DocumentStore, tajani: StorableDocument, minsk: StorableDocument) {
        let store = try await makeStore()
        let tajani = try StoreFixtures.storable(try StoreFixtures.tajaniDocument())
        let minsk = try StoreFixtures.storable(try StoreFixtures.minskDocument())
        let second = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        #expect(try await store.store([tajani, minsk, second]).stored.count == 3)
        return (store, tajani, minsk)
    }

    func ids(_ hits: [EventHit]) -> [String] { hits.map { "\($0.documentID)/\($0.eventID)" } }

    static let t = "ev-tajani-2024-03-05", m = "ev-minsk-2023-11-20"

    func eventSearch() async throws {
        let (store, tajani, minsk) = try await eventStore()
        defer { Task { try? await store.close() } }
        let (t, m) = (Self.t, Self.m)
        let stats = try await store.statistics()
        #expect(stats.events == 6 && stats.times == 4)
        #expect(stats.participants == (tajani.events + minsk.events).reduce(0) { $0 + $1.participants.count })
        #expect(stats.participants == 12)

        // Newest first by the event's day (its date, else the publication day), then id and order.
        let all = try await store.events(EventQuery())
        #expect(ids(all) == ["\(t)/ev2", "\(t)/ev3", "\(t)/ev1", "\(m)/ev1", "\(m)/ev2", "\(m)/ev3"])
        #expect(all.map(\.day) == ["2024-03-07", "2024-03-05", "2024-03-04", "2023-11-20", "2023-11-20", "2023-11-20"])
        #expect(all[4].date == nil, "an event without a date keeps none; its day is the publication's")

        // The hit: spans in code points with their text, the quote link, participants with entities.
        let mente = try #require(all.first { $0.documentID == t && $0.eventID == "ev3" })
        #expect(mente.type == "ACCUSE" && mente.mode == "allege" && mente.cameo == "112" && mente.quad == 3)
        #expect(mente.trigger.text == "mente")
        #expect(mente.trigger.text == StoreFixtures.slice(StoreFixtures.tajaniText, mente.trigger.startScalar, mente.trigger.endScalar))
        #expect(mente.quoteID == "q1" && mente.quoteRole == "act" && mente.claim == nil)
        #expect(mente.published == "2024-03-05" && mente.source == "agenzia" && mente.title == "Tajani accusa la Russia")
        let source = try #require(mente.participants(.source).first)
        #expect(source.name == "Antonio Tajani" && source.kb == "Q440710" && source.type == "PER")
        #expect(source.country == "ITA" && source.sector == "GOV")
        #expect(source.span.text == "Tajani" && source.span.startScalar == StoreFixtures.tajaniText.unicodeScalars.count - 7)
        #expect(mente.participants(.target).map(\.name) == ["Mosca"])
        let accusa = try #require(all.first { $0.documentID == t && $0.eventID == "ev1" })
        #expect(accusa.claim?.text == "violare la tregua" && accusa.quoteID == nil && accusa.quoteRole == nil)
        let meet = try #require(all.first)
        #expect(meet.participants.map(\.role) == [.source, .target, .location])
        #expect(meet.participants(.location).first?.entity == EntityKey(kb: "Q239"))
        let troops = try #require(all.last)
        #expect(troops.participants.count == 1 && troops.participants[0].name == nil && troops.participants[0].entity == nil)
        #expect(troops.participants[0].span.text == "migliaia di soldati polacchi" && troops.participants[0].sector == "MIL")

        // Type and mode, case-insensitive.
        #expect(ids(try await store.events(EventQuery(type: "ACCUSE"))) == ["\(t)/ev3", "\(t)/ev1", "\(m)/ev1"])
        #expect(ids(try await store.events(EventQuery(type: "accuse", mode: "DISAPPROVE"))) == ["\(t)/ev1", "\(m)/ev1"])
        #expect(try await store.events(EventQuery(type: "SANCTION")).isEmpty)
        // An actor by KB id, by name, by one word of the name, accent- and case-insensitive.
        #expect(ids(try await store.events(EventQuery(type: "ACCUSE", actor: "Q2866"))) == ["\(m)/ev1"])
        #expect(ids(try await store.events(EventQuery(actor: "lukashenko"))) == ["\(m)/ev1"])
        #expect(ids(try await store.events(EventQuery(actor: "Tajani"))) == ["\(t)/ev2", "\(t)/ev3", "\(t)/ev1"])
        #expect(ids(try await store.events(EventQuery(actor: "Polonia"))) == ["\(m)/ev1", "\(m)/ev2"])
        #expect(ids(try await store.events(EventQuery(actor: "Bruxelles"))) == ["\(t)/ev2"])
        // A participant that is no entity, by its folded text.
        #expect(ids(try await store.events(EventQuery(actor: "Migliaia di soldati polacchi"))) == ["\(m)/ev3"])
        #expect(try await store.events(EventQuery(actor: "Putin")).isEmpty)
        // The actor's role.
        #expect(ids(try await store.events(EventQuery(actor: "Polonia", role: .target))) == ["\(m)/ev1"])
        #expect(ids(try await store.events(EventQuery(actor: "Q2866", role: .target))) == [])
        #expect(ids(try await store.events(EventQuery(actor: "Q239", role: .location))) == ["\(t)/ev2"])
        #expect(ids(try await store.events(EventQuery(role: .location))) == ["\(t)/ev2", "\(m)/ev2"])
        #expect(ids(try await store.events(EventQuery(actorEntity: EntityKey(kb: "Q36"), role: .source))) == ["\(m)/ev2"])
        #expect(ids(try await store.events(EventQuery(actorEntity: EntityKey(kb: "Q440710")))).count == 3)
        // Date range on the event's day, inclusive; document; limit and offset.
        #expect(ids(try await store.events(EventQuery(from: "2024-03-05"))) == ["\(t)/ev2", "\(t)/ev3"])
        #expect(ids(try await store.events(EventQuery(from: "2024-03-04", to: "2024-03-05"))) == ["\(t)/ev3", "\(t)/ev1"])
        #expect(ids(try await store.events(EventQuery(type: "ACCUSE", actor: "Q2866", from: "2024-01-01", to: "2024-12-31"))) == [])
        #expect(
            ids(try await store.events(EventQuery(type: "ACCUSE", actor: "Q2866", from: "2023-01-01", to: "2023-12-31"))) == ["\(m)/ev1"])
        #expect(ids(try await store.events(EventQuery(to: "2023-11-20"))).count == 3, "undated events count on their publication day")
        #expect(ids(try await store.events(EventQuery(documentID: m))) == ["\(m)/ev1", "\(m)/ev2", "\(m)/ev3"])
        #expect(ids(try await store.events(EventQuery(limit: 2, offset: 1))) == Array(ids(all)[1..<3]))
        #expect(try await store.events(EventQuery(offset: 6)).isEmpty)

        // A quote's date comes back with it.
        let said = try await store.quotes(QuoteQuery(speaker: "Tajani"))
        #expect(said.map(\.date) == ["2024-03-05"])
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko")).map(\.date) == [nil])
    }

    /// The entity page's timeline: the entity's events in any role and its quotes, newest first.
    func timeline() async throws {
        let (store, _, _) = try await eventStore()
        defer { Task { try? await store.close() } }
        let items = try await store.timeline(of: EntityKey(kb: "Q440710"), limit: 50)
        func label(_ i: TimelineItem) -> String {
            switch i {
            case .event(let e): "\(i.day ?? "-") \(e.eventID)"
            case .quote(let q): "\(i.day ?? "-") \(q.quoteID)"
            }
        }
        // On 5 March the quote's content starts before its trigger ("Mosca mente …").
        #expect(items.map(label) == ["2024-03-07 ev2", "2024-03-05 q1", "2024-03-05 ev3", "2024-03-04 ev1"])
        let luka = try await store.timeline(of: EntityKey(kb: "Q2866"), limit: 50)
        #expect(luka.map(label) == ["2023-11-20 ev1", "2023-01-05 q1"])
        #expect(try await store.timeline(of: EntityKey(kb: "Q11869065"), limit: 50).map(label) == ["2024-03-07 ev2"])
        #expect(try await store.timeline(of: EntityKey(kb: "Q7747"), limit: 50).isEmpty)
    }

    /// Replacing or deleting a document takes its events, participants and times with it.
    func eventsLeaveWithTheirDocument() async throws {
        let (store, tajani, minsk) = try await eventStore()
        defer { Task { try? await store.close() } }
        // Replaced by a text without events: the old events go.
        var plain = try StoreFixtures.textLayer(
            id: minsk.id, text: "Minsk, 21 novembre. Nessuna novità al confine.", metadata: DocumentMetadata(published: "2023-11-21"))
        plain.layers.formUnion([.events, .times])
        let replacement = try StoreFixtures.storable(plain)
        #expect(try await store.store([replacement], replacing: true).replaced == [minsk.id])
        #expect(try await store.events(EventQuery(documentID: minsk.id)).isEmpty)
        #expect(try await store.events(EventQuery(actor: "Migliaia di soldati polacchi")).isEmpty)
        var stats = try await store.statistics()
        #expect(stats.events == 3 && stats.participants == 7 && stats.times == 3)
        // Deleted: nothing of it is left.
        #expect(try await store.delete(ids: [tajani.id]) == [tajani.id])
        #expect(try await store.events(EventQuery()).isEmpty)
        stats = try await store.statistics()
        #expect(stats.events == 0 && stats.participants == 0 && stats.times == 0 && stats.documents == 2)
        // Stored again, all of it comes back.
        #expect(try await store.store([tajani]).stored == [tajani.id])
        #expect(try await store.events(EventQuery(actor: "Tajani")).count == 3)
    }

    /// Events that break the model never reach the tables: refused when flattened, or by the database.
    func eventInvariants() async throws {
        let store = try await makeStore()
        defer { Task { try? await store.close() } }
        var doc = try StoreFixtures.tajaniDocument()
        doc.events[0].source[0].entity = 42
        #expect(throws: StoreError.self) { try StorableDocument(document: doc, analysisJSON: Array("{}".utf8)) }
        doc = try StoreFixtures.tajaniDocument()
        doc.events[2].quote = .init(quote: 7, role: .act)
        #expect(throws: StoreError.self) { try StorableDocument(document: doc, analysisJSON: Array("{}".utf8)) }
        doc = try StoreFixtures.tajaniDocument()
        doc.times[0].range = TextRange(startUTF8: 0, endUTF8: UInt32(doc.text.utf8.count + 3))
        #expect(throws: StoreError.self) { try StorableDocument(document: doc, analysisJSON: Array("{}".utf8)) }
        // Rows changed after flattening: the database's foreign keys and CHECKs refuse them.
        let good = try StoreFixtures.storable(try StoreFixtures.tajaniDocument())
        var orphan = good
        orphan.events[0].participants[0].entity = 42
        await #expect(throws: StoreError.self) { try await store.store([orphan]) }
        var role = good
        role.events[0].participants[0].role = "witness"
        await #expect(throws: StoreError.self) { try await store.store([role]) }
        var backwards = good
        backwards.events[1].trigger = ScalarSpan(startScalar: 20, endScalar: 10, text: "x")
        await #expect(throws: StoreError.self) { try await store.store([backwards]) }
        #expect(try await store.statistics() == StoreStatistics())
        #expect(try await store.store([good]).stored == [good.id])
    }
}
