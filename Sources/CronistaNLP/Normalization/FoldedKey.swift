/// The accent-insensitive, case-insensitive key for matching names: `Sèjournè`, `Séjourné` and
/// `SEJOURNE` all give `sejourne`. Latin letters lose their accents (table-driven over Latin-1,
/// Latin Extended-A/B and Latin Extended Additional; decomposed marks dropped), `ß` → `ss`, `æ` → `ae`;
/// Greek and Cyrillic are lower-cased only; apostrophe look-alikes become `'`; hyphens, dashes,
/// underscores and runs of spaces become one space; periods and commas are dropped (`U.N.` → `un`),
/// invisible characters too. The same conventions as the knowledge base's private fold in `Linking/`.
///
/// Works on UTF-8 bytes into a caller-owned buffer, so hot loops fold without allocating.
public struct FoldedKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init<S: StringProtocol>(_ text: S) { rawValue = FoldedKey.fold(text) }

    public var description: String { rawValue }

    public static func < (a: FoldedKey, b: FoldedKey) -> Bool { a.rawValue < b.rawValue }

    /// The folded form of `text` as a new string.
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        if text.utf8.withContiguousStorageIfAvailable({ append($0, to: &out) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { append($0, to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the fold of the UTF-8 `bytes` to `out` (no leading, trailing or double spaces).
    public static func append(_ b: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var pendingSpace = false
        @inline(__always) func flush() {
            if pendingSpace {
                if !out.isEmpty && out[out.count - 1] != 0x20 { out.append(0x20) }
                pendingSpace = false
            }
        }
        @inline(__always) func put(_ c: UInt8) {
            flush()
            out.append(c)
        }
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i += 1
                switch c {
                case 0x41...0x5A: put(c | 0x20)
                case 0x61...0x7A, 0x30...0x39: put(c)
                case 0x20, 0x09...0x0D, 0x2D, 0x5F: pendingSpace = true
                case 0x2E, 0x2C: break
                case 0x60: put(0x27)
                default: put(c)
                }
                continue
            }
            let (s, len) = UTF8Decoding.decode(b, i)
            i += len
            if ScalarClass.isUnicodeSpace(s) || (s >= 0x2010 && s <= 0x2015) { pendingSpace = true; continue }
            if ScalarClass.isIgnorable(s) || ScalarClass.isCombiningMark(s) { continue }
            if ScalarClass.isApostrophe(s) { put(0x27); continue }
            if s < 0x250 {
                for x in latinFold[Int(s) - 0x80] { if x == 0x20 { pendingSpace = true } else { put(x) } }
                continue
            }
            var folded = s
            switch s {
            case 0x391...0x3A9: folded = s + 0x20                      // Greek capitals
            case 0x410...0x42F: folded = s + 0x20                      // Cyrillic А-Я
            case 0x400...0x40F: folded = s + 0x50                      // Cyrillic Ѐ-Џ
            case 0x1E00...0x1EFF:
                if let base = latinAdditionalBase[s] {
                    if base < 0x80 { put(UInt8(base) >= 0x41 && base <= 0x5A ? UInt8(base) | 0x20 : UInt8(base)); continue }
                    if base < 0x250 { for x in latinFold[Int(base) - 0x80] { put(x) }; continue }
                }
            case 0x386...0x3FF, 0x460...0x52F:
                if let u = Unicode.Scalar(s), u.properties.changesWhenLowercased, let l = u.properties.lowercaseMapping.unicodeScalars.first {
                    folded = l.value
                }
            default: break
            }
            flush()
            if folded == s {
                for k in (i - len)..<i { out.append(b[k]) }
            } else {
                UTF8Decoding.append(folded, to: &out)
            }
        }
    }

    /// `UnicodeTables.latinFold` as bytes.
    static let latinFold: [[UInt8]] = UnicodeTables.latinFold.map { Array($0.utf8) }

    /// Latin Extended Additional letter → its fully decomposed base letter (`ệ` → `e`).
    static let latinAdditionalBase: [UInt32: UInt32] = {
        var direct: [UInt32: UInt32] = [:]
        for (base, _, composed) in UnicodeTables.compositions { direct[composed] = base }
        var d: [UInt32: UInt32] = [:]
        for composed in direct.keys where composed >= 0x1E00 && composed <= 0x1EFF {
            var base = direct[composed]!
            while let deeper = direct[base] { base = deeper }
            d[composed] = base
        }
        return d
    }()
}

extension StringProtocol {
    /// The accent- and case-insensitive matching key of this text (see ``FoldedKey``).
    public var foldedKey: String { FoldedKey.fold(self) }
}
