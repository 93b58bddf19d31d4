/// The encodings an input file may be in (`--encoding`): UTF-8, the default, and the single-byte
/// encodings that older Italian and English newsroom files use. Decoding turns the bytes into the
/// text that offsets then count in (code points of the decoded text).
///
/// ```swift
/// let e = TextEncoding(name: "windows-1252")!
/// e.decode([0x93, 0x61, 0x94])  // "\u{201C}a\u{201D}"
/// ```
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    let kind: Kind

    enum Kind: Hashable, Sendable { case utf8, latin1, windows1252, latin9 }

    public static let utf8 = TextEncoding(name: "utf-8", kind: .utf8)
    /// ISO-8859-1: every byte is the code point of its value.
    public static let latin1 = TextEncoding(name: "latin-1", kind: .latin1)
    /// Windows' Western code page: latin-1 with curly quotes, dashes, € and more at 0x80–0x9F.
    public static let windows1252 = TextEncoding(name: "windows-1252", kind: .windows1252)
    /// ISO-8859-15: latin-1 with € and a few letters replaced.
    public static let latin9 = TextEncoding(name: "latin-9", kind: .latin9)

    /// Every encoding, in the order an error suggests them.
    public static let all: [TextEncoding] = [.utf8, .windows1252, .latin1, .latin9]

    public var description: String { name }

    /// The spellings `--encoding` accepts for each encoding (case-insensitive).
    static let aliases: [String: TextEncoding] = [
        "utf-8": .utf8, "utf8": .utf8,
        "latin-1": .latin1, "latin1": .latin1, "iso-8859-1": .latin1, "iso8859-1": .latin1, "iso_8859-1": .latin1,
        "windows-1252": .windows1252, "cp1252": .windows1252, "win-1252": .windows1252, "windows1252": .windows1252,
        "latin-9": .latin9, "latin9": .latin9, "iso-8859-15": .latin9, "iso8859-15": .latin9
    ]

    /// The names `--encoding` accepts, for help and errors.
    public static let acceptedNames = "utf-8, windows-1252 (cp1252), latin-1 (iso-8859-1), latin-9 (iso-8859-15)"

    init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The encoding called `name` (`latin-1`, `ISO-8859-1`, `cp1252`, …), or `nil`.
    public init?(name: String) {
        guard let e = Self.aliases[name.lowercased()] else { return nil }
        self = e
    }

    /// Windows-1252's code points for the bytes 0x80–0x9F (0 where the byte is undefined).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
    ]

    /// Where ISO-8859-15 differs from latin-1.
    static let latin9Changes: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178
    ]

    /// The offset of the first byte this encoding cannot decode into text, or `nil` when all of
    /// them decode. For the single-byte encodings, the C1 control bytes 0x80–0x9F are not text
    /// (latin-1 and latin-9 map them to invisible controls; windows-1252 leaves five undefined).
    public func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        switch kind {
        case .utf8: return UTF8Validation.firstInvalidOffset(in: bytes)
        case .latin1, .latin9: return bytes.firstIndex { (0x80...0x9F).contains($0) }
        case .windows1252: return bytes.firstIndex { (0x80...0x9F).contains($0) && Self.cp1252High[Int($0 - 0x80)] == 0 }
        }
    }

    /// The text the bytes encode; `nil` when ``firstInvalidOffset(in:)`` finds a byte that is not text.
    public func decode(_ bytes: [UInt8]) -> String? {
        guard firstInvalidOffset(in: bytes) == nil else { return nil }
        switch kind {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .latin1, .windows1252, .latin9:
            var scalars = String.UnicodeScalarView()
            scalars.reserveCapacity(bytes.count)
            for b in bytes {
                var v = UInt32(b)
                if kind == .windows1252, (0x80...0x9F).contains(b) { v = Self.cp1252High[Int(b - 0x80)] }
                if kind == .latin9, let c = Self.latin9Changes[b] { v = c }
                scalars.append(Unicode.Scalar(v)!)
            }
            return String(scalars)
        }
    }

    /// The encodings, other than this one, in which every byte decodes to text: what an error
    /// about bytes that are not valid in this encoding suggests.
    public func alternatives(for bytes: [UInt8]) -> [TextEncoding] {
        Self.all.filter { $0 != self && $0.firstInvalidOffset(in: bytes) == nil }
    }

    /// The sentence an error adds: `the bytes are valid windows-1252, latin-1: try --encoding windows-1252`.
    public func hint(for bytes: [UInt8]) -> String {
        let alt = alternatives(for: bytes)
        guard let first = alt.first else { return "the bytes are not valid in any encoding Cronista reads (\(Self.acceptedNames))" }
        return "the bytes are valid \(alt.map(\.name).joined(separator: ", ")): try --encoding \(first.name)"
    }
}
