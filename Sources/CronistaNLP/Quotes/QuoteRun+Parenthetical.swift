import CronistaCore

extension QuoteRun {
    /// An attribution set inside the reported clause between commas or dashes, with its subject after
    /// the verb: `Per riuscirci, sostiene lo studio, servirebbero…`, `Verso sera – hanno raccontato i
    /// testimoni – la luce è andata via`. The guideline's one quote: the whole clause is the content,
    /// the cue inside it. After a coordinator (`… e, riferisce l'agenzia X, tra 200 e 300…`) the
    /// clause starts after the attribution.
    mutating func parentheticalCueQuotes() {
        let forms = ctx.forms
        let covered = coveredTokens()
        for c in cues where !usedCues.contains(c.tokens.lowerBound) && c.classes.contains(.say) {
            let open = c.tokens.lowerBound - 1
            guard open >= 0, !covered[c.tokens.lowerBound] else { continue }
            // A finite, active verb group: not a gerund (`, confermando la notizia,`), a passive or a
            // participle alone (`, appresa la notizia,`).
            let head = forms[c.head]
            if c.passive || ctx.isGerund(c.head) || (c.tokens.count == 1 && ctx.pack.rules.isParticiple(head)) { continue }
            let sentence = ctx.sentenceRange(ofToken: c.head)
            let delimiter = forms[open]
            let isDash = delimiter == "-" || delimiter == "–" || delimiter == "—"
            guard delimiter == "," || isDash, open > sentence.lowerBound else { continue }
            // The attribution closes with the same delimiter within a short subject.
            guard let close = insertClose(after: c, dash: isDash, within: 7, in: sentence), close > c.tokens.upperBound,
                let speaker = subjectAfter(c, stopAt: close)
            else { continue }
            var s = sentence.lowerBound
            if ctx.is(open - 1, .coordinator) {
                s = close + 1
            } else {
                s = insertedClauseStart(before: open, in: sentence)
            }
            guard open - s >= 2 || s > close else { continue }
            // A gerund before the attribution (`X, parlando di Y, ha ricordato le parole…`) makes it the
            // sentence's own verb with its object after it, not an inserted attribution.
            if s < open, (s..<open).contains(where: { ctx.isGerund($0) }) { continue }
            let e = clauseEnd(from: close + 1, in: sentence)
            guard e - (close + 1) >= 2, !(s..<e).contains(where: { covered[$0] }) else { continue }
            appendReportedClause(s..<e, cue: c, speaker: speaker, origin: .parenthetical)
        }
    }

    /// Where an attribution inserted after cue `c` closes: the next comma (or dash, with `dash`) within
    /// `within` tokens, before any end of clause, quotation mark or complementiser.
    func insertClose(after c: CueMatch, dash: Bool, within: Int, in sentence: Range<Int>) -> Int? {
        let forms = ctx.forms
        var close = c.tokens.upperBound
        while close < sentence.upperBound && close < c.tokens.upperBound + within {
            let f = forms[close]
            if ctx.isTerminal(close) || f == ":" || f == ";" || ctx.isQuoteMark(close) || ctx.is(close, .complementiser) { return nil }
            if dash ? (f == "-" || f == "–" || f == "—") : f == "," { return close }
            close += 1
        }
        return nil
    }

    /// The start of the clause that holds an attribution opening at `open`: after the last `;`, `:`,
    /// `, ma` or `, e` before it, past quotation marks, connectives and commas.
    func insertedClauseStart(before open: Int, in sentence: Range<Int>) -> Int {
        let forms = ctx.forms
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
        return s
    }

    /// A reported clause found around cue `c` (it uses the cue up): mixed when it holds quoted words.
    mutating func appendReportedClause(
        _ tokens: Range<Int>, cue c: CueMatch, speaker: SpeakerChoice?, origin: QuoteCandidate.Origin, priority: Int = 1
    ) {
        usedCues.insert(c.tokens.lowerBound)
        let kind: Quote.Kind = tokens.contains(where: { ctx.isQuoteMark($0) }) ? .mixed : .indirect
        candidates.append(
            QuoteCandidate(
                kind: kind, content: ctx.range(tokens), cue: c.tokens, speaker: speaker, priority: priority, contentTokens: tokens,
                origin: origin))
    }
}
