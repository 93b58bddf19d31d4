import ArgumentParser
import CronistaIngest
import CronistaNLP
import CronistaStorage

/// `table` for a person at a terminal, `jsonl` (one JSON object per line) for programs.
enum SearchFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl
}

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the store: quotes, entities, documents.",
        discussion: """
            Offsets are Unicode code points into the document's original text (the JSON contract unit). \
            Output is a table on a terminal and JSON Lines otherwise (--format overrides).
            """,
        subcommands: [Quotes.self, Entities.self, Documents.self]
    )

    struct Output: ParsableArguments {
        @Option(help: "Output format: table or jsonl (default: table on a terminal, jsonl otherwise).")
        var format: SearchFormat?

        @Option(help: "At most this many results.")
        var limit: Int = 100

        func resolved(_ sink: OutputSink) -> SearchFormat { format ?? (sink.isTerminal ? .table : .jsonl) }
    }

    struct Quotes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quotes by speaker, whom they are about, words, date range and source.",
            discussion: "What did A say about B: --speaker A --about B.")

        @Option(help: "Speaker: name, one word of it, an alias or a KB id (case- and accent-insensitive).")
        var speaker: String?
        @Option(help: "An entity the quote is about (mentioned in its content), matched as --speaker is.")
        var about: String?
        @Option(name: .customLong("q"), help: "Words that must all occur in the quote (full-text search).")
        var words: String?
        @Option(help: "Published on or after this date (YYYY-MM-DD).")
        var from: String?
        @Option(help: "Published on or before this date (YYYY-MM-DD).")
        var to: String?
        @Option(help: "The document's source (case-insensitive).")
        var source: String?
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func validate() throws {
            for d in [from, to].compactMap({ $0 }) where !QuoteQuery.isDate(d) {
                throw ValidationError("'\(d)' is not a date (YYYY-MM-DD)")
            }
        }

        func run() async throws {
            let s = try await store.open()
            let hits = try await s.quotes(
                QuoteQuery(speaker: speaker, about: about, words: words, from: from, to: to, source: source, limit: output.limit))
            try await s.close()
            let sink = try OutputSink(path: nil)
            switch output.resolved(sink) {
            case .jsonl:
                for h in hits { try sink.write(Search.json(h)) }
            case .table:
                var rows = [["DOCUMENT", "DATE", "SPEAKER", "KIND", "OFFSETS", "ABOUT", "QUOTE"]]
                for h in hits {
                    let who = h.speakerName ?? h.speaker?.text ?? "—"
                    rows.append([
                        h.documentID, h.published ?? "", who + (h.speakerKB.map { " (\($0))" } ?? ""), h.kind,
                        "\(h.content.startScalar)-\(h.content.endScalar)", Search.clip(h.about.map(\.name).joined(separator: ", "), 40),
                        Search.clip(h.content.text, 70)
                    ])
                }
                try sink.write(Search.table(rows))
                try sink.write("\(hits.count) quote\(hits.count == 1 ? "" : "s")\n")
            }
            try sink.finish()
        }
    }

    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entities by name, alias or KB id, with their mention counts.")

        @Option(help: "Name, one word of it, an alias or a KB id.")
        var name: String
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let s = try await store.open()
            let hits = try await s.entities(named: name, limit: output.limit)
            try await s.close()
            let sink = try OutputSink(path: nil)
            switch output.resolved(sink) {
            case .jsonl:
                for h in hits {
                    var w = JSONWriter(capacity: 128)
                    w.entity(h, entityIDs: false)
                    try sink.write(w.bytes + [0x0A])
                }
            case .table:
                var rows = [["NAME", "TYPE", "KB", "DOCUMENTS", "MENTIONS"]]
                for h in hits { rows.append([h.name, h.type, h.kb ?? "—", "\(h.documents)", "\(h.mentions)"]) }
                try sink.write(Search.table(rows))
            }
            try sink.finish()
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
            let s = try await store.open()
            let hits = try await s.documents(mentioningAll: entity, limit: output.limit)
            try await s.close()
            let sink = try OutputSink(path: nil)
            switch output.resolved(sink) {
            case .jsonl:
                for h in hits {
                    var w = JSONWriter(capacity: 128)
                    w.document(h)
                    try sink.write(w.bytes + [0x0A])
                }
            case .table:
                var rows = [["DOCUMENT", "DATE", "SOURCE", "TITLE"]]
                for h in hits { rows.append([h.id, h.published ?? "", h.source ?? "", Search.clip(h.title ?? "", 70)]) }
                try sink.write(Search.table(rows))
            }
            try sink.finish()
        }
    }

    /// One quote as a JSON line: offsets in code points, the sentence range the fact rests on.
    static func json(_ h: QuoteHit) -> [UInt8] {
        var w = JSONWriter(capacity: 256 + h.content.text.utf8.count)
        w.quote(h, entityIDs: false)
        w.bytes.append(0x0A)
        return w.bytes
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }

    /// Left-aligned columns, two spaces apart; widths counted in characters.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for r in rows {
            var line = ""
            for (i, c) in r.enumerated() {
                line += c
                if i < r.count - 1 { line += String(repeating: " ", count: widths[i] - c.count + 2) }
            }
            out += line + "\n"
        }
        return out
    }
}
