#if Server
    import CronistaCore
    import CronistaFetch
    import CronistaIngest
    import CronistaNLP
    import CronistaStorage
    import Foundation

    /// Polls sources: the feed (or sitemap, or page) fetched conditionally, new entries' pages
    /// fetched (robots.txt honoured, per-host pacing), extracted with ``HTMLPage``, analysed and
    /// stored by the ingest library; validators, schedule and errors recorded per source.
    struct SourcePoller {
        let store: any DocumentStore
        let sources: any SourceStore
        let fetcher: Fetcher
        let ingestion: Ingestion
        let schedule: PollSchedule
        /// The clock: the time a poll is recorded at (tests and `watch` may inject one).
        let now: @Sendable () -> Date
        /// Article pages fetched at once. The fetcher's per-host pacing still spaces the requests
        /// to one host, so this only overlaps requests where the pace allows it.
        let concurrency: Int

        struct Summary: CustomStringConvertible {
            var sources = 0, failedSources = 0, notModified = 0
            var fetched = 0, tally = Ingestion.Tally()
            mutating func add(_ t: Ingestion.Tally) {
                tally.stored += t.stored
                tally.skipped += t.skipped
                tally.failed += t.failed
            }
            var description: String {
                "\(sources) sources (\(notModified) unchanged, \(failedSources) failed), \(fetched) articles fetched: "
                    + "\(tally.stored) stored, \(tally.skipped) skipped, \(tally.failed) failed"
            }
        }

        init(
            store: any DocumentStore, sources: any SourceStore, options: PollingOptions, schedule: PollSchedule = PollSchedule(),
            now: @escaping @Sendable () -> Date = { Date() }
        ) throws {
            self.store = store
            self.sources = sources
            self.schedule = schedule
            self.now = now
            self.concurrency = max(1, options.concurrency)
            // The engine first: if it cannot be built, no HTTP client exists yet to be shut down.
            ingestion = Ingestion(engine: try Engine(options: .init(nerModelPath: options.model)), batchSize: max(1, options.batch))
            let policy = FetchPolicy(version: "0.1.0", contact: ProcessInfo.processInfo.environment["CRONISTA_CONTACT"])
            fetcher = Fetcher(
                policy: policy, hostInterval: max(0, options.pace), timeout: max(1, options.timeout), maxPerHost: max(1, options.perHost))
        }

        func shutdown() async throws { try await fetcher.shutdown() }

        /// Opens the store's sources and runs `body` with a poller over them; then shuts the poller's
        /// HTTP client down and closes the store, whatever happened (a client released without its
        /// shutdown traps). `update` and `watch` share it.
        static func run(
            _ store: StoreOptions, options: PollingOptions, schedule: PollSchedule = PollSchedule(),
            now: @escaping @Sendable () -> Date = { Date() }, _ body: (SourcePoller, any SourceStore) async throws -> Void
        ) async throws {
            let (s, sources) = try await Sources.open(store, creating: true)
            let poller: SourcePoller
            do {
                poller = try SourcePoller(store: s, sources: sources, options: options, schedule: schedule, now: now)
            } catch {
                try? await s.close()
                throw error
            }
            do {
                try await body(poller, sources)
            } catch {
                try? await poller.shutdown()
                try? await s.close()
                throw error
            }
            try await poller.shutdown()
            try await s.close()
        }

        /// Polls each source in turn; a failing one is recorded and reported, and the next goes on.
        /// With `stop`, the sources left when it turns true are released unpolled (their claim
        /// dropped, nothing else changed).
        func pollAll(_ list: [FollowedSource], stop: () -> Bool = { false }) async -> Summary {
            var summary = Summary()
            for source in list {
                if stop() {
                    try? await sources.recordPoll(source)
                    continue
                }
                await poll(source, into: &summary)
            }
            return summary
        }

        func poll(_ source: FollowedSource, into summary: inout Summary) async {
            summary.sources += 1
            var s = source
            let started = now()
            do {
                let answer = try await fetcher.get(source.url, validators: Validators(etag: source.etag, lastModified: source.lastModified))
                var previous: String?
                if let moved = answer.movedTo {
                    previous = source.url
                    s.url = CanonicalURL.of(moved) ?? moved
                    printError("cronista: \(source.url) moved permanently to \(s.url)")
                }
                s.lastFetched = started
                s.failures = 0
                s.lastError = nil
                var ttl: Int?
                if answer.notModified {
                    summary.notModified += 1
                } else {
                    s.etag = answer.validators.etag
                    s.lastModified = answer.validators.lastModified
                    ttl = try await takeNew(answer, source: s, into: &summary)
                }
                let expires = answer.expires.flatMap(FeedDate.instant)
                var interval = schedule.interval(ttlMinutes: ttl, cacheControl: answer.cacheControl, expires: expires, now: started)
                // A 304 carries no feed, so no <ttl>: an unchanged source keeps the interval it had.
                if answer.notModified, answer.cacheControl == nil, expires == nil, source.failures == 0,
                    let last = source.lastFetched, let next = source.nextPoll
                {
                    interval = schedule.clamp(next.timeIntervalSince(last))
                }
                s.nextPoll = started.addingTimeInterval(interval)
                try await sources.recordPoll(s, previousURL: previous)
            } catch {
                summary.failedSources += 1
                s.failures += 1
                s.lastError = "\(error)"
                let retryAfter = (error as? FetchError)?.retryAfter
                s.nextPoll = started.addingTimeInterval(schedule.backoff(failures: s.failures, retryAfter: retryAfter))
                printError("cronista: error: source \(source.url): \(error)")
                do { try await sources.recordPoll(s) } catch { printError("cronista: error: source \(source.url): \(error)") }
            }
        }

        /// The new entries of a fetched source stored; returns the feed's TTL in minutes.
        func takeNew(_ answer: FetchedPage, source: FollowedSource, into summary: inout Summary) async throws -> Int? {
            var entries: [(link: String, published: String?)] = []
            var ttl: Int?
            if source.kind == .page {
                entries = [(source.url, nil)]
            } else {
                let feed = try FeedParser(baseURL: URL(string: answer.url)).parse(Data(answer.body))
                ttl = feed.ttlMinutes
                var unique: Set<String> = []
                for e in feed.entries {
                    let link = CanonicalURL.of(e.link) ?? e.link
                    if unique.insert(link).inserted { entries.append((link, e.published)) }
                }
            }
            let seen = source.kind == .page ? [] : try await sources.seenArticles(urls: entries.map(\.link))
            let fresh = entries.filter { !seen.contains($0.link) }
            var marks: [SeenArticle] = []
            // Windows of one transaction's worth of articles (`--batch`): fetched several at once, then
            // analysed and stored while the next window is fetched (one analysis at a time; it uses
            // every core).
            var analysing: Task<Ingestion.Tally, any Error>?
            var start = 0
            while start < fresh.count {
                let window = Array(fresh[start..<min(start + ingestion.batchSize, fresh.count)])
                start += window.count
                let outcomes =
                    source.kind == .page
                    ? [Self.article(answer, entry: window[0])] : await fetchArticles(window)
                var items: [SourceItem] = []
                for (entry, outcome) in zip(window, outcomes) {
                    switch outcome {
                    case .article(let doc, let hash):
                        if source.kind != .page { summary.fetched += 1 }
                        marks.append(SeenArticle(url: entry.link, contentHash: hash, source: source.url))
                        items.append(.document(doc))
                    case .notFetched(let error):
                        printError("cronista: error: source \(source.url): article \(error)")
                        // A page that is gone or forbidden is not asked for again; a server error is.
                        if error.reason == .clientError || error.reason == .forbiddenByRobots {
                            marks.append(SeenArticle(url: entry.link, contentHash: nil, source: source.url))
                        }
                        summary.tally.failed += 1
                    case .unreadable(let error):
                        if source.kind != .page { summary.fetched += 1 }
                        printError("cronista: error: source \(source.url): article \(entry.link): \(error)")
                        marks.append(SeenArticle(url: entry.link, contentHash: nil, source: source.url))
                        summary.tally.failed += 1
                    }
                }
                if let previous = analysing { summary.add(try await previous.value) }
                analysing = items.isEmpty ? nil : Task { [ingestion, store, items] in try await Self.store(items, ingestion, store) }
            }
            if let last = analysing { summary.add(try await last.value) }
            try await sources.markSeen(marks)
            return ttl
        }

        /// What became of one entry's page: its article, or why there is none.
        enum ArticleOutcome: Sendable {
            case article(DocumentInput, contentHash: String)
            case notFetched(FetchError)
            case unreadable(any Error)
        }

        /// The articles of `entries`, at most ``concurrency`` requests at once (each page's text
        /// extracted by the task that fetched it), in the order asked.
        func fetchArticles(_ entries: [(link: String, published: String?)]) async -> [ArticleOutcome] {
            let fetcher = self.fetcher
            return await withTaskGroup(of: (Int, ArticleOutcome).self) { group in
                var results = [ArticleOutcome?](repeating: nil, count: entries.count)
                var next = 0
                var inFlight = 0
                while next < entries.count || inFlight > 0 {
                    // Keep `concurrency` requests in flight while entries are left.
                    while next < entries.count && inFlight < concurrency {
                        let i = next
                        let (link, published) = entries[i]
                        group.addTask {
                            do {
                                let page = try await fetcher.get(link, isArticle: true)
                                return (i, Self.article(page, entry: (link, published)))
                            } catch {
                                return (i, .notFetched((error as? FetchError) ?? FetchError(url: link, status: 0, reason: .connection)))
                            }
                        }
                        next += 1
                        inFlight += 1
                    }
                    guard let (i, outcome) = await group.next() else { break }
                    inFlight -= 1
                    results[i] = outcome
                }
                return results.map { $0 ?? .unreadable(CancellationError()) }
            }
        }

        /// A fetched page's article: its text extracted, dated by the page or else by the feed.
        static func article(_ page: FetchedPage, entry: (link: String, published: String?)) -> ArticleOutcome {
            do {
                let id = CanonicalURL.of(page.url) ?? page.url
                var doc = try HTMLPage.page(bytes: page.body, id: id, origin: entry.link, url: id).document
                // The page's own date first; the feed's when the page has none.
                if doc.metadata.published == nil { doc.metadata.published = entry.published }
                return .article(doc, contentHash: StorableDocument.contentHash(of: doc.text))
            } catch {
                return .unreadable(error)
            }
        }

        /// One window's documents analysed and stored by the ingest library.
        static func store(_ items: [SourceItem], _ ingestion: Ingestion, _ store: any DocumentStore) async throws -> Ingestion.Tally {
            try await ingestion.run(DocumentList(items: items), into: store) { event in
                switch event {
                case .unreadable(let e): printError("cronista: error: \(e)")
                case .notAnalysed(let e): printError("cronista: error: \(e)")
                case .notStored(let id, let e): printError("cronista: error: document \(id): not stored: \(e)")
                case .read, .progress: break
                }
            }
        }
    }
#endif
