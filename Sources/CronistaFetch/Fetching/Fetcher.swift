#if Server
    public import Foundation
    import AsyncHTTPClient
    import NIOCore
    import NIOHTTP1
    import NIOHTTPCompression

    /// One answer with a body, or a 304.
    public struct FetchedPage: Sendable {
        /// The URL that answered, after redirects.
        public var url: String
        /// Set when a permanent redirect (301/308) moved the URL asked for: the store keeps this one.
        public var movedTo: String?
        /// `true` for a 304: nothing changed, `body` is empty.
        public var notModified: Bool
        public var body: [UInt8]
        public var validators: Validators
        public var cacheControl: String?
        public var expires: String?
    }

    /// The fetcher (async-http-client): conditional GETs, up to 5 redirects followed by hand (so a
    /// permanent move is seen), gzip/deflate decoded with the 15 MiB cap applied after decoding (a
    /// gzip bomb is cut there), connect/read/total timeouts, `robots.txt` for article pages, and the
    /// per-host pacing of ``HostPacing``.
    public actor Fetcher {
        public let policy: FetchPolicy
        let client: HTTPClient
        let totalTimeout: TimeAmount
        var pacing: HostPacing
        /// The longest pause waited for before a request to a host; a longer one is an error.
        let maxWait: TimeInterval
        var robots: [String: RobotsRules] = [:]
        /// `robots.txt` files being fetched: concurrent requests to a new host wait for one fetch.
        var robotsLoading: [String: Task<Void, Never>] = [:]
        /// The most requests in flight to one host; more wait their turn, in order.
        public let maxPerHost: Int
        var inFlight: [String: Int] = [:]
        var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

        /// - Parameters:
        ///   - hostInterval: seconds between two requests to one host (0 on loopback benches).
        ///   - timeout: the whole request, body included.
        ///   - maxWait: the longest pause waited for before a request to a host (a `Crawl-delay`);
        ///     a longer one (a `Retry-After`) fails the request at once with `rateLimited`.
        ///   - maxPerHost: the most requests in flight to one host at once.
        public init(
            policy: FetchPolicy, hostInterval: TimeInterval = 1, timeout: TimeInterval = 30, maxWait: TimeInterval = 30, maxPerHost: Int = 2
        ) {
            self.policy = policy
            self.maxPerHost = max(1, maxPerHost)
            self.maxWait = maxWait
            self.pacing = HostPacing(interval: hostInterval)
            self.totalTimeout = .milliseconds(Int64(timeout * 1000))
            let configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .milliseconds(Int64(timeout * 1000))),
                decompression: .enabled(limit: .size(policy.bodyLimit)))
            self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        }

        public func shutdown() async throws {
            try await client.shutdown()
        }

        /// GETs `url`. `isArticle` pages are checked against the host's `robots.txt` first.
        public func get(_ url: String, validators: Validators = Validators(), isArticle: Bool = false) async throws(FetchError)
            -> FetchedPage
        {
            var current = url
            var movedTo: String?
            var permanentSoFar = true
            for redirects in 0...policy.maxRedirects {
                if isArticle { try await checkRobots(current) }
                let (status, headers, body) = try await request(current, validators: redirects == 0 ? validators : Validators())
                switch policy.outcome(url: current, status: status, headers: headers, redirects: redirects) {
                case .content(let v):
                    return FetchedPage(
                        url: current, movedTo: movedTo, notModified: false, body: body, validators: v,
                        cacheControl: Self.header(headers, "Cache-Control"), expires: Self.header(headers, "Expires"))
                case .notModified:
                    return FetchedPage(
                        url: current, movedTo: movedTo, notModified: true, body: [], validators: validators,
                        cacheControl: Self.header(headers, "Cache-Control"), expires: Self.header(headers, "Expires"))
                case .redirect(let target, let permanent):
                    permanentSoFar = permanentSoFar && permanent
                    if permanentSoFar { movedTo = target }
                    current = target
                case .retryLater(let after, let status):
                    if let host = URL(string: current)?.host {
                        pacing.block(host: host, until: Date().addingTimeInterval(after ?? 60))
                    }
                    throw FetchError(url: current, status: status, reason: .rateLimited, retryAfter: after)
                case .failed(let error):
                    throw error
                }
            }
            throw FetchError(url: current, status: 0, reason: .tooManyRedirects)
        }

        func request(_ url: String, validators: Validators) async throws(FetchError)
            -> (status: Int, headers: [(name: String, value: String)], body: [UInt8])
        {
            guard let host = URL(string: url)?.host else { throw FetchError(url: url, status: 0, reason: .connection) }
            await acquire(host)
            defer { release(host) }
            let start = pacing.reserve(host: host, now: Date())
            let wait = start.timeIntervalSinceNow
            // A host that asked for a long pause (Retry-After) is not waited for: the caller moves
            // on to other sources and comes back at the next check.
            if wait > maxWait { throw FetchError(url: url, status: 0, reason: .rateLimited, retryAfter: wait.rounded(.up)) }
            if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
            var req = HTTPClientRequest(url: url)
            for (name, value) in policy.requestHeaders(validators) { req.headers.add(name: name, value: value) }
            do {
                let response = try await client.execute(req, timeout: totalTimeout)
                let headers = response.headers.map { (name: $0.name, value: $0.value) }
                let status = Int(response.status.code)
                guard (200..<300).contains(status) else { return (status, headers, []) }
                let buffer = try await response.body.collect(upTo: policy.bodyLimit)
                return (status, headers, Array(buffer.readableBytesView))
            } catch let error as FetchError {
                throw error
            } catch is NIOTooManyBytesError {
                throw FetchError(url: url, status: 200, reason: .bodyTooLarge)
            } catch let error as NIOHTTPDecompression.DecompressionError {
                throw FetchError(url: url, status: 200, reason: error == .limit ? .bodyTooLarge : .connection)
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                throw FetchError(url: url, status: 0, reason: .timeout)
            } catch {
                throw FetchError(url: url, status: 0, reason: .connection)
            }
        }

        /// RFC 9309: a 4xx `robots.txt` allows everything, a 5xx or no answer forbids everything.
        func checkRobots(_ url: String) async throws(FetchError) {
            guard var c = URLComponents(string: url), let host = c.host else { return }
            let key = "\(c.scheme ?? "http")://\(host.lowercased()):\(c.port ?? 0)"
            if robots[key] == nil {
                c.path = "/robots.txt"
                c.query = nil
                c.fragment = nil
                let robotsURL = c.url?.absoluteString ?? url
                let loading =
                    robotsLoading[key]
                    ?? Task {
                        let rules: RobotsRules
                        do {
                            let (status, _, body) = try await request(robotsURL, validators: Validators())
                            switch status {
                            case 200..<300:
                                rules = RobotsRules(parsing: String(decoding: body, as: UTF8.self), userAgent: policy.robotsToken)
                            case 400..<500: rules = .allowAll
                            default: rules = RobotsRules(rules: [.init(allow: false, pattern: "/")], crawlDelay: nil)
                            }
                        } catch {
                            rules = RobotsRules(rules: [.init(allow: false, pattern: "/")], crawlDelay: nil)
                        }
                        robots[key] = rules
                        pacing.setCrawlDelay(host: host, seconds: rules.crawlDelay)
                        robotsLoading[key] = nil
                    }
                robotsLoading[key] = robots[key] == nil ? loading : nil
                await loading.value
            }
            let target = URLComponents(string: url)
            let path =
                (target?.percentEncodedPath.isEmpty ?? true ? "/" : target!.percentEncodedPath)
                + (target?.percentEncodedQuery.map { "?\($0)" } ?? "")
            if robots[key]?.allows(path) == false { throw FetchError(url: url, status: 0, reason: .forbiddenByRobots) }
        }

        /// Waits for one of `host`'s ``maxPerHost`` slots.
        func acquire(_ host: String) async {
            let key = host.lowercased()
            if inFlight[key, default: 0] < maxPerHost {
                inFlight[key, default: 0] += 1
                return
            }
            // The slot is handed over by `release`, so the count stays as it is.
            await withCheckedContinuation { waiting[key, default: []].append($0) }
        }

        /// Gives `host`'s slot to the next waiting request, or frees it.
        func release(_ host: String) {
            let key = host.lowercased()
            if var queue = waiting[key], !queue.isEmpty {
                let next = queue.removeFirst()
                waiting[key] = queue.isEmpty ? nil : queue
                next.resume()
            } else {
                inFlight[key, default: 1] -= 1
            }
        }

        /// Requests to `host` in flight now (for tests).
        public func requestsInFlight(to host: String) -> Int { inFlight[host.lowercased(), default: 0] }

        static func header(_ headers: [(name: String, value: String)], _ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }
#endif
