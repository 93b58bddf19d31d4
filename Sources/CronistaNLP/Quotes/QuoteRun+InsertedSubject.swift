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
            var close = c.tokens.upperBound
            var closed = false
            while close < sentence.upperBound && close < c.tokens.upperBound + 6 {
                let f = forms[close]
                if ctx.isTerminal(close) || f == ":" || f == ";" || ctx.isQuoteMark(close) || ctx.is(close, .complementiser) { break }
                if isDash ? (f == "-" || f == "–" || f == "—") : f == "," {
                    closed = true
                    break
                }
                close += 1
            }
            guard closed else { continue }
            // The clause that holds the attribution: after the last `;` / `:` / `, but` / `, and` before it.
            var s = sentence.lowerBound
            var b = open - 1
            while b > sentence.lowerBound {
                if forms[b] == ";" || forms[b] == ":" || (ctx.is(b, [.adversative, .coordinator]) && forms[b - 1] == ",") {
                    s = b + 1
                    break
                }
                b -= 1
            }
            while s < open && (ctx.isQuoteMark(s) || ctx.is(s, .connective) || forms[s] == ",") { s += 1 }
            // `But, he said, it is…`: only the words after the attribution.
            if open - s < 2 { s = close + 1 }
            let e = clauseEnd(from: close + 1, in: sentence)
            guard e - (close + 1) >= 2, !(s..<e).contains(where: { covered[$0] }) else { continue }
            // Words before the attribution that already hold a verb of saying are another attribution.
            if s < open, (s..<open).contains(where: { t in cues.contains { $0.tokens.contains(t) } }) { continue }
            let tokens = s..<e
            usedCues.insert(c.tokens.lowerBound)
            let kind: Quote.Kind = tokens.contains(where: { ctx.isQuoteMark($0) }) ? .mixed : .indirect
            candidates.append(
                QuoteCandidate(
                    kind: kind, content: ctx.range(tokens), cue: c.tokens, speaker: speaker, priority: 1, contentTokens: tokens,
                    origin: .parenthetical))
        }
    }
}
