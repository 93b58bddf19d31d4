import CronistaCore
import CronistaStorage

/// The entity page's chart: its quotes and events on a time axis, one bar a month (a week when
/// everything falls within about three months), drawn on the server as SVG: quotes and events
/// stacked, each bar with its count in a tooltip (`<title>`).
extension EntityPage {
    struct Bucket: Equatable {
        var label: String
        var quotes = 0
        var events = 0
        var total: Int { quotes + events }
    }

    /// The dated items by month (`YYYY-MM`), or by ISO-like week (`YYYY-MM-DD` of its Monday)
    /// when the days span at most 13 weeks; months or weeks without an item are kept (empty), so
    /// that the axis is time. Undated items are left out.
    static func buckets(_ items: [TimelineItem]) -> [Bucket] {
        let dated = items.compactMap { i in i.day.flatMap { ChartDays.day($0) }.map { (i, $0) } }
        guard let lo = dated.map(\.1).min(), let hi = dated.map(\.1).max() else { return [] }
        let weekly = hi - lo <= 13 * 7
        func key(_ day: Int) -> Int { weekly ? day - ((day % 7 + 10) % 7) : ChartDays.monthIndex(day) }
        func label(_ k: Int) -> String { weekly ? ChartDays.date(k) : ChartDays.month(k) }
        let first = key(lo), last = key(hi)
        let step = weekly ? 7 : 1
        var out: [Int: Bucket] = [:]
        for k in stride(from: first, through: last, by: step) { out[k] = Bucket(label: label(k)) }
        for (item, day) in dated {
            switch item {
            case .quote: out[key(day)]?.quotes += 1
            case .event: out[key(day)]?.events += 1
            }
        }
        return stride(from: first, through: last, by: step).compactMap { out[$0] }
    }

    /// The SVG of `buckets` (nothing when there is none).
    static func chart(_ buckets: [Bucket], strings t: WebStrings) -> String {
        guard !buckets.isEmpty else { return "" }
        let height = 120, labelRoom = 18, top = 6
        // About 640 units wide: bars from 4 to 60 units, 2 apart.
        let gap = 2
        let bar = max(4, min(60, 640 / buckets.count - gap))
        let width = buckets.count * (bar + gap) + gap
        let most = max(1, buckets.map(\.total).max() ?? 1)
        let plot = height - labelRoom - top
        var svg = """
            <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" \
            role="img" aria-label="\(HTML.escape(t["entity.chart"]))">
            """
        // A label (about 56 units at font size 9) every so many bars, so that labels never overlap.
        let labelEvery = max(1, (56 + bar + gap - 1) / (bar + gap))
        for (i, b) in buckets.enumerated() {
            let x = gap + i * (bar + gap)
            let hq = b.quotes * plot / most, he = b.events * plot / most
            let tip = HTML.escape("\(b.label): \(t.count(b.quotes, "quote")), \(t.count(b.events, "event"))")
            svg +=
                "<g class=\"bucket\" data-bucket=\"\(HTML.escape(b.label))\" data-quotes=\"\(b.quotes)\" data-events=\"\(b.events)\"><title>\(tip)</title>"
            if b.events > 0 {
                svg += "<rect class=\"chart-bar events\" x=\"\(x)\" y=\(q(top + plot - he)) width=\"\(bar)\" height=\"\(max(1, he))\"/>"
            }
            if b.quotes > 0 {
                let y = top + plot - he - hq
                svg += "<rect class=\"chart-bar quotes\" x=\"\(x)\" y=\(q(y)) width=\"\(bar)\" height=\"\(max(1, hq))\"/>"
            }
            svg += "</g>"
            if i % labelEvery == 0 {
                svg += "<text x=\"\(x)\" y=\"\(height - 4)\" font-size=\"9\">\(HTML.escape(b.label))</text>"
            }
        }
        svg += "<line x1=\"0\" y1=\"\(top + plot)\" x2=\"\(width)\" y2=\"\(top + plot)\" stroke=\"currentColor\" stroke-width=\"0.5\"/>"
        svg += "</svg>"
        let legend = """
            <p class="meta chart-legend"><svg width="10" height="10" aria-hidden="true"><rect class="quotes" width="10" height="10"/></svg> \
            \(HTML.escape(t["timeline.quote"])) <svg width="10" height="10" aria-hidden="true"><rect class="events" width="10" height="10"/></svg> \
            \(HTML.escape(t["legend.event"]))</p>
            """
        return "<figure class=\"chart\">" + svg + legend + "</figure>"
    }

    private static func q(_ n: Int) -> String { "\"\(n)\"" }

    /// The entities its quotes are about, most often first (ties by name): `(key, name, count)`.
    static func talksAbout(_ quotes: [QuoteHit], excluding key: EntityKey) -> [(EntityKey, String, Int)] {
        var count: [EntityKey: (String, Int)] = [:]
        for q in quotes {
            for a in Set(q.about.map(\.key)) where a != key {
                let name = q.about.first { $0.key == a }?.name ?? a.id
                count[a, default: (name, 0)].1 += 1
            }
        }
        return count.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.1 < $1.1 }
    }

    /// The speakers of quotes about it, most quotes first: `(key, name, count)`.
    static func talkedAboutBy(_ quotes: [QuoteHit], excluding key: EntityKey) -> [(EntityKey, String, Int)] {
        var count: [EntityKey: (String, Int)] = [:]
        for q in quotes {
            guard let s = q.speakerEntity, s != key else { continue }
            count[s, default: (q.speakerName ?? s.id, 0)].1 += 1
        }
        return count.map { ($0.key, $0.value.0, $0.value.1) }.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.1 < $1.1 }
    }

    /// A list of entities with counts, each linked to its page.
    static func rankedList(_ rows: [(EntityKey, String, Int)], none: String, strings t: WebStrings) -> String {
        guard !rows.isEmpty else { return "<p class=\"meta\">\(HTML.escape(none))</p>" }
        var out = "<ul class=\"plain\">"
        for (k, name, n) in rows.prefix(appearsWithLimit) {
            out += """
                <li><a href="\(HTML.escape(HTML.entityURL(k.id)))">\(HTML.escape(name))</a> <span class="meta">\(t.count(n, "quote"))</span></li>
                """
        }
        return out + "</ul>"
    }
}

/// Day arithmetic on `YYYY-MM-DD` for the chart (days since 1970-01-01, proleptic Gregorian).
enum ChartDays {
    static func day(_ s: String) -> Int? { CivilDay.number(of: s) }

    static func civil(_ z: Int) -> (Int, Int, Int) {
        let d = CivilDay.date(z)
        return (d.year, d.month, d.day)
    }

    static func monthIndex(_ day: Int) -> Int {
        let (y, m, _) = civil(day)
        return y * 12 + m - 1
    }

    static func month(_ index: Int) -> String {
        let y = index / 12, m = index % 12 + 1
        return "\(y)-" + (m < 10 ? "0\(m)" : "\(m)")
    }

    static func date(_ day: Int) -> String {
        let (y, m, d) = civil(day)
        return "\(y)-" + (m < 10 ? "0\(m)" : "\(m)") + "-" + (d < 10 ? "0\(d)" : "\(d)")
    }
}
