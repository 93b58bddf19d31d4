// The PostgreSQL backend is built only with the package trait `Postgres` (`--traits Postgres`).
#if Postgres
    public import CronistaStorage
    public import Foundation
    import Logging
    import PostgresNIO

    extension PostgresDocumentStore: SourceStore {
        static let sourceColumns = """
            s.url, s.name, s.kind, s.etag, s.last_modified, s.next_poll, s.failures, s.last_error, s.last_fetched,
            (SELECT COUNT(*) FROM seen_article a WHERE a.source = s.url)
            """

        func fetchSources(_ query: PostgresQuery, _ what: String) async throws -> [FollowedSource] {
            do {
                var out: [FollowedSource] = []
                let rows = try await client.query(query, logger: logger)
                for try await (url, name, kind, etag, modified, next, failures, error, fetched, articles) in rows.decode(
                    (String, String?, String, String?, String?, Date?, Int32, String?, Date?, Int64).self)
                {
                    out.append(
                        FollowedSource(
                            url: url, name: name, kind: FollowedSource.Kind(rawValue: kind) ?? .feed, etag: etag, lastModified: modified,
                            nextPoll: next, failures: Int(failures), lastError: error, lastFetched: fetched, articles: Int(articles)))
                }
                return out
            } catch {
                throw Self.wrap(error, .query, what)
            }
        }

        public func addSource(_ source: FollowedSource) async throws -> Bool {
            let q: PostgresQuery = """
                INSERT INTO source (url, name, kind, etag, last_modified, next_poll, failures, last_error, last_fetched)
                VALUES (\(source.url), \(source.name), \(source.kind.rawValue), \(source.etag), \(source.lastModified), \(source.nextPoll),
                        \(Int32(clamping: source.failures)), \(source.lastError), \(source.lastFetched))
                ON CONFLICT (url) DO NOTHING RETURNING url
                """
            do {
                var added = false
                for try await _ in try await client.query(q, logger: logger).decode(String.self) { added = true }
                return added
            } catch {
                throw Self.wrap(error, .query, "adding source \(source.url) failed")
            }
        }

        public func removeSource(url: String) async throws -> Bool {
            do {
                var removed = false
                for try await _ in try await client.query("DELETE FROM source WHERE url = \(url) RETURNING url", logger: logger).decode(
                    String.self)
                {
                    removed = true
                }
                return removed
            } catch {
                throw Self.wrap(error, .query, "removing source \(url) failed")
            }
        }

        public func sources() async throws -> [FollowedSource] {
            try await fetchSources(
                PostgresQuery(unsafeSQL: "SELECT \(Self.sourceColumns) FROM source s ORDER BY s.url"), "listing sources failed")
        }

        /// Rows claimed by another watcher are skipped (`FOR UPDATE SKIP LOCKED`), and a claim
        /// holds until `claimUntil`, so two watchers never poll one source at once; a claim whose
        /// watcher died lapses then.
        public func claimDueSources(now: Date, limit: Int, claimUntil: Date) async throws -> [FollowedSource] {
            var b = Binds()
            let n = try b.add(now)
            let sql = """
                WITH claimed AS (
                    UPDATE source SET claimed_until = \(try b.add(claimUntil))
                    WHERE url IN (
                        SELECT url FROM source
                        WHERE (next_poll IS NULL OR next_poll <= \(n)) AND (claimed_until IS NULL OR claimed_until <= \(n))
                        ORDER BY next_poll NULLS FIRST, url
                        LIMIT \(try b.add(Int64(max(0, limit))))
                        FOR UPDATE SKIP LOCKED)
                    RETURNING *)
                SELECT \(Self.sourceColumns) FROM claimed s ORDER BY s.next_poll NULLS FIRST, s.url
                """
            return try await fetchSources(b.query(sql), "claiming sources failed")
        }

        public func recordPoll(_ source: FollowedSource, previousURL: String?) async throws {
            do {
                try await client.withTransaction(logger: logger) { conn in
                    if let old = previousURL, old != source.url {
                        // A permanent move: the row takes the new URL; when that one is followed
                        // already, the old row goes.
                        var taken = false
                        for try await _ in try await conn.query("SELECT 1 FROM source WHERE url = \(source.url)", logger: self.logger)
                            .decode(Int32.self)
                        {
                            taken = true
                        }
                        if taken {
                            try await conn.query("DELETE FROM source WHERE url = \(old)", logger: self.logger)
                        } else {
                            try await conn.query("UPDATE source SET url = \(source.url) WHERE url = \(old)", logger: self.logger)
                        }
                    }
                    try await conn.query(
                        """
                        UPDATE source SET etag = \(source.etag), last_modified = \(source.lastModified), next_poll = \(source.nextPoll),
                               failures = \(Int32(clamping: source.failures)), last_error = \(source.lastError),
                               last_fetched = \(source.lastFetched), claimed_until = NULL
                        WHERE url = \(source.url)
                        """, logger: self.logger)
                }
            } catch {
                throw Self.wrap(error, .query, "recording the poll of \(source.url) failed")
            }
        }

        public func seenArticles(urls: [String]) async throws -> Set<String> {
            guard !urls.isEmpty else { return [] }
            do {
                var seen: Set<String> = []
                for try await u in try await client.query("SELECT url FROM seen_article WHERE url = ANY(\(urls))", logger: logger).decode(
                    String.self)
                {
                    seen.insert(u)
                }
                return seen
            } catch {
                throw Self.wrap(error, .query, "reading seen articles failed")
            }
        }

        public func markSeen(_ articles: [SeenArticle]) async throws {
            guard !articles.isEmpty else { return }
            var b = Binds()
            let sql = """
                INSERT INTO seen_article (url, content_hash, source)
                SELECT u.url, NULLIF(u.hash, ''), s.url
                FROM unnest(\(try b.add(articles.map(\.url)))::text[], \(try b.add(articles.map { $0.contentHash ?? "" }))::text[],
                            \(try b.add(articles.map(\.source)))::text[]) AS u(url, hash, src)
                JOIN source s ON s.url = u.src
                ON CONFLICT (url) DO NOTHING
                """
            do {
                try await client.query(b.query(sql), logger: logger)
            } catch {
                throw Self.wrap(error, .query, "recording seen articles failed")
            }
        }
    }
#endif
