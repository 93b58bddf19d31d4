import CronistaCore

extension QuoteRun {
    /// An attribution with its subject first, set between commas or dashes inside the reported clause
    /// anywhere in the sentence: `The plan, an aide said, is to win the state`, `An economic downturn,
    /// he said, "could help"`. As for the inverted order (``parentheticalCueQuotes()``), the guideline's
    /// one quote: the whole clause is the content, the cue inside it. Only for languages whose subject
    /// comes before a verb of saying that follows its content (``LanguageRules/subjectBeforeTrailingCue``).
    mutating func insertedSubjectCueQuotes() {
        guard ctx.pack.rules.subjectBeforeTrailingCue else { return }
        let forms = ctx.forms
        let covered = coveredTokens()
        for c in cues where !usedCues.contains(c.tokens.lowerBound) && c.classes.contains(.say) {
            guard !covered[c.tokens.lowerBound], !c.passive, !ctx.isGerund(c.head) else { continue }
            let sentence = ctx.sentenceRange(ofToken: c.head)
            // The opening delimiter, a short subject before the verb.
            var open = c.tokens.lowerBound - 1
            while open > sentence.lowerBound && open >= c.tokens.lowerBound - 6 && !ctx.isPunct(open) { open -= 1 }
            guard open > sentence.lowerBound, open < c.tokens.lowerBound - 1 else { continue }
            let delimiter = forms[open]
            let isDash = delimiter == "-" || delimiter == "–" || delimiter == "—"
            guard delimiter == "," || isDash else { continue }
            let subject = (open + 1)..<c.tokens.lowerBound
            if subject.contains(where: { ctx.is($0, [.complementiser, .relativeOblique]) || ctx.isQuoteMark($0) }) { continue }
            guard let speaker = speakerIn(subject) ?? pluralSource(subject) else { continue }
            // The attribution closes with the same delimiter after a short complement (`said Tuesday`,
            // `told reporters`, `said in a statement`).
            guard let close = insertClose(after: c, dash: isDash, within: 6, in: sentence) else { continue }
            // The clause that holds the attribution: after the last `;` / `:` / `, but` / `, and` before it.
            var s = insertedClauseStart(before: open, in: sentence)
            // `But, he said, it is…`: only the words after the attribution.
            if open - s < 2 { s = close + 1 }
            let e = clauseEnd(from: close + 1, in: sentence)
            guard e - (close + 1) >= 2, !(s..<e).contains(where: { covered[$0] }) else { continue }
            // Words before the attribution that already hold a verb of saying are another attribution.
            if s < open, (s..<open).contains(where: { t in cues.contains { $0.tokens.contains(t) } }) { continue }
            appendReportedClause(s..<e, cue: c, speaker: speaker, origin: .parenthetical)
        }
    }
}
