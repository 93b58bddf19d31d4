public import CronistaStorage
public import Foundation
import GRDB

extension SQLiteDocumentStore: SourceStore {
    static let sourceColumns = """
        s.url, s.name, s.kind, s.etag, s.last_modified, s.next_poll, s.failures, s.last_error, s.last_fetched,
        (SELECT COUNT(*) FROM seen_article a WHERE a.source = s.url)
        """

    static func source(_ r: Row) -> FollowedSource {
        let kind: String = r[2]
        let next: Double? = r[5]
        let fetched: Double? = r[8]
        return FollowedSource(
            url: r[0], name: r[1], kind: FollowedSource.Kind(rawValue: kind) ?? .feed, etag: r[3], lastModified: r[4],
            nextPoll: next.map { Date(timeIntervalSince1970: $0) }, failures: r[6], lastError: r[7],
            lastFetched: fetched.map { Date(timeIntervalSince1970: $0) }, articles: r[9])
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let e as StoreError {
            throw e
        } catch {
            throw StoreError(.query, "\(error)", backend: "sqlite")
        }
    }

    public func addSource(_ source: FollowedSource) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO source (url, name, kind, etag, last_modified, next_poll, failures, last_error, last_fetched, added)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    source.url, source.name, source.kind.rawValue, source.etag, source.lastModified,
                    source.nextPoll?.timeIntervalSince1970, source.failures, source.lastError, source.lastFetched?.timeIntervalSince1970,
                    Date().timeIntervalSince1970
                ])
            return db.changesCount > 0
        }
    }

    public func removeSource(url: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM source WHERE url = ?", arguments: [url])
            return db.changesCount > 0
        }
    }

    public func sources() async throws -> [FollowedSource] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.sourceColumns) FROM source s ORDER BY s.url").map(Self.source)
        }
    }

    public func claimDueSources(now: Date, limit: Int, claimUntil: Date) async throws -> [FollowedSource] {
        // One writer at a time in SQLite: the select and the claim are one transaction.
        try await write { db in
            let t = now.timeIntervalSince1970
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.sourceColumns) FROM source s
                    WHERE (s.next_poll IS NULL OR s.next_poll <= ?) AND (s.claimed_until IS NULL OR s.claimed_until <= ?)
                    ORDER BY COALESCE(s.next_poll, 0), s.url LIMIT ?
                    """, arguments: [t, t, max(0, limit)])
            let claimed = rows.map(Self.source)
            for s in claimed {
                try db.execute(
                    sql: "UPDATE source SET claimed_until = ? WHERE url = ?", arguments: [claimUntil.timeIntervalSince1970, s.url])
            }
            return claimed
        }
    }

    public func recordPoll(_ source: FollowedSource, previousURL: String?) async throws {
        try await write { db in
            if let old = previousURL, old != source.url {
                // A permanent move: the row takes the new URL; when that one is followed already,
                // the old row goes.
                let taken =
                    try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM source WHERE url = ?)", arguments: [source.url]) ?? false
                if taken {
                    try db.execute(sql: "DELETE FROM source WHERE url = ?", arguments: [old])
                } else {
                    try db.execute(sql: "UPDATE source SET url = ? WHERE url = ?", arguments: [source.url, old])
                }
            }
            try db.execute(
                sql: """
                    UPDATE source SET etag = ?, last_modified = ?, next_poll = ?, failures = ?, last_error = ?, last_fetched = ?,
                           claimed_until = NULL
                    WHERE url = ?
                    """,
                arguments: [
                    source.etag, source.lastModified, source.nextPoll?.timeIntervalSince1970, source.failures, source.lastError,
                    source.lastFetched?.timeIntervalSince1970, source.url
                ])
        }
    }

    public func seenArticles(urls: [String]) async throws -> Set<String> {
        guard !urls.isEmpty else { return [] }
        return try await read { db in
            var seen: Set<String> = []
            // SQLite's bound-parameter limit is 32,766; chunks stay well under it.
            for start in stride(from: 0, to: urls.count, by: 500) {
                let chunk = Array(urls[start..<min(urls.count, start + 500)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                for u in try String.fetchAll(
                    db, sql: "SELECT url FROM seen_article WHERE url IN (\(marks))", arguments: StatementArguments(chunk))
                {
                    seen.insert(u)
                }
            }
            return seen
        }
    }

    public func markSeen(_ articles: [SeenArticle]) async throws {
        guard !articles.isEmpty else { return }
        try await write { db in
            let t = Date().timeIntervalSince1970
            // Through the source row, so an article of a source removed meanwhile is dropped.
            let insert = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO seen_article (url, content_hash, source, seen) SELECT ?, ?, url, ? FROM source WHERE url = ?")
            for a in articles { try insert.execute(arguments: [a.url, a.contentHash, t, a.source]) }
        }
    }
}
