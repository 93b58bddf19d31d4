import HTTPTypes
import CronistaCore
import CronistaStorage
import Foundation
import Hummingbird

/// `/documents/{id}`: the text with its entity mentions and quotes highlighted (each mention and
/// each quote's speaker linked to the entity page), then the list of quotes and of entities.
enum DocumentPage {
    /// The parts of the stored analysis JSON the page shows (code-point offsets).
    struct Analysis {
        struct Entity {
            var id: String, type: String, name: String, kb: String?, mentions: [(Int, Int)]
            /// The entity's page: worked out once here, not for every highlighted mention.
            var url: String

            init(id: String, type: String, name: String, kb: String?, mentions: [(Int, Int)]) {
                (self.id, self.type, self.name, self.kb, self.mentions) = (id, type, name, kb, mentions)
                url = HTML.entityURL(EntityKey(kb: kb, type: type, name: name).id)
            }
        }
        struct Quote {
            var id: String, kind: String, start: Int, end: Int
            var cue: String?
            var cueSpan: (Int, Int)?
            var speakerEntity: String?
            var speakerSpan: (Int, Int)?
            var speakerText: String?
            /// Ids of the entities the quote is about (`e5`, …), in order.
            var about: [String] = []
        }
        /// An event's trigger, with what its tooltip says.
        struct Event {
            var id: String, type: String, mode: String?, date: String?, start: Int, end: Int
        }
        struct Time {
            var id: String, type: String, value: String, start: Int, end: Int
        }
        var entities: [Entity] = []
        var quotes: [Quote] = []
        var events: [Event] = []
        var times: [Time] = []

        init(json: String) {
            guard let root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return }
            func span(_ d: [String: Any]) -> (Int, Int)? {
                guard let s = d["start"] as? Int, let e = d["end"] as? Int else { return nil }
                return (s, e)
            }
            for e in root["entities"] as? [[String: Any]] ?? [] {
                entities.append(
                    Entity(
                        id: e["id"] as? String ?? "", type: e["type"] as? String ?? "", name: e["name"] as? String ?? "",
                        kb: e["kb"] as? String, mentions: (e["mentions"] as? [[String: Any]] ?? []).compactMap(span)))
            }
            for q in root["quotes"] as? [[String: Any]] ?? [] {
                guard let (s, e) = span(q) else { continue }
                let speaker = q["speaker"] as? [String: Any]
                quotes.append(
                    Quote(
                        id: q["id"] as? String ?? "", kind: q["kind"] as? String ?? "", start: s, end: e,
                        cue: (q["cue"] as? [String: Any])?["text"] as? String, cueSpan: (q["cue"] as? [String: Any]).flatMap(span),
                        speakerEntity: speaker?["entity"] as? String,
                        speakerSpan: speaker.flatMap(span), speakerText: speaker?["text"] as? String,
                        about: q["about"] as? [String] ?? []))
            }
            for e in root["events"] as? [[String: Any]] ?? [] {
                guard let (s, t) = (e["trigger"] as? [String: Any]).flatMap(span) else { continue }
                events.append(
                    Event(
                        id: e["id"] as? String ?? "", type: e["type"] as? String ?? "", mode: e["mode"] as? String,
                        date: e["date"] as? String, start: s, end: t))
            }
            for x in root["times"] as? [[String: Any]] ?? [] {
                guard let (s, t) = span(x) else { continue }
                times.append(
                    Time(
                        id: x["id"] as? String ?? "", type: x["type"] as? String ?? "", value: x["value"] as? String ?? "", start: s, end: t
                    ))
            }
        }

        func entity(_ id: String?) -> Entity? { id.flatMap { id in entities.first { $0.id == id } } }
    }

    /// How many documents of its story the page lists.
    static let storyLimit = 20

    /// "Same story in N other documents", each linked (date, source, title), or nothing when the
    /// document is alone in its story.
    static func storyLine(_ story: Story?, of id: String, strings t: WebStrings) -> String {
        guard let story, story.size > 1 else { return "" }
        var out = "<div class=\"story\" data-story-size=\"\(story.size)\"><p class=\"meta\">"
        out += HTML.escape(t["document.same-story", t.count(story.size - 1, "other-document")]) + "</p><ul class=\"plain\">"
        for d in story.others(than: id) {
            let label = [d.published, d.source].compactMap { $0 }.joined(separator: " · ")
            out += """
                <li><a href="\(HTML.escape(HTML.documentURL(d.id)))">\(HTML.escape(d.title ?? d.id))</a> \
                <span class="meta">\(HTML.escape(label))</span></li>
                """
        }
        return out + "</ul></div>"
    }

    static func render(_ id: String, _ state: ServerState, request: Request) async throws -> Response {
        let t = WebStrings(request)
        guard let doc = try await state.store.document(id: id) else {
            throw APIError(.notFound, .notFound, "no document '\(id)' in the store")
        }
        let a = Analysis(json: doc.analysisJSON)
        // A document stored without a title shows its headline when its first line is clearly one.
        let title = doc.hit.title ?? Headline.title(of: doc.text) ?? doc.hit.id
        var meta: [String] = []
        if let p = doc.hit.published { meta.append(HTML.escape(p)) }
        if let s = doc.hit.source { meta.append(HTML.escape(s)) }
        meta.append(HTML.escape(t["document.language", doc.hit.language]))
        if let u = doc.url, u.hasPrefix("http://") || u.hasPrefix("https://") {
            meta.append("<a href=\"\(HTML.escape(u))\" rel=\"noopener noreferrer\">\(HTML.escape(t["document.original"]))</a>")
        }
        meta.append("<a href=\"/v1/documents/\(HTML.escape(percentEncoded(doc.hit.id)))\">JSON</a>")
        var body = """
            <h1>\(HTML.escape(title))</h1>
            <p class="meta">\(meta.joined(separator: " · "))</p>
            \(storyLine(try await state.store.story(of: doc.hit.id, limit: storyLimit), of: doc.hit.id, strings: t))
            \(legend(t))
            <div class="text" id="text">\(highlighted(doc.text, a))</div>
            """
        body += "<h2>\(HTML.escape(t["document.quotes"]))</h2>"
        if a.quotes.isEmpty { body += "<p class=\"meta\">\(HTML.escape(t["document.no-quotes"]))</p>" }
        let scalars = Array(doc.text.unicodeScalars)
        for q in a.quotes {
            let entity = a.entity(q.speakerEntity)
            let name = entity?.name ?? q.speakerText ?? t["quote.unknown-source"]
            let who =
                entity.map { "<a class=\"speaker\" href=\"\(HTML.escape($0.url))\">\(HTML.escape(name))</a>" }
                ?? "<span class=\"speaker\">\(HTML.escape(name))</span>"
            // An attribution inside the content (`"X," she said. "Y."`, one quote in English) as ` … `,
            // as the CLI shows it.
            var content = ""
            if q.start >= 0 && q.end <= scalars.count && q.start <= q.end {
                let piece = String(String.UnicodeScalarView(scalars[q.start..<q.end]))
                // The stored spans count scalars; the interruption is found in UTF-8 offsets within the piece.
                func utf8(_ k: Int) -> Int { scalars[q.start..<(q.start + k)].reduce(0) { $0 + UTF8.width($1) } }
                let spans = [q.cueSpan, q.speakerSpan].map { $0.map { $0.0..<max($0.0, $0.1) } }
                let cut = CronistaCore.Quote.attribution(inside: q.start..<q.end, parts: spans).flatMap {
                    CronistaCore.Quote.interruption(in: Substring(piece), around: utf8($0.lowerBound)..<utf8($0.upperBound))
                }
                content = CronistaCore.Quote.displayedText(Substring(piece), interruption: cut)
            }
            let aboutLinks = q.about.compactMap { a.entity($0) }.map {
                "<a class=\"about\" href=\"\(HTML.escape($0.url))\">\(HTML.escape($0.name))</a>"
            }
            let about =
                aboutLinks.isEmpty
                ? "" : "\n<div class=\"meta about\">\(HTML.escape(t["quote.about"])): \(aboutLinks.joined(separator: ", "))</div>"
            body += """
                <article class="quote" data-quote="\(HTML.escape(q.id))" data-speaker="\(HTML.escape(name))">
                \(HTML.quoteBlock(content, kind: q.kind))
                <div class="meta"><span class="kind" data-kind="\(HTML.escape(q.kind))">\(HTML.escape(t["kind." + q.kind]))</span> · \(who)\(q.cue.map { " · <span class=\"cue\">\(HTML.escape($0))</span>" } ?? "") · <a href="#\(HTML.escape(q.id))">\(HTML.escape(t["quote.in-text"]))</a></div>\(about)
                </article>
                """
        }
        body += "<h2>\(HTML.escape(t["document.entities"]))</h2><ul class=\"plain\">"
        for e in a.entities.sorted(by: { ($0.mentions.count, $1.name) > ($1.mentions.count, $0.name) }) {
            body += """
                <li><a href="\(HTML.escape(e.url))">\(HTML.escape(e.name))</a> <span class="tag">\(HTML.escape(e.type))</span> \
                <span class="meta">\(e.kb.map { HTML.kbLink($0) + " · " } ?? "")\(t.count(e.mentions.count, "mention"))</span></li>
                """
        }
        body += "</ul>"
        return WebPage.page(title: HTML.escape(title), body: body, strings: t, request: request)
    }

    /// What the highlight colours mean.
    static func legend(_ t: WebStrings) -> String {
        let items = [
            ("PER", "legend.person"), ("ORG", "legend.organization"), ("LOC", "legend.location"), ("q", "legend.quote"),
            ("spk", "legend.speaker"), ("ev", "legend.event"), ("tx", "legend.time")
        ]
        let spans = items.map { cls, key in "<span><span class=\"sw \(cls)\"></span>\(HTML.escape(t[key]))</span>" }
        return "<p class=\"legend\" aria-label=\"\(HTML.escape(t["legend.title"]))\">\(spans.joined())</p>"
    }

    /// The text cut at every span boundary; each piece wrapped in the quote it lies in (with the
    /// quote's anchor on its first piece and a link to its speaker after its last), in the event
    /// trigger or time expression it lies in (the event's anchor on its first piece), and in the
    /// entity mention or non-entity speaker it lies in. Always well nested.
    static func highlighted(_ text: String, _ a: Analysis) -> String {
        let scalars = Array(text.unicodeScalars)
        let n = scalars.count
        func valid(_ s: Int, _ e: Int) -> Bool { 0 <= s && s < e && e <= n }
        var mentionAt = [Int?](repeating: nil, count: n)  // entity index
        var quoteAt = [Int?](repeating: nil, count: n)  // quote index
        var speakerAt = [Bool](repeating: false, count: n)  // a speaker that is no entity
        for (i, e) in a.entities.enumerated() {
            for (s, t) in e.mentions where valid(s, t) { for k in s..<t where mentionAt[k] == nil { mentionAt[k] = i } }
        }
        for (i, q) in a.quotes.enumerated() {
            if valid(q.start, q.end) { for k in q.start..<q.end where quoteAt[k] == nil { quoteAt[k] = i } }
            if q.speakerEntity == nil, let (s, t) = q.speakerSpan, valid(s, t) { for k in s..<t { speakerAt[k] = true } }
        }
        // Event triggers first, then time expressions where no trigger is (one mark per piece).
        var markAt = [Int?](repeating: nil, count: n)  // event index, or events.count + time index
        for (i, e) in a.events.enumerated() where valid(e.start, e.end) {
            for k in e.start..<e.end where markAt[k] == nil { markAt[k] = i }
        }
        for (i, x) in a.times.enumerated() where valid(x.start, x.end) {
            for k in x.start..<x.end where markAt[k] == nil { markAt[k] = a.events.count + i }
        }
        var out = ""
        var started = Set<Int>()
        var k = 0
        while k < n {
            var end = k + 1
            while end < n, mentionAt[end] == mentionAt[k], quoteAt[end] == quoteAt[k], speakerAt[end] == speakerAt[k],
                markAt[end] == markAt[k]
            {
                end += 1
            }
            var piece = HTML.escape(String(String.UnicodeScalarView(scalars[k..<end])))
            if let m = mentionAt[k] {
                let e = a.entities[m]
                piece =
                    "<a class=\"m \(HTML.escape(e.type))\" href=\"\(HTML.escape(e.url))\" title=\"\(HTML.escape(e.name)) (\(HTML.escape(e.type)))\">\(piece)</a>"
            } else if speakerAt[k] {
                piece = "<span class=\"spk\">\(piece)</span>"
            }
            if let mark = markAt[k] {
                if mark < a.events.count {
                    let e = a.events[mark]
                    let anchor = started.insert(-1 - mark).inserted ? " id=\"\(HTML.escape(e.id))\"" : ""
                    let what = e.type + (e.mode.map { " · " + $0 } ?? "") + (e.date.map { ", " + $0 } ?? "")
                    piece =
                        "<span class=\"ev\"\(anchor) data-event=\"\(HTML.escape(e.id))\" data-type=\"\(HTML.escape(e.type))\" title=\"\(HTML.escape(e.id)): \(HTML.escape(what))\">\(piece)</span>"
                } else {
                    let x = a.times[mark - a.events.count]
                    piece =
                        "<span class=\"tx\" data-time=\"\(HTML.escape(x.id))\" data-value=\"\(HTML.escape(x.value))\" title=\"\(HTML.escape(x.type)) \(HTML.escape(x.value))\">\(piece)</span>"
                }
            }
            if let qi = quoteAt[k] {
                let q = a.quotes[qi]
                let anchor = started.insert(qi).inserted ? " id=\"\(HTML.escape(q.id))\"" : ""
                piece = "<span class=\"q\"\(anchor) data-quote=\"\(HTML.escape(q.id))\">\(piece)</span>"
                if end == q.end {
                    let entity = a.entity(q.speakerEntity)
                    let name = entity?.name ?? q.speakerText ?? "?"
                    let href = entity.map(\.url) ?? "#\(q.id)"
                    piece +=
                        "<sup class=\"qs\"><a href=\"\(HTML.escape(href))\" title=\"\(HTML.escape(q.id)): \(HTML.escape(name))\">\(HTML.escape(q.id)) \(HTML.escape(name))</a></sup>"
                }
            }
            out += piece
            k = end
        }
        return out
    }
}
