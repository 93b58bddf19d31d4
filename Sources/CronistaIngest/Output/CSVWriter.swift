/// Comma-separated values per RFC 4180, in UTF-8: records end in CRLF, and a field that holds a
/// comma, a double quote, a carriage return or a line feed is enclosed in double quotes, its
/// double quotes doubled. Other fields are written as they are (accents included, as UTF-8).
///
/// With `guardsFormulas`, a field that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets
/// an apostrophe in front, so that a spreadsheet shows it as text instead of evaluating it (OWASP's
/// advice against CSV injection; an Italian quotation often starts with a dash). Such a field then
/// no longer round-trips byte for byte, so it is a choice of the reader, off by default.
public struct CSVWriter: Sendable {
    public var bytes: [UInt8]
    public var guardsFormulas: Bool

    public init(capacity: Int = 4096, guardsFormulas: Bool = false) {
        bytes = []
        bytes.reserveCapacity(capacity)
        self.guardsFormulas = guardsFormulas
    }

    /// Whether a spreadsheet would read a field starting with this byte as a formula.
    static func startsFormula(_ b: UInt8) -> Bool {
        b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D
    }

    /// One record of `fields`, CRLF-terminated; `nil` is an empty field.
    public mutating func record(_ fields: [String?]) {
        for (i, f) in fields.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            if let f { field(f) }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// One field, quoted only when it must be.
    public mutating func field(_ s: String) {
        var needsQuotes = false
        for b in s.utf8 where b == 0x22 || b == 0x2C || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        let guarded = guardsFormulas && s.utf8.first.map(Self.startsFormula) == true
        guard needsQuotes else {
            if guarded { bytes.append(0x27) }
            bytes.append(contentsOf: s.utf8)
            return
        }
        bytes.append(0x22)
        if guarded { bytes.append(0x27) }
        for b in s.utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }
}
