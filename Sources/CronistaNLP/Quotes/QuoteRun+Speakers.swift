import CronistaCore

extension QuoteRun {
    /// The subject of a verb that starts at token `t`: the mention or noun phrase before it in its
    /// clause, through relatives (`X, che ha detto`), appositions (`X, portavoce di Y, ha detto`)
    /// and name appositions (`Il presidente russo, Dmitrij Medvedev, ha dato`).
    func subjectBefore(_ t: Int, sentence: Range<Int>) -> SpeakerChoice? {
        let forms = ctx.forms
        // "ha confermato la sua intenzione di proseguire: «…»", "continuando a esprimere «…»": an
        // infinitive after its marker has the subject of the verb its clause hangs on.
        if t < ctx.n, t - 2 >= sentence.lowerBound, ctx.isInfinitive(t), ctx.is(t - 1, [.infinitiveMarker, .requestMarker]),
            let v = governingVerbStart(before: t - 1, sentence: sentence)
        {
            return subjectBefore(v, sentence: sentence)
        }
        // A gerund ("…, dicendo che") or a coordinated verb ("ha affermato di… e assicura che")
        // shares the subject of the clause it hangs on: the speaker of the quote before it in the
        // sentence, else the sentence's first person.
        var k = t - 1
        while k >= sentence.lowerBound && (ctx.is(k, .skippable) || forms[k] == ",") { k -= 1 }
        // "cita Nelson Mandela dicendo: «…»": the words are those of whom is quoted.
        if t < ctx.n, ctx.isGerund(t), k >= sentence.lowerBound, ctx.mentionAt[k] >= 0 {
            let mi = Int(ctx.mentionAt[k])
            let a = ctx.mentionTokens[mi].lowerBound
            if a > sentence.lowerBound, cueEntry(at: a - 1, classes: [.cite]) != nil { return choice(mention: mi) }
        }
        if t < ctx.n, ctx.isGerund(t) || (k >= sentence.lowerBound && ctx.is(k, .coordinator)) {
            if let prev = candidates.last(where: { c in c.cue.map { sentence.contains($0.lowerBound) && $0.lowerBound < t } ?? false }),
                let s = prev.speaker
            {
                return s
            }
            // "Egli ha commentato l'accaduto dicendo:": the noun phrase right before a gerund is the
            // object of the compound verb before it; that verb's subject speaks. Left unsaid ("Ha però
            // anche difeso Alfano dicendo che"), it is no person the object names.
            var objectStart = t
            gerundObject: if ctx.isGerund(t), k >= sentence.lowerBound, let np = npEnding(at: k, sentence: sentence) {
                // The compound verb: an auxiliary, perhaps adverbs ("ha però anche difeso"), then the
                // participle right before the noun phrase (a lower-case word; irregular ones too).
                // ("ha votato contro l'accordo sostenendo": a preposition may open the phrase.)
                var v = np.tokens.lowerBound - 1
                if v > sentence.lowerBound, ctx.is(v, .preposition), ctx.mentionAt[v] < 0 { v -= 1 }
                var w = v - 1
                while w > sentence.lowerBound && ctx.is(w, .skippable) && !ctx.is(w, .auxiliary) { w -= 1 }
                if w >= sentence.lowerBound, ctx.mentionAt[v] < 0, ctx.is(w, .auxiliary), !ctx.isCapitalized(v), !ctx.isPunct(v),
                    ctx.pack.rules.isParticiple(forms[v]) || !ctx.is(v, [.article, .preposition, .determiner, .auxiliary])
                {
                    var a = w
                    while a > sentence.lowerBound && ctx.is(a - 1, [.auxiliary, .clitic]) { a -= 1 }
                    // (Only a main clause's verb: after "che" the gerund hangs on the clause before —
                    // "dicendosi dispiaciuto che la delegazione abbia abbandonato la conferenza, dichiarando".)
                    let subordinate = (sentence.lowerBound..<a).contains { ctx.is($0, .complementiser) }
                    if !subordinate, let s = subjectBefore(a, sentence: sentence) { return s }
                    // Left unsaid, the subject of the sentence before: the person its first clause
                    // with a subject of its own names ("Intanto Berlusconi ha attaccato i giudici. Ha
                    // però anche difeso Alfano dicendo"); the clause layer reads that sentence only.
                    guard !subordinate else { break gerundObject }
                    let si = Int(ctx.sentenceOf[t])
                    if si > 0, a == sentence.lowerBound {
                        var only = [Bool](repeating: false, count: ctx.doc.sentences.count)
                        only[si - 1] = true
                        for c in ctx.clauses(only: only) where !c.subjectIsInherited {
                            if let sr = c.subject, let s = speakerIn(sr), isPerson(s) { return s }
                        }
                    }
                    objectStart = np.tokens.lowerBound
                }
            }
            let from = clauseSubjectStart(of: sentence, before: t)
            if from < objectStart, let p = firstPerson(in: from..<objectStart) { return p }
            if objectStart < t { return nil }
            // "La Russia ha sparato colpi … e avverte che": a coordinated verb's subject is the
            // clause's subject, the mention that opens the sentence, not the object before `e`.
            if !ctx.isGerund(t), let m = openingMention(of: sentence, before: k) { return choice(mention: m) }
        }
        var i = t - 1
        while i >= sentence.lowerBound && ctx.is(i, [.skippable, .clitic]) { i -= 1 }
        // "l'ambasciatore - rimasto sordo a ogni richiesta, … - ha dichiarato": a parenthesis between
        // dashes stands between the subject and its verb.
        if i > sentence.lowerBound, isInsertDash(i) {
            var d = i - 1
            while d > sentence.lowerBound && !isInsertDash(d) && i - d < 48 { d -= 1 }
            if d > sentence.lowerBound, isInsertDash(d) {
                i = d - 1
                while i >= sentence.lowerBound && ctx.is(i, .skippable) { i -= 1 }
            }
        }
        // A strong personal pronoun as subject ("lui replica", "lei fa:") is the speaker's mention.
        if i >= sentence.lowerBound && ctx.is(i, .personalPronoun) && ctx.mentionAt[i] < 0 {
            return SpeakerChoice(tokens: i..<(i + 1), entity: nil)
        }
        // "Paolo Bonaiuti: «…», ha dichiarato" — the name before the colon.
        if i >= sentence.lowerBound && forms[i] == ":" { i -= 1 }
        // "che un giorno gli disse": a time phrase is no subject.
        while i > sentence.lowerBound && ctx.is(i, .timeNoun) && !ctx.isCapitalized(i) && ctx.is(i - 1, [.article, .determiner]) {
            i -= 2
            while i >= sentence.lowerBound && ctx.is(i, [.skippable, .clitic]) { i -= 1 }
        }
        guard i >= sentence.lowerBound else { return nil }
        guard i >= sentence.lowerBound else { return nil }
        // A pronoun mention right there ("il quale", "lui") is the subject.
        if ctx.mentionAt[i] >= 0, ctx.doc.mentions[Int(ctx.mentionAt[i])].form == .pronoun {
            return choice(mention: Int(ctx.mentionAt[i]))
        }
        // Relatives: "X, che ha detto", "X, il quale ha affermato".
        if ctx.is(i, [.complementiser, .relativeOblique]) || (i > sentence.lowerBound && ctx.is(i, .relativeQuale)) {
            var j = i - 1
            if ctx.is(i, .relativeQuale) { j -= 1 }
            if j >= sentence.lowerBound && forms[j] == "," { j -= 1 }
            guard j >= sentence.lowerBound else { return nil }
            return npEnding(at: j, sentence: sentence)
        }
        if forms[i] == "," {
            // A comma-enclosed segment before the verb: a name apposition is the subject itself;
            // anything else (a description, a participle clause) is skipped.
            var c1 = i - 1
            while c1 > sentence.lowerBound && forms[c1] != "," && forms[c1] != ";" && forms[c1] != ":" { c1 -= 1 }
            let segment = (c1 == sentence.lowerBound && forms[c1] != "," ? c1 : c1 + 1)..<i
            if segment.isEmpty { return nil }
            if let mi = nameMention(startingAt: segment.lowerBound), ctx.mentionTokens[mi].upperBound >= segment.upperBound - 1 {
                // "X e Y, sostenuti dal capogruppo di AN, Altero Matteoli, hanno chiesto": a name in
                // apposition to an agent phrase is no subject; the subject is before that phrase.
                if forms[c1] == ",", c1 > sentence.lowerBound,
                    let p = ctx.agentPhraseStart(holding: c1 - 1, in: sentence),
                    p - 1 > sentence.lowerBound, forms[p - 1] == ",", ctx.mentionAt[p] < 0,
                    let before = npEnding(at: p - 2, sentence: sentence)
                {
                    return before
                }
                return choice(mention: mi)
            }
            // A segment that opens with a participle, an adverb or a preposition is a parenthesis
            // ("Rosy Bindi, difesa da…, ha detto"): the subject is before it.
            let parenthetical = !startsNounPhrase(segment.lowerBound)
            if forms[c1] == "," && c1 > sentence.lowerBound && (parenthetical || !segment.contains(where: { isPersonToken($0) })) {
                if let before = npEnding(at: c1 - 1, sentence: sentence) { return before }
            }
            return parenthetical ? nil : speakerIn(segment)
        }
        if let np = npEnding(at: i, sentence: sentence) {
            // "George W. Bush, l'attuale Presidente …, in un discorso tenuto ieri ha affermato", "Ai
            // giornalisti ha detto": a noun phrase a preposition opens after a comma (or at the
            // sentence's start) is a complement; the subject is before it.
            // ("In un comunicato Trenitalia ha fatto sapere": a name after the phrase's noun is the
            // subject. What is found before the phrase must be named, not a capitalised word.)
            let p = np.tokens.lowerBound - 1
            if p >= sentence.lowerBound, ctx.mentionAt[p] < 0, ctx.is(p, .preposition),
                !ctx.is(p, [.ofPreposition, .agentPreposition]), p == sentence.lowerBound || forms[p - 1] == ","
            {
                let last = ctx.mentionAt[i]
                if last >= 0, ctx.doc.mentions[Int(last)].form == .name {
                    let a = ctx.mentionTokens[Int(last)].lowerBound
                    if a > p + 1, !ctx.is(a - 1, .preposition) { return choice(mention: Int(last)) }
                }
                guard p > sentence.lowerBound, let before = subjectBefore(p, sentence: sentence),
                    before.entity != nil || before.tokens.contains(where: { ctx.mentionAt[$0] >= 0 })
                else { return nil }
                return before
            }
            // "X terminato l'incontro ha dichiarato", "X, rivolgendosi ai colleghi, ha detto": a noun
            // phrase right after a participle or gerund with no auxiliary is that verb's object; the
            // subject is before the non-finite verb (or, past a comma, not in this clause).
            var g = np.tokens.lowerBound - 1
            if g > sentence.lowerBound, ctx.is(g, .preposition), ctx.mentionAt[g] < 0 { g -= 1 }
            if g >= sentence.lowerBound, ctx.mentionAt[g] < 0, ctx.isGerund(g) || ctx.pack.rules.isParticiple(forms[g]),
                g == sentence.lowerBound || !ctx.is(g - 1, .auxiliary)
            {
                var b = g - 1
                while b >= sentence.lowerBound && ctx.is(b, [.skippable, .clitic]) { b -= 1 }
                // A form in -ndo is surely a gerund; one that merely looks like a participle
                // ("recita", "cita") may be the finite verb, so its noun phrase stays without
                // a subject before it.
                if b < sentence.lowerBound || ctx.isPunct(b) { if ctx.isGerund(g) { return nil } else { return np } }
                return npEnding(at: b, sentence: sentence) ?? np
            }
            return np
        }
        // The word before the verb is no noun phrase (another verb, a clitic): the subject is the
        // nearest mention or relative antecedent before it in the clause.
        var j = i
        var clauseStart = sentence.lowerBound
        while j >= sentence.lowerBound && j > i - 14 {
            if ctx.is(j, .complementiser) && j > sentence.lowerBound && ctx.mentionAt[j] < 0 {
                var k = j - 1
                if forms[k] == "," { k -= 1 }
                return k >= sentence.lowerBound ? npEnding(at: k, sentence: sentence) : nil
            }
            if forms[j] == ";" || forms[j] == ":" { clauseStart = j + 1; break }
            j -= 1
        }
        // The clause's first mention is its subject ("Alfano si rivolge a Renzi dicendo").
        var first: Int?
        let from = max(clauseStart, i - 14)
        guard from <= i else { return nil }
        for t in from...i where ctx.mentionAt[t] >= 0 {
            let mi = Int(ctx.mentionAt[t])
            if first == nil { first = mi }
            if ctx.doc.mentions[mi].type == .person { return choice(mention: mi) }
        }
        return first.map { choice(mention: $0) }
    }

    /// The start of the verb group that an infinitive's marker at `m` hangs on: a gerund, or a
    /// participle after its auxiliary, within eight words before it and no punctuation between;
    /// nil when there is none.
    func governingVerbStart(before m: Int, sentence: Range<Int>) -> Int? {
        var k = m - 1
        while k >= sentence.lowerBound, k >= m - 8, !ctx.isPunct(k), ctx.mentionAt[k] < 0 || ctx.is(k, .article) {
            if ctx.isGerund(k) { return k }
            if ctx.pack.rules.isParticiple(ctx.forms[k]), k > sentence.lowerBound, ctx.is(k - 1, .auxiliary) {
                var a = k - 1
                while a > sentence.lowerBound && ctx.is(a - 1, [.auxiliary, .clitic, .negation]) { a -= 1 }
                return a
            }
            k -= 1
        }
        return nil
    }

    /// Where the main clause's subject may start in a sentence: past a non-finite clause that opens
    /// it and its comma ("Rispondendo ad un appello del ministro Zinitchev, Putin ha accolto …,
    /// chiedendo": Putin asks, not the minister), else the sentence's start.
    func clauseSubjectStart(of sentence: Range<Int>, before t: Int) -> Int {
        let forms = ctx.forms
        var o = sentence.lowerBound
        while o < t && ctx.is(o, [.connective, .skippable]) { o += 1 }
        guard o + 1 < t, ctx.mentionAt[o] < 0 else { return sentence.lowerBound }
        let rules = ctx.pack.rules
        let nonFinite =
            ctx.isGerund(o) || rules.isParticiple(forms[o])
            || (ctx.is(o, .preposition) && (rules.isInfinitive(forms[o + 1]) || rules.isGerund(forms[o + 1])))
        guard nonFinite, let comma = (o..<t).first(where: { forms[$0] == "," }) else { return sentence.lowerBound }
        return comma + 1
    }

    /// The person a phrase and its comma end on before token `t`, read as a subject
    /// ("La figlia di Marina Petrella, Elisa Novelli, «…»": Elisa Novelli); nil when `t` follows no comma.
    func apposedSubject(before t: Int, sentence: Range<Int>) -> SpeakerChoice? {
        guard t - 1 > sentence.lowerBound, ctx.forms[t - 1] == ",", let s = subjectBefore(t, sentence: sentence), isPerson(s) else {
            return nil
        }
        return s
    }

    func startsNounPhrase(_ t: Int) -> Bool { ctx.startsNounPhrase(t) }

    func isPersonToken(_ t: Int) -> Bool { ctx.isPersonToken(t) }

    func isPerson(_ s: SpeakerChoice) -> Bool {
        !s.tokens.isEmpty && s.tokens.contains { isPersonToken($0) }
    }

    /// The first person's name mention in a token span.
    func firstPerson(in span: Range<Int>) -> SpeakerChoice? {
        for t in span where isPersonToken(t) { return choice(mention: Int(ctx.mentionAt[t])) }
        return nil
    }

    /// The person mention (a name) whose last token is just before `end` (exclusive), when it is no
    /// prepositional complement (`ucciso da Troy:`).
    func personMention(endingAt end: Int) -> SpeakerChoice? {
        let mi = ctx.mentionAt[end - 1]
        guard mi >= 0, ctx.mentionTokens[Int(mi)].upperBound == end, ctx.doc.mentions[Int(mi)].type == .person,
            ctx.doc.mentions[Int(mi)].form == .name
        else { return nil }
        let before = ctx.mentionTokens[Int(mi)].lowerBound - 1
        if before >= 0, ctx.is(before, .preposition) { return nil }
        return choice(mention: Int(mi))
    }

    /// The mention that opens a sentence (past connectives, articles and determiners), ending before `limit`.
    func openingMention(of sentence: Range<Int>, before limit: Int) -> Int? {
        var t = sentence.lowerBound
        while t < limit && ctx.mentionAt[t] < 0 && (ctx.is(t, [.connective, .skippable, .article, .determiner]) || ctx.forms[t] == ",") {
            t += 1
        }
        guard t < limit, ctx.mentionAt[t] >= 0 else { return nil }
        let mi = Int(ctx.mentionAt[t])
        return ctx.mentionTokens[mi].upperBound <= limit ? mi : nil
    }

    func nameMention(startingAt t: Int) -> Int? { ctx.nameMention(startingAt: t) }
    func npEnding(at i: Int, sentence: Range<Int>) -> SpeakerChoice? { ctx.npEnding(at: i, sentence: sentence) }
    func speakerIn(_ span: Range<Int>, bareNoun: Bool = false) -> SpeakerChoice? { ctx.speakerIn(span, bareNoun: bareNoun) }
    func entityOf(mention m: Int) -> Int? { ctx.entityOf(mention: m) }
    func choice(mention m: Int) -> SpeakerChoice { ctx.choice(mention: m) }

    /// The subject after a verb (inversion): `ha detto Lukashenko`, `ha affermato in un comunicato
    /// il ministero degli Esteri russo`, `Conclude Alfano:`.
    func subjectAfter(_ c: CueMatch, stopAt limit: Int? = nil) -> SpeakerChoice? {
        let forms = ctx.forms
        let sentence = ctx.sentenceRange(ofToken: c.head)
        let end = min(limit ?? sentence.upperBound, sentence.upperBound)
        var t = c.tokens.upperBound
        while t < end && ctx.is(t, [.skippable, .then]) { t += 1 }
        guard t < end else { return nil }
        // Skip prepositional phrases before the subject ("in un comunicato", "ai giornalisti").
        var guardSteps = 0
        while t < end && ctx.is(t, .preposition) && ctx.mentionAt[t] < 0 && guardSteps < 3 {
            guardSteps += 1
            t += 1
            while t < end && !ctx.is(t, .article) && !ctx.isPunct(t) && ctx.mentionAt[t] < 0 { t += 1 }
            // "in un comunicato": the phrase's own article and noun
            if t < end && ctx.is(t, .article) && t + 1 < end && !ctx.isPunct(t + 1) {
                // the next article after this phrase starts the subject
                var u = t + 1
                while u < end && !ctx.is(u, .article) && !ctx.isPunct(u) && ctx.mentionAt[u] < 0 { u += 1 }
                t = u
            }
        }
        guard t < end, !ctx.is(t, [.complementiser, .infinitiveMarker, .requestMarker, .manner, .conditional]), forms[t] != ":",
            forms[t] != ",", !ctx.isQuoteMark(t)
        else { return nil }
        var e = t
        while e < end && forms[e] != "," && !ctx.isTerminal(e) && forms[e] != ":" && forms[e] != ";" && !ctx.isQuoteMark(e) && e < t + 10 {
            if e > t, cue(startingNear: e, maxGap: 0) != nil { break }
            if ctx.is(e, .complementiser) && e > t && ctx.mentionAt[e] < 0 && !ctx.is(e - 1, .preposition) { break }
            e += 1
        }
        return speakerIn(t..<e)
    }

    /// Every candidate (the rejected ones too), sorted, with what the learned decisions see: the
    /// filter's features and the speaker options. Options are built from the rules' speakers before
    /// any decision, so that training and analysis see the same thing.
    ///
    /// Building features costs string work, so analysis asks only for what its model uses:
    /// `features` for a filter, `options(i)` for the candidates whose speaker the ranker decides
    /// (training asks for everything). The others get empty lists.
    mutating func prepared(
        features: Bool = true, options wantOptions: (Int, QuoteCandidate) -> Bool = { _, _ in true }, weights: [UInt64: Float]? = nil
    ) -> [PreparedCandidate] {
        var all = candidates + rejected
        all.sort { ($0.contentTokens.lowerBound, $1.contentTokens.count) < ($1.contentTokens.lowerBound, $0.contentTokens.count) }
        candidates = all
        rejected = []
        var out: [PreparedCandidate] = []
        out.reserveCapacity(all.count)
        var previous: (choice: SpeakerChoice, sentence: Int, end: Int)?
        var pending: [(choice: SpeakerChoice, sentence: Int, end: Int)] = []
        for (i, c) in all.enumerated() {
            let start = min(c.contentTokens.lowerBound, ctx.n - 1)
            let sentence = Int(ctx.sentenceOf[start])
            // The nearest earlier accepted candidate that ended before this one starts.
            pending.removeAll { p in
                if p.end <= c.contentTokens.lowerBound { previous = p; return true }
                return false
            }
            var prev = previous.map { (choice: $0.choice, sentence: $0.sentence) }
            if let p = prev, sentence - p.sentence > 6 { prev = nil }
            out.append(
                PreparedCandidate(
                    features: features ? candidateFeatures(c) : [],
                    options: wantOptions(i, c) ? speakerOptions(for: c, previous: prev, weights: weights) : []))
            if c.ruleAccepts, let s = c.speaker, !s.impersonal, !s.tokens.isEmpty {
                pending.append((s, sentence, c.contentTokens.upperBound))
            }
        }
        return out
    }

    /// The learned ranker attributes only the quotes the rules left without a speaker, and the
    /// learned filter decides only on the candidates the rules refused: cross-validation over the
    /// shared gold found both better than letting the models overrule the rules' own decisions.
    static let rankOnlyUnattributed = true
    static let filterOnlyRejected = true

    /// Turns candidates into quotes: the learned filter (or the rules alone) decides which stay,
    /// overlaps are resolved by priority, and the learned ranker (or the rules' pro-drop
    /// continuation) picks each speaker; quotations inside a reported clause make it mixed.
    mutating func finish() -> [Quote] {
        // A model without filter weights leaves the choice of candidates to the rules; one without
        // speaker weights leaves the speakers to them.
        let filter = model.flatMap { $0.filter.isEmpty ? nil : $0 }
        let ranker = model.flatMap { $0.speaker.isEmpty ? nil : $0 }
        let prepared = prepared(features: filter != nil, options: { _, _ in false })
        var keep = candidates.indices.map { i in
            Self.filterOnlyRejected && candidates[i].ruleAccepts
                ? true
                // The filter rescues words someone is reported to say (a cue, a colon, a noun that
                // names them); a quotation with nothing of the kind stays with the rules' refusal.
                : (filter.map { $0.keeps(prepared[i].features) && (candidates[i].cue != nil || candidates[i].origin == .colon) }
                    ?? candidates[i].ruleAccepts)
        }
        resolveOverlaps(&keep)
        candidates = candidates.indices.filter { keep[$0] }.map { candidates[$0] }
        if let ranker {
            attributeInOrder(weights: ranker.speakerByHash) { _, options in
                // The options carry their scores (built with the model's hashed weights).
                options.indices.max(by: { options[$0].score < options[$1].score || (options[$0].score == options[$1].score && $0 > $1) })
            }
        } else {
            continueSpeakers()
        }
        if ctx.pack.rules.joinsInterruptedQuotes { joinInterruptedQuotes() }
        return candidates.map { c in
            var speaker: Quote.Speaker?
            if let s = c.speaker, !s.impersonal, !s.tokens.isEmpty {
                let entity = s.entity ?? entityOverlapping(s.tokens)
                speaker = Quote.Speaker(entity: entity, range: ctx.range(s.tokens))
            }
            var kind = c.kind
            if kind == .indirect && c.contentTokens.contains(where: { ctx.isQuoteMark($0) }) { kind = .mixed }
            return Quote(kind: kind, content: c.content, cue: c.cue.map { ctx.range($0) }, speaker: speaker)
        }
    }

    /// Drops overlaps: a direct quote inside a longer reported clause is part of it; else the
    /// higher priority, else the longer, wins.
    func resolveOverlaps(_ keep: inout [Bool]) {
        // Sorted by start: only the candidates that start before `a` ends can overlap it.
        for a in candidates.indices where keep[a] {
            var b = a + 1
            while b < candidates.count && keep[a] && candidates[b].content.startUTF8 < candidates[a].content.endUTF8 {
                defer { b += 1 }
                guard keep[b] else { continue }
                let x = candidates[a], y = candidates[b]
                guard x.content.overlaps(y.content) else { continue }
                let loser: Int
                if x.kind != .direct && y.kind == .direct && x.content.contains(y.content)
                    && x.contentTokens.count >= y.contentTokens.count + 3
                {
                    loser = b
                } else if y.kind != .direct && x.kind == .direct && y.content.contains(x.content)
                    && y.contentTokens.count >= x.contentTokens.count + 3
                {
                    loser = a
                } else if x.priority != y.priority {
                    loser = x.priority > y.priority ? b : a
                } else {
                    loser = x.contentTokens.count >= y.contentTokens.count ? b : a
                }
                keep[loser] = false
            }
        }
    }

    /// The speaker of each kept quote the rules left unattributed, in text order: `choose` picks
    /// among ``speakerOptions(for:previous:weights:)`` built with the previous quote's final speaker
    /// (as the rules' own continuation does), and its choice is the next quote's previous speaker.
    mutating func attributeInOrder(weights: [UInt64: Float]?, _ choose: (QuoteCandidate, [SpeakerOption]) -> Int?) {
        var last: (choice: SpeakerChoice, sentence: Int)?
        for i in candidates.indices {
            let sentence = Int(ctx.sentenceOf[min(candidates[i].contentTokens.lowerBound, ctx.n - 1)])
            if candidates[i].speaker == nil {
                let previous = last.flatMap { sentence - $0.sentence <= 6 ? $0 : nil }
                let options = speakerOptions(for: candidates[i], previous: previous, weights: weights)
                if let best = choose(candidates[i], options) {
                    candidates[i].speaker = options[best].choice ?? SpeakerChoice(tokens: 0..<0, entity: nil, impersonal: true)
                }
            }
            if let s = candidates[i].speaker, !s.impersonal, !s.tokens.isEmpty { last = (s, sentence) }
        }
    }

    /// The rules' pro-drop: a quote without a speaker takes the previous quote's speaker nearby,
    /// else the person the previous sentences named first. A quotation that opens a paragraph with
    /// no quote before it (a lede: `MODENA. «…». Stefania Rossi abita…`) is first given the person
    /// the next sentence opens with.
    mutating func continueSpeakers() {
        for i in candidates.indices where candidates[i].speaker == nil {
            let start = candidates[i].contentTokens.lowerBound
            let sentence = Int(ctx.sentenceOf[min(start, ctx.n - 1)])
            var found: SpeakerChoice?
            var j = i - 1
            while j >= 0 {
                let prev = candidates[j]
                // Counted from where the previous quote ends: a long quotation is one utterance.
                let ps = Int(ctx.sentenceOf[min(max(prev.contentTokens.upperBound - 1, 0), ctx.n - 1)])
                if sentence - ps > 3 { break }
                if let s = prev.speaker, !s.impersonal { found = s; break }
                j -= 1
            }
            if found == nil, candidates[i].kind == .direct, candidates[i].cue == nil, opensParagraph(candidates[i].contentTokens) {
                found = personOpeningNextSentence(after: candidates[i].contentTokens)
            }
            if found == nil { found = personNamedBefore(sentence: sentence, token: start) }
            candidates[i].speaker = found
        }
    }

    /// Whether only a dateline, a quotation mark or nothing stands between the paragraph's start and `content`.
    func opensParagraph(_ content: Range<Int>) -> Bool {
        var t = content.lowerBound - 1
        while t >= 0 && (ctx.isQuoteMark(t) || isDateline(t) || (t > 0 && isDateline(t - 1) && ctx.isPunct(t))) {
            if t == 0 || ctx.breakAfter(t - 1) { return true }
            t -= 1
        }
        return t < 0 || ctx.breakAfter(t)
    }

    /// The person mention the sentence after `content` opens with (past articles and connectives).
    func personOpeningNextSentence(after content: Range<Int>) -> SpeakerChoice? {
        let last = Int(ctx.sentenceOf[min(max(content.upperBound - 1, 0), ctx.n - 1)])
        var s = last + 1
        // The closing mark may stand in a sentence of its own.
        if s < ctx.doc.sentences.count, ctx.doc.sentences[s].tokenRange.allSatisfy({ ctx.isPunct($0) }) { s += 1 }
        guard s < ctx.doc.sentences.count else { return nil }
        let r = ctx.doc.sentences[s].tokenRange
        guard let m = openingMention(of: r, before: r.upperBound), ctx.doc.mentions[m].type == .person,
            ctx.doc.mentions[m].form == .name
        else { return nil }
        return choice(mention: m)
    }

    /// An all-capital place name that opens a paragraph before a full stop or a dash: a dateline
    /// (`MODENA.`), never a speaker.
    func isDateline(_ t: Int) -> Bool {
        guard t + 1 < ctx.n, t == 0 || ctx.breakAfter(t - 1), [".", "-", "–", "—", ","].contains(ctx.forms[t + 1]) else { return false }
        let word = ctx.doc.text(in: ctx.range(t..<(t + 1)))
        return word.filter(\.isLetter).count >= 3
            && word.allSatisfy { !$0.isLetter || $0.isUppercase }
    }

    func entityOverlapping(_ tokens: Range<Int>) -> Int? {
        var fallback: Int?
        for t in tokens {
            let mi = ctx.mentionAt[t]
            guard mi >= 0, let e = entityOf(mention: Int(mi)) else { continue }
            if ctx.doc.entities[e].type == .person { return e }
            if fallback == nil { fallback = e }
        }
        return fallback
    }

    /// The first person named in the current sentence before `token`, else in the previous two sentences.
    func personNamedBefore(sentence: Int, token: Int) -> SpeakerChoice? {
        var s = sentence
        while s >= 0 && s >= sentence - 2 {
            let r = ctx.doc.sentences[s].tokenRange
            let upper = s == sentence ? min(token, r.upperBound) : r.upperBound
            var t = r.lowerBound
            while t < upper {
                let mi = ctx.mentionAt[t]
                if mi >= 0, ctx.doc.mentions[Int(mi)].type == .person, !insideQuotation(t, other: 0..<0), !isDateline(t) {
                    return choice(mention: Int(mi))
                }
                t += 1
            }
            s -= 1
        }
        return nil
    }
}
