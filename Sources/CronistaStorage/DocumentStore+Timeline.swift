/// One dated fact about an entity: an event it takes part in, or a quote it said.
public enum TimelineItem: Hashable, Sendable {
    case event(EventHit)
    case quote(QuoteHit)

    /// The day the item is placed on, `YYYY-MM-DD`: the event's date or the quote's date, else
    /// its document's publication day; `nil` when there is none.
    public var day: String? {
        switch self {
        case .event(let e): e.day
        case .quote(let q): q.date ?? q.published.map { String($0.prefix(10)) }
        }
    }

    public var documentID: String {
        switch self {
        case .event(let e): e.documentID
        case .quote(let q): q.documentID
        }
    }

    /// Orders items of one day: by document, then quotes and events by their position in it.
    var position: Int {
        switch self {
        case .event(let e): e.trigger.startScalar
        case .quote(let q): q.content.startScalar
        }
    }
}

extension DocumentStore {
    /// An entity's timeline for its page: the events it takes part in (in any role) and the quotes
    /// it said, newest first by ``TimelineItem/day`` (undated last), at most `limit` of each kind.
    public func timeline(of key: EntityKey, limit: Int) async throws -> [TimelineItem] {
        async let events = self.events(EventQuery(actorEntity: key, limit: limit))
        async let quotes = self.quotes(QuoteQuery(speakerEntity: key, limit: limit))
        let items = try await events.map(TimelineItem.event) + quotes.map(TimelineItem.quote)
        return items.sorted { a, b in
            let (x, y) = (a.day ?? "", b.day ?? "")
            if x != y { return x > y }
            if a.documentID != b.documentID { return a.documentID < b.documentID }
            return a.position < b.position
        }
    }
}
