/// The one accent- and case-insensitive key for names, used by the knowledge base, the entity keys
/// and the store: lower case; Latin diacritics stripped (`Sèjournè`, `Séjourné` → `sejourne`,
/// `Łukašenka` → `lukasenka`, `ß` → `ss`); Greek and Cyrillic lower-cased, not transliterated;
/// apostrophes (`'` `’` `‘` `ʼ` `` ` `` `´`) unified to `'`; hyphens, en and em dashes, underscores,
/// tabs, no-break and other spaces collapsed to one space; periods and commas dropped (`U.N.`, `UN`,
/// `u.n.` → `un`; `Washington, D.C.` → `washington dc`); combining marks dropped. Other characters
/// are kept as they are. No leading, trailing or double spaces.
///
/// ``Mode/words`` is the same fold for full-text keys (the store's entity and speaker keys): plain
/// words of letters and digits, every other character (apostrophes, commas, symbols) a word break,
/// periods still dropped: `L’Aquila` → `l aquila`, `U.N.` → `un`, `Rossi,Mario` → `rossi mario`.
///
/// Works on UTF-8 bytes into a caller-owned buffer, so hot loops fold without allocating.
/// Dependency-free (no Foundation): the tables are in the source.
public enum NameFolding {
    /// What the fold keeps besides letters, digits and single spaces.
    public enum Mode: Sendable {
        /// The knowledge base's key: apostrophes unified to `'`, other characters kept.
        case name
        /// Plain words: every character but a letter or a digit is a word break (periods are
        /// dropped, as in ``name``). What a full-text index needs as tokens.
        case words
    }

    /// Appends the fold of `bytes` to `out` (no leading, trailing or double spaces are produced).
    public static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], mode: Mode = .name) {
        let words = mode == .words
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                switch b0 {
                case 0x41...0x5A: emitByte(b0 | 0x20, &out, &pendingSpace)
                case 0x61...0x7A, 0x30...0x39: emitByte(b0, &out, &pendingSpace)
                case 0x20, 0x09, 0x0A, 0x0D, 0x2D, 0x5F: pendingSpace = true  // space, tab, newline, - _
                case 0x2E: break  // .
                case 0x2C: if words { pendingSpace = true }  // ,
                case 0x27, 0x60: if words { pendingSpace = true } else { emitByte(0x27, &out, &pendingSpace) }  // ' `
                default: if words { pendingSpace = true } else { emitByte(b0, &out, &pendingSpace) }
                }
                continue
            }
            var scalar: UInt32
            var extra: Int
            if b0 & 0xE0 == 0xC0 {
                scalar = UInt32(b0 & 0x1F); extra = 1
            } else if b0 & 0xF0 == 0xE0 {
                scalar = UInt32(b0 & 0x0F); extra = 2
            } else if b0 & 0xF8 == 0xF0 {
                scalar = UInt32(b0 & 0x07); extra = 3
            } else {
                i += 1; continue
            }
            if i + extra >= n { i = n; continue }  // truncated sequence at the end
            for k in 1...extra { scalar = (scalar << 6) | UInt32(bytes[i + k] & 0x3F) }
            let start = i
            i += extra + 1
            switch scalar {
            case 0x0300...0x036F: continue  // combining marks
            case 0x2019, 0x2018, 0x02BC, 0x02B9, 0x00B4:  // ’ ‘ ʼ ʹ ´
                if words { pendingSpace = true } else { emitByte(0x27, &out, &pendingSpace) }
            case 0x2010...0x2015, 0x00A0, 0x2000...0x200B, 0x202F: pendingSpace = true  // dashes, spaces
            case 0x00C0..<0x0250:
                let r = table0[Int(scalar - 0x00C0)]
                if r.isEmpty {
                    emitOther(scalar, words, bytes, start, i, &out, &pendingSpace)
                } else {
                    for c in r { emitByte(c, &out, &pendingSpace) }
                }
            case 0x1E00..<0x1F00:
                let r = table1[Int(scalar - 0x1E00)]
                if r.isEmpty {
                    emitOther(scalar, words, bytes, start, i, &out, &pendingSpace)
                } else {
                    for c in r { emitByte(c, &out, &pendingSpace) }
                }
            case 0x0410...0x042F, 0x0391...0x03A9:  // Cyrillic and Greek capitals → small
                emitScalar(scalar + 0x20, &out, &pendingSpace)
            case 0x0400...0x040F:  // Ѐ Ё Ђ … Џ → ѐ ё ђ … џ
                emitScalar(scalar + 0x50, &out, &pendingSpace)
            default:
                emitOther(scalar, words, bytes, start, i, &out, &pendingSpace)
            }
        }
    }

    /// Appends the fold of a string's UTF-8 to `out`.
    @inlinable public static func append(_ s: some StringProtocol, to out: inout [UInt8], mode: Mode = .name) {
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ append($0, to: &out, mode: mode) }) { return done }
        let copy = Array(s.utf8)
        copy.withUnsafeBufferPointer { append($0, to: &out, mode: mode) }
    }

    /// A scalar the tables leave as it is: copied, except in ``Mode/words`` when it is neither a
    /// letter nor a digit (symbols, punctuation, spaces the switch does not name), which breaks words.
    @inline(__always)
    static func emitOther(
        _ scalar: UInt32, _ words: Bool, _ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int,
        _ out: inout [UInt8], _ pendingSpace: inout Bool
    ) {
        if words, let u = Unicode.Scalar(scalar), !(u.properties.isAlphabetic || u.properties.numericType != nil) {
            pendingSpace = true
        } else {
            emitRaw(bytes, a, b, &out, &pendingSpace)
        }
    }

    @inline(__always)
    static func emitByte(_ b: UInt8, _ out: inout [UInt8], _ pendingSpace: inout Bool) {
        if pendingSpace {
            if !out.isEmpty && out[out.count - 1] != 0x20 { out.append(0x20) }
            pendingSpace = false
        }
        out.append(b)
    }

    static func emitRaw(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ out: inout [UInt8], _ pendingSpace: inout Bool) {
        if pendingSpace {
            if !out.isEmpty && out[out.count - 1] != 0x20 { out.append(0x20) }
            pendingSpace = false
        }
        for k in a..<b { out.append(bytes[k]) }
    }

    static func emitScalar(_ s: UInt32, _ out: inout [UInt8], _ pendingSpace: inout Bool) {
        if pendingSpace {
            if !out.isEmpty && out[out.count - 1] != 0x20 { out.append(0x20) }
            pendingSpace = false
        }
        // Only called for scalars below U+0800: two bytes.
        out.append(UInt8(0xC0 | (s >> 6)))
        out.append(UInt8(0x80 | (s & 0x3F)))
    }

    /// The fold of a string, as a new string (for building indexes and for tests; hot paths use ``append(_:to:)``).
    @inlinable public static func fold(_ s: some StringProtocol, mode: Mode = .name) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        append(s, to: &out, mode: mode)
        return String(decoding: out, as: UTF8.self)
    }

    /// FNV-1a, 64 bits.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }

    static let table0: [[UInt8]] = parse(LATIN0)
    static let table1: [[UInt8]] = parse(LATIN1)

    private static func parse(_ s: String) -> [[UInt8]] {
        s.split(separator: "|", omittingEmptySubsequences: false).map { $0 == "?" ? [] : Array($0.utf8) }
    }

    // Generated with Python unicodedata (NFKD, combining marks removed, lower-cased, plus ł ø đ ħ ı ß æ œ þ ð):
    // the ASCII fold of U+00C0..<U+0250 and U+1E00..<U+1F00; `?` = no ASCII fold (kept as is).
    private static let LATIN0 =
        "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l|l|l|l|n|n|n|n|n|n|?|n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|?|?|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|e|?|?|f|?|?|?|?|?|?|?|?|?|?|?|?|?|o|o|?|?|?|?|?|?|?|?|?|?|?|?|?|u|u|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|dz|dz|dz|lj|lj|lj|nj|nj|nj|a|a|i|i|o|o|u|u|u|u|u|u|u|u|u|u|e|a|a|a|a|?|?|?|?|g|g|k|k|o|o|o|o|?|?|j|dz|dz|dz|g|g|?|?|n|n|a|a|?|?|?|?|a|a|a|a|e|e|e|e|i|i|i|i|o|o|o|o|r|r|r|r|u|u|u|u|s|s|t|t|?|?|h|h|?|?|?|?|?|?|a|a|e|e|o|o|o|o|o|o|o|o|y|y|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?|?"
    private static let LATIN1 =
        "a|a|b|b|b|b|b|b|c|c|d|d|d|d|d|d|d|d|d|d|e|e|e|e|e|e|e|e|e|e|f|f|g|g|h|h|h|h|h|h|h|h|h|h|i|i|i|i|k|k|k|k|k|k|l|l|l|l|l|l|l|l|m|m|m|m|m|m|n|n|n|n|n|n|n|n|o|o|o|o|o|o|o|o|p|p|p|p|r|r|r|r|r|r|r|r|s|s|s|s|s|s|s|s|s|s|t|t|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|v|v|v|v|w|w|w|w|w|w|w|w|w|w|x|x|x|x|y|y|z|z|z|z|z|z|h|t|w|y|?|s|?|?|?|?|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|e|e|e|e|e|e|e|e|e|e|e|e|e|e|e|e|i|i|i|i|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|u|u|u|u|u|u|u|u|u|u|u|u|u|u|y|y|y|y|y|y|y|y|?|?|?|?|?|?"
}
