import Foundation
import Testing

@testable import CronistaFetch

@Suite struct RobotsRulesTests {
    static let text = """
        # esempio
        User-agent: *
        Disallow: /privato/
        Crawl-delay: 2

        User-agent: Cronista
        User-agent: altro-bot
        Disallow: /bozze
        Allow: /bozze/pubbliche
        Disallow: /*.pdf$
        Crawl-delay: 0.5
        """

    @Test func theNamedGroupWinsOverTheStar() {
        let rules = RobotsRules(parsing: Self.text, userAgent: "cronista")
        #expect(rules.crawlDelay == 0.5)
        #expect(rules.allows("/privato/pagina"))
        #expect(!rules.allows("/bozze/articolo"))
        #expect(rules.allows("/bozze/pubbliche/articolo"))
        #expect(!rules.allows("/doc/report.pdf"))
        #expect(rules.allows("/doc/report.pdf?v=2"))
        #expect(rules.allows("/"))
    }

    @Test func otherCrawlersGetTheStarGroup() {
        let rules = RobotsRules(parsing: Self.text, userAgent: "lettore")
        #expect(rules.crawlDelay == 2)
        #expect(!rules.allows("/privato/pagina"))
        #expect(rules.allows("/bozze/articolo"))
    }

    @Test func emptyDisallowAndNoFileAllowEverything() {
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", userAgent: "cronista").allows("/tutto"))
        #expect(RobotsRules.allowAll.allows("/tutto"))
    }
}

@Suite struct PollScheduleTests {
    let schedule = PollSchedule(defaultInterval: 15 * 60)

    @Test func theSourceDecidesWithinFiveMinutesAndADay() {
        #expect(schedule.interval() == 900)
        #expect(schedule.interval(ttlMinutes: 60) == 3600)
        #expect(schedule.interval(ttlMinutes: 1) == 300)
        #expect(schedule.interval(cacheControl: "public, max-age=7200") == 7200)
        #expect(schedule.interval(cacheControl: "max-age=999999") == 86400)
        #expect(schedule.interval(cacheControl: "no-cache") == 300)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(schedule.interval(expires: now.addingTimeInterval(1800), now: now) == 1800)
    }

    @Test func failuresBackOffAndRetryAfterIsHonoured() {
        #expect(schedule.backoff(failures: 1) == 900)
        #expect(schedule.backoff(failures: 3) == 3600)
        #expect(schedule.backoff(failures: 40) == 86400)
        #expect(schedule.backoff(failures: 1, retryAfter: 7200) == 7200)
        let now = FeedDate.instant("Sun, 06 Nov 1994 08:49:37 GMT")!
        #expect(PollSchedule.retryAfter("120") == 120)
        #expect(PollSchedule.retryAfter("Sun, 06 Nov 1994 09:49:37 GMT", now: now) == 3600)
    }
}

@Suite struct FeedDateAndURLTests {
    @Test func rfc822AndISODates() {
        #expect(FeedDate.day("Tue, 03 Mar 2026 09:30:00 +0100") == "2026-03-03")
        #expect(FeedDate.day("3 Mar 2026 23:59 EST") == "2026-03-03")
        #expect(FeedDate.day("2026-03-03T09:30:00Z") == "2026-03-03")
        #expect(FeedDate.day("31 Feb 2026") == nil)
        #expect(FeedDate.day("ieri") == nil)
        let instant = FeedDate.instant("Tue, 03 Mar 2026 09:30:00 +0100")!
        #expect(FeedDate.httpDate(instant) == "Tue, 03 Mar 2026 08:30:00 GMT")
    }

    @Test func canonicalURLsDropOnlyWhatDoesNotNameTheArticle() {
        #expect(
            CanonicalURL.of("HTTPS://Sito.Example:443/Notizie/Uno?utm_source=rss&id=7&fbclid=x#commenti")
                == "https://sito.example/Notizie/Uno?id=7")
        #expect(CanonicalURL.of("http://sito.example") == "http://sito.example/")
        #expect(CanonicalURL.of("http://sito.example:8080/a") == "http://sito.example:8080/a")
        #expect(CanonicalURL.of("ftp://sito.example/a") == nil)
        #expect(CanonicalURL.of("non un url") == nil)
    }
}
