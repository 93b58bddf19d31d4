import CronistaCore

extension QuoteRun {
    /// Joins a quotation that its own attribution interrupts (`"X," the senator said, "Y."`,
    /// `"X," said Smith. "Y."`) into one quote over both pieces, for languages whose reference
    /// annotation counts it as one attribution (``LanguageRules/joinsInterruptedQuotes``).
    /// Two neighbouring candidates join when everything between them is the first one's cue, its
    /// speaker, articles and punctuation, and the second has the same cue (or none, a floating
    /// continuation) and no other speaker. Candidates are sorted by start.
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
        for t in gap where !cue.contains(t) && !(speaker?.contains(t) ?? false) {
            guard ctx.isPunct(t) || ctx.isQuoteMark(t) || ctx.is(t, [.article, .determiner]) else { return nil }
        }
        var j = a
        j.content = TextRange(startUTF8: a.content.startUTF8, endUTF8: b.content.endUTF8)
        j.contentTokens = a.contentTokens.lowerBound..<b.contentTokens.upperBound
        if a.kind != b.kind { j.kind = .mixed }
        return j
    }
}
