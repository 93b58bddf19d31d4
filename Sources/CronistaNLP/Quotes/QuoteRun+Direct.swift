import CronistaCore

extension QuoteRun {
    /// Punctuation allowed between a reporting verb and its quotation (besides the pack's `left-gap` words).
    static let leftGapPunctuation: Set<String> = [":", ",", "-", "–", "—"]

    /// Quotations between marks that are someone's words, attached to a cue before or after them,
    /// to a `Name:` attribution, or to the quotation next to them.
    mutating func directQuotes() {
        let forms = ctx.forms
        var lastAccepted: Int?
        for (mi, m) in marks.enumerated() where m.depth == 0 && !usedMarks.contains(mi) {
            let content = m.contentTokens
            guard !content.isEmpty, content.upperBound <= ctx.n else { continue }
            let ownSentence = ctx.sentenceRange(ofToken: m.open)
            let length = content.count
            // An ellipsis opening the quotation ("«... fa una cosa»") marks a cut, not a sentence end.
            let hasTerminal = content.dropFirst().contains { ctx.isTerminal($0) }
            // A word after a verb of judging is a scare quote: "ritenuti "inaccettabili"".
            if let judge = cueBefore(m.open, classes: [.judge], maxGap: 3), judge.tokens.upperBound <= m.open, length <= 4 {
                continue
            }
            var leftCue: CueMatch?
            // A quotation that opens a new line after "…:" belongs with the sentence before it.
            var lower = ownSentence.lowerBound
            if m.open > 0, m.open == ownSentence.lowerBound, forms[m.open - 1] == ":" {
                lower = ctx.sentenceRange(ofToken: m.open - 1).lowerBound
            }
            if let c = cue(endingNear: m.open, maxGap: 6, in: lower..<m.open)
                ?? cue(endingNear: m.open, maxGap: 16, in: lower..<m.open).flatMap({ c in
                    // "si è così espressa alla folla …: «…»" announces the words that follow.
                    forms[m.open - 1] == ":" && c.tokens.contains(where: { ctx.is($0, .thus) }) ? c : nil
                }),
                !c.classes.isDisjoint(with: [.say, .request, .name]),
                (c.tokens.upperBound..<m.open).allSatisfy({
                    ctx.is($0, .leftGap) || Self.leftGapPunctuation.contains(forms[$0]) || !ctx.isPunct($0)
                }),
                !(c.tokens.upperBound..<m.open).contains(where: { ctx.isQuoteMark($0) || ctx.isTerminal($0) || forms[$0] == ";" })
            {
                leftCue = c
            }
            let sentence = lower..<ownSentence.upperBound
            var rightCue: CueMatch?
            var k = m.close + 1
            while k < ctx.n && k <= m.close + 2 && (forms[k] == "," || forms[k] == "-" || forms[k] == "–" || forms[k] == "—") { k += 1 }
            if m.closed, k < ctx.n, let c = cue(startingNear: k, maxGap: 0), !c.classes.isDisjoint(with: [.say, .request]) {
                rightCue = c
            }
            // "«Q», X ha detto" / "«Q» – X ha detto": a subject between the quote and the cue.
            var subjectBetween: Range<Int>?
            let colonLead =
                leftCue.map { c in (c.tokens.upperBound..<m.open).contains { forms[$0] == ":" } || m.open - c.tokens.upperBound <= 1 }
                ?? false
            // (Unless the cue after the quotation names its own speaker after it: "hanno commentato
            // anche altri politici: «…» ha dichiarato il Presidente del Consiglio Mario Monti".)
            // (A gerund's subject is never after it: "hanno espresso «…», auspicando un ripensamento da
            // parte di Vaccarella".)
            if colonLead,
                !(rightCue.flatMap { ctx.isGerund($0.tokens.lowerBound) ? nil : subjectAfter($0) }.map(isPerson) ?? false)
            {
                rightCue = nil
            }
            // The comma may stand inside the marks (English `"Q," X said`): the sentence goes on past them.
            let lastInside = QuotationMarks.isInnerHalf(ctx, m.close - 1, of: m.close) ? m.close - 2 : m.close - 1
            // So may a question or exclamation mark (`"Q?" Clinton said.`).
            let goesOnInside =
                ctx.pack.rules.commaInsideQuotes && lastInside > 0
                && (forms[lastInside] == "," || forms[lastInside] == "?" || forms[lastInside] == "!")
            if rightCue == nil, !colonLead, m.closed, k < ctx.n, !ctx.is(k, .notSubjectStart),
                forms[max(0, k - 1)] == "," || k > m.close + 1 || goesOnInside
            {
                if let c = cue(startingNear: k + 1, maxGap: 6), !c.classes.isDisjoint(with: [.say]),
                    !(k..<c.tokens.lowerBound).contains(where: { ctx.isPunct($0) || ctx.isQuoteMark($0) })
                {
                    rightCue = c
                    subjectBetween = k..<c.tokens.lowerBound
                } else if ctx.pack.rules.subjectBeforeTrailingCue, let c = trailingOnlyCue(after: k) {
                    rightCue = c
                    subjectBetween = k..<c.tokens.lowerBound
                } else if ctx.pack.rules.subjectBeforeTrailingCue, let (c, name) = cueAfterBracketedName(from: k) {
                    rightCue = c
                    subjectBetween = name
                }
            }
            // `"Q," Jane Roe, a delegate from Ohio, told the agency.`: a name and its apposition between
            // commas before a trailing verb of saying (where the subject comes first).
            if rightCue == nil, !colonLead, ctx.pack.rules.subjectBeforeTrailingCue, m.closed, k < ctx.n,
                forms[max(0, k - 1)] == "," || goesOnInside
            {
                var first = k + 1
                while first < ctx.n && first < k + 6 && !ctx.isPunct(first) && !ctx.isQuoteMark(first) { first += 1 }
                var second = first + 1
                // (A party and state, `R-Ky.`, or a bracket may stand in the apposition.)
                while second < ctx.n && second < first + 16 && !ctx.isQuoteMark(second)
                    && (!ctx.isPunct(second) || ["-", ".", "(", ")"].contains(ctx.forms[second]) && !ctx.breakAfter(second))
                {
                    second += 1
                }
                if first < ctx.n, forms[first] == ",", second < ctx.n, forms[second] == ",",
                    let c = cue(startingNear: second + 1, maxGap: 0), !c.classes.isDisjoint(with: [.say]),
                    speakerIn(k..<first) != nil
                {
                    rightCue = c
                    subjectBetween = k..<first
                }
            }
            // "«…», l'eco di Mariacristina Grazioli": a noun that names the words, and whose they are.
            var nounAttribution: (cue: Range<Int>, source: Range<Int>)?
            if rightCue == nil, leftCue == nil, m.closed, k < ctx.n, k > m.close + 1 {
                var end = k
                while end < ctx.n && end < k + 14 && !ctx.isTerminal(end) && forms[end] != "," && !ctx.isQuoteMark(end) { end += 1 }
                // "«…», è stata la risposta di Berlusconi": a copula may stand before the noun.
                var noun = k
                while noun < end && noun < k + 2 && ctx.is(noun, .passiveAuxiliary) { noun += 1 }
                if let of = nounAttributionOf(from: noun, to: end) { nounAttribution = (k..<of, (of + 1)..<end) }
            }
            // `“…” ― Jane Roe`: a dash and a name closing the quotation's line sign it (readers' comments,
            // epigraphs). The name ends its line, its sentence or where the next quotation opens.
            if rightCue == nil, leftCue == nil, nounAttribution == nil, m.closed, m.close + 2 < ctx.n,
                ["―", "—", "–", "-"].contains(forms[m.close + 1]), !ctx.breakAfter(m.close)
            {
                let dash = m.close + 1
                var end = dash + 1
                while end < ctx.n && end < dash + 6 && !ctx.isPunct(end) && !ctx.isQuoteMark(end) && !ctx.breakAfter(end - 1) {
                    end += 1
                }
                let closesLine =
                    end > dash + 1
                    && (end == ctx.n || ctx.breakAfter(end - 1) || ctx.isTerminal(end) || ctx.isQuoteMark(end) && !ctx.isPunct(end - 1))
                if closesLine, let s = speakerIn(dash + 1..<end), s.tokens.lowerBound == dash + 1, isPerson(s) {
                    nounAttribution = (dash..<(dash + 1), s.tokens)
                }
            }
            let colonBefore = m.open > sentence.lowerBound && forms[m.open - 1] == ":"
            let chained =
                lastAccepted.map { prev in
                    prev < m.open && (prev + 1..<m.open).allSatisfy { ctx.is($0, .coordinator) || forms[$0] == "," || forms[$0] == ";" }
                        && m.open - prev <= 3
                } ?? false
            let attached = leftCue != nil || rightCue != nil || nounAttribution != nil
            // Names of works, exhibitions and slogans in marks are no one's words: a title-like
            // span (mostly capitalised, or numbers) needs a cue to count.
            // The rules reject these; the learned filter sees them with the rejection as a feature.
            var ruleAccepts = true
            if !attached && (looksLikeTitle(content) || (m.open > 0 && ctx.doc.tokens.flags[m.open - 1].contains(.number))) {
                ruleAccepts = false
            }
            // Named right before ("la pubblicazione «…»", "il coro «…»") or dated right after
            // ("«…» (1972)"): a work, a slogan, a title.
            // A cue nearby does not make a title-like name someone's words ("Maria Neri, presidente del
            // gruppo «Umana Solidarietà», ha dichiarato che…").
            // These are no one's words whatever a model would say: no candidate at all, so the learned
            // filter cannot rescue them for their cue.
            if !attached && (namesAWork(before: m.open) || datedAfter(m)) { continue }
            if attached && namesAWork(before: m.open) && looksLikeTitle(content) { continue }
            // A quotation that is a whole sentence of its own ("«La gente non esce più».") is
            // someone's words even without a cue: the newspaper's floating quote.
            let wholeSentence =
                m.closed && m.open == ownSentence.lowerBound && length >= 3 && m.close + 1 < ctx.n && ctx.isTerminal(m.close + 1)
                && !isHeadline(ownSentence)
            let utterance =
                (wholeSentence && !looksLikeTitle(content))
                || (length >= 5 && (attached || colonBefore || chained || hasTerminal || length >= 8)) || hasTerminal
                || (length >= 3 && attached) || (chained && length >= 2)
            let shortAllowed =
                length >= 1
                && (leftCue.map { c in
                    (m.open - c.tokens.upperBound <= 2 || c.classes.contains(.name))
                        && !(c.tokens.upperBound..<m.open).contains { ctx.is($0, .complementiser) }
                } ?? false)
            let headline = isHeadline(sentence) && !attached && !colonBefore
            if headline { continue }  // handled with the body's quotes in mind
            if !(utterance || shortAllowed || (rightCue != nil && length >= 2)) { ruleAccepts = false }
            // Colon attribution: "Il proprietario: «…»", "X ha preso posizione: «…»".
            var speaker: SpeakerChoice?
            var cueTokens: Range<Int>?
            if let n = nounAttribution {
                cueTokens = n.cue
                speaker = speakerIn(n.source)
            } else if let c = rightCue {
                cueTokens = c.tokens
                if let between = subjectBetween { speaker = speakerIn(between) }
                if speaker == nil { speaker = subjectAfter(c) }
                // "X accusa …: «Q», aggiungendo che": a trailing gerund's subject is its clause's, not
                // the phrase before the colon.
                if speaker == nil, subjectBetween == nil, ctx.isGerund(c.tokens.lowerBound) {
                    speaker = subjectBefore(c.tokens.lowerBound, sentence: sentence)
                }
                if speaker == nil { speaker = subjectBefore(m.open, sentence: sentence) }
            } else if let c = leftCue {
                cueTokens = c.tokens
                speaker = subjectBefore(c.tokens.lowerBound, sentence: sentence) ?? subjectAfter(c, stopAt: m.open)
            } else if colonBefore {
                // "Per il fondatore del M5S Beppe Grillo è solo l'inizio: «…»": the person named in
                // the clause before the colon, else the phrase right before it.
                let earlier = lastCandidateWithSpeaker(before: m.open, in: sentence)
                // Failing that, the subject right before the clause's reporting verb ("il presidente
                // Donald Trump ha dichiarato che …, andando a contrapporre …: «…»"); not one reached
                // through a relative ("X, la fidanzata di Y, che ha concluso …:"), which is ambiguous.
                let reporting = lastCue(before: m.open, in: sentence, classes: [.say, .request])
                // A person named right before the colon ("…, Alessio D'Amato: «…»") comes first.
                let named = m.open >= 2 ? personMention(endingAt: m.open - 1) : nil
                speaker =
                    named ?? earlier?.speaker
                    ?? reporting.flatMap { c in
                        subjectBefore(c.tokens.lowerBound, sentence: sentence).flatMap { s in
                            isPerson(s) && s.tokens.upperBound <= c.tokens.lowerBound
                                && !(s.tokens.upperBound..<c.tokens.lowerBound).contains { ctx.isPunct($0) || ctx.is($0, .complementiser) }
                                ? s : nil
                        }
                    }
                    ?? firstPerson(in: sentence.lowerBound..<(m.open - 1)) ?? subjectBefore(m.open - 1, sentence: sentence)
            } else if m.open > sentence.lowerBound,
                let s = apposedSubject(before: m.open, sentence: sentence) ?? speakerIn(sentence.lowerBound..<m.open),
                isPerson(s)
            {
                // A person named in the same sentence before the quotation ("Secondo X, «…»"); the name
                // in apposition to the phrase before it ("La figlia di Marina Petrella, Elisa Novelli,
                // «spera che…»": the daughter's words).
                speaker = s
            }
            if ruleAccepts {
                usedMarks.insert(mi)
                lastAccepted = m.close
                // A cue whose quotation is a word or two may still introduce a reported clause
                // ("si è detto «fiducioso» che…"): only a real utterance uses it up.
                if let c = cueTokens, length >= 4 { usedCues.insert(c.lowerBound) }
            }
            // A speaker found inside the quotation's own words is none ("Dal palco non risparmia le
            // bordate. «Berlusconi ha il segno più…»": the words name Berlusconi, they are not his).
            if let s = speaker, !s.tokens.isEmpty, s.tokens.lowerBound > m.open, s.tokens.upperBound <= m.close { speaker = nil }
            let candidate = QuoteCandidate(
                kind: .direct, content: contentRange(m), cue: cueTokens, speaker: speaker,
                priority: ruleAccepts ? 3 : 0, contentTokens: content, origin: colonBefore && !attached ? .colon : .direct,
                ruleAccepts: ruleAccepts)
            // Rejected ones wait apart, so that the rules that look back at earlier quotes never see them.
            if ruleAccepts { candidates.append(candidate) } else { rejected.append(candidate) }
        }
        chainAdjacentQuotes()
    }

    /// `"Q," Rep. Jane Roe (D-Ohio) said`: a name, a short bracket after it (party and state, an
    /// age, an acronym), then a verb of saying. Returns the cue and the name's tokens.
    func cueAfterBracketedName(from k: Int) -> (CueMatch, Range<Int>)? {
        var open = k
        while open < min(ctx.n, k + 6) && ctx.forms[open] != "(" {
            if ctx.isQuoteMark(open) || (ctx.isPunct(open) && ctx.forms[open] != ".") { return nil }
            open += 1
        }
        guard open > k, open < ctx.n, ctx.forms[open] == "(",
            let close = (open + 1..<min(ctx.n, open + 9)).first(where: {
                ctx.forms[$0] == ")" || ctx.isTerminal($0) && ctx.forms[$0] != "."
            }),
            ctx.forms[close] == ")", close + 1 < ctx.n,
            let c = cue(startingNear: close + 1, maxGap: 0), !c.classes.isDisjoint(with: [.say]),
            speakerIn(k..<open) != nil
        else { return nil }
        return (c, k..<open)
    }

    /// Quotations side by side (`«A» «B», ha detto X`, `«A», «B» e «C»`) share their cue's speaker.
    mutating func chainAdjacentQuotes() {
        let order = candidates.indices.sorted { candidates[$0].contentTokens.lowerBound < candidates[$1].contentTokens.lowerBound }
        func adjacent(_ a: QuoteCandidate, _ b: QuoteCandidate) -> Bool {
            let gapStart = a.contentTokens.upperBound + 1, gapEnd = b.contentTokens.lowerBound - 1
            // Not across a paragraph: each paragraph's quotation has its own attribution.
            if (a.contentTokens.upperBound - 1..<b.contentTokens.lowerBound).contains(where: { $0 >= 0 && ctx.breakAfter($0) }) {
                return false
            }
            guard gapStart <= gapEnd else { return gapStart - 1 <= gapEnd + 1 }
            return (gapStart..<gapEnd).allSatisfy { ctx.is($0, .quoteJoiner) || [",", ";", "."].contains(ctx.forms[$0]) }
                && gapEnd - gapStart <= 2
        }
        for _ in 0..<2 {
            for (x, y) in zip(order, order.dropFirst()) {
                let a = candidates[x], b = candidates[y]
                guard a.kind == .direct, b.kind == .direct, adjacent(a, b) else { continue }
                if a.speaker == nil, let s = b.speaker {
                    candidates[x].speaker = s; if candidates[x].cue == nil { candidates[x].cue = b.cue }
                }
                if b.speaker == nil, let s = a.speaker {
                    candidates[y].speaker = s; if candidates[y].cue == nil { candidates[y].cue = a.cue }
                }
            }
        }
    }

    /// A quotation mark right after a noun that names a work, a slogan or a title (lexicon class `work`).
    func namesAWork(before open: Int) -> Bool {
        open > 0 && cueEntry(at: open - 1, classes: [.work]) != nil
    }

    /// A closed quotation followed by a year in brackets: `«Carosello» (1962)`.
    func datedAfter(_ m: MarkedSpan) -> Bool {
        let k = m.close + 1
        return m.closed && k + 1 < ctx.n && ctx.forms[k] == "(" && ctx.doc.tokens.flags[k + 1].contains(.number)
    }

    /// Mostly capitalised words, or mostly numbers: a title, a name, a table.
    func looksLikeTitle(_ tokens: Range<Int>) -> Bool {
        var words = 0, capitals = 0, numbers = 0
        for t in tokens.dropFirst() {
            if ctx.doc.tokens.flags[t].contains(.number) { numbers += 1 }
            guard ctx.doc.tokens.flags[t].contains(.word) else { continue }
            words += 1
            if ctx.isCapitalized(t) { capitals += 1 }
        }
        if numbers * 3 >= tokens.count && numbers > 0 { return true }
        guard words > 0 else { return tokens.count <= 2 }
        return capitals * 10 >= words * 4 && !tokens.contains { ctx.isTerminal($0) && $0 < tokens.upperBound - 1 }
    }

    func contentRange(_ m: MarkedSpan) -> TextRange {
        var start = ctx.doc.tokens.ends[m.open]
        var end = m.closed ? ctx.doc.tokens.starts[m.close] : ctx.doc.tokens.ends[m.close]
        // Doubled marks (`''…''`): the inner halves are marks too.
        if QuotationMarks.isInnerHalf(ctx, m.open + 1, of: m.open) { start = ctx.doc.tokens.ends[m.open + 1] }
        if m.closed, m.close - 1 > m.open + 1, QuotationMarks.isInnerHalf(ctx, m.close - 1, of: m.close) {
            end = ctx.doc.tokens.starts[m.close - 1]
        }
        if start > end { end = start }
        if !m.closed, ctx.isTerminal(m.close) { end = ctx.doc.tokens.starts[m.close] }
        return trimmedRange(start, end)
    }

    /// A byte range with white space trimmed at both ends.
    func trimmedRange(_ start: UInt32, _ end: UInt32) -> TextRange {
        let bytes = ctx.doc.text.utf8
        var a = Int(start), b = Int(end)
        let base = bytes.startIndex
        while a < b, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[bytes.index(base, offsetBy: a)]) { a += 1 }
        while b > a, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[bytes.index(base, offsetBy: b - 1)]) { b -= 1 }
        return TextRange(a, b)
    }

    /// The last quote found so far that ends by token `t`, starts in `sentence` and has a
    /// speaker. Candidates are in text order while only the direct pass has added any, so the
    /// walk back stops at the sentence's start.
    func lastCandidateWithSpeaker(before t: Int, in sentence: Range<Int>) -> QuoteCandidate? {
        for c in candidates.reversed() {
            if c.contentTokens.lowerBound < sentence.lowerBound { break }
            if c.contentTokens.upperBound <= t && sentence.contains(c.contentTokens.lowerBound) && c.speaker != nil { return c }
        }
        return nil
    }

    /// The last cue in `sentence` ending before token `t` with one of `classes` (from the cue
    /// index back to the sentence's start, not over every cue).
    func lastCue(before t: Int, in sentence: Range<Int>, classes: QuoteLexicon.CueClasses) -> CueMatch? {
        var i = firstCue(startingAtOrAfter: t)
        while i > 0, cues[i - 1].tokens.lowerBound >= sentence.lowerBound {
            i -= 1
            if cues[i].tokens.upperBound < t && !cues[i].classes.isDisjoint(with: classes) { return cues[i] }
        }
        return nil
    }

    func cueBefore(_ t: Int, classes: QuoteLexicon.CueClasses, maxGap: Int) -> CueMatch? {
        var best: CueMatch?
        var ci = firstCue(endingAtOrAfter: t - maxGap)
        while ci < cues.count && cues[ci].tokens.lowerBound < t {
            let c = cues[ci]
            if c.tokens.upperBound <= t && c.tokens.upperBound + maxGap >= t && !c.classes.isDisjoint(with: classes) { best = c }
            ci += 1
        }
        if best == nil {
            // Judging words that are not in verb groups ("cosiddetti", "ritenuti").
            var i = t - 1
            while i >= 0 && i >= t - maxGap {
                if let m = cueEntry(at: i, classes: classes) {
                    return CueMatch(
                        tokens: i..<(i + m.length), classes: m.entry.classes, lemma: m.entry.lemma, lemmaClasses: m.entry.lemmaClasses)
                }
                i -= 1
            }
        }
        return best
    }

    /// Whether a sentence is the document's headline: the first line, standing alone.
    func isHeadline(_ sentence: Range<Int>) -> Bool {
        guard sentence.lowerBound == 0, !sentence.isEmpty else { return false }
        return ctx.breakAfter(sentence.upperBound - 1) && ctx.doc.sentences.count > 1
    }

    /// Quotations in the headline: attributed through the body quote they echo, if any.
    mutating func headlineQuotes() {
        guard let first = ctx.doc.sentences.first, isHeadline(first.tokenRange) || ctx.doc.sentences.count > 1 else { return }
        let headline = first.tokenRange
        for (mi, m) in marks.enumerated() where m.depth == 0 && !usedMarks.contains(mi) && headline.contains(m.open) {
            let content = m.contentTokens
            guard !content.isEmpty, content.count <= 30 else { continue }
            if let judge = cueBefore(m.open, classes: [.judge], maxGap: 3), judge.tokens.upperBound <= m.open { continue }
            // The body quote sharing most content words gives the speaker.
            let words = Set(content.map { ctx.forms[$0] }.filter { $0.count >= 4 })
            var best: (score: Int, speaker: SpeakerChoice?)? = nil
            for c in candidates where c.contentTokens.lowerBound > headline.upperBound {
                let overlap = c.contentTokens.reduce(0) { $0 + (words.contains(ctx.forms[$1]) ? 1 : 0) }
                if overlap > 0 && overlap > (best?.score ?? 0) { best = (overlap, c.speaker) }
            }
            guard content.count >= 2 || best != nil else { continue }
            // A headline title in marks echoed by no quote of the body names a work or an event
            // ("«The Clash of Generation» in Italia l'autore").
            if best == nil && (looksLikeTitle(content) || namesAWork(before: m.open) || datedAfter(m)) { continue }
            usedMarks.insert(mi)
            candidates.append(
                QuoteCandidate(
                    kind: .direct, content: contentRange(m), cue: nil,
                    speaker: best?.speaker ?? SpeakerChoice(tokens: 0..<0, entity: nil, impersonal: true),
                    priority: 3, contentTokens: content, origin: .headline))
        }
    }

    /// `"Q," he continued.`: a cue that only ever follows its content (the lexicon's `after` class,
    /// not a cue elsewhere: `continued to…`) after a short subject from token `k`, closing its clause.
    func trailingOnlyCue(after k: Int) -> CueMatch? {
        var i = k + 1
        while i < ctx.n && i <= k + 6 && !ctx.isPunct(i) && !ctx.isQuoteMark(i) {
            if let m = cueEntry(at: i, classes: [.after]), i + m.length < ctx.n, ctx.isPunct(i + m.length) {
                return CueMatch(
                    tokens: i..<(i + m.length), classes: m.entry.classes, lemma: m.entry.lemma, lemmaClasses: m.entry.lemmaClasses)
            }
            i += 1
        }
        return nil
    }
}
