// The PostgreSQL backend is built only with the package trait `Postgres` (`--traits Postgres`).
#if Postgres
    public import CronistaStorage
    import Foundation
    import Logging
    import PostgresNIO

    extension PostgresDocumentStore {
        /// Places newly stored documents in stories (``StoryGrouping``), in batch order, with one
        /// query for the candidates of the whole batch (stored documents sharing a band key) and one
        /// insert per table. A new story takes its key from the sequence `story_key`, so that two
        /// workers storing at once never give one key to two stories. (Two near-duplicates stored
        /// at the same moment by two workers do not see each other: each starts a story.)
        static func insertStories(_ docs: [(id: String, signature: StorySignature)], on conn: PostgresConnection, logger: Logger)
            async throws
        {
            guard !docs.isEmpty else { return }
            let keys = docs.map(\.signature.bandKeys)
            var kDoc: [Int] = [], kBand: [Int64] = []
            for (i, ks) in keys.enumerated() {
                for k in ks {
                    kDoc.append(i)
                    kBand.append(k)
                }
            }
            var candidates = [[StoryGrouping.Candidate<Int64>]](repeating: [], count: docs.count)
            if !kDoc.isEmpty {
                var b = Binds()
                let sql = """
                    SELECT DISTINCT u.i, m.document_id, m.story, m.signature
                    FROM unnest(\(try b.add(kDoc))::int8[], \(try b.add(kBand))::int8[]) AS u(i, band)
                    JOIN story_band sb ON sb.band = u.band JOIN story_member m ON m.document_id = sb.document_id
                    """
                for try await (i, _, story, bytes) in try await conn.query(b.query(sql), logger: logger).decode(
                    (Int64, String, Int64, Data).self)
                {
                    if let s = StorySignature(bytes: bytes) { candidates[Int(i)].append(.init(story: story, signature: s)) }
                }
            }
            // A document that starts a story gets a placeholder (−1 − its index), replaced by a
            // key from the sequence.
            var stories = StoryGrouping.assign(
                docs.enumerated().map { (own: Int64(-1 - $0.offset), signature: $0.element.signature) }, candidates: candidates)
            let fresh = Set(stories.filter { $0 < 0 })
            if !fresh.isEmpty {
                var b = Binds()
                let sql = "SELECT nextval('story_key') FROM generate_series(1, \(try b.add(fresh.count)))"
                var allocated: [Int64] = []
                for try await k in try await conn.query(b.query(sql), logger: logger).decode(Int64.self) { allocated.append(k) }
                var key: [Int64: Int64] = [:]
                for (placeholder, k) in zip(fresh.sorted(by: >), allocated) { key[placeholder] = k }
                stories = stories.map { key[$0] ?? $0 }
            }
            var signatures: [UInt8] = []
            signatures.reserveCapacity(docs.count * StorySignature.byteCount)
            for d in docs { signatures += d.signature.bytes }
            var b = Binds()
            let members = """
                INSERT INTO story_member (document_id, story, signature)
                SELECT d, s, substring(\(try b.add(Data(signatures)))::bytea FROM ((i - 1) * \(StorySignature.byteCount) + 1)::int FOR \(StorySignature.byteCount))
                FROM unnest(\(try b.add(docs.map(\.id)))::text[], \(try b.add(stories))::int8[]) WITH ORDINALITY AS u(d, s, i)
                """
            try await conn.query(b.query(members), logger: logger)
            if !kDoc.isEmpty {
                var b = Binds()
                let bands = """
                    INSERT INTO story_band (band, document_id)
                    SELECT DISTINCT band, d FROM unnest(\(try b.add(kBand))::int8[], \(try b.add(kDoc.map { docs[$0].id }))::text[]) AS u(band, d)
                    """
                try await conn.query(b.query(bands), logger: logger)
            }
        }

        /// The body of migration v8: every stored document placed in a story, in storing order
        /// (`stored_at`, then id), a thousand at a time, as if ingested again.
        static func deriveStories(on conn: PostgresConnection, logger: Logger) async throws {
            var after: (Date, String)? = nil
            while true {
                var b = Binds()
                let condition = try after.map { "WHERE (stored_at, id) > (\(try b.add($0.0))::timestamptz, \(try b.add($0.1)))" } ?? ""
                let sql = "SELECT id, text, stored_at FROM document \(condition) ORDER BY stored_at, id LIMIT 1000"
                var page: [(String, String, Date)] = []
                for try await row in try await conn.query(b.query(sql), logger: logger).decode((String, String, Date).self) {
                    page.append(row)
                }
                guard let last = page.last else { return }
                try await insertStories(page.map { (id: $0.0, signature: StorySignature(text: $0.1)) }, on: conn, logger: logger)
                after = (last.2, last.0)
            }
        }

        public func story(of documentID: String, limit: Int) async throws -> Story? {
            do {
                var story: Int64?
                for try await s in try await client.query(
                    "SELECT story FROM story_member WHERE document_id = \(documentID)", logger: logger
                )
                .decode(Int64.self) {
                    story = s
                }
                guard let story else { return nil }
                var size = 0
                for try await n in try await client.query("SELECT COUNT(*) FROM story_member WHERE story = \(story)", logger: logger)
                    .decode(Int64.self)
                {
                    size = Int(n)
                }
                var documents: [DocumentHit] = []
                let rows = try await client.query(
                    """
                    SELECT d.id, d.title, d.published, d.source, d.language FROM story_member m JOIN document d ON d.id = m.document_id
                    WHERE m.story = \(story) ORDER BY d.published IS NULL, d.published, d.id LIMIT \(max(0, limit))
                    """, logger: logger)
                for try await (i, t, p, s, l) in rows.decode((String, String?, String?, String?, String).self) {
                    documents.append(DocumentHit(id: i, title: t, published: p, source: s, language: l))
                }
                return Story(id: String(story), size: size, documents: documents)
            } catch {
                throw Self.wrap(error, .query, "story query failed")
            }
        }
    }
#endif
