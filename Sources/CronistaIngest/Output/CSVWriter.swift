/// Comma-separated values per RFC 4180, in UTF-8: records end in CRLF, and a field that holds a
/// comma, a double quote, a carriage return or a line feed is enclosed in double quotes, its
/// double quotes doubled. Other fields are written as they are (accents included, as UTF-8).
public struct CSVWriter: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
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
        guard needsQuotes else {
            bytes.append(contentsOf: s.utf8)
            return
        }
        bytes.append(0x22)
        for b in s.utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }
}
