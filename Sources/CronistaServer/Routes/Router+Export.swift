import CronistaIngest
import CronistaNLP
import CronistaStorage
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /v1/export/quotes` and `GET /v1/export/events`: every hit of a search as one CSV (RFC 4180,
/// UTF-8, CRLF) or JSON Lines download, streamed a store page at a time (memory stays flat however
/// large the archive); the filters are those of `/v1/quotes` and `/v1/events`.
extension Router where Context == ServerContext {
    func addExportRoutes(_ state: ServerState) {
        get("/v1/export/quotes") { request, _ -> Response in
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["speaker", "about", "q", "entity", "from", "to", "source", "format", "guard_formulas"])
            let format = try ExportRoutes.format(p)
            let guardFormulas = try APIRoutes.flag(p, "guard_formulas")
            var query = try APIRoutes.quoteQuery(p, state)
            try APIRoutes.addQuoteFilters(p, to: &query)
            let (store, filters) = (state.store, query)
            return ExportRoutes.response(
                name: "quotes", format: format, guardFormulas: guardFormulas, columns: ExportTable.quoteColumns
            ) { emit in
                try await store.forEachQuotePage(filters) { page in
                    for h in page {
                        try await emit(ExportTable.row(h)) {
                            var w = JSONWriter(capacity: 256 + h.content.text.utf8.count)
                            w.quote(h)
                            return w.bytes
                        }
                    }
                }
            }
        }

        get("/v1/export/events") { request, _ -> Response in
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["type", "mode", "actor", "entity", "role", "from", "to", "document", "format", "guard_formulas"])
            let format = try ExportRoutes.format(p)
            let guardFormulas = try APIRoutes.flag(p, "guard_formulas")
            let query = try APIRoutes.eventQuery(p, state)
            let store = state.store
            return ExportRoutes.response(
                name: "events", format: format, guardFormulas: guardFormulas, columns: ExportTable.eventColumns
            ) { emit in
                try await store.forEachEventPage(query) { page in
                    for h in page {
                        try await emit(ExportTable.row(h)) {
                            var w = JSONWriter(capacity: 512)
                            w.event(h)
                            return w.bytes
                        }
                    }
                }
            }
        }
    }
}

enum ExportRoutes {
    enum Format: String { case csv, jsonl }

    static func format(_ p: QueryParameters) throws -> Format {
        guard let f = p["format"] else { return .csv }
        guard let format = Format(rawValue: f) else { throw APIError(.badRequest, .invalidParameter, "format: '\(f)' is not csv or jsonl") }
        return format
    }

    /// A streamed download: the CSV header, then each row `produce` emits, sent in blocks of 64 KB.
    /// `guardFormulas`: see `CSVWriter.guardsFormulas`.
    static func response(
        name: String, format: Format, guardFormulas: Bool = false, columns: [String],
        _ produce: @escaping @Sendable (_ emit: (_ csv: [String?], _ json: () -> [UInt8]) async throws -> Void) async throws -> Void
    ) -> Response {
        let type = format == .csv ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8"
        let body = ResponseBody { writer in
            var out = CSVWriter(capacity: 1 << 16, guardsFormulas: guardFormulas)
            if format == .csv { out.record(columns) }
            try await produce { fields, json in
                switch format {
                case .csv: out.record(fields)
                case .jsonl:
                    out.bytes.append(contentsOf: json())
                    out.bytes.append(0x0A)
                }
                if out.bytes.count >= 1 << 16 {
                    try await writer.write(ByteBuffer(bytes: out.bytes))
                    out.bytes.removeAll(keepingCapacity: true)
                }
            }
            if !out.bytes.isEmpty { try await writer.write(ByteBuffer(bytes: out.bytes)) }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name).\(format.rawValue)\""],
            body: body)
    }
}
