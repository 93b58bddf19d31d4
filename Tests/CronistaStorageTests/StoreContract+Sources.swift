import CronistaStorage
import Foundation
import Testing

extension StoreContract {
    func sourcesAreFollowed() async throws {
        let opened = try await makeStore()
        defer { Task { try? await opened.close() } }
        let store = try #require(opened as? any SourceStore)
        let feed = "https://giornale.example/rss.xml"
        let map = "https://altro.example/news-sitemap.xml"
        #expect(try await store.addSource(FollowedSource(url: feed, name: "Il Giornale di prova")))
        #expect(try await store.addSource(FollowedSource(url: map, kind: .sitemap)))
        #expect(try await store.addSource(FollowedSource(url: feed, name: "twice")) == false)
        var listed = try await store.sources()
        #expect(listed.map(\.url) == [map, feed])
        #expect(listed[1].name == "Il Giornale di prova" && listed[1].kind == .feed && listed[0].kind == .sitemap)
        #expect(listed.allSatisfy { $0.nextPoll == nil && $0.failures == 0 && $0.articles == 0 })

        // Both are due; a claim keeps a second watcher off them until it lapses.
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let claimed = try await store.claimDueSources(now: now, limit: 10, claimUntil: now.addingTimeInterval(60))
        #expect(Set(claimed.map(\.url)) == [feed, map])
        #expect(try await store.claimDueSources(now: now.addingTimeInterval(30), limit: 10, claimUntil: now.addingTimeInterval(90)).isEmpty)

        // A successful poll: validators and the schedule kept, the claim released.
        var polled = try #require(claimed.first { $0.url == feed })
        polled.etag = "\"v1\""
        polled.lastModified = "Fri, 04 Dec 2026 10:00:00 GMT"
        polled.lastFetched = now
        polled.nextPoll = now.addingTimeInterval(900)
        try await store.recordPoll(polled)
        // A failed one: the error and the count kept.
        var failed = try #require(claimed.first { $0.url == map })
        failed.failures = 2
        failed.lastError = "HTTP 500 for \(map)"
        failed.nextPoll = now.addingTimeInterval(1800)
        try await store.recordPoll(failed)
        listed = try await store.sources()
        let f = try #require(listed.first { $0.url == feed })
        #expect(f.etag == "\"v1\"" && f.lastModified == "Fri, 04 Dec 2026 10:00:00 GMT")
        #expect(f.lastFetched?.timeIntervalSince1970 == now.timeIntervalSince1970)
        #expect(f.nextPoll?.timeIntervalSince1970 == now.addingTimeInterval(900).timeIntervalSince1970)
        let m = try #require(listed.first { $0.url == map })
        #expect(m.failures == 2 && m.lastError == "HTTP 500 for \(map)" && m.lastFetched == nil)
        // Not due before its next poll, due after it (the claim was released).
        #expect(
            try await store.claimDueSources(now: now.addingTimeInterval(600), limit: 10, claimUntil: now.addingTimeInterval(660)).isEmpty)
        #expect(
            try await store.claimDueSources(now: now.addingTimeInterval(1000), limit: 10, claimUntil: now.addingTimeInterval(1060)).map(
                \.url) == [feed])
        // The feed's claim lapsed (its watcher died): both are due, the most overdue first.
        #expect(
            try await store.claimDueSources(now: now.addingTimeInterval(2000), limit: 10, claimUntil: now.addingTimeInterval(2060)).map(
                \.url) == [feed, map])
        for s in try await store.sources() { try await store.recordPoll(s) }

        // Seen articles: a URL seen once stays seen, counted for its source.
        let a1 = "https://giornale.example/2026/12/04/primo"
        let a2 = "https://giornale.example/2026/12/04/secondo"
        #expect(try await store.seenArticles(urls: [a1, a2]).isEmpty)
        try await store.markSeen([
            SeenArticle(url: a1, contentHash: String(repeating: "a", count: 64), source: feed),
            SeenArticle(url: a2, contentHash: nil, source: feed),
            SeenArticle(url: a1, contentHash: String(repeating: "b", count: 64), source: feed),
            SeenArticle(url: "https://x.example/a", contentHash: nil, source: "https://not-followed.example/feed")
        ])
        #expect(try await store.seenArticles(urls: [a1, a2, "https://x.example/a", "https://giornale.example/nuovo"]) == [a1, a2])
        #expect(try await store.sources().first { $0.url == feed }?.articles == 2)

        // A permanent move keeps the row (and its seen articles) under the new URL.
        let moved = "https://giornale.example/feed/"
        var renamed = f
        renamed.url = moved
        try await store.recordPoll(renamed, previousURL: feed)
        listed = try await store.sources()
        #expect(listed.map(\.url).sorted() == [map, moved].sorted())
        #expect(listed.first { $0.url == moved }?.articles == 2)

        // Removing a source removes its seen articles.
        #expect(try await store.removeSource(url: moved))
        #expect(try await store.removeSource(url: moved) == false)
        #expect(try await store.sources().map(\.url) == [map])
        #expect(try await store.seenArticles(urls: [a1, a2]).isEmpty)
    }
}
