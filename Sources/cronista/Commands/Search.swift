import ArgumentParser
import CronistaIngest
import CronistaNLP
import CronistaStorage
import Foundation

/// `table` for a person at a terminal, `jsonl` (one JSON object per line) for programs.
enum SearchFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl
}

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the store: quotes, events, entities, documents.",
        discussion: """
            Offsets are Unicode code points into the document's original text (the JSON contract unit). \
            Output is a table on a terminal and JSON Lines otherwise (--format overrides).
            """,
        subcommands: [Quotes.self, Events.self, Entities.self, Documents.self, Story.self]
    )

    struct Output: ParsableArguments {
        @Option(help: "Output format: table or jsonl (default: table on a terminal, jsonl otherwise).")
        var format: SearchFormat?

        @Flag(help: "JSON Lines, one result per line, even on a terminal (--format jsonl).")
        var json = false

        @Option(parsing: .unconditional, help: "At most this many results.")
        var limit: Int = 100

        @Flag(help: "Table: show every quote and title whole, wrapped, instead of cut to the terminal's width.")
        var wide = false

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
            if json && format == .table { throw ValidationError("--json and --format table contradict each other") }
        }

        func resolved(_ sink: OutputSink) -> SearchFormat { json ? .jsonl : format ?? (sink.isTerminal ? .table : .jsonl) }

        /// The table of `rows`, its last column cut (or, with --wide, wrapped) to fit the terminal.
        func table(_ rows: [[String]], sink: OutputSink) -> String {
            Search.table(rows, width: sink.isTerminal ? Search.terminalColumns() : nil, wide: wide)
        }

        /// Writes `hits` to standard output: a JSON line each (`line`), or a table of `header` and
        /// one `row` a hit, followed by their count (`singular`/`plural`).
        func write<Hit>(
            _ hits: [Hit], header: [String], singular: String, plural: String? = nil, line: (Hit) -> [UInt8], row: (Hit) -> [String]
        ) throws {
            let sink = try OutputSink(path: nil)
            switch resolved(sink) {
            case .jsonl:
                for h in hits { try sink.write(line(h)) }
            case .table:
                try sink.write(table([header] + hits.map(row), sink: sink))
                try sink.write(counted(hits.count, singular, plural) + "\n")
            }
            try sink.finish()
        }
    }

    struct Quotes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quotes by speaker, whom they are about, words, date range and source.",
            discussion: "What did A say about B: --speaker A --about B.")

        @OptionGroup var filters: QuoteFilters
        @Flag(
            help: """
                One result per statement: quotes of the same speaker entity, days at most two weeks apart and overlapping \
                words are one cluster, shown by its first appearance with carried_by (documents) and its variants.
                """)
        var clusters = false
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func run() async throws {
            if clusters { return try await runClusters() }
            let s = try await store.openExisting()
            let hits = try await s.quotes(
                filters.query(limit: output.limit))
            try await s.close()
            try output.write(
                hits, header: ["DOCUMENT", "DATE", "SPEAKER", "KIND", "OFFSETS", "ABOUT", "QUOTE"], singular: "quote", line: Search.json
            ) { h in
                let who = h.speakerName ?? h.speaker?.text ?? "—"
                return [
                    h.documentID, h.published ?? "", who + (h.speakerKB.map { " (\($0))" } ?? ""), h.kind,
                    "\(h.content.startScalar)-\(h.content.endScalar)", Search.flat(h.about.map(\.name).joined(separator: ", ")),
                    Search.flat(h.content.text)
                ]
            }
        }
    }

    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Events by PLOVER type, mode, actor and its role, date range and document.",
            discussion: """
                Who accused whom in 2024: --type ACCUSE --from 2024-01-01 --to 2024-12-31. An event without a date of its own \
                is placed on its document's publication day. Newest first.
                """)

        @OptionGroup var filters: EventFilters
        @Option(help: "Skip this many events first (the next page: --offset plus --limit).")
        var offset: Int = 0
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if offset < 0 { throw ValidationError("--offset must be 0 or more, got \(offset)") }
        }

        func run() async throws {
            let s = try await store.openExisting()
            let hits = try await s.events(filters.query(limit: output.limit, offset: offset))
            try await s.close()
            func names(_ ps: [EventHit.Participant]) -> String {
                ps.isEmpty ? "—" : ps.map { ($0.name ?? $0.span.text) + ($0.kb.map { " (\($0))" } ?? "") }.joined(separator: ", ")
            }
            try output.write(
                hits, header: ["DOCUMENT", "DATE", "EVENT", "TYPE", "SOURCE", "TARGET", "TRIGGER"], singular: "event",
                line: Search.json
            ) { h in
                [
                    h.documentID, h.day ?? "", h.eventID, h.type + (h.mode.map { "/\($0)" } ?? ""),
                    Search.flat(names(h.participants(.source))),
                    Search.flat(names(h.participants(.target))), Search.flat(h.trigger.text)
                ]
            }
        }
    }

    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entities by name, alias or KB id, with their mention counts.")

        @Option(help: "Name, one word of it, an alias or a KB id.")
        var name: String
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let s = try await store.openExisting()
            let hits = try await s.entities(named: name, limit: output.limit)
            try await s.close()
            try output.write(
                hits, header: ["NAME", "TYPE", "KB", "DOCUMENTS", "MENTIONS"], singular: "entity", plural: "entities",
                line: { h in
                    var w = JSONWriter(capacity: 128)
                    w.entity(h, entityIDs: false)
                    return w.bytes + [0x0A]
                }
            ) { h in [h.name, h.type, h.kb ?? "—", "\(h.documents)", "\(h.mentions)"] }
        }
    }

    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Documents that mention every given entity.")

        @Option(help: "An entity (name, alias or KB id); repeat for entities that must appear together.")
        var entity: [String] = []
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if entity.isEmpty { throw ValidationError("give at least one --entity") }
        }

        func run() async throws {
            let s = try await store.openExisting()
            let hits = try await s.documents(mentioningAll: entity, limit: output.limit)
            try await s.close()
            try output.write(
                hits, header: ["DOCUMENT", "DATE", "SOURCE", "TITLE"], singular: "document",
                line: { h in
                    var w = JSONWriter(capacity: 128)
                    w.document(h)
                    return w.bytes + [0x0A]
                }
            ) { h in [h.id, h.published ?? "", h.source ?? "", Search.flat(h.title ?? "")] }
        }
    }

    /// One quote as a JSON line: offsets in code points, the sentence range the fact rests on.
    static func json(_ h: QuoteHit) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + h.content.text.utf8.count)
        w.quote(h, entityIDs: false)
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// One event as a JSON line (the command line leaves entity ids out).
    static func json(_ h: EventHit) -> [UInt8] {
        var w = JSONWriter(capacity: 512)
        w.event(h, entityIDs: false)
        return w.bytes + [0x0A]
    }

    /// The text on one line (line breaks become spaces).
    static func flat(_ s: String) -> String { s.split(whereSeparator: \.isNewline).joined(separator: " ") }

    static func clip(_ s: String, _ n: Int) -> String {
        let flat = flat(s)
        return flat.count <= n ? flat : String(flat.prefix(max(1, n - 1))) + "…"
    }

    /// The width of the terminal on standard output, or `nil` when it is not one.
    static func terminalColumns() -> Int? {
        var w = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 else { return nil }
        return Int(w.ws_col)
    }

    /// Left-aligned columns, two spaces apart; widths counted in characters. The last column is
    /// cut to fit `width` (70 characters when the width is unknown) or, when `wide`, kept whole:
    /// wrapped at word breaks to the width, its continuation lines indented under it.
    static func table(_ rows: [[String]], width: Int? = nil, wide: Bool = false) -> String {
        guard let first = rows.first else { return "" }
        let last = first.count - 1
        var widths = [Int](repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() where i < last { widths[i] = max(widths[i], c.count) } }
        let indent = widths.dropLast().reduce(0) { $0 + $1 + 2 }
        // The room the last column has: what the terminal leaves, never under 30 characters.
        let room: Int? = width.map { max(30, $0 - indent) } ?? (wide ? nil : 70)
        var out = ""
        for (n, r) in rows.enumerated() {
            var line = ""
            for (i, c) in r.enumerated() where i < last {
                line += c + String(repeating: " ", count: widths[i] - c.count + 2)
            }
            let cell = r[last]
            if n == 0 || room == nil {
                out += line + cell + "\n"
            } else if let room, !wide {
                out += line + clip(cell, room) + "\n"
            } else if let room {
                let pad = String(repeating: " ", count: indent)
                for (k, part) in wrap(cell, room).enumerated() { out += (k == 0 ? line : pad) + part + "\n" }
            }
        }
        return out
    }

    /// `s` in lines of at most `width` characters, broken at spaces (a longer word is cut).
    static func wrap(_ s: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = Substring(word)
            while w.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(w.prefix(width)))
                w = w.dropFirst(width)
            }
            if current.isEmpty {
                current = String(w)
            } else if current.count + 1 + w.count <= width {
                current += " " + w
            } else {
                lines.append(current)
                current = String(w)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}

extension Search.Quotes {
    /// Up to this many quotes are read to form the clusters of one answer (`--limit` clusters).
    static let clusterReadLimit = 5_000

    /// `search quotes --clusters`: the matching quotes grouped into statements
    /// (``QuoteClustering``), newest first, at most `--limit` of them.
    func runClusters() async throws {
        let s = try await store.openExisting()
        let hits = try await s.quotes(
            filters.query(limit: min(Self.clusterReadLimit, output.limit * 20)))
        try await s.close()
        let found = Array(QuoteClustering.cluster(hits).prefix(output.limit))
        try output.write(
            found, header: ["FIRST", "DATE", "SPEAKER", "DOCS", "QUOTE"], singular: "statement",
            line: { c in
                var w = JSONWriter(capacity: 512)
                w.quoteCluster(c, entityIDs: false)
                return w.bytes + [0x0A]
            }
        ) { c in
            let h = c.first
            return [
                h.documentID, h.published ?? "", (h.speakerName ?? h.speaker?.text ?? "—") + (h.speakerKB.map { " (\($0))" } ?? ""),
                "\(c.documents.count)", Search.flat(h.content.text)
            ]
        }
    }
}

extension Search {
    struct Story: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The story of a document: the stored copies and light rewrites of the same article, earliest first.")

        @Option(help: "The document id.")
        var document: String
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let s = try await store.openExisting()
            let found = try await s.story(of: document, limit: output.limit)
            try await s.close()
            guard let found else { throw ValidationError("no document '\(document)' in the store") }
            try output.write(
                found.documents, header: ["DOCUMENT", "DATE", "SOURCE", "TITLE"], singular: "document",
                line: { h in
                    var w = JSONWriter(capacity: 160)
                    w.beginObject()
                    w.documentFields(h)
                    w.key("story"); w.string(found.id)
                    w.key("story_size"); w.int(found.size)
                    w.endObject()
                    return w.bytes + [0x0A]
                }
            ) { h in [h.id, h.published ?? "", h.source ?? "", Search.flat(h.title ?? "")] }
        }
    }
}
