/// Normalises a copy of a text for matching and lexicon look-ups, keeping a map back to the original:
/// typographic quotes and apostrophes become ASCII, a space typed after an elision goes
/// (`l’ ambasciatore` → `l'ambasciatore`), Unicode spaces become a space, invisible characters go,
/// decomposed accents are composed (NFC for letters + combining marks) and UTF-8 mis-read as
/// Windows-1252 / Latin-1 (`Ã¨`, `â€™`) is repaired.
public struct Normalizer: Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let quotes = Options(rawValue: 1 << 0)
        public static let elisionSpace = Options(rawValue: 1 << 1)
        public static let spaces = Options(rawValue: 1 << 2)
        public static let invisibles = Options(rawValue: 1 << 3)
        public static let composition = Options(rawValue: 1 << 4)
        public static let mojibake = Options(rawValue: 1 << 5)
        public static let all: Options = [.quotes, .elisionSpace, .spaces, .invisibles, .composition, .mojibake]
    }

    public var options: Options

    public init(options: Options = .all) { self.options = options }

    public func normalize(_ text: String) -> NormalizedText {
        var copy = text
        return copy.withUTF8 { normalize(bytes: $0) }
    }

    private struct Output {
        var bytes: [UInt8] = []
        var starts: [UInt32] = []
        var ends: [UInt32] = []
        /// Start of the last emitted scalar in `bytes`, and the scalar.
        var lastStart = -1
        var last: UInt32 = 0

        mutating func emit(_ s: UInt32, _ a: Int, _ b: Int) {
            lastStart = bytes.count
            last = s
            UTF8Decoding.append(s, to: &bytes)
            let n = bytes.count - lastStart
            for _ in 0..<n { starts.append(UInt32(a)); ends.append(UInt32(b)) }
        }

        /// Replaces the last emitted scalar, extending its source to `b`.
        mutating func replaceLast(_ s: UInt32, sourceEnd b: Int) {
            let a = starts[lastStart]
            bytes.removeSubrange(lastStart...)
            starts.removeSubrange(lastStart...)
            ends.removeSubrange(lastStart...)
            emit(s, Int(a), b)
        }
    }

    func normalize(bytes b: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        let n = b.count
        var out = Output()
        out.bytes.reserveCapacity(n)
        out.starts.reserveCapacity(n)
        out.ends.reserveCapacity(n)
        var i = 0
        while i < n {
            var (s, len) = UTF8Decoding.decode(b, i)
            if options.contains(.mojibake), s >= 0xC2 && s <= 0xF4, let (fixed, flen) = Self.repairMojibake(b, i) {
                s = fixed
                len = flen
            } else if options.contains(.mojibake), s == 0xC3, i + 2 < n, b[i + 2] == 0x20, out.lastStart >= 0, ScalarClass.isLetter(out.last),
                      out.last < 0x80 {
                // `CittÃ  di`: the no-break space of `à` (C3 A0) became a plain space.
                s = 0xE0
                len = 3
            }
            let j = i + len
            var next = j
            defer { i = next }
            if s < 0x80 && s != 0x27 && s != 0x22 && s != 0x60 && s != 0x20 {
                out.emit(s, i, j)
                continue
            }
            if options.contains(.invisibles) && ScalarClass.isIgnorable(s) {
                if s == 0x200D && Self.isEmojiLike(out.last) && j < n && ScalarClass.isEmojiStart(UTF8Decoding.decode(b, j).scalar) {
                    out.emit(s, i, j)
                }
                continue
            }
            if s == 0x20 || (options.contains(.spaces) && ScalarClass.isUnicodeSpace(s) && s != 0x85 && s != 0x2028 && s != 0x2029) {
                if options.contains(.elisionSpace) && Self.endsWithElision(out.bytes, lastStart: out.lastStart, last: out.last) {
                    // Skip the spaces when a letter follows: `l’ ambasciatore` → `l'ambasciatore`.
                    var k = j
                    while k < n {
                        let (t, tl) = UTF8Decoding.decode(b, k)
                        if t == 0x20 || (ScalarClass.isUnicodeSpace(t) && t != 0x2028 && t != 0x2029) { k += tl } else { break }
                    }
                    if k < n && ScalarClass.isLetter(UTF8Decoding.decode(b, k).scalar) {
                        next = k
                        continue
                    }
                }
                out.emit(0x20, i, j)
                continue
            }
            if options.contains(.quotes) {
                if ScalarClass.isApostrophe(s) { out.emit(0x27, i, j); continue }
                if s == 0x201C || s == 0x201D || s == 0x201E || s == 0x201F || s == 0xAB || s == 0xBB { out.emit(0x22, i, j); continue }
            }
            if options.contains(.composition) && s >= 0x300 && ScalarClass.isCombiningMark(s) && out.lastStart >= 0,
               let c = Self.composition[UInt64(out.last) << 32 | UInt64(s)] {
                out.replaceLast(c, sourceEnd: j)
                continue
            }
            out.emit(s, i, j)
        }
        return NormalizedText(bytes: out.bytes, originStarts: out.starts, originEnds: out.ends, originalCount: UInt32(n))
    }

    static let composition: [UInt64: UInt32] = {
        var d: [UInt64: UInt32] = [:]
        d.reserveCapacity(UnicodeTables.compositions.count)
        for (base, mark, composed) in UnicodeTables.compositions { d[UInt64(base) << 32 | UInt64(mark)] = composed }
        return d
    }()

    static func isEmojiLike(_ s: UInt32) -> Bool {
        ScalarClass.isEmojiStart(s) || ScalarClass.isEmojiExtender(s)
    }

    /// Whether the output ends with an elided form (`l'`, `dell'`, `un'`) preceded by a non-letter.
    static func endsWithElision(_ bytes: [UInt8], lastStart: Int, last: UInt32) -> Bool {
        guard last == 0x27, lastStart > 0 else { return false }
        var k = lastStart
        while k > 0 && (bytes[k - 1] | 0x20) >= 0x61 && (bytes[k - 1] | 0x20) <= 0x7A { k -= 1 }
        if k == lastStart { return false }
        if k > 0 && bytes[k - 1] >= 0x80 { return false }  // a non-ASCII letter before: not a stem
        return bytes.withUnsafeBufferPointer { ElisionLexicon.contains($0, k, lastStart) }
    }
}
