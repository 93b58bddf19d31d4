import CronistaCore

extension QuoteRun {
    /// Requests, proposals, appeals and accusations named by a noun (the lexicon's `ask` class), whose
    /// content is a `di`/`a` + infinitive after it: `la richiesta dell'MPA di rivedere gli equilibri`,
    /// `un appello volto ad evitare…`, `la proposta avanzata da X di procedere…`. The source is a
    /// mention in the noun's complement before the infinitive; without one, the attribution that
    /// follows (pro-drop continuation or the learned ranker) decides.
    mutating func requestNounQuotes() {
        let forms = ctx.forms
        let covered = coveredTokens()
        var i = 0
        while i < ctx.n {
            guard let m = cueEntry(at: i, classes: [.ask]) else {
                i += 1
                continue
            }
            let noun = i..<(i + m.length)
            i += m.length
            if noun.contains(where: { covered[$0] }) { continue }
            let sentence = ctx.sentenceRange(ofToken: noun.lowerBound)
            var p = noun.upperBound
            var start: Int?
            while p < sentence.upperBound && p < noun.upperBound + 10 {
                if ctx.isTerminal(p) || forms[p] == ";" || forms[p] == ":" || ctx.isQuoteMark(p) || ctx.is(p, .complementiser) { break }
                if p > noun.upperBound, cueEntry(at: p, classes: [.ask]) != nil || cue(startingNear: p, maxGap: 0) != nil { break }
                if ctx.is(p, [.infinitiveMarker, .requestMarker]) {
                    var s = p + 1
                    if s < sentence.upperBound && ctx.is(s, .negation) { s += 1 }
                    if s < sentence.upperBound && ctx.isInfinitive(s) {
                        start = p + 1
                        break
                    }
                }
                p += 1
            }
            guard let s = start, !covered[s] else { continue }
            let e = clauseEnd(from: s, in: sentence)
            guard e > s else { continue }
            let gap = noun.upperBound..<(s - 1)
            var speaker = gap.contains(where: { ctx.mentionAt[$0] >= 0 }) ? speakerIn(gap) : nil
            // "arrestati con l'accusa di…", "sotto la minaccia di…": a noun inside a prepositional
            // phrase, with no complement naming its source, has no one to attribute it to.
            if speaker == nil, noun.lowerBound >= 1 {
                let before = noun.lowerBound - 1
                let inPhrase =
                    (ctx.is(before, .preposition) && !ctx.is(before, .article))
                    || (ctx.is(before, .article) && before >= 1 && ctx.is(before - 1, .preposition) && !ctx.is(before - 1, .article))
                if inPhrase { speaker = SpeakerChoice(tokens: 0..<0, entity: nil, impersonal: true) }
            }
            let kind: Quote.Kind = (s..<e).contains(where: { ctx.isQuoteMark($0) }) ? .mixed : .indirect
            candidates.append(
                QuoteCandidate(
                    kind: kind, content: ctx.range(s..<e), cue: noun, speaker: speaker, priority: 1, contentTokens: s..<e,
                    origin: .requestNoun))
        }
    }
}
