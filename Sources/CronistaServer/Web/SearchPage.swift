import HTTPTypes
import CronistaStorage
import Hummingbird

/// `/`: quotes by speaker, whom they are about, words, dates (or an exact entity), newest first,
/// 20 a page; with a speaker, the matching entities too. Without any filter: the latest quotes.
enum SearchPage {
    static let pageSize = 20

    static func render(_ p: QueryParameters, _ state: ServerState, request: Request) async throws -> Response {
        try p.rejectRepeated(["speaker", "about", "q", "entity", "from", "to", "cursor"])
        let t = WebStrings(request)
        var query = QuoteQuery(speaker: p["speaker"], about: p["about"], words: p["q"], limit: pageSize)
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
            <h1>\(HTML.escape(t["search.heading"]))</h1>
            <form class="search" method="get" action="/">
            \(field("speaker", HTML.escape(t["search.speaker"]), placeholder: "Lukashenko, Q2866…"))
            \(field("about", HTML.escape(t["search.about"]), placeholder: "Putin, Europa…"))
            \(field("q", HTML.escape(t["search.words"]), placeholder: "Europa"))
            \(field("from", HTML.escape(t["search.from"]), "date"))
            \(field("to", HTML.escape(t["search.to"]), "date"))
            \(p["entity"].map { "<input type=\"hidden\" name=\"entity\" value=\"\(HTML.escape($0))\">" } ?? "")
            <button type="submit">\(HTML.escape(t["search.submit"]))</button>
            </form>
            """
        if !entities.isEmpty {
            body += "<h2>\(HTML.escape(t["search.entities-named", p["speaker"] ?? ""]))</h2><ul class=\"plain\">"
            for e in entities {
                body += """
                    <li><a href="\(HTML.escape(HTML.entityURL(e.key.id)))">\(HTML.escape(e.name))</a> <span class="tag">\(HTML.escape(e.type))</span> \
                    <span class="meta">\(e.kb.map { HTML.kbLink($0) + " · " } ?? "")\(t.count(e.documents, "document")), \(t.count(e.mentions, "mention"))</span></li>
                    """
            }
            body += "</ul>"
        }
        let filtered = p["speaker"] != nil || p["about"] != nil || p["q"] != nil || p["from"] != nil || p["to"] != nil || p["entity"] != nil
        let heading = entityTitle.map { t["search.quotes-of", $0] } ?? (filtered ? t["search.quotes"] : t["search.latest"])
        body += "<h2>\(HTML.escape(heading))</h2>"
        if !hits.isEmpty {
            // Every quote of this search (not only this page), streamed by /v1/export/quotes.
            let filters = [
                ("speaker", p["speaker"]), ("about", p["about"]), ("q", p["q"]), ("from", p["from"]), ("to", p["to"]),
                ("entity", p["entity"])
            ]
            let csv = "/v1/export/quotes" + HTML.searchURL(filters + [("format", "csv")]).dropFirst()
            let jsonl = "/v1/export/quotes" + HTML.searchURL(filters + [("format", "jsonl")]).dropFirst()
            let sheet = "/v1/export/quotes" + HTML.searchURL(filters + [("format", "csv"), ("guard_formulas", "true")]).dropFirst()
            body += """
                <p class="meta download"><a href="\(HTML.escape(csv))" download>\(HTML.escape(t["search.download"]))</a> · \
                <a href="\(HTML.escape(jsonl))" download>\(HTML.escape(t["search.download-jsonl"]))</a> · \
                <a href="\(HTML.escape(sheet))" download>\(HTML.escape(t["search.download-spreadsheet"]))</a></p>
                """
        }
        if hits.isEmpty {
            body += "<p class=\"meta\">\(HTML.escape(t["search.none"]))</p>"
        }
        // The page's quotes collapsed to statements: one card per statement (its first appearance
        // on the page), with the documents that carry it.
        for c in QuoteClustering.cluster(hits) {
            body += quoteCard(c.first, strings: t)
            let docs = c.documents
            guard docs.count > 1 else { continue }
            let links = c.variants.dropFirst().filter { $0.documentID != c.first.documentID }.map { v in
                let label = [v.published, v.source].compactMap { $0 }.joined(separator: " · ")
                return
                    "<a href=\"\(HTML.escape(HTML.documentURL(v.documentID, quote: v.quoteID)))\">\(HTML.escape(label.isEmpty ? v.documentID : label))</a>"
            }
            body += """
                <p class="meta carried" data-carried-by="\(docs.count)">\(HTML.escape(t["search.carried-by", t.count(docs.count, "document")])): \
                \(links.joined(separator: ", "))</p>
                """
        }
        if hits.count == pageSize, let next = hits.last.flatMap(QuoteCursor.init(after:)) {
            let url = HTML.searchURL([
                ("speaker", p["speaker"]), ("about", p["about"]), ("q", p["q"]), ("from", p["from"]), ("to", p["to"]),
                ("entity", p["entity"]),
                ("cursor", next.token)
            ])
            body += "<nav class=\"pages\"><a rel=\"next\" href=\"\(HTML.escape(url))\">\(HTML.escape(t["search.more"]))</a></nav>"
        }
        let title = (p["speaker"] ?? entityTitle).map { t["search.quotes-of", $0] } ?? t["search.title"]
        return WebPage.page(title: HTML.escape(title), body: body, strings: t, request: request)
    }
}
