import CronistaCore

/// The normalisation functions of a ``TimeGrammar``: turn a rule's captured values into a TIMEX3
/// value against the document's creation time (`published`), the tense around the expression and
/// the last day the text spoke of. Language-generic: every word lives in the grammar's tables.
struct TimeResolver {
    enum Function: String, Sendable, CaseIterable {
        case date, month, year, season, decade, holiday, rel, ago, after, weekday, dayref, night, clock, duration, weekend
        case literal, context, weekdayset, quarter

        /// How many arguments the function takes.
        var arity: ClosedRange<Int> {
            switch self {
            case .date: 3...3
            case .month, .season, .holiday, .ago, .after, .night, .quarter: 2...2
            case .year, .decade, .weekend, .literal, .context, .weekdayset: 1...1
            case .rel, .weekday: 2...3
            case .clock: 2...4
            case .dayref: 1...2
            case .duration: 2...4
            }
        }
    }

    enum Tense { case past, present, future }

    /// A calendar day (proleptic Gregorian), with day arithmetic through a day number.
    struct Day: Equatable, Comparable {
        var y: Int, m: Int, d: Int

        /// Days since 1970-01-01 (``CivilDay``).
        var number: Int { CivilDay.number(year: y, month: m, day: d) }

        init(y: Int, m: Int, d: Int) {
            self.y = y
            self.m = m
            self.d = d
        }

        init(number z: Int) {
            (y, m, d) = CivilDay.date(z)
        }

        /// `YYYY-MM-DD`, when it is one.
        init?(_ s: String) {
            let p = s.split(separator: "-")
            guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m), (1...31).contains(d) else {
                return nil
            }
            self.init(y: y, m: m, d: d)
        }

        func adding(days n: Int) -> Day { Day(number: number + n) }
        /// ISO weekday, 1 = Monday.
        var weekday: Int { ((number % 7) + 7 + 3) % 7 + 1 }
        /// ISO week-numbering year and week.
        var isoWeek: (year: Int, week: Int) {
            let thursday = adding(days: 4 - weekday)
            let jan1 = Day(y: thursday.y, m: 1, d: 1)
            return (thursday.y, (thursday.number - jan1.number) / 7 + 1)
        }
        var string: String { "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))" }
        var weekString: String {
            let w = isoWeek
            return "\(pad(w.year, 4))-W\(pad(w.week, 2))"
        }
        static func < (a: Day, b: Day) -> Bool { a.number < b.number }
    }

    /// The document's creation time, if known.
    let dct: Day?

    /// A value, or nil when the arguments make none (the match is then dropped).
    /// - Parameters:
    ///   - args: the rule's arguments, captures filled in (`nil` for absent).
    ///   - tense: the tense around the expression.
    ///   - context: the last fully specified day the text spoke of, and whether it was a night.
    func resolve(_ f: Function, _ args: [String?], tense: Tense, context: (day: Day, night: Bool)?) -> String? {
        func arg(_ i: Int) -> String? { i < args.count ? args[i] : nil }
        func int(_ i: Int) -> Int? { arg(i).flatMap { Int($0) } }
        func part(_ i: Int) -> String { arg(i).map { "T" + $0 } ?? "" }
        switch f {
        case .literal:
            return arg(0)
        case .date:
            guard let m = int(1), let d = int(0), (1...12).contains(m) else { return nil }
            // A year, or -1 / 1 for the last or next such day (`il 6 giugno scorso`).
            if let y = int(2), y > 999 { return Day(y: y, m: m, d: d).string }
            guard let dct else { return "XXXX-\(pad(m, 2))-\(pad(d, 2))" }
            let candidates = (dct.y - 1...dct.y + 1).map { Day(y: $0, m: m, d: d) }
            let direction: Tense? = arg(2) == "-1" ? .past : arg(2) == "1" ? .future : nil
            return pick(candidates, around: dct, tense: direction ?? tense).string
        case .month:
            var m = int(0)
            if arg(0) == "this" { m = dct?.m }
            guard let m, (1...12).contains(m) else { return nil }
            let given = arg(1)
            if let y = given.flatMap({ Int($0) }), y > 999 { return "\(pad(y, 4))-\(pad(m, 2))" }
            guard let dct else { return "XXXX-\(pad(m, 2))" }
            let y: Int
            switch given {
            case "this": y = dct.y
            case "-1": y = m < dct.m ? dct.y : dct.y - 1
            case "1": y = m > dct.m ? dct.y : dct.y + 1
            default:
                let candidates = (dct.y - 1...dct.y + 1).map { Day(y: $0, m: m, d: 1) }
                let first = Day(y: dct.y, m: dct.m, d: 1)
                y = pick(candidates, around: first, tense: tense).y
            }
            return "\(pad(y, 4))-\(pad(m, 2))"
        case .year:
            return int(0).map { pad($0, 4) }
        case .decade:
            return arg(0)
        case .season:
            guard let s = arg(0) else { return nil }
            let start = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][s] ?? 1
            let end = start + 2
            if let y = int(1), y > 999 { return "\(pad(y, 4))-\(s)" }
            guard let dct else { return "XXXX-\(s)" }
            var y = dct.y
            switch arg(1) {
            case "-1": y = end < dct.m ? dct.y : dct.y - 1
            case "1": y = start > dct.m ? dct.y : dct.y + 1
            case "0": y = dct.y
            default:
                if tense == .past && start > dct.m { y -= 1 }
                if tense == .future && end < dct.m { y += 1 }
            }
            return "\(pad(y, 4))-\(s)"
        case .holiday:
            guard let h = arg(0), h.count == 4 else { return nil }
            let mmdd = "\(h.prefix(2))-\(h.suffix(2))"
            if let y = int(1) { return "\(pad(y, 4))-\(mmdd)" }
            return dct.map { "\(pad($0.y, 4))-\(mmdd)" } ?? "XXXX-\(mmdd)"
        case .rel:
            guard let unit = arg(0), let n = int(1) else { return nil }
            guard let dct else { return underspecified(unit) + (unit == "D" ? part(2) : "") }
            return shifted(dct, unit: unit, by: n) + (unit == "D" ? part(2) : "")
        case .ago, .after:
            guard let unit = arg(0) else { return nil }
            guard let n = int(1) else { return f == .ago ? "PAST_REF" : "FUTURE_REF" }
            guard let dct else { return underspecified(unit) }
            if ["H", "MIN", "S"].contains(unit) { return f == .ago ? "PAST_REF" : "FUTURE_REF" }
            return shifted(dct, unit: unit, by: f == .ago ? -n : n)
        case .weekday:
            guard let w = weekdayNumber(arg(0)) else { return nil }
            // A bare weekday in the present points ahead (`giovedì si inaugura`); nights and clock
            // times (``dayref(_:tense:)``) keep to the past.
            guard let day = weekday(w, direction: arg(1), tense: tense == .present ? .future : tense) else {
                return "XXXX-WXX-\(w)" + part(2)
            }
            return day.string + part(2)
        case .dayref:
            guard let x = arg(0) else { return nil }
            guard let day = dayref(x, tense: tense) else { return underspecifiedDay(x) + part(1) }
            return day.string + part(1)
        case .night:
            guard let a = arg(0), let b = arg(1) else { return nil }
            guard let da = dayref(a, tense: tense), let db = dayref(b, tense: tense) else { return "XXXX-XX-XXTNI" }
            return min(da, db).string + "TNI"
        case .clock:
            guard let h0 = arg(0) else { return nil }
            let hm = h0.split(separator: ":")
            guard var h = Int(hm[0]) else { return nil }
            let m = hm.count > 1 ? Int(hm[1]) ?? 0 : int(1) ?? 0
            var day: Day?
            let x = arg(2)
            if let x, x.hasPrefix("w") || x.hasPrefix("d") {
                day = dayref(x, tense: tense)
                if day == nil { return "XXXX-XX-XXT\(pad(h, 2)):\(pad(m, 2))" }
            }
            if (x == "EV" || x == "AF") && h < 12 { h += 12 }
            if h > 24 || m > 59 { return nil }
            if day == nil, let context {
                day = context.night && h < 12 ? context.day.adding(days: 1) : context.day
            }
            if day == nil { day = dct }
            return (day?.string ?? "XXXX-XX-XX") + "T\(pad(h, 2)):\(pad(m, 2))" + (arg(3) ?? "")
        case .duration:
            guard let u = arg(0), let n = arg(1) else { return nil }
            var parts: [(String, String)] = [(u, n)]
            if arg(2) == "half" {
                if let h = Self.half[u] { parts.append(h) }
            } else if let u2 = arg(2), let n2 = arg(3) {
                parts.append((u2, n2))
            }
            return Self.duration(parts)
        case .weekend:
            guard let dct else { return "XXXX-WXX-WE" }
            var n = 0
            switch arg(0) {
            case "-1": n = -1
            case "1": n = 1
            default: if dct.weekday < 6 && tense != .future { n = -1 }
            }
            return dct.adding(days: 7 * n).weekString + "-WE"
        case .context:
            guard let base = context?.day ?? dct else { return nil }
            switch arg(0) {
            case "D1": return base.adding(days: 1).string
            case "D-1": return base.adding(days: -1).string
            case "D": return base.string
            default: return base.string + "T" + (arg(0) ?? "")
            }
        case .weekdayset:
            return weekdayNumber(arg(0)).map { "XXXX-WXX-\($0)" }
        case .quarter:
            return quarter(arg(0), year: arg(1), tense: tense)
        }
    }

    /// A quarter's value: `1`–`4` in a year given, relative (`0`, `-1`, `1`) or picked by tense
    /// (the past: the last one begun by the DCT; the future: the next one); `this`, `prev`, `next`
    /// count from the DCT's quarter.
    func quarter(_ q: String?, year: String?, tense: Tense) -> String? {
        if let q, let shift = ["this": 0, "prev": -1, "next": 1][q] {
            guard let dct else { return "XXXX-QX" }
            let k = dct.y * 4 + (dct.m - 1) / 3 + shift
            return "\(pad(k / 4, 4))-Q\(k % 4 + 1)"
        }
        guard let q = q.flatMap({ Int($0) }), (1...4).contains(q) else { return nil }
        if let y = year.flatMap({ Int($0) }), y > 999 { return "\(pad(y, 4))-Q\(q)" }
        guard let dct else { return "XXXX-Q\(q)" }
        if let n = year.flatMap({ Int($0) }) { return "\(pad(dct.y + n, 4))-Q\(q)" }
        let current = (dct.m - 1) / 3 + 1
        var y = dct.y
        if tense == .future { if q < current { y += 1 } } else if q > current { y -= 1 }
        return "\(pad(y, 4))-Q\(q)"
    }

    /// `w3` → 3.
    func weekdayNumber(_ s: String?) -> Int? {
        guard let s, s.hasPrefix("w"), let n = Int(s.dropFirst()), (1...7).contains(n) else { return nil }
        return n
    }

    /// A weekday's date: `-1` the last one before the DCT, `1` the next one after it, else by tense
    /// (the future: the next one; otherwise the last one); `near` as by tense, the DCT's day included.
    func weekday(_ w: Int, direction: String?, tense: Tense) -> Day? {
        guard let dct else { return nil }
        // `near`: by tense, but the DCT's own weekday is the DCT (English news: `said on Monday`
        // in a Monday's article).
        if direction == "near" && w == dct.weekday { return dct }
        let forward = direction == "1" || (direction != "-1" && tense == .future)
        if forward {
            var k = (w - dct.weekday + 7) % 7
            if k == 0 { k = 7 }
            return dct.adding(days: k)
        }
        var k = (dct.weekday - w + 7) % 7
        if k == 0 { k = 7 }
        return dct.adding(days: -k)
    }

    /// `d-1` (days from the DCT) or `w3` (a weekday by tense).
    func dayref(_ x: String, tense: Tense) -> Day? {
        if let w = weekdayNumber(x) { return weekday(w, direction: nil, tense: tense) }
        guard x.hasPrefix("d"), let n = Int(x.dropFirst()), let dct else { return nil }
        return dct.adding(days: n)
    }

    func underspecifiedDay(_ x: String) -> String { weekdayNumber(x).map { "XXXX-WXX-\($0)" } ?? "XXXX-XX-XX" }

    func underspecified(_ unit: String) -> String {
        switch unit {
        case "D": "XXXX-XX-XX"
        case "W": "XXXX-WXX"
        case "M": "XXXX-XX"
        default: "XXXX"
        }
    }

    /// The DCT moved by `n` units, at that unit's granularity.
    func shifted(_ dct: Day, unit: String, by n: Int) -> String {
        switch unit {
        case "D": return dct.adding(days: n).string
        case "W": return dct.adding(days: 7 * n).weekString
        case "M":
            let total = dct.y * 12 + (dct.m - 1) + n
            return "\(pad(total / 12, 4))-\(pad(total % 12 + 1, 2))"
        case "DE": return String((dct.y + 10 * n) / 10)
        case "CE": return String((dct.y + 100 * n) / 100)
        default: return pad(dct.y + n, 4)
        }
    }

    /// Of same-month-and-day candidates in consecutive years: the last not after `dct` for the past,
    /// the first not before it for the future, the nearest for the present.
    func pick(_ candidates: [Day], around dct: Day, tense: Tense) -> Day {
        switch tense {
        case .past: return candidates.last { $0 <= dct } ?? candidates[0]
        case .future: return candidates.first { $0 >= dct } ?? candidates[candidates.count - 1]
        case .present: return candidates.min { abs($0.number - dct.number) < abs($1.number - dct.number) } ?? candidates[0]
        }
    }

    /// What half a unit adds (`due anni e mezzo` → P2Y6M).
    static let half: [String: (String, String)] = [
        "Y": ("M", "6"), "M": ("D", "15"), "D": ("H", "12"), "H": ("MIN", "30"), "MIN": ("S", "30")
    ]

    /// `P2Y6M`, `PT1H30M`, `PXY` from (unit, amount) pairs; decades and centuries in years.
    static func duration(_ parts: [(String, String)]) -> String? {
        var date = ""
        var time = ""
        for (u, n) in parts {
            var amount = n
            var unit = u
            if u == "DE" || u == "CE" {
                unit = "Y"
                if let k = Int(n) { amount = String(k * (u == "DE" ? 10 : 100)) }
            }
            switch unit {
            case "Y", "M", "W", "D": date += amount + unit
            case "H": time += amount + "H"
            case "MIN": time += amount + "M"
            case "S": time += amount + "S"
            default: return nil
            }
        }
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }
}

/// `n` with leading zeros to `width` digits.
private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
