/// Per-document language identification: `it`, `en`, `fr`, `de`, `es`, `pt`, `nl`, `ro` from
/// function-word and marker-letter profiles (``LanguageProfiles``); `ru`/`uk`/`bg`, `el`, `ar`/`fa`,
/// `he`, `hi`, `th`, `ka`, `hy`, `ko`, `ja`, `zh` from the script; `und` when the text is empty, too
/// short or undecided.
///
/// Looks at a bounded prefix (``prefixBytes``), so a 50 MB document costs the same as a short one.
public struct LanguageIdentifier: Sendable {
    /// How much of the text is read.
    public var prefixBytes: Int
    /// Fewer words than this (in a Latin-script text) give `und`.
    public var minimumWords: Int

    public init(prefixBytes: Int = 4096, minimumWords: Int = 3) {
        self.prefixBytes = prefixBytes
        self.minimumWords = minimumWords
    }

    /// The ISO 639-1 code of the text's language, or `und`.
    public func identify(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { scores(UnsafeBufferPointer(rebasing: $0[0..<prefixEnd($0)])).best }
    }

    /// The end of the prefix: at most `prefixBytes`, cut back to a scalar boundary.
    func prefixEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var end = min(b.count, prefixBytes)
        while end < b.count && end > 0 && b[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    /// Scores of every Latin-script language and the decision.
    func scores(_ b: UnsafeBufferPointer<UInt8>) -> (best: String, scores: [String: Double]) {
        var score = [Double](repeating: 0, count: Self.codes.count)
        var scripts = ScriptCounts()
        var words = 0
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var i = 0
        var hasDigit = false
        func endWord() {
            defer { hasDigit = false }
            guard !word.isEmpty else { return }
            // `N543`, `3D`, `h37`: codes, not words.
            if hasDigit { word.removeAll(keepingCapacity: true); return }
            words += 1
            if let hits = Self.table[word] {
                for (lang, w) in hits { score[lang] += w }
            } else if word.count >= 4 {
                scoreEnding(word, &score)
            }
            word.removeAll(keepingCapacity: true)
        }
        while i < b.count {
            let (s, len) = UTF8Decoding.decode(b, i)
            let isApostrophe = ScalarClass.isApostrophe(s)
            if ScalarClass.isLetter(s) || ScalarClass.isCombiningMark(s) {
                scripts.count(s)
                if s < 0x80 {
                    word.append(UInt8(s) | 0x20)
                } else {
                    let lower = (s >= 0xC0 && s <= 0xDE && s != 0xD7) ? s + 0x20 : s
                    UTF8Decoding.append(lower, to: &word)
                    if let m = Self.markerTable[lower] { for (lang, w) in m { score[lang] += w } }
                }
            } else if isApostrophe && !word.isEmpty {
                word.append(0x27)
                endWord()  // `l'`, `dell'`, `qu'`: looked up with the apostrophe
            } else if ScalarClass.isDigit(s) {
                hasDigit = true
            } else {
                if s == 0xBF || s == 0xA1, let m = Self.markerTable[s] { for (lang, w) in m { score[lang] += w } }
                endWord()
            }
            i += len
        }
        endWord()
        var all: [String: Double] = [:]
        for (k, c) in Self.codes.enumerated() { all[c] = score[k] }
        if let script = scripts.dominantNonLatin() { return (script, all) }
        guard words >= minimumWords else { return ("und", all) }
        var best = -1, second = -1
        for k in score.indices {
            if best < 0 || score[k] > score[best] { second = best; best = k } else if second < 0 || score[k] > score[second] { second = k }
        }
        let top = score[best], runnerUp = second >= 0 ? score[second] : 0
        // Enough evidence, and clearly ahead of the runner-up.
        guard top >= 1.5, top >= Double(words) * 0.1, top > runnerUp * 1.15 else { return ("und", all) }
        return (Self.codes[best], all)
    }

    /// Adds the weight of the longest typical ending of `word` for each language.
    @inline(__always)
    func scoreEnding(_ word: [UInt8], _ score: inout [Double]) {
        // The last k bytes packed into an integer, for k = 1...8.
        var tails = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        let maxLength = min(8, word.count - 1)
        withUnsafeMutableBytes(of: &tails) { raw in
            let t = raw.bindMemory(to: UInt64.self)
            var key: UInt64 = 0
            for k in 0..<maxLength {
                key |= UInt64(word[word.count - 1 - k]) << (8 * UInt64(k))
                t[k] = key
            }
        }
        withUnsafeBytes(of: &tails) { raw in
            let t = raw.bindMemory(to: UInt64.self)
            for (lang, byLength) in Self.endingTable.enumerated() {
                for (length, set) in byLength where length <= maxLength && set.contains(t[length - 1]) {
                    score[lang] += LanguageProfiles.endings[lang].weight
                    break
                }
            }
        }
    }

    /// Packs up to 8 bytes, last byte lowest (the same order as ``scoreEnding``).
    static func packTail(_ bytes: [UInt8]) -> UInt64 {
        var key: UInt64 = 0
        for (k, b) in bytes.reversed().enumerated() { key |= UInt64(b) << (8 * UInt64(k)) }
        return key
    }

    /// Per language (in ``codes`` order): endings grouped by byte length, longest first.
    static let endingTable: [[(Int, Set<UInt64>)]] = codes.map { code in
        guard let e = LanguageProfiles.endings.first(where: { $0.code == code }) else { return [] }
        var byLength: [Int: Set<UInt64>] = [:]
        for s in e.suffixes where s.utf8.count <= 8 { byLength[s.utf8.count, default: []].insert(packTail(Array(s.utf8))) }
        return byLength.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
    }

    static let codes: [String] = LanguageProfiles.stopwords.map(\.code)

    /// Word (lower-case UTF-8) → (language index, weight).
    static let table: [[UInt8]: [(Int, Double)]] = {
        var langsOf: [[UInt8]: Set<Int>] = [:]
        for (k, p) in LanguageProfiles.stopwords.enumerated() {
            for w in p.words { langsOf[Array(w.utf8), default: []].insert(k) }
        }
        var t: [[UInt8]: [(Int, Double)]] = [:]
        for (w, langs) in langsOf {
            let weight = 1.0 / Double(langs.count)
            t[w] = langs.sorted().map { ($0, weight) }
        }
        return t
    }()

    static let markerTable: [UInt32: [(Int, Double)]] = {
        var t: [UInt32: [(Int, Double)]] = [:]
        for m in LanguageProfiles.markers {
            guard let k = codes.firstIndex(of: m.code) else { continue }
            t[m.scalar, default: []].append((k, m.weight))
        }
        return t
    }()
}

/// Letters per script, for texts not written in the Latin alphabet.
struct ScriptCounts {
    var latin = 0, cyrillic = 0, greek = 0, arabic = 0, hebrew = 0, devanagari = 0, thai = 0, georgian = 0, armenian = 0
    var hangul = 0, kana = 0, han = 0
    var ukrainian = 0, bulgarian = 0, russian = 0, persian = 0

    mutating func count(_ s: UInt32) {
        switch s {
        case 0..<0x250, 0x1E00...0x1EFF: latin += 1
        case 0x370...0x3FF, 0x1F00...0x1FFF: greek += 1
        case 0x400...0x52F:
            cyrillic += 1
            switch s {
            case 0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490: ukrainian += 1
            case 0x44B, 0x44D, 0x451, 0x42B, 0x42D, 0x401: russian += 1
            case 0x44A, 0x42A: bulgarian += 1
            default: break
            }
        case 0x590...0x5FF: hebrew += 1
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            arabic += 1
            if s == 0x67E || s == 0x686 || s == 0x698 || s == 0x6AF || s == 0x6CC { persian += 1 }
        case 0x900...0x97F: devanagari += 1
        case 0xE00...0xE7F: thai += 1
        case 0x10A0...0x10FF: georgian += 1
        case 0x530...0x58F: armenian += 1
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
        case 0x3040...0x30FF: kana += 1
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
        default: break
        }
    }

    /// The language of the dominant non-Latin script, if one dominates (and there are enough letters).
    func dominantNonLatin() -> String? {
        let cjk = hangul + kana + han
        let others = [cyrillic, greek, arabic, hebrew, devanagari, thai, georgian, armenian, cjk]
        let top = others.max() ?? 0
        guard top >= 4, top > latin else { return nil }
        switch top {
        case cyrillic:
            if ukrainian > 0 && ukrainian * 3 >= russian { return "uk" }
            if russian == 0 && bulgarian > 0 { return "bg" }
            return "ru"
        case greek: return "el"
        case arabic: return persian > 0 ? "fa" : "ar"
        case hebrew: return "he"
        case devanagari: return "hi"
        case thai: return "th"
        case georgian: return "ka"
        case armenian: return "hy"
        default:
            if hangul > 0 && hangul >= kana { return "ko" }
            if kana > 0 { return "ja" }
            return "zh"
        }
    }
}
