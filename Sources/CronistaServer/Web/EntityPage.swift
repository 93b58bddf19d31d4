import HTTPTypes
import CronistaCore
import CronistaStorage
import Foundation
import Hummingbird

/// `/entities/{id}`: one entity, its timeline (events and quotes by day), its quotes over time (a
/// bar per month, then the quotes of each month, newest first) and the entities it appears with.
enum EntityPage {
    static let quoteLimit = 200

    /// How many entities "Appears with" lists.
    static let appearsWithLimit = 12

    static func render(_ key: EntityKey, _ state: ServerState, request: Request) async throws -> Response {
        let t = WebStrings(request)
        guard let entity = try await state.store.entity(key) else {
            throw APIError(.notFound, .notFound, "no entity '\(key.id)' in the store")
        }
        async let quotesTask = state.store.quotes(QuoteQuery(speakerEntity: key, limit: quoteLimit))
        async let withTask = state.store.coMentions(of: key, limit: 60)
        async let timelineTask = state.store.timeline(of: key, limit: timelineLimit)
        // Quotes about it: by KB id when it has one, else by name (matched as a name key).
        async let aboutTask = state.store.quotes(QuoteQuery(about: entity.kb ?? entity.name, limit: quoteLimit))
        let (quotes, with, items, aboutIt) = try await (quotesTask, withTask, timelineTask, aboutTask)

        var body = """
            <h1>\(HTML.escape(entity.name))</h1>
            <p class="meta"><span class="tag">\(HTML.escape(entity.type))</span> \(entity.kb.map { "KB " + HTML.kbLink($0) + " · " } ?? "")\
            \(t.count(entity.documents, "document")) · \(t.count(entity.mentions, "mention")) · \
            \(quotes.count == quoteLimit ? t.count(quoteLimit, "quote").replacingOccurrences(of: "\(quoteLimit)", with: "\(quoteLimit)+") : t.count(quotes.count, "quote"))</p>
            """
        body += chart(buckets(items), strings: t)
        body += timeline(items, of: key, name: entity.name, strings: t)
        body += "<h2 id=\"talks-about\">\(HTML.escape(t["entity.talks-about"]))</h2>"
        body += rankedList(talksAbout(quotes, excluding: key), none: t["entity.talks-about-none"], strings: t)
        body += "<h2 id=\"talked-about\">\(HTML.escape(t["entity.talked-about"]))</h2>"
        body += rankedList(talkedAboutBy(aboutIt, excluding: key), none: t["entity.talked-about-none"], strings: t)
        // Quotes over time: by month of publication.
        var months: [(String, [QuoteHit])] = []
        for q in quotes {
            let month = q.published.map { String($0.prefix(7)) } ?? t["entity.undated"]
            if months.last?.0 == month { months[months.count - 1].1.append(q) } else { months.append((month, [q])) }
        }
        body += "<h2>\(HTML.escape(t["entity.over-time"]))</h2>"
        if quotes.isEmpty {
            body += "<p class=\"meta\">\(HTML.escape(t["entity.no-quotes", entity.name]))</p>"
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
                for q in qs { body += quoteCard(q, strings: t) }
            }
            if quotes.count == quoteLimit {
                body +=
                    "<nav class=\"pages\"><a href=\"\(HTML.escape(HTML.searchURL([("entity", key.id)])))\">\(HTML.escape(t["entity.all-quotes"]))</a></nav>"
            }
        }
        body += "<h2>\(HTML.escape(t["entity.appears-with"]))</h2>"
        let ranked = appearsWith(with)
        if ranked.isEmpty {
            body += "<p class=\"meta\">\(HTML.escape(t["entity.appears-with-none"]))</p>"
        } else {
            body += "<ul class=\"plain\">"
            for e in ranked.prefix(appearsWithLimit) {
                body += """
                    <li><a href="\(HTML.escape(HTML.entityURL(e.key.id)))">\(HTML.escape(e.name))</a> <span class="tag">\(HTML.escape(e.type))</span> \
                    <span class="meta">\(t.count(e.documents, "shared")) · \(t.count(e.mentions, "mention"))</span></li>
                    """
            }
            body += "</ul>"
            if ranked.count > appearsWithLimit {
                body += "<p class=\"meta\">\(HTML.escape(t["entity.appears-with-more", "\(ranked.count - appearsWithLimit)"]))</p>"
            }
        }
        return WebPage.page(title: HTML.escape(entity.name), body: body, strings: t, request: request)
    }

    /// The co-mentioned entities worth listing, best first: names only (a lower-case `esercito` is
    /// a description NER took for a name), one entry per name (`Libia` tagged LOC here and ORG
    /// there is one place), ranked by shared documents, then KB-linked first, then mentions.
    static func appearsWith(_ hits: [EntityHit]) -> [EntityHit] {
        var seen = Set<String>()
        var out: [EntityHit] = []
        let ranked = hits.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.documents != y.documents { return x.documents > y.documents }
            if (x.kb != nil) != (y.kb != nil) { return x.kb != nil }
            if x.mentions != y.mentions { return x.mentions > y.mentions }
            return a.offset < b.offset
        }
        for (_, h) in ranked {
            guard let first = h.name.first, !first.isLowercase else { continue }
            guard seen.insert(NameFolding.fold(h.name)).inserted else { continue }
            out.append(h)
        }
        return out
    }
}
