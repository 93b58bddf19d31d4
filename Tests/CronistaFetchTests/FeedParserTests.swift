import Foundation
import Testing

@testable import CronistaFetch

/// Feeds written for these tests, one per format, each with the fields a reader would look for.
@Suite struct FeedParserTests {
    let base = URL(string: "https://giornale-lago.example/feed/")!

    func parse(_ text: String) throws -> Feed {
        try FeedParser(baseURL: base).parse(Data(text.utf8))
    }

    @Test func rss2ItemsWithDatesAuthorsAndTTL() throws {
        let feed = try parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Il Giornale del Lago</title><link>https://giornale-lago.example/</link><ttl>30</ttl>
            <item><title>Riapre il porto di Lerici</title><link>https://giornale-lago.example/porto-riapre</link>
            <pubDate>Sat, 07 Mar 2026 23:30:00 +0100</pubDate><dc:creator>Marta Neri</dc:creator>
            <media:title>Foto del porto</media:title>
            <description><![CDATA[<p>Il molo è di nuovo agibile.</p>]]></description></item>
            <item><title>Relative link</title><link>/cronaca/traghetto</link><pubDate>Mon, 2 Feb 26 08:00 GMT</pubDate></item>
            <item><guid isPermaLink="false">tag:giornale-lago,2026:42</guid><title>No link at all</title></item>
            </channel></rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.title == "Il Giornale del Lago")
        #expect(feed.ttlMinutes == 30)
        #expect(feed.entries.count == 2)
        #expect(
            feed.entries[0]
                == FeedEntry(
                    link: "https://giornale-lago.example/porto-riapre", title: "Riapre il porto di Lerici", published: "2026-03-07",
                    author: "Marta Neri", summary: "<p>Il molo è di nuovo agibile.</p>"))
        #expect(feed.entries[1].link == "https://giornale-lago.example/cronaca/traghetto")
        #expect(feed.entries[1].published == "2026-02-02")
    }

    @Test func rss091UsesItsLinks() throws {
        let feed = try parse(
            """
            <rss version="0.91"><channel><title>Old</title><language>it</language>
            <item><title>Una</title><link>http://vecchio.example/1</link><description>Prima</description></item>
            </channel></rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.entries == [FeedEntry(link: "http://vecchio.example/1", title: "Una", summary: "Prima")])
    }

    @Test func rss10WithDublinCoreAndSyndicationPeriod() throws {
        let feed = try parse(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
            <channel rdf:about="https://rdf.example/"><title>RDF news</title><sy:updatePeriod>hourly</sy:updatePeriod>
            <sy:updateFrequency>2</sy:updateFrequency></channel>
            <item rdf:about="https://rdf.example/a"><title>A</title><link>https://rdf.example/a</link>
            <dc:date>2026-01-15T10:00:00+01:00</dc:date><dc:creator>Luca Bassi</dc:creator></item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rdf)
        #expect(feed.ttlMinutes == 30)
        #expect(feed.entries == [FeedEntry(link: "https://rdf.example/a", title: "A", published: "2026-01-15", author: "Luca Bassi")])
    }

    @Test func atomPrefersTheAlternateLinkAndPublished() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom daily</title>
            <author><name>Redazione</name></author>
            <entry><title type="html">Ponte &amp; strada</title>
            <link rel="self" href="https://atom.example/api/1"/><link href="https://atom.example/ponte"/>
            <updated>2026-04-02T12:00:00Z</updated><published>2026-04-01T22:00:00-05:00</published>
            <author><name>Sara Galli</name><uri>https://atom.example/sara</uri></author>
            <summary>Lavori in corso</summary></entry>
            </feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.title == "Atom daily")
        #expect(
            feed.entries == [
                FeedEntry(
                    link: "https://atom.example/ponte", title: "Ponte & strada", published: "2026-04-01", author: "Sara Galli",
                    summary: "Lavori in corso")
            ])
    }

    @Test func jsonFeedItems() throws {
        let feed = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON notizie",
             "items": [{"id": "1", "url": "https://json.example/uno", "title": "Uno", "date_published": "2026-05-05T08:00:00+02:00",
                        "authors": [{"name": "Paolo Riva"}], "content_text": "Testo"},
                       {"id": "2", "external_url": "relativo/due", "title": "Due"},
                       {"id": "3", "title": "Senza URL"}]}
            """)
        #expect(feed.format == .jsonFeed)
        #expect(feed.entries.count == 2)
        #expect(
            feed.entries[0]
                == FeedEntry(
                    link: "https://json.example/uno", title: "Uno", published: "2026-05-05", author: "Paolo Riva", summary: "Testo"))
        #expect(feed.entries[1].link == "https://giornale-lago.example/feed/relativo/due")
    }

    @Test func newsSitemapAndSitemapIndex() throws {
        let feed = try parse(
            """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>https://sito.example/articolo-1</loc>
              <news:news><news:publication><news:name>Sito</news:name><news:language>it</news:language></news:publication>
              <news:publication_date>2026-06-10T07:00:00+02:00</news:publication_date><news:title>Primo articolo</news:title></news:news></url>
            <url><loc>https://sito.example/pagina</loc><lastmod>2026-06-09</lastmod></url>
            </urlset>
            """)
        #expect(feed.format == .sitemap)
        #expect(
            feed.entries == [
                FeedEntry(link: "https://sito.example/articolo-1", title: "Primo articolo", published: "2026-06-10"),
                FeedEntry(link: "https://sito.example/pagina", published: "2026-06-09")
            ])
        let index = try parse(
            """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://sito.example/news-sitemap.xml</loc><lastmod>2026-06-10</lastmod></sitemap></sitemapindex>
            """)
        #expect(index.format == .sitemapIndex)
        #expect(index.entries.map(\.link) == ["https://sito.example/news-sitemap.xml"])
    }

    @Test func bareAmpersandsDoNotLoseTheFeed() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>Pane & vino</title>
            <item><title>Sale & pepe &amp; olio</title><link>https://cucina.example/a?x=1&y=2</link></item>
            <item><title>Seconda</title><link>https://cucina.example/b</link></item>
            </channel></rss>
            """)
        #expect(feed.title == "Pane & vino")
        #expect(feed.entries.map(\.title) == ["Sale & pepe & olio", "Seconda"])
        #expect(feed.entries[0].link == "https://cucina.example/a?x=1&y=2")
    }

    @Test func aTruncatedFeedKeepsItsCompleteItems() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>Cut</title>
            <item><title>Intera</title><link>https://cut.example/1</link></item>
            <item><title>Tronc
            """)
        #expect(feed.entries.map(\.link) == ["https://cut.example/1"])
    }

    @Test func notAFeedIsAnErrorWithWhatWasSeen() {
        #expect {
            try parse("<html><body><p>Pagina</p></body></html>")
        } throws: { error in
            guard let e = error as? FeedParseError else { return false }
            return e.reason == .notAFeed && e.description.contains("<html>")
        }
        #expect(throws: FeedParseError.self) { try parse("{\"items\": []}") }
        #expect(throws: FeedParseError.self) { try parse("<rss><channel><item><title>x</title>") }
    }

    @Test func escapingLeavesReferencesAlone() {
        let out = FeedParser.escapingBareAmpersands(Data("a & b &amp; &#38; &#x26; &nbsp; &x".utf8))
        #expect(String(decoding: out, as: UTF8.self) == "a &amp; b &amp; &#38; &#x26; &nbsp; &amp;x")
    }
}
