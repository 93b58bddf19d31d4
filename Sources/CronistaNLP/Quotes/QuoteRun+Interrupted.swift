import CronistaCore

extension QuoteRun {
    /// Joins a quotation that its own attribution interrupts (`"X," the senator said, "Y."`,
    /// `"X," said Smith. "Y."`) into one quote over both pieces, for languages whose reference
    /// annotation counts it as one attribution (``LanguageRules/joinsInterruptedQuotes``).
    /// Two neighbouring candidates join when everything between them is the first one's cue, its
    /// speaker, articles and punctuation, and the second has the same cue (or none, a floating
    /// continuation) and no other speaker; or when what stands between them is the attribution's
    /// whole sentence (``continuesAcrossAttribution(_:_:gap:cue:)``). Candidates are sorted by start.
    mutating func joinInterruptedQuotes() {
        guard candidates.count > 1 else { return }
        var out: [QuoteCandidate] = []
        out.reserveCapacity(candidates.count)
        for c in candidates {
            if let last = out.last, let joined = joined(last, c) {
                out[out.count - 1] = joined
            } else {
                out.append(c)
            }
        }
        candidates = out
    }

    /// `a` and `b` as one quote, or nil when `b` does not continue `a` across its attribution.
    func joined(_ a: QuoteCandidate, _ b: QuoteCandidate) -> QuoteCandidate? {
        guard let cue = a.cue, b.cue == nil || b.cue == cue, b.kind == .direct || b.cue == cue else { return nil }
        let gap = a.contentTokens.upperBound..<b.contentTokens.lowerBound
        guard !gap.isEmpty, cue.lowerBound >= gap.lowerBound, cue.upperBound <= gap.upperBound else { return nil }
        let speaker = a.speaker?.tokens
        if let s = b.speaker?.tokens, s != speaker { return nil }
        let bare = gap.allSatisfy { t in
            cue.contains(t) || (speaker?.contains(t) ?? false) || ctx.isPunct(t) || ctx.isQuoteMark(t)
                || ctx.is(t, [.article, .determiner])
        }
        guard bare || continuesAcrossAttribution(a, b, gap: gap, cue: cue) else { return nil }
        var j = a
        j.content = TextRange(startUTF8: a.content.startUTF8, endUTF8: b.content.endUTF8)
        j.contentTokens = a.contentTokens.lowerBound..<b.contentTokens.upperBound
        if a.kind != b.kind { j.kind = .mixed }
        return j
    }

    /// Whether a floating quotation `b` continues `a` across a whole attribution sentence that says
    /// more than who spoke (`"X," said Rep. Smith, head of the caucus. "Y."`, `"X," she said of the
    /// plan, clapping. "Y."`): the gap is `a`'s closing marks, then only the sentence holding `a`'s
    /// cue and speaker, then `b`'s opening marks, in one paragraph, with no other quotation inside.
    func continuesAcrossAttribution(_ a: QuoteCandidate, _ b: QuoteCandidate, gap: Range<Int>, cue: Range<Int>) -> Bool {
        // A floating quotation after a direct one, or the second half of a clause its attribution
        // interrupts (`Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt`).
        guard b.cue == nil && a.kind == .direct && b.kind == .direct || b.cue == cue, let speaker = a.speaker?.tokens, !speaker.isEmpty,
            speaker.lowerBound >= gap.lowerBound, speaker.upperBound <= gap.upperBound
        else { return false }
        var lo = gap.lowerBound
        while lo < gap.upperBound && (ctx.isQuoteMark(lo) || ctx.isPunct(lo) && !ctx.isTerminal(lo)) { lo += 1 }
        var hi = gap.upperBound
        while hi > lo && ctx.isQuoteMark(hi - 1) { hi -= 1 }
        guard lo < hi else { return false }
        let sentence = ctx.sentenceOf[cue.lowerBound]
        for t in lo..<hi {
            if ctx.isQuoteMark(t) || ctx.sentenceOf[t] != sentence { return false }
            if t < hi - 1 && ctx.doc.tokens.flags[t].contains(.paragraphAfter) { return false }
        }
        // Nothing but the opening marks after the attribution's own end.
        return hi == gap.upperBound || !ctx.doc.tokens.flags[hi - 1].contains(.paragraphAfter)
    }
}
