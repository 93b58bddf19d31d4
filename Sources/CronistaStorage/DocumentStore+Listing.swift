/// Where a page of the entity listing (``DocumentStore/entityPage(after:limit:)``) ends: the sort
/// key of its last entity, so that the next page starts right after it (keyset pagination).
/// Entities are grouped as ``DocumentStore/entities(named:limit:)`` groups them and listed by
/// type, then by their KB id or, without one, their folded name (``group``).
public struct EntityListCursor: Hashable, Sendable {
    /// `PER`, `ORG` or `LOC`.
    public var type: String
    /// The KB id, or the folded name of an entity without one.
    public var group: String
    public init(type: String, group: String) {
        self.type = type
        self.group = group
    }

    /// The entity types in listing order (the store's CHECK allows these three only): a backend
    /// lists one type at a time, so each query is an equality and a range on its index.
    public static let typeOrder = ["LOC", "ORG", "PER"]
}

/// One page of a listing of everything in a store: at most `limit` rows, and the cursor after the
/// last one, `nil` when this page is the last (it had fewer rows than asked for).
public struct ListingPage<Row: Sendable, Cursor: Sendable>: Sendable {
    public var rows: [Row]
    public var next: Cursor?
    public init(rows: [Row], next: Cursor?) {
        self.rows = rows
        self.next = next
    }
}

extension DocumentStore {
    /// Calls `body` with every page of the store's entities (``entityPage(after:limit:)``), each at
    /// most `pageSize` long, so listing the whole archive holds one page at a time. Returns the count.
    @discardableResult
    public func forEachEntityPage(pageSize: Int = 1000, _ body: ([EntityHit]) async throws -> Void) async throws -> Int {
        try await Self.forEachPage(pageSize: pageSize, fetch: { try await entityPage(after: $0, limit: $1) }, body)
    }

    /// Calls `body` with every page of the store's documents (``documentPage(after:limit:)``), in
    /// id order, each at most `pageSize` long. Returns the count.
    @discardableResult
    public func forEachDocumentPage(pageSize: Int = 1000, _ body: ([DocumentHit]) async throws -> Void) async throws -> Int {
        try await Self.forEachPage(pageSize: pageSize, fetch: { try await documentPage(after: $0, limit: $1) }, body)
    }

    /// Walks a keyset listing: fetches the page after each cursor until one comes back without a next
    /// cursor, handing every non-empty page to `body`. Returns the count of rows.
    static func forEachPage<Row: Sendable, Cursor: Sendable>(
        pageSize: Int, fetch: (Cursor?, Int) async throws -> ListingPage<Row, Cursor>, _ body: ([Row]) async throws -> Void
    ) async throws -> Int {
        var cursor: Cursor?
        var total = 0
        repeat {
            let page = try await fetch(cursor, max(1, pageSize))
            if !page.rows.isEmpty { try await body(page.rows) }
            total += page.rows.count
            cursor = page.next
        } while cursor != nil
        return total
    }
}
