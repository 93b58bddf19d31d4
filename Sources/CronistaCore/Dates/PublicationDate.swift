/// A document's publication date as the store keeps it and searches compare it: `YYYY-MM-DD`, a
/// real calendar date.
///
/// Input may give an ISO 8601 date (`2025-03-01`) or date-time (`2025-03-01T09:30:00+01:00`,
/// `2025-03-01T08:30Z`, seconds and fractions optional, a space allowed in place of `T`); a
/// date-time keeps the date it was written with (its own time zone), which is the date the
/// article carries. Anything else (`1 marzo 2025`, `ieri`, `2025-02-30`) is refused, never kept
/// as a string that would later be compared as text.
///
/// ```swift
/// PublicationDate.normalised("2025-03-01T09:30:00Z")  // "2025-03-01"
/// PublicationDate.normalised("ieri")                  // nil
/// ```
public enum PublicationDate {
    /// The `YYYY-MM-DD` date of an ISO 8601 date or date-time, or `nil` when `s` is neither.
    public static func normalised(_ s: String) -> String? {
        let b = Array(s.utf8)
        guard b.count >= 10, isCalendarDate(b[0..<10]) else { return nil }
        if b.count == 10 { return String(decoding: b[0..<10], as: UTF8.self) }
        guard b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == 0x20, isTime(b[11...]) else { return nil }
        return String(decoding: b[0..<10], as: UTF8.self)
    }

    /// An ISO 8601 date-time taken apart: its day (a ``CivilDay`` number), the second of that day, and
    /// the offset from UTC it was written with, in minutes (`nil` when it names none: local time).
    public struct DateTime: Equatable, Sendable {
        public var day: Int
        public var second: Int
        public var offsetMinutes: Int?
    }

    /// The parts of an ISO 8601 date-time (the grammar ``normalised(_:)`` accepts, with a time), or
    /// `nil` when `s` is a bare date or no date-time.
    public static func dateTime(_ s: String) -> DateTime? {
        let b = Array(s.utf8)
        guard b.count > 11, isCalendarDate(b[0..<10]),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == 0x20,
            let t = time(b[11...]), let y = digits(b[0..<4]), let m = digits(b[5..<7]), let d = digits(b[8..<10])
        else { return nil }
        return DateTime(day: CivilDay.number(year: y, month: m, day: d), second: t.second, offsetMinutes: t.offsetMinutes)
    }

    /// Whether `s` is a `YYYY-MM-DD` date that exists (`2025-02-30` does not; `2024-02-29` does).
    public static func isCalendarDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return b.count == 10 && isCalendarDate(b[...])
    }

    /// What an error says a value must look like.
    public static let expectedForm = "an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)"

    static func digits(_ b: ArraySlice<UInt8>) -> Int? {
        guard !b.isEmpty, b.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return b.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func isCalendarDate(_ b: ArraySlice<UInt8>) -> Bool {
        let s = b.startIndex
        guard b.count == 10, b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-"),
            let y = digits(b[s..<s + 4]), let m = digits(b[s + 5..<s + 7]), let d = digits(b[s + 8..<s + 10]),
            (1...12).contains(m), d >= 1
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    /// `HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`.
    static func isTime(_ b: ArraySlice<UInt8>) -> Bool { time(b) != nil }

    /// The second of the day and the offset in minutes (`nil`: none written) of
    /// `HH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]`, or `nil` when `b` is not one.
    static func time(_ b: ArraySlice<UInt8>) -> (second: Int, offsetMinutes: Int?)? {
        var i = b.startIndex
        func two(_ max: Int) -> Int? {
            guard i + 2 <= b.endIndex, let v = digits(b[i..<i + 2]), v <= max else { return nil }
            i += 2
            return v
        }
        func colon() -> Bool {
            guard i < b.endIndex, b[i] == UInt8(ascii: ":") else { return false }
            i += 1
            return true
        }
        guard let hour = two(23), colon(), let minute = two(59) else { return nil }
        var second = hour * 3600 + minute * 60
        if i < b.endIndex, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = two(60) else { return nil }
            second += s
            if i < b.endIndex, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < b.endIndex, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > start else { return nil }
            }
        }
        if i == b.endIndex { return (second, nil) }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") { return i + 1 == b.endIndex ? (second, 0) : nil }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
        i += 1
        guard let oh = two(23) else { return nil }
        if i < b.endIndex, b[i] == UInt8(ascii: ":") { i += 1 }
        guard let om = two(59), i == b.endIndex else { return nil }
        return (second, sign * (oh * 60 + om))
    }
}
