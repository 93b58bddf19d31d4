import CronistaStorage
@testable import CronistaStorageSQLite
import Foundation
import GRDB
import Testing

/// The contract suite on the embedded backend, one temporary database file per test.
@Suite struct SQLiteStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cronista-test-\(UUID().uuidString).sqlite").path
    }

    let contract = StoreContract { try SQLiteDocumentStore(path: SQLiteStoreTests.temporaryPath()) }

    @Test func roundTrip() async throws { try await contract.roundTrip() }
    @Test func speakerSearch() async throws { try await contract.speakerSearch() }
    @Test func aboutSearch() async throws { try await contract.aboutSearch() }
    @Test func nonLatinNamesAndKBIds() async throws { try await contract.nonLatinNamesAndKBIds() }
    @Test func spellingVariantsFindEachOther() async throws { try await contract.spellingVariantsFindEachOther() }
    @Test func fullTextAndFilters() async throws { try await contract.fullTextAndFilters() }
    @Test func entitiesAndCoMentions() async throws { try await contract.entitiesAndCoMentions() }
    @Test func entityPagesAndCursors() async throws { try await contract.entityPagesAndCursors() }
    @Test func idempotency() async throws { try await contract.idempotency() }
    @Test func replaceAndDelete() async throws { try await contract.replaceAndDelete() }
    @Test func failedBatchRollsBack() async throws { try await contract.failedBatchRollsBack() }
    @Test func invariantsInTheDatabase() async throws { try await contract.invariantsInTheDatabase() }
    @Test func eventSearch() async throws { try await contract.eventSearch() }
    @Test func timeline() async throws { try await contract.timeline() }
    @Test func eventsLeaveWithTheirDocument() async throws { try await contract.eventsLeaveWithTheirDocument() }
    @Test func eventInvariants() async throws { try await contract.eventInvariants() }
    @Test func stories() async throws { try await contract.stories() }
    @Test func sourcesAreFollowed() async throws { try await contract.sourcesAreFollowed() }
    @Test func listingsCoverEverything() async throws { try await contract.listingsCoverEverything() }

    @Test func migrationsAreNamedAndReopeningIsANoOp() async throws {
        let path = Self.temporaryPath()
        let store = try SQLiteDocumentStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        _ = try await store.store([try StoreFixtures.storable(try StoreFixtures.seedDocument())])
        try await store.close()
        let reopened = try SQLiteDocumentStore(path: path)
        #expect(try reopened.appliedMigrations() == Self.migrations)
        #expect(try await reopened.statistics().quotes == 3)
        #expect(try reopened.pragma("journal_mode") == "wal")
        #expect(try reopened.pragma("foreign_keys") == "1")
        try await reopened.close()
    }

    static let migrations = [
        "v1-documents-entities-mentions-quotes", "v2-checks-without-in-lists", "v3-fts-rows-by-the-store-no-redundant-indexes",
        "v4-integer-document-keys-entity-keys-in-fts", "v5-name-keys-from-name-folding", "v6-quote-about",
        "v7-events-times", "v9-stories", "v10-sources", "v11-entity-listing"
    ]

    /// A store from before v6 (no `quote_about`) gets each stored quote's `about` from its stored
    /// mentions: the same entities in the same order as the analysis gives without demonyms, on
    /// the hand-built documents and the 53 dev documents.
    @Test func storeFromV5GetsQuoteAbout() async throws {
        let path = Self.temporaryPath()
        let docs = try StoreFixtures.aboutMigrationDocuments()
        let store = try SQLiteDocumentStore(path: path)
        #expect(try await store.store(docs).stored.count == docs.count)
        let expected = try await store.quotes(QuoteQuery(limit: 10_000))
        #expect(expected.filter { !$0.about.isEmpty }.count > 20, "quotes about someone: the check can fail")
        // Back to a v5 store: no table, no record of the migration (v7's tables go first: they
        // refer to the quotes v6 rebuilds nothing of, but a v5 store never had them).
        try await Self.backToV6(store)
        try await store.pool.write { db in
            try db.execute(sql: "DROP TABLE quote_about; DELETE FROM grdb_migrations WHERE identifier = 'v6-quote-about'")
        }
        #expect(try store.appliedMigrations() == Array(Self.migrations.dropLast(5)))
        try await store.close()
        let reopened = try SQLiteDocumentStore(path: path)
        #expect(try reopened.appliedMigrations() == Self.migrations)
        let after = try await reopened.quotes(QuoteQuery(limit: 10_000))
        #expect(after.count == expected.count)
        for (a, e) in zip(after, expected) { #expect(a.about == e.about, "\(a.documentID) \(a.quoteID)") }
        #expect(try await reopened.quotes(QuoteQuery(speaker: "Lukashenko", about: "Putin")).map(\.quoteID) == ["q1"])
        #expect(try reopened.integrityProblems() == [])
        try await reopened.close()
    }

    /// A v7 store made a v6 one: no event, participant or time tables, no quote dates, no record
    /// of the migration.
    static func backToV6(_ store: SQLiteDocumentStore) async throws {
        try await backToV7(store)
        try await store.pool.write { db in
            try db.execute(
                sql: """
                    DROP TABLE event_participant; DROP TABLE event; DROP TABLE time_expression;
                    ALTER TABLE quote DROP COLUMN date;
                    DELETE FROM grdb_migrations WHERE identifier = 'v7-events-times'
                    """)
        }
    }

    /// A v11 store made a v7 one: no entity listing index, no source or story tables, no record of
    /// their migrations.
    static func backToV7(_ store: SQLiteDocumentStore) async throws {
        try await store.pool.write { db in
            try db.execute(sql: "DROP INDEX entity_group; DELETE FROM grdb_migrations WHERE identifier = 'v11-entity-listing'")
            try db.execute(
                sql: "DROP TABLE seen_article; DROP TABLE source; DELETE FROM grdb_migrations WHERE identifier = 'v10-sources'")
            try db.execute(
                sql: "DROP TABLE story_band; DROP TABLE story_member; DELETE FROM grdb_migrations WHERE identifier = 'v9-stories'")
        }
    }

    /// A store from before v9 places the documents it holds in stories, in storing order, as
    /// ingest would have: the seed and its copy in one, the second article in another.
    @Test func storeFromV7GetsStories() async throws {
        let path = Self.temporaryPath()
        let store = try SQLiteDocumentStore(path: path)
        let seed = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        let second = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        let copy = try StoreContract.seedCopy()
        #expect(try await store.store([seed, second, copy]).stored.count == 3)
        try await Self.backToV7(store)
        #expect(try store.appliedMigrations() == Array(Self.migrations.dropLast(3)))
        try await store.close()
        let reopened = try SQLiteDocumentStore(path: path)
        #expect(try reopened.appliedMigrations() == Self.migrations)
        let story = try #require(try await reopened.story(of: copy.id, limit: 10))
        #expect(story.documents.map(\.id) == [seed.id, copy.id])
        #expect(try await reopened.story(of: second.id, limit: 10)?.size == 1)
        #expect(try await reopened.statistics().stories == 2)
        let bands = try await reopened.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_band") }
        #expect(bands == 3 * StorySignature.bandCount)
        #expect(try reopened.integrityProblems() == [])
        try await reopened.close()
    }

    /// A store from before v7 gets the events, participants, times and quote dates of the
    /// documents it holds from their stored analysis JSON: the same hits as the store wrote.
    @Test func storeFromV6GetsEventsFromTheStoredAnalysis() async throws {
        let path = Self.temporaryPath()
        let store = try SQLiteDocumentStore(path: path)
        let docs = [
            try StoreFixtures.storable(try StoreFixtures.tajaniDocument()), try StoreFixtures.storable(try StoreFixtures.minskDocument()),
            try StoreFixtures.storable(try StoreFixtures.secondDocument())
        ]
        #expect(try await store.store(docs).stored.count == 3)
        let events = try await store.events(EventQuery())
        let quotes = try await store.quotes(QuoteQuery())
        let stats = try await store.statistics()
        #expect(events.count == 6 && quotes.contains { $0.date != nil }, "rows to derive: the check can fail")
        try await Self.backToV6(store)
        #expect(try store.appliedMigrations() == Array(Self.migrations.dropLast(4)))
        try await store.close()
        let reopened = try SQLiteDocumentStore(path: path)
        #expect(try reopened.appliedMigrations() == Self.migrations)
        #expect(try await reopened.events(EventQuery()) == events)
        #expect(try await reopened.quotes(QuoteQuery()) == quotes)
        #expect(try await reopened.statistics() == stats)
        #expect(try await reopened.events(EventQuery(type: "ACCUSE", actor: "Q2866")).map(\.eventID) == ["ev1"])
        #expect(try reopened.integrityProblems() == [])
        try await reopened.close()
    }

    /// The full-text rows are written by the store, not by a trigger: after stores, a rolled-back
    /// batch and skipped duplicates, FTS5's integrity-check finds the index equal to the quotes, and
    /// SQLite finds no broken B-tree, CHECK or foreign key.
    @Test func fullTextIndexMatchesTheQuotes() async throws {
        let store = try SQLiteDocumentStore(path: Self.temporaryPath())
        let seed = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        let second = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        #expect(try await store.store([seed]).stored == [seed.id])
        var bad = second
        bad.quotes[0].speakerEntity = 99  // a foreign-key violation: the batch rolls back, FTS rows too
        await #expect(throws: StoreError.self) { try await store.store([bad]) }
        #expect(try await store.store([second, seed]) == StoreResult(stored: [second.id], skipped: [seed.id]))
        #expect(try store.integrityProblems() == [])
        let quotes = try await store.statistics().quotes
        #expect(quotes == seed.quotes.count + second.quotes.count && quotes > 0)
        // Each quote is found by a word of its own text, once.
        for q in seed.quotes + second.quotes {
            let words: [Substring] = q.content.text.split(whereSeparator: { (c: Character) in !c.isLetter })
            let word = words.max(by: { $0.count < $1.count }).map(String.init) ?? ""
            let hits = try await store.quotes(QuoteQuery(words: word, limit: 100))
            #expect(hits.contains { $0.content == q.content }, "\(word)")
        }
        // A broken index is reported: a stray FTS row for a quote that does not exist, an entity
        // key row of no entity.
        try await store.pool.write { db in
            try db.execute(sql: "INSERT INTO quote_fts (rowid, text) VALUES (999999, 'fantasma')")
            try db.execute(sql: "INSERT INTO entity_key (rowid, keys) VALUES (999 * 1048576, 'fantasma')")
        }
        let problems = try store.integrityProblems()
        #expect(problems.contains { $0.hasPrefix("full-text index") })
        #expect(problems.contains { $0 == "entity keys: 1 row(s) of no entity" })
        try await store.close()
    }

    /// A store written by v2 (text document keys, quotes indexed by a trigger, an alias table,
    /// a mention table) upgrades in place: its quotes stay searchable by words and by speaker, its
    /// entity keeps its mentions, new documents go in beside it, and the file passes every check.
    @Test func storeFromV2UpgradesInPlace() async throws {
        let path = Self.temporaryPath()
        let seed = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        do {
            let pool = try DatabasePool(path: path)
            try SQLiteSchema.migrator.migrate(pool, upTo: "v2-checks-without-in-lists")
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO document (id, content_hash, language, text, analysis, published)
                        VALUES ('vecchio', ?, 'it', 'Zelensky disse: «Nessuna tregua sul grano». Zelensky partì.', '{}', '2023-05-01');
                        INSERT INTO entity (document_id, ordinal, type, name, name_key, kb, mention_count)
                        VALUES ('vecchio', 0, 'PER', 'Volodymyr Zelensky', 'volodymyr zelensky', 'Q3874799', 2);
                        INSERT INTO entity_alias (document_id, entity_ordinal, key) VALUES
                            ('vecchio', 0, 'volodymyr zelensky'), ('vecchio', 0, 'volodymyr'), ('vecchio', 0, 'zelensky'), ('vecchio', 0, 'q3874799');
                        INSERT INTO mention (document_id, ordinal, entity_ordinal, start_cp, end_cp, text, type, form) VALUES
                            ('vecchio', 0, 0, 0, 8, 'Zelensky', 'PER', 'name'), ('vecchio', 1, 0, 44, 52, 'Zelensky', 'PER', 'name');
                        INSERT INTO quote (document_id, ordinal, kind, start_cp, end_cp, text, cue_start_cp, cue_end_cp, cue_text,
                                           speaker_entity, speaker_start_cp, speaker_end_cp, speaker_text, sentence_start_cp, sentence_end_cp)
                        VALUES ('vecchio', 0, 'direct', 17, 41, 'Nessuna tregua sul grano', 9, 14, 'disse', 0, 0, 8, 'Zelensky', 0, 43);
                        """, arguments: [String(repeating: "a", count: 64)])
            }
            try pool.close()
        }
        let store = try SQLiteDocumentStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        _ = try await store.store([seed])
        #expect(try await store.quotes(QuoteQuery(words: "tregua grano")).map(\.documentID) == ["vecchio"])
        let bySpeaker = try await store.quotes(QuoteQuery(speaker: "Zelensky"))
        #expect(bySpeaker.map(\.documentID) == ["vecchio"])
        #expect(bySpeaker.first?.speakerKB == "Q3874799" && bySpeaker.first?.content.startScalar == 17)
        #expect(try await store.quotes(QuoteQuery(speaker: "Q3874799")).count == 1)
        #expect(try await store.quotes(QuoteQuery(words: "bugia")).map(\.documentID) == [seed.id])
        let zelensky = try await store.entities(named: "volodymyr zelensky", limit: 5)
        #expect(zelensky == [EntityHit(name: "Volodymyr Zelensky", type: "PER", kb: "Q3874799", documents: 1, mentions: 2)])
        let mentions = try await store.pool.read { db in
            try String.fetchOne(db, sql: "SELECT mentions FROM entity e JOIN document d ON d.doc = e.doc WHERE d.id = 'vecchio'")
        }
        #expect(mentions == #"[[0,8,"name"],[44,52,"name"]]"#)
        #expect(try await store.documents(mentioningAll: ["Zelensky"], limit: 5).map(\.id) == ["vecchio"])
        #expect(try store.integrityProblems() == [])
        try await store.close()
    }

    /// A store written before v5 holds the keys of the store's old fold (`U.N.` → `u n`, `й` → `и`):
    /// migration v5 derives them again from the names, mention forms and speaker texts.
    @Test func storeFromV4GetsNameFoldingKeys() async throws {
        let path = Self.temporaryPath()
        let text = "Gli U.N. chiedono una tregua. «Nessun accordo», ha detto Сергей Шойгу. Massimo D’Alema tace; D’Alema no."
        let scalars = Array(text.unicodeScalars)
        func cp(_ needle: String, _ occurrence: Int = 1) -> (Int, Int) {
            let n = Array(needle.unicodeScalars)
            var seen = 0
            for i in 0...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n {
                seen += 1
                if seen == occurrence { return (i, i + n.count) }
            }
            preconditionFailure("'\(needle)' not found")
        }
        let un = cp("U.N."), massimo = cp("Massimo D’Alema"), dalema = cp("D’Alema", 2), quote = cp("Nessun accordo"),
            speaker = cp("Сергей Шойгу")
        do {
            let pool = try DatabasePool(path: path)
            try SQLiteSchema.migrator.migrate(pool, upTo: "v4-integer-document-keys-entity-keys-in-fts")
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO document (doc, id, content_hash, language, text, analysis) VALUES (7, 'vecchio', ?, 'it', ?, '{}')",
                    arguments: [String(repeating: "b", count: 64), text])
                // The old fold's keys, as a v4 store wrote them.
                try db.execute(
                    sql: """
                        INSERT INTO entity (doc, ordinal, type, name, name_key, kb, mention_count, mentions) VALUES
                            (7, 0, 'ORG', 'U.N.', 'u n', NULL, 1, ?),
                            (7, 1, 'PER', 'Massimo D’Alema', 'massimo d alema', NULL, 2, ?);
                        INSERT INTO entity_key (rowid, keys) VALUES (7 * 1048576 + 0, 'u_n'), (7 * 1048576 + 1, 'alema d_alema massimo massimo_d_alema');
                        """,
                    arguments: ["[[\(un.0),\(un.1),\"name\"]]", "[[\(massimo.0),\(massimo.1),\"name\"],[\(dalema.0),\(dalema.1),\"name\"]]"]
                )
                try db.execute(
                    sql: """
                        INSERT INTO quote (id, doc, ordinal, kind, start_cp, end_cp, text, speaker_entity, speaker_start_cp, speaker_end_cp,
                                           speaker_text, speaker_key, sentence_start_cp, sentence_end_cp)
                        VALUES (1, 7, 0, 'direct', ?, ?, 'Nessun accordo', NULL, ?, ?, 'Сергей Шойгу', 'сергеи шоигу', 30, ?);
                        INSERT INTO quote_fts (rowid, text) VALUES (1, 'Nessun accordo');
                        """, arguments: [quote.0, quote.1, speaker.0, speaker.1, speaker.1 + 1])
            }
            try pool.close()
        }
        let store = try SQLiteDocumentStore(path: path)
        #expect(try store.appliedMigrations() == Self.migrations)
        for s in ["UN", "u.n.", "U.N."] {
            #expect(
                try await store.entities(named: s, limit: 5) == [EntityHit(name: "U.N.", type: "ORG", kb: nil, documents: 1, mentions: 1)],
                "'\(s)'")
        }
        #expect(try await store.entities(named: "u n", limit: 5).isEmpty, "the old key is gone")
        #expect(try await store.entity(try #require(EntityKey("ORG:un")))?.name == "U.N.")
        #expect(try await store.entities(named: "D'Alema", limit: 5).map(\.name) == ["Massimo D’Alema"])
        #expect(try await store.quotes(QuoteQuery(speaker: "Сергей Шойгу")).map(\.content.text) == ["Nessun accordo"])
        let stored = try await store.pool.read { db in
            (
                try String.fetchAll(db, sql: "SELECT name_key FROM entity ORDER BY ordinal"),
                try String.fetchAll(db, sql: "SELECT keys FROM entity_key ORDER BY rowid"),
                try String.fetchOne(db, sql: "SELECT speaker_key FROM quote")
            )
        }
        #expect(stored.0 == ["un", "massimo d alema"])
        #expect(stored.1 == ["un", "alema d_alema massimo massimo_d_alema"])
        #expect(stored.2 == "сергей шойгу")
        #expect(try store.integrityProblems() == [])
        try await store.close()
    }

    /// Deleting a document (by SQL: Cronista itself never deletes) takes its entities, their
    /// keys, its quotes and their full-text rows with it.
    @Test func deletingADocumentLeavesNothingBehind() async throws {
        let store = try SQLiteDocumentStore(path: Self.temporaryPath())
        let seed = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        let second = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        _ = try await store.store([seed, second])
        #expect(try await !store.quotes(QuoteQuery(speaker: "Lukashenko")).filter { $0.documentID == seed.id }.isEmpty)
        try await store.pool.write { db in try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [seed.id]) }
        #expect(try await store.quotes(QuoteQuery(speaker: "Lukashenko")).allSatisfy { $0.documentID != seed.id })
        #expect(try await store.quotes(QuoteQuery(words: "bugia")).isEmpty)
        let left = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity_key WHERE rowid >> 20 NOT IN (SELECT doc FROM document)")
        }
        #expect(left == 0)
        #expect(
            try await store.statistics()
                == StoreStatistics(
                    documents: 1, entities: second.entities.count,
                    mentions: second.entities.map(\.mentionCount).reduce(0, +), quotes: second.quotes.count, stories: 1))
        #expect(try store.integrityProblems() == [])
        try await store.close()
    }

    /// Replacing and deleting through the store leave SQLite's indexes whole: FTS5's own check of
    /// the quotes' full-text index and of `entity_key`, the foreign keys.
    @Test func replaceAndDeleteKeepTheIndexesWhole() async throws {
        let store = try SQLiteDocumentStore(path: Self.temporaryPath())
        let seed = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        let second = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        let corrected = try StoreFixtures.storable(try StoreFixtures.correctedSecondDocument())
        _ = try await store.store([seed, second])
        #expect(try await store.store([corrected], replacing: true).replaced == [corrected.id])
        #expect(try store.integrityProblems() == [])
        #expect(try await store.delete(ids: [seed.id]) == [seed.id])
        #expect(try store.integrityProblems() == [])
        let left = try await store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity_key WHERE rowid >> 20 NOT IN (SELECT doc FROM document)")
        }
        #expect(left == 0)
        try await store.close()
    }

    @Test func locationPicksTheBackend() throws {
        #expect(try StoreLocation(nil) == .sqlite(path: "cronista.sqlite"))
        #expect(try StoreLocation("archivio.db") == .sqlite(path: "archivio.db"))
        guard case .postgres(let url) = try StoreLocation("postgres://ana:s%40greto@db.example:6543/news") else {
            Issue.record("not postgres")
            return
        }
        #expect(url.user == "ana" && url.password == "s@greto" && url.host == "db.example" && url.port == 6543 && url.database == "news")
        #expect(throws: StoreError.self) { try StoreLocation("postgres://db.example/news") }
    }

    @Test func contentHashIsSHA256() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array(String(repeating: "a", count: 1000).utf8))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func keysAreNameFoldingWords() {
        #expect(StorableDocument.nameKey("Stèphane Sèjournè") == "stephane sejourne")
        #expect(StorableDocument.nameKey("  SÉJOURNÉ, l’Europa ") == "sejourne l europa")
        #expect(StorableDocument.nameKey("U.N.") == "un")
        #expect(StorableDocument.nameKey("D’Alema") == "d alema")
        #expect(StorableDocument.nameKey("Лукашенко") == "лукашенко")
        #expect(StorableDocument.searchKey(" Q2866 ") == "q2866")
        #expect(StorableDocument.searchKey("kb:loc/kremlin") == "kb loc kremlin")
        // Every key is a valid EntityKey name: no `_`, no `:`, and it folds to itself.
        for s in ["O'Neill-Smith, Jr.", "G7/G20 summit", "snake_case:name", "Αθήνα", "Sèjournè"] {
            let k = StorableDocument.nameKey(s)
            #expect(!k.contains("_") && !k.contains(":") && StorableDocument.nameKey(k) == k, "\(s.debugDescription) → \(k)")
        }
        #expect(EntityKey("ORG:un")?.nameKey == "un")
        #expect(EntityKey("ORG:u.n.") == nil, "not a folded name")
    }
}
