import CronistaCore

/// The core of a chunk, after prefixes and suffixes: words (with elisions, clitics, hyphens), numbers,
/// e-mails, bare domains, hashtags and mentions, emoji sequences, and any punctuation left inside.
extension TokenScanner {
    mutating func core(_ s: Int, _ e: Int) {
        // Whole-core patterns first.
        if e - s >= 6 && b[s] < 0x80 {
            var hasAt = false, hasDot = false
            for k in s..<e { if b[k] == 0x40 { hasAt = true } else if b[k] == 0x2E { hasDot = true } }
            if hasDot {
                if hasAt && b[s] != 0x40 && WebPatterns.isEmail(b, s, e) { emit(s, e, [.email]); return }
                if !hasAt && WebPatterns.isBareURL(b, s, e) { emit(s, e, [.url]); return }
            }
        }
        var i = s
        while i < e {
            let c = b[i]
            if c < 0x80 {
                if c | 0x20 >= 0x61 && c | 0x20 <= 0x7A { i = word(i, e); continue }
                if c >= 0x30 && c <= 0x39 { i = number(i, e); continue }
                if (c == 0x40 || c == 0x23) && i + 1 < e && isLetterOrDigitOrUnderscore(i + 1, e) { i = social(i, e); continue }
                if (c == 0x2D || c == 0x2E || c == 0x2B) && isDigitAt(i + 1, e) && (i == s || !isLetterOrDigitOrUnderscore(i - 1, e)) {
                    i = number(i, e)  // -5, .5, +39
                    continue
                }
                let j = punctuationRunEnd(i, e, UInt32(c), 1)
                emit(i, j, punctuationFlags(UInt32(c)))
                i = j
                continue
            }
            let (ch, len) = decode(i)
            if ScalarClass.isIgnorable(ch) && ch != 0x200D { i += len; continue }
            if ScalarClass.isLetter(ch) || ScalarClass.isCombiningMark(ch) { i = word(i, e); continue }
            if ScalarClass.isDigit(ch) { i = number(i, e); continue }
            if ScalarClass.isEmojiStart(ch) || ScalarClass.isEmojiExtender(ch) || ch == 0x200D { i = emoji(i, e); continue }
            let j = punctuationRunEnd(i, e, ch, len)
            emit(i, j, punctuationFlags(ch))
            i = j
        }
    }

    @inline(__always)
    func isLetterOrDigitOrUnderscore(_ i: Int, _ e: Int) -> Bool {
        guard i < e else { return false }
        let c = b[i]
        if c < 0x80 { return (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F }
        let s = decode(i).scalar
        return ScalarClass.isLetter(s) || ScalarClass.isDigit(s)
    }

    /// Whether the scalar at `i` continues a word: a letter, digit, combining mark or invisible character.
    @inline(__always)
    func continuesWord(_ i: Int) -> Int? {
        let c = b[i]
        if c < 0x80 { return (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) ? 1 : nil }
        let (s, len) = decode(i)
        return ScalarClass.isLetter(s) || ScalarClass.isDigit(s) || ScalarClass.isCombiningMark(s) || ScalarClass.isIgnorable(s) ? len : nil
    }

    /// English clitics split before the apostrophe (`'s`, `'m`, `'re`, `'ve`, `'ll`, `'d`), as a
    /// packed lower-case key.
    static let cliticKeys: Set<UInt32> = [0x73, 0x6D, 0x7265, 0x7665, 0x6C6C, 0x64]

    /// A word from `i`: letters, digits and marks, joined by hyphens, by periods in dotted acronyms and
    /// listed abbreviations (`U.S.A`, `Sig.ra`), by underscores; apostrophes split elisions and clitics.
    mutating func word(_ i: Int, _ e: Int) -> Int {
        var start = i
        var j = i
        var segment = 0  // letters since the word start or the last period
        while j < e {
            if let len = continuesWord(j) { j += len; segment += 1; continue }
            let c = b[j]
            if c == 0x2D || c == 0x5F {  // hyphen, underscore
                if j + 1 < e, continuesWord(j + 1) != nil { j += 1; segment = 0; continue }
                break
            }
            if c == 0x2E {
                if isLetterAt(j + 1, e) && (segment == 1 || Abbreviations.lookup(b, start, j + 1) != nil) {
                    j += 1; segment = 0; continue
                }
                break
            }
            let (ch, len) = decode(j)
            if ch == 0x2010 || ch == 0x2011 {  // Unicode hyphens
                if j + len < e, continuesWord(j + len) != nil { j += len; segment = 0; continue }
                break
            }
            guard ch == 0x27 || ch == 0x2019 || ch == 0x2BC || ch == 0xB4 || ch == 0x60 else { break }
            let after = j + len
            guard isLetterAt(after, e) else {
                // A word-final apostrophe (`po'`, `l’` before a space): the suffix rule kept it.
                if after == e && ch != 0x60 && ch != 0xB4 { j = after }
                break
            }
            var k = after
            var key: UInt32 = 0, keyLength = 0
            while k < e, let l = continuesWord(k) {
                if keyLength < 3 { key = key << 8 | UInt32(b[k] | 0x20); keyLength += 1 }
                k += l
            }
            let tailBytes = k - after
            if tailBytes <= 2 && tailBytes == keyLength && Self.cliticKeys.contains(key) {
                emit(start, j, TokenFlags.word.union(capitalFlag(start)))  // John | 's
                emit(j, k, [.word])
                return k
            }
            if tailBytes == 1 && key == 0x74 && j - start >= 2 && b[j - 1] | 0x20 == 0x6E {
                emit(start, j - 1, TokenFlags.word.union(capitalFlag(start)))  // do | n't
                emit(j - 1, k, [.word])
                return k
            }
            if j - start == 1 && b[start] == 0x4F && ScalarClass.isUppercase(decode(after).scalar) {
                j = k; continue  // O'Brien
            }
            emit(start, after, TokenFlags([.word, .elision]).union(capitalFlag(start)))
            start = after
            j = after
            segment = 0
        }
        var flags: TokenFlags = [.word]
        flags.formUnion(capitalFlag(start))
        if j > start + 1 {
            let last = UTF8Decoding.decodeLast(b, before: j)
            if ScalarClass.isApostrophe(last.scalar) && ElisionLexicon.contains(b, start, last.start) { flags.insert(.elision) }
        }
        emit(start, j, flags)
        return j
    }

    /// A number from `i`: digits with inner `.` `,` `:` `/` between digits (`1.000`, `3,5`, `8.30`,
    /// `20:45`, `12/04/2024`), a sign or leading period, then letters or `°` glued on (`21esima`, `3°`, `1st`).
    mutating func number(_ i: Int, _ e: Int) -> Int {
        var j = i
        if b[j] == 0x2D || b[j] == 0x2E || b[j] == 0x2B { j += 1 }
        while j < e {
            let c = b[j]
            if c >= 0x30 && c <= 0x39 { j += 1; continue }
            if (c == 0x2E || c == 0x2C || c == 0x3A || c == 0x2F) && isDigitAt(j + 1, e) { j += 1; continue }
            if c >= 0x80 {
                let (s, len) = decode(j)
                if ScalarClass.isDigit(s) { j += len; continue }
                if s == 0xFE0F || s == 0x20E3 {  // keycap emoji: 1️⃣
                    while j < e, ScalarClass.isEmojiExtender(decode(j).scalar) { j += decode(j).length }
                    emit(i, j, [.emoji])
                    return j
                }
            }
            break
        }
        while j < e {
            let c = b[j]
            if c < 0x80 {
                if (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) { j += 1; continue }
                break
            }
            let (s, len) = decode(j)
            if ScalarClass.isLetter(s) || ScalarClass.isCombiningMark(s) || s == 0xB0 || s == 0xBA || s == 0xAA { j += len; continue }
            break
        }
        emit(i, j, [.number])
        return j
    }

    /// A hashtag or @mention: the sign, then letters, digits and underscores.
    mutating func social(_ i: Int, _ e: Int) -> Int {
        var j = i + 1
        while j < e {
            let c = b[j]
            if c < 0x80 {
                if (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F { j += 1; continue }
                // A period inside a handle (`@mario.rossi`) but not at its end.
                if c == 0x2E && b[i] == 0x40 && isLetterOrDigitOrUnderscore(j + 1, e) { j += 1; continue }
                break
            }
            let (s, len) = decode(j)
            if ScalarClass.isLetter(s) || ScalarClass.isDigit(s) || ScalarClass.isCombiningMark(s) { j += len; continue }
            break
        }
        emit(i, j, [.social])
        return j
    }

    /// An emoji sequence: a pictograph or a regional-indicator pair, with variation selectors, skin
    /// tones, keycaps and tags, joined to further pictographs by ZWJ.
    mutating func emoji(_ i: Int, _ e: Int) -> Int {
        let (first, len) = decode(i)
        var j = i + len
        if ScalarClass.isRegionalIndicator(first), j < e, ScalarClass.isRegionalIndicator(decode(j).scalar) { j += 4 }
        while j < e {
            let (s, l) = decode(j)
            if ScalarClass.isEmojiExtender(s) { j += l; continue }
            if s == 0x200D {
                if j + l < e {
                    let (t, tl) = decode(j + l)
                    if ScalarClass.isEmojiStart(t) { j += l + tl; continue }
                }
                j += l  // a trailing ZWJ stays inside the emoji token
                continue
            }
            break
        }
        emit(i, j, [.emoji])
        return j
    }
}
