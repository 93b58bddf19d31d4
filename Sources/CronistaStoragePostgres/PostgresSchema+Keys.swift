// The PostgreSQL backend is built only with the package trait `Postgres` (`--traits Postgres`).
#if Postgres
    import CronistaStorage
    import Logging
    import PostgresNIO

    extension PostgresSchema {
        /// Rows per round trip when keys are derived again: pages keep memory flat on a large archive.
        static let rekeyPage = 2000

        /// Derives every stored key again with today's ``StorableDocument`` folding, as the store
        /// writes them: `entity.name_key` from the name, the `entity_alias` rows (emptied by the
        /// migration first) from the name, the entity's name-form mentions and its KB id, and
        /// `quote.speaker_key` of speakers that are not entities from the speaker's text. Runs inside
        /// the migration's transaction, a page of entities (then of quotes) at a time.
        static func rederiveKeys(on conn: PostgresConnection, logger: Logger) async throws {
            var lastDoc = "", lastOrdinal = -1
            while true {
                var eDoc: [String] = [], eOrd: [Int] = [], eKey: [String] = []
                var aDoc: [String] = [], aOrd: [Int] = [], aKey: [String] = []
                var page = Binds()
                let sql = """
                    SELECT e.document_id, e.ordinal, e.name, e.kb,
                           COALESCE(array_agg(m.text ORDER BY m.ordinal) FILTER (WHERE m.form = 'name'), '{}')
                    FROM entity e LEFT JOIN mention m ON m.document_id = e.document_id AND m.entity_ordinal = e.ordinal
                    WHERE (e.document_id, e.ordinal) > (\(try page.add(lastDoc)), \(try page.add(lastOrdinal)))
                    GROUP BY e.document_id, e.ordinal
                    ORDER BY e.document_id, e.ordinal
                    LIMIT \(try page.add(rekeyPage))
                    """
                let rows = try await conn.query(page.query(sql), logger: logger)
                for try await (doc, ordinal, name, kb, forms) in rows.decode((String, Int, String, String?, [String]).self) {
                    eDoc.append(doc); eOrd.append(ordinal); eKey.append(StorableDocument.nameKey(name))
                    for k in StorableDocument.entityKeys(name: name, kb: kb, nameForms: forms.map { Substring($0) }) {
                        aDoc.append(doc); aOrd.append(ordinal); aKey.append(k)
                    }
                    (lastDoc, lastOrdinal) = (doc, ordinal)
                }
                guard !eDoc.isEmpty else { break }
                var b = Binds()
                let update = """
                    UPDATE entity e SET name_key = u.k
                    FROM unnest(\(try b.add(eDoc))::text[], \(try b.add(eOrd))::int8[], \(try b.add(eKey))::text[]) AS u(d, o, k)
                    WHERE e.document_id = u.d AND e.ordinal = u.o
                    """
                try await conn.query(b.query(update), logger: logger)
                if !aDoc.isEmpty {
                    var b = Binds()
                    let insert = """
                        INSERT INTO entity_alias (document_id, entity_ordinal, key)
                        SELECT * FROM unnest(\(try b.add(aDoc))::text[], \(try b.add(aOrd))::int8[], \(try b.add(aKey))::text[])
                        """
                    try await conn.query(b.query(insert), logger: logger)
                }
                if eDoc.count < rekeyPage { break }
            }
            var lastQuote: Int64 = 0
            while true {
                var ids: [Int64] = [], keys: [String] = []
                var page = Binds()
                let sql = """
                    SELECT id, speaker_text FROM quote
                    WHERE speaker_entity IS NULL AND speaker_text IS NOT NULL AND id > \(try page.add(lastQuote))
                    ORDER BY id LIMIT \(try page.add(rekeyPage))
                    """
                let rows = try await conn.query(page.query(sql), logger: logger)
                for try await (id, text) in rows.decode((Int64, String).self) {
                    ids.append(id); keys.append(StorableDocument.nameKey(text))
                    lastQuote = id
                }
                guard !ids.isEmpty else { break }
                var b = Binds()
                // An empty key is stored NULL, as on insert.
                let update = """
                    UPDATE quote q SET speaker_key = NULLIF(u.k, '')
                    FROM unnest(\(try b.add(ids))::int8[], \(try b.add(keys))::text[]) AS u(i, k)
                    WHERE q.id = u.i
                    """
                try await conn.query(b.query(update), logger: logger)
                if ids.count < rekeyPage { break }
            }
        }
    }
#endif
