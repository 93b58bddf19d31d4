import CronistaStorage
import Foundation
import HTTPTypes
import Hummingbird

/// `/sources`: the followed feeds, sitemaps and pages, each with when it was last fetched, when it
/// is checked next, how many articles it gave, and its failures and last error; the ones failing
/// now come first. Adding and removing stay with `/v1/sources` (they need the token) and
/// `cronista sources`.
enum SourcesPage {
    static func render(_ state: ServerState, request: Request) async throws -> Response {
        let t = WebStrings(request)
        let list = try await APIRoutes.sourceStore(state).sources().sorted { a, b in
            (a.failures > 0 ? 0 : 1, a.name ?? a.url) < (b.failures > 0 ? 0 : 1, b.name ?? b.url)
        }
        var body = "<h1>\(HTML.escape(t["sources.heading"]))</h1>"
        if list.isEmpty {
            body += "<p class=\"meta\">\(HTML.escape(t["sources.none"]))</p>"
        } else {
            let failing = list.filter { $0.failures > 0 }.count
            body += "<p class=\"meta\">\(HTML.escape(t.count(list.count, "source")))"
            if failing > 0 { body += " · <span class=\"failing\">\(HTML.escape(t["sources.failing", String(failing)]))</span>" }
            body += "</p>\n<table class=\"sources\">\n<thead><tr>"
            for key in [
                "sources.source", "sources.kind", "sources.articles", "sources.last-fetched", "sources.next-check", "sources.errors"
            ] {
                body += "<th scope=\"col\">\(HTML.escape(t[key]))</th>"
            }
            body += "</tr></thead>\n<tbody>\n"
            for s in list {
                let name = s.name.map { "\(HTML.escape($0))<br><span class=\"meta\">\(HTML.escape(s.url))</span>" } ?? HTML.escape(s.url)
                let errors =
                    s.failures == 0
                    ? "<td class=\"ok\">—</td>"
                    : "<td class=\"error\">\(HTML.escape(t.count(s.failures, "failure")))"
                        + (s.lastError.map { ": \(HTML.escape($0))" } ?? "") + "</td>"
                body += """
                    <tr data-url="\(HTML.escape(s.url))" data-failures="\(s.failures)"><td><a href="\(HTML.escape(s.url))" rel="nofollow">\(name)</a></td>\
                    <td>\(HTML.escape(s.kind.rawValue))</td><td class="num">\(s.articles)</td>\
                    <td>\(HTML.escape(s.lastFetched.map(Self.time) ?? t["sources.never"]))</td>\
                    <td>\(HTML.escape(s.nextPoll.map(Self.time) ?? t["sources.at-next-update"]))</td>\(errors)</tr>

                    """
            }
            body += "</tbody>\n</table>"
        }
        body += "<p class=\"meta\">\(HTML.escape(t["sources.how-to-add"]))</p>"
        return WebPage.page(title: HTML.escape(t["sources.heading"]), body: body, strings: t, request: request)
    }

    /// A moment as UTC date and minute (`2026-03-02 09:00 UTC`).
    static func time(_ d: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let p = c.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(p.year ?? 0)-\(two(p.month))-\(two(p.day)) \(two(p.hour)):\(two(p.minute)) UTC"
    }
}
