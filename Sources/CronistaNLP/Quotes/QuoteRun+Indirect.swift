import CronistaCore

extension QuoteRun {
    /// Reported clauses after a cue: `che …`, `di` + infinitive, `come …`, `a` + infinitive after
    /// requests, an infinitive straight after the verb; mixed when they hold quoted words.
    mutating func indirectQuotes() {
        let forms = ctx.forms
        for c in cues where !usedCues.contains(c.tokens.lowerBound) && !c.classes.isDisjoint(with: [.say, .request, .name]) {
            let sentence = ctx.sentenceRange(ofToken: c.head)
            // A verb of naming reports only `di` + an infinitive right after it ("hanno parlato
            // direttamente di riformare l'articolo 18"); `parlare di` + a noun names a topic.
            if c.classes.isDisjoint(with: [.say, .request]) {
                // A verb of naming whose object is what was said (`described the meeting as tense`).
                if c.lemmaClasses.contains(.contentFollows), c.tokens.upperBound < sentence.upperBound,
                    !ctx.isPunct(c.tokens.upperBound) || ctx.isQuoteMark(c.tokens.upperBound)
                {
                    let s = c.tokens.upperBound
                    let e = clauseEnd(from: s, in: sentence, object: true)
                    guard e > s else { continue }
                    appendReportedClause(
                        s..<e, cue: c, speaker: speaker(of: c, sentence: sentence, stopAt: s), origin: .indirect, priority: 2)
                    continue
                }
                var m = c.tokens.upperBound
                if m < sentence.upperBound, cueEntry(at: m, classes: [.adv]) != nil { m += 1 }
                guard m < sentence.upperBound, ctx.is(m, .infinitiveMarker), opensReportedInfinitive(at: m, request: false) else {
                    continue
                }
                let e = clauseEnd(from: m + 1, in: sentence)
                guard e > m + 1 else { continue }
                appendReportedClause(
                    (m + 1)..<e, cue: c, speaker: speaker(of: c, sentence: sentence, stopAt: m), origin: .indirect, priority: 2)
                continue
            }
            let isRequest = c.classes.contains(.request)
            // A place or occasion set off by commas may come first (`says at a campaign stop in
            // Toledo, Ohio, that…`): further on, only `, that` opens the clause.
            let longAdjunct = !isRequest && ctx.pack.rules.complementiserOptional && ctx.is(c.tokens.upperBound, .preposition)
            let budget = isRequest || longAdjunct ? 14 : 7
            var p = c.tokens.upperBound
            var start: Int?
            var limit = c.tokens.upperBound + budget
            while p < sentence.upperBound && p < limit {
                let f = forms[p]
                if longAdjunct && p >= c.tokens.upperBound + 7 {
                    if ctx.isTerminal(p) || f == ";" || ctx.isQuoteMark(p) { break }
                    if ctx.is(p, .complementiser) && forms[p - 1] == "," && p + 1 < sentence.upperBound {
                        start = p + 1
                        break
                    }
                    p += 1
                    continue
                }
                // "si è detto «fiducioso» che…", "dicendosi dispiaciuto che…": content follows at once.
                if p == c.tokens.upperBound && c.lemmaClasses.contains(.contentFollows)
                    && !ctx.is(p, [.complementiser, .infinitiveMarker]) && (!ctx.isPunct(p) || ctx.isQuoteMark(p))
                {
                    start = p
                    break
                }
                if ctx.isTerminal(p) || f == ";" { break }
                if ctx.isQuoteMark(p) { break }
                // "smentita sia da X che da Y": after a correlative `sia`, `che` is its pair, no clause.
                if ctx.is(p, .complementiser), (c.tokens.upperBound..<p).contains(where: { ctx.is($0, .subjunctive) }) { break }
                // "fa appello alla creazione di un gruppo che tenti…": after a request's direct object
                // (a bare article before it), `che` right after a noun is a relative, not its clause;
                // so is `, che` after a direct object right after the verb ("chiede la pena di morte,
                // che il giudice nega").
                // (A verb of saying as well, `told a crowd in Miami that…`, takes its clause after the object.)
                // A relative between commas after a request's object, then `di`/`a` + an infinitive:
                // that infinitive is what was asked ("ha consigliato a una ragazzina, che aveva preso le
                // difese del rapper, di cui era fan, di mettersi a dieta").
                if isRequest, !c.classes.contains(.say), ctx.is(p, .complementiser), p > c.tokens.upperBound {
                    if forms[p - 1] == ",",
                        let resume = (p + 1..<min(sentence.upperBound - 2, p + 24)).first(where: { k in
                            forms[k] == "," && ctx.is(k + 1, [.infinitiveMarker, .requestMarker]) && ctx.isInfinitive(k + 2)
                        })
                    {
                        p = resume + 1
                        limit = max(limit, p + 3)
                        continue
                    }
                    if !ctx.isPunct(p - 1)
                        || (forms[p - 1] == "," && ctx.is(c.tokens.upperBound, .article) && !ctx.is(c.tokens.upperBound, .preposition)),
                        (c.tokens.upperBound..<p).contains(where: { ctx.is($0, .article) && !ctx.is($0, .preposition) })
                    {
                        break
                    }
                }
                if ctx.is(p, .complementiser) || (ctx.is(p, [.manner, .interrogative]) && c.lemmaClasses.contains(.mannerComplement)) {
                    var s = p + 1
                    if s < sentence.upperBound && forms[s] == "," { s += 1 }
                    start = s
                    break
                }
                // "fa appello all'ONU perché si impegni…": a request's clause of purpose is what it asks.
                if isRequest, c.lemmaClasses.contains(.purposeComplement), ctx.is(p, .purposeComplementiser), p + 1 < sentence.upperBound {
                    start = p + 1
                    break
                }
                if ctx.is(p, .infinitiveMarker) || (ctx.is(p, .requestMarker) && isRequest) {
                    var s = p + 1
                    if s < sentence.upperBound && ctx.is(s, .negation) { s += 1 }
                    if ctx.isInfinitive(s) { start = p + 1; break }
                    // "ordina ad Eutelsat di…": a request's object comes before its clause.
                    if !isRequest { break }
                    p += 1
                    continue
                }
                if f == ":" {
                    if p + 1 < sentence.upperBound && !ctx.isQuoteMark(p + 1) && !isRequest { start = p + 1 }
                    break
                }
                // A clause straight after a verb of saying where `that` may be left out (`said the
                // plan failed`): it opens with a noun phrase or a pronoun, not a time word or a preposition.
                if ctx.pack.rules.complementiserOptional
                    && ((p == c.tokens.upperBound && !isRequest)
                        || (p == c.tokens.upperBound + 1 && ctx.is(c.tokens.upperBound, .objectPronoun))
                        || (isRequest && c.classes.contains(.say) && p > c.tokens.upperBound && p <= c.tokens.upperBound + 4
                            && (c.tokens.upperBound..<p).allSatisfy { ctx.isCapitalized($0) && !ctx.isPunct($0) })
                        // `told reporters he…`, `said Tuesday she…`, `has said for weeks he…`: a subject
                        // pronoun after a short object or time phrase opens the clause.
                        || (c.classes.contains(.say) && p > c.tokens.upperBound
                            && p <= c.tokens.upperBound + (isRequest ? 8 : 4)
                            && ctx.is(p, .personalPronoun) && !ctx.is(p, .objectPronoun)
                            && !(c.tokens.upperBound..<p).contains(where: { ctx.isPunct($0) || ctx.isQuoteMark($0) })))
                    && opensZeroClause(p, sentence)
                {
                    start = p
                    break
                }
                // A subjunctive straight after a verb of saying or thinking, `che` left out: "i tecnici
                // sostengono sia troppo presto", "ritengono ci siano margini".
                // (Not after a passive, whose complement is its agent: "è stata smentita sia da… che da…".)
                if !isRequest, !c.passive, ctx.is(p, .subjunctive),
                    p == c.tokens.upperBound || (p == c.tokens.upperBound + 1 && ctx.is(c.tokens.upperBound, .verbalClitic))
                {
                    start = c.tokens.upperBound
                    break
                }
                // An infinitive straight after the verb: "ha dichiarato essere rumorosi".
                if p == c.tokens.upperBound && ctx.isInfinitive(p) && !isRequest && !c.lemmaClasses.contains(.noBareInfinitive) {
                    start = p
                    break
                }
                if p > c.tokens.upperBound, cue(startingNear: p, maxGap: 0) != nil { break }
                p += 1
            }
            guard let s = start, s < sentence.upperBound else { continue }
            // "fa: «…»" reports; "fa sì che", "fa parte", "ci fa chiudere" do not.
            if c.lemmaClasses.contains(.colonOnly) && !(s > 0 && forms[s - 1] == ":") { continue }
            // What a verb of judging or naming says is its object (`criticized the plan`), which a
            // comma and a clause of its own end.
            let object = c.lemmaClasses.contains(.contentFollows) && s == c.tokens.upperBound
            var e = clauseEnd(from: s, in: sentence, object: object)
            // `Asked whether…, he said` / `When asked if…, 59 percent said`: the question ends at its
            // comma, and its asker is not named.
            let leadingQuestion =
                c.lemmaClasses.contains(.mannerComplement) && ctx.is(s - 1, .interrogative)
                && c.tokens.count == 1 && ctx.pack.rules.isParticiple(forms[c.tokens.lowerBound])
                && (isSentenceStart(c.tokens.lowerBound, sentence)
                    || (c.tokens.lowerBound > sentence.lowerBound && ctx.is(c.tokens.lowerBound - 1, .clauseOpener)
                        && isSentenceStart(c.tokens.lowerBound - 1, sentence)))
            if c.parenthetical || leadingQuestion, let comma = (s..<e).first(where: { forms[$0] == "," }) { e = comma }
            guard e > s else { continue }
            let tokens = s..<e
            // Content that is exactly one quotation is a direct quote (`ha detto che «…»`).
            if ctx.isQuoteMark(s), let mi = markByOpen[s], marks[mi].close == e - 1 {
                if usedMarks.contains(mi) { continue }
                usedMarks.insert(mi)
                usedCues.insert(c.tokens.lowerBound)
                candidates.append(
                    QuoteCandidate(
                        kind: .direct, content: contentRange(marks[mi]), cue: c.tokens,
                        speaker: speaker(of: c, sentence: sentence, stopAt: p),
                        priority: 3, contentTokens: marks[mi].contentTokens, origin: .indirectMarked))
                continue
            }
            let speaker = leadingQuestion ? nil : speaker(of: c, sentence: sentence, stopAt: p)
            appendReportedClause(tokens, cue: c, speaker: speaker, origin: .indirect, priority: 2)
        }
    }

    /// A lone plural noun as a source (`…, analysts say.`, `…, officials said.`): lower-case, no
    /// function word, ending in `s`.
    func pluralSource(_ span: Range<Int>) -> SpeakerChoice? {
        guard span.count == 1, let t = span.first, ctx.doc.tokens.flags[t].contains(.word), ctx.forms[t].count > 3,
            ctx.forms[t].hasSuffix("s"), !ctx.is(t, [.article, .preposition, .determiner, .personalPronoun, .connective, .skippable])
        else { return nil }
        return SpeakerChoice(tokens: span, entity: nil)
    }

    /// Whether a reported clause without `that` starts at `p`: a subject (a pronoun, an article or
    /// determiner, a capitalised word) with a verb-looking word within a few tokens, no time word.
    /// `strict`: only an auxiliary, a modal or a past form counts as the verb (a word in `-s` may be a
    /// plural noun in a list: `cited the audit, two reports and a letter`).
    func opensZeroClause(_ p: Int, _ sentence: Range<Int>, strict: Bool = false) -> Bool {
        guard p < sentence.upperBound, !ctx.isPunct(p), !ctx.is(p, [.preposition, .timeNoun, .skippable, .infinitiveMarker, .connective])
        else {
            return false
        }
        let flags = ctx.doc.tokens.flags[p]
        guard flags.contains(.word) || flags.contains(.number), !ctx.forms[p].hasSuffix("ly") else { return false }
        // A subject pronoun opens a clause whatever its verb looks like (`said he and Trump differ`).
        if ctx.is(p, .personalPronoun), !ctx.is(p, .objectPronoun), p + 1 < sentence.upperBound, !ctx.isPunct(p + 1) { return true }
        // A verb within the next few words: an auxiliary or modal (a clitic one too: `he's`), or a
        // finite-looking form.
        var t = p + 1
        var limit = min(sentence.upperBound, p + 10)
        var skippedApposition = false
        while t < limit {
            // One phrase between commas after the subject (`said the program, run by the agency, has
            // brought…`): the verb comes after it.
            if ctx.forms[t] == ",", !strict, !skippedApposition, t > p,
                let close = (t + 1..<min(sentence.upperBound, t + 14)).first(where: { ctx.isPunct($0) && !ctx.isQuoteMark($0) }),
                ctx.forms[close] == ",", close > t + 1
            {
                skippedApposition = true
                t = close + 1
                limit = min(sentence.upperBound, close + 4)
                continue
            }
            if ctx.isPunct(t) && !ctx.isQuoteMark(t) { return false }
            if ctx.is(t, [.auxiliary, .modal, .negation]) || (t == p + 1 && ctx.forms[t].hasPrefix("'")) { return true }
            let f = ctx.forms[t]
            if !ctx.isCapitalized(t) && f.count > 3 && (f.hasSuffix("ed") || !strict && f.hasSuffix("s")) && !ctx.is(t, .preposition) {
                return true
            }
            t += 1
        }
        return false
    }

    /// The source of a cue: its subject before or after it, or the agent of a passive (`da X`,
    /// found by the clause layer's ``ClauseContext/passiveAgent(after:in:accept:)``); a passive
    /// without an agent has no source.
    func speaker(of c: CueMatch, sentence: Range<Int>, stopAt limit: Int) -> SpeakerChoice? {
        if c.passive {
            var found: SpeakerChoice?
            _ = ctx.passiveAgent(after: c.tokens.upperBound, in: sentence) { span in
                found = speakerIn(span, bareNoun: true)
                return found != nil
            }
            if let found { return found }
            if let owner = documentOwner(before: c.tokens.lowerBound, sentence: sentence) { return owner }
            return SpeakerChoice(tokens: 0..<0, entity: nil, impersonal: true)
        }
        if let s = subjectBefore(c.tokens.lowerBound, sentence: sentence) { return s }
        // A gerund's subject is never after it: "pregando il ministro di contattarlo" asks the minister.
        return ctx.isGerund(c.tokens.lowerBound) ? nil : subjectAfter(c, stopAt: limit)
    }

    /// The source of an agentless report inside a document it issued: `X ha diramato un comunicato
    /// in cui si affermava che…`, `una nota nella quale si precisa…`. The cue follows a relative
    /// (`in cui`, `nella quale`) whose antecedent is a noun that heads an attribution (`nota`,
    /// `comunicato`, `lettera`); the source is the subject of the verb that governs that noun.
    func documentOwner(before t: Int, sentence: Range<Int>) -> SpeakerChoice? {
        var r = t - 1
        while r >= sentence.lowerBound && ctx.is(r, [.reflexive, .skippable]) { r -= 1 }
        guard r > sentence.lowerBound + 1 else { return nil }
        // `cui` after a preposition, or `quale/quali` after a fused preposition (`nella quale`).
        let relative = ctx.is(r, .relativeOblique) || (ctx.is(r, .relativeQuale) && ctx.is(r - 1, .preposition))
        guard relative, ctx.is(r - 1, .preposition) else { return nil }
        var n = r - 2
        if n >= sentence.lowerBound && ctx.forms[n] == "," { n -= 1 }
        // The noun, possibly after an adjective (`un breve comunicato`): within two words.
        var noun: Int?
        for k in stride(from: n, through: max(sentence.lowerBound, n - 2), by: -1) where cueEntry(at: k, classes: [.noun]) != nil {
            noun = k
            break
        }
        guard let noun else { return nil }
        // Its article, before the noun or before an adjective (`un breve comunicato`).
        var a = noun
        if a > sentence.lowerBound && ctx.is(a - 1, [.article, .determiner]) {
            a -= 1
        } else if a > sentence.lowerBound + 1 && ctx.is(a - 2, [.article, .determiner]) && !ctx.isPunct(a - 1) {
            a -= 2
        }
        // A verb group just before the noun phrase (`ha diramato`, `ha pubblicato`), then its subject.
        guard a > sentence.lowerBound, !ctx.isPunct(a - 1), ctx.mentionAt[a - 1] < 0, !ctx.is(a - 1, .preposition) else { return nil }
        var v = a - 1
        while v > sentence.lowerBound && ctx.is(v - 1, [.auxiliary, .skippable]) && ctx.mentionAt[v - 1] < 0 { v -= 1 }
        guard let s = subjectBefore(v, sentence: sentence), !s.impersonal, !s.tokens.isEmpty else { return nil }
        return s
    }

    /// Where a reported clause that starts at `s` ends (exclusive token index): the end of the
    /// sentence, a semicolon, or the start of a coordinated clause (`, dicendo…`, `e assicura…`,
    /// `, mentre…`, `ed ha…`). Quotations inside are skipped whole.
    func clauseEnd(from s: Int, in sentence: Range<Int>, object: Bool = false) -> Int {
        let forms = ctx.forms
        var t = s
        var end = sentence.upperBound
        while t < sentence.upperBound {
            let f = forms[t]
            // An object (`criticized the plan, and most recently defended…`, `defended the ban, the
            // shift seemed…`) ends where a clause with a subject and verb of its own follows a comma
            // (where a clause may open without a complementiser, ``opensZeroClause(_:_:)`` finds it).
            if object, ctx.pack.rules.complementiserOptional, f == ",", t > s, t + 1 < sentence.upperBound,
                opensZeroClause(t + 1, sentence, strict: true)
                    || ctx.is(t + 1, .coordinator) && opensZeroClause(t + 2, sentence, strict: true)
            {
                end = t
                break
            }
            if ctx.isQuoteMark(t), let mi = markByOpen[t], marks[mi].close < sentence.upperBound {
                let m = marks[mi]
                t = m.close + 1
                continue
            }
            if f == ";" { end = t; break }
            if f == ":" && t + 1 < sentence.upperBound && ctx.isQuoteMark(t + 1) { end = t; break }
            // A capital after a colon opens speech of its own ("…di non avere più passione: In realtà…").
            if f == ":" && t > s + 1 && t + 1 < sentence.upperBound && ctx.isCapitalized(t + 1) && ctx.mentionAt[t + 1] < 0 {
                end = t
                break
            }
            if f == "," || ctx.is(t, .coordinator) {
                let nx = t + 1
                if nx < sentence.upperBound {
                    if ctx.isGerund(nx) && t > s + 1 { end = t; break }
                    if ctx.is(nx, .clauseBreak) || (f == "," && ctx.is(nx, .adversative)) { end = t; break }
                    if let c = cue(startingNear: nx, maxGap: 0), !c.classes.isDisjoint(with: [.say, .request]), t > s { end = t; break }
                    // ", dopo che un giornale ha riportato che…": a subordinate clause with a reporting
                    // verb of its own is another attribution, not more of this content.
                    if f == ",", t > s + 2, ctx.is(nx, [.clauseOpener, .preposition]), nx + 1 < sentence.upperBound,
                        ctx.is(nx + 1, .complementiser) || ctx.is(nx, .clauseOpener)
                    {
                        var k = nx + 1
                        while k < min(sentence.upperBound, nx + 7) && !ctx.isPunct(k) {
                            if let c = cue(startingNear: k, maxGap: 0), !c.classes.isDisjoint(with: [.say]),
                                c.tokens.upperBound < sentence.upperBound, ctx.is(c.tokens.upperBound, [.complementiser, .infinitiveMarker])
                            {
                                end = t
                                break
                            }
                            k += 1
                        }
                        if end == t { break }
                    }
                    if ctx.is(t, .coordinator) && ctx.is(nx, .finiteAuxiliary) && t > s + 2 { end = t; break }
                    if f == "," && ctx.is(nx, .attributionLead), t > s + 2,
                        let c = cue(startingNear: nx + 1, maxGap: 0), !c.classes.isDisjoint(with: [.say])
                    {
                        end = t; break
                    }
                }
            }
            t += 1
        }
        // Final punctuation and commas are not content.
        while end > s && (ctx.isTerminal(end - 1) || [",", ":", "-", "–", "—"].contains(forms[end - 1])) { end -= 1 }
        return end
    }

    /// Cues after the content: `…, riporta Ap.`, `…, come ha sottolineato X.`, and a next sentence
    /// `Lo riferisce il Viminale.` / `Così X.`
    mutating func trailingCueQuotes() {
        let forms = ctx.forms
        for (si, sent) in ctx.doc.sentences.enumerated() {
            let r = sent.tokenRange
            guard r.count >= 4 else { continue }
            var last = r.upperBound - 1
            while last > r.lowerBound && ctx.isTerminal(last) { last -= 1 }
            // Find ", <after-cue> NP" or ", come <verb group> NP" ending the sentence.
            var comma = -1
            var t = r.upperBound - 2
            while t > r.lowerBound + 2 && t > r.upperBound - 14 {
                if forms[t] == "," { comma = t; break }
                t -= 1
            }
            // "…, the senator said." where the subject comes first (English): a short subject
            // between a comma and a verb of saying near the sentence end.
            var subjectFirst: SpeakerChoice?
            var subjectFirstCue: CueMatch?
            if comma > 0, ctx.pack.rules.subjectBeforeTrailingCue, cueEntry(at: comma + 1, classes: [.after]) == nil {
                var cm = comma
                while cm > r.lowerBound + 2 && cm > r.upperBound - 40 && subjectFirst == nil {
                    if forms[cm] == "," {
                        var ci = firstCue(startingAtOrAfter: cm + 2)
                        while ci < cues.count && cues[ci].tokens.lowerBound <= min(last, cm + 9) {
                            let c = cues[ci]
                            ci += 1
                            // After the verb: its object or a time (`told The Times`, `said Tuesday`),
                            // up to the sentence end or an apposition's comma (`…, X said, a policy that…`).
                            var tail = c.tokens.upperBound
                            while tail <= last && forms[tail] != "," && tail < c.tokens.upperBound + 10 { tail += 1 }
                            guard !c.classes.isDisjoint(with: [.say, .after]), c.tokens.upperBound <= last + 1,
                                tail > last || forms[tail] == ",",
                                !((cm + 1)..<c.tokens.lowerBound).contains(where: { ctx.isPunct($0) || ctx.is($0, .complementiser) }),
                                !(c.tokens.upperBound..<tail).contains(where: { ctx.isPunct($0) || ctx.isQuoteMark($0) }),
                                let s = speakerIn((cm + 1)..<c.tokens.lowerBound) ?? pluralSource((cm + 1)..<c.tokens.lowerBound)
                            else { continue }
                            subjectFirst = s
                            subjectFirstCue = c
                            comma = cm
                            break
                        }
                    }
                    cm -= 1
                }
            }
            if comma > 0 {
                var cueStart = comma + 1
                if ctx.is(cueStart, .manner) { cueStart += 1 }
                var match: CueMatch?
                if let m = cueEntry(at: comma + 1, classes: [.after]) {
                    match = CueMatch(
                        tokens: (comma + 1)..<(comma + 1 + m.length), classes: m.entry.classes, lemma: m.entry.lemma,
                        lemmaClasses: m.entry.lemmaClasses)
                } else if ctx.is(comma + 1, .manner), let c = cue(startingNear: cueStart, maxGap: 0), !c.classes.isDisjoint(with: [.say]) {
                    match = c
                }
                if match == nil, let c = subjectFirstCue { match = c }
                if let c = match, !usedCues.contains(c.tokens.lowerBound), c.tokens.upperBound <= last + (subjectFirst == nil ? 0 : 1) {
                    let speaker = subjectFirst ?? subjectAfter(c, stopAt: last + 1)
                    var s = r.lowerBound
                    if ctx.isQuoteMark(s) { s += 1 }
                    var e = comma
                    if e > s && ctx.isQuoteMark(e - 1) { e -= 1 }
                    if e - s >= 3 && speaker != nil {
                        let tokens = s..<e
                        usedCues.insert(c.tokens.lowerBound)
                        let kind: Quote.Kind = tokens.contains(where: { ctx.isQuoteMark($0) }) ? .mixed : .indirect
                        candidates.append(
                            QuoteCandidate(
                                kind: kind, content: ctx.range(tokens), cue: c.tokens, speaker: speaker,
                                priority: 1, contentTokens: tokens, origin: .trailing))
                        // "This campaign, he says, is different.": the words after the cue go on with
                        // the same quote's second part (not an apposition: `…, X said, a policy that…`).
                        if subjectFirst != nil {
                            var a = c.tokens.upperBound
                            while a <= last && forms[a] != "," { a += 1 }
                            if a < last - 1, !ctx.is(a + 1, [.article, .relativeOblique, .complementiser]), !ctx.isQuoteMark(a + 1) {
                                let rest = (a + 1)..<(last + 1)
                                let restKind: Quote.Kind = rest.contains(where: { ctx.isQuoteMark($0) }) ? .mixed : .indirect
                                candidates.append(
                                    QuoteCandidate(
                                        kind: restKind, content: ctx.range(rest), cue: c.tokens, speaker: speaker,
                                        priority: 1, contentTokens: rest, origin: .trailing))
                            }
                        }
                    }
                }
            }
            // "Lo riferisce il Viminale." / "Lo ha detto X." about the previous sentence.
            if si > 0, ctx.is(r.lowerBound, .resumptive) {
                if let c = cue(startingNear: r.lowerBound + 1, maxGap: 0), !usedCues.contains(c.tokens.lowerBound),
                    let speaker = subjectAfter(c, stopAt: r.upperBound)
                {
                    attributePreviousSentence(si, cue: c, speaker: speaker, onlyUncovered: false)
                }
            }
            // "È quanto ha dichiarato X." / "Questo, almeno, è quanto sostiene X." / "È quanto
            // riferito dalla polizia.": the previous sentence is what X said.
            if si > 0, let (c, speaker) = quantityAttribution(in: r) {
                attributePreviousSentence(si, cue: c, speaker: speaker, onlyUncovered: true)
            }
            // "«…». Così X." — attributes the quotation just before.
            if si > 0, ctx.is(r.lowerBound, .thus), r.count <= 8,
                let idx = candidates.indices.last(where: {
                    candidates[$0].contentTokens.upperBound <= r.lowerBound && candidates[$0].contentTokens.upperBound >= r.lowerBound - 3
                })
            {
                if candidates[idx].speaker == nil || candidates[idx].cue == nil {
                    if let s = speakerIn((r.lowerBound + 1)..<last + 1) {
                        candidates[idx].speaker = s
                        candidates[idx].cue = r.lowerBound..<(r.lowerBound + 1)
                    }
                }
            }
        }
    }

    /// The sentence before sentence `si` (without its final punctuation) as an indirect quote of
    /// `speaker`, through `cue` in sentence `si`. With `onlyUncovered`, not when a quote already
    /// covers part of it or it holds a quotation mark.
    mutating func attributePreviousSentence(_ si: Int, cue c: CueMatch, speaker: SpeakerChoice, onlyUncovered: Bool) {
        let prev = ctx.doc.sentences[si - 1].tokenRange
        var e = prev.upperBound
        while e > prev.lowerBound && ctx.isTerminal(e - 1) { e -= 1 }
        let tokens = prev.lowerBound..<e
        guard tokens.count >= 3 else { return }
        if onlyUncovered,
            candidates.contains(where: { $0.contentTokens.overlaps(tokens) }) || tokens.contains(where: { ctx.isQuoteMark($0) })
        {
            return
        }
        usedCues.insert(c.tokens.lowerBound)
        candidates.append(
            QuoteCandidate(
                kind: .indirect, content: ctx.range(tokens), cue: c.tokens, speaker: speaker, priority: 1, contentTokens: tokens,
                origin: .trailing))
    }

    /// A sentence that points back at the one before as someone's words: an optional demonstrative
    /// (`Questo, almeno,`), a form of `essere`, `quanto` and a verb of saying with its source after
    /// it (`è quanto sostiene il premier`, `è quanto riferito dalla polizia`). Returns the cue and
    /// the source; nil when the sentence goes on to say something else.
    func quantityAttribution(in r: Range<Int>) -> (CueMatch, SpeakerChoice)? {
        var t = r.lowerBound
        // At most a demonstrative and a parenthetical adverb before the verb: "Questo, almeno, è".
        while t < r.upperBound && t < r.lowerBound + 5 && ctx.mentionAt[t] < 0 {
            let skipped = ctx.is(t, [.determiner, .skippable, .connective]) || ctx.forms[t] == ","
            // One word set off by commas: "Questo, almeno, è".
            let parenthetical = t > r.lowerBound && ctx.forms[t - 1] == "," && !ctx.isPunct(t) && !ctx.is(t, .auxiliary)
            guard skipped || parenthetical else { break }
            t += 1
        }
        guard t + 2 < r.upperBound, ctx.is(t, .auxiliary), ctx.is(t + 1, .quantity) else { return nil }
        guard let c = cue(startingNear: t + 2, maxGap: 1), !usedCues.contains(c.tokens.lowerBound), !c.classes.isDisjoint(with: [.say])
        else { return nil }
        // The source after the verb, or a participle's agent ("riferito dalla polizia").
        var last = r.upperBound - 1
        while last > c.tokens.upperBound && ctx.isTerminal(last) { last -= 1 }
        guard c.tokens.upperBound <= last else { return nil }
        let after = c.tokens.upperBound..<(last + 1)
        if after.contains(where: { ctx.is($0, [.complementiser, .infinitiveMarker]) || ctx.isQuoteMark($0) }) { return nil }
        var from = after.lowerBound
        if ctx.is(from, .agentPreposition) { from += 1 }
        guard from < after.upperBound, let speaker = speakerIn(from..<after.upperBound) else { return nil }
        return (c, speaker)
    }

    /// `secondo X, …`, `…, secondo X.`, `X, secondo Y, Z`, `a detta di X`, `stando a X`, `Per X …`.
    mutating func prepositionalQuotes() {
        let forms = ctx.forms
        let covered = coveredTokens()
        var i = 0
        while i < ctx.n {
            guard let m = cueEntry(at: i, classes: [.prep]) else { i += 1; continue }
            var cueTokens = i..<(i + m.length)
            let sentence = ctx.sentenceRange(ofToken: i)
            i += m.length
            let lemma = m.entry.lemmaClasses
            // "il secondo giorno", "per" outside a sentence-initial attribution: not cues.
            if lemma.contains(.accordingTo), cueTokens.lowerBound > 0, ctx.is(cueTokens.lowerBound - 1, .ordinalDeterminer) { continue }
            if lemma.contains(.accordingTo), cueTokens.upperBound < ctx.n, ctx.doc.tokens.flags[cueTokens.upperBound].contains(.number) {
                continue
            }
            if cueTokens.contains(where: { covered[$0] }) { continue }
            let afterCue = cueTokens.upperBound
            guard afterCue < sentence.upperBound else { continue }
            // Rules and evidence are not sources: "secondo il regolamento", "secondo i dati".
            if (afterCue..<min(afterCue + 3, sentence.upperBound)).contains(where: { ctx.is($0, .nonSource) }) { continue }
            if lemma.contains(.forPerson) {
                // Only "Per <name>, …" / "Per il … <PER name> …" at the start of a sentence.
                guard isSentenceStart(cueTokens.lowerBound, sentence) else { continue }
                var t = afterCue
                var nameEnd = -1
                while t < min(sentence.upperBound, afterCue + 8) {
                    let mi = ctx.mentionAt[t]
                    if mi >= 0, ctx.doc.mentions[Int(mi)].type == .person, ctx.doc.mentions[Int(mi)].form == .name {
                        nameEnd = ctx.mentionTokens[Int(mi)].upperBound
                        break
                    }
                    // "Per otto anni a fianco del sindaco X": a time phrase, not a person's view.
                    if ctx.isPunct(t) || ctx.doc.tokens.flags[t].contains(.number) || ctx.is(t, .timeNoun) { break }
                    t += 1
                }
                guard nameEnd > 0, nameEnd < sentence.upperBound else { continue }
                var s = nameEnd
                if forms[s] == "," { s += 1 }
                var e = s
                while e < sentence.upperBound && forms[e] != ":" && !ctx.isTerminal(e) && forms[e] != ";" { e += 1 }
                guard e - s >= 2 else { continue }
                candidates.append(
                    QuoteCandidate(
                        kind: .indirect, content: ctx.range(s..<e), cue: cueTokens,
                        speaker: speakerIn(afterCue..<nameEnd), priority: 1, contentTokens: s..<e, origin: .prepositional))
                continue
            }
            // "secondo quanto si è appreso": impersonal; "secondo quanto riferito da X": X.
            var npStart = afterCue
            if lemma.contains(.asReported) {
                // "Come (già) annunciato dalla Sala Stampa, …", "…, come ha spiegato il ministro.": only with a
                // reporting verb right after (adverbs and auxiliaries between), and its source.
                guard let found = asReportedSource(after: afterCue, in: sentence) else { continue }
                npStart = found.source
                cueTokens = cueTokens.lowerBound..<found.verbEnd
            }
            var impersonal = false
            if ctx.is(npStart, .quantity) {
                npStart += 1
                if npStart < sentence.upperBound && ctx.is(npStart, .reflexive) { impersonal = true }
                while npStart < sentence.upperBound && !ctx.is(npStart, .agentPreposition) && forms[npStart] != "," { npStart += 1 }
                if npStart < sentence.upperBound && forms[npStart] != "," { npStart += 1 }
            }
            // "secondo il quale", "secondo le quali": the relative as `cui`.
            let relativeQuale =
                ctx.is(afterCue, .article) && afterCue + 1 < sentence.upperBound && ctx.is(afterCue + 1, .relativeQuale)
            if ctx.is(afterCue, .relativeOblique) || relativeQuale {
                // "Le prime testimonianze, secondo cui …, non hanno trovato conferma".
                let s = afterCue + (relativeQuale ? 2 : 1)
                var e = s
                while e < sentence.upperBound && forms[e] != "," && !ctx.isTerminal(e) && forms[e] != ";" { e += 1 }
                guard e - s >= 2 else { continue }
                // The relative's antecedent is the source: the noun phrase right before the cue, past
                // a prepositional apposition (`di Silvia Noé, dell'UDC, secondo cui`).
                var before = cueTokens.lowerBound - 1
                var antecedent: SpeakerChoice?
                for _ in 0..<2 {
                    if before >= sentence.lowerBound && forms[before] == "," { before -= 1 }
                    guard before >= sentence.lowerBound, let np = npEnding(at: before, sentence: sentence) else { break }
                    let first = np.tokens.lowerBound
                    let opensWithPreposition = ctx.mentionAt[first] < 0 && ctx.is(first, .preposition)
                    let afterPreposition = first > sentence.lowerBound && ctx.is(first - 1, .preposition) && ctx.mentionAt[first - 1] < 0
                    let phraseStart = opensWithPreposition ? first : first - 1
                    if opensWithPreposition || afterPreposition, phraseStart > sentence.lowerBound, forms[phraseStart - 1] == "," {
                        before = phraseStart - 1
                        continue
                    }
                    antecedent = np
                    break
                }
                let speaker = antecedent ?? subjectBefore(cueTokens.lowerBound, sentence: sentence)
                candidates.append(
                    QuoteCandidate(
                        kind: .indirect, content: ctx.range(s..<e), cue: cueTokens, speaker: speaker, priority: 1, contentTokens: s..<e,
                        origin: .prepositional))
                continue
            }
            // The source: up to the next comma, or a bounded noun phrase.
            var npEnd = npStart
            while npEnd < sentence.upperBound && npEnd < npStart + 14 && forms[npEnd] != "," && !ctx.isTerminal(npEnd)
                && forms[npEnd] != ":" && !ctx.isQuoteMark(npEnd)
            { npEnd += 1 }
            // A "source" that holds an auxiliary (`… le agenzie l'incidente è avvenuto …, …`) is a clause:
            // the comma closes the content, not the source.
            // So does one that opens a parenthesis or a second noun phrase (`Secondo le ricostruzioni i due
            // cognati (Remo Vaira, 53 anni, …`): the source ends before it, not at the comma.
            let secondPhrase = (npStart..<npEnd).contains { k in
                forms[k] == "("
                    || (k > npStart + 1 && ctx.is(k, .article) && !ctx.is(k, .preposition) && ctx.mentionAt[k] < 0
                        && !ctx.is(k - 1, [.preposition, .coordinator]))
            }
            let closedByComma =
                npEnd < sentence.upperBound && forms[npEnd] == "," && !(npStart..<npEnd).contains(where: { ctx.is($0, .auxiliary) })
                && !secondPhrase
            let atSentenceEnd = npEnd < sentence.upperBound && ctx.isTerminal(npEnd) || npEnd == sentence.upperBound
            let initial = isSentenceStart(cueTokens.lowerBound, sentence)
            var contentTokens: Range<Int>
            if initial {
                if !closedByComma {
                    // "Secondo le ricostruzioni i malviventi …": the source ends before the next article.
                    npEnd = npStart + 1
                    while npEnd < sentence.upperBound && npEnd < npStart + 10 {
                        // A source that opens without an article (`dalle agenzie`, fused) ends at the first one.
                        let opensWithArticle = ctx.is(npStart, .article)
                        if ctx.is(npEnd, .article) && (npEnd > npStart + 1 || !opensWithArticle) && !ctx.is(npEnd, .preposition)
                            && ctx.mentionAt[npEnd] < 0
                        {
                            break
                        }
                        if ctx.isQuoteMark(npEnd) || forms[npEnd] == ":" { break }
                        // "Secondo il magistrato sussistono ancora i pericoli", "Secondo loro non è": a verb
                        // after the source (an auxiliary or modal, a clitic, a negation, past the source's
                        // first word a plural present in `-ono`) opens the content; so does a determiner or
                        // a number there ("Secondo le prime ricostruzioni due persone armate hanno…").
                        // (Not after a preposition: "Secondo la televisione di stato iraniana".)
                        if ctx.mentionAt[npEnd] < 0, !ctx.isCapitalized(npEnd), !ctx.is(npEnd - 1, .preposition),
                            ctx.is(npEnd, [.auxiliary, .modal, .clauseVerbStart, .verbalClitic, .negation])
                                || npEnd > npStart + 1
                                    && (ctx.is(npEnd, .determiner) || ctx.doc.tokens.flags[npEnd].contains(.number)
                                        || (forms[npEnd].count >= 6 && forms[npEnd].hasSuffix("ono")))
                        {
                            break
                        }
                        npEnd += 1
                    }
                }
                var s = npEnd
                while s < sentence.upperBound && (forms[s] == "," || forms[s] == ":") { s += 1 }
                // "Secondo il capo della Farnesina, Massimo D'Alema, l'attentato …": a person's name
                // between commas right after the source is its apposition when the entity layer made
                // them one person ("Secondo la polizia, Rossi, già noto, avrebbe …" is the content's).
                if closedByComma, s < sentence.upperBound, let mi = nameMention(startingAt: s), ctx.doc.mentions[mi].type == .person,
                    let person = entityOf(mention: mi),
                    (npStart..<npEnd).contains(where: { ctx.mentionAt[$0] >= 0 && entityOf(mention: Int(ctx.mentionAt[$0])) == person })
                {
                    let end = ctx.mentionTokens[mi].upperBound
                    if end + 1 < sentence.upperBound, forms[end] == "," {
                        npEnd = end
                        s = end + 1
                    }
                }
                if s < sentence.upperBound && ctx.is(s, .seems) && s + 1 < sentence.upperBound && ctx.is(s + 1, .complementiser) { s += 2 }
                let e = clauseEnd(from: s, in: sentence)
                contentTokens = s..<max(s, e)
            } else if atSentenceEnd, cueTokens.lowerBound > sentence.lowerBound, forms[cueTokens.lowerBound - 1] == "," {
                var s = sentence.lowerBound
                if ctx.isQuoteMark(s) { s += 1 }
                contentTokens = s..<max(s, cueTokens.lowerBound - 1)
            } else if cueTokens.lowerBound > sentence.lowerBound, forms[cueTokens.lowerBound - 1] == ",", closedByComma {
                // An attribution inside the clause: the whole clause is the content.
                var s = sentence.lowerBound
                while s < cueTokens.lowerBound && (ctx.is(s, .connective) || forms[s] == ",") { s += 1 }
                let e = clauseEnd(from: npEnd + 1, in: sentence)
                contentTokens = s..<max(s, e)
            } else if lemma.contains(.accordingTo), cueTokens.lowerBound > sentence.lowerBound,
                ctx.is(cueTokens.lowerBound - 1, .complementiser)
            {
                // "… che secondo il centrodestra si potrebbe applicare …"
                npEnd = npStart + 1
                while npEnd < sentence.upperBound && npEnd < npStart + 6 && !ctx.is(npEnd, .article) && !ctx.isPunct(npEnd)
                    && !ctx.is(npEnd, .clauseVerbStart)
                { npEnd += 1 }
                let e = clauseEnd(from: npEnd, in: sentence)
                contentTokens = npEnd..<max(npEnd, e)
            } else {
                continue
            }
            guard contentTokens.count >= 2 else { continue }
            let speaker: SpeakerChoice? =
                impersonal ? SpeakerChoice(tokens: 0..<0, entity: nil, impersonal: true) : speakerIn(npStart..<npEnd, bareNoun: true)
            let kind: Quote.Kind = contentTokens.contains(where: { ctx.isQuoteMark($0) }) ? .mixed : .indirect
            candidates.append(
                QuoteCandidate(
                    kind: kind, content: ctx.range(contentTokens), cue: cueTokens, speaker: speaker,
                    priority: 1, contentTokens: contentTokens, origin: .prepositional))
        }
    }

    /// After `come`: the first token of the source of `come (già) riferito da X` / `come ha detto X`, or nil
    /// when no reporting verb follows (`come il presidente`, `come previsto`) or it names no source.
    func asReportedSource(after t0: Int, in sentence: Range<Int>) -> (verbEnd: Int, source: Int)? {
        var t = t0
        var skipped = 0
        while t < sentence.upperBound, skipped < 3, let m = cueEntry(at: t, classes: [.aux, .adv]) {
            t += m.length
            skipped += 1
        }
        guard t < sentence.upperBound, let verb = cueEntry(at: t, classes: [.say]) else { return nil }
        t += verb.length
        let verbEnd = t
        guard t < sentence.upperBound, !ctx.isPunct(t) else { return nil }
        if ctx.is(t, .agentPreposition) { t += 1 }
        return t < sentence.upperBound && !ctx.isPunct(t) ? (verbEnd, t) : nil
    }

    /// Whether `t` opens its clause: the sentence start or a colon/semicolon before it, past connectives.
    func isSentenceStart(_ t: Int, _ sentence: Range<Int>) -> Bool {
        var s = t - 1
        while s >= sentence.lowerBound && (ctx.is(s, .connective) || ctx.forms[s] == "," || ctx.isQuoteMark(s)) { s -= 1 }
        return s < sentence.lowerBound || ctx.forms[s] == ":" || ctx.forms[s] == ";"
    }

    /// Tokens inside the content of a quote found with a verbal cue or quotation marks.
    func coveredTokens() -> [Bool] {
        var covered = [Bool](repeating: false, count: ctx.n)
        for c in candidates where c.priority >= 2 {
            for t in c.contentTokens where t < ctx.n { covered[t] = true }
        }
        return covered
    }
}
