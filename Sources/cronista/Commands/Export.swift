import ArgumentParser
import CronistaIngest
import CronistaNLP
import CronistaStorage

/// `csv` (RFC 4180, for a spreadsheet) or `jsonl` (one JSON object a line, as `search` writes it).
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl
}

/// `cronista export quotes|events`: every matching row, streamed page by page from the store, so
/// the whole archive exports in bounded memory.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export quotes or events as CSV (RFC 4180) or JSON Lines, with the filters of search.",
        discussion: """
            Rows are read from the store a page at a time and written as they come, so the whole archive \
            exports with flat memory. Offsets are Unicode code points into the document's text. CSV: one \
            header line, CRLF line ends, UTF-8; lists (about, sources, targets) are joined with '; '.
            """,
        subcommands: [Quotes.self, Events.self]
    )

    struct Destination: ParsableArguments {
        @Option(help: "csv or jsonl.")
        var format: ExportFormat = .csv
        @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.")
        var output: String?
        @Option(help: "Rows read from the store at a time.")
        var page: Int = 1000

        func validate() throws {
            if page < 1 { throw ValidationError("--page must be at least 1, got \(page)") }
        }

        /// Opens the store and writes the header, then every page `next` returns (with whether
        /// another may follow) as CSV rows or JSON lines, flushed page by page; closes the store
        /// whatever happens, and says how many rows went to a file.
        func stream<Hit>(
            _ options: StoreOptions, noun: String, header: [String], csv row: (inout CSVWriter, Hit) -> Void,
            json: (Hit) -> [UInt8], next: (any DocumentStore) async throws -> (hits: [Hit], more: Bool)
        ) async throws {
            let s = try await options.openExisting()
            var count = 0
            do {
                let sink = try OutputSink(path: output)
                var csv = CSVWriter(capacity: 1 << 16)
                if format == .csv { csv.row(header) }
                var more = true
                while more {
                    let page = try await next(s)
                    more = page.more
                    for h in page.hits {
                        switch format {
                        case .csv: row(&csv, h)
                        case .jsonl: try sink.write(json(h))
                        }
                    }
                    try sink.write(csv.take())
                    try sink.flush()
                    count += page.hits.count
                }
                try sink.finish()
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
            if output != nil { printError("exported \(count) \(noun)\(count == 1 ? "" : "s")") }
        }
    }

    static func checkDates(_ from: String?, _ to: String?) throws {
        for (name, d) in [("--from", from), ("--to", to)] {
            if let d, !QuoteQuery.isDate(d) { throw ValidationError("\(name): '\(d)' is not a date (YYYY-MM-DD, a day that exists)") }
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    struct Quotes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Quotes, filtered as `search quotes` filters them.")

        @Option(help: "Speaker: name, one word of it, an alias or a KB id (case- and accent-insensitive).")
        var speaker: String?
        @Option(help: "An entity the quote is about, matched as --speaker is.")
        var about: String?
        @Option(name: .customLong("q"), help: "Words that must all occur in the quote (full-text search).")
        var words: String?
        @Option(help: "Published on or after this date (YYYY-MM-DD).")
        var from: String?
        @Option(help: "Published on or before this date (YYYY-MM-DD).")
        var to: String?
        @Option(help: "The document's source (case-insensitive).")
        var source: String?
        @OptionGroup var destination: Destination
        @OptionGroup var store: StoreOptions

        func validate() throws { try Export.checkDates(from, to) }

        func run() async throws {
            var query = QuoteQuery(
                speaker: speaker, about: about, words: words, from: from, to: to, source: source, limit: destination.page)
            try await destination.stream(
                store, noun: "quote", header: CSVWriter.quoteHeader, csv: { $0.quote($1) }, json: Search.json
            ) { s in
                let hits = try await s.quotes(query)
                // The next page starts after the last quote (keyset), when this one was full.
                if hits.count == destination.page, let last = hits.last, let cursor = QuoteCursor(after: last) {
                    query.after = cursor
                    return (hits, true)
                }
                return (hits, false)
            }
        }
    }

    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Events, filtered as `search events` filters them.")

        @Option(help: "PLOVER event type (ACCUSE, CONSULT, …; case-insensitive).")
        var type: String?
        @Option(help: "The type's mode (case-insensitive).")
        var mode: String?
        @Option(help: "A participant: name, one word of it, an alias or a KB id.")
        var actor: String?
        @Option(help: "The actor's role: source, target or location.")
        var role: String?
        @Option(help: "On or after this date (YYYY-MM-DD).")
        var from: String?
        @Option(help: "On or before this date (YYYY-MM-DD).")
        var to: String?
        @Option(help: "Only the events of this document id.")
        var document: String?
        @OptionGroup var destination: Destination
        @OptionGroup var store: StoreOptions

        func validate() throws {
            try Export.checkDates(from, to)
            if let role, EventQuery.Role(rawValue: role.lowercased()) == nil {
                throw ValidationError("--role must be source, target or location, got '\(role)'")
            }
        }

        func run() async throws {
            var query = EventQuery(
                type: type, mode: mode, actor: actor, role: role.flatMap { EventQuery.Role(rawValue: $0.lowercased()) }, from: from,
                to: to, documentID: document, limit: destination.page, offset: 0)
            try await destination.stream(
                store, noun: "event", header: CSVWriter.eventHeader, csv: { $0.event($1) },
                json: { h in
                    var w = JSONWriter(capacity: 512)
                    w.event(h, entityIDs: false)
                    w.bytes.append(0x0A)
                    return w.bytes
                }
            ) { s in
                let hits = try await s.events(query)
                query.offset += hits.count
                return (hits, hits.count == destination.page)
            }
        }
    }
}
