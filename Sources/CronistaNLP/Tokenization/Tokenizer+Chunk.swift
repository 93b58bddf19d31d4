import CronistaCore

/// Splitting one white-space-delimited chunk: prefixes, a URL at the start, suffixes (with the
/// abbreviation and word-final apostrophe rules), then the core.
extension TokenScanner {
    /// Scalars that are part of words, numbers or emoji, never stripped as prefix or suffix.
    @inline(__always)
    func isWordish(_ s: UInt32) -> Bool {
        if s < 0x80 {
            return (s | 0x20 >= 0x61 && s | 0x20 <= 0x7A) || (s >= 0x30 && s <= 0x39)
        }
        return ScalarClass.isLetter(s) || ScalarClass.isDigit(s) || ScalarClass.isCombiningMark(s) || ScalarClass.isIgnorable(s)
            || ScalarClass.isEmojiStart(s) || ScalarClass.isEmojiExtender(s)
    }

    @inline(__always)
    func isDigitAt(_ i: Int, _ e: Int) -> Bool {
        i < e && b[i] >= 0x30 && b[i] <= 0x39
    }

    @inline(__always)
    func isLetterAt(_ i: Int, _ e: Int) -> Bool {
        guard i < e else { return false }
        let c = b[i]
        if c < 0x80 { return c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
        return ScalarClass.isLetter(decode(i).scalar)
    }

    /// Flags of a punctuation or symbol token made of scalar `s`.
    @inline(__always)
    func punctuationFlags(_ s: UInt32) -> TokenFlags {
        var f: TokenFlags = []
        if s < 0x80 {
            f.insert(.punctuation)
        } else if let u = Unicode.Scalar(s) {
            switch u.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation:
                f.insert(.punctuation)
            default: break
            }
        }
        if ScalarClass.isQuoteMark(s) || s == 0x2BC { f.insert([.quoteMark, .punctuation]) }
        if s == 0x2E || s == 0x21 || s == 0x3F || s == 0x2026 || s == 0x203D { f.insert(.terminal) }
        return f
    }

    /// The end of a run of scalars that form one punctuation token starting with `s` at `i`:
    /// `...`, `…`, `?!`, `--`; otherwise the single scalar.
    @inline(__always)
    func punctuationRunEnd(_ i: Int, _ e: Int, _ s: UInt32, _ len: Int) -> Int {
        var j = i + len
        switch s {
        case 0x2E: while j < e && b[j] == 0x2E { j += 1 }
        case 0x2D: while j < e && b[j] == 0x2D { j += 1 }
        case 0x21, 0x3F: while j < e && (b[j] == 0x21 || b[j] == 0x3F) { j += 1 }
        case 0x2026:
            while j + 3 <= e && decode(j).scalar == 0x2026 { j += 3 }
        default: break
        }
        return j
    }

    mutating func chunk(_ start: Int, _ end: Int) {
        var s = start, e = end
        suffixes.removeAll(keepingCapacity: true)

        // 1. Prefixes: opening brackets, quotes, dashes, leading dots.
        while s < e {
            let (ch, len) = decode(s)
            if ScalarClass.isIgnorable(ch) && ch != 0x200D { s += len; continue }
            if isWordish(ch) { break }
            if ch == 0x40 || ch == 0x23 { break }  // @mention, #hashtag
            if (ch == 0x2D || ch == 0x2212 || ch == 0x2E || ch == 0x2B) && isDigitAt(s + len, e) { break }  // -5, .5, +39
            let runEnd = punctuationRunEnd(s, e, ch, len)
            if ch == 0x27 || ch == 0x2018 || ch == 0x2019 || ch == 0x60 || ch == 0x2039 { openSingleQuote = true }
            emit(s, runEnd, punctuationFlags(ch))
            s = runEnd
        }
        guard s < e else { return }

        // 2. A URL at the start of what is left.
        if WebPatterns.urlStarts(b, s, e) {
            let urlEnd = WebPatterns.urlEnd(b, s, e)
            emit(s, urlEnd, [.url])
            s = urlEnd
            if s >= e { return }
        }

        // 3. Suffixes: closing punctuation, final periods, percent signs.
        var abbreviationStart = -1
        var abbreviationFlags: TokenFlags = []
        while e > s {
            let (ch, cs) = UTF8Decoding.decodeLast(b, before: e)
            if ch == 0x2E {
                if let (a, f) = abbreviation(s, e, chunkEnd: end) {
                    abbreviationStart = a
                    abbreviationFlags = f
                    break
                }
                var k = cs
                while k > s && b[k - 1] == 0x2E { k -= 1 }
                suffixes.append((k, e, [.punctuation, .terminal]))
                e = k
                continue
            }
            if isWordish(ch) {
                if ScalarClass.isIgnorable(ch) && ch != 0x200D { e = cs; continue }  // trailing invisibles belong to no token
                break
            }
            if ch == 0x27 || ch == 0x2019 || ch == 0x2BC {
                // A word-final apostrophe stays with its word (`po'`, `l’` before a space) unless a
                // single quote is open (`'single quoted'`): then it closes it.
                // (Not the first half of a doubled mark, `smart''`: the half after it was just split off.)
                let doubledMark = ch == 0x27 && cs + 1 == e && e < end && b[e] == 0x27
                if !openSingleQuote && !doubledMark && cs > s && isLetterBefore(cs, s) {
                    // In English, a plural possessive's apostrophe is a word of its own, as `'s` is.
                    guard pluralPossessive && isPluralPossessive(cs, s) else { break }
                    suffixes.append((cs, e, [.word]))
                    e = cs
                    continue
                }
                openSingleQuote = false
                suffixes.append((cs, e, punctuationFlags(ch)))
                e = cs
                continue
            }
            if (ch == 0xB0 || ch == 0xBA || ch == 0xAA) && cs > s && b[cs - 1] >= 0x30 && b[cs - 1] <= 0x39 { break }  // 3°
            // Runs: `?!`, `!!!`, `--`, `……`.
            var k = cs
            switch ch {
            case 0x21, 0x3F: while k > s && (b[k - 1] == 0x21 || b[k - 1] == 0x3F) { k -= 1 }
            case 0x2D: while k > s && b[k - 1] == 0x2D { k -= 1 }
            case 0x2026: while k >= s + 3 && UTF8Decoding.decodeLast(b, before: k).scalar == 0x2026 { k -= 3 }
            default: break
            }
            suffixes.append((k, e, punctuationFlags(ch)))
            e = k
        }

        // 4. The core, then the abbreviation that ends it, then the suffixes in text order.
        let coreEnd = abbreviationStart >= 0 ? abbreviationStart : e
        if s < coreEnd { core(s, coreEnd) }
        if abbreviationStart >= 0 { emit(abbreviationStart, e, abbreviationFlags.union(capitalFlag(abbreviationStart))) }
        for x in suffixes.reversed() { emit(x.start, x.end, x.flags) }
    }

    /// `leaders'`: at least two letters before the apostrophe at `i`, the last an `s`.
    @inline(__always)
    func isPluralPossessive(_ i: Int, _ floor: Int) -> Bool {
        i - floor >= 3 && b[i - 1] | 0x20 == 0x73 && isLetterBefore(i - 1, floor)
    }

    @inline(__always)
    func isLetterBefore(_ i: Int, _ floor: Int) -> Bool {
        guard i > floor else { return false }
        return ScalarClass.isLetter(UTF8Decoding.decodeLast(b, before: i).scalar)
    }

    /// If `b[s..<e]` ends (at `e`, after a period) with an abbreviation that keeps its period: its
    /// start and flags. Listed abbreviations (`dott.`, `U.S.A.`), single upper-case initials (`J.`) and
    /// dotted acronyms of single letters (`J.F.K.`, `a.C.`).
    func abbreviation(_ s: Int, _ e: Int, chunkEnd: Int) -> (Int, TokenFlags)? {
        // The trailing run of letters and periods.
        var a = e - 1
        var letters = 0, maxSegment = 0, segment = 0, periods = 1
        while a > s {
            let (ch, cs) = UTF8Decoding.decodeLast(b, before: a)
            if ch == 0x2E {
                if segment == 0 { break }  // `..`
                periods += 1; segment = 0
            } else if ScalarClass.isLetter(ch) {
                letters += 1; segment += 1; maxSegment = max(maxSegment, segment)
            } else {
                break
            }
            a = cs
        }
        guard letters > 0 else { return nil }
        // Do not start in the middle of a period run: `..` stops above, so the run starts at a letter.
        while a < e && b[a] == 0x2E { a += 1; periods -= 1 }
        let flags: TokenFlags = [.abbreviation, .word]
        if let kind = Abbreviations.lookup(b, a, e) {
            if kind != .beforeNameOrNumber { return (a, flags) }
            if e == chunkEnd && nextStartsNameOrNumber(after: chunkEnd) { return (a, flags) }
            return nil
        }
        if letters == 1 && periods == 1 {
            // A single upper-case letter: an initial (`J. F. Kennedy`).
            return ScalarClass.isUppercase(decode(a).scalar) ? (a, flags) : nil
        }
        if maxSegment == 1 && periods >= 2 && periods == letters { return (a, flags) }  // U.S.A., J.F.K., a.C.
        return nil
    }

    /// Whether the first scalar after the white space following `i` is an upper-case letter or a digit.
    func nextStartsNameOrNumber(after i: Int) -> Bool {
        var k = i
        while k < n, let w = whitespace(at: k) { k += w }
        guard k < n else { return false }
        let c = decode(k).scalar
        return ScalarClass.isUppercase(c) || ScalarClass.isDigit(c)
    }
}
