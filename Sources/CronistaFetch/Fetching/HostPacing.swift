public import Foundation

/// Per-host politeness as plain bookkeeping, so that the fetcher and its tests share it and tests
/// need no clock: each host gets requests at least `interval` apart (or its `Crawl-delay`), and a
/// host that answered 429/503 gets none before the time it asked for.
public struct HostPacing: Sendable {
    public var interval: TimeInterval
    var next: [String: Date] = [:]
    var crawlDelay: [String: TimeInterval] = [:]

    public init(interval: TimeInterval = 1) {
        self.interval = interval
    }

    /// Reserves the next slot for `host`: the instant the request may start (`now` or later).
    public mutating func reserve(host: String, now: Date) -> Date {
        let key = host.lowercased()
        let start = max(now, next[key] ?? now)
        next[key] = start.addingTimeInterval(max(interval, crawlDelay[key] ?? 0))
        return start
    }

    /// No request to `host` before `until` (a `Retry-After`, or a back-off).
    public mutating func block(host: String, until: Date) {
        let key = host.lowercased()
        next[key] = max(next[key] ?? until, until)
    }

    /// The site's own `Crawl-delay`, honoured when longer than `interval`.
    public mutating func setCrawlDelay(host: String, seconds: TimeInterval?) {
        crawlDelay[host.lowercased()] = seconds
    }
}
