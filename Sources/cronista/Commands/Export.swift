import ArgumentParser
import CronistaIngest
import CronistaNLP
import CronistaStorage
import Foundation

/// `csv` (RFC 4180, UTF-8, CRLF) for a spreadsheet, `jsonl` (the lines of `cronista search`) for
/// programs, `parquet` (the CSV's columns, offsets and counts as int64) for Spark, pandas and DuckDB.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, jsonl, parquet
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export quotes, events, entities or documents from the store as CSV or JSON Lines.",
        discussion: """
            The filters are those of `cronista search`. Quotes and events, and entities and documents without a filter, are \
            read from the store a page at a time and written as they come, so the whole archive exports with flat memory. CSV follows RFC 4180 (a header row, \
            CRLF line ends, quoted fields), in UTF-8; offsets are Unicode code points into the document's text.
            """,
        subcommands: [Quotes.self, Events.self, Entities.self, Documents.self]
    )

    struct Output: ParsableArguments {
        @Option(help: "csv, jsonl or parquet.")
        var format: ExportFormat = .csv
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?
        @Flag(
            help: ArgumentHelp(
                "CSV for a spreadsheet: a cell starting with =, +, -, @, a tab or a carriage return gets an apostrophe in front, "
                    + "so it shows as text and is never evaluated as a formula (such cells then differ from the stored text)."))
        var guardFormulas = false
        @Option(
            help: ArgumentHelp(
                "Rows read from the store at a time (a filtered entity or document search is one read).", visibility: .hidden))
        var pageSize: Int = 1000
        @Option(help: ArgumentHelp("Parquet: rows in a row group.", visibility: .hidden))
        var rowGroupSize: Int = 10_000

        func validate() throws {
            if pageSize < 1 { throw ValidationError("--page-size must be at least 1, got \(pageSize)") }
            if rowGroupSize < 1 { throw ValidationError("--row-group-size must be at least 1, got \(rowGroupSize)") }
        }

        /// Writes a header (CSV) and then whatever `produce` hands to its writer, one row at a time.
        func run(columns: [String], _ produce: (_ emit: (_ csv: [String?], _ json: () -> [UInt8]) throws -> Void) async throws -> Void)
            async throws
        {
            let sink = try OutputSink(path: output)
            if format == .parquet {
                var parquet = try ParquetWriter(columns: ExportTable.parquetColumns(columns), rowGroupSize: rowGroupSize) {
                    try sink.write($0)
                }
                try await produce { fields, _ in try parquet.append(fields) }
                try parquet.finish()
                try sink.finish()
                return
            }
            var csv = CSVWriter(capacity: 1 << 16, guardsFormulas: guardFormulas)
            if format == .csv { csv.record(columns) }
            try await produce { fields, json in
                switch format {
                case .csv, .parquet: csv.record(fields)
                case .jsonl: csv.bytes.append(contentsOf: json())
                }
                if csv.bytes.count >= 1 << 16 {
                    try sink.write(csv.bytes)
                    csv.bytes.removeAll(keepingCapacity: true)
                }
            }
            try sink.write(csv.bytes)
            try sink.finish()
        }
    }

    struct Quotes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every quote that matches the filters (all quotes without any).")

        @OptionGroup var filters: QuoteFilters
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let s = try await store.openExisting()
            let query = filters.query()
            do {
                try await output.run(columns: ExportTable.quoteColumns) { emit in
                    try await s.forEachQuotePage(query, pageSize: output.pageSize) { page in
                        for h in page { try emit(ExportTable.row(h)) { Search.json(h) } }
                    }
                }
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
        }
    }

    struct Events: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every event that matches the filters (all events without any).")

        @OptionGroup var filters: EventFilters
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let s = try await store.openExisting()
            let query = filters.query()
            do {
                try await output.run(columns: ExportTable.eventColumns) { emit in
                    try await s.forEachEventPage(query, pageSize: output.pageSize) { page in
                        for h in page {
                            try emit(ExportTable.row(h)) { Search.json(h) }
                        }
                    }
                }
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
        }
    }

    struct Entities: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Entities by name, alias or KB id, with their mention counts (every entity in the store without --name).")

        @Option(help: "Name, one word of it, an alias or a KB id; without it, every entity, by type and then KB id or name.")
        var name: String?
        @Option(help: "With --name: at most this many entities.")
        var limit: Int = 10000
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func validate() throws { if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") } }

        func run() async throws {
            let s = try await store.openExisting()
            do {
                try await output.run(columns: ExportTable.entityColumns) { emit in
                    func write(_ hits: [EntityHit]) throws {
                        for h in hits {
                            try emit(ExportTable.row(h)) {
                                var w = JSONWriter(capacity: 128)
                                w.entity(h, entityIDs: false)
                                return w.bytes + [0x0A]
                            }
                        }
                    }
                    if let name {
                        try write(try await s.entities(named: name, limit: limit))
                    } else {
                        try await s.forEachEntityPage(pageSize: output.pageSize) { try write($0) }
                    }
                }
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
        }
    }

    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Documents that mention every given entity (every document in the store without --entity).")

        @Option(
            help: "An entity (name, alias or KB id); repeat for entities that must appear together. Without it, every document, by id.")
        var entity: [String] = []
        @Option(help: "With --entity: at most this many documents.")
        var limit: Int = 10000
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
        }

        func run() async throws {
            let s = try await store.openExisting()
            do {
                try await output.run(columns: ExportTable.documentColumns) { emit in
                    func write(_ hits: [DocumentHit]) throws {
                        for h in hits {
                            try emit(ExportTable.row(h)) {
                                var w = JSONWriter(capacity: 128)
                                w.document(h)
                                return w.bytes + [0x0A]
                            }
                        }
                    }
                    if entity.isEmpty {
                        try await s.forEachDocumentPage(pageSize: output.pageSize) { try write($0) }
                    } else {
                        try write(try await s.documents(mentioningAll: entity, limit: limit))
                    }
                }
            } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
        }
    }
}
