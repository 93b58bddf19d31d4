import CronistaCore

extension EventFinder {
    /// Joins later mentions of an event to it (`coref`): an event noun without its own actor (`i
    /// colloqui`), a restatement by the same lemma and source (a headline and its body), more words of
    /// one speech act in one quotation. Events left without a source are dropped.
    func join(_ found: [Candidate]) -> [Event] {
        let anchors = SentenceAnchors(self, sentences: Set(found.map(\.sentence)))
        var kept: [Candidate] = []
        for c in found {
            if let i = kept.lastIndex(where: { sameEvent($0, c, anchors) }) {
                // The fuller mention carries the event: a verb over a noun, more named participants.
                let old = kept[i]
                if better(c, than: old) {
                    var main = c
                    main.event.coref = [old.event.trigger] + old.event.coref
                    if main.event.quote == nil { main.event.quote = old.event.quote }
                    if main.event.location == nil { main.event.location = old.event.location }
                    if main.event.target.isEmpty { main.event.target = old.event.target }
                    if main.event.claim == nil && main.kind == old.kind { main.event.claim = old.event.claim }
                    kept[i] = main
                } else {
                    kept[i].event.coref.append(c.event.trigger)
                    if kept[i].event.target.isEmpty && c.kind == .verb && old.kind == .verb { kept[i].event.target = c.event.target }
                    // Two agentless acts of authority, a headline and its body: the jurisdiction of the
                    // body's sentence, which names the place ("arrestati tre cittadini statunitensi" ·
                    // "a Teheran sono stati arrestati", Iraq named after Teheran: Iran).
                    if !old.explicitSource, !c.explicitSource, old.sentence == 0, c.sentence > 0, isHeadline(0), !c.event.source.isEmpty {
                        kept[i].event.source = c.event.source
                    }
                    if kept[i].event.claim == nil && c.kind == old.kind { kept[i].event.claim = c.event.claim }
                }
                // A visit and the talks held during it are one CONSULT: the visitor → the host.
                for v in [old, c] where v.event.type == "CONSULT" && v.event.mode == "visit" && v.explicitSource {
                    kept[i].event.mode = "visit"
                    let talks = kept[i].event.source + kept[i].event.target
                    guard let visitor = v.event.source.first?.entity, talks.count > 1,
                        let at = talks.firstIndex(where: { $0.entity == visitor })
                    else { continue }
                    kept[i].event.source = [talks[at]]
                    kept[i].event.target = talks.enumerated().filter { $0.offset != at }.map(\.element)
                }
                continue
            }
            if c.event.source.isEmpty { continue }
            // "ha arrestato e perquisito due attivisti": the first of two verbs of one type joined by
            // "e" shares the second's object.
            if let p = kept.last, p.kind == .verb, c.kind == .verb, p.sentence == c.sentence, p.event.type == c.event.type,
                p.event.target.isEmpty, p.event.source.map(\.range) == c.event.source.map(\.range),
                joinedByE(p.event.trigger, c.event.trigger)
            {
                kept[kept.count - 1].event.target = c.event.target
            }
            kept.append(c)
        }
        return kept.map(\.event)
    }

    /// Whether the span `second` starts right after an "e" that follows the span `first` (`arrestati e
    /// incarcerati`).
    func joinedByE(_ first: TextRange, _ second: TextRange) -> Bool {
        let end = Self.tokens(of: first, in: doc).upperBound
        return end + 1 < forms.count && forms[end] == "e" && Self.tokens(of: second, in: doc).lowerBound == end + 1
    }

    /// Whether two participants name one actor: the same entity or the same mention (two mentions
    /// of `persone` are no evidence of the same people).
    func sameParticipant(_ p: Event.Participant, _ q: Event.Participant) -> Bool {
        (p.entity != nil && p.entity == q.entity) || p.range == q.range
    }

    /// Whether two participant lists name one actor (``sameParticipant(_:_:)``).
    func sharesParticipant(_ a: [Event.Participant], _ b: [Event.Participant]) -> Bool {
        a.contains { p in b.contains { sameParticipant(p, $0) } }
    }

    /// Whether two participant lists share an entity the text names (not a bare actor noun).
    func sharesNamedParticipant(_ a: [Event.Participant], _ b: [Event.Participant]) -> Bool {
        a.contains { p in p.entity != nil && b.contains { $0.entity == p.entity } }
    }

    /// Whether sentence `si` is a headline: a line of its own, without a final full stop.
    func isHeadline(_ si: Int) -> Bool {
        guard si < doc.sentences.count else { return false }
        let r = doc.sentences[si].tokenRange
        return !r.isEmpty && forms[r.upperBound - 1] != "." && context.breakAfter(r.upperBound - 1)
    }

    /// Whether candidate `b` should carry the event joined with `a`: an explicit source over none (or
    /// over one carried over from an earlier sentence), a verb over a noun, else more named participants.
    func better(_ b: Candidate, than a: Candidate) -> Bool {
        guard b.explicitSource && !b.event.source.isEmpty else { return false }
        if !a.explicitSource || a.event.source.isEmpty { return true }
        if b.carriedSource != a.carriedSource { return a.carriedSource }
        if a.kind == .noun && b.kind == .verb { return true }
        return b.event.source.count + b.event.target.count > a.event.source.count + a.event.target.count
    }

    func sameEvent(_ a: Candidate, _ b: Candidate, _ anchors: SentenceAnchors) -> Bool {
        guard a.event.type == b.event.type else { return false }
        let ea = Set(a.event.source.compactMap(\.entity))
        let eb = Set(b.event.source.compactMap(\.entity))
        // One speech act in one quotation.
        if let qa = a.event.quote, let qb = b.event.quote, qa.quote == qb.quote, qa.role == .act, qb.role == .act { return true }
        // The actor's own account of an act just reported: a speech act in a quotation of the next
        // sentence that names the act's target ("ha convocato l'ambasciatore" … «L'ambasciatore è
        // stato informato del carattere inaccettabile…»).
        if b.kind == .content, a.kind == .verb, b.sentence - a.sentence <= 1, b.sentence >= a.sentence, let q = b.event.quote {
            let content = Self.tokens(of: doc.quotes[q.quote].content, in: doc)
            for t in a.event.target {
                let tt = Self.tokens(of: t.range, in: doc)
                let head = forms[tt.upperBound - 1]
                if content.contains(where: { forms[$0] == head && !article.contains(head) }) { return true }
            }
        }
        // "ha contestato il risultato, denunciando brogli": a gerund of the same sentence that goes
        // on with the same act by the same actor.
        if a.kind == .verb, b.kind == .verb, a.sentence == b.sentence, !a.event.source.isEmpty,
            ea == eb && !ea.isEmpty || a.event.source.map(\.range) == b.event.source.map(\.range),
            a.event.target.isEmpty || Set(b.event.target.compactMap(\.entity)).isSubset(of: a.event.target.compactMap(\.entity)),
            rules.isGerund(forms[Self.tokens(of: b.event.trigger, in: doc).upperBound - 1])
        {
            return true
        }
        // Different kinds of the act are different acts (a charge is no re-mention of a criticism).
        guard a.event.mode == b.event.mode || a.event.mode == nil || b.event.mode == nil else { return false }
        // "era stato ucciso dalla polizia; … uno dei poliziotti gli aveva sparato": violence against
        // one target told twice in one sentence is one act.
        if a.event.type == "ASSAULT", a.sentence == b.sentence, a.kind == .verb, b.kind == .verb, !a.reciprocal, !b.reciprocal,
            !a.event.target.isEmpty, sharesParticipant(a.event.target, b.event.target)
        {
            return true
        }
        // "Sono stati arrestati e incarcerati … due esponenti", "ha arrestato e incarcerato": two verbs
        // joined by "e" telling an act of one kind and mode are one act (the first may already be a
        // mention of a headline's act).
        if a.kind == .verb, b.kind == .verb, a.event.mode != nil, a.event.mode == b.event.mode,
            joinedByE(a.event.trigger, b.event.trigger) || a.event.coref.contains(where: { joinedByE($0, b.event.trigger) })
        {
            return true
        }
        // "un altro corteo", "nuovi scontri": another act of the kind. A clash is no re-mention of a
        // one-sided act (the shooting before it).
        if b.kind == .noun {
            let t = Self.tokens(of: b.event.trigger, in: doc).lowerBound
            if t > 0, another.contains(forms[t - 1]) { return false }
            if a.reciprocal != b.reciprocal { return false }
        }
        // Sentences dated differently tell different acts ("Nel 1956 venne arrestato … Nel 1962 venne
        // arrestato"); so do material acts in sentences naming different places (a visit's talks may
        // be held at a seat of power in another named place).
        if a.sentence != b.sentence,
            anchors.datedDifferently(a.sentence, b.sentence)
                || (a.event.type != "CONSULT" && anchors.placedDifferently(a.sentence, b.sentence))
        {
            return false
        }
        // "l'arresto di più di 500 persone" after an arrest of Derek Chauvin: a noun that names a
        // target of its own, none of the first act's, tells another act.
        if b.kind == .noun, !a.event.target.isEmpty, !b.event.target.isEmpty, !sharesParticipant(a.event.target, b.event.target) {
            return false
        }
        // A noun re-mention without an actor of its own, or with the same one: near the act, or
        // anywhere when it names the same named target ("l'arresto di Gbagbo" late in the text).
        if b.kind == .noun && (!b.explicitSource || b.event.source.isEmpty || (!eb.isEmpty && eb.isSubset(of: ea))) {
            return b.sentence - a.sentence <= 6 || sharesNamedParticipant(a.event.target, b.event.target)
        }
        // A headline and its body's first sentence telling one act, one of them without its actor
        // ("arrestato il primario Marcelletti" · "È stato arrestato dalla polizia … Carlo Marcelletti").
        // ("avviata un'inchiesta sui presunti evasori" · "È stata aperta un'inchiesta da parte della
        // procura": a noun in the next sentence, neither naming a target. Two verbs there may tell two
        // arrests.)
        if a.lemma == b.lemma, !a.explicitSource || !b.explicitSource, b.sentence - a.sentence <= 2,
            sharesNamedParticipant(a.event.target, b.event.target)
                || (b.sentence - a.sentence == 1 && (a.kind == .noun || b.kind == .noun) && a.event.target.isEmpty
                    && b.event.target.isEmpty)
        {
            return true
        }
        // A headline restated by the body's first sentences ("Arrestati esponenti dell'opposizione" ·
        // "la polizia ha arrestato quattro esponenti"; "La Virginia si scusa" · "l'assemblea generale
        // della Virginia si scusa"): the same lemma, or the same mode, and participants that do not
        // conflict (shared, or one side unnamed or only a jurisdiction).
        // (Words of two lemmas only for a material act: a lede may sum up several criticisms.)
        // (Targets that no entity names on either side, with the same lemma, are one group told twice:
        // "arrestati quattro dell'opposizione" · "ha arrestato quattro esponenti dell'opposizione".)
        if a.sentence == 0, isHeadline(0), b.sentence <= 2,
            a.lemma == b.lemma || (!Self.speechActs.contains(a.event.type) && a.event.mode != nil && a.event.mode == b.event.mode),
            a.event.target.isEmpty || b.event.target.isEmpty || sharesParticipant(a.event.target, b.event.target)
                || a.lemma == b.lemma && a.event.target.allSatisfy({ $0.entity == nil }) && b.event.target.allSatisfy({ $0.entity == nil }),
            !a.explicitSource || !b.explicitSource || sharesParticipant(a.event.source, b.event.source)
                || a.event.source.allSatisfy(isPlace) || b.event.source.allSatisfy(isPlace)
                || a.lemma == b.lemma
                    && (a.event.source.allSatisfy({ $0.entity == nil }) || b.event.source.allSatisfy({ $0.entity == nil }))
        {
            return true
        }
        // "si è dimesso ieri il presidente Nasheed … Successivamente, si è dimesso": a material act
        // told again without its actor (the subject carried over from the last act named, or from the
        // sentence before by the clause layer) is the act told before.
        // (Not an act of authority: "è stato arrestato" again in a text of many arrests is
        // another arrest, its source a jurisdiction.)
        if a.lemma == b.lemma, b.kind == .verb, a.explicitSource, !b.explicitSource || b.carriedSource,
            !Self.speechActs.contains(b.event.type),
            !Self.authority.contains(b.event.type),
            b.event.target.isEmpty || a.event.target.isEmpty || sharesParticipant(a.event.target, b.event.target)
        {
            return true
        }
        // The same act said again: same lemma, same named source, same targets.
        if a.lemma == b.lemma, !ea.isEmpty, ea == eb {
            let ta = Set(a.event.target.compactMap(\.entity))
            let tb = Set(b.event.target.compactMap(\.entity))
            // A headline without the target its body names ("La Grecia ratifica l'accordo").
            return ta == tb || tb.isEmpty || ta.isEmpty
        }
        return false
    }
}

/// What anchors the sentences holding candidate triggers in place and time: the places they name
/// (entities) and the calendar values of their dates, read once per document for the joining step.
struct SentenceAnchors {
    private var places: [Int: Set<Int>] = [:]
    private var dates: [Int: [String]] = [:]

    init(_ f: EventFinder, sentences: Set<Int>) {
        let doc = f.doc
        for (mi, m) in doc.mentions.enumerated() where m.type == .location && m.form == .name && f.mentionEntity[mi] >= 0 {
            let si = Int(f.sentenceOf[f.mentionTokens[mi].lowerBound])
            guard sentences.contains(si) else { continue }
            places[si, default: []].insert(f.mentionEntity[mi])
            // A city and its country are one place ("Bielorussia, arrestati …" · "a Minsk").
            let c = f.countryEntity[f.mentionEntity[mi]]
            if c >= 0 { places[si, default: []].insert(c) }
        }
        for t in doc.times where t.kind == .date || t.kind == .time {
            // A reference to the present or past ("ora", "in passato") dates no act apart.
            guard t.value.first?.isNumber == true else { continue }
            let si = Int(f.sentenceOf[EventFinder.tokens(of: t.range, in: doc).lowerBound])
            if sentences.contains(si) { dates[si, default: []].append(t.value) }
        }
    }

    /// Whether both sentences name places and none of them is the same entity ("A Los Angeles …
    /// l'arresto di 500 persone" after arrests in Louisville).
    func placedDifferently(_ a: Int, _ b: Int) -> Bool {
        guard let pa = places[a], let pb = places[b] else { return false }
        return pa.isDisjoint(with: pb)
    }

    /// Whether both sentences hold a time expression and none of their values is shared.
    func datedDifferently(_ a: Int, _ b: Int) -> Bool {
        guard let va = dates[a], let vb = dates[b] else { return false }
        return !va.contains(where: vb.contains)
    }
}
