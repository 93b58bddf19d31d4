import CronistaCore

extension QuoteRun {
    /// Speech after a colon without quotation marks: an interview's `Köcher: Sicuramente…`, and a
    /// clause about a person that announces their words, `Il suo allenatore era molto deluso: Avevamo
    /// vinto…` (the words must be in the first person). The content runs to the end of the sentence.
    /// Runs after the cue-based passes, on tokens no quote covers yet.
    mutating func colonSpeech() {
        let covered = coveredTokens()
        let forms = ctx.forms
        for sentence in ctx.doc.sentences {
            let r = sentence.tokenRange
            guard r.count >= 3 else { continue }
            var colon = r.lowerBound + 1
            while colon < r.upperBound - 1 && forms[colon] != ":" { colon += 1 }
            guard colon < r.upperBound - 1, forms[colon] == ":" else { continue }
            var s = colon + 1
            guard !ctx.isQuoteMark(s), !covered[s], !covered[colon - 1] else { continue }
            while s < r.upperBound && ctx.isPunct(s) && !ctx.isQuoteMark(s) { s += 1 }
            var e = r.upperBound
            while e > s && (ctx.isTerminal(e - 1) || ctx.isPunct(e - 1) && !ctx.isQuoteMark(e - 1)) { e -= 1 }
            guard e - s >= 3, !(s..<e).contains(where: { covered[$0] || forms[$0] == ":" }) else { continue }
            let content = s..<e
            var speaker: SpeakerChoice?
            // "Köcher: …": a name alone before the colon, at the start of the sentence.
            if let mi = nameMention(startingAt: r.lowerBound), ctx.mentionTokens[mi].upperBound == colon,
                ctx.doc.mentions[mi].type == .person
            {
                speaker = choice(mention: mi)
            } else {
                // A clause before the colon, words in the first person after it.
                let ownVoice = content.contains { ctx.is($0, .firstPerson) }
                guard ownVoice else { continue }
                // A person named in the clause (else the words have no one to belong to).
                speaker = firstPerson(in: r.lowerBound..<colon)
                guard speaker != nil || colon - r.lowerBound <= 3 else { continue }
            }
            candidates.append(
                QuoteCandidate(
                    kind: .direct, content: ctx.range(content), cue: nil, speaker: speaker, priority: 1,
                    contentTokens: content, origin: .colon))
        }
    }
}
