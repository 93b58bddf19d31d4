/// A time expression in the text, in TimeML TIMEX3 terms (the `times` layer of the analysis format).
public struct TimeExpression: Hashable, Sendable {
    public enum Kind: UInt8, Hashable, Sendable, CaseIterable {
        case date, time, duration, set
        /// The TIMEX3 type name: `DATE`, `TIME`, `DURATION`, `SET`.
        public var label: String {
            switch self {
            case .date: "DATE"
            case .time: "TIME"
            case .duration: "DURATION"
            case .set: "SET"
            }
        }

        public init?(label: String) {
            switch label {
            case "DATE": self = .date
            case "TIME": self = .time
            case "DURATION": self = .duration
            case "SET": self = .set
            default: return nil
            }
        }
    }

    /// The expression's extent (`ieri sera`, `il 3 marzo 2019`, `negli ultimi tre anni`).
    public var range: TextRange
    public var kind: Kind
    /// The TIMEX3 value normalised against the document's `published` date (`2024-04-11TEV`,
    /// `P3Y`, `PAST_REF`), or an underspecified one (`XXXX-03-03`) when there is no date to anchor to.
    public var value: String

    public init(range: TextRange, kind: Kind, value: String) {
        self.range = range
        self.kind = kind
        self.value = value
    }

    /// The calendar day the value names, `YYYY-MM-DD`, when it names exactly one fully specified day
    /// (a `DATE` or `TIME` whose value starts with a complete date), else `nil`.
    public var day: String? {
        guard kind == .date || kind == .time else { return nil }
        return Self.day(of: value)
    }

    /// The `YYYY-MM-DD` a TIMEX3 value starts with when it names one fully specified day (the date
    /// alone, or followed by a `T` part), else `nil`.
    public static func day(of value: String) -> String? {
        let u = Array(value.utf8.prefix(11))
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[i]) { return nil }
        if u.count > 10 && u[10] != UInt8(ascii: "T") { return nil }
        return String(decoding: u.prefix(10), as: UTF8.self)
    }
}
