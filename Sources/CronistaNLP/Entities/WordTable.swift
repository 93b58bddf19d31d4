import CronistaCore
/// The words and punctuation of a text with their fold keys, for description and pronoun
/// matching. Independent of the tokenizer's conventions: a word is a run of letters and digits,
/// an elided article keeps its apostrophe (`L'` + `agenzia`, `dell’` + `Europa`), and every other
/// non-space character is a one-character punctuation item.
///
/// Fold keys live in one byte arena, so building the table costs a handful of allocations per
/// document, not one per word.
struct WordTable {
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    var isWord: [Bool] = []
    /// Word `i`'s fold is `folded[foldStarts[i]..<foldStarts[i+1]]`.
    var foldStarts: [UInt32] = [0]
    var folded: [UInt8] = []

    var count: Int { starts.count }

    init(_ text: String) {
        var t = text
        t.withUTF8 { build($0) }
    }

    private mutating func build(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        starts.reserveCapacity(n / 5)
        ends.reserveCapacity(n / 5)
        isWord.reserveCapacity(n / 5)
        foldStarts.reserveCapacity(n / 5 + 1)
        folded.reserveCapacity(n)
        var i = 0
        var wordStart = -1
        func scalarAt(_ i: Int) -> (UInt32, Int) {
            let b0 = b[i]
            if b0 < 0x80 { return (UInt32(b0), 1) }
            var len = 1
            var s: UInt32
            if b0 & 0xE0 == 0xC0 {
                s = UInt32(b0 & 0x1F); len = 2
            } else if b0 & 0xF0 == 0xE0 {
                s = UInt32(b0 & 0x0F); len = 3
            } else if b0 & 0xF8 == 0xF0 {
                s = UInt32(b0 & 0x07); len = 4
            } else {
                return (0xFFFD, 1)
            }
            if i + len > n { return (0xFFFD, n - i) }
            for k in 1..<len { s = (s << 6) | UInt32(b[i + k] & 0x3F) }
            return (s, len)
        }
        func isLetter(_ s: UInt32) -> Bool {
            switch s {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
            case 0x00C0...0x024F: return s != 0xD7 && s != 0xF7
            case 0x0300...0x036F: return true  // combining marks stay in the word
            case 0x0370...0x1FFF: return true
            case 0x2000...0x2BFF, 0x3000...0x303F: return false
            case 0x80...0xBF: return false
            default: return s > 0x2BFF
            }
        }
        func isApostrophe(_ s: UInt32) -> Bool { s == 0x27 || s == 0x2019 || s == 0x02BC }
        func isSpace(_ s: UInt32) -> Bool {
            s == 0x20 || s == 0x09 || s == 0x0A || s == 0x0D || s == 0xA0 || (s >= 0x2000 && s <= 0x200B) || s == 0x202F
        }
        func closeWord(_ end: Int) {
            if wordStart >= 0 {
                append(b, wordStart, end, word: true)
                wordStart = -1
            }
        }
        while i < n {
            let (s, len) = scalarAt(i)
            if isLetter(s) {
                if wordStart < 0 { wordStart = i }
                i += len
                continue
            }
            if isApostrophe(s), wordStart >= 0, i + len < n, isLetter(scalarAt(i + len).0) {
                // Elision: the apostrophe ends the word (`dell'` `Europa`).
                append(b, wordStart, i + len, word: true)
                wordStart = -1
                i += len
                continue
            }
            closeWord(i)
            if !isSpace(s) { append(b, i, i + len, word: false) }
            i += len
        }
        closeWord(n)
    }

    private mutating func append(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ e: Int, word: Bool) {
        starts.append(UInt32(a))
        ends.append(UInt32(e))
        isWord.append(word)
        if word { NameFolding.append(UnsafeBufferPointer(rebasing: b[a..<e]), to: &folded) }
        foldStarts.append(UInt32(folded.count))
    }

    /// The fold of word `i` as a byte range of ``folded``.
    func foldRange(_ i: Int) -> Range<Int> { Int(foldStarts[i])..<Int(foldStarts[i + 1]) }

    /// Whether word `i`'s fold equals an ASCII string.
    func `is`(_ i: Int, _ s: StaticString) -> Bool {
        let r = foldRange(i)
        guard r.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<r.count where folded[r.lowerBound + k] != p[k] { return false }
        return true
    }

    /// Word `i`'s fold packed as ``PackedWords`` packs its words (0 when it is empty or longer than
    /// 7 bytes, so that it is in no such set).
    func packedFold(_ i: Int) -> UInt64 {
        let r = foldRange(i)
        guard r.count > 0 && r.count <= 7 else { return 0 }
        return PackedWords.pack(folded[r])
    }

    /// Whether word `i`'s fold is one of `set`. Called for every word of the text: one packing,
    /// then integer comparisons.
    func isAny(_ i: Int, _ set: PackedWords) -> Bool { set.contains(packedFold(i)) }

    /// The fold of word `i` as a string (for small per-document maps).
    func foldString(_ i: Int) -> String { String(decoding: folded[foldRange(i)], as: UTF8.self) }

    /// Appends the folds of words `a..<b` joined as the KB writes phrases (one space, none after
    /// an elided `dell'`) to `out`.
    func appendPhrase(_ a: Int, _ b: Int, to out: inout [UInt8]) {
        for i in a..<b {
            if i > a, out.last != 0x27 { out.append(0x20) }
            out.append(contentsOf: folded[foldRange(i)])
        }
    }

    /// Whether the first character of item `i` in `text` is an upper-case letter.
    func isCapitalized(_ i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let b0 = bytes[Int(starts[i])]
        if b0 >= 0x41 && b0 <= 0x5A { return true }
        if b0 < 0x80 { return false }
        // Latin-1 / Latin Extended capitals: the fold differs from a lower-case decode only by case;
        // treat U+00C0...U+00DE as capitals and even code points of Latin Extended-A as capitals.
        if b0 == 0xC3 { let c = bytes[Int(starts[i]) + 1]; return c >= 0x80 && c <= 0x9E && c != 0x97 }
        if b0 == 0xC4 || b0 == 0xC5 { let c = bytes[Int(starts[i]) + 1]; return c & 1 == 0 }
        return false
    }

    /// Index of the first item starting at or after byte offset `o`.
    func firstItem(startingAtOrAfter o: UInt32) -> Int {
        starts.partitioningIndex { $0 >= o }
    }

    /// Index of the last item ending at or before byte offset `o`, or -1.
    func lastItem(endingAtOrBefore o: UInt32) -> Int {
        ends[..<count].partitioningIndex { $0 > o } - 1
    }
}

/// A small set of short ASCII folds (1 to 7 bytes), each packed with its length into one integer,
/// so that testing a word of a ``WordTable`` is a few integer comparisons.
struct PackedWords: Sendable {
    private let packed: [UInt64]

    /// Whether the set holds no word.
    var isEmpty: Bool { packed.isEmpty }

    /// Folded words of 1 to 7 UTF-8 bytes (a language pack's data; checked when the pack loads).
    init(_ words: [String]) {
        packed = words.map { s in
            precondition(!s.utf8.isEmpty && s.utf8.count <= 7, "PackedWords holds words of 1 to 7 bytes")
            return Self.pack(Array(s.utf8))
        }
    }

    /// 1 to 7 bytes and their count in one integer: byte k at bits 8k, the count at bit 56.
    @inline(__always)
    static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var v = UInt64(bytes.count) << 56
        var shift: UInt64 = 0
        for b in bytes {
            v |= UInt64(b) << shift
            shift += 8
        }
        return v
    }

    func contains(_ packedWord: UInt64) -> Bool { packedWord != 0 && packed.contains(packedWord) }
}
