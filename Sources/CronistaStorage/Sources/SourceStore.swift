public import Foundation

/// A followed source: a feed, a news sitemap or a page, with what the last poll learnt about it
/// (validators for a conditional GET, the next poll time, consecutive failures and the last error).
public struct FollowedSource: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case feed, sitemap, page
    }
    /// The canonical URL: the source's key.
    public var url: String
    public var name: String?
    public var kind: Kind
    public var etag: String?
    public var lastModified: String?
    /// When the source is due again; `nil` means now.
    public var nextPoll: Date?
    /// Consecutive failed polls (0 after a success).
    public var failures: Int
    public var lastError: String?
    /// The last poll that got an answer (a 200 or a 304).
    public var lastFetched: Date?
    /// Articles seen through this source (read-only: counted by the store).
    public var articles: Int

    public init(
        url: String, name: String? = nil, kind: Kind = .feed, etag: String? = nil, lastModified: String? = nil, nextPoll: Date? = nil,
        failures: Int = 0, lastError: String? = nil, lastFetched: Date? = nil, articles: Int = 0
    ) {
        self.url = url
        self.name = name
        self.kind = kind
        self.etag = etag
        self.lastModified = lastModified
        self.nextPoll = nextPoll
        self.failures = failures
        self.lastError = lastError
        self.lastFetched = lastFetched
        self.articles = articles
    }
}

/// An article page already fetched through a source: its canonical URL and the content hash of the
/// text extracted from it (``StorableDocument/contentHash(of:)``).
public struct SeenArticle: Hashable, Sendable {
    public var url: String
    public var contentHash: String?
    /// The source it came through.
    public var source: String
    public init(url: String, contentHash: String?, source: String) {
        self.url = url
        self.contentHash = contentHash
        self.source = source
    }
}

/// Where followed sources and the articles seen through them live: both backends adopt it, and
/// every backend passes the same contract (`Tests/CronistaStorageTests/StoreContract+Sources.swift`).
public protocol SourceStore: Sendable {
    /// Adds a source; `false` when its URL is followed already (nothing changes then).
    func addSource(_ source: FollowedSource) async throws -> Bool
    /// Stops following a source; `false` when it was not followed. Its seen articles go with it.
    func removeSource(url: String) async throws -> Bool
    /// Every followed source, by URL.
    func sources() async throws -> [FollowedSource]
    /// Claims up to `limit` sources due at `now` (next poll unset or past) and not claimed by another
    /// worker, until `claimUntil`: a claim keeps other workers off a source while it is polled
    /// (PostgreSQL skips rows locked by another claim, `FOR UPDATE SKIP LOCKED`). Most overdue first.
    func claimDueSources(now: Date, limit: Int, claimUntil: Date) async throws -> [FollowedSource]
    /// Records a poll's outcome (validators, next poll, failures, last error, last fetched) and
    /// releases the claim. A moved source (a permanent redirect) is recorded under `previousURL`'s row
    /// with its new URL.
    func recordPoll(_ source: FollowedSource, previousURL: String?) async throws
    /// Which of these canonical URLs were seen already (through any source).
    func seenArticles(urls: [String]) async throws -> Set<String>
    /// Records article pages as seen; a URL seen already keeps its first record.
    func markSeen(_ articles: [SeenArticle]) async throws
}

extension SourceStore {
    public func recordPoll(_ source: FollowedSource) async throws {
        try await recordPoll(source, previousURL: nil)
    }
}
