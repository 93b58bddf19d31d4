import CronistaCore

extension EventFinder {
    /// The dashes that open and close a parenthesis (`Russia e Cina - che hanno diritto di veto - si sono opposte`).
    static let dashes: Set<String> = ["-", "–", "—"]

    /// Whether `t` is one of the forms of preposition `p` (the lexicon's `@prep-p`).
    func isPreposition(_ t: Int, _ p: String) -> Bool { lexicon.prepositions[p]?.contains(forms[t]) ?? false }

    /// Whether two tokens are forms of the same preposition (`da` and `dall'`).
    func samePreposition(_ a: Int, _ b: Int) -> Bool {
        forms[a] == forms[b] || lexicon.prepositions.values.contains { $0.contains(forms[a]) && $0.contains(forms[b]) }
    }

    /// A preposition of any kind, a location preposition included.
    func isAnyPreposition(_ t: Int) -> Bool { anyPreposition.contains(forms[t]) }
    /// A preposition of the lexicon or of the pack's word classes (`durante`, `dopo`, `per`).
    func isPrepositionWord(_ t: Int) -> Bool { isAnyPreposition(t) || context.is(t, .preposition) }
    /// A sentence adverb (`@adverb`, or a word in -mente): it may sit inside a verb group or before an object.
    func isAdverb(_ t: Int) -> Bool { adverb.contains(forms[t]) || forms[t].hasSuffix("mente") }

    /// The participant whose mention (or actor noun) covers token `t`, with the tokens it spans.
    func participant(at t: Int) -> (Event.Participant, Range<Int>)? {
        // "Fonti ufficiali iraniane", "l'operazione militare": an actor noun that is an adjective after
        // its noun names nobody.
        if actorAdjectives.contains(forms[t]), t > 0, doc.tokens.flags[t - 1].contains(.word),
            mentionAt[t] < 0 || mentionTokens[Int(mentionAt[t])] == t..<(t + 1),
            !article.contains(forms[t - 1]), !isAnyPreposition(t - 1), !quantity.contains(forms[t - 1]), !isCoordination(t - 1),
            !context.is(t - 1, [.article, .preposition, .coordinator]), !doc.tokens.flags[t - 1].contains(.number)
        {
            return nil
        }
        let m = Int(mentionAt[t])
        if m >= 0 {
            let r = mentionTokens[m]
            return (Event.Participant(entity: mentionEntity[m] >= 0 ? mentionEntity[m] : nil, range: doc.mentions[m].range), r)
        }
        if actorNouns.contains(forms[t]) { return (Event.Participant(entity: nil, range: doc.tokens.range(t)), t..<(t + 1)) }
        // "il neo-segretario", "l'ex-ministro": an actor noun after a hyphenated prefix.
        if forms[t].utf8.contains(UInt8(ascii: "-")), let dash = forms[t].lastIndex(of: "-"),
            actorNouns.contains(String(forms[t][forms[t].index(after: dash)...]))
        {
            return (Event.Participant(entity: nil, range: doc.tokens.range(t)), t..<(t + 1))
        }
        // "i francesi": a people stands for its country.
        if let e = demonymEntity[t] { return (Event.Participant(entity: e >= 0 ? e : nil, range: doc.tokens.range(t)), t..<(t + 1)) }
        // "il pubblico ministero": an actor noun of several words, read from any of its words.
        for (words, i) in lexicon.actorPhrases[forms[t]] ?? [] {
            let a = t - i
            guard a >= 0, a + words.count <= forms.count, words.indices.allSatisfy({ forms[a + $0] == words[$0] }) else { continue }
            let r = a..<(a + words.count)
            return (Event.Participant(entity: nil, range: range(r)), r)
        }
        // "chiede ai due di ritirare", "i tre vengono accusati": a number after an article, with no noun
        // after it, names people.
        if numberWord.contains(forms[t]), t > 0, t + 1 < forms.count, article.contains(forms[t - 1]) || context.is(t - 1, .article),
            doc.tokens.flags[t + 1].contains(.punctuation) || isAnyPreposition(t + 1) || aux.contains(forms[t + 1])
                || clitic.contains(forms[t + 1])
        {
            // ("ai due": the articulated preposition stays outside.)
            let a = isAnyPreposition(t - 1) ? t : t - 1
            return (Event.Participant(entity: nil, range: range(a..<(t + 1))), a..<(t + 1))
        }
        // "quest'ultima": the last actor named before it, in its sentence or the one before.
        if t > 0, latter.contains(forms[t]), demonstrative.contains(forms[t - 1]), sentenceOf[t] >= 0 {
            let si = Int(sentenceOf[t])
            let from = doc.sentences[max(0, si - 1)].tokenRange.lowerBound
            if let p = lastActor(before: t - 1, in: from..<(t - 1), excluding: []).first {
                return (Event.Participant(entity: p.entity, range: range((t - 1)..<(t + 1))), (t - 1)..<(t + 1))
            }
        }
        return nil
    }

    /// The actor nearest before `g` that is not in a prepositional phrase, with actors coordinated to it.
    func leftActor(before g: Int, in scope: Range<Int>) -> [Event.Participant] {
        var j = g - 1
        // Whether the scan is still in the comma-bounded asides right before the verb.
        var atVerb = true
        while j >= scope.lowerBound {
            if forms[j] == ";" || doc.tokens.flags[j].contains(.quoteMark) { break }
            // "Russia e Cina - che hanno diritto di veto in quanto membri permanenti - si sono opposte":
            // a parenthesis between dashes or brackets holds no subject of the clause around it.
            if forms[j] == ")" || Self.dashes.contains(forms[j]),
                let open = (scope.lowerBound..<j).last(where: { forms[j] == ")" ? forms[$0] == "(" : Self.dashes.contains(forms[$0]) })
            {
                j = open - 1
                continue
            }
            // "Ouattara, appena insediatosi, assicurando un processo a Gbagbo, ha invitato": asides
            // opened by a gerund or a participle between the subject and its verb.
            // (The aside may hold commas of its own: up to three are looked past.)
            if atVerb, forms[j] == "," {
                var c = j
                var opener: Int?
                for _ in 0..<3 {
                    guard let k = (scope.lowerBound..<c).last(where: { forms[$0] == "," }) else { break }
                    c = k
                    var h = c + 1
                    while h < j && isAdverb(h) { h += 1 }
                    // ("appena insediatosi": a participle with its enclitic pronoun.)
                    if h < j,
                        rules.isGerund(forms[h]) || rules.isParticiple(forms[h])
                            || reflexiveParticiple(forms[h]) != nil
                    {
                        opener = c
                        break
                    }
                }
                if let opener {
                    j = opener
                    continue
                }
            }
            if !isAdverb(j) { atVerb = false }
            if let (p, r) = participant(at: j) {
                let before = r.lowerBound - 1
                // "migliaia di soldati": a quantity before "di" keeps the actor the subject.
                let quantified = before - 1 >= scope.lowerBound && quantity.contains(forms[before - 1])
                // The word before the actor's articles: "con i sindacati" is governed by a preposition.
                var v = before
                while v >= scope.lowerBound && article.contains(forms[v]) && !isAnyPreposition(v) { v -= 1 }
                var governed = v < before && v >= scope.lowerBound && isAnyPreposition(v) && !article.contains(forms[v])
                // "firmato da 27 capi di Stato": a numbered agent phrase is no subject either ("di 406
                // persone" may still be whom a participle after it is about).
                if !governed, before - 1 >= scope.lowerBound, doc.tokens.flags[before].contains(.number), agent.contains(forms[before - 1])
                {
                    governed = true
                }
                if before >= scope.lowerBound && (isAnyPreposition(before) || governed) && !quantified
                    || isComplementConjunct(p, at: r, in: scope)
                {
                    j = r.lowerBound - 1
                    continue
                }
                // "sostenuti dal capogruppo di AN al Senato, Altero Matteoli,": a name in apposition
                // inside an agent phrase is no subject either.
                if before - 1 >= scope.lowerBound, forms[before] == ",", let a = agentPhraseStart(holding: before - 1, in: scope) {
                    j = a - 1
                    continue
                }
                // "India, frana uccide 20 persone": a place opening a headline before a comma and a bare
                // noun is where, not who.
                if isPlace(p), sentenceOf[r.lowerBound] >= 0,
                    doc.sentences[Int(sentenceOf[r.lowerBound])].tokenRange.lowerBound == r.lowerBound,
                    r.upperBound + 1 < g, forms[r.upperBound] == ",", mentionAt[r.upperBound + 1] < 0,
                    !doc.tokens.flags[r.upperBound + 1].contains(.punctuation),
                    !article.contains(forms[r.upperBound + 1]), !isAnyPreposition(r.upperBound + 1), !isAdverb(r.upperBound + 1)
                {
                    break
                }
                // "per disperdere la folla": the object of an infinitive or a gerund is no subject.
                // ("il consigliere X": a noun in -iere is no infinitive.)
                if v >= scope.lowerBound, v < before || !article.contains(forms[v]), mentionAt[v] < 0, !forms[v].hasSuffix("iere"),
                    rules.isInfinitive(forms[v]) || rules.isGerund(forms[v])
                {
                    j = r.lowerBound - 1
                    continue
                }
                // "X e Y": a compound actor. A comma before it is an apposition ("il presidente, X").
                var out = [named(p, r)]
                var k = r.lowerBound - 1
                while k - 1 >= scope.lowerBound {
                    // "la Serbia e la Croazia": an article before a conjunct.
                    while k - 1 >= scope.lowerBound && article.contains(forms[k]) && !isAnyPreposition(k) { k -= 1 }
                    // Hop over an apposition of the same entity ("il presidente della Bielorussia, X").
                    if forms[k] == ",", let first = out.first?.entity, let (q, qr) = participant(at: k - 1),
                        q.entity == first || q.entity == nil
                    {
                        if !isName(out[0]) && isName(q) { out[0] = q }
                        k = qr.lowerBound - 1
                        continue
                    }
                    // A title right before the name ("il premier Paolo Neri").
                    if let first = out.first?.entity, let (q, qr) = participant(at: k), q.entity == first || q.entity == nil {
                        k = qr.lowerBound - 1
                        while k > scope.lowerBound && article.contains(forms[k]) && !isAnyPreposition(k) { k -= 1 }
                        continue
                    }
                    // "A, B e C": a list goes on over commas once it has an "e".
                    // ("Gli studenti, gli operai e gli intellettuali": actor nouns too, after one.)
                    if forms[k] == ",", out.count >= 2, let (q, qr) = participant(at: k - 1),
                        q.entity != nil ? !out.contains(where: { $0.entity == q.entity }) : out[0].entity == nil,
                        // "I capigruppo di Forza Italia, A e B": a complement is no member of the list,
                        // nor is a coordinated one ("I Presidenti di Camera e Senato, A e B").
                        !(qr.lowerBound - 1 >= scope.lowerBound && isAnyPreposition(qr.lowerBound - 1)),
                        !coordinatedComplement(endingWith: qr, in: scope)
                    {
                        out.insert(q, at: 0)
                        k = qr.lowerBound - 1
                        continue
                    }
                    // "A e B", "A, e B" (after an apposition of B's).
                    guard forms[k] == "e" || forms[k] == "ed" else { break }
                    var c = k - 1 >= scope.lowerBound && forms[k - 1] == "," ? k - 2 : k - 1
                    // ("Mario Adinolfi (PD) e Antonio Di Pietro": past the first one's bracketed affiliation.)
                    if c >= scope.lowerBound, let open = bracketOpening(closedAt: c, in: scope) { c = open - 1 }
                    guard c >= scope.lowerBound, let (q, qr) = conjunctHead(endingAt: c, in: scope) else { break }
                    if q.entity == nil || !out.contains(where: { $0.entity == q.entity }) { out.insert(q, at: 0) }
                    k = qr.lowerBound - 1
                }
                return out
            }
            j -= 1
        }
        return []
    }

    /// The actor heading the conjunct that ends at `c`, before an `e`: the actor there, or the head
    /// noun before its `di` complement (`il ministro dell'Interno e il ministro della Difesa`) or its
    /// adjective (`il presidente francese e il cancelliere tedesco`).
    func conjunctHead(endingAt c: Int, in scope: Range<Int>) -> (Event.Participant, Range<Int>)? {
        var k = c
        var adjectives = 0
        while k >= scope.lowerBound && k > c - 6 {
            if let (q, qr) = participant(at: k) {
                var b = qr.lowerBound - 1
                while b >= scope.lowerBound && article.contains(forms[b]) && !isAnyPreposition(b) { b -= 1 }
                if b - 1 >= scope.lowerBound, context.is(b, [.ofPreposition]) {
                    k = b - 1
                    continue
                }
                return (q, qr)
            }
            // A complement no mention covers (`dell'Interno`).
            if k - 2 >= scope.lowerBound, context.is(k - 1, [.ofPreposition]) {
                k -= 2
                continue
            }
            // One lower-case adjective after the head.
            guard adjectives == 0, doc.tokens.flags[k].contains(.word), !doc.tokens.flags[k].contains(.capitalized),
                !context.is(k, [.article, .preposition, .determiner, .auxiliary, .complementiser, .coordinator, .personalPronoun]),
                !isAnyPreposition(k), !isAdverb(k)
            else { return nil }
            adjectives += 1
            k -= 1
        }
        return nil
    }

    /// Whether the actor at `r` is a bare conjunct inside a `di` complement (`i presidenti di Camera e
    /// Senato`, `i leader di Francia e Germania`): `e` right before it, no article, no person's name, and
    /// a conjunct before the `e` governed by `di`. (`Il presidente della Bielorussia e Putin`: a person
    /// is a second actor.)
    func isComplementConjunct(_ p: Event.Participant, at r: Range<Int>, in scope: Range<Int>) -> Bool {
        let m = Int(mentionAt[r.lowerBound])
        guard m < 0 || doc.mentions[m].type != .person, let k = complementPreposition(ofConjunct: r, in: scope) else { return false }
        return context.is(k, [.ofPreposition])
    }

    /// Whether the actor at `r` ends a coordination inside a complement: `di Camera e Senato`.
    func coordinatedComplement(endingWith r: Range<Int>, in scope: Range<Int>) -> Bool {
        complementPreposition(ofConjunct: r, in: scope).map(isPrepositionWord) ?? false
    }

    /// For an actor at `r` right after `e`, the word before the actor ahead of that `e`, past its
    /// articles: the preposition, if any, that governs the coordination.
    func complementPreposition(ofConjunct r: Range<Int>, in scope: Range<Int>) -> Int? {
        let c = r.lowerBound - 1
        guard c - 1 >= scope.lowerBound, forms[c] == "e" || forms[c] == "ed", let (_, pr) = participant(at: c - 1) else { return nil }
        var k = pr.lowerBound - 1
        while k >= scope.lowerBound && article.contains(forms[k]) && !isAnyPreposition(k) { k -= 1 }
        return k >= scope.lowerBound ? k : nil
    }

    /// The named entity an actor noun is in apposition to, else the actor itself: `Derek
    /// Chauvin, il poliziotto`, `il poliziotto Derek Chauvin`.
    func named(_ p: Event.Participant, _ r: Range<Int>) -> Event.Participant {
        guard p.entity == nil, !r.isEmpty else { return p }
        if r.upperBound < forms.count, let (q, qr) = participant(at: r.upperBound), qr.lowerBound == r.upperBound, q.entity != nil,
            isName(q), !isPlace(q)
        {
            return q
        }
        var k = r.lowerBound - 1
        while k >= 0 && article.contains(forms[k]) && !isAnyPreposition(k) { k -= 1 }
        if k >= 1, forms[k] == ",", sentenceOf[k] == sentenceOf[r.lowerBound], let (q, _) = participant(at: k - 1), q.entity != nil,
            isName(q), !isPlace(q)
        {
            return q
        }
        return p
    }

    /// The last actor before `g` in the sentence that is not one of `excluding` and that `accepts`
    /// takes (by default any but a place).
    func lastActor(
        before g: Int, in s: Range<Int>, excluding: [Event.Participant], accepts: ((Event.Participant) -> Bool)? = nil
    ) -> [Event.Participant] {
        var j = g - 1
        while j >= s.lowerBound {
            // "Antonio Di Pietro (IdV) lo hanno sostenuto": a bracketed affiliation is nobody's antecedent.
            if let open = bracketOpening(closedAt: j, in: s) {
                j = open - 1
                continue
            }
            if let (p, r) = participant(at: j) {
                let same = excluding.contains { sameParticipant($0, p) }
                if !same && (accepts?(p) ?? !isPlace(p)) { return [p] }
                j = r.lowerBound - 1
                continue
            }
            j -= 1
        }
        return []
    }

    /// Whether a participant rests on a person's name.
    func isPersonName(_ p: Event.Participant) -> Bool {
        let m = Int(mentionAt[doc.tokens.firstToken(endingAfter: p.range.startUTF8)])
        return m >= 0 && doc.mentions[m].type == .person && doc.mentions[m].form == .name
    }

    /// The opening bracket of a short aside (at most eight words) whose closing bracket is at `j`.
    func bracketOpening(closedAt j: Int, in scope: Range<Int>) -> Int? {
        guard forms[j] == ")" else { return nil }
        return (max(scope.lowerBound, j - 8)..<j).last { forms[$0] == "(" }
    }

    /// The actor starting at `t` or after a few articles and adjectives, with actors coordinated to it.
    func actor(startingNear t: Int, in scope: Range<Int>) -> [Event.Participant] {
        var k = t
        var skipped = 0
        // "sia X che Y": a correlative pair is one compound actor.
        var correlative = false
        while k < scope.upperBound && skipped < 3 {
            if let (p0, r0) = participant(at: k) {
                let (p, r) = nameAfterTitle(p0, r0, in: scope)
                var out = [p]
                var n = r.upperBound
                // "il segretario dem e il presidente di Forza Italia": one lower-case modifier after the
                // actor noun before the coordinator.
                if p.entity == nil, n + 2 < scope.upperBound, forms[n + 1] == "e", isPlainNoun(n),
                    !doc.tokens.flags[n].contains(.capitalized), clauseAt[n] < 0, !article.contains(forms[n])
                {
                    n += 1
                }
                // Whether the last conjunct had a complement after it.
                var next = pastComplements(n, in: scope)
                var complemented = next != n
                n = next
                while n + 1 < scope.upperBound && (forms[n] == "e" || forms[n] == "ed" || correlative && bothAnd.contains(forms[n])) {
                    // An article before the next actor ("sia il governo che la maggioranza").
                    var c = n + 1
                    if c + 1 < scope.upperBound && article.contains(forms[c]) && !isAnyPreposition(c) { c += 1 }
                    // "dai sindaci e dai presidenti delle Province": the preposition repeated.
                    if c + 1 < scope.upperBound, r0.lowerBound > scope.lowerBound, isAnyPreposition(c),
                        samePreposition(c, r0.lowerBound - 1)
                    {
                        c += 1
                    }
                    guard let (q, qr) = participant(at: c) else { break }
                    // ("i Presidenti di Camera e Senato": a bare conjunct after a complement is in it.)
                    if complemented, c == n + 1, isComplementConjunct(q, at: qr, in: scope) { break }
                    // ("e il presidente Jalal Talabani": the name after the title.)
                    let (named, nr) = nameAfterTitle(q, qr, in: scope)
                    out.append(named)
                    next = pastComplements(nr.upperBound, in: scope)
                    complemented = next != nr.upperBound
                    n = next
                }
                return out
            }
            // "più di 500 persone", "migliaia di soldati": a quantity's "di" leads to the actor.
            let quantified = k > t && quantity.contains(forms[k - 1]) && isPreposition(k, "di")
            // "ha ricevuto al Quirinale il premier", "ha arrestato a Roma il sindaco": a place after a
            // locative preposition stands between the verb and its object.
            if location.contains(forms[k]), k + 1 < scope.upperBound, let (p, r) = participant(at: k + 1), isPlace(p) {
                k = r.upperBound
                skipped += 1
                continue
            }
            if bound.contains(forms[k]) || isAnyPreposition(k) && !article.contains(forms[k]) && !quantified { return [] }
            if both.contains(forms[k]) { correlative = true }
            // Sentence adverbs do not count ("accusando anche la premier"), nor nationality adjectives
            // ("la ricercatrice francese Clotilde Reiss").
            let adverbial = isAdverb(k) || isNationality(k)
            k += 1
            // The quantity and its "di" count as one word.
            if !quantified && !adverbial { skipped += 1 }
        }
        return []
    }

    /// Where the object starts past a short phrase of manner or time at `k` (`su cauzione`, `con
    /// durezza`, `dopo tre mesi`): a plain preposition (not `di` or `da`, which attach to what comes
    /// before), one or two words that are no mention, no article and no verb, then an article or
    /// determiner. Nil when `k` opens no such phrase.
    func pastShortAdverbial(at k: Int, in scope: Range<Int>) -> Int? {
        guard k < scope.upperBound, isAnyPreposition(k), !article.contains(forms[k]), !isPreposition(k, "di"), !isPreposition(k, "da")
        else { return nil }
        var j = k + 1
        while j < scope.upperBound, j < k + 4, doc.tokens.flags[j].contains(.word), participant(at: j) == nil, mentionAt[j] < 0,
            !article.contains(forms[j]), !isAnyPreposition(j), clauseAt[j] < 0, !bound.contains(forms[j]), !isCoordination(j)
        {
            j += 1
        }
        guard j > k + 1, j < k + 4, j < scope.upperBound, article.contains(forms[j]) || context.is(j, [.determiner]) else { return nil }
        return j
    }

    /// "il sindaco Nino Ferri": the name right after a title of the same entity; so is a person's name
    /// right after an actor noun or a title read as a mention of its own ("il giudice Vaccarella",
    /// "il presidente Jalal Talabani").
    func nameAfterTitle(_ p: Event.Participant, _ r: Range<Int>, in scope: Range<Int>) -> (Event.Participant, Range<Int>) {
        // "dal sindaco di Genova, Marta Vincenzi": a person named in apposition after the title's
        // `di` complement.
        if p.entity == nil, let named = personAfterComplement(of: r, in: scope) { return named }
        // "il Presidente del Consiglio Matteo Renzi": or right after it.
        if !isName(p), let named = personAfterComplement(of: r, in: scope, comma: false) { return named }
        guard r.upperBound < scope.upperBound, let (q, qr) = participant(at: r.upperBound), isName(q), q.entity != nil else {
            return (p, r)
        }
        let type = mentionAt[r.upperBound] >= 0 ? doc.mentions[Int(mentionAt[r.upperBound])].type : nil
        let person = type == .person
        // ("il movimento Black Lives Matter": an organisation's name after a noun of `@organisation-noun`;
        // "i dipendenti Alitalia" are the company's staff.)
        let organisation = type == .organization && organisationNoun.contains(forms[r.upperBound - 1])
        if p.entity != nil && !isName(p) && (q.entity == p.entity || person) || p.entity == nil && (person || organisation) {
            return (q, qr)
        }
        return (p, r)
    }

    /// The person named between commas (or before a bracket or the clause's end) right after an actor
    /// noun's `di` complement (`il sindaco di Genova, Marta Vincenzi`, `il ministro degli Esteri,
    /// Sergej Lavrov`); nil when no such name follows.
    /// Without `comma`, the name may follow the complement directly (`il Presidente della Repubblica
    /// Giorgio Napolitano`).
    func personAfterComplement(of r: Range<Int>, in scope: Range<Int>, comma: Bool = true) -> (Event.Participant, Range<Int>)? {
        var k = r.upperBound
        guard k + 2 < scope.upperBound, context.is(k, [.ofPreposition]) else { return nil }
        k += 1
        if let (_, cr) = participant(at: k) {
            k = cr.upperBound
        } else {
            // Up to five words no mention covers ("degli Esteri", "dell'università e della Ricerca").
            let start = k
            while k < scope.upperBound, k < start + 5, doc.tokens.flags[k].contains(.word), participant(at: k) == nil, clauseAt[k] < 0 {
                k += 1
            }
            guard k > start else { return nil }
            // ("dell'università e della Ricerca, Fabio Mussi": the complement may end in a name of no person.)
            if comma, k + 1 < scope.upperBound, let (c, cr) = participant(at: k), cr.lowerBound == k, !isPersonName(c),
                cr.upperBound < scope.upperBound, forms[cr.upperBound] == ","
            {
                k = cr.upperBound
            }
        }
        // (Then a complement of at most four words: "della Repubblica", "del lavoro".)
        if !comma, k < scope.upperBound, forms[k] != ",", let (q, qr) = participant(at: k), q.entity != nil, isPersonName(q),
            qr.lowerBound == k, k - r.upperBound <= 5
        {
            return (q, qr)
        }
        guard comma, k + 1 < scope.upperBound, forms[k] == ",", let (q, qr) = participant(at: k + 1), q.entity != nil, isPersonName(q),
            qr.lowerBound == k + 1
        else { return nil }
        let after = qr.upperBound
        guard after >= scope.upperBound || [",", "(", ".", ";", ":"].contains(forms[after]) || clauseAt[after] >= 0 else { return nil }
        return (q, qr)
    }

    /// Where a coordination may go on after an actor ending at `n`: past its `di` complements (`le
    /// forze dell'ordine e i giovani dei centri sociali`) and a relative clause between commas (`i
    /// ribelli, che presidiavano la zona, e le truppe`), when an `e` follows them; else `n`.
    func pastComplements(_ n: Int, in scope: Range<Int>) -> Int {
        var m = n
        for _ in 0..<2 {
            guard m + 1 < scope.upperBound else { break }
            if context.is(m, [.ofPreposition]) {
                if let (_, qr) = participant(at: m + 1) {
                    m = qr.upperBound
                    continue
                }
                // Up to three words no mention covers ("dell'ordine", "dei centri sociali").
                var w = m + 1
                while w < scope.upperBound, w < m + 4, doc.tokens.flags[w].contains(.word), !isCoordination(w), !isAnyPreposition(w),
                    clauseAt[w] < 0, participant(at: w) == nil
                {
                    w += 1
                }
                guard w > m + 1 else { break }
                m = w
            } else if forms[m] == "(", let close = ((m + 1)..<min(scope.upperBound, m + 4)).first(where: { forms[$0] == ")" }),
                close + 1 < scope.upperBound, forms[close + 1] == "e" || forms[close + 1] == "ed"
            {
                // "Federico Perini (20) e Nicolò Veneri": a bracket (an age) before the coordinator.
                m = close + 1
            } else if forms[m] == ",", relative.contains(forms[m + 1]) {
                guard let close = ((m + 2)..<min(scope.upperBound, m + 14)).first(where: { doc.tokens.flags[$0].contains(.punctuation) }),
                    forms[close] == ","
                else { break }
                m = close + 1
            } else {
                break
            }
        }
        return m < scope.upperBound && (forms[m] == "e" || forms[m] == "ed") ? m : n
    }

    /// The target the entry's frame names, looked for after the trigger in its clause.
    func target(_ e: EventLexicon.Entry, after t: Int, in scope: Range<Int>) -> [Event.Participant] {
        for marker in e.targets {
            if marker == "obj" {
                if e.kind == .noun {
                    if t < scope.upperBound && isPreposition(t, "di") {
                        let a = actor(startingNear: t + 1, in: scope)
                        if !a.isEmpty { return a }
                    }
                } else {
                    let a = actor(startingNear: t, in: scope)
                    if !a.isEmpty { return a }
                }
                continue
            }
            var k = t
            // "un corteo di protesta nel quale sono stati scanditi cori contro il Ministro": a relative
            // clause on the event noun itself still describes it.
            let describing =
                e.kind == .noun
                && (t..<min(scope.upperBound, t + 4)).contains { relative.contains(forms[$0]) && $0 > t && isAnyPreposition($0 - 1) }
            while k < min(scope.upperBound, t + 12) {
                if [".", ";", ":"].contains(forms[k]) { break }
                // "identificando le minacce … ed ha aperto le porte alla Russia": another clause's verb ends the search.
                if k > t, clauseAt[k] >= 0, !describing { break }
                // "a subentrare": a preposition before an infinitive introduces no one.
                if isPreposition(k, marker), k + 1 < scope.upperBound, !rules.isInfinitive(forms[k + 1]) {
                    let a = actor(startingNear: k + 1, in: scope)
                    // A place after a locative preposition is where, not whom.
                    // (A chamber that gives its confidence is named as a place: `al Senato`.)
                    // (So is a place that receives aid or sanctions: `aiuti alla Sardegna`.)
                    // (So is a country a speech act is addressed to: `ha chiesto asilo al Regno Unito`.)
                    if let first = a.first,
                        !(location.contains(forms[k]) && isPlace(first)) || marker == "contro" || e.receives
                            || (Self.needTarget.contains(e.type) && !isPreposition(k, "in"))
                            || (Self.speechActs.contains(e.type) && isPreposition(k, "a") && isCountryParticipant(first))
                    {
                        return a
                    }
                }
                k += 1
            }
        }
        return aimedAt(after: t, in: scope)
    }

    /// Whom a phrase "nei confronti di X" or "a carico di X" after the trigger names, in its clause;
    /// "a loro carico" names the pronoun.
    func aimedAt(after t: Int, in scope: Range<Int>) -> [Event.Participant] {
        var k = t + 1
        while k + 1 < min(scope.upperBound, t + 14) {
            if [".", ";", ":"].contains(forms[k]) { break }
            if toward.contains(forms[k]),
                isPreposition(k - 1, "in") || isPreposition(k - 1, "a") || (k - 2 >= t && isPreposition(k - 2, "a"))
            {
                if isPreposition(k + 1, "di") { return actor(startingNear: k + 2, in: scope) }
                if k - 2 >= t, thirdPerson.contains(forms[k - 1]) || forms[k - 1] == "suo" || forms[k - 1] == "sua",
                    isPreposition(k - 2, "a")
                {
                    return [Event.Participant(entity: nil, range: doc.tokens.range(k - 1))]
                }
            }
            k += 1
        }
        return []
    }

    /// The actor whose act or words a speech act's object names ("denunciando «un'azione … di
    /// Parigi»"): the first actor after a "di" in the object, within a few words of the trigger.
    func complementActor(after t: Int, in scope: Range<Int>) -> [Event.Participant] {
        var k = t
        while k + 1 < min(scope.upperBound, t + 10) {
            if [".", ";", ":", ","].contains(forms[k])
                || (bound.contains(forms[k]) && !doc.tokens.flags[k].contains(.quoteMark) && forms[k] != "e")
            {
                break
            }
            // "accusando di voler fare…": the charge is a clause, not an object.
            if rules.isInfinitive(forms[k]) { break }
            if k > t, isPreposition(k, "di"), let (p, _) = participant(at: k + 1), !isPlace(p) || isCountryParticipant(p) || p.entity != nil
            {
                return [p]
            }
            // "ha criticato l'accordo sulla legge elettorale tra il segretario e il presidente": the
            // sides of the thing criticised.
            if k > t, isPreposition(k, "tra") {
                let sides = actor(startingNear: k + 1, in: scope).filter { !isPlace($0) || isCountryParticipant($0) }
                if !sides.isEmpty { return sides }
            }
            k += 1
        }
        return []
    }

    /// The actor of a noun trigger named as the agent of a participle after it ("l'istanza …
    /// presentata dalla difesa", "i colpi sparati da un poliziotto"), in its clause. Not whoever bans,
    /// authorises or judges the act ("la protesta, non autorizzata dalla polizia").
    func agentOfParticiple(after t: Int, in scope: Range<Int>) -> [Event.Participant] {
        var k = t
        while k + 1 < min(scope.upperBound, t + 8) {
            if bound.contains(forms[k]) || mentionAt[k] >= 0 { break }
            if isParticipleLike(k) && agent.contains(forms[k + 1]) {
                return actingOn.contains(forms[k]) || judging.contains(forms[k]) ? [] : actor(startingNear: k + 2, in: scope)
            }
            k += 1
        }
        return []
    }

    /// The actor an event noun comes from: `le critiche al governo arrivano (anche) dall'opposizione`, the
    /// `da` phrase right after a verb of coming (past one adverb) later in the clause; or `Dall'opposizione
    /// arrivano dure critiche`, the one opening the clause right before the verb, which stands at most three
    /// words before the noun.
    func comingFrom(noun trig: Range<Int>, in scope: Range<Int>) -> [Event.Participant] {
        var k = trig.upperBound
        while k < min(scope.upperBound, trig.upperBound + 8) {
            if bound.contains(forms[k]) || forms[k] == "," { break }
            if coming.contains(forms[k]) {
                var a = k + 1
                if a < scope.upperBound, isAdverb(a) || aux.contains(forms[a]) { a += 1 }
                return a + 1 < scope.upperBound && agent.contains(forms[a]) ? actor(startingNear: a + 1, in: scope) : []
            }
            k += 1
        }
        var v = trig.lowerBound - 1
        while v > scope.lowerBound && v >= trig.lowerBound - 3 && !coming.contains(forms[v]) { v -= 1 }
        guard v > scope.lowerBound, coming.contains(forms[v]) else { return [] }
        var a = scope.lowerBound
        while a < v && (isAdverb(a) || forms[a] == ",") { a += 1 }
        guard a < v, agent.contains(forms[a]) else { return [] }
        return actor(startingNear: a + 1, in: (a + 1)..<v)
    }

    /// The passive agent: `da` (or `per mano di`) + actor after the trigger.
    func agentActor(after t: Int, in scope: Range<Int>) -> [Event.Participant] {
        var k = t
        while k < min(scope.upperBound, t + 8) {
            if bound.contains(forms[k]) && forms[k] != "e" { break }
            if agent.contains(forms[k]) { return actor(startingNear: k + 1, in: scope) }
            if forms[k] == "per", k + 3 < scope.upperBound, forms[k + 1] == "mano", isPreposition(k + 2, "di") {
                return actor(startingNear: k + 3, in: scope)
            }
            k += 1
        }
        return []
    }

    func isCountryParticipant(_ p: Event.Participant) -> Bool { p.entity.map { isCountry[$0] } ?? false }

    func isPlace(_ p: Event.Participant) -> Bool {
        let m = Int(mentionAt[doc.tokens.firstToken(endingAfter: p.range.startUTF8)])
        return m >= 0 && doc.mentions[m].type == .location
    }

    /// Whether the place at tokens `t` is a street or a building (`viale La Playa`, `carcere di
    /// Mammagialla`, `Policlinico Gemelli`): its first word or the word before it (and a `di`) says so.
    func isFacility(_ t: Range<Int>) -> Bool {
        // ("Saint John Episcopal Church": a name in English ends with its noun.)
        if facility.contains(forms[t.lowerBound]) || t.count > 1 && facility.contains(forms[t.upperBound - 1]) { return true }
        var k = t.lowerBound - 1
        if k >= 0 && isPreposition(k, "di") { k -= 1 }
        // ("nel carcere olandese di Scheveningen": an adjective between.)
        return k >= 0 && facility.contains(forms[k])
            || k >= 1 && !doc.tokens.flags[k].contains(.capitalized) && facility.contains(forms[k - 1])
    }

    /// Whether the place at tokens `t` is where someone comes from (`originario di Vetralla`, `nato a
    /// Roma`), not where anything happened.
    func isOrigin(_ t: Range<Int>) -> Bool {
        var k = t.lowerBound - 1
        if k >= 0, isAnyPreposition(k) || context.is(k, [.preposition]) { k -= 1 }
        return k >= 0 && origin.contains(forms[k])
    }

    /// Whether a participant no entity covers is a building or a street (`una scuola`, `il carcere`).
    func isBuilding(_ p: Event.Participant) -> Bool {
        guard p.entity == nil else { return false }
        var t = Self.tokens(of: p.range, in: doc)
        while t.count > 1 && article.contains(forms[t.lowerBound]) { t = t.dropFirst() }
        return facility.contains(forms[t.lowerBound])
    }

    /// For an agentless act of public authority: the place the sentence names, else the last one before it.
    /// A country (the knowledge base knows) wins over a city: charges and arrests are the state's. A
    /// city the sentence names stands for its country when the text names that country too
    /// ("quotidiani di Belgrado hanno riferito dell'arresto" → Serbia). With the act's token `at`, a
    /// place named after it past "mentre" or a semicolon is another clause's ("In Francia tre persone
    /// sono state arrestate, mentre in Germania …").
    func jurisdiction(near s: Range<Int>, at: Int? = nil) -> [Event.Participant] {
        for (mi, m) in doc.mentions.enumerated() where m.form == .name && m.type == .location {
            let t = mentionTokens[mi]
            if t.lowerBound >= s.upperBound { break }
            guard t.lowerBound >= s.lowerBound, mentionEntity[mi] >= 0, !isCountry[mentionEntity[mi]] else { continue }
            let c = countryEntity[mentionEntity[mi]]
            guard c >= 0, let first = doc.entities[c].mentions.first else { continue }
            // The country named in the sentence itself wins below.
            if doc.entities[c].mentions.contains(where: { s.contains(mentionTokens[$0].lowerBound) }) { break }
            return [Event.Participant(entity: c, range: doc.mentions[first].range)]
        }
        var best: Int?
        var country: Int?
        for (mi, m) in doc.mentions.enumerated() where m.form == .name {
            let t = mentionTokens[mi]
            if t.lowerBound >= s.upperBound { break }
            let e = mentionEntity[mi]
            // A province's code in brackets ("Quartu Sant'Elena (CA)") is no jurisdiction of its own.
            let bracketed =
                t.count == 1 && forms[t.lowerBound].count <= 2 && t.lowerBound > 0 && t.upperBound < forms.count
                && forms[t.lowerBound - 1] == "("
                && forms[t.upperBound] == ")"
            // (A place after the act and after "mentre" or a semicolon is another clause's; so is one
            // after a comma and a finite verb of its own: "tre sono stati arrestati, il quarto è rimasto
            // in Iraq".)
            if let at, t.lowerBound > at, s.contains(t.lowerBound), opensAnotherClause(at..<t.lowerBound) { continue }
            // ("alle 20:45 ora locale (le 3:45 della mattina in Italia)": a country named inside brackets
            // after a time of day is the reader's time zone, no jurisdiction; "a Skopje (Macedonia)" is one.)
            if e >= 0 && isCountry[e] {
                // ("(UTC + 2, le 3 in Italia)": or after a time zone's name.)
                if let open = bracketOpening(before: t),
                    doc.times.contains(where: { tx in
                        let r = Self.tokens(of: tx.range, in: doc)
                        return r.lowerBound > open && r.upperBound <= t.lowerBound
                    }) || ((open + 1)..<t.lowerBound).contains(where: { timeZone.contains(forms[$0]) })
                {
                    continue
                }
                country = mi
            } else if m.type == .location, !isFacility(t), !isOrigin(t), !bracketed {
                best = mi
            }
        }
        // No country named: "il Paese", the newspaper's word for the country it writes about.
        if country == nil {
            var t = min(s.upperBound, forms.count) - 1
            while t > 0 {
                if countryNoun.contains(forms[t]), doc.tokens.flags[t].contains(.capitalized),
                    !doc.tokens.flags[t - 1].contains(.punctuation),
                    mentionAt[t] < 0
                {
                    return [Event.Participant(entity: nil, range: doc.tokens.range(t))]
                }
                t -= 1
            }
        }
        // A headline that names none ("Arrestate quattro persone"): the place the body's first two
        // sentences name first, a country before any other.
        if country == nil, best == nil, sentenceOf[s.lowerBound] == 0 {
            let end = doc.sentences[min(doc.sentences.count - 1, 2)].tokenRange.upperBound
            for (mi, m) in doc.mentions.enumerated() where m.form == .name && mentionEntity[mi] >= 0 {
                let t = mentionTokens[mi]
                if t.lowerBound >= end { break }
                guard t.lowerBound >= s.upperBound else { continue }
                if isCountry[mentionEntity[mi]] { country = mi } else if m.type == .location, !isFacility(t), best == nil { best = mi }
                if country != nil { break }
            }
        }
        // "Oggi è stato arrestato nei pressi di Udine", with France named earlier: where the sentence
        // names no country, a place it puts the act in (after a locative preposition) that the
        // knowledge base puts in another country than the one named before is the jurisdiction itself.
        if let c = country, mentionEntity[c] >= 0, let code = countryCode[mentionEntity[c]], !s.contains(mentionTokens[c].lowerBound),
            let city = doc.mentions.indices.first(where: { mi in
                let t = mentionTokens[mi]
                guard s.contains(t.lowerBound), doc.mentions[mi].form == .name, doc.mentions[mi].type == .location, mentionEntity[mi] >= 0,
                    !isCountry[mentionEntity[mi]], !isFacility(t),
                    (max(s.lowerBound, t.lowerBound - 3)..<t.lowerBound).contains(where: { location.contains(forms[$0]) })
                else { return false }
                return countryCode[mentionEntity[mi]].map { $0 != code } ?? false
            })
        {
            return [Event.Participant(entity: mentionEntity[city], range: doc.mentions[city].range)]
        }
        // "Un giudice italiano ha rinviato a giudizio …", Egypt named since as where a man was taken:
        // where the sentence names no country, the last authority named by its nationality before
        // it is the jurisdiction.
        if country.map({ !s.contains(mentionTokens[$0].lowerBound) }) ?? true,
            let a = authorityCountry.last(where: { $0.token < s.upperBound }), a.entity != country.map({ mentionEntity[$0] }),
            let first = doc.entities[a.entity].mentions.first
        {
            return [Event.Participant(entity: a.entity, range: doc.mentions[first].range)]
        }
        // A country last named two sentences or more before, with no place of it since: the country
        // the text has named most so far, its places counting for it (the Paris attacks, "tra le
        // nazionali di Francia e Germania" a while before "Ulteriori indagini sono in corso").
        let si = Int(sentenceOf[s.lowerBound])
        if let c = country, si >= 0, Int(sentenceOf[mentionTokens[c].lowerBound]) < si - 1,
            let main = mostNamedCountry(before: s.upperBound),
            main != mentionEntity[c]
        {
            country =
                doc.mentions.indices.last { mentionTokens[$0].lowerBound < s.upperBound && mentionEntity[$0] == main }
                ?? doc.mentions.indices.first { mentionEntity[$0] == main }
        }
        // A town or region where the text names no country before the act: the country the knowledge
        // base puts it in when the text names that country later ("Il primo arresto" in a Paris story
        // that names France further on); else the town stands for its state ("il gip di Roma").
        if country == nil, let b = best, mentionEntity[b] >= 0, countryEntity[mentionEntity[b]] >= 0,
            let first = doc.entities[countryEntity[mentionEntity[b]]].mentions.first
        {
            return [Event.Participant(entity: countryEntity[mentionEntity[b]], range: doc.mentions[first].range)]
        }
        guard let m = country ?? best else { return [] }
        return [Event.Participant(entity: mentionEntity[m] >= 0 ? mentionEntity[m] : nil, range: doc.mentions[m].range)]
    }

    /// The opening bracket the tokens `t` sit inside, earlier in their sentence; nil outside brackets.
    func bracketOpening(before t: Range<Int>) -> Int? {
        let si = sentenceOf[t.lowerBound]
        var k = t.lowerBound - 1
        while k >= 0 && sentenceOf[k] == si {
            if forms[k] == ")" { return nil }
            if forms[k] == "(" { return k }
            k -= 1
        }
        return nil
    }

    /// The country entity the text names most before token `end`, each mention of a place the
    /// knowledge base puts in it counting too; nil on a tie.
    func mostNamedCountry(before end: Int) -> Int? {
        var count: [Int: Int] = [:]
        for (mi, m) in doc.mentions.enumerated() where m.form == .name {
            if mentionTokens[mi].lowerBound >= end { break }
            let e = mentionEntity[mi]
            guard e >= 0 else { continue }
            if isCountry[e] {
                count[e, default: 0] += 1
            } else if m.type == .location, countryEntity[e] >= 0 {
                count[countryEntity[e], default: 0] += 1
            }
        }
        let ranked = count.sorted { $0.value > $1.value }
        guard let first = ranked.first, ranked.count == 1 || ranked[1].value < first.value else { return nil }
        return first.key
    }

    /// Whether the words `r` after an act open another clause, so that a place named after them is that
    /// clause's: a word of the pack's `@clause-break` ("mentre", a semicolon, "perché"), or a comma and
    /// then a finite verb of its own ("tre sono stati arrestati, il quarto è rimasto in Iraq").
    func opensAnotherClause(_ r: Range<Int>) -> Bool {
        if r.contains(where: { clauseBreak.contains(forms[$0]) }) { return true }
        // "ha criticato la decisione di espellere i rom e rimpatriarli in Bulgaria": a place after
        // "di" and an infinitive is that infinitive's.
        if r.contains(where: { $0 + 1 < r.upperBound && isPreposition($0, "di") && rules.isInfinitive(forms[$0 + 1]) }) { return true }
        guard let comma = r.first(where: { forms[$0] == "," }) else { return false }
        return (comma..<r.upperBound).contains { context.is($0, .finiteAuxiliary) }
    }

    /// Where the event happened: a place after a locative preposition in the sentence, after the trigger.
    func place(after t: Int, in s: Range<Int>, excluding: [Event.Participant]) -> Event.Participant? {
        var k = t
        while k + 1 < s.upperBound {
            // "ha incontrato i sindacati; a Milano gli studenti …": the next clause's own place.
            if opensAnotherClause(t..<(k + 1)) { return nil }
            if location.contains(forms[k]), let (p, _) = placeAfterPreposition(k, before: s.upperBound, excluding: excluding) {
                return p
            }
            k += 1
        }
        return nil
    }

    /// The place named right after the location preposition at `k`, past its articles and before
    /// `limit`, unless `excluding` holds it: the participant and its tokens.
    func placeAfterPreposition(_ k: Int, before limit: Int, excluding: [Event.Participant]) -> (Event.Participant, Range<Int>)? {
        var n = k + 1
        while n < limit && article.contains(forms[n]) { n += 1 }
        guard n < limit, mentionAt[n] >= 0 else { return nil }
        let m = Int(mentionAt[n])
        guard doc.mentions[m].type == .location, !excluding.contains(where: { $0.range == doc.mentions[m].range }) else { return nil }
        return (Event.Participant(entity: mentionEntity[m] >= 0 ? mentionEntity[m] : nil, range: doc.mentions[m].range), mentionTokens[m])
    }
}

extension EventFinder {
    /// A place the sentence opens on, for an act after it that names none of its own ("A Chicago i
    /// poliziotti hanno lanciato…", "Nel pomeriggio, a Brooklyn, ci sono stati scontri"): a location
    /// preposition, then a place, at the start of the sentence (or of its part after a colon or
    /// semicolon) or right after a comma with no verb before it there, at most 35 words before the
    /// trigger's group at `g`, and no quotation mark, bracket or `mentre` between. The place covers
    /// the sentence's later clauses too ("A Nashville …, dopo che i manifestanti hanno dato fuoco").
    func frontedPlace(before g: Int, in s: Range<Int>, excluding: [Event.Participant]) -> Event.Participant? {
        var k = s.lowerBound
        var start = s.lowerBound
        var found: Event.Participant?
        var verbSeen = false
        while k + 1 < g {
            if [":", ";"].contains(forms[k]) {
                (start, found, verbSeen) = (k + 1, nil, false)
            } else if ["«", "»", "“", "”", "\"", "(", ")", "mentre"].contains(forms[k]) {
                found = nil
                verbSeen = true
            } else if clauseAt[k] >= 0 && clauses[Int(clauseAt[k])].verb.head == k {
                verbSeen = true
            } else if location.contains(forms[k]), k == start || (forms[k - 1] == "," && !verbSeen), g - k <= 35,
                let (p, r) = placeAfterPreposition(k, before: g, excluding: excluding), r.upperBound <= g
            {
                found = p
            }
            k += 1
        }
        return found
    }

    /// The object of a purpose clause right after the trigger ("per disperdere la folla"): a
    /// purpose word, an infinitive (with `verbOf`, one of a trigger verb of that type: "per
    /// incontrare il Presidente"), then the actor.
    func purposeObject(after t: Int, in scope: Range<Int>, verbOf type: String? = nil) -> [Event.Participant] {
        var k = t
        while k + 2 < min(scope.upperBound, t + 10) {
            if [".", ";", ":"].contains(forms[k]) { break }
            if isPreposition(k, "per"), rules.isInfinitive(forms[k + 1]),
                type == nil || (lexicon.entries[forms[k + 1]] ?? []).contains(where: { $0.type == type && $0.tokens.count == 1 })
            {
                return actor(startingNear: k + 2, in: scope)
            }
            k += 1
        }
        return []
    }
}

extension EventFinder {
    /// The person the text is about before token `t`: the person entity it has named most often
    /// (at least twice, a headline's mention counting two; on a tie, the one named last), at its
    /// last mention.
    func topic(before t: Int) -> [Event.Participant] {
        var count: [Int: Int] = [:]
        var last: [Int: Int] = [:]
        // A headline: a first sentence that ends without a full stop, the text going on after it.
        let headline = doc.sentences.count > 1 && forms[doc.sentences[0].tokenRange.upperBound - 1] != "."
        for (mi, m) in doc.mentions.enumerated() {
            if mentionTokens[mi].lowerBound >= t { break }
            let e = mentionEntity[mi]
            guard e >= 0, m.type == .person else { continue }
            // A title in apposition to the name in its sentence ("il Ministro dell'Interno, Giuliano
            // Amato") is one mention with it.
            // (Only the rest of its sentence is looked at.)
            if m.form == .nominal {
                let sentence = sentenceOf[mentionTokens[mi].lowerBound]
                let rest = doc.mentions.indices[(mi + 1)...].prefix { sentenceOf[mentionTokens[$0].lowerBound] == sentence }
                if sentence >= 0, rest.contains(where: { mentionEntity[$0] == e }) { continue }
            }
            // A person the headline names is what the text is about: that mention counts twice.
            // (Not one a preposition governs: "il padre di Hina".)
            let at = mentionTokens[mi].lowerBound
            count[e, default: 0] += headline && sentenceOf[at] == 0 && (at == 0 || !isPrepositionWord(at - 1)) ? 2 : 1
            last[e] = mi
        }
        var best: (entity: Int, n: Int, at: Int)?
        for (e, n) in count {
            let at = last[e] ?? 0
            if let b = best, n < b.n || (n == b.n && at < b.at) { continue }
            best = (e, n, at)
        }
        guard let best, best.n >= 2 else { return [] }
        return [Event.Participant(entity: best.entity, range: doc.mentions[best.at].range)]
    }
}

extension EventFinder {
    /// The group noun of protesters (the lexicon's `@protester`) nearest to `t`: before it in its
    /// sentence, else after it there, else in the sentence before.
    func protesters(near t: Int, sentence si: Int) -> [Event.Participant] {
        let s = doc.sentences[si].tokenRange
        let end = min(s.upperBound, forms.count)
        func at(_ k: Int) -> [Event.Participant]? {
            protester.contains(forms[k]) ? [Event.Participant(entity: nil, range: doc.tokens.range(k))] : nil
        }
        var k = t - 1
        while k >= s.lowerBound {
            if let p = at(k) { return p }
            k -= 1
        }
        k = t + 1
        while k < end {
            if let p = at(k) { return p }
            k += 1
        }
        if si > 0 {
            k = s.lowerBound - 1
            while k >= doc.sentences[si - 1].tokenRange.lowerBound {
                if let p = at(k) { return p }
                k -= 1
            }
        }
        // "ci sono state proteste davanti alla Casa Bianca. … per disperdere la folla": the next
        // sentence, which often goes on to tell the protest.
        guard si + 1 < doc.sentences.count else { return [] }
        let next = doc.sentences[si + 1].tokenRange
        for k in next.lowerBound..<min(next.upperBound, forms.count) {
            if let p = at(k) { return p }
        }
        return []
    }
}

extension EventFinder {
    /// Where the agent phrase holding token `t` starts (the clause layer's reading, with this
    /// finder's participles): "sostenuti dal capogruppo di AN al Senato, Altero Matteoli".
    func agentPhraseStart(holding t: Int, in scope: Range<Int>) -> Int? {
        context.agentPhraseStart(holding: t, in: scope, isParticiple: isParticipleLike)
    }

    /// A participle, regular or with one of the pack's irregular endings (`@participle-ending`:
    /// "disposto", "messo", "inflitto").
    func isParticipleLike(_ t: Int) -> Bool {
        let f = forms[t]
        return rules.isParticiple(f) || participleEndings.contains { f.count > $0.count + 2 && f.hasSuffix($0) }
    }
}

extension EventFinder {
    /// Each group noun of `list` (an actor noun without an entity) that a comma, perhaps `tra
    /// cui`, and two or more coordinated names follow, replaced by those names: the guidelines
    /// count a plural mention for each member.
    func members(of list: [Event.Participant]) -> [Event.Participant] {
        guard list.contains(where: { $0.entity == nil }) else { return list }
        var out: [Event.Participant] = []
        for p in list {
            guard p.entity == nil else {
                out.append(p)
                continue
            }
            let r = Self.tokens(of: p.range, in: doc)
            let s = doc.sentences[Int(sentenceOf[r.lowerBound])].tokenRange
            var k = r.upperBound
            // The group's own complement ("di Forza Italia", "di Camera e Senato", "politici di destra").
            // ("i membri della spedizione …: i cosmonauti A e B": a colon introduces them too.)
            // A verb ends the group's phrase ("La sinistra ha accusato alcuni esponenti, tra cui…").
            while k < s.upperBound && k < r.upperBound + 10 && forms[k] != "," && forms[k] != ":" && clauseAt[k] < 0
                && !aux.contains(forms[k])
            {
                k += 1
            }
            guard k + 1 < s.upperBound, (forms[k] == "," && k < r.upperBound + 5) || forms[k] == ":" else {
                out.append(p)
                continue
            }
            let colon = forms[k] == ":"
            k += 1
            if k + 1 < s.upperBound, forms[k] == "tra" || forms[k] == "fra", forms[k + 1] == "cui" { k += 2 }
            // "…: i cosmonauti A e B": their role again before the names.
            if colon {
                var n = k
                while n < s.upperBound && n < k + 3 && mentionAt[n] < 0 && !doc.tokens.flags[n].contains(.punctuation) { n += 1 }
                if n < s.upperBound, mentionAt[n] >= 0 { k = n }
            }
            var names: [Event.Participant] = []
            var joined = false
            while k < s.upperBound, let (q, qr) = participant(at: k), q.entity != nil, isName(q), !isPlace(q) {
                names.append(q)
                k = qr.upperBound
                guard !joined, k < s.upperBound, forms[k] == "e" || forms[k] == "," else { break }
                joined = forms[k] == "e"
                k += 1
            }
            if names.count >= 2 && joined { out += names } else { out.append(p) }
        }
        return out
    }
}
