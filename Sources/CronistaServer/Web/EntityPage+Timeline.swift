import CronistaStorage

/// The entity page's timeline: the events the entity takes part in and the quotes it said, one
/// line each, newest first, with the day, the event type, the other participants and a link to
/// the place in the document.
extension EntityPage {
    static let timelineLimit = 200

    static func timeline(_ items: [TimelineItem], of key: EntityKey, name: String, strings t: WebStrings) -> String {
        var out = "<h2 id=\"timeline\">\(HTML.escape(t["entity.timeline"]))</h2>"
        guard !items.isEmpty else {
            return out + "<p class=\"meta\">\(HTML.escape(t["entity.no-timeline", name]))</p>"
        }
        out += "<ol class=\"timeline\">"
        for item in items {
            let day = item.day ?? t["entity.undated"]
            switch item {
            case .event(let e):
                // The other participants, by role, each linked to its page when it is an entity.
                var roles: [String] = []
                for role in EventQuery.Role.allCases {
                    let others = e.participants(role).filter { $0.entity != key }
                    guard !others.isEmpty else { continue }
                    let names = others.map { p -> String in
                        let label = HTML.escape(p.name ?? p.span.text)
                        guard let k = p.entity else { return "<span class=\"participant\">\(label)</span>" }
                        return "<a class=\"participant\" href=\"\(HTML.escape(HTML.entityURL(k.id)))\">\(label)</a>"
                    }
                    roles.append(
                        "<span class=\"role\" data-role=\"\(role.rawValue)\">\(HTML.escape(t["timeline." + role.rawValue])) \(names.joined(separator: ", "))</span>"
                    )
                }
                let own = EventQuery.Role.allCases.first { r in e.participants(r).contains { $0.entity == key } }
                let type = e.type + (e.mode.map { " · " + $0 } ?? "")
                out += """
                    <li class="tl event" data-day="\(HTML.escape(day))" data-type="\(HTML.escape(e.type))" data-document="\(HTML.escape(e.documentID))"\
                    \(own.map { " data-role=\"\($0.rawValue)\"" } ?? "")>\
                    <time>\(HTML.escape(day))</time> <span class="tag evtype">\(HTML.escape(type))</span> \
                    <span class="trigger">\(HTML.escape(HTML.oneLine(e.trigger.text)))</span>\(roles.isEmpty ? "" : " — " + roles.joined(separator: "; ")) · \
                    <a class="doc" href="\(HTML.escape(HTML.documentURL(e.documentID, quote: e.eventID)))">\(HTML.escape(e.title ?? e.documentID))</a></li>
                    """
            case .quote(let q):
                out += """
                    <li class="tl said" data-day="\(HTML.escape(day))" data-document="\(HTML.escape(q.documentID))">\
                    <time>\(HTML.escape(day))</time> <span class="tag">\(HTML.escape(t["timeline.quote"]))</span> \
                    <q>\(HTML.escape(clip(q.content.text, 160)))</q> · \
                    <a class="doc" href="\(HTML.escape(HTML.documentURL(q.documentID, quote: q.quoteID)))">\(HTML.escape(q.title ?? q.documentID))</a></li>
                    """
            }
        }
        return out + "</ol>"
    }

    /// The text on one line, at most `n` characters (cut with `…`).
    static func clip(_ s: String, _ n: Int) -> String {
        let flat = HTML.oneLine(s)
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }
}
