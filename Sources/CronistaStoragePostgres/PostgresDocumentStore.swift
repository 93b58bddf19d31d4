// The PostgreSQL backend is built only with the package trait `Postgres` (`--traits Postgres`).
#if Postgres
    public import CronistaStorage
    import Logging
    import Foundation
    import PostgresNIO

    /// The store for a newsroom or a research group: the schema of the SQLite store in PostgreSQL,
    /// full text through `tsvector` (the `italian` or `english` configuration chosen per document
    /// language, `simple` otherwise; GIN index), and a work queue (``PostgresDocumentStore/claim(worker:limit:leaseSeconds:)``)
    /// for several `cronista ingest --queue` workers on one database.
    public final class PostgresDocumentStore: DocumentStore {
        let client: PostgresClient
        let runTask: Task<Void, Never>
        let logger: Logger
        public let url: PostgresURL

        /// Connects to `url` and applies pending migrations (serialised across processes by an
        /// advisory lock, so several workers may start at once).
        ///
        /// - Parameter schema: a PostgreSQL schema to keep the tables in (created if missing); `nil`
        ///   uses the database's default (`public`). Tests use one schema each.
        public convenience init(url: PostgresURL, schema: String? = nil, maximumConnections: Int = 4) async throws {
            try await self.init(url: url, schema: schema, maximumConnections: maximumConnections, migratingUpTo: nil)
        }

        /// - Parameter last: the last migration to apply (`nil`: all); tests build old schemas with it.
        init(url: PostgresURL, schema: String?, maximumConnections: Int, migratingUpTo last: String?) async throws {
            var logger = Logger(label: "cronista.postgres")
            logger.logLevel = .critical
            self.logger = logger
            self.url = url
            var config = PostgresClient.Configuration(
                host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: .disable)
            config.options.maximumConnections = maximumConnections
            config.options.connectTimeout = .seconds(5)
            if let schema {
                guard !schema.isEmpty,
                    schema.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) })
                else {
                    throw StoreError(
                        .invalidLocation, "schema name '\(schema)' must be lower-case letters, digits and _", backend: "postgres")
                }
                config.options.additionalStartupParameters = [("search_path", schema)]
            }
            let client = PostgresClient(configuration: config, backgroundLogger: logger)
            self.client = client
            runTask = Task { await client.run() }
            do {
                if let schema {
                    // CREATE SCHEMA IF NOT EXISTS is not safe against itself: two stores opening a new
                    // schema at once may both try to create it, and one fails on the catalogue's
                    // unique index. A transaction-scoped advisory lock serialises them.
                    try await client.query(
                        PostgresQuery(
                            unsafeSQL:
                                "DO $$ BEGIN PERFORM pg_advisory_xact_lock(\(Self.schemaLockKey)); CREATE SCHEMA IF NOT EXISTS \(schema); END $$"
                        ), logger: logger)
                }
                try await migrate(upTo: last)
            } catch {
                runTask.cancel()
                throw Self.wrap(error, .migration, "cannot open \(url)")
            }
        }

        /// The advisory lock key that serialises schema creation (any constant shared by every Cronista store).
        static let schemaLockKey: Int64 = 0x4352_4F4E_4953_5441

        public func close() async throws {
            runTask.cancel()
            _ = await runTask.value
        }

        static let migrationLock: Int64 = 0x63_72_6f_6e_69_73_74_61  // "cronista"

        func migrate(upTo last: String? = nil) async throws {
            try await client.withTransaction(logger: logger) { conn in
                try await conn.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
                try await conn.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                    logger: logger)
                var applied = Set<String>()
                for try await name in try await conn.query("SELECT name FROM schema_migrations", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                for m in PostgresSchema.migrations {
                    if !applied.contains(m.name) {
                        for s in m.statements { try await conn.query(PostgresQuery(unsafeSQL: s), logger: logger) }
                        try await m.run?(conn, logger)
                        try await conn.query("INSERT INTO schema_migrations (name) VALUES (\(m.name))", logger: logger)
                    }
                    if m.name == last { break }
                }
            }
        }

        /// Names of the applied migrations, in the order they were applied.
        public func appliedMigrations() async throws -> [String] {
            // Migrations applied in one transaction share `applied_at`, and by name `v10-…` sorts
            // before `v2-…`: among those, the order they are applied in, the schema's.
            let order = Dictionary(uniqueKeysWithValues: PostgresSchema.migrations.enumerated().map { ($1.name, $0) })
            var out: [(name: String, at: Date)] = []
            for try await (n, at) in try await client.query("SELECT name, applied_at FROM schema_migrations", logger: logger)
                .decode((String, Date).self)
            {
                out.append((n, at))
            }
            return out.sorted { a, b in
                if a.at != b.at { return a.at < b.at }
                let x = order[a.name] ?? Int.max
                let y = order[b.name] ?? Int.max
                return x != y ? x < y : a.name < b.name
            }.map(\.name)
        }

        // MARK: Writing

        public func store(_ batch: [StorableDocument], replacing: Bool) async throws -> StoreResult {
            do {
                return try await client.withTransaction(logger: logger) { conn in
                    try await Self.insert(batch, on: conn, logger: logger, replacing: replacing)
                }
            } catch {
                throw Self.wrap(error, .query, "batch of \(batch.count) not stored (rolled back)")
            }
        }

        public func delete(ids: [String]) async throws -> [String] {
            guard !ids.isEmpty else { return [] }
            do {
                // Entities, aliases, mentions and quotes (with their generated tsvector) cascade.
                var deleted = Set<String>()
                var b = Binds()
                let sql = "DELETE FROM document WHERE id = ANY(\(try b.add(ids))::text[]) RETURNING id"
                try await client.withTransaction(logger: logger) { conn in
                    for try await id in try await conn.query(b.query(sql), logger: logger).decode(String.self) { deleted.insert(id) }
                }
                return ids.filter { deleted.contains($0) }
            } catch {
                throw Self.wrap(error, .query, "delete of \(ids.count) document(s) not done (rolled back)")
            }
        }

        static func tsConfig(_ language: String) -> String {
            switch language {
            case "it": "italian"
            case "en": "english"
            default: "simple"
            }
        }

        /// Inserts a batch with one statement per table (arrays bound and `unnest`ed), on a connection
        /// that is inside a transaction.
        ///
        /// With `replacing`, the stored documents with a candidate's id and another text are deleted
        /// first (their rows cascade away), unless the candidate's text is stored under another id.
        static func insert(_ batch: [StorableDocument], on conn: PostgresConnection, logger: Logger, replacing: Bool = false) async throws
            -> StoreResult
        {
            // Duplicates inside the batch: the first wins, as with separate batches.
            var seenIDs = Set<String>(), seenHashes = Set<String>()
            var isCandidate = [Bool](repeating: false, count: batch.count)
            var candidates: [StorableDocument] = []
            for (i, d) in batch.enumerated() {
                let newID = seenIDs.insert(d.id).inserted
                let newHash = seenHashes.insert(d.contentHash).inserted
                if newID && newHash {
                    isCandidate[i] = true
                    candidates.append(d)
                }
            }
            var result = StoreResult()
            var inserted = Set<String>()
            var replaced = Set<String>()
            if replacing && !candidates.isEmpty {
                var b = Binds()
                let sql = """
                    DELETE FROM document d USING unnest(\(try b.add(candidates.map(\.id)))::text[], \(try b.add(candidates.map(\.contentHash)))::text[]) AS u(id, h)
                    WHERE d.id = u.id AND d.content_hash <> u.h AND NOT EXISTS (SELECT 1 FROM document x WHERE x.content_hash = u.h)
                    RETURNING d.id
                    """
                for try await id in try await conn.query(b.query(sql), logger: logger).decode(String.self) { replaced.insert(id) }
            }
            if !candidates.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO document (id, content_hash, language, title, published, source, url, text, analysis, events)
                    SELECT id, h, l, NULLIF(t, ''), NULLIF(p, ''), NULLIF(s, ''), NULLIF(u, ''), x, a, e::jsonb
                    FROM unnest(\(try b.add(candidates.map(\.id)))::text[], \(try b.add(candidates.map(\.contentHash)))::text[],
                                \(try b.add(candidates.map(\.language)))::text[], \(try b.add(candidates.map { $0.title ?? "" }))::text[],
                                \(try b.add(candidates.map { $0.published ?? "" }))::text[], \(try b.add(candidates.map { $0.source ?? "" }))::text[],
                                \(try b.add(candidates.map { $0.url ?? "" }))::text[], \(try b.add(candidates.map(\.text)))::text[],
                                \(try b.add(candidates.map(\.analysisJSON)))::text[], \(try b.add(candidates.map(\.eventsJSON)))::text[])
                         AS u(id, h, l, t, p, s, u, x, a, e)
                    ON CONFLICT DO NOTHING
                    RETURNING id
                    """
                for try await id in try await conn.query(b.query(sql), logger: logger).decode(String.self) { inserted.insert(id) }
            }
            // The text each id not inserted is stored with (earlier in the batch, or in the table): a
            // different one makes the document a conflict, not a duplicate.
            var hashOfID: [String: String] = [:]
            for (i, d) in batch.enumerated() where isCandidate[i] && inserted.contains(d.id) { hashOfID[d.id] = d.contentHash }
            let unresolved = Array(
                Set(batch.indices.filter { !(isCandidate[$0] && inserted.contains(batch[$0].id)) }.map { batch[$0].id }).subtracting(
                    hashOfID.keys))
            if !unresolved.isEmpty {
                var b = Binds()
                let sql = "SELECT id, content_hash FROM document WHERE id = ANY(\(try b.add(unresolved))::text[])"
                for try await (id, hash) in try await conn.query(b.query(sql), logger: logger).decode((String, String).self) {
                    hashOfID[id] = hash
                }
            }
            // The report in batch order.
            for (i, d) in batch.enumerated() {
                if isCandidate[i] && inserted.contains(d.id) {
                    if replaced.contains(d.id) { result.replaced.append(d.id) } else { result.stored.append(d.id) }
                } else if let h = hashOfID[d.id], h != d.contentHash {
                    result.conflicts.append(d.id)
                } else {
                    result.skipped.append(d.id)
                }
            }
            let docs = candidates.filter { inserted.contains($0.id) }
            guard !docs.isEmpty else { return result }

            // Entities.
            var eDoc: [String] = [], eOrd: [Int] = [], eType: [String] = [], eName: [String] = [], eKey: [String] = [], eKB: [String] = [],
                eCount: [Int] = []
            var aDoc: [String] = [], aOrd: [Int] = [], aKey: [String] = []
            var mDoc: [String] = [], mOrd: [Int] = [], mEnt: [Int] = [], mStart: [Int] = [], mEnd: [Int] = [], mText: [String] = [],
                mType: [String] = [], mForm: [String] = []
            var qDoc: [String] = [], qOrd: [Int] = [], qKind: [String] = [], qStart: [Int] = [], qEnd: [Int] = [], qText: [String] = []
            var qcStart: [Int] = [], qcEnd: [Int] = [], qcText: [String] = []
            var qsEnt: [Int] = [], qsStart: [Int] = [], qsEnd: [Int] = [], qsText: [String] = [], qsKey: [String] = []
            var qSentStart: [Int] = [], qSentEnd: [Int] = [], qConfig: [String] = [], qDate: [String] = []
            var abDoc: [String] = [], abQuote: [Int] = [], abPosition: [Int] = [], abEntity: [Int] = []
            for d in docs {
                for e in d.entities {
                    eDoc.append(d.id); eOrd.append(e.ordinal); eType.append(e.type); eName.append(e.name); eKey.append(e.nameKey)
                    eKB.append(e.kb ?? ""); eCount.append(e.mentionCount)
                }
                for a in d.aliases { aDoc.append(d.id); aOrd.append(a.entity); aKey.append(a.key) }
                for m in d.mentions {
                    mDoc.append(d.id); mOrd.append(m.ordinal); mEnt.append(m.entity ?? -1); mStart.append(m.span.startScalar)
                    mEnd.append(m.span.endScalar); mText.append(m.span.text); mType.append(m.type); mForm.append(m.form)
                }
                let config = tsConfig(d.language)
                for q in d.quotes {
                    qDoc.append(d.id); qOrd.append(q.ordinal); qKind.append(q.kind); qStart.append(q.content.startScalar)
                    qEnd.append(q.content.endScalar); qText.append(q.content.text)
                    qcStart.append(q.cue?.startScalar ?? -1); qcEnd.append(q.cue?.endScalar ?? -1); qcText.append(q.cue?.text ?? "")
                    qsEnt.append(q.speakerEntity ?? -1); qsStart.append(q.speaker?.startScalar ?? -1);
                    qsEnd.append(q.speaker?.endScalar ?? -1)
                    qsText.append(q.speaker?.text ?? ""); qsKey.append(q.speakerKey ?? "")
                    qSentStart.append(q.sentenceStartScalar); qSentEnd.append(q.sentenceEndScalar); qConfig.append(config)
                    qDate.append(q.date ?? "")
                    for (position, e) in q.about.enumerated() {
                        abDoc.append(d.id); abQuote.append(q.ordinal); abPosition.append(position); abEntity.append(e)
                    }
                }
            }
            if !eDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO entity (document_id, ordinal, type, name, name_key, kb, mention_count)
                    SELECT d, o, t, n, k, NULLIF(kb, ''), c
                    FROM unnest(\(try b.add(eDoc))::text[], \(try b.add(eOrd))::int8[], \(try b.add(eType))::text[], \(try b.add(eName))::text[],
                                \(try b.add(eKey))::text[], \(try b.add(eKB))::text[], \(try b.add(eCount))::int8[]) AS u(d, o, t, n, k, kb, c)
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
            if !aDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO entity_alias (document_id, entity_ordinal, key)
                    SELECT * FROM unnest(\(try b.add(aDoc))::text[], \(try b.add(aOrd))::int8[], \(try b.add(aKey))::text[])
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
            if !mDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO mention (document_id, ordinal, entity_ordinal, start_cp, end_cp, text, type, form)
                    SELECT d, o, NULLIF(e, -1), s, x, t, ty, f
                    FROM unnest(\(try b.add(mDoc))::text[], \(try b.add(mOrd))::int8[], \(try b.add(mEnt))::int8[], \(try b.add(mStart))::int8[],
                                \(try b.add(mEnd))::int8[], \(try b.add(mText))::text[], \(try b.add(mType))::text[], \(try b.add(mForm))::text[])
                         AS u(d, o, e, s, x, t, ty, f)
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
            if !qDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO quote (document_id, ordinal, kind, start_cp, end_cp, text, cue_start_cp, cue_end_cp, cue_text,
                                       speaker_entity, speaker_start_cp, speaker_end_cp, speaker_text, speaker_key,
                                       sentence_start_cp, sentence_end_cp, ts_config, date)
                    SELECT d, o, k, s, x, t, NULLIF(cs, -1), NULLIF(ce, -1), CASE WHEN cs < 0 THEN NULL ELSE ct END,
                           NULLIF(se, -1), NULLIF(ss, -1), NULLIF(sx, -1), CASE WHEN ss < 0 THEN NULL ELSE st END, NULLIF(sk, ''),
                           ns, nx, c::regconfig, NULLIF(dt, '')
                    FROM unnest(\(try b.add(qDoc))::text[], \(try b.add(qOrd))::int8[], \(try b.add(qKind))::text[], \(try b.add(qStart))::int8[],
                                \(try b.add(qEnd))::int8[], \(try b.add(qText))::text[], \(try b.add(qcStart))::int8[], \(try b.add(qcEnd))::int8[],
                                \(try b.add(qcText))::text[], \(try b.add(qsEnt))::int8[], \(try b.add(qsStart))::int8[], \(try b.add(qsEnd))::int8[],
                                \(try b.add(qsText))::text[], \(try b.add(qsKey))::text[], \(try b.add(qSentStart))::int8[], \(try b.add(qSentEnd))::int8[],
                                \(try b.add(qConfig))::text[], \(try b.add(qDate))::text[])
                         AS u(d, o, k, s, x, t, cs, ce, ct, se, ss, sx, st, sk, ns, nx, c, dt)
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
            if !abDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO quote_about (document_id, quote_ordinal, position, entity_ordinal)
                    SELECT * FROM unnest(\(try b.add(abDoc))::text[], \(try b.add(abQuote))::int8[], \(try b.add(abPosition))::int8[],
                                         \(try b.add(abEntity))::int8[])
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
            try await insertEvents(docs.map { ($0.id, $0.events, $0.times) }, on: conn, logger: logger)
            try await insertStories(docs.map { (id: $0.id, signature: $0.storySignature) }, on: conn, logger: logger)
            return result
        }

        // MARK: Reading

        public func contains(id: String) async throws -> Bool {
            try await scalarBool("SELECT EXISTS (SELECT 1 FROM document WHERE id = \(id))")
        }

        public func contains(hash: String) async throws -> Bool {
            try await scalarBool("SELECT EXISTS (SELECT 1 FROM document WHERE content_hash = \(hash))")
        }

        func scalarBool(_ q: PostgresQuery) async throws -> Bool {
            do {
                for try await v in try await client.query(q, logger: logger).decode(Bool.self) { return v }
                return false
            } catch {
                throw Self.wrap(error, .query, "query failed")
            }
        }

        public func existing(ids: [String], hashes: [String]) async throws -> ExistingKeys {
            if ids.isEmpty && hashes.isEmpty { return ExistingKeys() }
            var out = ExistingKeys()
            do {
                let rows = try await client.query(
                    """
                    SELECT id, content_hash, id = ANY(\(ids)::text[]), content_hash = ANY(\(hashes)::text[]) FROM document
                    WHERE id = ANY(\(ids)::text[]) OR content_hash = ANY(\(hashes)::text[])
                    """, logger: logger)
                for try await (id, hash, byID, byHash) in rows.decode((String, String, Bool, Bool).self) {
                    if byID { out.ids.insert(id) }
                    if byHash { out.hashes.insert(hash) }
                }
            } catch {
                throw Self.wrap(error, .query, "query failed")
            }
            return out
        }

        public func quotes(_ query: QuoteQuery) async throws -> [QuoteHit] {
            var b = Binds()
            var conditions: [String] = []
            if let s = query.speaker {
                let key = try b.add(StorableDocument.searchKey(s))
                conditions.append(
                    """
                    q.id IN (SELECT q2.id FROM entity_alias a JOIN quote q2
                               ON q2.document_id = a.document_id AND q2.speaker_entity = a.entity_ordinal
                             WHERE a.key = \(key)
                             UNION ALL SELECT q3.id FROM quote q3 WHERE q3.speaker_key = \(key))
                    """)
            }
            if let a = query.about {
                let key = try b.add(StorableDocument.searchKey(a))
                conditions.append(
                    """
                    q.id IN (SELECT q4.id FROM entity_alias k
                               JOIN quote_about a ON a.document_id = k.document_id AND a.entity_ordinal = k.entity_ordinal
                               JOIN quote q4 ON q4.document_id = a.document_id AND q4.ordinal = a.quote_ordinal
                             WHERE k.key = \(key))
                    """)
            }
            if let w = query.words, !w.allSatisfy(\.isWhitespace) {
                let p = try b.add(String(w.map { $0 == "’" || $0 == "‘" ? " " : $0 }))
                conditions.append(
                    "(q.tsv @@ plainto_tsquery('italian', \(p)) OR q.tsv @@ plainto_tsquery('english', \(p)) OR q.tsv @@ plainto_tsquery('simple', \(p)))"
                )
            }
            if let f = query.from { conditions.append("d.published >= \(try b.add(f))") }
            if let t = query.to { conditions.append("d.published <= \(try b.add(t + "~"))") }
            if let s = query.source { conditions.append("lower(d.source) = lower(\(try b.add(s)))") }
            if let key = query.speakerEntity {
                let c = try key.sqlCondition(alias: "e2") { try b.add($0) }
                conditions.append(
                    "q.id IN (SELECT q2.id FROM quote q2 JOIN entity e2 ON e2.document_id = q2.document_id AND e2.ordinal = q2.speaker_entity WHERE \(c))"
                )
            }
            if let after = query.after {
                conditions.append(
                    try after.sqlCondition { v in
                        if let i = v as? Int { return try b.add(i) }
                        return try b.add(v as? String ?? "")
                    })
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let sql = """
                \(QuoteHit.selectSQL(documentKey: "id", childKey: "document_id", about: Self.aboutColumn))
                \(whereClause)
                \(QuoteHit.orderSQL)
                LIMIT \(try b.add(max(0, query.limit)))
                """
            var out: [QuoteHit] = []
            do {
                for try await row in try await client.query(b.query(sql), logger: logger) {
                    let r = row.makeRandomAccess()
                    let ordinal = Int(try r[4].decode(Int32.self))
                    out.append(
                        QuoteHit(
                            documentID: try r[0].decode(String.self), title: try r[1].decode(String?.self),
                            published: try r[2].decode(String?.self), source: try r[3].decode(String?.self),
                            quoteID: "q\(ordinal + 1)", kind: try r[5].decode(String.self),
                            content: try r.scalarSpan(6, 7, 8)!, cue: try r.scalarSpan(9, 10, 11), speaker: try r.scalarSpan(12, 13, 14),
                            speakerName: try r[15].decode(String?.self), speakerKB: try r[16].decode(String?.self),
                            sentenceStartScalar: Int(try r[17].decode(Int32.self)), sentenceEndScalar: Int(try r[18].decode(Int32.self)),
                            speakerType: try r[19].decode(String?.self), about: QuoteHit.about(json: try r[20].decode(String?.self)),
                            date: try r[21].decode(String?.self)))
                }
            } catch {
                throw Self.wrap(error, .query, "quote search failed")
            }
            return out
        }

        /// A quote's `about` entities as `[[name, type, kb], …]` in order (NULL when none), for
        /// ``QuoteHit/about(json:)``.
        static let aboutColumn = """
            (SELECT json_agg(json_build_array(e3.name, e3.type, e3.kb) ORDER BY a3.position)::text FROM quote_about a3
             JOIN entity e3 ON e3.document_id = a3.document_id AND e3.ordinal = a3.entity_ordinal
             WHERE a3.document_id = q.document_id AND a3.quote_ordinal = q.ordinal)
            """

        public func entities(named name: String, limit: Int) async throws -> [EntityHit] {
            let key = StorableDocument.searchKey(name)
            var out: [EntityHit] = []
            do {
                let rows = try await client.query(
                    """
                    SELECT MAX(e.name), e.type, e.kb, COUNT(DISTINCT e.document_id), SUM(e.mention_count)::int8
                    FROM entity e
                    WHERE (e.document_id, e.ordinal) IN (SELECT document_id, entity_ordinal FROM entity_alias WHERE key = \(key))
                    GROUP BY e.type, COALESCE(e.kb, e.name_key), e.kb
                    ORDER BY SUM(e.mention_count) DESC, MAX(e.name)
                    LIMIT \(limit)
                    """, logger: logger)
                for try await (n, t, kb, docs, mentions) in rows.decode((String, String, String?, Int64, Int64).self) {
                    out.append(EntityHit(name: n, type: t, kb: kb, documents: Int(docs), mentions: Int(mentions)))
                }
            } catch {
                throw Self.wrap(error, .query, "entity search failed")
            }
            return out
        }

        public func documents(mentioningAll names: [String], limit: Int) async throws -> [DocumentHit] {
            let keys = names.map(StorableDocument.searchKey).filter { !$0.isEmpty }
            guard !keys.isEmpty else { return [] }
            var b = Binds()
            var subs: [String] = []
            for k in keys { subs.append("SELECT document_id FROM entity_alias WHERE key = \(try b.add(k))") }
            let sql = """
                SELECT id, title, published, source, language FROM document
                WHERE id IN (\(subs.joined(separator: " INTERSECT ")))
                ORDER BY COALESCE(published, '') DESC, id
                LIMIT \(try b.add(limit))
                """
            var out: [DocumentHit] = []
            do {
                for try await (id, t, p, s, l) in try await client.query(b.query(sql), logger: logger).decode(
                    (String, String?, String?, String?, String).self)
                {
                    out.append(DocumentHit(id: id, title: t, published: p, source: s, language: l))
                }
            } catch {
                throw Self.wrap(error, .query, "document search failed")
            }
            return out
        }

        public func analysisJSON(documentID: String) async throws -> String? {
            do {
                for try await a in try await client.query("SELECT analysis FROM document WHERE id = \(documentID)", logger: logger).decode(
                    String.self)
                {
                    return a
                }
                return nil
            } catch {
                throw Self.wrap(error, .query, "query failed")
            }
        }

        public func document(id: String) async throws -> StoredDocument? {
            do {
                let rows = try await client.query(
                    "SELECT id, title, published, source, language, url, text, analysis FROM document WHERE id = \(id)", logger: logger)
                for try await (i, t, p, s, l, u, x, a) in rows.decode(
                    (String, String?, String?, String?, String, String?, String, String).self)
                {
                    return StoredDocument(
                        hit: DocumentHit(id: i, title: t, published: p, source: s, language: l), url: u, text: x, analysisJSON: a)
                }
                return nil
            } catch {
                throw Self.wrap(error, .query, "query failed")
            }
        }

        public func entity(_ key: EntityKey) async throws -> EntityHit? {
            var b = Binds()
            // The name and type: those of the most mentioned rows (a KB id may be typed LOC and ORG).
            let c2 = try key.sqlCondition(alias: "t") { try b.add($0) }
            let c = try key.sqlCondition(alias: "e") { try b.add($0) }
            let sql = """
                SELECT MAX(e.name), (SELECT t.type FROM entity t WHERE \(c2) GROUP BY t.type ORDER BY SUM(t.mention_count) DESC, t.type LIMIT 1),
                       MAX(e.kb), COUNT(DISTINCT e.document_id), COALESCE(SUM(e.mention_count), 0)::int8
                FROM entity e WHERE \(c)
                """
            do {
                for try await (n, t, kb, docs, mentions) in try await client.query(b.query(sql), logger: logger).decode(
                    (String?, String?, String?, Int64, Int64).self)
                {
                    guard let n, let t else { return nil }  // no such entity
                    return EntityHit(name: n, type: t, kb: kb, documents: Int(docs), mentions: Int(mentions))
                }
                return nil
            } catch {
                throw Self.wrap(error, .query, "entity look-up failed")
            }
        }

        public func coMentions(of key: EntityKey, limit: Int) async throws -> [EntityHit] {
            var b = Binds()
            let c = try key.sqlCondition(alias: "e") { try b.add($0) }
            let x = try key.sqlExclusion(alias: "o") { try b.add($0) }
            let sql = """
                SELECT MAX(o.name), o.type, o.kb, COUNT(DISTINCT o.document_id), SUM(o.mention_count)::int8
                FROM entity o
                WHERE o.document_id IN (SELECT e.document_id FROM entity e WHERE \(c)) AND \(x)
                GROUP BY o.type, COALESCE(o.kb, o.name_key), o.kb
                ORDER BY COUNT(DISTINCT o.document_id) DESC, SUM(o.mention_count) DESC, MAX(o.name)
                LIMIT \(try b.add(limit))
                """
            var out: [EntityHit] = []
            do {
                for try await (n, t, kb, docs, mentions) in try await client.query(b.query(sql), logger: logger).decode(
                    (String, String, String?, Int64, Int64).self)
                {
                    out.append(EntityHit(name: n, type: t, kb: kb, documents: Int(docs), mentions: Int(mentions)))
                }
            } catch {
                throw Self.wrap(error, .query, "co-mention search failed")
            }
            return out
        }

        public func statistics() async throws -> StoreStatistics {
            do {
                let rows = try await client.query(
                    """
                    SELECT (SELECT COUNT(*) FROM document), (SELECT COUNT(*) FROM entity),
                           (SELECT COUNT(*) FROM mention), (SELECT COUNT(*) FROM quote),
                           (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM event_participant), (SELECT COUNT(*) FROM time_expression),
                           (SELECT COUNT(DISTINCT story) FROM story_member)
                    """, logger: logger)
                for try await (d, e, m, q, v, p, t, s) in rows.decode((Int64, Int64, Int64, Int64, Int64, Int64, Int64, Int64).self) {
                    return StoreStatistics(
                        documents: Int(d), entities: Int(e), mentions: Int(m), quotes: Int(q), events: Int(v), participants: Int(p),
                        times: Int(t), stories: Int(s))
                }
                return StoreStatistics()
            } catch {
                throw Self.wrap(error, .query, "query failed")
            }
        }

        static func wrap(_ error: any Error, _ code: StoreError.Code, _ what: String) -> StoreError {
            if let e = error as? StoreError { return e }
            if let e = error as? PSQLError {
                var detail = e.serverInfo?[.message] ?? "\(e.code)"
                if let d = e.serverInfo?[.detail] { detail += " (\(d))" }
                return StoreError(code, "\(what): \(detail)", backend: "postgres")
            }
            if let e = error as? PostgresTransactionError {
                if let inner = e.closureError { return wrap(inner, code, what) }
                if let inner = e.commitError { return wrap(inner, code, what) }
                if let inner = e.beginError { return wrap(inner, code, what) }
            }
            return StoreError(code, "\(what): \(String(reflecting: error))", backend: "postgres")
        }
    }

    /// Positional parameters for SQL built at run time: `add` binds a value and returns its `$n`.
    struct Binds {
        var bindings = PostgresBindings()
        mutating func add<T: PostgresThrowingDynamicTypeEncodable>(_ value: T) throws -> String {
            try bindings.append(value)
            return "$\(bindings.count)"
        }
        func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: bindings) }
    }
#endif

#if Postgres
    extension PostgresRandomAccessRow {
        /// The span in columns `start`, `end` and `text` of a search row (quote content, cue, speaker,
        /// event trigger, claim), or nil when they are NULL.
        func scalarSpan(_ start: Int, _ end: Int, _ text: Int) throws -> ScalarSpan? {
            guard let s = try self[start].decode(Int32?.self), let e = try self[end].decode(Int32?.self),
                let t = try self[text].decode(String?.self)
            else { return nil }
            return ScalarSpan(startScalar: Int(s), endScalar: Int(e), text: t)
        }
    }
#endif
