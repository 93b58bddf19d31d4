import CronistaCore

extension QuoteRun {
    /// Speech after a colon without quotation marks: an interview's `Köcher: Sicuramente…`, and a
    /// clause about a person that announces their words, `Il suo allenatore era molto deluso: Avevamo
    /// vinto…` (the words must be in the first person). The content runs to the end of the sentence.
    /// Runs after the cue-based passes, on tokens no quote covers yet.
    mutating func colonSpeech() {
        let covered = coveredTokens()
        // A closure in a mutating method that calls a method of `self` copies `self` (its clause
        // context's arrays retained and released) at every call; one copy here serves them all.
        let run = self
        let forms = ctx.forms
        let sentences = ctx.doc.sentences
        var taken = 0
        for (si, sentence) in sentences.enumerated() where si >= taken {
            let r = sentence.tokenRange
            guard r.count >= 3 else { continue }
            var colon = r.lowerBound + 1
            while colon < r.upperBound - 1 && forms[colon] != ":" { colon += 1 }
            guard colon < r.upperBound - 1, forms[colon] == ":" else { continue }
            var s = colon + 1
            guard !ctx.isQuoteMark(s), !covered[s] else { continue }
            while s < r.upperBound && ctx.isPunct(s) && !ctx.isQuoteMark(s) { s += 1 }
            guard !(s..<r.upperBound).contains(where: { covered[$0] || forms[$0] == ":" }) else { continue }
            // The speech runs on over the next sentences of the paragraph ("Köcher: Fondamentale! Sono
            // nato a Merano…"), up to one that opens a colon of its own, holds a reporting cue or a
            // quote already found.
            var last = si
            while last + 1 < sentences.count, !ctx.breakAfter(sentences[last].tokenRange.upperBound - 1) {
                let next = sentences[last + 1].tokenRange
                if next.contains(where: {
                    covered[$0] || forms[$0] == ":" || run.ctx.isQuoteMark($0) || run.cue(startingNear: $0, maxGap: 0) != nil
                }) {
                    break
                }
                last += 1
            }
            var e = sentences[last].tokenRange.upperBound
            while e > s && (ctx.isTerminal(e - 1) || ctx.isPunct(e - 1) && !ctx.isQuoteMark(e - 1)) { e -= 1 }
            guard e - s >= 3 else { continue }
            let content = s..<e
            var speaker: SpeakerChoice?
            // "Köcher: …": a name alone before the colon, at the start of the sentence.
            if let mi = nameMention(startingAt: r.lowerBound), ctx.mentionTokens[mi].upperBound == colon,
                ctx.doc.mentions[mi].type == .person
            {
                speaker = choice(mention: mi)
            } else if let named = personMention(endingAt: colon) {
                // "…il ministro dello Sport Giovanni Spadafora: le semifinali si giocheranno…": a name
                // right before the colon.
                speaker = named
            } else {
                // A clause before the colon, words in the first person after it.
                let ownVoice = content.contains { run.ctx.is($0, .firstPerson) || run.ctx.pack.rules.isFirstPersonVerb(forms[$0]) }
                guard ownVoice else { continue }
                // A person named in the clause (else the words have no one to belong to).
                // Not one the words themselves name ("Per Pacquiao nessuna rivincita: L'ultima cosa a cui
                // penso è Pacquiao").
                let named = firstPerson(in: r.lowerBound..<colon)
                let namedInWords =
                    named?.entity.map { e in
                        run.ctx.doc.entities[e].mentions.contains { m in content.contains(run.ctx.mentionTokens[m].lowerBound) }
                    } ?? false
                speaker = namedInWords ? nil : named
                guard speaker != nil || namedInWords || colon - r.lowerBound <= 3 || last > si else { continue }
            }
            candidates.append(
                QuoteCandidate(
                    kind: .direct, content: ctx.range(content), cue: nil, speaker: speaker, priority: 1,
                    contentTokens: content, origin: .colon))
            taken = last + 1
        }
    }
}
