import CronistaServer
import CronistaStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/sources`: the followed sources as a table, failing ones first, on both backends.
@Suite("Sources page")
struct SourcesPageTests {
    @Test(
        "Each source with its articles, last fetch, next check and last error; failing first; escaped",
        arguments: ServerFixtures.Backend.allCases)
    func table(_ backend: ServerFixtures.Backend) async throws {
        guard let store = try await ServerFixtures.emptyStore(backend) else { return }
        let sources = try #require(store as? any SourceStore)
        let fetched = Date(timeIntervalSince1970: 1_772_442_000)  // 2026-03-02 09:00 UTC
        #expect(try await sources.addSource(FollowedSource(url: "https://giornale.example/rss.xml", name: "Il Giornale <di prova>")))
        #expect(try await sources.addSource(FollowedSource(url: "https://rotto.example/feed.xml")))
        #expect(try await sources.addSource(FollowedSource(url: "https://nuovo.example/sitemap.xml", kind: .sitemap)))
        var ok = try #require(try await sources.sources().first { $0.url == "https://giornale.example/rss.xml" })
        ok.lastFetched = fetched
        ok.nextPoll = fetched.addingTimeInterval(900)
        try await sources.recordPoll(ok)
        var bad = try #require(try await sources.sources().first { $0.url == "https://rotto.example/feed.xml" })
        bad.failures = 3
        bad.lastError = "HTTP 500 <server error>"
        bad.lastFetched = fetched
        bad.nextPoll = fetched.addingTimeInterval(3600)
        try await sources.recordPoll(bad)
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let html = try await WebPageTests.page(client, "/sources?lang=en")
            #expect(html.contains("<h1>Followed sources</h1>"))
            #expect(html.contains("3 sources · <span class=\"failing\">1 failing now</span>"))
            let rows = html.components(separatedBy: "<tr data-url=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(rows == ["https://rotto.example/feed.xml", "https://giornale.example/rss.xml", "https://nuovo.example/sitemap.xml"])
            #expect(html.contains("<td class=\"error\">3 failures: HTTP 500 &lt;server error&gt;</td>"))
            #expect(html.contains("Il Giornale &lt;di prova&gt;<br><span class=\"meta\">https://giornale.example/rss.xml</span>"))
            #expect(html.contains("<td>2026-03-02 09:00 UTC</td><td>2026-03-02 09:15 UTC</td><td class=\"ok\">—</td>"))
            #expect(html.contains("<td>sitemap</td><td class=\"num\">0</td><td>never</td><td>at the next update</td>"))
            // Every page links to it; in Italian too.
            #expect(html.contains("<a class=\"nav\" href=\"/sources\">Sources</a>"))
            let it = try await WebPageTests.page(client, "/sources?lang=it")
            #expect(it.contains("<h1>Fonti seguite</h1>") && it.contains("3 fonti") && it.contains("3 errori: HTTP 500"))
        }
        try await store.close()
    }

    @Test("Without sources the page says so")
    func empty() async throws {
        let store = try #require(try await ServerFixtures.emptyStore(.sqlite))
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let html = try await WebPageTests.page(client, "/sources?lang=en")
            #expect(html.contains("No source is followed yet.") && !html.contains("<table"))
        }
        try await store.close()
    }
}
