#if Server
    import CronistaFetch
    import Foundation
    import HTTPTypes
    import Hummingbird
    import HummingbirdTesting
    import NIOCore
    import Testing

    /// The fetcher against a real HTTP server on 127.0.0.1 serving a feed with an ETag, a
    /// permanent redirect, 404/429/500, a slow answer, an endless body and a robots.txt.
    @Suite struct FetcherTests {
        actor Hits {
            var paths: [String: Int] = [:]
            func add(_ p: String) { paths[p, default: 0] += 1 }
            func count(_ p: String) -> Int { paths[p] ?? 0 }
            /// Requests to `/adagio` being answered now, and the most there ever were.
            var open = 0, mostOpen = 0
            func enter() {
                open += 1
                mostOpen = max(mostOpen, open)
            }
            func leave() { open -= 1 }
        }

        static let feed = """
            <rss version="2.0"><channel><title>Prova</title><ttl>60</ttl>
            <item><title>Uno</title><link>/articoli/uno</link><pubDate>Mon, 02 Mar 2026 10:00:00 +0100</pubDate></item>
            </channel></rss>
            """

        static func app(_ hits: Hits) -> some ApplicationProtocol {
            let router = Router()
            router.middlewares.add(
                CountingMiddleware { path in await hits.add(path) })
            router.get("/robots.txt") { _, _ in "User-agent: *\nDisallow: /vietato/\n" }
            router.get("/feed.xml") { request, _ -> Response in
                if request.headers[.ifNoneMatch] == "\"v1\"" { return Response(status: .notModified) }
                return Response(
                    status: .ok, headers: [.eTag: "\"v1\"", .contentType: "application/rss+xml"],
                    body: .init(byteBuffer: ByteBuffer(string: feed)))
            }
            router.get("/vecchio.xml") { _, _ in Response(status: .movedPermanently, headers: [.location: "/feed.xml"]) }
            router.get("/giro") { _, _ in Response(status: .found, headers: [.location: "/giro"]) }
            router.get("/vietato/pagina") { _, _ in "segreto" }
            router.get("/adagio") { _, _ -> String in
                await hits.enter()
                try? await Task.sleep(nanoseconds: 300_000_000)
                await hits.leave()
                return "piano piano"
            }
            router.get("/rotto") { _, _ in Response(status: .internalServerError) }
            router.get("/piano") { _, _ in Response(status: .tooManyRequests, headers: [.retryAfter: "120"]) }
            router.get("/lento") { _, _ -> String in
                try await Task.sleep(nanoseconds: 12_000_000_000)
                return "tardi"
            }
            router.get("/infinito") { _, _ in
                Response(
                    status: .ok,
                    body: ResponseBody { writer in
                        let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 16_384)
                        while !Task.isCancelled { try await writer.write(chunk) }
                    })
            }
            return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        }

        /// The timeout is generous: other suites run the executable synchronously beside these tests,
        /// which can hold the cooperative threads the loopback server's handlers need for seconds.
        func fetcher() -> Fetcher {
            Fetcher(
                policy: FetchPolicy(version: "test", contact: "test@example.invalid", bodyLimit: 256 * 1024), hostInterval: 0, timeout: 10)
        }

        /// Runs `body` with a fetcher that is shut down whatever happens (an HTTP client released
        /// without it aborts the process, so a failing expectation must not skip it).
        func withFetcher(_ body: (Fetcher) async throws -> Void) async throws {
            let f = fetcher()
            do {
                try await body(f)
            } catch {
                try? await f.shutdown()
                throw error
            }
            try await f.shutdown()
        }

        /// The error of fetching `url`, or `nil` when it was fetched.
        func failure(_ f: Fetcher, _ url: String, isArticle: Bool = false) async -> FetchError? {
            do {
                _ = try await f.get(url, isArticle: isArticle)
                return nil
            } catch {
                return error
            }
        }

        @Test func aSecondPollIsA304AndARedirectMovesTheSource() async throws {
            let hits = Hits()
            try await Self.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                try await withFetcher { f in
                    let first = try await f.get("\(base)/feed.xml")
                    #expect(!first.notModified)
                    #expect(first.validators.etag == "\"v1\"")
                    let feed = try FeedParser(baseURL: URL(string: first.url)).parse(Data(first.body))
                    #expect(feed.entries.map(\.link) == ["\(base)/articoli/uno"])
                    let second = try await f.get("\(base)/feed.xml", validators: first.validators)
                    #expect(second.notModified && second.body.isEmpty)
                    let moved = try await f.get("\(base)/vecchio.xml")
                    #expect(moved.movedTo == "\(base)/feed.xml")
                    let loop = await failure(f, "\(base)/giro")
                    #expect(loop?.reason == .tooManyRedirects)
                }
                #expect(await hits.count("/feed.xml") == 3)
                #expect(await hits.count("/giro") == 6)
            }
        }

        @Test func badAnswersAreClearErrorsWithoutHanging() async throws {
            let hits = Hits()
            try await Self.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                try await withFetcher { f in
                    #expect(await failure(f, "\(base)/manca") == FetchError(url: "\(base)/manca", status: 404, reason: .clientError))
                    #expect(await failure(f, "\(base)/rotto")?.reason == .serverError)
                    let started = Date()
                    #expect(await failure(f, "\(base)/lento")?.reason == .timeout)
                    #expect(await failure(f, "\(base)/infinito")?.reason == .bodyTooLarge)
                    #expect(Date().timeIntervalSince(started) < 40)
                    let wait = await failure(f, "\(base)/piano")
                    #expect(wait?.reason == .rateLimited && wait?.retryAfter == 120)
                    // The host asked for two minutes: the next request fails at once, without reaching it.
                    let blocked = await failure(f, "\(base)/feed.xml")
                    #expect(blocked?.reason == .rateLimited && (blocked?.retryAfter ?? 0) > 100)
                    #expect(Date().timeIntervalSince(started) < 40)
                }
                #expect(await hits.count("/feed.xml") == 0)
                #expect(await hits.count("/piano") == 1)
            }
        }

        @Test func robotsTxtIsHonouredForArticles() async throws {
            let hits = Hits()
            try await Self.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                try await withFetcher { f in
                    #expect(await failure(f, "\(base)/vietato/pagina", isArticle: true)?.reason == .forbiddenByRobots)
                    _ = try await f.get("\(base)/feed.xml", isArticle: true)
                }
                #expect(await hits.count("/vietato/pagina") == 0)
                #expect(await hits.count("/robots.txt") == 1)
            }
        }

        @Test("However many requests are made at once, one host never has more than maxPerHost of them")
        func perHostConcurrencyCap() async throws {
            let hits = Hits()
            try await Self.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                let f = Fetcher(
                    policy: FetchPolicy(version: "test", contact: "test@example.invalid"), hostInterval: 0, timeout: 30, maxPerHost: 2)
                let bodies = await withTaskGroup(of: String.self) { group in
                    for _ in 0..<6 {
                        group.addTask { (try? await f.get("\(base)/adagio")).map { String(decoding: $0.body, as: UTF8.self) } ?? "" }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                #expect(await f.requestsInFlight(to: "127.0.0.1") == 0)
                try await f.shutdown()
                #expect(bodies == Array(repeating: "piano piano", count: 6))
                #expect(await hits.count("/adagio") == 6)
                #expect(await hits.mostOpen == 2)
            }
        }

        @Test("Articles fetched at once on a new host wait for one robots.txt, and each is judged by it")
        func concurrentArticlesShareOneRobotsTxt() async throws {
            let hits = Hits()
            try await Self.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                try await withFetcher { f in
                    let urls = (0..<12).map { $0 % 3 == 0 ? "\(base)/vietato/pagina" : "\(base)/feed.xml" }
                    let reasons = await withTaskGroup(of: (Int, FetchError.Reason?).self) { group in
                        for (i, url) in urls.enumerated() {
                            group.addTask { (i, await failure(f, url, isArticle: true)?.reason) }
                        }
                        var out = [FetchError.Reason?](repeating: nil, count: urls.count)
                        for await (i, r) in group { out[i] = r }
                        return out
                    }
                    #expect(reasons == urls.map { $0.hasSuffix("/vietato/pagina") ? .forbiddenByRobots : nil })
                }
                #expect(await hits.count("/robots.txt") == 1)
                #expect(await hits.count("/vietato/pagina") == 0)
                #expect(await hits.count("/feed.xml") == 8)
            }
        }
    }

    struct CountingMiddleware<Context: RequestContext>: RouterMiddleware {
        let record: @Sendable (String) async -> Void

        func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
            await record(request.uri.path)
            return try await next(request, context)
        }
    }
#endif
