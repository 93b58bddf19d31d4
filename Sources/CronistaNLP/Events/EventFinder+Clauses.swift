import CronistaCore

/// Arguments from the clause layer: a verb trigger's source is its clause's subject (overt, or
/// inherited for pro-drop), a passive's source its agent and its target the subject; a gerund or an
/// infinitive takes the subject of the clause that governs it.
extension EventFinder {
    /// The clause whose verb group ends at `head` (its lexical verb), if the clause layer ran.
    func clause(headedBy head: Int) -> Clause? {
        guard head < clauseAt.count, clauseAt[head] >= 0 else { return nil }
        return clauses[Int(clauseAt[head])]
    }

    /// A clause for a verb group the clause layer has none for: its subject, object or passive agent.
    func clause(of group: Range<Int>, passive: Bool, in s: Range<Int>) -> Clause {
        var c = Clause(sentence: Int(sentenceOf[group.lowerBound]), verb: VerbGroup(tokens: group, head: group.upperBound - 1))
        c.subject = context.subject(before: group.lowerBound, in: s)
        if passive {
            c.passiveAgent = context.passiveAgent(after: group.upperBound, in: s) { span in span.contains { mentionAt[$0] >= 0 } }
        } else {
            c.object = context.object(at: group.upperBound, in: s)
        }
        return c
    }

    /// Whether a verb governs the noun at `g` as its object: a verb group of the clause layer, a
    /// participle, gerund or infinitive, or a verb of announcing, over at most four words
    /// (articles, determiners, adjectives, a measure noun with `di`: "bombole di") before it.
    func isGoverned(noun g: Int, in s: Range<Int>) -> Bool {
        // "è in visita a Baghdad": a state its subject is in (the form of "essere" opens the noun's group).
        if g + 1 < s.upperBound, stateVerb.contains(forms[g]), isPreposition(g + 1, "in") { return true }
        var k = g - 1
        while k >= s.lowerBound && k >= g - 5 {
            let f = forms[k]
            // "a seguito delle proteste", "a causa degli scontri": a complex preposition, no verb.
            if prepositionHead.contains(f), k > s.lowerBound, isAnyPreposition(k - 1) {
                return false
            }
            // "con diversi feriti e arresti", "dei tre caduti": a participle after an article, a quantity
            // or a number is a noun.
            let nominal =
                k > s.lowerBound
                && (article.contains(forms[k - 1]) || quantity.contains(forms[k - 1]) || doc.tokens.flags[k - 1].contains(.number))
            if clauseAt[k] >= 0 || announce.contains(f) || rules.isParticiple(f) && !nominal || rules.isGerund(f) || rules.isInfinitive(f)
                || (hasSuffix(f, pastRemote) && !aux.contains(f)) || isFutureVerb(k) || lightVerb.contains(f)
            {
                return !article.contains(f)
            }
            // ("durante le proteste": a preposition of the pack's word classes too.) "Putin ha spiegato
            // che le proteste «devono …»", "il ministro è intervenuto mentre gli scontri proseguivano": after a
            // complementiser or a word of `@clause-break` the noun opens a clause of its own.
            if doc.tokens.flags[k].contains(.punctuation) || mentionAt[k] >= 0
                || (isPrepositionWord(k) && !article.contains(f) && f != "di") || context.is(k, .complementiser) || clauseBreak.contains(f)
            {
                return false
            }
            k -= 1
        }
        return false
    }

    /// The subject a non-finite trigger (`…, criticando`) takes: the nearest finite clause before it
    /// in its sentence that has a subject.
    func governingSubject(before t: Int, sentence si: Int) -> Range<Int>? {
        guard t < clauseAt.count else { return nil }
        var k = t - 1
        while k >= 0 && sentenceOf[k] == Int32(si) {
            // "Lo ha detto X: il governo prende …, accusando": a colon or semicolon opens a clause of
            // its own; the speaker before it governs nothing after it.
            if forms[k] == ":" || forms[k] == ";" { return nil }
            // "… rivolto a Forza Italia, uscita dall'aula per non votare chiedendo chiarezza": a bare
            // participle in apposition to the actor right before its comma hangs the gerund on that actor.
            if clauseAt[k] < 0, k - 2 >= 0, sentenceOf[k - 2] == Int32(si), forms[k - 1] == ",", rules.isParticiple(forms[k]),
                !aux.contains(forms[k]), let (_, r) = participant(at: k - 2), r.upperBound == k - 1
            {
                return r
            }
            if clauseAt[k] >= 0 {
                let c = clauses[Int(clauseAt[k])]
                let h = forms[c.verb.head]
                if c.verb.head == k && !rules.isGerund(h) && !(rules.isInfinitive(h) && c.verb.auxiliaries.isEmpty) {
                    // "Non ha partecipato alla votazione Forza Italia, chiedendo chiarezza": a subject
                    // the clause layer carried over yields to an actor close after the verb and its
                    // object (at most four words between), not governed by a preposition, that ends
                    // the clause right before the gerund's comma (the inverted subject).
                    if c.subjectIsInherited {
                        let from = max(c.verb.tokens.upperBound, c.object?.upperBound ?? 0)
                        if from < t, forms[t - 1] == "," {
                            let inverted = leftActor(before: t - 1, in: from..<(t - 1))
                            if let first = inverted.first, let last = inverted.last {
                                let r = Self.tokens(of: first.range, in: doc).lowerBound..<Self.tokens(of: last.range, in: doc).upperBound
                                if r.upperBound == t - 1, r.lowerBound - from <= 4 { return r }
                            }
                        }
                    }
                    return c.subject
                }
            }
            k -= 1
        }
        return nil
    }

    /// The actors the object of the finite verb before `g` in its sentence names (no place), when
    /// that verb is active: whom a gerund phrase hanging on it acts on too. Nothing past a colon, a
    /// semicolon or a quotation mark.
    func governingObject(before g: Int, in s: Range<Int>) -> [Event.Participant] {
        var k = g - 1
        while k >= s.lowerBound {
            if forms[k] == ";" || forms[k] == ":" || doc.tokens.flags[k].contains(.quoteMark) { return [] }
            if clauseAt[k] >= 0 {
                let c = clauses[Int(clauseAt[k])]
                let h = forms[c.verb.head]
                if c.verb.head == k && !rules.isGerund(h) && !rules.isInfinitive(h) {
                    guard !c.verb.passive, let o = c.object else { return [] }
                    return participants(in: o).filter { !isPlace($0) }
                }
            }
            k -= 1
        }
        return []
    }

    /// The actors a noun phrase names: its mentions and actor nouns, coordinated ones as one compound
    /// list; a mention inside a `di` complement of an earlier one (`il presidente della Bielorussia`)
    /// or the same entity again (an apposition) adds nothing.
    func participants(in r: Range<Int>) -> [Event.Participant] {
        var out: [Event.Participant] = []
        var t = r.lowerBound
        let end = min(r.upperBound, forms.count)
        while t < end {
            guard var (p, pr) = participant(at: t) else {
                t += 1
                continue
            }
            // "il Presidente della Repubblica Giorgio Napolitano": a title, its complement, then the
            // name of whom it names.
            let opening = pr.lowerBound
            // (The clause layer's object stops at the complement's preposition: read on to the sentence's end.)
            let sentenceEnd = sentenceOf[t] >= 0 ? doc.sentences[Int(sentenceOf[t])].tokenRange.upperBound : end
            if !isName(p), let (q, qr) = personAfterComplement(of: pr, in: r.lowerBound..<max(end, sentenceEnd), comma: false) {
                (p, pr) = (q, qr)
            }
            // "un impiegato originario di Vetralla": where someone comes from is no actor.
            if isPlace(p), isOrigin(pr) {
                t = max(pr.upperBound, t + 1)
                continue
            }
            let before = opening - 1
            // A mention may run past the argument's end (the clause layer cut it): read on from its end.
            let after = min(pr.upperBound, end)
            // A phrase that opens the span with a preposition ("In Italia otto tifosi") is no
            // actor, unless a quantity governs it ("migliaia di soldati").
            if out.isEmpty, before >= r.lowerBound, isAnyPreposition(before), !article.contains(forms[before]),
                !(before - 1 >= r.lowerBound && quantity.contains(forms[before - 1])),
                (after..<end).contains(where: { participant(at: $0) != nil })
            {
                t = max(pr.upperBound, t + 1)
                continue
            }
            // "sia X che Y": the second of a correlative pair.
            let correlative =
                before >= r.lowerBound && bothAnd.contains(forms[before]) && (r.lowerBound..<before).contains { both.contains(forms[$0]) }
            // "da Barack Obama e dall'ONU": coordinated with the first one's preposition repeated.
            let repeated =
                !out.isEmpty && before - 1 >= r.lowerBound && isCoordination(before - 1) && isAnyPreposition(before)
                && samePreposition(before, Self.tokens(of: out[0].range, in: doc).lowerBound - 1)
            var modifier = !out.isEmpty && before >= r.lowerBound && !isCoordination(before) && !correlative && !repeated
            // "I presidenti di Camera e Senato": the second conjunct of a complement is in it too.
            if !modifier, !out.isEmpty, before >= r.lowerBound, forms[before] != ",", isComplementConjunct(p, at: pr, in: r) {
                modifier = true
            }
            // After a comma, an apposition ("X, portavoce di Y") unless both are named and a list
            // goes on to an "e" ("A, B e C").
            if !modifier, !out.isEmpty, before >= r.lowerBound, forms[before] == "," {
                let listGoesOn = (after..<end).contains { forms[$0] == "e" || forms[$0] == "ed" }
                modifier = p.entity == nil || out.last?.entity == nil || !listGoesOn
            }
            // "l'ex ministro Maurizio Gasparri": a name right after an actor noun no entity covers is
            // who that noun names.
            if let last = out.last, last.entity == nil, p.entity != nil, isName(p),
                Self.tokens(of: last.range, in: doc).upperBound == pr.lowerBound
            {
                out[out.count - 1] = p
                t = max(pr.upperBound, t + 1)
                continue
            }
            if let e = p.entity, let i = out.firstIndex(where: { $0.entity == e }) {
                // The same entity again (an apposition): its name stands for it.
                if isName(p) && !isName(out[i]) { out[i] = p }
            } else if !modifier {
                out.append(p)
            }
            t = max(pr.upperBound, t + 1)
        }
        return out
    }

    /// Whether a participant rests on a name mention.
    func isName(_ p: Event.Participant) -> Bool {
        let m = Int(mentionAt[doc.tokens.firstToken(endingAfter: p.range.startUTF8)])
        return m >= 0 && doc.mentions[m].form == .name
    }

    /// Whether the verb group starting at `g` is coordinated right after an earlier clause (`… e ne ha
    /// chiesto`): `e` or `ed` before it, past object pronouns.
    func isCoordinatedVerb(at g: Int, in scope: Range<Int>) -> Bool {
        var c = g - 1
        while c > scope.lowerBound && (proclitic.contains(forms[c]) || enclitic.contains(Array(forms[c].utf8))) { c -= 1 }
        return c >= scope.lowerBound && (forms[c] == "e" || forms[c] == "ed")
    }

    /// `e`, `ed` or a comma between two coordinated actors.
    func isCoordination(_ t: Int) -> Bool { forms[t] == "e" || forms[t] == "ed" || forms[t] == "," }

    /// The participants of a clause argument, or `[]` when it names no actor. A short noun phrase
    /// without a mention is a participant of its own (`i marittimi`, `la sinistra italiana`): the
    /// guidelines take groups named by role or nationality as actors.
    func participants(ofArgument r: Range<Int>?) -> [Event.Participant] {
        guard let r, !r.isEmpty else { return [] }
        var found = participants(in: r)
        // A title the clause layer took alone ("Il senatore" of "Il senatore Marco Ferri"): the
        // name right after it, the entity's mention nearest the verb.
        for (i, p) in found.enumerated() where p.entity != nil && !isName(p) {
            var t = Self.tokens(of: p.range, in: doc).upperBound
            if t < forms.count && forms[t] == "," { t += 1 }
            if t < forms.count, let (q, _) = participant(at: t), q.entity == p.entity, isName(q) { found[i] = q }
        }
        // "Il vescovo di Washington, Mariann E. Budde": a place in the head's "di" complement is where
        // the person named in apposition after the argument comes from; that name acts.
        if found.count == 1, isPlace(found[0]) {
            let pr = Self.tokens(of: found[0].range, in: doc)
            var t = r.upperBound
            if t < forms.count && forms[t] == "," { t += 1 }
            if pr.lowerBound - 1 >= r.lowerBound, context.is(pr.lowerBound - 1, [.ofPreposition]), t < forms.count,
                let (q, _) = participant(at: t), q.entity != nil, isName(q), !isPlace(q)
            {
                found = [q]
            }
        }
        if !found.isEmpty { return found }
        return bareNounPhrase(r).map { [$0] } ?? []
    }

    /// The clause layer's subject, or the noun phrase between it and the verb group at `g` when the
    /// subject it read is the object of a preposition (`Negli Stati Uniti circa 1400 persone sono
    /// state arrestate`: the place is a setting, the people the subject).
    func subjectAfterSetting(_ subject: Range<Int>?, before g: Int) -> Range<Int>? {
        guard let r = subject, r.lowerBound > 0,
            isAnyPreposition(r.lowerBound - 1) || isPreposition(r.lowerBound - 1, "in") || isPreposition(r.lowerBound - 1, "a"),
            !article.contains(forms[r.lowerBound - 1])
        else { return subject }
        // "che a Teheran sono stati arrestati tre cittadini": a place phrase right before the verb is
        // its setting, and the subject comes after the verb.
        // ("in Cina è considerato un tabù: molti documenti sono stati censurati": nor is one a clause
        // before, whose subject the clause layer carried over.)
        let isSetting = (r.lowerBound..<r.upperBound).contains(where: { t in participant(at: t).map { isPlace($0.0) } ?? false })
        if isSetting, r.upperBound == g || (r.upperBound..<g).contains(where: { [":", ";"].contains(forms[$0]) }) {
            return nil
        }
        guard r.upperBound + 2 <= g,
            !(r.upperBound..<g).contains(where: { doc.tokens.flags[$0].contains(.punctuation) }),
            bareNounPhrase(r.upperBound..<g) != nil || (r.upperBound..<g).contains(where: { participant(at: $0) != nil })
        else { return subject }
        return r.upperBound..<g
    }

    /// A short noun phrase without a mention as a participant of its own (`i marittimi`, `circa
    /// 1400 persone`): an article, determiner or quantity, then at most five more words, no quotation
    /// mark, complementiser or auxiliary, and no time expression.
    func bareNounPhrase(_ r: Range<Int>) -> Event.Participant? {
        var a = r.lowerBound
        var b = r.upperBound
        while a < b && doc.tokens.flags[a].contains(.punctuation) { a += 1 }
        while b > a && doc.tokens.flags[b - 1].contains(.punctuation) { b -= 1 }
        // A time expression ("lo scorso gennaio") is no actor.
        let span = range(a..<b)
        if doc.times.contains(where: { $0.range.startUTF8 < span.endUTF8 && span.startUTF8 < $0.range.endUTF8 }) { return nil }
        guard b - a >= 2, b - a <= 6, context.is(a, [.article, .determiner]) || quantity.contains(forms[a]),
            !(a..<b).contains(where: { relative.contains(forms[$0]) || reflexive.contains(forms[$0]) }),
            !(a..<b).contains(where: {
                doc.tokens.flags[$0].contains(.quoteMark) || context.is($0, [.complementiser, .auxiliary]) || essere.contains(forms[$0])
            }),
            // ("… è in continua espansione e": a clause, not a phrase.)
            !context.is(b - 1, .coordinator)
        else { return nil }
        // "il colera", "la sentenza di primo grado", "gli estratti chimici": a phrase whose head
        // names no person or group acts on nobody.
        var h = a
        while h < b,
            context.is(h, [.article, .determiner, .nounPhraseOpener]) || quantity.contains(forms[h])
                || forms[h].allSatisfy(\.isNumber)
        {
            h += 1
        }
        guard h < b, !isThingHead(h) else { return nil }
        return Event.Participant(entity: nil, range: span)
    }

    /// Whether the word at `h` heads a phrase that names a thing, not a person or a group: a word of
    /// `@non-actor`, an event noun of the lexicon (`l'omicidio`, `un'aggressione`), or a noun with an
    /// abstract ending (`@abstract-ending`: `la situazione`, `la sentenza`); a capitalised word never.
    func isThingHead(_ h: Int) -> Bool {
        let f = forms[h]
        if doc.tokens.flags[h].contains(.capitalized) || actorNouns.contains(f) { return false }
        if nonActor.contains(f) || (lexicon.entries[f] ?? []).contains(where: { $0.kind == .noun && $0.tokens.count == 1 }) {
            return true
        }
        return lexicon.sortedList("abstract-ending").contains { f.hasSuffix($0) && f.count >= $0.count + 2 }
    }
}

extension EventFinder {
    /// The antecedent of a relative pronoun that is the subject of the verb group starting at `g`
    /// (`Marco Bianchi, che il 3 marzo annunciò`, `la CGIL – che chiedono`). Only adverbials may
    /// stand between the pronoun and the verb: an actor there is the subject and the pronoun the
    /// object (``relativeObject``).
    func relativeAntecedent(before g: Int, in scope: Range<Int>) -> [Event.Participant] {
        guard let k = relativePronoun(before: g, in: scope, subjectBetween: false), obliquePreposition(ofRelative: k, in: scope) == nil
        else { return [] }
        let found = antecedent(ofRelative: k, in: scope)
        // "il braccio di ferro fra la Wikimedia Foundation e il governo cinese, che chiedeva": a
        // singular verb agrees with the last conjunct alone.
        if found.count > 1, isSingularVerb(at: g, in: scope) { return [found[found.count - 1]] }
        return found
    }

    /// Whether the finite verb that opens the group at `g` (past a negation and clitics) is in the
    /// singular, by its ending: a third person plural ends in one of `@plural-verb-ending` (Italian
    /// `-no`, `-ero`: `chiedono`, `hanno`, `chiesero`). A gerund, an infinitive or a participle has no
    /// person.
    func isSingularVerb(at g: Int, in scope: Range<Int>) -> Bool {
        var t = g
        while t < scope.upperBound && (negation.contains(forms[t]) || proclitic.contains(forms[t])) { t += 1 }
        guard t < scope.upperBound, doc.tokens.flags[t].contains(.word) else { return false }
        let f = forms[t]
        if rules.isGerund(f) || rules.isInfinitive(f) || rules.isParticiple(f) { return false }
        return !pluralVerbEnding.contains { f.hasSuffix($0) }
    }

    /// The preposition before a relative pronoun (`ai quali`, `con il quale`, `per cui`): the pronoun
    /// is then no subject, and its antecedent is whom that preposition marks.
    func obliquePreposition(ofRelative k: Int, in scope: Range<Int>) -> Int? {
        guard forms[k] != "che" else { return nil }
        var a = k - 1
        if a >= scope.lowerBound, article.contains(forms[a]), !isAnyPreposition(a) { a -= 1 }
        return a >= scope.lowerBound && isPrepositionWord(a) ? a : nil
    }

    /// The antecedent of a relative pronoun after a preposition that the trigger's frame names for
    /// its target (`i sindacati, ai quali ha promesso`).
    func obliqueRelativeTarget(_ e: EventLexicon.Entry, before g: Int, in scope: Range<Int>) -> [Event.Participant] {
        guard
            let k = relativePronoun(before: g, in: scope, subjectBetween: false)
                ?? relativePronoun(before: g, in: scope, subjectBetween: true),
            let p = obliquePreposition(ofRelative: k, in: scope),
            e.targets.contains(where: { $0 != "obj" && isPreposition(p, $0) })
        else { return [] }
        return antecedent(ofRelative: p, in: scope)
    }

    /// The antecedent of a relative pronoun that is the object of the verb group starting at `g`,
    /// whose own subject stands between them (`Ugo Neri, che la polizia ha arrestato`).
    func relativeObject(before g: Int, in scope: Range<Int>) -> [Event.Participant] {
        guard let k = relativePronoun(before: g, in: scope, subjectBetween: true), forms[k] == "che" else { return [] }
        return antecedent(ofRelative: k, in: scope)
    }

    /// The relative pronoun before `g` with only adverbials between (and, with `subjectBetween`,
    /// exactly one actor: the clause's subject).
    func relativePronoun(before g: Int, in scope: Range<Int>, subjectBetween: Bool) -> Int? {
        // "la casa editrice Einaudi, che, in seguito alle critiche di Saramago, rifiutò": past an aside
        // between commas right after the pronoun.
        if !subjectBetween, g - 1 > scope.lowerBound, forms[g - 1] == ",",
            let c = (max(scope.lowerBound + 1, g - 16)..<(g - 1)).last(where: { doc.tokens.flags[$0].contains(.punctuation) }),
            forms[c] == ",", relative.contains(forms[c - 1])
        {
            return c - 1
        }
        var k = g - 1
        var actors = 0
        while k >= scope.lowerBound && k >= g - 9 {
            if relative.contains(forms[k]) { break }
            if doc.tokens.flags[k].contains(.punctuation) || clauseAt[k] >= 0 { return nil }
            if let (_, r) = participant(at: k) {
                // An actor after a preposition is no subject ("che con Salvini tratta").
                if r.lowerBound - 1 >= scope.lowerBound, isAnyPreposition(r.lowerBound - 1), !article.contains(forms[r.lowerBound - 1]) {
                    k = r.lowerBound - 2
                    continue
                }
                actors += 1
                guard subjectBetween, actors == 1 else { return nil }
                k = r.lowerBound - 1
                while k >= scope.lowerBound && article.contains(forms[k]) && !relative.contains(forms[k]) { k -= 1 }
                continue
            }
            k -= 1
        }
        guard k >= scope.lowerBound, k >= g - 9, relative.contains(forms[k]), subjectBetween == (actors == 1) else { return nil }
        if !subjectBetween && k < g - 7 { return nil }
        return k
    }

    /// The actor right before the relative pronoun at `k`, even inside a prepositional phrase
    /// (`sostituito da X, che`), with the actors coordinated to it. Without a comma, dash or
    /// bracket, an actor after a preposition is no antecedent (`ha detto ai sindacati che…`
    /// opens a complement clause).
    func antecedent(ofRelative pronoun: Int, in scope: Range<Int>) -> [Event.Participant] {
        var k = pronoun
        // "il quale", "i quali": the article is part of the pronoun.
        if k - 1 >= scope.lowerBound, forms[k] != "che", article.contains(forms[k - 1]) { k -= 1 }
        var j = k - 1
        // "il poliziotto (in seguito arrestato) che": a bracketed aside before the pronoun is skipped.
        if j >= scope.lowerBound, let open = bracketOpening(closedAt: j, in: scope) {
            j = open
        }
        let punctuated = j >= scope.lowerBound && [",", "–", "—", "-", "("].contains(forms[j])
        if punctuated { j -= 1 }
        guard j >= scope.lowerBound else { return [] }
        // "i cittadini greci, che": an adjective after the actor noun.
        var found = participant(at: j).flatMap { $0.1.upperBound == j + 1 ? $0 : nil }
        if found == nil, j - 1 >= scope.lowerBound, let (q, qr) = participant(at: j - 1), qr.upperBound == j, q.entity == nil,
            !doc.tokens.flags[j].contains(.punctuation), !doc.tokens.flags[j].contains(.capitalized), !article.contains(forms[j]),
            !isAnyPreposition(j)
        {
            found = (q, qr)
        }
        // "il ministro dell'università e della Ricerca, che": the head of coordinated complements.
        if found == nil
            || found.map({ $0.1.lowerBound - 1 >= scope.lowerBound && context.is($0.1.lowerBound - 1, [.ofPreposition]) }) == true,
            let head = headOfComplements(endingAt: j, in: scope)
        {
            found = head
        }
        guard var (p, r) = found else { return [] }
        // "la Corte Suprema degli Stati Uniti, che": the phrase's head, not its "di" complement.
        if r.lowerBound - 2 >= scope.lowerBound, context.is(r.lowerBound - 1, [.ofPreposition]),
            let (h, hr) = participant(at: r.lowerBound - 2),
            hr.upperBound == r.lowerBound - 1, !isPlace(h)
        {
            (p, r) = (h, hr)
        }
        if !punctuated, r.lowerBound - 1 >= scope.lowerBound, isAnyPreposition(r.lowerBound - 1) { return [] }
        // "A, B e C, che": the list the antecedent closes.
        let left = leftActor(before: j + 1, in: scope)
        if left.count > 1, let last = left.last, sameParticipant(last, p) { return left }
        return [named(p, r)]
    }

    /// The actor noun heading two coordinated `di` complements that end at `j` (`il ministro
    /// dell'università e della Ricerca`, `il presidente della Camera e del Senato`): each complement
    /// an of-preposition and one or two words; nil when `j` ends no such pair.
    func headOfComplements(endingAt j: Int, in scope: Range<Int>) -> (Event.Participant, Range<Int>)? {
        func complementStart(endingAt e: Int) -> Int? {
            var k = e
            while k >= scope.lowerBound && k > e - 2 {
                guard doc.tokens.flags[k].contains(.word), !isCoordination(k) else { return nil }
                if k - 1 >= scope.lowerBound, context.is(k - 1, [.ofPreposition]) { return k - 1 }
                k -= 1
            }
            return nil
        }
        guard let second = complementStart(endingAt: j), second - 2 >= scope.lowerBound,
            forms[second - 1] == "e" || forms[second - 1] == "ed",
            let first = complementStart(endingAt: second - 2), first - 1 >= scope.lowerBound,
            let (h, hr) = participant(at: first - 1), hr.upperBound == first, h.entity == nil || !isName(h), !isPlace(h)
        else { return nil }
        return (h, hr)
    }

    /// The verb group of the clause that governs a noun trigger at `g` (see ``isGoverned``), if the
    /// clause layer heads one within five words before it, with no punctuation or mention between.
    func governingVerb(of g: Int, in s: Range<Int>) -> VerbGroup? { governingClause(of: g, in: s)?.verb }

    /// The clause whose verb group governs the noun at `g` (``governingVerb(of:in:)``).
    func governingClause(of g: Int, in s: Range<Int>) -> Clause? {
        var k = g - 1
        while k >= s.lowerBound && k >= g - 5 {
            // "è stato rinviato a causa delle proteste": a complex preposition, no object of the verb.
            if prepositionHead.contains(forms[k]), k > s.lowerBound, isAnyPreposition(k - 1) { return nil }
            if clauseAt[k] >= 0 { return clauses[Int(clauseAt[k])] }
            if doc.tokens.flags[k].contains(.punctuation) || mentionAt[k] >= 0 { return nil }
            k -= 1
        }
        return nil
    }

    /// The subject of the clause a phrase no verb governs sits in, the phrase holding token `g` and
    /// ending at `end` (`Berlusconi, dopo i colloqui con Fini, …`; `Durante l'incontro con Obama, Renzi
    /// ha parlato`): the actor right before the phrase's comma, else the subject said of the first
    /// finite clause after it, before a colon or a quotation.
    func phraseHolder(of g: Int, after end: Int, in s: Range<Int>) -> [Event.Participant] {
        let reach = max(s.lowerBound, g - 6)
        var k = g - 1
        while k >= reach, forms[k] != ",", clauseAt[k] < 0 { k -= 1 }
        if k >= reach, k > s.lowerBound, forms[k] == ",", let (p, r) = participant(at: k - 1), r.upperBound == k { return [p] }
        var t = end
        while t < s.upperBound, ![":", ";", "«", "“", "\""].contains(forms[t]) {
            if clauseAt[t] >= 0 {
                let c = clauses[Int(clauseAt[t])]
                let h = forms[c.verb.head]
                guard !c.subjectIsInherited, !rules.isGerund(h), !rules.isInfinitive(h) else { return [] }
                return participants(ofArgument: c.subject)
            }
            t += 1
        }
        return []
    }

    /// The clause an instrument phrase holding the noun at `g` hangs on (`ha disperso i manifestanti
    /// con i lacrimogeni`, `ha allontanato con getti d'acqua e lacrimogeni chiunque`): "con" within eight
    /// words before the noun, then a verb group within six words before it, with no punctuation
    /// between; a clause with its subject said, and where its "con" stands.
    func instrumentClause(of g: Int, in s: Range<Int>) -> (clause: Clause, with: Int)? {
        var k = g - 1
        while k >= max(s.lowerBound, g - 8), !isPreposition(k, "con") {
            if doc.tokens.flags[k].contains(.punctuation) || clauseAt[k] >= 0 { return nil }
            k -= 1
        }
        guard k >= max(s.lowerBound, g - 8) else { return nil }
        var j = k - 1
        while j >= max(s.lowerBound, k - 6) {
            if doc.tokens.flags[j].contains(.punctuation) { return nil }
            if clauseAt[j] >= 0 {
                let c = clauses[Int(clauseAt[j])]
                return c.subjectIsInherited || c.verb.passive ? nil : (c, k)
            }
            j -= 1
        }
        return nil
    }

    /// The head of the verb group that governs a noun trigger at `g` (``governingVerb(of:in:)``).
    func governingHead(of g: Int, in s: Range<Int>) -> Int? { governingVerb(of: g, in: s)?.head }

    /// A verb in the future tense at `k` (`invierà`, `conterranno`): a lower-case word of more than
    /// four letters with a `@future` ending, no auxiliary.
    func isFutureVerb(_ k: Int) -> Bool {
        let f = forms[k]
        return f.count > 4 && hasSuffix(f, future) && !aux.contains(f) && !doc.tokens.flags[k].contains(.capitalized)
    }

    /// The future verb that governs a noun trigger at `g`: within five words before it, with only
    /// articles, adjectives and nouns between (`invierà nuovi aiuti`, `conterrà nuove norme e aiuti`).
    func futureGoverning(_ g: Int, in s: Range<Int>) -> Int? {
        var k = g - 1
        while k >= s.lowerBound && k >= g - 5 {
            if isFutureVerb(k) { return k }
            if doc.tokens.flags[k].contains(.punctuation) || mentionAt[k] >= 0 || clauseAt[k] >= 0
                || isAnyPreposition(k) && !article.contains(forms[k])
            {
                return nil
            }
            k -= 1
        }
        return nil
    }

    /// The start of the verb group that governs a noun trigger at `g` (``governingVerb(of:in:)``).
    func governingGroupStart(of g: Int, in s: Range<Int>) -> Int? { governingVerb(of: g, in: s)?.tokens.lowerBound }
}

extension EventFinder {
    /// Whether a bare participle ending before `t` is a passive with its agent (`firmato da X`,
    /// `ratificato dai Paesi membri`): an agent preposition right after it, then an actor.
    func reducedPassive(after t: Int, in s: Range<Int>) -> Bool {
        guard t + 1 < s.upperBound, agent.contains(forms[t]) else { return false }
        return !actor(startingNear: t + 1, in: s).isEmpty
    }
}

extension EventFinder {
    /// The names in apposition coordinated before `name`, itself in apposition before a verb
    /// (`Il presidente della Commissione, Barroso, e il presidente del Parlamento, Poettering,
    /// hanno firmato`): each `…, Name, e <role phrase>, ` step back adds that name.
    func coordinatedAppositions(before name: Event.Participant, in scope: Range<Int>) -> [Event.Participant] {
        var out: [Event.Participant] = []
        var k = Self.tokens(of: name.range, in: doc).lowerBound - 2
        while k > scope.lowerBound {
            // Back over the role phrase to the conjunction or comma that opens it.
            var j = k
            while j >= scope.lowerBound && j > k - 8 && !isCoordination(j) { j -= 1 }
            guard j - 2 >= scope.lowerBound, isCoordination(j) else { break }
            var c = j - 1
            if forms[j] != "," && forms[c] == "," { c -= 1 }
            guard let (p, pr) = participant(at: c), pr.upperBound == c + 1, p.entity != nil, isName(p),
                !out.contains(where: { $0.entity == p.entity }), p.entity != name.entity
            else { break }
            guard pr.lowerBound - 1 >= scope.lowerBound, forms[pr.lowerBound - 1] == "," else {
                // "La cancelliera Angela Merkel, il presidente della Commissione, Barroso, e …": the
                // list's first member may carry its title before the name instead of a comma, at the
                // clause's start.
                if !out.isEmpty, forms[j] == ",", pr.lowerBound - scope.lowerBound <= 3, !isPlace(p),
                    !(scope.lowerBound..<pr.lowerBound).contains(where: { doc.tokens.flags[$0].contains(.punctuation) || clauseAt[$0] >= 0 }
                    )
                {
                    out.insert(p, at: 0)
                }
                break
            }
            out.insert(p, at: 0)
            k = pr.lowerBound - 2
        }
        return out
    }

    /// A person's name set off by commas right before a verb group at `g`, after a phrase that ends
    /// in an actor (`Il giudice di Roma, Valerio Savio, ha`): the apposition that names the subject.
    func appositionName(before g: Int, in scope: Range<Int>) -> Event.Participant? {
        guard g - 2 >= scope.lowerBound, forms[g - 1] == ",", let (p, r) = participant(at: g - 2), r.upperBound == g - 1,
            p.entity != nil, isName(p), !isPlace(p), r.lowerBound - 2 >= scope.lowerBound, forms[r.lowerBound - 1] == ",",
            participant(at: r.lowerBound - 2) != nil
        else { return nil }
        // "sostenuti dal capogruppo …, Altero Matteoli,": inside an agent phrase, no subject.
        if agentPhraseStart(holding: r.lowerBound - 2, in: scope) != nil { return nil }
        let m = Int(mentionAt[r.lowerBound])
        return doc.mentions[m].type == .person ? p : nil
    }
}

extension EventFinder {
    /// The subject a clause names after its verb's complements: the first person or organisation
    /// that no preposition governs, before another clause opens (a complementiser, a relative, `;`,
    /// `:` or a quotation). Commas and `e` inside a list of complements do not stop the search.
    func lateSubject(after t: Int, in s: Range<Int>) -> [Event.Participant] {
        var k = t
        while k < s.upperBound {
            if forms[k] != "," && forms[k] != "e" && bound.contains(forms[k]) || doc.tokens.flags[k].contains(.quoteMark) { return [] }
            if context.is(k, .complementiser) || relative.contains(forms[k]) { return [] }
            guard let (p, r) = participant(at: k), r.lowerBound == k else {
                k += 1
                continue
            }
            var v = k - 1
            while v > t,
                article.contains(forms[v]) && !isAnyPreposition(v) || quantity.contains(forms[v]) || doc.tokens.flags[v].contains(.number)
            {
                v -= 1
            }
            // (A name right after another, "dal gup del tribunale di Brescia Silvia Milesi", is in
            // apposition to it; a noun after a participle is its complement, "donne ritenute agenti".)
            let governed =
                v >= t
                && (isPrepositionWord(v) || forms[v] == "," || mentionAt[v] >= 0 || doc.tokens.flags[v].contains(.capitalized)
                    || rules.isParticiple(forms[v]))
            let m = Int(mentionAt[k])
            let kind = m >= 0 ? doc.mentions[m].type : .person
            if !governed, kind == .person || kind == .organization, !isPlace(p) { return [p] }
            k = r.upperBound
        }
        return []
    }
}
