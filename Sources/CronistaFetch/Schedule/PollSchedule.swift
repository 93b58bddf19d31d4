public import Foundation

/// When to look at a source again: what the source asks (RSS `<ttl>`, `Cache-Control: max-age`,
/// `Expires`) or the watch interval, clamped between 5 minutes and 24 hours; after failures, the
/// interval doubled per consecutive failure (same clamp), or the server's `Retry-After` if longer.
public struct PollSchedule: Sendable, Equatable {
    public var minimum: TimeInterval
    public var maximum: TimeInterval
    /// The interval when the source says nothing (`cronista watch --interval`).
    public var defaultInterval: TimeInterval

    public init(defaultInterval: TimeInterval = 15 * 60, minimum: TimeInterval = 5 * 60, maximum: TimeInterval = 24 * 3600) {
        self.minimum = minimum
        self.maximum = maximum
        self.defaultInterval = defaultInterval
    }

    /// The interval after a successful fetch.
    public func interval(ttlMinutes: Int? = nil, cacheControl: String? = nil, expires: Date? = nil, now: Date = Date()) -> TimeInterval {
        var asked: TimeInterval?
        if let ttl = ttlMinutes { asked = TimeInterval(ttl) * 60 }
        if let maxAge = cacheControl.flatMap(Self.maxAge) { asked = max(asked ?? 0, maxAge) }
        if asked == nil, let expires { asked = expires.timeIntervalSince(now) }
        return clamp(asked ?? defaultInterval)
    }

    /// The interval after `failures` consecutive failures (1 for the first), at least `retryAfter`.
    public func backoff(failures: Int, retryAfter: TimeInterval? = nil) -> TimeInterval {
        let doubled = defaultInterval * pow(2, Double(max(0, min(failures, 20) - 1)))
        return clamp(max(doubled, retryAfter ?? 0))
    }

    /// `t` between `minimum` and `maximum` (a non-finite one is `maximum`).
    public func clamp(_ t: TimeInterval) -> TimeInterval {
        min(maximum, max(minimum, t.isFinite ? t : maximum))
    }

    /// `max-age` (or `s-maxage`) of a `Cache-Control` header, in seconds; `no-cache`/`no-store` give 0.
    static func maxAge(_ header: String) -> TimeInterval? {
        var result: TimeInterval?
        for part in header.split(separator: ",") {
            let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            switch kv[0] {
            case "max-age", "s-maxage":
                if kv.count == 2, let v = Double(kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))), v >= 0 {
                    result = max(result ?? 0, v)
                }
            case "no-cache", "no-store": return 0
            default: continue
            }
        }
        return result
    }

    /// `Retry-After` as seconds from `now`: delta-seconds or an HTTP date.
    public static func retryAfter(_ header: String, now: Date = Date()) -> TimeInterval? {
        let t = header.trimmingCharacters(in: .whitespaces)
        if let s = Double(t), s >= 0 { return s }
        return FeedDate.instant(t).map { max(0, $0.timeIntervalSince(now)) }
    }
}
