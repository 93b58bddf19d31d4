import HTTPTypes
import CronistaIngest
import CronistaNLP
import CronistaStorage
import Hummingbird
import Logging
import NIOCore

/// The JSON API under `/v1` (see `Resources/openapi.yaml`).
extension Router where Context == ServerContext {
    func addAPIRoutes(_ state: ServerState) {
        let timeout = state.configuration.requestTimeout
        route(.post, "/v1/analyze", timeout) { request, context in
            try APIRoutes.checkContentType(request)
            return try await state.admission.admit(request) { admitted in
                let parsed = try AnalyzeRequest(body: admitted.body, contentType: request.headers[.contentType])
                // Only the JSON is kept: each document's analysis is dropped as soon as it is written.
                let lines = try await state.analyser.analyse(parsed.items) { _, json in json }
                // Exactly what `cronista analyze` prints: one line per document.
                var out = ByteBuffer()
                out.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
                for line in lines {
                    out.writeBytes(line)
                    out.writeInteger(UInt8(0x0A))
                }
                return APIRoutes.response(
                    out, type: parsed.isBatch ? "application/x-ndjson; charset=utf-8" : "application/json; charset=utf-8")
            }
        }

        route(.post, "/v1/documents", timeout) { request, context in
            try APIRoutes.authorise(request, state)
            try APIRoutes.checkContentType(request)
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["replace"])
            let replacing: Bool
            // The schema's closed list (`true`, `false`, blank): a value of spaces or control
            // characters is none of them.
            switch p.exact("replace") {
            case nil, "", "false": replacing = false
            case "true": replacing = true
            case let other?: throw APIError(.badRequest, .invalidParameter, "replace: \(other.debugDescription) is not true or false")
            }
            let result = try await state.admission.admit(request) { admitted in
                let parsed = try AnalyzeRequest(body: admitted.body, contentType: request.headers[.contentType])
                let docs = try await state.analyser.analyse(parsed.items) { doc, json in
                    try StorableDocument(document: doc, analysisJSON: json)
                }
                return try await state.store.store(docs, replacing: replacing)
            }
            state.metrics.stored(result.stored.count + result.replaced.count)
            context.logger.info(
                "documents stored",
                metadata: [
                    "stored": "\(result.stored.count)", "replaced": "\(result.replaced.count)",
                    "skipped": "\(result.skipped.count + result.conflicts.count)"
                ])
            var w = JSONWriter(capacity: 256)
            w.beginObject()
            w.key("stored"); w.beginArray(); for id in result.stored { w.string(id) }; w.endArray()
            // A conflict (the id stored with another text) is skipped unless replace=true.
            w.key("skipped"); w.beginArray(); for id in result.skipped + result.conflicts { w.string(id) }; w.endArray()
            if replacing { w.key("replaced"); w.beginArray(); for id in result.replaced { w.string(id) }; w.endArray() }
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes, status: result.stored.isEmpty && result.replaced.isEmpty ? .ok : .created)
        }

        route(.delete, "/v1/documents/{id}", timeout) { request, context in
            try APIRoutes.authorise(request, state)
            let ids = try APIRoutes.documentIDs(context)
            var deleted: String?
            for candidate in ids where deleted == nil {
                if try await state.store.delete(ids: [candidate]) == [candidate] { deleted = candidate }
            }
            guard let id = deleted else { throw APIError(.notFound, .notFound, "no document '\(ids[0])' in the store") }
            context.logger.info("document deleted", metadata: ["id": "\(id)"])
            return APIRoutes.jsonField("deleted", id)
        }

        route(.get, "/v1/quotes", timeout) { request, _ in
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["speaker", "about", "q", "entity", "from", "to", "source", "limit", "cursor", "clusters"])
            var query = try APIRoutes.quoteQuery(p, state)
            let clusters = try APIRoutes.flag(p, "clusters")
            try APIRoutes.addQuoteFilters(p, to: &query)
            if clusters {
                // One entry per statement (QuoteClustering) among up to 20 quotes a wanted entry.
                let limit = query.limit
                query.limit = min(APIRoutes.clusterReadLimit, limit * 20)
                let found = QuoteClustering.cluster(try await state.store.quotes(query)).prefix(limit)
                var w = JSONWriter(capacity: 1024)
                w.beginObject()
                w.key("quotes")
                w.beginArray()
                for c in found { w.quoteCluster(c) }
                w.endArray()
                w.key("next_cursor"); w.null()
                w.key("clusters"); w.bool(true)
                w.endObject()
                w.bytes.append(0x0A)
                return APIRoutes.json(w.bytes)
            }
            let hits = try await state.store.quotes(query)
            var w = JSONWriter(capacity: 1024)
            w.beginObject()
            w.quotePage(hits, limit: query.limit)
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes)
        }

        route(.get, "/v1/events", timeout) { request, _ in
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["type", "mode", "actor", "entity", "role", "from", "to", "document", "limit", "offset"])
            let query = try APIRoutes.eventQuery(p, state)
            let hits = try await state.store.events(query)
            var w = JSONWriter(capacity: 1024)
            w.beginObject()
            w.eventPage(hits, limit: query.limit, offset: query.offset)
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes)
        }

        route(.get, "/v1/entities", timeout) { request, _ in
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["name", "limit"])
            guard let name = p["name"] else {
                throw APIError(.badRequest, .invalidParameter, "name: required (a name, one word of it, an alias or a KB id)")
            }
            let limit = try APIRoutes.limit(p, state)
            let hits = try await state.store.entities(named: name, limit: limit)
            var w = JSONWriter(capacity: 512)
            w.beginObject()
            w.key("entities"); w.beginArray(); for h in hits { w.entity(h) }; w.endArray()
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes)
        }

        route(.get, "/v1/entities/{id}", timeout) { request, context in
            let key = try APIRoutes.entityKey(context)
            let p = QueryParameters(request.uri.query)
            try p.rejectRepeated(["from", "to", "limit", "cursor"])
            guard let entity = try await state.store.entity(key) else {
                throw APIError(.notFound, .notFound, "no entity '\(key.id)' in the store")
            }
            var query = try APIRoutes.quoteQuery(p, state)
            query.speakerEntity = key
            async let quotes = state.store.quotes(query)
            async let with = state.store.coMentions(of: key, limit: 50)
            let (hits, co) = try await (quotes, with)
            var w = JSONWriter(capacity: 2048)
            w.beginObject()
            w.key("entity"); w.entity(entity)
            w.quotePage(hits, limit: query.limit)
            w.key("co_mentions"); w.beginArray(); for h in co { w.entity(h) }; w.endArray()
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes)
        }

        route(.get, "/v1/documents/{id}", timeout) { _, context in
            let ids = try APIRoutes.documentIDs(context)
            var found: StoredDocument?
            for candidate in ids where found == nil {
                found = try await state.store.document(id: candidate)
            }
            guard let doc = found else { throw APIError(.notFound, .notFound, "no document '\(ids[0])' in the store") }
            var w = JSONWriter(capacity: doc.text.utf8.count + doc.analysisJSON.utf8.count + 256)
            w.beginObject()
            w.key("document")
            w.beginObject()
            w.documentFields(doc.hit)
            w.key("url"); w.optionalString(doc.url)
            w.key("text"); w.string(doc.text)
            w.endObject()
            w.key("analysis"); w.raw(Array(doc.analysisJSON.utf8))
            w.endObject()
            w.bytes.append(0x0A)
            return APIRoutes.json(w.bytes)
        }
    }

    /// Registers a handler that answers within `timeout` (503 `timeout` otherwise).
    func route(
        _ method: HTTPRequest.Method, _ path: RouterPath, _ timeout: Duration,
        _ handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        on(path, method: method) { request, context -> Response in
            try await withDeadline(timeout) { try await handler(request, context) }
        }
    }
}

/// Helpers shared by the API handlers.
enum APIRoutes {
    /// The media types an analysis body may be sent as (or none: then it is read as JSON, or as
    /// JSON Lines when it is not one JSON value).
    static let acceptedBodyTypes = [
        "application/json", "application/x-ndjson", "application/ndjson", "application/jsonl",
        "application/x-jsonlines", "application/jsonlines", "application/json-lines"
    ]

    /// 415 for a body declared as anything but JSON or JSON Lines (form data, text, XML…).
    static func checkContentType(_ request: Request) throws {
        guard let raw = request.headers[.contentType] else { return }
        let type = raw.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingPrefixAndSuffixSpaces().lowercased() } ?? ""
        if acceptedBodyTypes.contains(type) || (type.hasPrefix("application/") && type.hasSuffix("+json")) { return }
        throw APIError(
            .unsupportedMediaType, .unsupportedMediaType,
            "Content-Type '\(raw)' is not accepted: send application/json (one document) or application/x-ndjson (JSON Lines)")
    }

    /// `Authorization: Bearer TOKEN` against the server's token; 403 when it has none.
    static func authorise(_ request: Request, _ state: ServerState) throws {
        guard let token = state.configuration.token else {
            throw APIError(.forbidden, .readOnly, "this server is read-only: start it with --token (or CRONISTA_TOKEN) to accept documents")
        }
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer realm=\"cronista\""]
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, .unauthorized, "missing Authorization: Bearer <token>", headers: challenge)
        }
        let prefix = "Bearer "
        guard header.count > prefix.count, header.lowercased().hasPrefix("bearer "),
            constantTimeEqual(Array(header.utf8.dropFirst(prefix.utf8.count)), Array(token.utf8))
        else {
            throw APIError(.unauthorized, .unauthorized, "wrong bearer token", headers: challenge)
        }
    }

    /// Compares without an early exit, so the time taken does not tell how much of a guess was right.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return diff == 0
    }

    static func limit(_ p: QueryParameters, _ state: ServerState) throws -> Int {
        guard let s = p["limit"] else { return state.configuration.defaultPageSize }
        guard let n = Int(s), (1...state.configuration.maxPageSize).contains(n) else {
            throw APIError(.badRequest, .invalidParameter, "limit: '\(s)' is not a number from 1 to \(state.configuration.maxPageSize)")
        }
        return n
    }

    /// `from`, `to`, `limit` and `cursor`, checked.
    /// Quotes read to form one page of clusters.
    static let clusterReadLimit = 5_000

    /// A yes/no parameter: `true`/`1` or `false`/`0` (absent or blank: no); anything else is a 400.
    static func flag(_ p: QueryParameters, _ name: String) throws -> Bool {
        guard let v = p[name] else { return false }
        switch v {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError(.badRequest, .invalidParameter, "\(name): '\(v)' is not true, false, 1 or 0")
        }
    }

    static func quoteQuery(_ p: QueryParameters, _ state: ServerState) throws -> QuoteQuery {
        var q = QuoteQuery(limit: try limit(p, state))
        for name in ["from", "to"] {
            guard let d = p[name] else { continue }
            guard QuoteQuery.isDate(d) else { throw APIError(.badRequest, .invalidParameter, "\(name): '\(d)' is not a date (YYYY-MM-DD)") }
            if name == "from" { q.from = d } else { q.to = d }
        }
        if let c = p["cursor"] {
            guard let cursor = QuoteCursor(token: c) else {
                throw APIError(.badRequest, .invalidParameter, "cursor: not a cursor this server gave (use next_cursor as it is)")
            }
            q.after = cursor
        }
        return q
    }

    /// The quote filters of `GET /v1/quotes` and `GET /v1/export/quotes`: speaker, about, words,
    /// source, and an exact speaker entity (a bad entity id is a 400 naming the parameter).
    static func addQuoteFilters(_ p: QueryParameters, to query: inout QuoteQuery) throws {
        query.speaker = p["speaker"]
        query.about = p["about"]
        query.words = p["q"]
        query.source = p["source"]
        if let e = p["entity"] {
            guard let key = EntityKey(e) else {
                throw APIError(.badRequest, .invalidParameter, "entity: '\(e)' is not an entity id (Q… or TYPE:name)")
            }
            query.speakerEntity = key
        }
    }

    /// The largest `offset` an event search takes (deeper pages: narrow the filters).
    static let maxOffset = 100_000

    /// The filters of `GET /v1/events`, checked: a bad date, role, entity id or offset is a 400
    /// naming the parameter.
    static func eventQuery(_ p: QueryParameters, _ state: ServerState) throws -> EventQuery {
        var q = EventQuery(type: p["type"], mode: p["mode"], actor: p["actor"], documentID: p["document"], limit: try limit(p, state))
        for name in ["from", "to"] {
            guard let d = p[name] else { continue }
            guard QuoteQuery.isDate(d) else { throw APIError(.badRequest, .invalidParameter, "\(name): '\(d)' is not a date (YYYY-MM-DD)") }
            if name == "from" { q.from = d } else { q.to = d }
        }
        if let r = p["role"] {
            guard let role = EventQuery.Role(rawValue: r) else {
                throw APIError(.badRequest, .invalidParameter, "role: '\(r)' is not source, target or location")
            }
            q.role = role
        }
        if let e = p["entity"] {
            guard let key = EntityKey(e) else {
                throw APIError(.badRequest, .invalidParameter, "entity: '\(e)' is not an entity id (Q… or TYPE:name)")
            }
            q.actorEntity = key
        }
        if let o = p["offset"] {
            guard let n = Int(o), (0...maxOffset).contains(n) else {
                throw APIError(.badRequest, .invalidParameter, "offset: '\(o)' is not a number from 0 to \(maxOffset)")
            }
            q.offset = n
        }
        return q
    }

    static func pathParameter(_ context: ServerContext, _ name: String) throws -> String {
        guard let raw = context.parameters.get(name) else { throw APIError(.badRequest, .invalidParameter, "\(name): missing") }
        return QueryParameters.decodePercent(raw, plusIsSpace: false)
    }

    /// The ids a `/documents/{id}` path may name: the percent-decoded segment, as RFC 3986 reads it,
    /// and then, when the segment holds a `%`, the segment as written. Document ids are often URLs that
    /// carry percent escapes themselves, and a client that puts such an id into a path without escaping
    /// its `%` would otherwise never reach the document; the decoded reading always wins.
    static func documentIDs(_ context: ServerContext) throws -> [String] {
        let decoded = try pathParameter(context, "id")
        let raw = context.parameters.get("id") ?? decoded
        return raw != decoded && raw.contains("%") ? [decoded, raw] : [decoded]
    }

    static func entityKey(_ context: ServerContext) throws -> EntityKey {
        let id = try pathParameter(context, "id")
        guard let key = EntityKey(id) else {
            // No entity can have this id: as not found as an id that could.
            throw APIError(.notFound, .notFound, "no entity '\(id)': not an entity id (a KB id such as Q2866, or TYPE:folded_name)")
        }
        return key
    }

    /// `{"key": value}` on a line: the answer of a write that names what it did.
    static func jsonField(_ key: String, _ value: String) -> Response {
        var w = JSONWriter(capacity: 64 + value.utf8.count)
        w.beginObject()
        w.key(key); w.string(value)
        w.endObject()
        w.bytes.append(0x0A)
        return json(w.bytes)
    }

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var r = response(ByteBuffer(bytes: bytes), type: "application/json; charset=utf-8")
        r.status = status
        return r
    }

    static func response(_ body: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: body))
    }
}
