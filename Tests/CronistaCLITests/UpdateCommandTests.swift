#if Server
    import CronistaCore
    import CronistaStorage
    import CronistaStorageSQLite
    import CronistaTestSupport
    import Foundation
    import HTTPTypes
    import Hummingbird
    import HummingbirdTesting
    import NIOCore
    import Testing

    /// `cronista sources add` + `update` (and `ingest URL`) through the built executable against a
    /// real HTTP server on 127.0.0.1 that counts the requests it answers.
    @Suite struct UpdateCommandTests {
        actor Hits {
            var paths: [String: Int] = [:]
            func add(_ p: String) { paths[p, default: 0] += 1 }
            func count(_ p: String) -> Int { paths[p] ?? 0 }
        }

        struct Article {
            var path: String
            var title: String
            var published: String
            var paragraphs: [String]
        }

        static let articles = [
            Article(
                path: "/cronaca/2026/03/02/ponte", title: "Riapre il ponte sul fiume", published: "2026-03-02T09:30:00+01:00",
                paragraphs: [
                    "Il ponte sul fiume Adige riapre domani dopo otto mesi di lavori, ha annunciato il Comune di Verona.",
                    "\"Abbiamo rispettato i tempi previsti\", ha dichiarato l'assessore Marta Zanetti durante il sopralluogo."
                ]),
            Article(
                path: "/economia/2026/03/01/mercato", title: "Il mercato coperto chiude per restauro",
                published: "2026-03-01T18:05:00+01:00",
                paragraphs: [
                    "Il mercato coperto di Piazza Grande resterà chiuso fino a settembre per il restauro del tetto.",
                    "Secondo il presidente dei commercianti, Paolo Ferri, \"le bancarelle si sposteranno nel parcheggio vicino\"."
                ])
        ]

        static func page(_ a: Article) -> String {
            """
            <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>\(a.title) | Gazzetta di Prova</title>
            <meta property="article:published_time" content="\(a.published)"></head>
            <body><header><nav><a href="/">Home</a> <a href="/cronaca">Cronaca</a></nav></header>
            <main><article><h1>\(a.title)</h1>
            \(a.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
            </article></main><footer>© Gazzetta di Prova</footer></body></html>
            """
        }

        /// The feed's dates are a day off the pages': the stored date must be the page's.
        static let feed = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Gazzetta di Prova</title><link>/</link><ttl>30</ttl>
            <item><title>Riapre il ponte</title><link>/cronaca/2026/03/02/ponte</link><pubDate>Tue, 03 Mar 2026 08:00:00 +0100</pubDate></item>
            <item><title>Il mercato</title><link>/economia/2026/03/01/mercato?utm_source=rss</link><pubDate>Mon, 02 Mar 2026 08:00:00 +0100</pubDate></item>
            <item><title>Riservato</title><link>/riservato/pagina</link></item>
            </channel></rss>
            """

        static func app(_ hits: Hits, bomb: [UInt8] = [], seedPage: String = "") -> some ApplicationProtocol {
            let router = Router()
            router.middlewares.add(CountingMiddleware { path in await hits.add(path) })
            router.get("/robots.txt") { _, _ in "User-agent: *\nDisallow: /riservato/\n" }
            router.get("/feed.xml") { request, _ -> Response in
                if request.headers[.ifNoneMatch] == "\"f1\"" { return Response(status: .notModified) }
                return Response(
                    status: .ok, headers: [.eTag: "\"f1\"", .contentType: "application/rss+xml"],
                    body: .init(byteBuffer: ByteBuffer(string: feed)))
            }
            for a in articles {
                router.get(RouterPath(a.path)) { _, _ -> Response in
                    Response(
                        status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: page(a))))
                }
            }
            router.get("/riservato/pagina") { _, _ in "non per i robot" }
            router.get("/rotto.xml") { _, _ in Response(status: .internalServerError) }
            router.get("/sparito.xml") { _, _ in Response(status: .notFound) }
            router.get("/zitto.xml") { _, _ in Response(status: .tooManyRequests, headers: [.retryAfter: "120"]) }
            router.get("/lento.xml") { _, _ -> String in
                try await Task.sleep(nanoseconds: 10_000_000_000)
                return feed
            }
            router.get("/bomba.xml") { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: "application/rss+xml", .contentEncoding: "gzip"],
                    body: .init(byteBuffer: ByteBuffer(bytes: bomb)))
            }
            router.get("/seme/feed.xml") { _, _ -> Response in
                let rss = """
                    <rss version="2.0"><channel><title>Esteri</title>
                    <item><title>Seme</title><link>/esteri/2023/04/06/cremlino</link></item></channel></rss>
                    """
                return Response(
                    status: .ok, headers: [.contentType: "application/rss+xml"], body: .init(byteBuffer: ByteBuffer(string: rss)))
            }
            router.get("/esteri/2023/04/06/cremlino") { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: seedPage)))
            }
            return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        }

        @Test func updateStoresTheFeedsArticlesOnceAndASecondUpdateFetchesNothing() async throws {
            let hits = Hits()
            let dir = try TemporaryDirectory()
            let db = dir.file("fonti.sqlite").path
            try await Self.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                let add = try await CLIRunner.run(["sources", "add", "\(base)/feed.xml", "--name", "Gazzetta", "--db", db])
                #expect(add.status == 0, "\(add.stderr)")
                let first = try await CLIRunner.run(["update", "--pace", "0", "--db", db])
                #expect(first.status == 0, "\(first.stderr)")
                #expect(first.stderr.contains("2 stored"), "\(first.stderr)")
                #expect(first.stderr.contains("forbidden by robots.txt"), "\(first.stderr)")
                let store = try SQLiteDocumentStore(path: db)
                for a in Self.articles {
                    let doc = try #require(try await store.document(id: "\(base)\(a.path)"), "\(a.path)")
                    #expect(doc.hit.published == String(a.published.prefix(10)))
                    #expect(doc.text.hasSuffix(a.paragraphs.joined(separator: "\n\n")), "\(doc.text)")
                }
                #expect(try await store.statistics().documents == 2)
                try await store.close()
                #expect(await hits.count("/riservato/pagina") == 0)

                let second = try await CLIRunner.run(["update", "--pace", "0", "--db", db])
                #expect(second.status == 0, "\(second.stderr)")
                #expect(second.stderr.contains("1 unchanged") && second.stderr.contains("0 articles fetched"), "\(second.stderr)")
                #expect(await hits.count("/feed.xml") == 2)
                for a in Self.articles { #expect(await hits.count(a.path) == 1) }
                let reopened = try SQLiteDocumentStore(path: db)
                #expect(try await reopened.statistics().documents == 2)
                try await reopened.close()

                let list = try await CLIRunner.run(["sources", "list", "--json", "--db", db])
                let row = try #require(list.jsonLines.first)
                #expect(row["url"] as? String == "\(base)/feed.xml" && row["name"] as? String == "Gazzetta")
                #expect(row["articles"] as? Int == 3 && row["failures"] as? Int == 0 && row["last_error"] == nil)
                #expect(row["next_check"] is String && row["last_fetched"] is String)
                let removed = try await CLIRunner.run(["sources", "remove", "\(base)/feed.xml", "--db", db])
                #expect(removed.status == 0)
                #expect(try await CLIRunner.run(["sources", "list", "--db", db]).stdout.isEmpty)
            }
        }

        @Test func badSourcesAreClearErrorsAndTheOthersGoOn() async throws {
            let hits = Hits()
            let dir = try TemporaryDirectory()
            let db = dir.file("fonti.sqlite").path
            // 20 MiB of zeros, gzipped to a few kilobytes: cut at the 15 MiB cap.
            let bomb = try Self.gzip(Data(count: 20 << 20))
            #expect(bomb.count < 100_000)
            try await Self.app(hits, bomb: Array(bomb)).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                let bad = ["rotto.xml", "sparito.xml", "zitto.xml", "lento.xml", "bomba.xml"].map { "\(base)/\($0)" }
                let add = try await CLIRunner.run(["sources", "add"] + bad + ["\(base)/feed.xml", "--db", db])
                #expect(add.status == 0, "\(add.stderr)")
                // Sources go in URL order: the 429 (zitto.xml) comes last, since it makes the fetcher
                // leave the whole host alone for the 120 s asked.
                let started = Date()
                let r = try await CLIRunner.run(["update", "--pace", "0", "--timeout", "6", "--db", db])
                // The slow one is cut at 6 s (a debug build under load needs seconds to inflate the bomb).
                #expect(Date().timeIntervalSince(started) < 45)
                #expect(r.status == 65)
                #expect(r.stderr.contains("2 stored"), "\(r.stderr)")
                for (path, what) in [
                    ("rotto.xml", "500"), ("sparito.xml", "404"), ("zitto.xml", "429"), ("lento.xml", "timed out"),
                    ("bomba.xml", "larger than the limit")
                ] {
                    let line = r.stderr.split(separator: "\n").first { $0.contains("source \(base)/\(path)") }
                    #expect(line?.contains(what) == true, "\(path): \(line ?? "no line")\n\(r.stderr)")
                }
                let list = try await CLIRunner.run(["sources", "list", "--json", "--db", db])
                let failing = list.jsonLines.filter { ($0["failures"] as? Int) == 1 && $0["last_error"] is String }
                #expect(failing.count == 5, "\(list.stdout)")
                #expect(await hits.count("/zitto.xml") == 1)
            }
        }

        @Test func theSeedArticleFollowedThroughAFeedGivesItsQuotes() async throws {
            let seed = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
            let hits = Hits()
            let dir = try TemporaryDirectory()
            let db = dir.file("seme.sqlite").path
            let paragraphs = seed.components(separatedBy: "\n\n").map { "<p>\(Self.escaped($0))</p>" }.joined(separator: "\n")
            let seedPage = """
                <!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>Al Cremlino | Quotidiano di Prova</title>
                <meta property="article:published_time" content="2023-04-06T10:12:00+02:00"></head>
                <body><div class="cookie">Usiamo i cookie. <button>Accetta</button></div>
                <header><nav><a href="/">Home</a> <a href="/esteri">Esteri</a></nav></header>
                <main><article>
                \(paragraphs)
                </article><aside><h3>Leggi anche</h3><ul><li><a href="/x">Altro articolo</a></li></ul></aside></main>
                <footer>© Quotidiano di Prova</footer></body></html>
                """
            try await Self.app(hits, seedPage: seedPage).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                #expect(try await CLIRunner.run(["sources", "add", "\(base)/seme/feed.xml", "--db", db]).status == 0)
                let r = try await CLIRunner.run(["update", "--pace", "0", "--db", db])
                #expect(r.status == 0 && r.stderr.contains("1 stored"), "\(r.stderr)")
                let analysed = try await CLIRunner.run(["analyze", Fixtures.seedTextPath])
                let expected = try #require(analysed.jsonLines.first?["quotes"] as? [[String: Any]])
                #expect(expected.count >= 3, "the seed has quotes: the check can fail")
                let store = try SQLiteDocumentStore(path: db)
                let id = "\(base)/esteri/2023/04/06/cremlino"
                #expect(try await store.document(id: id)?.text == seed)
                let json = try #require(try await store.analysisJSON(documentID: id))
                try await store.close()
                let stored = try #require(JSONValue.foundationObject(from: Substring(json)) as? [String: Any])
                let quotes = try #require(stored["quotes"] as? [[String: Any]])
                #expect(quotes.count == expected.count)
                for (q, e) in zip(quotes, expected) {
                    for k in ["kind", "start", "end", "text"] { #expect("\(q[k] ?? "-")" == "\(e[k] ?? "-")", "\(k)") }
                    let (qs, es) = (q["speaker"] as? [String: Any], e["speaker"] as? [String: Any])
                    for k in ["start", "end", "text"] { #expect("\(qs?[k] ?? "-")" == "\(es?[k] ?? "-")", "speaker \(k)") }
                }
            }
        }

        @Test func ingestURLStoresOnePage() async throws {
            let hits = Hits()
            let dir = try TemporaryDirectory()
            let db = dir.file("uno.sqlite").path
            try await Self.app(hits).test(.live) { client in
                let base = "http://127.0.0.1:\(client.port!)"
                let a = Self.articles[0]
                let r = try await CLIRunner.run(["ingest", "\(base)\(a.path)", "--db", db])
                #expect(r.status == 0 && r.stderr.contains("1 stored"), "\(r.stderr)")
                let again = try await CLIRunner.run(["ingest", "\(base)\(a.path)", "--db", db])
                #expect(again.status == 0 && again.stderr.contains("1 skipped"), "\(again.stderr)")
                let forbidden = try await CLIRunner.run(["ingest", "\(base)/riservato/pagina", "--db", db])
                #expect(forbidden.status == 65 && forbidden.stderr.contains("robots.txt"), "\(forbidden.stderr)")
                let store = try SQLiteDocumentStore(path: db)
                #expect(try await store.document(id: "\(base)\(a.path)")?.hit.published == "2026-03-02")
                try await store.close()
                #expect(await hits.count("/riservato/pagina") == 0)
            }
        }

        static func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }

        static func gzip(_ data: Data) throws -> Data {
            let dir = try TemporaryDirectory()
            let input = dir.file("zeri")
            try data.write(to: input)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
            p.arguments = ["-9", "-k", input.path]
            try p.run()
            p.waitUntilExit()
            return try Data(contentsOf: dir.file("zeri.gz"))
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
