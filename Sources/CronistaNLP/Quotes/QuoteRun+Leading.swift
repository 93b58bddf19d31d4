import CronistaCore

extension QuoteRun {
    /// An attribution that opens the sentence with `come` (the pack's `manner` words) and closes
    /// with a comma: `Come ha spiegato il ministro, …`, `Come già annunciato dalla Sala Stampa, …`.
    /// The clause after the comma is what the source said; the source is the subject after the
    /// verb or the agent of a participle.
    mutating func leadingMannerQuotes() {
        let forms = ctx.forms
        for sent in ctx.doc.sentences {
            let r = sent.tokenRange
            guard r.count >= 6 else { continue }
            var t = r.lowerBound
            while t < r.upperBound && (ctx.is(t, .connective) || forms[t] == "," || ctx.isQuoteMark(t)) { t += 1 }
            guard t + 3 < r.upperBound, ctx.is(t, .manner) else { continue }
            guard let c = cue(startingNear: t + 1, maxGap: 1), !c.classes.isDisjoint(with: [.say]),
                !usedCues.contains(c.tokens.lowerBound)
            else { continue }
            // The comma that closes the attribution, within a short noun phrase.
            var comma = c.tokens.upperBound
            while comma < r.upperBound && comma < c.tokens.upperBound + 12 && forms[comma] != "," {
                if ctx.isTerminal(comma) || forms[comma] == ":" || forms[comma] == ";" || ctx.isQuoteMark(comma) {
                    comma = r.upperBound; break
                }
                comma += 1
            }
            guard comma < r.upperBound, forms[comma] == "," else { continue }
            var speaker: SpeakerChoice?
            if c.tokens.upperBound < comma, ctx.is(c.tokens.upperBound, .agentPreposition) {
                speaker = speakerIn((c.tokens.upperBound + 1)..<comma)
            } else {
                speaker = subjectAfter(c, stopAt: comma)
            }
            guard let speaker else { continue }
            let s = comma + 1
            let e = clauseEnd(from: s, in: r)
            guard e - s >= 3 else { continue }
            appendReportedClause(s..<e, cue: c, speaker: speaker, origin: .prepositional)
        }
    }
}
