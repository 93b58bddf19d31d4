import CronistaCore

/// Where analysed documents are kept and searched: one SQLite file by default, PostgreSQL when
/// one machine is not enough. Every backend passes the same contract suite
/// (`Tests/CronistaStorageTests/StoreContract.swift`).
///
/// Offsets in results are Unicode code points into the original text, the unit of the JSON
/// contract (`spec/analysis-format.md`), so a hit can be checked with `text[start:end]`.
public protocol DocumentStore: Sendable {
    /// Stores a batch in **one transaction**: either every new document of the batch is stored, or,
    /// when anything fails, none is and the error is thrown. A document whose id or content hash is
    /// already stored (or appears earlier in the batch) is never doubled: it is counted as skipped,
    /// or, when its id is taken by a different text, as a conflict.
    ///
    /// With `replacing`, a document whose id is stored with a *different* text replaces it in the
    /// same transaction: the old document's entities, keys, quotes, events (with their
    /// participants), time expressions and full-text rows go with it,
    /// and the id is reported in ``StoreResult/replaced`` instead of as a conflict. (A text that is
    /// already stored under another id is still skipped: the store keeps one copy of a text.)
    func store(_ batch: [StorableDocument], replacing: Bool) async throws -> StoreResult

    /// Deletes documents by id with everything derived from them (entities, their keys, quotes
    /// and their full-text rows, events and their participants, time expressions), in one transaction; returns the ids that were stored, in the
    /// order given (an id that is not stored is not an error, just absent from the answer).
    func delete(ids: [String]) async throws -> [String]

    func contains(id: String) async throws -> Bool
    func contains(hash: String) async throws -> Bool
    /// Which of these ids and content hashes are already stored (one round trip for a batch).
    func existing(ids: [String], hashes: [String]) async throws -> ExistingKeys

    /// Quotes matching every filter of the query, newest documents first.
    func quotes(_ query: QuoteQuery) async throws -> [QuoteHit]
    /// Events matching every filter of the query, newest first (by ``EventHit/day``), then by
    /// document id and event order; undated events of undated documents last.
    func events(_ query: EventQuery) async throws -> [EventHit]
    /// Entities whose name, name word, alias or KB id matches, with how often they are mentioned.
    func entities(named name: String, limit: Int) async throws -> [EntityHit]
    /// Documents that mention every one of the given entities (names, aliases or KB ids).
    func documents(mentioningAll entities: [String], limit: Int) async throws -> [DocumentHit]
    /// One page of every entity in the store, grouped as ``entities(named:limit:)`` groups them
    /// (by KB id, else by type and folded name), ordered by type and then by KB id or folded name,
    /// starting right after `after` (the first page when `nil`); at most `limit` entities. Pages
    /// chained by their ``ListingPage/next`` cover every entity exactly once, each page found
    /// through an index (keyset pagination), however deep the listing is.
    func entityPage(after: EntityListCursor?, limit: Int) async throws -> ListingPage<EntityHit, EntityListCursor>
    /// One page of every document in the store, ordered by id, starting right after the id `after`
    /// (the first page when `nil`); at most `limit` documents. The next page's cursor is the last id.
    func documentPage(after: String?, limit: Int) async throws -> ListingPage<DocumentHit, String>
    /// The analysis JSON of one document exactly as `Document.analysisJSON()` wrote it.
    func analysisJSON(documentID: String) async throws -> String?
    /// One document with its metadata, text and analysis JSON; `nil` when it is not stored.
    func document(id: String) async throws -> StoredDocument?
    /// One entity by its key (``EntityHit/key``), counted over every document; `nil` when absent.
    func entity(_ key: EntityKey) async throws -> EntityHit?
    /// The entities that occur in documents where `key` occurs, most shared documents first:
    /// `documents` counts the shared documents and `mentions` the entity's mentions in them.
    func coMentions(of key: EntityKey, limit: Int) async throws -> [EntityHit]
    /// The story (``Story``) the document belongs to, with at most `limit` of its documents;
    /// `nil` when the document is not stored.
    func story(of documentID: String, limit: Int) async throws -> Story?
    /// How many rows each table holds.
    func statistics() async throws -> StoreStatistics

    /// Releases connections; the store must not be used afterwards.
    func close() async throws
}

extension DocumentStore {
    /// Stores a batch without replacing anything (``store(_:replacing:)`` with `replacing: false`).
    public func store(_ batch: [StorableDocument]) async throws -> StoreResult {
        try await store(batch, replacing: false)
    }
}

/// What a ``DocumentStore/store(_:replacing:)`` call did.
public struct StoreResult: Hashable, Sendable {
    public var stored: [String] = []
    /// Ids of documents skipped because they were already stored: the same id with the same text,
    /// or the same text under another id.
    public var skipped: [String] = []
    /// Ids of documents not stored because that id is already stored (or came earlier in the
    /// batch) with a *different* text: a corrected article, or two articles given one id. The
    /// stored one is kept; the caller reports the conflict.
    public var conflicts: [String] = []
    /// Ids of documents that replaced a stored one with a different text (only when replacing).
    public var replaced: [String] = []
    public init(stored: [String] = [], skipped: [String] = [], conflicts: [String] = [], replaced: [String] = []) {
        self.stored = stored
        self.skipped = skipped
        self.conflicts = conflicts
        self.replaced = replaced
    }
}

/// The ids and content hashes, among those asked about, that a store already holds.
public struct ExistingKeys: Hashable, Sendable {
    public var ids: Set<String> = []
    public var hashes: Set<String> = []
    public init(ids: Set<String> = [], hashes: Set<String> = []) {
        self.ids = ids
        self.hashes = hashes
    }
}

/// Row counts of a store.
public struct StoreStatistics: Hashable, Sendable, CustomStringConvertible {
    public var documents = 0
    public var entities = 0
    public var mentions = 0
    public var quotes = 0
    public var events = 0
    /// Event participants (sources, targets, locations).
    public var participants = 0
    public var times = 0
    /// Stories (``Story``): groups of near-duplicate documents, a document alone counting as one.
    public var stories = 0
    public init(
        documents: Int = 0, entities: Int = 0, mentions: Int = 0, quotes: Int = 0, events: Int = 0, participants: Int = 0, times: Int = 0,
        stories: Int = 0
    ) {
        self.stories = stories
        self.documents = documents
        self.entities = entities
        self.mentions = mentions
        self.quotes = quotes
        self.events = events
        self.participants = participants
        self.times = times
    }
    public var description: String {
        "\(documents) documents, \(entities) entities, \(mentions) mentions, \(quotes) quotes"
            + (events > 0 || times > 0 ? ", \(events) events, \(times) time expressions" : "")
    }
}
