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

    /// The date of `value` in `zone` when `value` is an ISO 8601 date-time with an explicit offset
    /// (`Z`, `+02:00`, `-0300`; `PublicationDate.dateTime`) and a time other than midnight; `nil`
    /// otherwise (the written date then stands).
    func zonedDate(_ value: String, zone: PublisherZone) -> String? {
        // Midnight to the second is a date a CMS wrote as a timestamp (`2020-01-10T00:00:00+00:00`),
        // not an instant: the written day stands.
        guard let t = PublicationDate.dateTime(Self.trimmed(value)), let offset = t.offsetMinutes, t.second != 0 else { return nil }
        let utc = t.day * 1440 + t.second / 60 - offset
        let local = utc + zone.offset(atUTCMinutes: utc)
        let day = CivilDay.date(PublisherZone.floorDiv(local, 1440))
        return plausible(day.year, day.month, day.day)
    }
}
