import CronistaCore

extension QuoteRun {
    /// A dash standing alone between spaces (`-`, `–`, `—`): the newspaper's way of setting off an
    /// attribution inside a quotation. The punctuation of the quotation may touch it on either side
    /// (`- ha proseguito -, dalla prima…`, `- ha dichiarato -. Non sono…`). A hyphen inside a word
    /// (`anti-rumore`) is no such dash.
    func isInsertDash(_ t: Int) -> Bool {
        let f = ctx.forms[t]
        guard f == "-" || f == "–" || f == "—" else { return false }
        let tokens = ctx.doc.tokens
        let spacedBefore = t == 0 || tokens.ends[t - 1] < tokens.starts[t] || (ctx.isPunct(t - 1) && !ctx.isQuoteMark(t - 1))
        let spacedAfter = t + 1 >= ctx.n || tokens.ends[t] < tokens.starts[t + 1] || (ctx.isPunct(t + 1) && !ctx.isQuoteMark(t + 1))
        return spacedBefore && spacedAfter
    }

    /// An attribution set off between dashes inside a quotation, starting at token `t`: a reporting
    /// verb group at its head (`- racconta l'ambulante -`, `- lui spiega -`), or a noun that names
    /// the words followed by whose they are (`- la ricetta di Alessandro Turchi -`).
    /// Returns the cue (nil for the noun form) and whether the insert is an attribution at all.
    func insertAttribution(from t: Int, to end: Int) -> (isAttribution: Bool, cue: CueMatch?) {
        guard t < end else { return (false, nil) }
        // A verb group within the insert's first three tokens.
        // Inside a quotation, a verb of judging between dashes attributes too ("- giudica Rossi -").
        if let c = cue(startingNear: t, maxGap: 2), c.tokens.upperBound <= end, !c.classes.isDisjoint(with: [.say, .request, .judge]) {
            // Only a pronoun or a name may stand before the verb ("- lui spiega -", "- Rossi aggiunge -").
            let before = t..<c.tokens.lowerBound
            if before.allSatisfy({ ctx.is($0, .personalPronoun) || ctx.mentionAt[$0] >= 0 || ctx.is($0, .skippable) }) {
                return (true, c)
            }
        }
        // A verb of judging is no cue elsewhere (its quoted word is a scare quote), but between
        // dashes inside a quotation it attributes: "- giudica Daniele Spena -".
        for k in t..<min(t + 3, end) {
            if let m = cueEntry(at: k, classes: [.judge]), k + m.length <= end,
                (t..<k).allSatisfy({ ctx.is($0, .personalPronoun) || ctx.mentionAt[$0] >= 0 || ctx.is($0, .skippable) })
            {
                return (true, CueMatch(tokens: k..<(k + m.length), classes: m.entry.classes, lemma: m.entry.lemma))
            }
        }
        // "- secondo Covili -": a prepositional cue and its source.
        if let m = cueEntry(at: t, classes: [.prep]), t + m.length < end, (t + m.length..<end).contains(where: { ctx.mentionAt[$0] >= 0 }) {
            return (true, nil)
        }
        // "la ricetta di X", "il tributo di X", "il contraltare della giovane": article, noun, a
        // preposition of belonging, then whose words they are.
        guard nounAttributionOf(from: t, to: end) != nil else { return (false, nil) }
        return (end - t <= 24, nil)
    }

    /// The token of `di` in `la ricetta di X`, `l'ultimo appello degli studenti`: an article, one or
    /// two lower-case words, then the preposition of belonging.
    func nounAttributionOf(from t: Int, to end: Int) -> Int? {
        guard t < end, ctx.is(t, .article) else { return nil }
        var k = t + 1
        while k < end && k <= t + 2 && ctx.doc.tokens.flags[k].contains(.word) && !ctx.isCapitalized(k) && ctx.mentionAt[k] < 0 {
            if k + 1 < end && ctx.is(k + 1, .ofPreposition) { return k + 2 < end ? k + 1 : nil }
            k += 1
        }
        return nil
    }

    /// Quotations interrupted by their attribution between dashes,
    /// `«Stavo aprendo il banco - racconta l'ambulante - quando…»`: two quotes, same speaker and
    /// cue. A quotation whose dashes close on its end (`«… - spiega Rossi»`) is one quote before the
    /// attribution. Runs before ``directQuotes()``, which leaves the marks used here alone.
    mutating func splitQuotes() {
        for (mi, m) in marks.enumerated() where m.depth == 0 && m.closed && !usedMarks.contains(mi) {
            let content = m.contentTokens
            guard content.count >= 4 else { continue }
            var d1 = content.lowerBound + 1
            var found: (d1: Int, d2: Int, cue: CueMatch?)?
            while d1 < content.upperBound - 1 && found == nil {
                defer { d1 += 1 }
                guard isInsertDash(d1) else { continue }
                // The insert ends at the next lone dash, or at the closing mark.
                var d2 = d1 + 1
                while d2 < content.upperBound && !isInsertDash(d2) && d2 - d1 <= 26 { d2 += 1 }
                guard d2 - d1 <= 26, d2 - d1 > 1 else { continue }
                let insertEnd = d2
                // A sentence end inside the insert means the dashes belong to something else.
                if (d1 + 1..<insertEnd).contains(where: { ctx.isTerminal($0) && $0 < insertEnd - 1 }) { continue }
                let (ok, cue) = insertAttribution(from: d1 + 1, to: insertEnd)
                if ok { found = (d1, d2, cue) }
            }
            guard let (d1, d2, cue) = found else { continue }
            let insert = (d1 + 1)..<d2
            var speaker: SpeakerChoice?
            if let c = cue {
                speaker = subjectAfter(c, stopAt: d2)
                if speaker == nil, c.tokens.lowerBound > insert.lowerBound { speaker = speakerIn(insert.lowerBound..<c.tokens.lowerBound) }
                // Without its closing dash the insert may run into the quotation ("- ha aggiunto le
                // cose sono cambiate…»"): only a mention or a pronoun is a speaker then.
                if d2 == content.upperBound, let s = speaker, s.entity == nil, !s.tokens.contains(where: { ctx.mentionAt[$0] >= 0 }),
                    !(s.tokens.count == 1 && ctx.is(s.tokens.lowerBound, .personalPronoun))
                {
                    speaker = nil
                }
                // "…all'ospedale: «A - ha dichiarato -. B»": a verb without its subject speaks for
                // the one who was announced before the colon.
                if speaker == nil, m.open > 0, ctx.forms[m.open - 1] == ":" {
                    let sentence = ctx.sentenceRange(ofToken: m.open)
                    if m.open - 1 > sentence.lowerBound {
                        speaker =
                            firstPerson(in: sentence.lowerBound..<(m.open - 1)) ?? subjectBefore(m.open - 1, sentence: sentence)
                    }
                }
            } else if let of = nounAttributionOf(from: insert.lowerBound, to: insert.upperBound) {
                speaker = speakerIn((of + 1)..<insert.upperBound)
            } else if let m = cueEntry(at: insert.lowerBound, classes: [.prep]) {
                speaker = speakerIn((insert.lowerBound + m.length)..<insert.upperBound)
            }
            let cueTokens = cue?.tokens ?? insert.lowerBound..<min(insert.lowerBound + 2, insert.upperBound)
            usedMarks.insert(mi)
            if let c = cue { usedCues.insert(c.tokens.lowerBound) }
            let first = content.lowerBound..<d1
            if !first.isEmpty {
                candidates.append(
                    QuoteCandidate(
                        kind: .direct, content: trimmedRange(ctx.doc.tokens.ends[m.open], ctx.doc.tokens.starts[d1]), cue: cueTokens,
                        speaker: speaker, priority: 3, contentTokens: first, origin: .split))
            }
            // The rest after the second dash (skipping the punctuation that closes the insert).
            var s = d2 + 1
            while s < content.upperBound && ctx.isPunct(s) && !ctx.isQuoteMark(s) { s += 1 }
            if d2 < content.upperBound, s < content.upperBound {
                candidates.append(
                    QuoteCandidate(
                        kind: .direct, content: trimmedRange(ctx.doc.tokens.starts[s], ctx.doc.tokens.starts[m.close]), cue: cueTokens,
                        speaker: speaker, priority: 3, contentTokens: s..<content.upperBound, origin: .split))
            }
        }
    }
}
