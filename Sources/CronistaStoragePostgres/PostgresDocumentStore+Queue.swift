// The PostgreSQL backend is built only with the package trait `Postgres` (`--traits Postgres`).
#if Postgres
    public import CronistaStorage
    import Logging
    import PostgresNIO

    /// One document waiting in the `ingest_queue` table (the input record, not yet analysed).
    public struct QueueItem: Hashable, Sendable {
        public var id: String
        public var text: String
        public var title: String?
        public var published: String?
        public var source: String?
        public var url: String?
        public var language: String?
        /// `file:line`, for messages.
        public var origin: String

        public init(
            id: String, text: String, title: String? = nil, published: String? = nil, source: String? = nil, url: String? = nil,
            language: String? = nil, origin: String
        ) {
            self.id = id
            self.text = text
            self.title = title
            self.published = published
            self.source = source
            self.url = url
            self.language = language
            self.origin = origin
        }
    }

    /// What one queue worker did.
    public struct WorkerReport: Hashable, Sendable {
        /// A document the worker could not analyse, with why (`file:line: message`).
        public struct Failure: Hashable, Sendable {
            public var id: String
            public var message: String
        }
        public var stored: [String] = []
        public var skipped: [String] = []
        public var failed: [Failure] = []
        public init() {}
    }

    /// Queue counts by state.
    public struct QueueStatus: Hashable, Sendable {
        public var pending = 0, claimed = 0, done = 0, failed = 0
        public init(pending: Int = 0, claimed: Int = 0, done: Int = 0, failed: Int = 0) {
            self.pending = pending
            self.claimed = claimed
            self.done = done
            self.failed = failed
        }
    }

    extension PostgresDocumentStore {
        /// Adds documents to the work queue; those already queued (same id) or already stored are left
        /// out, so every worker may enqueue the same files. Returns how many were added.
        @discardableResult
        public func enqueue(_ items: [QueueItem]) async throws -> Int {
            guard !items.isEmpty else { return 0 }
            var b = Binds()
            let sql = """
                INSERT INTO ingest_queue (id, text, title, published, source, url, language, origin)
                SELECT i, x, NULLIF(t, ''), NULLIF(p, ''), NULLIF(s, ''), NULLIF(u, ''), NULLIF(l, ''), o
                FROM unnest(\(try b.add(items.map(\.id)))::text[], \(try b.add(items.map(\.text)))::text[],
                            \(try b.add(items.map { $0.title ?? "" }))::text[], \(try b.add(items.map { $0.published ?? "" }))::text[],
                            \(try b.add(items.map { $0.source ?? "" }))::text[], \(try b.add(items.map { $0.url ?? "" }))::text[],
                            \(try b.add(items.map { $0.language ?? "" }))::text[], \(try b.add(items.map(\.origin)))::text[])
                     WITH ORDINALITY AS u(i, x, t, p, s, u, l, o, n)
                WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = u.i)
                ORDER BY n
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """
            do {
                var n = 0
                for try await _ in try await client.query(b.query(sql), logger: logger).decode(String.self) { n += 1 }
                return n
            } catch {
                throw Self.wrap(error, .query, "enqueue failed")
            }
        }

        /// Claims up to `limit` pending documents for `worker`. Rows locked by another worker's claim
        /// are skipped (`FOR UPDATE SKIP LOCKED`), so no two workers ever get the same document; a claim
        /// older than `leaseSeconds` (its worker died) is taken over.
        public func claim(worker: String, limit: Int, leaseSeconds: Int = 600) async throws -> [QueueItem] {
            let q: PostgresQuery = """
                UPDATE ingest_queue SET state = 'claimed', claimed_by = \(worker), claimed_at = now(), attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM ingest_queue
                    WHERE state = 'pending' OR (state = 'claimed' AND claimed_at < now() - make_interval(secs => \(Double(leaseSeconds))))
                    ORDER BY seq
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED)
                RETURNING seq, id, text, title, published, source, url, language, origin
                """
            var rows: [(Int64, QueueItem)] = []
            do {
                for try await (seq, id, text, title, published, source, url, language, origin) in try await client.query(q, logger: logger)
                    .decode((Int64, String, String, String?, String?, String?, String?, String?, String).self)
                {
                    rows.append(
                        (
                            seq,
                            QueueItem(
                                id: id, text: text, title: title, published: published, source: source, url: url, language: language,
                                origin: origin)
                        ))
                }
            } catch {
                throw Self.wrap(error, .query, "claim failed")
            }
            return rows.sorted { $0.0 < $1.0 }.map(\.1)
        }

        /// Stores the analysed documents and marks the claimed rows done (or failed) in **one**
        /// transaction: a worker killed before the commit leaves its rows claimed, and they are taken
        /// over when the lease ends; nothing is half stored.
        public func complete(worker: String, documents: [StorableDocument], failures: [(id: String, message: String)]) async throws
            -> StoreResult
        {
            do {
                return try await client.withTransaction(logger: logger) { conn in
                    let result = try await Self.insert(documents, on: conn, logger: logger)
                    let done = documents.map(\.id)
                    if !done.isEmpty {
                        try await conn.query(
                            "UPDATE ingest_queue SET state = 'done', error = NULL WHERE id = ANY(\(done)::text[]) AND claimed_by = \(worker)",
                            logger: logger)
                    }
                    if !failures.isEmpty {
                        try await conn.query(
                            """
                            UPDATE ingest_queue q SET state = 'failed', error = f.m
                            FROM unnest(\(failures.map(\.id))::text[], \(failures.map(\.message))::text[]) AS f(i, m)
                            WHERE q.id = f.i AND q.claimed_by = \(worker)
                            """, logger: logger)
                    }
                    return result
                }
            } catch {
                throw Self.wrap(error, .query, "batch of \(documents.count) not stored (rolled back)")
            }
        }

        public func queueStatus() async throws -> QueueStatus {
            var s = QueueStatus()
            for try await (state, n) in try await client.query("SELECT state, COUNT(*) FROM ingest_queue GROUP BY state", logger: logger)
                .decode((String, Int64).self)
            {
                switch state {
                case "pending": s.pending = Int(n)
                case "claimed": s.claimed = Int(n)
                case "done": s.done = Int(n)
                default: s.failed = Int(n)
                }
            }
            return s
        }

        /// Per queue row: which worker finished it and after how many claims (for the exactly-once check).
        public func queueLedger() async throws -> [String: (worker: String?, attempts: Int)] {
            var out: [String: (worker: String?, attempts: Int)] = [:]
            for try await (id, w, a) in try await client.query("SELECT id, claimed_by, attempts FROM ingest_queue", logger: logger).decode(
                (String, String?, Int32).self)
            {
                out[id] = (w, Int(a))
            }
            return out
        }

        /// Claims, processes and completes batches until the queue has no open work.
        ///
        /// - Parameter process: analyses one item; a thrown error marks it failed (with its message).
        /// - Parameter progress: called after each batch with the report so far.
        public func runQueueWorker(
            name: String, batchSize: Int = 100, leaseSeconds: Int = 600,
            process: (QueueItem) throws -> StorableDocument,
            progress: (WorkerReport) -> Void = { _ in }
        ) async throws -> WorkerReport {
            var report = WorkerReport()
            while true {
                let items = try await claim(worker: name, limit: batchSize, leaseSeconds: leaseSeconds)
                if items.isEmpty { break }
                var docs: [StorableDocument] = []
                var failures: [(id: String, message: String)] = []
                for item in items {
                    do { docs.append(try process(item)) } catch { failures.append((item.id, "\(item.origin): \(error)")) }
                }
                let r = try await complete(worker: name, documents: docs, failures: failures)
                report.stored += r.stored
                report.skipped += r.skipped
                report.failed += failures.map { WorkerReport.Failure(id: $0.id, message: $0.message) }
                progress(report)
            }
            return report
        }
    }
#endif
