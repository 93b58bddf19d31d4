/// A day of the proleptic Gregorian calendar as a number: days since 1970-01-01 (Howard Hinnant's
/// `days_from_civil` and `civil_from_days`). The one day arithmetic of the time resolver, the quote
/// clusters' date window, the entity page's timeline and the HTML publisher zones.
public enum CivilDay {
    /// The day number of a year, month (1–12) and day.
    public static func number(year y: Int, month m: Int, day d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The year, month and day of a day number.
    public static func date(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day number of the `YYYY-MM-DD` that `s` starts with (a date-time keeps its date); nil when
    /// it is no such date (month 1–12, day 1–31).
    public static func number(of s: some StringProtocol) -> Int? {
        let p = s.prefix(10).split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else {
            return nil
        }
        return number(year: y, month: m, day: d)
    }
}
