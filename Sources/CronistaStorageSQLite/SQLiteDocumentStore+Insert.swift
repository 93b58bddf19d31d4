import CronistaStorage
import GRDB
import GRDBSQLite

extension SQLiteDocumentStore {
    /// Inserts a batch inside the caller's transaction. The rows go through the SQLite C API with
    /// statements prepared once per batch: boxing every value into GRDB's `StatementArguments`
    /// cost about a third of the store's time (profiled on the 1,310 KIND articles).
    ///
    /// With `replacing`, a document stored under the same id with another text is deleted first
    /// (its rows cascade away), unless the new text is already stored under another id.
    static func insert(_ batch: [StorableDocument], _ db: Database, replacing: Bool = false) throws -> StoreResult {
        var result = StoreResult()
        let connection = db.sqliteConnection
        let document = try RawInsert(
            db,
            """
            INSERT INTO document (id, content_hash, language, title, published, source, url, text, analysis, events)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        let entity = try RawInsert(
            db, "INSERT INTO entity (doc, ordinal, type, name, name_key, kb, mention_count, mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let entityKey = try RawInsert(db, "INSERT INTO entity_key (rowid, keys) VALUES (?, ?)")
        let quote = try RawInsert(
            db,
            """
            INSERT INTO quote (doc, ordinal, kind, start_cp, end_cp, text, cue_start_cp, cue_end_cp, cue_text,
                               speaker_entity, speaker_start_cp, speaker_end_cp, speaker_text, speaker_key,
                               sentence_start_cp, sentence_end_cp, date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // The full-text row of each quote, written here rather than by a trigger (4x cheaper; see
        // migration v3). `SQLiteStoreTests` checks the index against the quotes with FTS5's
        // integrity-check.
        let quoteText = try RawInsert(db, "INSERT INTO quote_fts (rowid, text) VALUES (?, ?)")
        let quoteAbout = try RawInsert(db, "INSERT INTO quote_about (doc, quote_ordinal, position, entity_ordinal) VALUES (?, ?, ?, ?)")
        var events = try EventInserter(db)
        let stories = try StoryInserter(db)
        let storedHash = try db.cachedStatement(sql: "SELECT content_hash FROM document WHERE id = ?")
        let replace =
            replacing
            ? try db.cachedStatement(
                sql: """
                    DELETE FROM document WHERE id = ? AND content_hash <> ?
                    AND NOT EXISTS (SELECT 1 FROM document WHERE content_hash = ?)
                    """) : nil
        var keys = ""
        for d in batch {
            var replaced = false
            if let replace {
                // The bands of the document this one may replace, removed only if it is.
                let bands = try storyBands(of: d.id, db)
                try replace.execute(arguments: [d.id, d.contentHash, d.contentHash])
                replaced = db.changesCount > 0
                if replaced { try removeStoryBands(bands, db) }
            }
            do {
                document.bind(1, d.id); document.bind(2, d.contentHash); document.bind(3, d.language)
                document.bind(4, d.title); document.bind(5, d.published); document.bind(6, d.source)
                document.bind(7, d.url); document.bind(8, d.text); document.bind(9, d.analysisJSON); document.bind(10, d.eventsJSON)
                try document.run()
                if sqlite3_changes(connection) == 0 {
                    // Not inserted: the id or the text is already there. The same id with another
                    // text is a conflict, not a duplicate.
                    let stored = try String.fetchOne(storedHash, arguments: [d.id])
                    if let stored, stored != d.contentHash { result.conflicts.append(d.id) } else { result.skipped.append(d.id) }
                    continue
                }
                let doc = sqlite3_last_insert_rowid(connection)
                for e in d.entities {
                    entity.bind(1, doc); entity.bind(2, e.ordinal); entity.bind(3, e.type); entity.bind(4, e.name)
                    entity.bind(5, e.nameKey); entity.bind(6, e.kb); entity.bind(7, e.mentionCount); entity.bind(8, e.mentionsJSON)
                    try entity.run()
                }
                // One `entity_key` row per entity: its keys as tokens, spaces written `_`
                // (`aliases` is sorted by entity).
                var i = d.aliases.startIndex
                while i < d.aliases.endIndex {
                    let e = d.aliases[i].entity
                    // What a foreign key would check (entity_key is a virtual table).
                    guard d.entities.indices.contains(e), d.entities[e].ordinal == e else {
                        throw RawInsert.Failure(message: "a key of entity \(e), which the document does not have")
                    }
                    keys.removeAll(keepingCapacity: true)
                    while i < d.aliases.endIndex, d.aliases[i].entity == e {
                        if !keys.isEmpty { keys += " " }
                        keys += SQLiteSchema.token(d.aliases[i].key)
                        i += 1
                    }
                    entityKey.bind(1, SQLiteSchema.entityRowid(doc: doc, ordinal: e)); entityKey.bind(2, keys)
                    try entityKey.run()
                }
                for q in d.quotes {
                    quote.bind(1, doc); quote.bind(2, q.ordinal); quote.bind(3, q.kind)
                    quote.bind(4, q.content.startScalar); quote.bind(5, q.content.endScalar); quote.bind(6, q.content.text)
                    quote.bind(7, q.cue?.startScalar); quote.bind(8, q.cue?.endScalar); quote.bind(9, q.cue?.text)
                    quote.bind(10, q.speakerEntity); quote.bind(11, q.speaker?.startScalar); quote.bind(12, q.speaker?.endScalar)
                    quote.bind(13, q.speaker?.text); quote.bind(14, q.speakerKey)
                    quote.bind(15, q.sentenceStartScalar); quote.bind(16, q.sentenceEndScalar); quote.bind(17, q.date)
                    try quote.run()
                    quoteText.bind(1, sqlite3_last_insert_rowid(connection)); quoteText.bind(2, q.content.text)
                    try quoteText.run()
                    for (position, e) in q.about.enumerated() {
                        quoteAbout.bind(1, doc); quoteAbout.bind(2, q.ordinal); quoteAbout.bind(3, position); quoteAbout.bind(4, e)
                        try quoteAbout.run()
                    }
                }
                try events.insert(doc: doc, events: d.events, times: d.times)
                try stories.add(doc: doc, signature: d.storySignature)
            } catch let e as RawInsert.Failure {
                throw StoreError(
                    .query, "batch of \(batch.count) not stored (rolled back): \(e.message)", backend: "sqlite", documentID: d.id)
            }
            if replaced { result.replaced.append(d.id) } else { result.stored.append(d.id) }
        }
        return result
    }
}

extension SQLiteDocumentStore {
    /// Writes a document's events with their participants and its time expressions (the store's
    /// insert and migration v7 share it).
    struct EventInserter {
        let event: RawInsert
        let participant: RawInsert
        let time: RawInsert

        init(_ db: Database) throws {
            event = try RawInsert(
                db,
                """
                INSERT INTO event (doc, ordinal, type, mode, trigger_start_cp, trigger_end_cp, trigger_text, date, cameo, quad,
                                   quote_ordinal, quote_role, claim_start_cp, claim_end_cp, claim_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            participant = try RawInsert(
                db,
                """
                INSERT INTO event_participant (doc, event_ordinal, position, role, entity_ordinal, start_cp, end_cp, text, key, country, sector)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            time = try RawInsert(
                db, "INSERT INTO time_expression (doc, ordinal, start_cp, end_cp, text, type, value, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        }

        mutating func insert(doc: Int64, events: [StorableDocument.EventRow], times: [StorableDocument.TimeRow]) throws {
            for e in events {
                event.bind(1, doc); event.bind(2, e.ordinal); event.bind(3, e.type); event.bind(4, e.mode)
                event.bind(5, e.trigger.startScalar); event.bind(6, e.trigger.endScalar); event.bind(7, e.trigger.text)
                event.bind(8, e.date); event.bind(9, e.cameo); event.bind(10, e.quad); event.bind(11, e.quoteOrdinal)
                event.bind(12, e.quoteRole); event.bind(13, e.claim?.startScalar); event.bind(14, e.claim?.endScalar)
                event.bind(15, e.claim?.text)
                try event.run()
                for (position, p) in e.participants.enumerated() {
                    participant.bind(1, doc); participant.bind(2, e.ordinal); participant.bind(3, position); participant.bind(4, p.role)
                    participant.bind(5, p.entity); participant.bind(6, p.span.startScalar); participant.bind(7, p.span.endScalar)
                    participant.bind(8, p.span.text); participant.bind(9, p.key); participant.bind(10, p.country)
                    participant.bind(11, p.sector)
                    try participant.run()
                }
            }
            for t in times {
                time.bind(1, doc); time.bind(2, t.ordinal); time.bind(3, t.span.startScalar); time.bind(4, t.span.endScalar)
                time.bind(5, t.span.text); time.bind(6, t.type); time.bind(7, t.value); time.bind(8, t.day)
                try time.run()
            }
        }
    }
}

/// One cached INSERT statement driven through the C API: bind, step, reset.
struct RawInsert {
    struct Failure: Error { var message: String }

    let handle: OpaquePointer
    let connection: OpaquePointer?

    init(_ db: Database, _ sql: String) throws {
        let statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// SQLite copies bound text (the Swift string's buffer is only borrowed for the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ i: Int32, _ value: String?) {
        guard var value else { sqlite3_bind_null(handle, i); return }
        value.withUTF8 { b in
            b.withMemoryRebound(to: CChar.self) { c in
                // An empty buffer may have no address; a NULL pointer would bind NULL, not ''.
                if let p = c.baseAddress {
                    _ = sqlite3_bind_text(handle, i, p, Int32(c.count), Self.transient)
                } else {
                    _ = sqlite3_bind_text(handle, i, "", 0, Self.transient)
                }
            }
        }
    }

    func bind(_ i: Int32, _ value: Int?) {
        guard let value else { sqlite3_bind_null(handle, i); return }
        sqlite3_bind_int64(handle, i, Int64(value))
    }

    func bind(_ i: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, i, value)
    }

    /// Executes the statement once and resets it for the next row.
    func run() throws {
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard rc == SQLITE_DONE else {
            let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(rc)"
            throw Failure(message: "\(message) (code \(rc))")
        }
    }
}
