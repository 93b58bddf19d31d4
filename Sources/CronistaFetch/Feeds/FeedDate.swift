public import Foundation
import CronistaCore

/// The dates feeds and HTTP write: RFC 822/1123 (`Tue, 03 Mar 2026 09:30:00 +0100`, RSS and HTTP
/// headers, two-digit years and zone names allowed) and ISO 8601 (Atom, JSON Feed, sitemaps, `dc:date`).
public enum FeedDate {
    /// The `YYYY-MM-DD` day a date was written with (its own time zone), or `nil`.
    public static func day(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        if let d = PublicationDate.normalised(t) { return d }
        if let c = rfc822(t) { return format(c.year, c.month, c.day) }
        // Sitemaps allow a bare year-month (`2026-03`) or year; no day to keep.
        return nil
    }

    /// The instant of an RFC 822/1123 date (HTTP `Last-Modified`, `Retry-After`, `Expires`).
    public static func instant(_ s: String) -> Date? {
        guard let c = rfc822(s.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = DateComponents(year: c.year, month: c.month, day: c.day, hour: c.hour, minute: c.minute, second: c.second)
        return utc.date(from: parts).map { $0.addingTimeInterval(TimeInterval(-c.offsetSeconds)) }
    }

    /// An HTTP date for `If-Modified-Since` from an instant (RFC 9110 IMF-fixdate).
    public static func httpDate(_ date: Date) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ v: Int?) -> String { (v ?? 0) < 10 ? "0\(v ?? 0)" : "\(v ?? 0)" }
        let weekday = weekdays[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(c.day)) \(month) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
    }

    /// RFC 822's own names (a protocol's tokens, in English whatever the feed's language).
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let zones: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7
    ]

    struct Components {
        var year, month, day, hour, minute, second, offsetSeconds: Int
    }

    /// `[Wkd,] D Mon YYYY [HH:MM[:SS] [zone]]`.
    static func rfc822(_ s: String) -> Components? {
        var words = s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let first = words.first, first.hasSuffix(",") || weekdays.contains(where: { first.lowercased().hasPrefix($0.lowercased()) }) {
            words.removeFirst()
        }
        if words.count >= 2, words[0].count > 2, let comma = words[0].firstIndex(of: ",") {
            words[0] = String(words[0][words[0].index(after: comma)...])
        }
        guard words.count >= 3, let day = Int(words[0]), (1...31).contains(day),
            let m = months.firstIndex(where: { words[1].lowercased().hasPrefix($0.lowercased()) }), var year = Int(words[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        guard PublicationDate.isCalendarDate(format(year, m + 1, day)) else { return nil }
        var c = Components(year: year, month: m + 1, day: day, hour: 0, minute: 0, second: 0, offsetSeconds: 0)
        if words.count >= 4 {
            let hms = words[3].split(separator: ":").compactMap { Int($0) }
            guard hms.count >= 2, (0...23).contains(hms[0]), (0...59).contains(hms[1]) else { return nil }
            c.hour = hms[0]
            c.minute = hms[1]
            c.second = hms.count > 2 ? hms[2] : 0
        }
        if words.count >= 5 { c.offsetSeconds = zoneOffset(words[4]) ?? 0 }
        return c
    }

    static func zoneOffset(_ z: String) -> Int? {
        if let h = zones[z.uppercased()] { return h * 3600 }
        let b = Array(z.utf8)
        guard b.count == 5, b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-"), let v = Int(String(z.dropFirst())) else { return nil }
        let seconds = (v / 100) * 3600 + (v % 100) * 60
        return b[0] == UInt8(ascii: "-") ? -seconds : seconds
    }

    static func format(_ y: Int, _ m: Int, _ d: Int) -> String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
