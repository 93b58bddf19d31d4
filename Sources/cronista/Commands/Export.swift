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
            The filters are those of `cronista search`. Quotes and events are read from the store a page at a time and \
            written as they come, so the whole archive exports with flat memory. CSV follows RFC 4180 (a header row, \
            CRLF line ends, quoted fields), in UTF-8; offsets are Unicode code points into the document's text.
            """,
        subcommands: [Quotes.self, Events.self, Entities.self, Documents.self]
    )

    struct Output: ParsableArguments {
        @Option(help: "csv, jsonl or parquet.")
        var format: ExportFormat = .csv
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var output: String?
        @Option(help: ArgumentHelp("Rows read from the store at a time (quotes and events).", visibility: .hidden))
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
            var csv = CSVWriter(capacity: 1 << 16)
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
        static let configuration = CommandConfiguration(abstract: "Entities by name, alias or KB id, with their mention counts.")

        @Option(help: "Name, one word of it, an alias or a KB id.")
        var name: String
        @Option(help: "At most this many entities.")
        var limit: Int = 10000
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func validate() throws { if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") } }

        func run() async throws {
            let s = try await store.openExisting()
            let hits = try await s.entities(named: name, limit: limit)
            try await s.close()
            try await output.run(columns: ExportTable.entityColumns) { emit in
                for h in hits {
                    try emit(ExportTable.row(h)) {
                        var w = JSONWriter(capacity: 128)
                        w.entity(h, entityIDs: false)
                        return w.bytes + [0x0A]
                    }
                }
            }
        }
    }

    struct Documents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Documents that mention every given entity.")

        @Option(help: "An entity (name, alias or KB id); repeat for entities that must appear together.")
        var entity: [String] = []
        @Option(help: "At most this many documents.")
        var limit: Int = 10000
        @OptionGroup var output: Output
        @OptionGroup var store: StoreOptions

        func validate() throws {
            if entity.isEmpty { throw ValidationError("give at least one --entity") }
            if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
        }

        func run() async throws {
            let s = try await store.openExisting()
            let hits = try await s.documents(mentioningAll: entity, limit: limit)
            try await s.close()
            try await output.run(columns: ExportTable.documentColumns) { emit in
                for h in hits {
                    try emit(ExportTable.row(h)) {
                        var w = JSONWriter(capacity: 128)
                        w.document(h)
                        return w.bytes + [0x0A]
                    }
                }
            }
        }
    }
}
