/// Page-by-page reading for exports: the whole result of a query, one bounded page at a time, so an
/// export of the whole archive never holds more than `pageSize` hits.
extension DocumentStore {
    /// Calls `body` with every page of quotes matching `query` (its `limit` is ignored), in the
    /// search order, each page at most `pageSize` long; pages are chained by ``QuoteCursor``
    /// (keyset paging), so each page costs the same however deep the export is. Returns the count.
    @discardableResult
    public func forEachQuotePage(
        _ query: QuoteQuery, pageSize: Int = 1000, _ body: ([QuoteHit]) async throws -> Void
    ) async throws -> Int {
        var q = query
        q.limit = max(1, pageSize)
        var total = 0
        while true {
            let page = try await quotes(q)
            if page.isEmpty { break }
            try await body(page)
            total += page.count
            guard page.count == q.limit, let next = page.last.flatMap(QuoteCursor.init(after:)) else { break }
            q.after = next
        }
        return total
    }

    /// Calls `body` with every page of events matching `query` (its `limit` and `offset` are
    /// ignored), in the search order, each page at most `pageSize` long. Returns the count.
    @discardableResult
    public func forEachEventPage(
        _ query: EventQuery, pageSize: Int = 1000, _ body: ([EventHit]) async throws -> Void
    ) async throws -> Int {
        var q = query
        q.limit = max(1, pageSize)
        q.offset = 0
        var total = 0
        while true {
            let page = try await events(q)
            if page.isEmpty { break }
            try await body(page)
            total += page.count
            guard page.count == q.limit else { break }
            q.offset += page.count
        }
        return total
    }
}
