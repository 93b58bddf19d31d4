import Foundation
import Testing

@testable import CronistaFetch

@Suite struct FetchPolicyTests {
    let policy = FetchPolicy(version: "1.0", contact: "redazione@esempio.example")
    let url = "http://127.0.0.1:8080/feed.xml"

    @Test func requestsAreConditionalAndSayWhoAsks() {
        let plain = policy.requestHeaders()
        #expect(plain.first { $0.name == "User-Agent" }?.value == "Cronista/1.0 (+redazione@esempio.example)")
        #expect(plain.first { $0.name == "Accept-Encoding" }?.value == "gzip, deflate")
        #expect(!plain.contains { $0.name.hasPrefix("If-") })
        let conditional = policy.requestHeaders(Validators(etag: "\"v7\"", lastModified: "Tue, 03 Mar 2026 08:30:00 GMT"))
        #expect(conditional.first { $0.name == "If-None-Match" }?.value == "\"v7\"")
        #expect(conditional.first { $0.name == "If-Modified-Since" }?.value == "Tue, 03 Mar 2026 08:30:00 GMT")
        #expect(FetchPolicy(version: "1.0", contact: nil).userAgent == "Cronista/1.0")
    }

    @Test func answersMeanWhatABrowserUserExpects() {
        #expect(
            policy.outcome(url: url, status: 200, headers: [("etag", "\"a\""), ("Last-Modified", "x")], redirects: 0)
                == .content(Validators(etag: "\"a\"", lastModified: "x")))
        #expect(policy.outcome(url: url, status: 304, headers: [], redirects: 0) == .notModified)
        #expect(
            policy.outcome(url: url, status: 301, headers: [("Location", "/nuovo.xml")], redirects: 0)
                == .redirect(to: "http://127.0.0.1:8080/nuovo.xml", permanent: true))
        #expect(
            policy.outcome(url: url, status: 302, headers: [("location", "https://altro.example/f")], redirects: 4)
                == .redirect(to: "https://altro.example/f", permanent: false))
        #expect(
            policy.outcome(url: url, status: 302, headers: [("Location", "/f")], redirects: 5)
                == .failed(FetchError(url: url, status: 302, reason: .tooManyRedirects)))
        #expect(
            policy.outcome(url: url, status: 301, headers: [("Location", "javascript:alert(1)")], redirects: 0)
                == .failed(FetchError(url: url, status: 301, reason: .badRedirect)))
        #expect(
            policy.outcome(url: url, status: 429, headers: [("Retry-After", "90")], redirects: 0) == .retryLater(after: 90, status: 429))
        #expect(policy.outcome(url: url, status: 503, headers: [], redirects: 0) == .retryLater(after: nil, status: 503))
        let missing = policy.outcome(url: url, status: 404, headers: [], redirects: 0)
        #expect(missing == .failed(FetchError(url: url, status: 404, reason: .clientError)))
        if case .failed(let e) = missing { #expect(e.description == "\(url): client error (HTTP 404)") }
        #expect(
            policy.outcome(url: url, status: 500, headers: [], redirects: 0)
                == .failed(FetchError(url: url, status: 500, reason: .serverError)))
    }

    @Test func hostsArePacedAndBlockedOnRequest() {
        var pacing = HostPacing(interval: 2)
        let t0 = Date(timeIntervalSince1970: 1_000)
        #expect(pacing.reserve(host: "a.example", now: t0) == t0)
        #expect(pacing.reserve(host: "A.example", now: t0) == t0.addingTimeInterval(2))
        #expect(pacing.reserve(host: "b.example", now: t0) == t0)
        pacing.block(host: "b.example", until: t0.addingTimeInterval(60))
        #expect(pacing.reserve(host: "b.example", now: t0.addingTimeInterval(1)) == t0.addingTimeInterval(60))
        pacing.setCrawlDelay(host: "c.example", seconds: 10)
        #expect(pacing.reserve(host: "c.example", now: t0) == t0)
        #expect(pacing.reserve(host: "c.example", now: t0.addingTimeInterval(3)) == t0.addingTimeInterval(10))
        #expect(pacing.reserve(host: "a.example", now: t0.addingTimeInterval(30)) == t0.addingTimeInterval(30))
    }
}
