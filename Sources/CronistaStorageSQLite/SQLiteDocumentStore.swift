public import CronistaStorage
import CSQLiteTuning
import GRDB

/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer), foreign
/// keys and CHECK constraints on, FTS5 over quote text, one transaction per stored batch.
public final class SQLiteDocumentStore: DocumentStore {
    let pool: DatabasePool
    public let path: String

    /// SQLite's memory statistics, on by default, take a global mutex around every allocation
    /// SQLite makes (and Debian's build has no lookaside allocator, so that is every record it
    /// builds): turning them off took 15 % off the store's insert time (KIND ×4). Once per
    /// process, before the first connection; when another library opened SQLite first, it stays on.
    static let sqliteTuned: Bool = cronista_sqlite_disable_memory_statistics() == 0

    /// Opens (creating if needed) the store at `path` and applies pending migrations.
    public init(path: String = StoreLocation.defaultSQLitePath) throws {
        _ = Self.sqliteTuned
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another process writing the same file (a second `ingest`, a server) makes this one wait
        // for its turn instead of failing at once with "database is locked". (GRDB's pool starts
        // its write transactions IMMEDIATE, so a writer never holds a read snapshot that it then
        // cannot upgrade, which no timeout would resolve.)
        config.busyMode = .timeout(StoreLocation.sqliteBusyTimeout)
        config.prepareDatabase { db in
            // WAL without fsync at every commit: a crash loses at most the last batches, never consistency.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // SQLite's default: checkpoint when the WAL reaches 1,000 pages (4 MB). A larger WAL
            // (8,192 pages) saved 2 % of ingest's CPU, but left the whole checkpoint to `close`,
            // where nothing else runs: ingest was 3 % slower end to end (KIND, 10 alternating runs).
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw StoreError(.connection, "cannot open \(path): \(error)", backend: "sqlite")
        }
    }

    /// Names of the applied migrations, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }

    /// The value of a read-only pragma (`journal_mode`, `foreign_keys`, …) as text.
    public func pragma(_ name: String) throws -> String? {
        precondition(name.allSatisfy { $0.isLetter || $0 == "_" }, "pragma name")
        return try pool.read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// Problems SQLite finds in the file, empty when there are none: `PRAGMA integrity_check`
    /// (B-trees, indexes, CHECKs), `PRAGMA foreign_key_check`, FTS5's `integrity-check` of the
    /// quotes' full-text index (against the quotes) and of `entity_key`, and `entity_key` rows
    /// whose entity is gone.
    /// (An FTS5 command is an INSERT, so this runs on the writer connection.)
    public func integrityProblems() throws -> [String] {
        try pool.writeWithoutTransaction { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for r in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = r[0], parent: String = r[2]
                problems.append("foreign key: a row of \(table) points at a missing \(parent) row")
            }
            do {
                try db.execute(sql: "INSERT INTO quote_fts (quote_fts, rank) VALUES ('integrity-check', 1)")
            } catch {
                problems.append("full-text index: \(error)")
            }
            do {
                try db.execute(sql: "INSERT INTO entity_key (entity_key) VALUES ('integrity-check')")
            } catch {
                problems.append("entity keys: \(error)")
            }
            // entity_key is a virtual table, which a foreign key cannot guard.
            let orphans =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM entity_key k
                        WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.doc = k.rowid >> 20 AND e.ordinal = (k.rowid & 1048575))
                        """) ?? 0
            if orphans > 0 { problems.append("entity keys: \(orphans) row(s) of no entity") }
            return problems
        }
    }

    public func close() async throws {
        // Fold the WAL into the database file, so a closed store is one self-contained file.
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
    }

    // MARK: Writing

    public func store(_ batch: [StorableDocument], replacing: Bool) async throws -> StoreResult {
        do {
            return try await pool.write { db in try Self.insert(batch, db, replacing: replacing) }
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(.query, "batch of \(batch.count) not stored (rolled back): \(error)", backend: "sqlite")
        }
    }

    public func delete(ids: [String]) async throws -> [String] {
        do {
            return try await pool.write { db in
                // The foreign keys cascade to entities and quotes; their triggers remove the
                // `entity_key` and `quote_fts` rows.
                let statement = try db.cachedStatement(sql: "DELETE FROM document WHERE id = ?")
                var deleted: [String] = []
                for id in ids {
                    try Self.removeStoryBands(of: id, db)
                    try statement.execute(arguments: [id])
                    if db.changesCount > 0 { deleted.append(id) }
                }
                return deleted
            }
        } catch {
            throw StoreError(.query, "delete of \(ids.count) document(s) not done (rolled back): \(error)", backend: "sqlite")
        }
    }

    // MARK: Reading

    public func contains(id: String) async throws -> Bool {
        try await read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE id = ?)", arguments: [id]) ?? false }
    }

    public func contains(hash: String) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE content_hash = ?)", arguments: [hash]) ?? false
        }
    }

    public func existing(ids: [String], hashes: [String]) async throws -> ExistingKeys {
        if ids.isEmpty && hashes.isEmpty { return ExistingKeys() }
        return try await read { db in
            var out = ExistingKeys()
            let byID = try db.cachedStatement(sql: "SELECT 1 FROM document WHERE id = ?")
            for id in ids where try Bool.fetchOne(byID, arguments: [id]) != nil { out.ids.insert(id) }
            let byHash = try db.cachedStatement(sql: "SELECT 1 FROM document WHERE content_hash = ?")
            for h in hashes where try Bool.fetchOne(byHash, arguments: [h]) != nil { out.hashes.insert(h) }
            return out
        }
    }

    public func quotes(_ query: QuoteQuery) async throws -> [QuoteHit] {
        var conditions: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let s = query.speaker {
            let key = StorableDocument.searchKey(s)
            // Speakers that are entities with this key (entity_key rowid: doc * 2^20 + ordinal),
            // and speakers that are not entities ("una fonte") by their folded text.
            if let match = SQLiteSchema.keyQuery(key) {
                conditions.append(
                    """
                    q.id IN (SELECT q2.id FROM entity_key k JOIN quote q2
                               ON q2.doc = k.rowid >> 20 AND q2.speaker_entity = (k.rowid & 1048575)
                             WHERE entity_key MATCH ?
                             UNION ALL SELECT q3.id FROM quote q3 WHERE q3.speaker_key = ?)
                    """)
                args += [match, key]
            } else {
                conditions.append("q.speaker_key = ?")
                args.append(key)
            }
        }
        if let a = query.about {
            // Quotes about an entity with this key (entity_key rowid: doc * 2^20 + ordinal).
            if let match = SQLiteSchema.keyQuery(StorableDocument.searchKey(a)) {
                conditions.append(
                    """
                    q.id IN (SELECT q4.id FROM entity_key k
                               JOIN quote_about a ON a.doc = k.rowid >> 20 AND a.entity_ordinal = (k.rowid & 1048575)
                               JOIN quote q4 ON q4.doc = a.doc AND q4.ordinal = a.quote_ordinal
                             WHERE entity_key MATCH ?)
                    """)
                args.append(match)
            } else {
                conditions.append("0")  // no key, no entity
            }
        }
        if let w = query.words, let match = Self.ftsQuery(w) {
            conditions.append("q.id IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)")
            args.append(match)
        }
        if let f = query.from { conditions.append("d.published >= ?"); args.append(f) }
        if let t = query.to { conditions.append("d.published <= ?"); args.append(t + "~") }
        if let s = query.source { conditions.append("d.source = ? COLLATE NOCASE"); args.append(s) }
        if let key = query.speakerEntity {
            let c = Self.entityCondition(key, alias: "e2") {
                args.append($0); return "?"
            }
            conditions.append(
                "q.id IN (SELECT q2.id FROM quote q2 JOIN entity e2 ON e2.doc = q2.doc AND e2.ordinal = q2.speaker_entity WHERE \(c))")
        }
        if let after = query.after {
            conditions.append(
                after.sqlCondition { v in
                    if let s = v as? String { args.append(s) } else if let i = v as? Int { args.append(i) }
                    return "?"
                })
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            \(QuoteHit.selectSQL(documentKey: "doc", childKey: "doc", about: Self.aboutColumn))
            \(whereClause)
            \(QuoteHit.orderSQL)
            LIMIT ?
            """
        args.append(max(0, query.limit))
        let arguments = StatementArguments(args.map { $0?.databaseValue ?? .null })
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
                func span(_ a: Int, _ b: Int, _ t: Int) -> ScalarSpan? {
                    guard let s: Int = r[a], let e: Int = r[b], let text: String = r[t] else { return nil }
                    return ScalarSpan(startScalar: s, endScalar: e, text: text)
                }
                let ordinal: Int = r[4]
                return QuoteHit(
                    documentID: r[0], title: r[1], published: r[2], source: r[3], quoteID: "q\(ordinal + 1)", kind: r[5],
                    content: span(6, 7, 8)!, cue: span(9, 10, 11), speaker: span(12, 13, 14),
                    speakerName: r[15], speakerKB: r[16], sentenceStartScalar: r[17], sentenceEndScalar: r[18], speakerType: r[19],
                    about: QuoteHit.about(json: r[20]), date: r[21])
            }
        }
    }

    public func events(_ query: EventQuery) async throws -> [EventHit] {
        var conditions: [String] = []
        var args: [(any DatabaseValueConvertible)?] = []
        if let t = query.type { conditions.append("ev.type = ?"); args.append(t.uppercased()) }
        if let m = query.mode { conditions.append("ev.mode = ?"); args.append(m.lowercased()) }
        // `AND p.role = ?` for a participant sub-select, its value bound in reading order.
        func roleCondition() -> String {
            guard let r = query.role else { return "" }
            args.append(r.rawValue)
            return " AND p.role = ?"
        }
        if let a = query.actor {
            let key = StorableDocument.searchKey(a)
            // Participants that are entities with this key (entity_key rowid: doc * 2^20 +
            // ordinal), and participants that are not entities by their folded text.
            if let match = SQLiteSchema.keyQuery(key) {
                args.append(match)
                let r1 = roleCondition()
                args.append(key)
                let r2 = roleCondition()
                conditions.append(
                    """
                    (ev.doc, ev.ordinal) IN (SELECT p.doc, p.event_ordinal FROM entity_key k JOIN event_participant p
                                               ON p.doc = k.rowid >> 20 AND p.entity_ordinal = (k.rowid & 1048575)
                                             WHERE entity_key MATCH ?\(r1)
                                             UNION ALL SELECT p.doc, p.event_ordinal FROM event_participant p WHERE p.key = ?\(r2))
                    """)
            } else {
                args.append(key)
                conditions.append(
                    "(ev.doc, ev.ordinal) IN (SELECT p.doc, p.event_ordinal FROM event_participant p WHERE p.key = ?\(roleCondition()))")
            }
        }
        if let key = query.actorEntity {
            let c = Self.entityCondition(key, alias: "e2") {
                args.append($0); return "?"
            }
            conditions.append(
                """
                (ev.doc, ev.ordinal) IN (SELECT p.doc, p.event_ordinal FROM event_participant p
                                           JOIN entity e2 ON e2.doc = p.doc AND e2.ordinal = p.entity_ordinal WHERE \(c)\(roleCondition()))
                """)
        }
        if query.actor == nil && query.actorEntity == nil, query.role != nil {
            conditions.append("(ev.doc, ev.ordinal) IN (SELECT p.doc, p.event_ordinal FROM event_participant p WHERE 1\(roleCondition()))")
        }
        if let f = query.from { conditions.append("\(EventHit.daySQL) >= ?"); args.append(f) }
        if let t = query.to { conditions.append("\(EventHit.daySQL) <= ?"); args.append(t) }
        if let d = query.documentID { conditions.append("d.id = ?"); args.append(d) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            \(EventHit.selectSQL(documentKey: "doc", childKey: "doc", participants: Self.participantsColumn))
            \(whereClause)
            \(EventHit.orderSQL)
            LIMIT ? OFFSET ?
            """
        args.append(max(0, query.limit))
        args.append(max(0, query.offset))
        let arguments = StatementArguments(args.map { $0?.databaseValue ?? .null })
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { r in
                func span(_ a: Int, _ b: Int, _ t: Int) -> ScalarSpan? {
                    guard let s: Int = r[a], let e: Int = r[b], let text: String = r[t] else { return nil }
                    return ScalarSpan(startScalar: s, endScalar: e, text: text)
                }
                return EventHit(
                    documentID: r[0], title: r[1], published: r[2], source: r[3], ordinal: r[4], type: r[5], mode: r[6],
                    trigger: span(7, 8, 9)!, date: r[10], cameo: r[11], quad: r[12], quoteOrdinal: r[13], quoteRole: r[14],
                    claim: span(15, 16, 17), participantsJSON: r[18])
            }
        }
    }

    /// An event's participants as ``EventHit/participants(json:)`` reads them (NULL when none).
    static let participantsColumn = """
        (SELECT json_group_array(json_array(x.role, x.start_cp, x.end_cp, x.text, x.name, x.type, x.kb, x.country, x.sector)) FROM (
            SELECT p3.role AS role, p3.start_cp AS start_cp, p3.end_cp AS end_cp, p3.text AS text, e3.name AS name, e3.type AS type,
                   e3.kb AS kb, p3.country AS country, p3.sector AS sector
            FROM event_participant p3 LEFT JOIN entity e3 ON e3.doc = p3.doc AND e3.ordinal = p3.entity_ordinal
            WHERE p3.doc = ev.doc AND p3.event_ordinal = ev.ordinal ORDER BY p3.position) x)
        """

    /// A quote's `about` entities as `[[name, type, kb], …]` in order (NULL when none), for
    /// ``QuoteHit/about(json:)``.
    static let aboutColumn = """
        (SELECT json_group_array(json_array(x.name, x.type, x.kb)) FROM (
            SELECT e3.name AS name, e3.type AS type, e3.kb AS kb FROM quote_about a3
            JOIN entity e3 ON e3.doc = a3.doc AND e3.ordinal = a3.entity_ordinal
            WHERE a3.doc = q.doc AND a3.quote_ordinal = q.ordinal ORDER BY a3.position) x)
        """

    public func entities(named name: String, limit: Int) async throws -> [EntityHit] {
        guard let match = SQLiteSchema.keyQuery(StorableDocument.searchKey(name)) else { return [] }
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT MAX(e.name), e.type, e.kb, COUNT(DISTINCT e.doc), SUM(e.mention_count)
                    FROM entity e
                    WHERE (e.doc, e.ordinal) IN (SELECT rowid >> 20, rowid & 1048575 FROM entity_key WHERE entity_key MATCH ?)
                    GROUP BY e.type, COALESCE(e.kb, e.name_key)
                    ORDER BY SUM(e.mention_count) DESC, MAX(e.name)
                    LIMIT ?
                    """, arguments: [match, limit]
            ).map { r in
                EntityHit(name: r[0], type: r[1], kb: r[2], documents: r[3], mentions: r[4])
            }
        }
    }

    public func documents(mentioningAll names: [String], limit: Int) async throws -> [DocumentHit] {
        let keys = names.map(StorableDocument.searchKey).filter { !$0.isEmpty }
        guard !keys.isEmpty else { return [] }
        let matches = keys.compactMap(SQLiteSchema.keyQuery)
        guard matches.count == keys.count else { return [] }
        let sub = keys.map { _ in "SELECT rowid >> 20 FROM entity_key WHERE entity_key MATCH ?" }.joined(separator: " INTERSECT ")
        var args: [any DatabaseValueConvertible] = matches
        args.append(limit)
        let arguments = StatementArguments(args.map { $0.databaseValue })
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title, published, source, language FROM document
                    WHERE doc IN (\(sub))
                    ORDER BY COALESCE(published, '') DESC, id
                    LIMIT ?
                    """, arguments: arguments
            ).map { r in
                DocumentHit(id: r[0], title: r[1], published: r[2], source: r[3], language: r[4])
            }
        }
    }

    public func analysisJSON(documentID: String) async throws -> String? {
        try await read { db in try String.fetchOne(db, sql: "SELECT analysis FROM document WHERE id = ?", arguments: [documentID]) }
    }

    public func document(id: String) async throws -> StoredDocument? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, title, published, source, language, url, text, analysis FROM document WHERE id = ?", arguments: [id]
            ).map { r in
                StoredDocument(
                    hit: DocumentHit(id: r[0], title: r[1], published: r[2], source: r[3], language: r[4]), url: r[5], text: r[6],
                    analysisJSON: r[7])
            }
        }
    }

    public func entity(_ key: EntityKey) async throws -> EntityHit? {
        var args: [String] = []
        // Placeholders in reading order: the type sub-select comes first.
        let c2 = Self.entityCondition(key, alias: "t") {
            args.append($0); return "?"
        }
        let c = Self.entityCondition(key, alias: "e") {
            args.append($0); return "?"
        }
        let arguments = StatementArguments(args)
        return try await read { db in
            // The name and type: those of the most mentioned rows (a KB id may be typed LOC and ORG).
            try Row.fetchOne(
                db,
                sql: """
                    SELECT MAX(e.name), (SELECT t.type FROM entity t WHERE \(c2) GROUP BY t.type ORDER BY SUM(t.mention_count) DESC, t.type LIMIT 1),
                           MAX(e.kb), COUNT(DISTINCT e.doc), SUM(e.mention_count)
                    FROM entity e WHERE \(c)
                    """, arguments: arguments
            ).flatMap { r -> EntityHit? in
                guard let name: String = r[0], let type: String = r[1] else { return nil }  // no such entity
                return EntityHit(name: name, type: type, kb: r[2], documents: r[3], mentions: r[4])
            }
        }
    }

    public func coMentions(of key: EntityKey, limit: Int) async throws -> [EntityHit] {
        var args: [any DatabaseValueConvertible] = []
        let c = Self.entityCondition(key, alias: "e") {
            args.append($0); return "?"
        }
        let x = key.sqlExclusion(alias: "o") {
            args.append($0); return "?"
        }
        args.append(limit)
        let arguments = StatementArguments(args.map { $0.databaseValue })
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT MAX(o.name), o.type, o.kb, COUNT(DISTINCT o.doc), SUM(o.mention_count)
                    FROM entity o
                    WHERE o.doc IN (SELECT e.doc FROM entity e WHERE \(c)) AND \(x)
                    GROUP BY o.type, COALESCE(o.kb, o.name_key)
                    ORDER BY COUNT(DISTINCT o.doc) DESC, SUM(o.mention_count) DESC, MAX(o.name)
                    LIMIT ?
                    """, arguments: arguments
            ).map { r in
                EntityHit(name: r[0], type: r[1], kb: r[2], documents: r[3], mentions: r[4])
            }
        }
    }

    public func statistics() async throws -> StoreStatistics {
        try await read { db in
            let r = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM entity),
                           (SELECT COALESCE(SUM(mention_count), 0) FROM entity), (SELECT COUNT(*) FROM quote),
                           (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM event_participant), (SELECT COUNT(*) FROM time_expression),
                           (SELECT COUNT(DISTINCT story) FROM story_member)
                    """)!
            return StoreStatistics(
                documents: r[0], entities: r[1], mentions: r[2], quotes: r[3], events: r[4], participants: r[5], times: r[6],
                stories: r[7])
        }
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(.query, "\(error)", backend: "sqlite")
        }
    }

    /// ``EntityKey/sqlCondition(alias:bind:)``, found through an index: a KB id through the
    /// partial `entity_kb`; a type and folded name through `entity_key`, where the folded name is
    /// one of the entity's keys (an index on `name_key` would cost every stored entity a B-tree
    /// entry; without any, an entity page scanned the whole table).
    static func entityCondition(_ key: EntityKey, alias a: String, bind: (String) -> String) -> String {
        guard key.kb == nil, let match = SQLiteSchema.keyQuery(key.nameKey ?? "") else {
            return key.sqlCondition(alias: a, bind: bind)
        }
        let narrow =
            "(\(a).doc, \(a).ordinal) IN (SELECT rowid >> 20, rowid & 1048575 FROM entity_key WHERE entity_key MATCH \(bind(match)))"
        return "(\(narrow) AND \(key.sqlCondition(alias: a, bind: bind)))"
    }

    /// Words → an FTS5 query: each word quoted (no operator injection), all required.
    static func ftsQuery(_ words: String) -> String? {
        let terms = words.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"" }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
