import HTTPTypes
import Hummingbird
import NIOCore

/// HTML text: every string that comes from a document, a store or a request goes through
/// ``escape(_:)``; markup is written only by this module.
enum HTML {
    /// A quote's words on a page: a quotation (kind `direct`) in «», a paraphrase (`indirect`, and
    /// `mixed`, whose own quoted words keep the marks of the text) without marks and set apart, so
    /// that reported speech never looks like someone's own words.
    static func quoteBlock(_ content: some StringProtocol, kind: String) -> String {
        kind == "direct"
            ? "<blockquote>«\(escape(content))»</blockquote>"
            : "<blockquote class=\"paraphrase\">\(escape(content))</blockquote>"
    }

    /// Escapes `& < > " '` (safe in text and in quoted attribute values).
    static func escape(_ s: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// The text on one line (line breaks become spaces).
    static func oneLine(_ s: String) -> String { s.split(whereSeparator: \.isNewline).joined(separator: " ") }

    /// `/entities/ID`, with the id escaped for the path.
    static func entityURL(_ id: String) -> String { "/entities/" + percentEncoded(id) }
    static func documentURL(_ id: String, quote: String? = nil) -> String {
        "/documents/" + percentEncoded(id) + (quote.map { "#" + percentEncoded($0) } ?? "")
    }

    /// A KB id, linked to its Wikidata page when it is a Wikidata id (`Q2866`); other ids (the
    /// curated `kb:…` ones) as text.
    static func kbLink(_ id: String) -> String {
        let isWikidata = id.count > 1 && id.first == "Q" && id.dropFirst().allSatisfy(\.isASCII) && id.dropFirst().allSatisfy(\.isNumber)
        guard isWikidata else { return escape(id) }
        return "<a class=\"kb\" href=\"https://www.wikidata.org/wiki/\(escape(id))\" rel=\"noopener noreferrer\">\(escape(id))</a>"
    }

    /// `/?a=1&b=2`, skipping nil values.
    static func searchURL(_ params: [(String, String?)]) -> String {
        let q = params.compactMap { k, v in v.map { "\(k)=\(percentEncoded($0))" } }
        return q.isEmpty ? "/" : "/?" + q.joined(separator: "&")
    }
}

/// The page frame: a small inline style sheet, a header with the search box, no script.
enum WebPage {
    static let style = """
        :root{--ink:#1d1d1f;--muted:#5f6368;--line:#e3e3e3;--accent:#0b57d0;--q:#fff4c2;--per:#e1f0ff;--org:#e8f5e2;--loc:#fbe7f3}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fafafa}
        header{background:#fff;border-bottom:1px solid var(--line);padding:.6rem 1rem}
        header a.home{font-weight:700;color:var(--ink);text-decoration:none;margin-right:1rem}
        main{max-width:52rem;margin:0 auto;padding:1rem}
        a{color:var(--accent)}
        h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
        h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
        form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
        form.search label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);flex:1 1 10rem}
        input{font:inherit;padding:.4rem .5rem;border:1px solid #bbb;border-radius:6px;width:100%}
        button{font:inherit;padding:.45rem 1rem;border:0;border-radius:6px;background:var(--accent);color:#fff}
        .meta{color:var(--muted);font-size:.9rem}
        article.quote{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;margin:.6rem 0}
        article.quote blockquote{margin:0 0 .3rem;font-size:1.02rem}
        article.quote blockquote.paraphrase{font-style:italic;color:#333}
        .kind{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
        .text{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;white-space:pre-wrap;overflow-wrap:anywhere}
        .q{background:var(--q)}
        a.m{text-decoration:none;color:inherit;border-radius:2px}
        a.m.PER{background:var(--per)} a.m.ORG{background:var(--org)} a.m.LOC{background:var(--loc)}
        .spk{border-bottom:1px dotted #a142f4}
        sup.qs a{white-space:nowrap;font-size:.7rem;text-decoration:none;background:#fff;border:1px solid var(--line);border-radius:4px;padding:0 .25rem;margin-left:.15rem}
        ul.plain{list-style:none;padding:0} ul.plain li{padding:.25rem 0;border-bottom:1px solid var(--line)}
        .bars{display:grid;grid-template-columns:5.5rem 1fr 2rem;gap:.2rem .5rem;align-items:center;font-size:.85rem}
        .bar{background:var(--accent);height:.8rem;border-radius:3px}
        svg.chart rect.quotes,.chart-legend rect.quotes{fill:var(--accent)} svg.chart rect.events,.chart-legend rect.events{fill:#b0603a} svg.chart{max-width:100%;height:auto}
        .tag{font-size:.75rem;border-radius:4px;padding:0 .3rem;background:#eee;color:var(--muted)}
        nav.pages{margin:1rem 0}
        nav.lang{float:right;font-size:.9rem} nav.lang a[aria-current]{font-weight:700;color:var(--ink);text-decoration:none}
        .legend{display:flex;flex-wrap:wrap;gap:.25rem .9rem;font-size:.85rem;color:var(--muted);margin:.25rem 0 .5rem}
        .legend span.sw{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;vertical-align:-.1rem;margin-right:.3rem;border:1px solid var(--line)}
        .sw.PER{background:var(--per)} .sw.ORG{background:var(--org)} .sw.LOC{background:var(--loc)} .sw.q{background:var(--q)}
        .sw.spk{background:#fff;border-bottom:1px dotted #a142f4}
        .ev{border-bottom:2px solid #d93025;font-weight:600} .tx{border-bottom:2px dashed #188038}
        .sw.ev{background:#fff;border-bottom:2px solid #d93025} .sw.tx{background:#fff;border-bottom:2px dashed #188038}
        ol.timeline{list-style:none;padding:0} ol.timeline li{padding:.3rem 0;border-bottom:1px solid var(--line)}
        ol.timeline time{font-variant-numeric:tabular-nums;color:var(--muted);margin-right:.3rem}
        ol.timeline .trigger{font-style:italic}
        header a.nav{margin-left:1rem;font-size:.9rem}
        table.sources{border-collapse:collapse;width:100%;font-size:.9rem} table.sources th,table.sources td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
        table.sources td.num{text-align:right} table.sources td.error,.failing{color:#a00}
        """

    /// A whole page; `title` and `body` are HTML (escape what goes in them). With the request, the
    /// header has the language switch, and a `?lang=` choice is remembered in a cookie.
    static func page(
        title: String, body: String, status: HTTPResponse.Status = .ok, strings: WebStrings = WebStrings(language: .en),
        request: Request? = nil
    ) -> Response {
        var languages = ""
        if let request {
            let links = WebStrings.Language.allCases.map { l in
                let current = l == strings.language ? " aria-current=\"true\"" : ""
                return
                    "<a href=\"\(HTML.escape(WebStrings.switchURL(request, to: l)))\" hreflang=\"\(l.rawValue)\" lang=\"\(l.rawValue)\"\(current)>\(l.name)</a>"
            }
            languages =
                "<nav class=\"lang\" aria-label=\"\(HTML.escape(strings["language.switch"]))\">\(links.joined(separator: " · "))</nav>"
        }
        let html = """
            <!DOCTYPE html>
            <html lang="\(strings.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Cronista</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>\(languages)<a class="home" href="/">Cronista</a><span class="meta">\(HTML.escape(strings["tagline"]))</span> \
            <a class="nav" href="/sources">\(HTML.escape(strings["nav.sources"]))</a></header>
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentLanguage: strings.language.rawValue]
        if let request, QueryParameters(request.uri.query)["lang"].flatMap(WebStrings.Language.init(rawValue:)) != nil {
            headers[.setCookie] = "lang=\(strings.language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func errorPage(_ e: APIError) -> Response {
        page(
            title: "Error \(e.status.code)",
            body: """
                <h1>\(e.status.code) \(HTML.escape(e.status.reasonPhrase))</h1>
                <p>\(HTML.escape(e.message))</p>
                <p><a href="/">Search quotes</a></p>
                """, status: e.status)
    }
}
