#if Postgres
    import CronistaCore
    import CronistaNLP
    import CronistaStorage
    @testable import CronistaStoragePostgres
    import Foundation
    import PostgresNIO
    import Testing

    /// The contract suite on PostgreSQL, one schema per test, on the server `CRONISTA_POSTGRES_URL`
    /// names (`scripts/with-postgres swift test` starts a throw-away one). Without it every test
    /// prints a loud SKIPPED line and passes.
    @Suite struct PostgresStoreTests {
        static let url: PostgresURL? = {
            guard let s = ProcessInfo.processInfo.environment["CRONISTA_POSTGRES_URL"], !s.isEmpty else { return nil }
            return try? PostgresURL(s)
        }()

        static func skipped(_ test: String = #function) -> Bool {
            guard url == nil else { return false }
            print(
                "⚠️  WARNING: PostgresStoreTests.\(test) SKIPPED: CRONISTA_POSTGRES_URL is not set (run `scripts/with-postgres swift test`)")
            return true
        }

        static func schemaName() -> String { "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }

        static func makeStore(schema: String = schemaName()) async throws -> PostgresDocumentStore {
            try await PostgresDocumentStore(url: url!, schema: schema, maximumConnections: 2)
        }

        let contract = StoreContract { try await PostgresStoreTests.makeStore() }

        @Test func roundTrip() async throws { if Self.skipped() { return }; try await contract.roundTrip() }
        @Test func speakerSearch() async throws { if Self.skipped() { return }; try await contract.speakerSearch() }
        @Test func aboutSearch() async throws { if Self.skipped() { return }; try await contract.aboutSearch() }
        @Test func nonLatinNamesAndKBIds() async throws { if Self.skipped() { return }; try await contract.nonLatinNamesAndKBIds() }
        @Test func spellingVariantsFindEachOther() async throws {
            if Self.skipped() { return }; try await contract.spellingVariantsFindEachOther()
        }
        @Test func fullTextAndFilters() async throws { if Self.skipped() { return }; try await contract.fullTextAndFilters() }
        @Test func entitiesAndCoMentions() async throws { if Self.skipped() { return }; try await contract.entitiesAndCoMentions() }
        @Test func entityPagesAndCursors() async throws { if Self.skipped() { return }; try await contract.entityPagesAndCursors() }
        @Test func idempotency() async throws { if Self.skipped() { return }; try await contract.idempotency() }
        @Test func replaceAndDelete() async throws { if Self.skipped() { return }; try await contract.replaceAndDelete() }
        @Test func failedBatchRollsBack() async throws { if Self.skipped() { return }; try await contract.failedBatchRollsBack() }
        @Test func invariantsInTheDatabase() async throws { if Self.skipped() { return }; try await contract.invariantsInTheDatabase() }
        @Test func eventSearch() async throws { if Self.skipped() { return }; try await contract.eventSearch() }
        @Test func timeline() async throws { if Self.skipped() { return }; try await contract.timeline() }
        @Test func eventsLeaveWithTheirDocument() async throws {
            if Self.skipped() { return }; try await contract.eventsLeaveWithTheirDocument()
        }
        @Test func eventInvariants() async throws { if Self.skipped() { return }; try await contract.eventInvariants() }
        @Test func stories() async throws { if Self.skipped() { return }; try await contract.stories() }
        @Test func sourcesAreFollowed() async throws { if Self.skipped() { return }; try await contract.sourcesAreFollowed() }
        @Test func listingsCoverEverything() async throws { if Self.skipped() { return }; try await contract.listingsCoverEverything() }

        /// Two watchers claiming due sources at once never get the same one (SKIP LOCKED), and
        /// between them they get every one.
        @Test func watchersShareSourcesWithoutOverlap() async throws {
            if Self.skipped() { return }
            let schema = Self.schemaName()
            let a = try await Self.makeStore(schema: schema)
            let b = try await Self.makeStore(schema: schema)
            let urls = (0..<40).map { "https://fonte\($0).example/feed.xml" }
            for u in urls { #expect(try await a.addSource(FollowedSource(url: u))) }
            let now = Date()
            var claimed: [String] = []
            for limit in [7, 7, 40] {
                async let x = a.claimDueSources(now: now, limit: limit, claimUntil: now.addingTimeInterval(60))
                async let y = b.claimDueSources(now: now, limit: limit, claimUntil: now.addingTimeInterval(60))
                let (cx, cy) = try await (x, y)
                #expect(Set(cx.map(\.url)).isDisjoint(with: cy.map(\.url)))
                claimed += cx.map(\.url) + cy.map(\.url)
            }
            // Every source claimed exactly once over the three rounds.
            #expect(claimed.count == urls.count && Set(claimed) == Set(urls))
            try await a.close()
            try await b.close()
        }

        @Test func migrationsAreNamedAndAppliedOnce() async throws {
            if Self.skipped() { return }
            let schema = Self.schemaName()
            let names = [
                "v1-documents-entities-mentions-quotes", "v2-ingest-queue", "v3-entity-name-index", "v4-name-keys-from-name-folding",
                "v5-quote-about", "v6-events-times", "v8-stories", "v9-sources", "v10-entity-listing"
            ]
            // Two stores opening the same empty schema at once: the advisory lock serialises them.
            async let a = Self.makeStore(schema: schema)
            async let b = Self.makeStore(schema: schema)
            let (s1, s2) = try await (a, b)
            #expect(try await s1.appliedMigrations() == names)
            #expect(try await s2.appliedMigrations() == names)
            try await s1.close()
            try await s2.close()
        }

        /// A schema written before v4 holds the keys of the store's old fold (`U.N.` → `u n`, `й` → `и`):
        /// migration v4 derives them again from the names, mention texts and speaker texts.
        @Test func schemaFromV3GetsNameFoldingKeys() async throws {
            if Self.skipped() { return }
            let schema = Self.schemaName()
            let old = try await PostgresDocumentStore(
                url: Self.url!, schema: schema, maximumConnections: 1, migratingUpTo: "v3-entity-name-index")
            #expect(
                try await old.appliedMigrations() == ["v1-documents-entities-mentions-quotes", "v2-ingest-queue", "v3-entity-name-index"])
            let text = "Gli U.N. chiedono una tregua. «Nessun accordo», ha detto Сергей Шойгу. Massimo D’Alema tace; D’Alema no."
            let statements: [PostgresQuery] = [
                "INSERT INTO document (id, content_hash, language, text, analysis) VALUES ('vecchio', \(String(repeating: "b", count: 64)), 'it', \(text), '{}')",
                """
                INSERT INTO entity (document_id, ordinal, type, name, name_key, kb, mention_count) VALUES
                    ('vecchio', 0, 'ORG', 'U.N.', 'u n', NULL, 1), ('vecchio', 1, 'PER', 'Massimo D’Alema', 'massimo d alema', NULL, 2)
                """,
                """
                INSERT INTO mention (document_id, ordinal, entity_ordinal, start_cp, end_cp, text, type, form) VALUES
                    ('vecchio', 0, 0, 4, 8, 'U.N.', 'ORG', 'name'), ('vecchio', 1, 1, 71, 86, 'Massimo D’Alema', 'PER', 'name'),
                    ('vecchio', 2, 1, 93, 100, 'D’Alema', 'PER', 'name')
                """,
                """
                INSERT INTO entity_alias (document_id, entity_ordinal, key) VALUES ('vecchio', 0, 'u n'),
                    ('vecchio', 1, 'massimo d alema'), ('vecchio', 1, 'massimo'), ('vecchio', 1, 'alema'), ('vecchio', 1, 'd alema')
                """,
                """
                INSERT INTO quote (document_id, ordinal, kind, start_cp, end_cp, text, speaker_start_cp, speaker_end_cp, speaker_text, speaker_key,
                                   sentence_start_cp, sentence_end_cp, ts_config)
                VALUES ('vecchio', 0, 'direct', 31, 45, 'Nessun accordo', 57, 69, 'Сергей Шойгу', 'сергеи шоигу', 30, 70, 'italian')
                """
            ]
            for q in statements { try await old.client.query(q, logger: old.logger) }
            try await old.close()

            let store = try await Self.makeStore(schema: schema)
            defer { Task { try? await store.close() } }
            #expect(
                try await store.appliedMigrations().suffix(6) == [
                    "v4-name-keys-from-name-folding", "v5-quote-about", "v6-events-times", "v8-stories", "v9-sources",
                    "v10-entity-listing"
                ])
            for s in ["UN", "u.n.", "U.N."] {
                #expect(
                    try await store.entities(named: s, limit: 5) == [
                        EntityHit(name: "U.N.", type: "ORG", kb: nil, documents: 1, mentions: 1)
                    ], "'\(s)'")
            }
            #expect(try await store.entities(named: "u n", limit: 5).isEmpty, "the old key is gone")
            #expect(try await store.entity(try #require(EntityKey("ORG:un")))?.name == "U.N.")
            #expect(try await store.entities(named: "D'Alema", limit: 5).map(\.name) == ["Massimo D’Alema"])
            #expect(try await store.quotes(QuoteQuery(speaker: "Сергей Шойгу")).map(\.content.text) == ["Nessun accordo"])
            var aliases: [String] = []
            for try await (o, k) in try await store.client.query(
                "SELECT entity_ordinal, key FROM entity_alias ORDER BY entity_ordinal, key", logger: store.logger
            )
            .decode((Int, String).self) { aliases.append("\(o):\(k)") }
            #expect(aliases == ["0:un", "1:alema", "1:d alema", "1:massimo", "1:massimo d alema"])
        }

        /// A schema from before v5 (no `quote_about`) gets each stored quote's `about` from its
        /// stored mentions: the same entities in the same order as the analysis gives without
        /// demonyms, on the hand-built documents and the 53 dev documents.
        @Test func schemaFromV4GetsQuoteAbout() async throws {
            if Self.skipped() { return }
            let schema = Self.schemaName()
            let docs = try StoreFixtures.aboutMigrationDocuments()
            let store = try await Self.makeStore(schema: schema)
            #expect(try await store.store(docs).stored.count == docs.count)
            let expected = try await store.quotes(QuoteQuery(limit: 10_000))
            #expect(expected.filter { !$0.about.isEmpty }.count > 20, "quotes about someone: the check can fail")
            // Back to a v4 schema: no table, no record of the migration (v6's go first).
            try await Self.backToV5(store)
            try await store.client.query("DROP TABLE quote_about", logger: store.logger)
            try await store.client.query("DELETE FROM schema_migrations WHERE name = 'v5-quote-about'", logger: store.logger)
            try await store.close()
            let reopened = try await Self.makeStore(schema: schema)
            defer { Task { try? await reopened.close() } }
            #expect(try await reopened.appliedMigrations().suffix(2) == ["v5-quote-about", "v6-events-times"])
            let after = try await reopened.quotes(QuoteQuery(limit: 10_000))
            #expect(after.count == expected.count)
            for (a, e) in zip(after, expected) { #expect(a.about == e.about, "\(a.documentID) \(a.quoteID)") }
            #expect(try await reopened.quotes(QuoteQuery(speaker: "Lukashenko", about: "Putin")).map(\.quoteID) == ["q1"])
        }

        /// A v6 schema made a v5 one: no event, participant or time tables, no quote dates, no record
        /// of the migration.
        static func backToV5(_ store: PostgresDocumentStore) async throws {
            for sql in [
                "DROP TABLE event_participant", "DROP TABLE event", "DROP TABLE time_expression", "ALTER TABLE quote DROP COLUMN date",
                "DELETE FROM schema_migrations WHERE name = 'v6-events-times'"
            ] {
                try await store.client.query(PostgresQuery(unsafeSQL: sql), logger: store.logger)
            }
        }

        /// A schema from before v6 gets the events, participants, times and quote dates of the
        /// documents it holds from their stored analysis JSON: the same hits as the store wrote.
        @Test func schemaFromV5GetsEventsFromTheStoredAnalysis() async throws {
            if Self.skipped() { return }
            let schema = Self.schemaName()
            let store = try await Self.makeStore(schema: schema)
            let docs = [
                try StoreFixtures.storable(try StoreFixtures.tajaniDocument()),
                try StoreFixtures.storable(try StoreFixtures.minskDocument()),
                try StoreFixtures.storable(try StoreFixtures.secondDocument())
            ]
            #expect(try await store.store(docs).stored.count == 3)
            let events = try await store.events(EventQuery())
            let quotes = try await store.quotes(QuoteQuery())
            let stats = try await store.statistics()
            #expect(events.count == 6 && quotes.contains { $0.date != nil }, "rows to derive: the check can fail")
            try await Self.backToV5(store)
            try await store.close()
            let reopened = try await Self.makeStore(schema: schema)
            defer { Task { try? await reopened.close() } }
            #expect(try await reopened.appliedMigrations().last == "v6-events-times")
            #expect(try await reopened.events(EventQuery()) == events)
            #expect(try await reopened.quotes(QuoteQuery()) == quotes)
            #expect(try await reopened.statistics() == stats)
            #expect(try await reopened.events(EventQuery(type: "ACCUSE", actor: "Q2866")).map(\.eventID) == ["ev1"])
        }

        @Test func stemmedFullTextPerLanguage() async throws {
            if Self.skipped() { return }
            let store = try await Self.makeStore()
            defer { Task { try? await store.close() } }
            _ = try await store.store([try StoreFixtures.storable(try StoreFixtures.seedDocument())])
            // Italian stemming: "bugie" finds "bugia", "discutere" finds "discusso"? (same stem "discut").
            #expect(try await store.quotes(QuoteQuery(words: "bugie")).map(\.quoteID) == ["q1"])
            var en = try StoreFixtures.textLayer(
                id: "en-1", text: "The minister said: “We are negotiating peacefully with our neighbours”.",
                metadata: .init(declaredLanguage: "en"))
            let idx = OffsetIndex(en.text)
            let start = 20, end = 69
            en.quotes = [
                Quote(kind: .direct, content: TextRange(startUTF8: idx.utf8Offset(scalar: start), endUTF8: idx.utf8Offset(scalar: end)))
            ]
            _ = try await store.store([try StoreFixtures.storable(en)])
            // English stemming: "negotiations" and "negotiate" share the stem of "negotiating".
            #expect(try await store.quotes(QuoteQuery(words: "negotiate")).map(\.documentID) == ["en-1"])
        }

        /// Two workers over the same 1,000 queued documents: each is claimed, analysed and stored by
        /// exactly one of them.
        @Test func twoQueueWorkersStoreEachDocumentExactlyOnce() async throws {
            if Self.skipped() { return }
            let schema = Self.schemaName()
            let setup = try await Self.makeStore(schema: schema)
            let seed = StoreFixtures.seedText
            // Distinct texts (distinct content hashes), real sentences.
            let items = (0..<1000).map { i in
                QueueItem(
                    id: "doc-\(i)", text: "Notizia \(i). " + seed.prefix(200 + i % 300), published: "2024-04-\(10 + i % 10)",
                    source: "queue-test", origin: "test:\(i)")
            }
            // Both workers enqueue the same files, as two `cronista ingest --queue` runs would.
            async let e1 = setup.enqueue(items)
            async let e2 = setup.enqueue(items)
            let (n1, n2) = try await (e1, e2)
            #expect(n1 + n2 == 1000)

            let engine = try Engine()
            @Sendable func work(_ name: String) async throws -> WorkerReport {
                let store = try await Self.makeStore(schema: schema)
                defer { Task { try? await store.close() } }
                return try await store.runQueueWorker(name: name, batchSize: 25) { item in
                    let d = try engine.analyze(
                        DocumentInput(
                            id: item.id, text: item.text, metadata: .init(published: item.published, source: item.source),
                            origin: item.origin))
                    return try StorableDocument(document: d, analysisJSON: d.analysisJSON())
                }
            }
            async let w1 = work("worker-1")
            async let w2 = work("worker-2")
            let (r1, r2) = try await (w1, w2)
            #expect(r1.skipped.isEmpty && r2.skipped.isEmpty, "no document processed twice")
            #expect(r1.failed.isEmpty && r2.failed.isEmpty)
            #expect(Set(r1.stored).isDisjoint(with: r2.stored))
            #expect(r1.stored.count + r2.stored.count == 1000)
            #expect(Set(r1.stored + r2.stored) == Set(items.map(\.id)))
            #expect(!r1.stored.isEmpty && !r2.stored.isEmpty, "both workers got work")
            let ledger = try await setup.queueLedger()
            #expect(ledger.count == 1000)
            #expect(ledger.values.allSatisfy { $0.attempts == 1 }, "every row claimed once")
            #expect(try await setup.queueStatus() == QueueStatus(pending: 0, claimed: 0, done: 1000, failed: 0))
            #expect(try await setup.statistics().documents == 1000)
            // Enqueueing the same documents again adds nothing: they are stored.
            #expect(try await setup.enqueue(items) == 0)
            try await setup.close()
        }
    }
#else
    import Testing

    /// Built without the `Postgres` trait: the PostgreSQL contract suite is not compiled; say so loudly.
    @Suite struct PostgresStoreTests {
        @Test func builtWithoutPostgres() {
            print(
                "⚠️  WARNING: PostgresStoreTests SKIPPED: built without the Postgres trait (swift build --build-tests --traits Postgres; scripts/test does)"
            )
        }
    }
#endif
