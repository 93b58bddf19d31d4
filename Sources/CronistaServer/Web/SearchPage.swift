import HTTPTypes
import CronistaStorage
import Hummingbird

/// `/`: quotes by speaker, words, dates (or an exact entity), newest first, 20 a page; with a
/// speaker, the matching entities too. Without any filter: the latest quotes.
enum SearchPage {
    static let pageSize = 20

    static func render(_ p: QueryParameters, _ state: ServerState) async throws -> Response {
        try p.rejectRepeated(["speaker", "q", "entity", "from", "to", "cursor"])
        var query = QuoteQuery(speaker: p["speaker"], words: p["q"], limit: pageSize)
        for name in ["from", "to"] where p[name] != nil && !QuoteQuery.isDate(p[name]!) {
            throw APIError(.badRequest, .invalidParameter, "\(name): '\(p[name]!)' is not a date (YYYY-MM-DD)")
        }
        query.from = p["from"]
        query.to = p["to"]
        if let c = p["cursor"] {
            guard let cursor = QuoteCursor(token: c) else {
                throw APIError(.badRequest, .invalidParameter, "cursor: not one this server gave")
            }
            query.after = cursor
        }
        var entityTitle: String?
        if let e = p["entity"] {
            guard let key = EntityKey(e) else { throw APIError(.badRequest, .invalidParameter, "entity: '\(e)' is not an entity id") }
            query.speakerEntity = key
            entityTitle = try await state.store.entity(key)?.name ?? key.id
        }
        let hits = try await state.store.quotes(query)
        var entities: [EntityHit] = []
        if let speaker = p["speaker"] { entities = try await state.store.entities(named: speaker, limit: 10) }

        func field(_ name: String, _ label: String, _ type: String = "search", placeholder: String = "") -> String {
            """
            <label>\(label)<input type="\(type)" name="\(name)" value="\(HTML.escape(p[name] ?? ""))" placeholder="\(HTML.escape(placeholder))"></label>
            """
        }
        var body = """
            <h1>Who said what</h1>
            <form class="search" method="get" action="/">
            \(field("speaker", "Speaker", placeholder: "Lukashenko, Q2866…"))
            \(field("q", "Words in the quote", placeholder: "Europa"))
            \(field("from", "From", "date"))
            \(field("to", "To", "date"))
            \(p["entity"].map { "<input type=\"hidden\" name=\"entity\" value=\"\(HTML.escape($0))\">" } ?? "")
            <button type="submit">Search</button>
            </form>
            """
        if !entities.isEmpty {
            body += "<h2>Entities named “\(HTML.escape(p["speaker"] ?? ""))”</h2><ul class=\"plain\">"
            for e in entities {
                body += """
                    <li><a href="\(HTML.escape(HTML.entityURL(e.key.id)))">\(HTML.escape(e.name))</a> <span class="tag">\(HTML.escape(e.type))</span> \
                    <span class="meta">\(e.kb.map { HTML.escape($0) + " · " } ?? "")\(e.documents) document\(e.documents == 1 ? "" : "s"), \(e.mentions) mention\(e.mentions == 1 ? "" : "s")</span></li>
                    """
            }
            body += "</ul>"
        }
        let filtered = p["speaker"] != nil || p["q"] != nil || p["from"] != nil || p["to"] != nil || p["entity"] != nil
        let heading = entityTitle.map { "Quotes of \(HTML.escape($0))" } ?? (filtered ? "Quotes" : "Latest quotes")
        body += "<h2>\(heading)</h2>"
        if hits.isEmpty {
            body += "<p class=\"meta\">No quote matches.</p>"
        }
        for h in hits { body += quoteCard(h) }
        if hits.count == pageSize, let next = hits.last.flatMap(QuoteCursor.init(after:)) {
            let url = HTML.searchURL([
                ("speaker", p["speaker"]), ("q", p["q"]), ("from", p["from"]), ("to", p["to"]), ("entity", p["entity"]),
                ("cursor", next.token)
            ])
            body += "<nav class=\"pages\"><a rel=\"next\" href=\"\(HTML.escape(url))\">More quotes →</a></nav>"
        }
        let title =
            p["speaker"].map { "Quotes of \(HTML.escape($0))" } ?? entityTitle.map { "Quotes of \(HTML.escape($0))" } ?? "Search quotes"
        return WebPage.page(title: title, body: body)
    }
}
