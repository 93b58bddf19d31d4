import HTTPTypes
import CronistaStorage
import Hummingbird

/// `/entities/{id}`: one entity, its quotes over time (a bar per month, then the quotes of each
/// month, newest first) and the entities it appears with.
enum EntityPage {
    static let quoteLimit = 200

    static func render(_ key: EntityKey, _ state: ServerState) async throws -> Response {
        guard let entity = try await state.store.entity(key) else {
            throw APIError(.notFound, .notFound, "no entity '\(key.id)' in the store")
        }
        async let quotesTask = state.store.quotes(QuoteQuery(speakerEntity: key, limit: quoteLimit))
        async let withTask = state.store.coMentions(of: key, limit: 30)
        let (quotes, with) = try await (quotesTask, withTask)

        var body = """
            <h1>\(HTML.escape(entity.name))</h1>
            <p class="meta"><span class="tag">\(HTML.escape(entity.type))</span> \(entity.kb.map { "KB " + HTML.escape($0) + " · " } ?? "")\
            \(entity.documents) document\(entity.documents == 1 ? "" : "s") · \(entity.mentions) mention\(entity.mentions == 1 ? "" : "s") · \
            \(quotes.count == quoteLimit ? "\(quoteLimit)+" : "\(quotes.count)") quote\(quotes.count == 1 ? "" : "s")</p>
            """
        // Quotes over time: by month of publication.
        var months: [(String, [QuoteHit])] = []
        for q in quotes {
            let month = q.published.map { String($0.prefix(7)) } ?? "undated"
            if months.last?.0 == month { months[months.count - 1].1.append(q) } else { months.append((month, [q])) }
        }
        body += "<h2>Quotes over time</h2>"
        if quotes.isEmpty {
            body += "<p class=\"meta\">No quote of \(HTML.escape(entity.name)) in the store.</p>"
        } else {
            let most = months.map(\.1.count).max() ?? 1
            body += "<div class=\"bars\" role=\"list\">"
            for (month, qs) in months {
                let width = max(2, 100 * qs.count / most)
                body += """
                    <a role="listitem" href="#m-\(HTML.escape(month))">\(HTML.escape(month))</a><div class="bar" style="width:\(width)%"></div><span>\(qs.count)</span>
                    """
            }
            body += "</div>"
            for (month, qs) in months {
                body += "<h3 id=\"m-\(HTML.escape(month))\">\(HTML.escape(month))</h3>"
                for q in qs { body += quoteCard(q) }
            }
            if quotes.count == quoteLimit {
                body +=
                    "<nav class=\"pages\"><a href=\"\(HTML.escape(HTML.searchURL([("entity", key.id)])))\">All quotes, page by page →</a></nav>"
            }
        }
        body += "<h2>Appears with</h2>"
        if with.isEmpty {
            body += "<p class=\"meta\">No other entity in its documents.</p>"
        } else {
            body += "<ul class=\"plain\">"
            for e in with {
                body += """
                    <li><a href="\(HTML.escape(HTML.entityURL(e.key.id)))">\(HTML.escape(e.name))</a> <span class="tag">\(HTML.escape(e.type))</span> \
                    <span class="meta">in \(e.documents) shared document\(e.documents == 1 ? "" : "s")</span></li>
                    """
            }
            body += "</ul>"
        }
        return WebPage.page(title: HTML.escape(entity.name), body: body)
    }
}
