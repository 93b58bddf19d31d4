import CronistaCore

/// A publication date is the publisher's calendar day. Pages often write it as an instant in UTC
/// (`2022-11-06T23:00:00.000Z` on a German site is the 7th there; `2022-05-04T00:53Z` on an
/// Argentinian one is the 3rd), so a timestamp with an explicit offset is moved to the publisher's
/// zone before its date is taken. The zone comes from the site's country-code domain, then the page's
/// `lang` region (`es-AR`), then its language where one country dominates (`de`); a page with none of
/// these keeps the date as written.
public struct PublisherZone: Sendable, Equatable {
    /// Daylight-saving schemes, by their transition dates (approximated to the UTC day of the change).
    public enum Daylight: String, Sendable {
        case none
        /// European Union: last Sunday of March to last Sunday of October, at 01:00 UTC.
        case eu
        /// United States and Canada: second Sunday of March to first Sunday of November.
        case us
    }

    /// Standard time's offset from UTC, in minutes.
    public var minutes: Int
    public var daylight: Daylight

    public init(minutes: Int, daylight: Daylight) {
        self.minutes = minutes
        self.daylight = daylight
    }

    /// The offset in force at a UTC instant given as minutes since 1970-01-01.
    func offset(atUTCMinutes t: Int) -> Int {
        let day = Self.floorDiv(t, 1440)
        let y = CivilDay.date(day).year
        switch daylight {
        case .none:
            return minutes
        case .eu:
            let start = Self.lastSunday(y, 3) * 1440 + 60
            let end = Self.lastSunday(y, 10) * 1440 + 60
            return t >= start && t < end ? minutes + 60 : minutes
        case .us:
            // 02:00 local standard time, then 02:00 local daylight time.
            let start = Self.nthSunday(2, y, 3) * 1440 + 120 - minutes
            let end = Self.nthSunday(1, y, 11) * 1440 + 120 - (minutes + 60)
            return t >= start && t < end ? minutes + 60 : minutes
        }
    }

    // MARK: calendar arithmetic (day numbers of CivilDay: days since 1970-01-01)

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// 0 = Sunday.
    static func weekday(_ days: Int) -> Int { ((days % 7) + 7 + 4) % 7 }

    static func lastSunday(_ y: Int, _ m: Int) -> Int {
        let next = m == 12 ? CivilDay.number(year: y + 1, month: 1, day: 1) : CivilDay.number(year: y, month: m + 1, day: 1)
        let last = next - 1
        return last - weekday(last)
    }

    static func nthSunday(_ n: Int, _ y: Int, _ m: Int) -> Int {
        let first = CivilDay.number(year: y, month: m, day: 1)
        return first + (7 - weekday(first)) % 7 + (n - 1) * 7
    }
}

extension MetadataExtractor {
    /// The publisher's zone: the country-code domain of `url`, then the region of `language`
    /// (`es-AR`), then the country `language` alone points to (`de`). `nil` when none is known.
    func publisherZone(url: String?, language: String?) -> PublisherZone? {
        if let url, let host = Self.host(of: url), let dot = host.lastIndex(of: ".") {
            let tld = String(host[host.index(after: dot)...])
            if let z = rules.countryZones[tld] { return z }
        }
        guard let language else { return nil }
        let parts = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.lowercased() }
        if parts.count >= 2, parts[1].count == 2, let z = rules.countryZones[parts[1]] { return z }
        if let first = parts.first, let country = rules.languageCountries[first], let z = rules.countryZones[country] { return z }
        return nil
    }

    /// The host of an absolute URL, lowercased (`https://www.example.de:8080/x` → `www.example.de`).
    static func host(of url: String) -> String? {
        guard let scheme = url.firstRange(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let stops: Set<Character> = ["/", ":", "?", "#"]
        let end = rest.firstIndex(where: { stops.contains($0) }) ?? rest.endIndex
        let host = rest[..<end].lowercased()
        return host.isEmpty ? nil : host
    }

    /// The date of `value` in `zone` when `value` is an ISO 8601 timestamp with a time and an explicit
    /// offset (`Z`, `+02:00`, `-0300`) and a time other than midnight; `nil` otherwise (the written date
    /// then stands).
    func zonedDate(_ value: String, zone: PublisherZone) -> String? {
        let s = Array(value.utf8)
        var i = 0
        while i < s.count, s[i] == UInt8(ascii: " ") || s[i] == UInt8(ascii: "\"") { i += 1 }
        func number(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                v = v * 10 + Int(s[k] - 48)
            }
            i += n
            return v
        }
        func take(_ c: Character) -> Bool {
            guard i < s.count, s[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let y = number(4), take("-"), let mo = number(2), take("-"), let d = number(2),
            take("T") || take(" "), let h = number(2), take(":"), let mi = number(2),
            (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60
        else { return nil }
        var seconds = 0
        if take(":") {
            guard let sec = number(2) else { return nil }
            seconds = sec
        }
        // Midnight to the second is a date a CMS wrote as a timestamp (`2020-01-10T00:00:00+00:00`),
        // not an instant: the written day stands.
        if h == 0, mi == 0, seconds == 0 { return nil }
        if take(".") || take(",") { while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 } }
        while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
        let offset: Int
        if take("Z") || take("z") {
            offset = 0
        } else if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            let sign = s[i] == UInt8(ascii: "+") ? 1 : -1
            i += 1
            guard let oh = number(2) else { return nil }
            _ = take(":")
            let om = number(2) ?? 0
            guard oh <= 14, om < 60 else { return nil }
            offset = sign * (oh * 60 + om)
        } else {
            return nil
        }
        let utc = CivilDay.number(year: y, month: mo, day: d) * 1440 + h * 60 + mi - offset
        let local = utc + zone.offset(atUTCMinutes: utc)
        let day = CivilDay.date(PublisherZone.floorDiv(local, 1440))
        return plausible(day.year, day.month, day.day)
    }
}
