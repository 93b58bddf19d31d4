import CronistaCore
import Testing

@testable import CronistaHTML

/// Metadata on pages written for these tests: one Italian and one English news page, and one page per source.
@Suite struct MetadataExtractorTests {
    let extractor = MetadataExtractor(today: "2026-12-04")

    func metadata(_ html: String, url: String? = nil) throws -> PageMetadata {
        extractor.extract(try HTMLParser().parse(html), url: url)
    }

    static let italianPage = """
        <!DOCTYPE html><html lang="it-IT"><head><meta charset="utf-8">
        <title>Nuovo ponte sul fiume, via ai lavori - La Gazzetta di Valfiume</title>
        <meta property="og:site_name" content="La Gazzetta di Valfiume">
        <meta property="og:title" content="Nuovo ponte sul fiume, via ai lavori | La Gazzetta di Valfiume">
        <link rel="canonical" href="https://gazzetta-valfiume.example/cronaca/ponte-lavori">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Nuovo ponte sul fiume, via ai lavori","datePublished":"2026-03-14T09:30:00+01:00",
        "author":{"@type":"Person","name":"Giulia Bianchi"},"publisher":{"@type":"Organization","name":"La Gazzetta di Valfiume"}}</script>
        </head><body><article><h1>Nuovo ponte sul fiume, via ai lavori</h1>
        <p>Il cantiere aprirà lunedì e durerà diciotto mesi, ha spiegato il sindaco ai residenti.</p></article></body></html>
        """

    static let englishPage = """
        <!DOCTYPE html><html lang="en"><head><title>Harbour ferry returns after repairs :: Coastline Daily</title>
        <meta name="author" content="By Thomas Reed">
        <meta property="article:published_time" content="2025-11-02T07:15:00Z">
        </head><body><header><a href="/">Coastline Daily</a></header>
        <article><h1>Harbour ferry returns after repairs</h1>
        <p>The ferry will run every forty minutes from Monday, the operator said in a statement.</p></article>
        <section class="comments"><div class="comment-author">Mark says:</div><p>About time.</p></section>
        </body></html>
        """

    @Test func italianPageFromJSONLD() throws {
        let m = try metadata(Self.italianPage)
        #expect(m.title == "Nuovo ponte sul fiume, via ai lavori")
        #expect(m.published == "2026-03-14")
        #expect(m.author == "Giulia Bianchi")
        #expect(m.siteName == "La Gazzetta di Valfiume")
        #expect(m.canonicalURL == "https://gazzetta-valfiume.example/cronaca/ponte-lavori")
        #expect(m.language == "it-it")
    }

    @Test func englishPageFromMetaTags() throws {
        let m = try metadata(Self.englishPage)
        #expect(m.title == "Harbour ferry returns after repairs")
        #expect(m.published == "2025-11-02")
        #expect(m.author == "Thomas Reed")
        #expect(m.language == "en")
    }

    @Test func openGraphTitleWithoutSiteName() throws {
        let m = try metadata(
            """
            <html><head><meta property="og:site_name" content="Valley Post"><meta property="og:title" content="Library opens on Sundays | Valley Post">
            <title>Home | Valley Post</title></head><body><h1>A</h1><h1>B</h1></body></html>
            """)
        #expect(m.title == "Library opens on Sundays")
        #expect(m.siteName == "Valley Post")
    }

    @Test func dateFromTheURLComesFirst() throws {
        let m = try metadata(
            "<html><head><meta name=\"date\" content=\"2024-05-01\"></head><body></body></html>",
            url: "https://news.example/2023/07/09/story")
        #expect(m.published == "2023-07-09")
    }

    @Test func dayMonthYearURLAndOrdinalDates() throws {
        let url = try metadata("<html><body><p>Testo.</p></body></html>", url: "https://example.org/notizie/comunicati/29-10-2025")
        #expect(url.published == "2025-10-29")
        let ordinal = try metadata("<html><body><div class=\"date\">December 29th 2024</div><p>Text.</p></body></html>")
        #expect(ordinal.published == "2024-12-29")
    }

    @Test func dateFromTimeElement() throws {
        let m = try metadata("<html><body><p>Pubblicato <time datetime=\"2022-10-05T18:00\">5 ottobre</time></p></body></html>")
        #expect(m.published == "2022-10-05")
    }

    @Test func dateFromItalianAndEnglishText() throws {
        let it = try metadata("<html><body><p class=\"data\">Roma, 7 febbraio 2021 — La riunione è finita tardi.</p></body></html>")
        #expect(it.published == "2021-02-07")
        let en = try metadata("<html><body><p>Posted on September 3, 2019 at noon.</p></body></html>")
        #expect(en.published == "2019-09-03")
        let numeric = try metadata("<html><body><p>Aggiornato il 28.02.2020 alle 10:00</p></body></html>")
        #expect(numeric.published == "2020-02-28")
    }

    @Test func dateWithFillerWordsAndItempropTitle() throws {
        let es = try metadata("<html><body><p>Publicado el 5 de junio de 2018 por la redacción.</p></body></html>")
        #expect(es.published == "2018-06-05")
        let abbr = try metadata(
            "<html><body><abbr itemprop=\"datePublished\" title=\"2017-08-21T08:00:00-07:00\">8:00</abbr></body></html>")
        #expect(abbr.published == "2017-08-21")
    }

    @Test func genericDateMetaYieldsToTheVisibleDate() throws {
        // `<meta name="date">` is often the last edit; the dated element the reader sees wins.
        let time = try metadata(
            """
            <html><head><meta name="date" content="2023-05-20T10:00:00+02:00"></head><body>
            <p class="infoline"><time>12.05.2023, 08:40 Uhr</time></p><p>Der Stadtrat hat gestern getagt.</p></body></html>
            """)
        #expect(time.published == "2023-05-12")
        let span = try metadata(
            """
            <html><head><meta name="DC.Date" content="2021-09-30"></head><body>
            <div class="news-meta"><span class="news-date">14.09.2021</span></div><p>La fiera riapre a ottobre.</p></body></html>
            """)
        #expect(span.published == "2021-09-14")
        let metaOnly = try metadata("<html><head><meta name=\"date\" content=\"2021-09-30\"></head><body><p>Testo.</p></body></html>")
        #expect(metaOnly.published == "2021-09-30")
    }

    @Test func datesOfLinkedTeasersAreNotThePagesDate() throws {
        let m = try metadata(
            """
            <html><head><meta name="date" content="2020-06-02"></head><body>
            <ul class="related"><li><a href="/altro"><span class="date">18. Mai 2020</span> Ein anderer Artikel</a></li></ul>
            <p>Der Artikel selbst hat kein sichtbares Datum.</p></body></html>
            """)
        #expect(m.published == "2020-06-02")
        let permalink = try metadata(
            """
            <html><body><div class="meta"><a class="post-date" href="/p/1">3. Februar 2022</a></div><p>Text.</p></body></html>
            """)
        #expect(permalink.published == "2022-02-03")
    }

    @Test func twoDigitYearsOnlyInDateElementsAndAfterFullDates() throws {
        let short = try metadata("<html><body><div class=\"post-created\">07.03.24</div><p>Il mercato apre alle otto.</p></body></html>")
        #expect(short.published == "2024-03-07")
        // A full date in another dated element beats an earlier short one (an event's, in the sidebar).
        let both = try metadata(
            """
            <html><body><aside><div class="event-datum">19.1.25, 10:00 Uhr</div></aside>
            <div class="post-date">11.12.2024</div><p>Das Urteil ist rechtskräftig.</p></body></html>
            """)
        #expect(both.published == "2024-12-11")
        let plainText = try metadata("<html><body><p>Risultato finale 12.10.24 dopo i supplementari.</p></body></html>")
        #expect(plainText.published == nil)
    }

    @Test func implausibleDatesAreIgnored() throws {
        let future = try metadata(
            "<html><head><meta name=\"date\" content=\"2031-01-01\"></head><body><p>Scritto il 3 marzo 2020.</p></body></html>")
        #expect(future.published == "2020-03-03")
        let old = try metadata("<html><body><p>Fondato il 12 aprile 1911.</p></body></html>")
        #expect(old.published == nil)
    }

    /// A page that gives `value` as its publication time, in a page of language `lang`.
    func published(_ value: String, lang: String? = nil, url: String? = nil) throws -> String? {
        let html =
            "<html\(lang.map { " lang=\"\($0)\"" } ?? "")><head>"
            + "<meta property=\"article:published_time\" content=\"\(value)\"></head><body><p>x</p></body></html>"
        return try metadata(html, url: url).published
    }

    @Test("An instant is dated in the publisher's zone: its country's domain, its lang's region, its language")
    func timestampsAreDatedWherePublished() throws {
        // 23:00 UTC on 6 November is the 7th in Germany (CET), by the domain or by the language alone.
        #expect(try published("2022-11-06T23:00:00.000Z", url: "https://beige.de/artikel/x") == "2022-11-07")
        #expect(try published("2022-11-06T23:00:00.000Z", lang: "de") == "2022-11-07")
        // 00:53 UTC is still the evening before in Argentina (UTC-3), by the domain or the lang's region.
        #expect(try published("2022-05-04T00:53:29.274Z", url: "https://www.lanacion.com.ar/politica/x") == "2022-05-03")
        #expect(try published("2022-05-04T00:53:29Z", lang: "es-AR") == "2022-05-03")
        // An explicit offset is read: 01:30+02:00 is 23:30 UTC, the 9th in Italy's summer time.
        #expect(try published("2024-07-10T01:30:00+02:00", lang: "it-IT") == "2024-07-10")
        #expect(try published("2024-07-09T23:30:00-0000", lang: "it") == "2024-07-10")
        // Daylight saving, EU: CEST (+2) until 01:00 UTC on the last Sunday of October 2024 (the 27th), CET after.
        #expect(try published("2024-10-26T22:30:00Z", lang: "de") == "2024-10-27")
        #expect(try published("2024-10-27T22:30:00Z", lang: "de") == "2024-10-27")
        #expect(try published("2024-03-30T23:30:00Z", lang: "de") == "2024-03-31")
        // US Eastern: EDT (-4) in July, EST (-5) in January.
        #expect(try published("2024-07-04T03:30:00Z", lang: "en-US") == "2024-07-03")
        #expect(try published("2024-01-04T04:30:00Z", lang: "en-US") == "2024-01-03")
        #expect(try published("2024-01-04T05:30:00Z", lang: "en-US") == "2024-01-04")
        // No zone known (English without a region, a .com domain), no offset written, or midnight to
        // the second (a date a CMS wrote as a timestamp): the written day stands.
        #expect(try published("2022-05-04T00:53:29Z", lang: "en", url: "https://example.com/a") == "2022-05-04")
        #expect(try published("2022-05-04T00:53:29", lang: "de") == "2022-05-04")
        #expect(try published("2020-01-10T00:00:00+00:00", lang: "en-us") == "2020-01-10")
        // A date in the URL is the publisher's own day and is not moved.
        #expect(try published("2022-11-06T23:00:00Z", url: "https://x.de/2022/11/06/y") == "2022-11-06")
    }

    @Test("The Sundays daylight saving turns on")
    func daylightSavingSundays() {
        func day(_ n: Int) -> (Int, Int, Int) { let d = CivilDay.date(n); return (d.year, d.month, d.day) }
        #expect(PublisherZone.weekday(CivilDay.number(year: 2026, month: 12, day: 6)) == 0)
        #expect(PublisherZone.weekday(CivilDay.number(year: 1969, month: 12, day: 28)) == 0)
        #expect(day(PublisherZone.lastSunday(2024, 3)) == (2024, 3, 31))
        #expect(day(PublisherZone.lastSunday(2025, 10)) == (2025, 10, 26))
        #expect(day(PublisherZone.lastSunday(2023, 12)) == (2023, 12, 31))
        #expect(day(PublisherZone.nthSunday(2, 2024, 3)) == (2024, 3, 10))
        #expect(day(PublisherZone.nthSunday(1, 2024, 11)) == (2024, 11, 3))
        #expect(PublisherZone.floorDiv(-1, 1440) == -1 && PublisherZone.floorDiv(1439, 1440) == 0)
    }

    @Test("A page's state in a script gives the date only when nothing else does")
    func dateFromAScriptsStateAsALastResort() throws {
        let state = #"<script type="application/json">{"review":{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":null}}</script>"#
        #expect(try metadata("<html><body><p>Ottimo servizio.</p>\(state)</body></html>").published == "2016-11-04")
        // A date elsewhere on the page wins, and a key that is not a publication date is not read.
        #expect(try metadata("<html><body><p>Scritto il 3 marzo 2020.</p>\(state)</body></html>").published == "2020-03-03")
        let other = #"<script>var s = {"updatedDate":"2016-11-04T20:37:27Z","expires":"2019-01-01"};</script>"#
        #expect(try metadata("<html><body><p>Ottimo.</p>\(other)</body></html>").published == nil)
    }

    @Test func bylineAndRelAuthor() throws {
        let byline = try metadata("<html><body><div class=\"article-byline\">di Marco Rossi</div><p>Testo.</p></body></html>")
        #expect(byline.author == "Marco Rossi")
        let rel = try metadata("<html><body><p>Written by <a rel=\"author\" href=\"/staff/ann\">Ann Lee</a></p></body></html>")
        #expect(rel.author == "Ann Lee")
        let commenter = try metadata("<html><body><div id=\"comments\"><span class=\"author\">Luca</span></div></body></html>")
        #expect(commenter.author == nil)
    }

    @Test func jsonLDAuthorList() throws {
        let m = try metadata(
            """
            <html><head><script type="application/ld+json">{"@type":"Article","author":[{"@type":"Person","name":"Ada Moore"},
            {"@type":"Person","name":"Ben Cole"}],"headline":"Two names"}</script></head><body></body></html>
            """)
        #expect(m.author == "Ada Moore, Ben Cole")
        #expect(m.title == "Two names")
    }

    @Test func bylineInsideAWrapperWithADate() throws {
        // The wrapper's text has the date after the name; its inner byline is the name alone.
        let m = try metadata(
            """
            <html><body><div class="wrap-byline"><span class="byline">By <a href="/writers/nora-field">Nora Field</a></span>
            <span class="date">8 March 2026, 3:51 pm</span></div><p>Text.</p></body></html>
            """)
        #expect(m.author == "Nora Field")
        let stamped = try metadata("<html><body><p class=\"author\">Von Lena Hartmann am 12. Mai 2026</p></body></html>")
        #expect(stamped.author == "Lena Hartmann")
    }

    @Test func bylineReadFromItsTextWithoutAClass() throws {
        let label = try metadata(
            "<html><body><div class=\"meta\">Ein Artikel von <strong>Karin Wolf</strong> | 27.01.2026</div></body></html>")
        #expect(label.author == "Karin Wolf")
        let italian = try metadata(
            "<html><body><div class=\"info\"><span>di</span> <a href=\"/a/pietro\">Pietro Neri</a></div></body></html>")
        #expect(italian.author == "Pietro Neri")
        // A short sentence that starts with `Di` is not a byline: the name must be capitalised.
        let sentence = try metadata("<html><body><div><p>Di fronte al mare</p></div></body></html>")
        #expect(sentence.author == nil)
    }

    @Test func nameParticlesCreditsAndLabels() throws {
        let particle = try metadata("<html><body><span class=\"author\">Clara von Steinberg</span></body></html>")
        #expect(particle.author == "Clara von Steinberg")
        let label = try metadata("<html><body><span class=\"author\">View all posts by Sam Ortiz</span></body></html>")
        #expect(label.author == "Sam Ortiz")
        let photo = try metadata(
            "<html><body><span class=\"author\">Foto: Ida Berg</span><span class=\"byline\">Text: Paul Anker</span></body></html>")
        #expect(photo.author == "Paul Anker")
        let month = try metadata("<html><body><span class=\"author\">Dezember</span></body></html>")
        #expect(month.author == nil)
    }
}
