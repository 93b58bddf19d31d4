import CronistaServer
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The HTML pages, rendered by the real router over the ingested seed.
@Suite("Web pages")
struct WebPageTests {
    static func page(_ client: some TestClientProtocol, _ uri: String, status: HTTPResponse.Status = .ok) async throws -> String {
        let r = try await client.execute(uri: uri, method: .get, headers: [.accept: "text/html"])
        #expect(r.status == status, "\(uri)")
        #expect(r.headers[.contentType] == "text/html; charset=utf-8")
        let html = String(buffer: r.body)
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(!html.contains("<script"), "no script on any page")
        return html
    }

    @Test("Search: the seed's quotes with Lukashenko as speaker, linked to his page and to the quote in the document")
    func search() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let html = try await Self.page(client, "/?speaker=Lukashenko")
            #expect(html.contains("<input type=\"search\" name=\"speaker\" value=\"Lukashenko\""))
            #expect(html.contains("data-speaker=\"Aleksander Lukashenko\""))
            #expect(html.contains("«Loro (i francesi, ndr) stanno cercando di spaventarci"))
            #expect(html.contains("<a class=\"speaker\" href=\"/entities/Q2866\">Aleksander Lukashenko</a>"))
            #expect(html.contains("href=\"/documents/000_193cd34c33125298#q"))
            #expect(html.contains("Entities named “Lukashenko”"))
            let words = try await Self.page(client, "/?q=spaventarci")
            #expect(words.components(separatedBy: "<article class=\"quote\"").count == 2, "one quote has the word")
            let home = try await Self.page(client, "/")
            #expect(home.contains("Latest quotes") && home.contains("data-speaker=\"Aleksander Lukashenko\""))
            _ = try await Self.page(client, "/?from=yesterday", status: .badRequest)
        }
        try await store.close()
    }

    @Test("Entity page: quotes by month, who it appears with; unknown entity: a 404 page")
    func entity() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let html = try await Self.page(client, "/entities/Q2866")
            #expect(html.contains("<h1>Aleksander Lukashenko</h1>"))
            #expect(html.contains("Quotes over time") && html.contains("<h3 id=\"m-2024-04\">2024-04</h3>"))
            #expect(html.contains("«Loro (i francesi, ndr)"))
            #expect(html.contains("Appears with") && html.contains("<a href=\"/entities/Q7747\">Vladimir Putin</a>"))
            let missing = try await Self.page(client, "/entities/Q0", status: .notFound)
            #expect(missing.contains("no entity &#39;Q0&#39;"))
        }
        try await store.close()
    }

    @Test("Document page: quotes and mentions highlighted in the text, each quote linked to its speaker")
    func document() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let html = try await Self.page(client, "/documents/000_193cd34c33125298")
            #expect(html.contains("<h1>Lukashenko: attacco alla Nato è una bugia</h1>"))
            let analysis = try #require(try await store.document(id: ServerFixtures.seedID)).analysisJSON
            let quotes =
                (try JSONSerialization.jsonObject(with: Data(analysis.utf8)) as? [String: Any])?["quotes"] as? [[String: Any]] ?? []
            #expect(quotes.count >= 4)
            for q in quotes {
                let id = try #require(q["id"] as? String)
                #expect(html.contains("<span class=\"q\" id=\"\(id)\" data-quote=\"\(id)\">"), "quote \(id) highlighted in the text")
                #expect(html.contains("<article class=\"quote\" data-quote=\"\(id)\""), "quote \(id) listed")
            }
            // A paraphrase never looks like a quotation: indirect and mixed quotes are listed without «»
            // (the seed's mixed one keeps its own marks: `Parigi non ha più "interesse" a…`).
            let indirect = quotes.filter { $0["kind"] as? String != "direct" }.compactMap { $0["text"] as? String }
            #expect(quotes.contains { $0["kind"] as? String == "mixed" } && quotes.contains { $0["kind"] as? String == "indirect" })
            for text in indirect {
                let shown = text.replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
                #expect(html.contains("<blockquote class=\"paraphrase\">\(shown)</blockquote>"), "\(text)")
                #expect(!html.contains("«\(shown)"), "\(text)")
            }
            #expect(html.contains("<blockquote>«Loro (i francesi, ndr)"))
            // Lukashenko's direct quote: in the text, linked to his page after it.
            let loro = try #require(quotes.first { ($0["text"] as? String)?.hasPrefix("Loro (i francesi") == true }?["id"] as? String)
            #expect(
                html.contains(
                    "<sup class=\"qs\"><a href=\"/entities/Q2866\" title=\"\(loro): Aleksander Lukashenko\">\(loro) Aleksander Lukashenko</a></sup>"
                ))
            #expect(
                html.contains("<a class=\"m PER\" href=\"/entities/Q2866\" title=\"Aleksander Lukashenko (PER)\">Aleksander Lukashenko</a>")
            )
            // The text is all there, in order, once the markup is removed.
            let start = try #require(html.range(of: "<div class=\"text\" id=\"text\">"))
            let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
            var plain = String(html[start.upperBound..<end.lowerBound])
            plain = plain.replacingOccurrences(of: "<sup class=\"qs\">.*?</sup>", with: "", options: .regularExpression)
            plain = plain.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            for (entity, char) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
                plain = plain.replacingOccurrences(of: entity, with: char)
            }
            #expect(plain == ServerFixtures.seedText)
            _ = try await Self.page(client, "/documents/nope", status: .notFound)
        }
        try await store.close()
    }

    @Test("Document page: an English quotation its attribution interrupts shows the attribution as ' … ', as the CLI does")
    func interruptedQuotation() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let text = "“We cannot keep patching it,” Laura Bennett told reporters at City Hall. “The work has to be done now.”"
        let body = ServerFixtures.jsonBody(["id": "bridge", "text": text, "language": "en"])
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let r = try await client.execute(
                uri: "/v1/documents", method: .post, headers: ServerFixtures.bearer, body: ByteBuffer(bytes: body))
            #expect(r.status == .created)
            let html = try await Self.page(client, "/documents/bridge")
            #expect(html.contains("<blockquote>«We cannot keep patching it, … The work has to be done now.»</blockquote>"), "\(html)")
            #expect(!html.contains("<blockquote>«We cannot keep patching it,” Laura Bennett"))
        }
        try await store.close()
    }

    @Test("Everything from a document or a request is HTML-escaped")
    func escaping() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        let state = ServerFixtures.state(store)
        let text = "Il ministro <b>Mario Rossi</b> ha detto: «<script>alert('x')</script> & basta». Lo riferisce \"Ansa\"."
        let body = ServerFixtures.jsonBody(["id": "x<y>", "text": text, "title": "<img src=x onerror=alert(1)>"])
        try await ServerFixtures.application(state).test(.router) { client in
            let r = try await client.execute(
                uri: "/v1/documents", method: .post, headers: ServerFixtures.bearer, body: ByteBuffer(bytes: body))
            #expect(r.status == .created)
            let html = try await Self.page(client, "/documents/x%3Cy%3E")
            #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"))
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; basta"))
            #expect(html.contains("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>"))
            let search = try await Self.page(client, "/?speaker=%3Cscript%3E&q=%22%3E%3Cb%3E")
            #expect(search.contains("value=\"&lt;script&gt;\"") && search.contains("value=\"&quot;&gt;&lt;b&gt;\""))
            #expect(!search.contains("<b>"))
        }
        try await store.close()
    }
}
