import ArgumentParser
import CronistaStorage

/// The quote filters that `search quotes` and `export quotes` share.
struct QuoteFilters: ParsableArguments {
    @Option(help: "Speaker: name, one word of it, an alias or a KB id (case- and accent-insensitive).")
    var speaker: String?
    @Option(help: "An entity the quote is about (mentioned in its content), matched as --speaker is.")
    var about: String?
    @Option(name: .customLong("q"), help: "Words that must all occur in the quote (full-text search).")
    var words: String?
    @Option(help: "Published on or after this date (YYYY-MM-DD, a day that exists).")
    var from: String?
    @Option(help: "Published on or before this date (YYYY-MM-DD, a day that exists).")
    var to: String?
    @Option(help: "The document's source (case-insensitive).")
    var source: String?

    func validate() throws { try Self.checkDates(from, to) }

    func query(limit: Int = 100) -> QuoteQuery {
        QuoteQuery(speaker: speaker, about: about, words: words, from: from, to: to, source: source, limit: limit)
    }

    /// `--from` and `--to` are days that exist, in order.
    static func checkDates(_ from: String?, _ to: String?) throws {
        for (name, d) in [("--from", from), ("--to", to)] {
            if let d, !QuoteQuery.isDate(d) { throw ValidationError("\(name): '\(d)' is not a date (YYYY-MM-DD, a day that exists)") }
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }
}

/// The event filters that `search events` and `export events` share.
struct EventFilters: ParsableArguments {
    @Option(help: "PLOVER event type (ACCUSE, CONSULT, …; case-insensitive).")
    var type: String?
    @Option(help: "The type's mode (disapprove, meet, …; case-insensitive).")
    var mode: String?
    @Option(help: "A participant: name, one word of it, an alias or a KB id (case- and accent-insensitive).")
    var actor: String?
    @Option(help: "The actor's role: source, target or location (without --actor: events with such a participant).")
    var role: String?
    @Option(help: "On or after this date (YYYY-MM-DD, a day that exists).")
    var from: String?
    @Option(help: "On or before this date (YYYY-MM-DD, a day that exists).")
    var to: String?
    @Option(help: "Only the events of this document id.")
    var document: String?

    func validate() throws {
        try QuoteFilters.checkDates(from, to)
        if let role, EventQuery.Role(rawValue: role.lowercased()) == nil {
            throw ValidationError("--role: '\(role)' is not source, target or location")
        }
    }

    func query(limit: Int = 100, offset: Int = 0) -> EventQuery {
        EventQuery(
            type: type, mode: mode, actor: actor, role: role.flatMap { EventQuery.Role(rawValue: $0.lowercased()) }, from: from, to: to,
            documentID: document, limit: limit, offset: offset)
    }
}
