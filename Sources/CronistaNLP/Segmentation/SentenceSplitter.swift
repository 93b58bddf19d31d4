public import CronistaCore

/// Splits a document's tokens into sentences. Rules, in order:
///
/// - A blank line (paragraph break) always ends a sentence.
/// - Sentence-final punctuation (`.`, `!`, `?`, `…`, runs of them) ends one when followed by white
///   space and a plausible start (a capitalised word, a number, an opening quote or bracket before
///   one, a dash), or by a line break, or by the end of the text. Closing quotes and brackets glued to
///   it stay in the sentence (`…problema".` and `…protetto.»`). This also splits quotations that hold
///   several sentences.
/// - Abbreviations and initials carry their period inside the token (see ``Tokenizer``), so they
///   never look final; a *general* abbreviation (`ecc.`, `etc.`) ends a sentence before a capitalised
///   word, a title (`dott.`, `Mr.`, `J.`) never does.
/// - A line break after a line without final punctuation ends a sentence on the first line (the
///   headline) and wherever the line looks like a heading or list item: the next line starts with a
///   capital, a digit, a quote or a dash, and the line does not end with a comma, a hyphen or an
///   opening bracket and is at most ``maxHeadingTokens`` tokens long.
/// - An enumeration number glued to a period at the start of a line (`1. Introduzione`) is not a sentence.
/// - With ``TextConventions/datelines`` (English): a wire-copy dateline at the start of a line (`MOSCOW
///   (AP) —`, `WASHINGTON, March 3 (Reuters) -`) is a sentence of its own, ending at its dash.
///
/// - No sentence is longer than ``maxSentenceTokens`` tokens: a longer run (a table flattened to one
///   line, a megabyte of text without a full stop) is cut into pieces of that length, so that the
///   later stages, whose work grows with the sentence, stay linear in the document's size.
///
/// The sentences partition the tokens: every token belongs to exactly one sentence, and a sentence's
/// range runs from its first token's start to its last token's end.
public struct SentenceSplitter: Sendable {
    /// A line without final punctuation longer than this is taken as a wrapped line, not a heading.
    public var maxHeadingTokens: Int
    /// The longest sentence, in tokens. The longest in the 3,700 Italian news documents of the
    /// shared sets is about 300 tokens (1,692 characters), so the default cuts only text that
    /// is not prose.
    public var maxSentenceTokens: Int

    public static let defaultMaxSentenceTokens = 1_000

    public init(maxHeadingTokens: Int = 24, maxSentenceTokens: Int = Self.defaultMaxSentenceTokens) {
        self.maxHeadingTokens = maxHeadingTokens
        self.maxSentenceTokens = max(1, maxSentenceTokens)
    }

    /// Splits the tokens of `text` into sentences, ordered and non-overlapping. `conventions` are those
    /// of the document's language (``TextConventions``).
    public func split(_ text: String, tokens: TokenTable, conventions: TextConventions = []) -> [Sentence] {
        let n = tokens.count
        guard n > 0 else { return [] }
        var copy = text
        return copy.withUTF8 { bytes in
            var context = SplitContext(
                bytes: bytes, tokens: tokens, maxHeadingTokens: maxHeadingTokens, maxSentenceTokens: maxSentenceTokens,
                datelines: conventions.contains(.datelines))
            return context.run()
        }
    }
}

/// One splitting pass over the token table.
struct SplitContext {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: TokenTable
    let maxHeadingTokens: Int
    let maxSentenceTokens: Int
    /// Whether a line-initial dateline is a sentence (``TextConventions/datelines``).
    let datelines: Bool
    var n: Int { tokens.count }

    func firstScalar(_ i: Int) -> UInt32 { UTF8Decoding.decode(bytes, Int(tokens.starts[i])).scalar }
    func length(_ i: Int) -> Int { Int(tokens.ends[i] - tokens.starts[i]) }
    func isWhitespaceAfter(_ i: Int) -> Bool { tokens.flags[i].contains(.spaceAfter) }

    func tokenIs(_ i: Int, _ byte: UInt8) -> Bool { length(i) == 1 && bytes[Int(tokens.starts[i])] == byte }

    /// A token that closes what the terminal punctuation before it ended: a closing quote or bracket.
    func isClosing(_ i: Int) -> Bool {
        let f = tokens.flags[i]
        if f.contains(.terminal) { return true }
        let s = firstScalar(i)
        if f.contains(.quoteMark) {
            // Opening-only marks never close.
            return !(s == 0xAB || s == 0x201C || s == 0x201E || s == 0x2018 || s == 0x2039)
        }
        return s == 0x29 || s == 0x5D || s == 0x7D
    }

    func isOpening(_ i: Int) -> Bool {
        let s = firstScalar(i)
        return tokens.flags[i].contains(.quoteMark) || s == 0x28 || s == 0x5B || s == 0x7B || s == 0xBF || s == 0xA1
    }

    /// Whether token `i` can begin a sentence.
    func isPlausibleStart(_ i: Int, depth: Int = 0) -> Bool {
        let f = tokens.flags[i]
        if f.contains(.capitalized) || f.contains(.number) { return true }
        if f.contains(.elision) { return f.contains(.capitalized) }
        let s = firstScalar(i)
        if s == 0x2014 || s == 0x2013 || s == 0x2D || s == 0x2022 || s == 0x2026 { return true }
        if f.contains(.emoji) || f.contains(.social) || f.contains(.url) { return true }
        // (Two deep for a doubled mark, `''After…`, where both halves are the same mark.)
        let doubledHalf =
            depth == 1 && i > 0 && length(i) == 1 && length(i - 1) == 1 && bytes[Int(tokens.starts[i])] == bytes[Int(tokens.starts[i - 1])]
            && tokens.flags[i - 1].contains(.quoteMark)
        if isOpening(i) && (depth == 0 || doubledHalf) && i + 1 < n && !isWhitespaceAfter(i) {
            return isPlausibleStart(i + 1, depth: depth + 1)
        }
        return false
    }

    mutating func run() -> [Sentence] {
        var out: [Sentence] = []
        var start = 0
        var lineStart = 0
        var lineIndex = 0
        var i = 0
        while i < n {
            var end = i
            var boundary = false
            let f = tokens.flags[i]
            if datelines && i == start && i == lineStart, let dash = datelineEnd(from: i) {
                out.append(
                    Sentence(
                        tokens: Int32(start)..<Int32(dash + 1),
                        range: TextRange(startUTF8: tokens.starts[start], endUTF8: tokens.ends[dash])))
                start = dash + 1
                i = dash + 1
                continue
            }
            if f.contains(.terminal) && !isInsideBrackets(i) && !isEnumeration(i, lineStart: lineStart) {
                // Glued closing quotes, brackets and further terminals belong to this sentence.
                while end + 1 < n && !isWhitespaceAfter(end) && isClosing(end + 1) { end += 1 }
                let fe = tokens.flags[end]
                if end == n - 1 || fe.contains(.newlineAfter) {
                    boundary = true
                } else if fe.contains(.spaceAfter) && isPlausibleStart(end + 1) {
                    boundary = true
                }
            } else if f.contains(.abbreviation) && f.contains(.spaceAfter) && !f.contains(.newlineAfter) && i + 1 < n {
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens.starts[i])..<Int(tokens.ends[i])]), as: UTF8.self)
                if Abbreviations.kind(of: text) == .general && tokens.flags[i + 1].contains(.capitalized) { boundary = true }
            }
            let fe = tokens.flags[end]
            if !boundary && fe.contains(.newlineAfter) {
                if fe.contains(.paragraphAfter) || lineIndex == 0 || end == n - 1 {
                    boundary = true
                } else if looksLikeHeadingBreak(lineStart: lineStart, lineEnd: end) {
                    boundary = true
                } else if f.contains(.abbreviation) && tokens.flags[end + 1].contains(.capitalized)
                    && Abbreviations.kind(
                        of: String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens.starts[i])..<Int(tokens.ends[i])]), as: UTF8.self))
                        == .general
                {
                    boundary = true
                }
            }
            if !boundary && end + 1 - start >= maxSentenceTokens { boundary = true }
            if boundary || end == n - 1 {
                out.append(
                    Sentence(
                        tokens: Int32(start)..<Int32(end + 1),
                        range: TextRange(startUTF8: tokens.starts[start], endUTF8: tokens.ends[end])))
                start = end + 1
            }
            if tokens.flags[end].contains(.newlineAfter) {
                lineStart = end + 1
                lineIndex += 1
            }
            i = end + 1
        }
        return out
    }

    /// The dash that ends a dateline starting at token `i`, if one does: a place in capitals (`MOSCOW`,
    /// `NEW YORK`; then perhaps `, Ukraine`), perhaps a date (`, March 3`), perhaps an agency in brackets
    /// (`(AP)`), then a dash between spaces, all within one line of at most a dozen tokens. A place in
    /// title case needs the agency (`Kyiv (Reuters) -`).
    func datelineEnd(from i: Int) -> Int? {
        let limit = min(n, i + 14)
        var j = i
        var capitals = 0, words = 0
        var agency = false
        while j < limit {
            let f = tokens.flags[j]
            if f.contains(.newlineAfter) && !isDash(j) { return nil }
            if isDash(j) {
                guard words > 0, capitals > 0 || agency, j > i, isWhitespaceAfter(j - 1), isWhitespaceAfter(j), j + 1 < n,
                    isPlausibleStart(j + 1)
                else { return nil }
                return j
            }
            if tokenIs(j, 0x28) {  // (AP), (Reuters)
                guard words > 0, !agency, j + 2 < limit, tokens.flags[j + 1].contains(.capitalized), tokenIs(j + 2, 0x29) else {
                    return nil
                }
                agency = true
                j += 3
                continue
            }
            if agency { return nil }  // only the dash follows the agency
            if tokenIs(j, 0x2C) && words > 0 { j += 1; continue }
            if f.contains(.number) && words > 0 && length(j) <= 2 { j += 1; continue }  // the day of a date
            guard f.contains(.word) && f.contains(.capitalized) else { return nil }
            if words == 0 || capitals == words {
                if isAllCapitals(j) { capitals += 1 } else if words == 0 { capitals = 0 }
            }
            words += 1
            j += 1
        }
        return nil
    }

    /// A dash token: `-`, `--`, `–` or `—`.
    func isDash(_ i: Int) -> Bool {
        let s = firstScalar(i)
        return s == 0x2014 || s == 0x2013 || (s == 0x2D && length(i) <= 2)
    }

    /// A word of at least two letters, all of them capitals (`MOSCOW`, `U.S.`).
    func isAllCapitals(_ i: Int) -> Bool {
        var letters = 0
        for k in Int(tokens.starts[i])..<Int(tokens.ends[i]) {
            let c = bytes[k]
            if c >= 0x61 && c <= 0x7A { return false }
            if c >= 0x41 && c <= 0x5A { letters += 1 }
        }
        return letters >= 2
    }

    /// `(...)`, `[…]`: an ellipsis glued inside brackets marks an omission, not an end.
    func isInsideBrackets(_ i: Int) -> Bool {
        guard i > 0, !isWhitespaceAfter(i - 1), i + 1 < n, !isWhitespaceAfter(i) else { return false }
        let before = firstScalar(i - 1), after = firstScalar(i + 1)
        return (before == 0x28 || before == 0x5B) && (after == 0x29 || after == 0x5D)
    }

    /// `1.` at the start of a line, glued: a list number.
    func isEnumeration(_ i: Int, lineStart: Int) -> Bool {
        i > 0 && i - 1 == lineStart && tokenIs(i, 0x2E) && !isWhitespaceAfter(i - 1)
            && tokens.flags[i - 1].contains(.number) && length(i - 1) <= 3 && i + 1 < n && !tokens.flags[i].contains(.newlineAfter)
    }

    /// A line break after a line with no final punctuation: a boundary when the line looks like a
    /// heading or a list item rather than a wrapped line.
    func looksLikeHeadingBreak(lineStart: Int, lineEnd: Int) -> Bool {
        guard lineEnd + 1 < n else { return true }
        if lineEnd - lineStart + 1 > maxHeadingTokens { return false }
        let last = firstScalar(lineEnd)
        let lf = tokens.flags[lineEnd]
        if last == 0x2C || last == 0x2D || last == 0x28 || last == 0x5B || lf.contains(.elision) { return false }
        if lf.contains(.quoteMark) && !isClosing(lineEnd) { return false }
        return isPlausibleStart(lineEnd + 1)
    }
}
