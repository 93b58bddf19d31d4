import Foundation

/// A site's `robots.txt` as RFC 9309 reads it, for one crawler: the group naming the crawler's
/// product token (else the `*` group), its `Allow`/`Disallow` rules with `*` and `$`, the longest
/// match deciding and `Allow` winning a tie. `Crawl-delay` (not in the RFC, widely written) is kept
/// for the per-host rate limit.
public struct RobotsRules: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        public var pattern: String
    }

    public var rules: [Rule]
    /// Seconds between requests that the site asks of this crawler, if it says.
    public var crawlDelay: Double?

    /// Everything allowed (no `robots.txt`, or a 4xx for it, as RFC 9309 says).
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil)

    public init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// The rules of `text` for the crawler whose product token is `userAgent` (e.g. `cronista`).
    public init(parsing text: String, userAgent: String) {
        let token = userAgent.lowercased()
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent || groups.isEmpty { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value))
            case "crawl-delay":
                lastWasAgent = false
                if !groups.isEmpty, let d = Double(value), d >= 0 { groups[groups.count - 1].delay = d }
            default:
                continue
            }
        }
        var chosen = groups.filter { g in g.agents.contains { $0 != "*" && token.hasPrefix($0) } }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        self.rules = chosen.flatMap(\.rules)
        self.crawlDelay = chosen.compactMap(\.delay).max()
    }

    /// Whether the crawler may fetch `path` (path and query, e.g. `/news/a?id=1`).
    public func allows(_ path: String) -> Bool {
        let target = Array((path.isEmpty ? "/" : path).utf8)
        var best: (length: Int, allow: Bool)?
        for rule in rules where Self.matches(Array(rule.pattern.utf8)[...], target[...]) {
            let length = rule.pattern.utf8.count
            if best == nil || length > best!.length || (length == best!.length && rule.allow) { best = (length, rule.allow) }
        }
        return best?.allow ?? true
    }

    /// Whether `pattern` (`*` any run, a final `$` the end) matches a prefix of `path` (or all of it with `$`).
    static func matches(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>) -> Bool {
        guard let p = pattern.first else { return true }
        if p == UInt8(ascii: "$"), pattern.count == 1 { return path.isEmpty }
        if p == UInt8(ascii: "*") {
            let rest = pattern.dropFirst()
            var i = path.startIndex
            while true {
                if matches(rest, path[i...]) { return true }
                if i == path.endIndex { return false }
                i += 1
            }
        }
        guard let c = path.first, c == p else { return false }
        return matches(pattern.dropFirst(), path.dropFirst())
    }
}
