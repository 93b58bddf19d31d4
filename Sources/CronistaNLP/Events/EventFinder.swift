import CronistaCore

/// Per-document work of ``EventComponent``: finds triggers sentence by sentence, drops the ones the
/// guidelines exclude, fills the arguments, links quotes and joins re-mentions.
struct EventFinder {
    let doc: Document
    let rules: any LanguageRules
    let lexicon: EventLexicon
    /// Lower-cased token forms (`’` as `'`).
    let forms: [String]
    /// Per token, the mention covering it, or -1.
    var mentionAt: [Int32]
    /// Per mention, its tokens and entity (-1 when none).
    var mentionTokens: [Range<Int>] = []
    var mentionEntity: [Int] = []
    /// Per token, the quote whose content holds it, or -1; and the quote whose cue holds it.
    var contentOf: [Int32]
    var cueOf: [Int32]
    /// The sentence of each token.
    var sentenceOf: [Int32]
    /// The clause machinery over this document (subjects, objects, agents of any verb group).
    let context: ClauseContext
    /// Per entity, whether the knowledge base says it is a country.
    let isCountry: [Bool]
    /// Per entity, the document's entity for the country it lies in (itself for a country), else -1.
    let countryEntity: [Int]
    /// Per entity, the knowledge base's code of the country it is or lies in, if known.
    let countryCode: [String?]
    /// Plural country demonyms after a plural article (`i francesi`, `gli israeliani`): by token, the
    /// document's entity for that country, or -1 when the text names it no other way.
    var demonymEntity: [Int: Int] = [:]
    /// Authorities named by their nationality (`un giudice italiano`, `la polizia portoghese`,
    /// `le autorità egiziane`): the noun's token and the document's entity for that country, in text
    /// order; only countries the text also names.
    var authorityCountry: [(token: Int, entity: Int)] = []
    /// The knowledge base, for the nationality adjectives an actor's search reads past.
    let kb: KnowledgeBase?
    /// The document's clauses (the clause layer's, or computed for the events).
    let clauses: [Clause]
    /// Per token, the clause whose lexical verb it is, or -1.
    var clauseAt: [Int32]
    // The lexicon's word lists, looked up once.
    let aux: Set<String>, negation: Set<String>, hypothesis: Set<String>, purpose: Set<String>, plan: Set<String>
    let location: Set<String>, agent: Set<String>, bound: Set<String>, article: Set<String>, sourceOf: Set<String>
    let passiveAux: Set<String>, perfect: Set<String>, actorNouns: Set<String>, copula: Set<String>, quantity: Set<String>
    /// Actor nouns that are adjectives right after another noun (`fonti ufficiali`).
    let actorAdjectives: Set<String>
    /// Words before a place someone comes from (`originario di`, `nato a`).
    let origin: Set<String>
    /// Relative adverbs that open a clause of their own (`dove`).
    let relativeAdverb: Set<String>
    /// Plural object pronouns (`li`, `le`): they stand for a group, not a person.
    let pluralClitic: Set<String>
    /// Endings of a finite verb in the third person plural (`-no`, `-ero`).
    let pluralVerbEnding: [String]
    /// Endings of a plural determiner (`molte`, `alcuni`).
    let pluralEnding: [String]
    let future: [String], conditional: [String], present: [String], pastRemote: [String]
    let announce: Set<String>, thirdPerson: Set<String>
    /// `sia X che Y`: the words that open a correlative pair and the ones that join it; `nei
    /// confronti di`: the noun of a phrase that names whom an act is aimed at.
    let both: Set<String>, bothAnd: Set<String>, toward: Set<String>
    /// Relative pronouns that can be a clause's subject (`X, che ha firmato`), and the object
    /// pronouns before a verb group that stand for an actor named earlier (`lo ha accusato`).
    let relative: Set<String>, proclitic: Set<String>
    /// Unstressed pronouns between a negation and its verb group (`non l'hanno sostenuta`).
    let clitic: Set<String>
    /// Nouns of things (`@non-actor`): a plain noun phrase they head does not act (`il colera`).
    let nonActor: Set<String>
    /// Regional constructs PLOVER codes as no actor (`Occidente`).
    let uncoded: Set<String>
    /// Verbs of sending a message (`ha inviato una lettera … per esortarlo`): a speech act they are
    /// done for is made.
    let communicating: Set<String>
    /// Verbs of claiming an act of one's own (`rivendicato di aver lanciato`).
    let claiming: Set<String>
    /// Verbs of denying, accusing or suspecting (`ha negato di aver incontrato`, `accusa la Georgia di
    /// aver sparato`): a perfect infinitive they govern is not asserted.
    let unasserted: Set<String>
    /// Nouns of organisations whose name may follow them (`il movimento Black Lives Matter`).
    let organisationNoun: Set<String>
    /// Light verbs whose object noun is the act (`compie una visita`, `effettua un raid`).
    let lightVerb: Set<String>
    /// Forms of being in a state (`è in visita`).
    let stateVerb: Set<String>
    /// Verb forms in the first person singular (`condanno`): inside a quotation, the speaker's act.
    let firstPersonVerb: Set<String>
    /// Forms of verbs that act on an act (`@acting-on`), and nouns of complex prepositions
    /// (`@preposition-head`: `a seguito di`).
    let actingOn: Set<String>, prepositionHead: Set<String>
    /// Group nouns for protesters (`manifestanti`, `folla`): who protests when the text says no more.
    let protester: Set<String>
    /// `un altro corteo` (another act, no re-mention); sentence adverbs inside a verb group after an
    /// auxiliary (`ha invece chiesto`); `quest'ultimo` (the last actor named).
    let another: Set<String>, adverb: Set<String>, latter: Set<String>, demonstrative: Set<String>
    /// Words of a phrase of frequency (`più volte`): inside a multi-word form they are skipped like adverbs.
    let frequency: Set<String>
    /// Irregular participles of trigger verbs (`ucciso`); forms of `essere` that make a transitive
    /// participle passive (`è accusato`) unless a reflexive pronoun stands with them; plural role
    /// nouns that stand for the people of the act just told (`i capi di stato`).
    let participles: Set<String>, essere: Set<String>, reflexive: Set<String>, pluralGroup: Set<String>
    /// `prima di aver incassato`: the word before `di` and the auxiliaries of a perfect infinitive
    /// that report a real act; `il Paese`, the country the text is about.
    let before: Set<String>, perfectInfinitiveAux: Set<String>, countryNoun: Set<String>
    /// Nouns of streets and buildings (`viale`, `carcere`): a place they name is no jurisdiction.
    let facility: Set<String>
    /// Verbs of receiving (`ricevuto`, `subisce`): the subject of one is the target of the event noun it governs.
    let receive: Set<String>
    /// Words after an event noun that schedule it (`prevista`, `in_programma`): it has not happened yet.
    let scheduled: Set<String>
    /// Prepositions of time before an event noun (`durante le proteste`): the act is an anchor.
    let timeAnchor: Set<String>
    /// Verbs whose negation leaves the act they govern standing (`non è stata vietata la manifestazione`).
    let negationKeeps: Set<String>
    /// Words of a time expression that place it after the article (`prossimo`, `domani`).
    let futureTime: Set<String>
    /// Auxiliaries in the future tense (`sarà`, `verranno`): the `@aux` forms with a `@future` ending,
    /// whose stems are too short for ``hasSuffix(_:_:)``.
    let futureAuxiliary: Set<String>
    /// Nouns of "in … di" that make the noun after them what the clause's act is done as (`in segno di
    /// protesta`).
    let signOf: Set<String>
    /// Words of charging before `di` (`accusati di rivolta`): the act after them is the charge, no event.
    let charged: Set<String>
    /// Nouns whose "di" complement is a quality, not an act (`@quality-of`: `commissione d'inchiesta`,
    /// `uomo di mediazione`, `diritto di sciopero`).
    let qualityOf: Set<String>
    /// Names of time zones (`UTC`, `GMT`): a country in brackets after one is the reader's clock.
    let timeZone: Set<String>
    /// Infinitives that make the act named by the noun they govern (`organizzare`), and ones that act on
    /// an act already there (`disperdere`, `revocare`): see the purpose check in ``candidate``.
    let makingVerb: Set<String>, undoingVerb: Set<String>
    /// Forms of "arrivare"/"giungere" (and "fino") before "a" + an infinitive: a real act ("arrivando a minacciare").
    let reach: Set<String>
    /// Words that open another clause (`mentre`, `;`, `perché`): a place named after them is that
    /// clause's, and no verb before them governs an event noun after them.
    let clauseBreak: Set<String>
    /// Forms of verbs of coming (`arrivano`, `giungono`, `vengono`): an event noun "comes from" its actor.
    let coming: Set<String>
    /// Singular determiners (`alcuna`, `nessun`, `ogni`): a form after one that is also a noun is the noun.
    let nounDeterminer: Set<String>
    /// Numbers written as words (`due`, `tre`): after an article and before no noun they name people (`ai due`).
    let numberWord: Set<String>
    /// Forms of "avere" that receive an act named right after them (`avrà il sostegno di X`).
    let have: Set<String>
    /// Verbs of judging or commenting (`definito`, `ha commentato`): their subject is not the actor of the act they name.
    let judging: Set<String>
    /// Verbs that avert or end the act an event noun they govern names (`sventato`, `perso`): no event.
    let averting: Set<String>
    /// Pronouns that are a clause's unknown subject (`chi ha sparato`).
    let freeRelative: Set<String>
    /// Pronouns before a relative `che` that name nobody known (`coloro che hanno ucciso`).
    let unknownAntecedent: Set<String>
    /// A cleft's forms of `essere` and the words between it and the actor (`è proprio Bossi a…`).
    let cleftVerb: Set<String>, cleftFiller: Set<String>
    /// Forms of deciding before `di` + an infinitive: a planned act (`ha deciso di ritirare`).
    let decide: Set<String>
    /// Words before a bare participle that make it a comparison (`come richiesto dal pm`).
    let comparative: Set<String>
    /// Nouns of those who investigate (`procura`, `pm`): an inquiry's actor when they are its complement.
    let investigator: Set<String>
    /// `insieme a X` after a trigger that has a target: one more target.
    let together: Set<String>
    /// Endings of irregular participles (`disposto`, `messo`, `inflitto`).
    let participleEndings: [String]
    /// Endings of nouns of action (`uccisione`, `approvazione`): whose "da parte di" follows them.
    let actionNounEndings: [String]
    /// The prepositions that put a phrase out of subject position (location, agent, `di`, `con`,
    /// `su`, `contro`, `per`).
    let anyPreposition: Set<String>
    /// Enclitic pronouns as bytes (the lexicon's `@enclitic`).
    let enclitic: [[UInt8]]

    /// An event being built, with what the joining step needs.
    struct Candidate {
        var event: Event
        var kind: EventLexicon.Kind
        var lemma: String
        var sentence: Int
        /// The source came from the text around the trigger, not from a fallback.
        var explicitSource: Bool
        /// A reciprocal act (`scontri`, `vertice`): every participant is a source.
        var reciprocal = false
        /// A passive verb: its clause's subject is the target.
        var passive = false
        /// The source is a subject the clause layer carried over from an earlier sentence.
        var carriedSource = false
    }

    /// The country a plural demonym names (`francesi`, `tedeschi`, `belgi`): its singular adjective
    /// is a country's in the knowledge base. `scratch` holds the folded form, its ending swapped in
    /// place (no string per try).
    static func demonymCountry(_ f: String, kb: KnowledgeBase, scratch: inout [UInt8]) -> Int? {
        guard f.utf8.count > 4, f.hasSuffix("i") else { return nil }
        scratch.removeAll(keepingCapacity: true)
        NameFolding.append(f, to: &scratch)
        let n = scratch.count
        guard n > 4, scratch[n - 1] == UInt8(ascii: "i") else { return nil }
        func lookup() -> Int? { scratch.withUnsafeBufferPointer { kb.country(adjectiveFolded: $0) } }
        for ending in [UInt8(ascii: "e"), UInt8(ascii: "o"), UInt8(ascii: "a")] {
            scratch[n - 1] = ending
            if let c = lookup() { return c }
        }
        // `tedeschi` → `tedesco`, `-ghi` → `-go`.
        if scratch[n - 2] == UInt8(ascii: "h"), scratch[n - 3] == UInt8(ascii: "c") || scratch[n - 3] == UInt8(ascii: "g") {
            scratch.removeLast()
            scratch[n - 2] = UInt8(ascii: "o")
            return lookup()
        }
        return nil
    }

    /// The country a nationality adjective names in any gender and number (`italiano`, `portoghese`,
    /// `egiziane`, `francesi`).
    static func adjectiveCountry(_ f: String, kb: KnowledgeBase, scratch: inout [UInt8]) -> Int? {
        guard f.utf8.count > 4 else { return nil }
        if let c = demonymCountry(f, kb: kb, scratch: &scratch) { return c }
        scratch.removeAll(keepingCapacity: true)
        NameFolding.append(f, to: &scratch)
        func lookup() -> Int? { scratch.withUnsafeBufferPointer { kb.country(adjectiveFolded: $0) } }
        if let c = lookup() { return c }
        // `egiziane` → `egiziana`.
        guard scratch.last == UInt8(ascii: "e") else { return nil }
        scratch[scratch.count - 1] = UInt8(ascii: "a")
        return lookup()
    }

    /// Whether token `t` is a lower-case nationality adjective after a word (`la ricercatrice francese
    /// Clotilde Reiss`), which an actor's search reads past as part of the noun phrase. Looked up only
    /// for the few words that search skips.
    func isNationality(_ t: Int) -> Bool {
        guard let kb, t > 0, mentionAt[t] < 0, !doc.tokens.flags[t].contains(.capitalized), doc.tokens.flags[t - 1].contains(.word)
        else { return false }
        var scratch: [UInt8] = []
        return Self.adjectiveCountry(forms[t], kb: kb, scratch: &scratch) != nil
    }

    /// The finder for `doc`, or nil when no word of it can be a trigger (most of the work skipped).
    static func make(
        _ doc: Document, pack: LanguagePack, lexicon: EventLexicon, kb: KnowledgeBase? = nil, forms: [String]? = nil,
        classes: [WordClasses]? = nil
    ) -> EventFinder? {
        let forms = forms ?? ClauseContext.forms(of: doc)
        // The sentences with a possible trigger, and the one before each (a subject left unsaid is
        // inherited from there): the clause analysis needs no others.
        var only = [Bool](repeating: false, count: doc.sentences.count)
        var any = false
        let enclitic = lexicon.encliticBytes
        for (si, s) in doc.sentences.enumerated() {
            for t in s.tokenRange where t < forms.count {
                let f = forms[t]
                if lexicon.entries[f] != nil || Self.withoutEnclitic(f, enclitic).map({ lexicon.entries[$0] != nil }) == true {
                    only[si] = true
                    if si > 0 { only[si - 1] = true }
                    any = true
                    break
                }
            }
        }
        guard any else { return nil }
        // The clause layer when it ran, else the same analysis done here (it is off by default).
        let context = ClauseContext(doc, pack: pack, forms: forms, classes: classes)
        let clauses = doc.clauses.isEmpty ? context.clauses(only: only) : doc.clauses
        return EventFinder(doc, lexicon: lexicon, context: context, clauses: clauses, kb: kb)
    }

    init(_ doc: Document, lexicon: EventLexicon, context: ClauseContext, clauses: [Clause], kb: KnowledgeBase?) {
        self.doc = doc
        self.context = context
        self.kb = kb
        let pack = context.pack
        let forms = context.forms
        let kbEntries = doc.entities.map { e -> KBEntity? in
            guard let kb else { return nil }
            if let id = e.kb, let i = kb.byID[id] { return kb.entities[Int(i)] }
            // A country's own name the linker left alone (NER reads `la Serbia ha chiesto` as an
            // organisation): for jurisdiction, still that country.
            guard e.kb == nil, e.type == .organization || e.type == .location,
                let c = kb.candidates(for: e.name, type: .location).first, c.match == .primaryLanguageName, !c.surnameOnly
            else { return nil }
            let k = kb.entities[c.entity]
            return k.subtype == "country" || k.subtype == "sovereignty" ? k : nil
        }
        let isCountry = kbEntries.map { $0?.subtype == "country" || $0?.subtype == "sovereignty" }
        self.isCountry = isCountry
        var countryByCode: [String: Int] = [:]
        for (ei, k) in kbEntries.enumerated() where isCountry[ei] {
            if let code = k?.iso, countryByCode[code] == nil { countryByCode[code] = ei }
        }
        countryCode = kbEntries.enumerated().map { ei, k in isCountry[ei] ? k?.iso : k?.countryCode }
        countryEntity = kbEntries.enumerated().map { ei, k in
            if isCountry[ei] { return ei }
            guard let code = k?.countryCode else { return -1 }
            return countryByCode[code] ?? -1
        }
        rules = pack.rules
        self.lexicon = lexicon
        self.forms = forms
        self.clauses = clauses
        let n = doc.tokens.count
        mentionAt = [Int32](repeating: -1, count: n)
        contentOf = [Int32](repeating: -1, count: n)
        cueOf = [Int32](repeating: -1, count: n)
        sentenceOf = [Int32](repeating: -1, count: n)
        clauseAt = [Int32](repeating: -1, count: n)
        for (ci, c) in clauses.enumerated() where c.verb.head < n { clauseAt[c.verb.head] = Int32(ci) }
        for (si, s) in doc.sentences.enumerated() { for t in s.tokenRange where t < n { sentenceOf[t] = Int32(si) } }
        mentionEntity = [Int](repeating: -1, count: doc.mentions.count)
        for (ei, e) in doc.entities.enumerated() { for m in e.mentions where m < mentionEntity.count { mentionEntity[m] = ei } }
        mentionTokens.reserveCapacity(doc.mentions.count)
        for (mi, m) in doc.mentions.enumerated() {
            let r = Self.tokens(of: m.range, in: doc)
            mentionTokens.append(r)
            // The outermost mention wins ("il presidente della Bielorussia" over "Bielorussia").
            for t in r {
                let cur = Int(mentionAt[t])
                if cur < 0 || mentionTokens[cur].lowerBound > r.lowerBound
                    || (mentionTokens[cur].lowerBound == r.lowerBound && mentionTokens[cur].count < r.count)
                {
                    mentionAt[t] = Int32(mi)
                }
            }
        }
        if let kb {
            // The document's entity for a knowledge-base country, if the text names it.
            func documentEntity(_ c: Int) -> Int? {
                let id = kb.entities[c].id
                return kbEntries.firstIndex { $0?.id == id }
            }
            let articles = lexicon.list("article-mp")
            var scratch: [UInt8] = []
            for t in 1..<max(1, n) where mentionAt[t] < 0 && articles.contains(forms[t - 1]) {
                guard !doc.tokens.flags[t].contains(.capitalized), let c = Self.demonymCountry(forms[t], kb: kb, scratch: &scratch)
                else { continue }
                demonymEntity[t] = documentEntity(c) ?? -1
            }
            let investigator = lexicon.list("investigator")
            for t in 1..<max(1, n)
            where investigator.contains(forms[t - 1]) && mentionAt[t] < 0 && !doc.tokens.flags[t].contains(.capitalized) {
                guard let c = Self.adjectiveCountry(forms[t], kb: kb, scratch: &scratch) else { continue }
                if let e = documentEntity(c) { authorityCountry.append((t - 1, e)) }
            }
        }
        for (qi, q) in doc.quotes.enumerated() {
            for t in Self.tokens(of: q.content, in: doc) { contentOf[t] = Int32(qi) }
            if let c = q.cue { for t in Self.tokens(of: c, in: doc) { cueOf[t] = Int32(qi) } }
        }
        let l = lexicon
        aux = l.list("aux")
        negation = l.list("negation")
        hypothesis = l.list("hypothesis")
        purpose = l.list("purpose")
        plan = l.list("plan")
        location = l.list("location")
        agent = l.list("agent")
        bound = l.list("bound")
        article = l.list("article")
        sourceOf = l.list("source-of")
        passiveAux = l.list("passive")
        perfect = l.list("perfect")
        actorNouns = l.list("actor")
        actorAdjectives = l.list("actor-adjective")
        origin = l.list("origin")
        relativeAdverb = l.list("relative-adverb")
        pluralClitic = l.list("plural-clitic")
        pluralVerbEnding = l.sortedList("plural-verb-ending")
        pluralEnding = l.sortedList("plural-ending")
        copula = l.list("copula")
        quantity = l.list("quantity")
        announce = l.list("announce")
        thirdPerson = l.list("third-person")
        both = l.list("both")
        bothAnd = l.list("both-and")
        toward = l.list("toward")
        relative = l.list("relative")
        proclitic = l.list("proclitic")
        clitic = l.list("clitic")
        nonActor = l.list("non-actor")
        uncoded = l.list("uncoded")
        communicating = l.list("communicating")
        claiming = l.list("claiming")
        unasserted = l.list("unasserted")
        organisationNoun = l.list("organisation-noun")
        lightVerb = l.list("light-verb")
        stateVerb = l.list("state-verb")
        firstPersonVerb = l.list("first-person-verb")
        actingOn = l.list("acting-on")
        prepositionHead = l.list("preposition-head")
        protester = l.list("protester")
        another = l.list("another")
        adverb = l.list("adverb")
        frequency = l.list("frequency")
        latter = l.list("latter")
        demonstrative = l.list("demonstrative")
        participles = l.list("participle")
        essere = l.list("essere")
        reflexive = l.list("reflexive")
        pluralGroup = l.list("plural-group")
        before = l.list("before")
        reach = l.list("reach")
        have = l.list("have")
        perfectInfinitiveAux = l.list("perfect-infinitive")
        cleftVerb = l.list("cleft-verb")
        cleftFiller = l.list("cleft-filler")
        decide = l.list("decide")
        comparative = l.list("comparative")
        investigator = l.list("investigator")
        together = l.list("together")
        countryNoun = l.list("country-noun")
        facility = l.list("facility")
        receive = l.list("receive")
        scheduled = l.list("scheduled")
        timeAnchor = l.list("time-anchor")
        negationKeeps = l.list("negation-keeps")
        futureTime = l.list("future-time")
        signOf = l.list("sign-of")
        charged = l.list("charged")
        qualityOf = l.list("quality-of")
        timeZone = l.list("time-zone")
        makingVerb = l.list("making-verb")
        undoingVerb = l.list("undoing-verb")
        coming = l.list("coming")
        clauseBreak = l.list("clause-break")
        nounDeterminer = l.list("noun-determiner")
        numberWord = l.list("number-word")
        judging = l.list("judging")
        averting = l.list("averting")
        freeRelative = l.list("free-relative")
        unknownAntecedent = l.list("unknown-antecedent")
        participleEndings = l.sortedList("participle-ending")
        actionNounEndings = l.sortedList("action-noun-ending")
        enclitic = l.encliticBytes
        anyPreposition = l.anyPreposition
        let futureEndings = l.sortedList("future")
        future = futureEndings
        let auxiliaries = aux
        futureAuxiliary = auxiliaries.filter { a in futureEndings.contains { a.hasSuffix($0) } }
        pastRemote = l.sortedList("past-remote")
        conditional = l.sortedList("conditional")
        present = l.sortedList("present")
    }

    /// The tokens a text range covers.
    static func tokens(of r: TextRange, in doc: Document) -> Range<Int> {
        let a = doc.tokens.firstToken(endingAfter: r.startUTF8)
        var b = a
        while b < doc.tokens.count && doc.tokens.starts[b] < r.endUTF8 { b += 1 }
        return a..<max(a, b)
    }

    func range(_ t: Range<Int>) -> TextRange {
        TextRange(startUTF8: doc.tokens.starts[t.lowerBound], endUTF8: doc.tokens.ends[t.upperBound - 1])
    }

    /// Whether the document holds two or more different words of the lexicon's list `name` (an
    /// entry's `notin=`); read only for the few entries that ask.
    func documentHolds(_ name: String, atLeast n: Int = 2) -> Bool {
        let words = lexicon.list(name)
        var seen = Set<String>()
        for f in forms where words.contains(f) {
            seen.insert(f)
            if seen.count >= n { return true }
        }
        return false
    }

    /// Every event of the document, in text order, re-mentions joined.
    mutating func find() -> [Event] {
        var found: [Candidate] = []
        for (si, s) in doc.sentences.enumerated() {
            var i = s.tokenRange.lowerBound
            let end = min(s.tokenRange.upperBound, forms.count)
            while i < end {
                // A word inside a name is not a trigger ("la Consulta").
                guard mentionAt[i] < 0 || doc.mentions[Int(mentionAt[i])].form != .name,
                    let list = lexicon.entries[forms[i]] ?? Self.withoutEnclitic(forms[i], enclitic).flatMap({ lexicon.entries[$0] })
                else {
                    i += 1
                    continue
                }
                // The longest entry that gives an event: a form that is a verb and a noun
                // ("negoziati", "accusa") is the noun where the verb reading fails.
                var next = i + 1
                var from = 0
                // "Un giudice ha condannato …": once the words a sense needs are there (a judge,
                // years), the lemma's other readings that need nothing are not tried.
                var senseFound: String?
                while let (k, entry, length) = match(list, at: i, end: end, from: from) {
                    from = k + 1
                    if let lemma = senseFound, entry.lemma == lemma, entry.need.isEmpty, !entry.needPersonName { continue }
                    let r = i..<(i + length)
                    if var c = candidate(entry, at: r, sentence: si, sentenceTokens: s.tokenRange.lowerBound..<end, previous: found.last) {
                        standForRecentPeople(&c, found: found)
                        found.append(c)
                        next = r.upperBound
                        break
                    }
                    next = max(next, r.upperBound)
                    if !entry.need.isEmpty { senseFound = entry.lemma }
                }
                i = next
            }
        }
        return join(found)
    }

    /// "I capi di stato dovrebbero incontrare…" after Putin and Lukashenko's talks: a source that is
    /// one plural group noun with its article (`@plural-group`) stands for the people of the latest
    /// act told in this sentence or the two before that has two or more of them, each a participant
    /// (as the guidelines count a plural mention).
    func standForRecentPeople(_ c: inout Candidate, found: [Candidate]) {
        guard c.event.source.count == 1, c.event.source[0].entity == nil else { return }
        let t = Self.tokens(of: c.event.source[0].range, in: doc)
        guard t.count == 1, pluralGroup.contains(forms[t.lowerBound]), t.lowerBound > 0, article.contains(forms[t.lowerBound - 1])
        else { return }
        for p in found.reversed() {
            if c.sentence - p.sentence > 2 { break }
            let people = p.event.source + p.event.target
            if people.count >= 2, people.allSatisfy({ $0.entity.map { doc.entities[$0].type == .person } ?? false }) {
                c.event.source = people
                return
            }
        }
    }

    /// A gerund or infinitive without its enclitic pronoun (`accusandolo` → `accusando`,
    /// `criticarli` → `criticare`), when the form carries one of the lexicon's `@enclitic`.
    static func withoutEnclitic(_ f: String, _ enclitic: [[UInt8]]) -> String? {
        let u = f.utf8
        guard u.count > 7 else { return nil }
        // Bytes, not String.hasSuffix: this runs on every long word of every article.
        var tail: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        var k = 0
        for b in u.reversed() {
            switch k {
            case 0: tail.0 = b
            case 1: tail.1 = b
            case 2: tail.2 = b
            case 3: tail.3 = b
            case 4: tail.4 = b
            default: tail.5 = b
            }
            k += 1
            if k == 6 { break }
        }
        let last = [tail.0, tail.1, tail.2, tail.3, tail.4, tail.5]
        for c in enclitic where c.count + 3 < u.count && c.count <= 3 {
            var match = true
            for (i, b) in c.reversed().enumerated() where last[i] != b {
                match = false
                break
            }
            guard match else { continue }
            let n = c.count
            // Before the pronoun: a gerund's "ndo" or an infinitive's "ar", "er", "ir".
            if n + 3 <= 6, last[n] == UInt8(ascii: "o"), last[n + 1] == UInt8(ascii: "d"), last[n + 2] == UInt8(ascii: "n") {
                return String(decoding: u.dropLast(n), as: UTF8.self)
            }
            if last[n] == UInt8(ascii: "r"), [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i")].contains(last[n + 1]) {
                return String(decoding: u.dropLast(n), as: UTF8.self) + "e"
            }
        }
        return nil
    }

    /// The longest entry from `list[from...]` matching at `i` whose needed words are close by, with its
    /// index and the number of tokens the match spans.
    func match(_ list: [EventLexicon.Entry], at i: Int, end: Int, from: Int = 0) -> (Int, EventLexicon.Entry, Int)? {
        guard from < list.count else { return nil }
        for (k, e) in zip(list.indices[from...], list[from...]) where i + e.tokens.count <= end {
            // The form's words in order; up to two adverbs may stand between them ("si sono spesso
            // scagliati", "si sono anche impegnati").
            var after = i + 1
            var ok = true
            for w in e.tokens.dropFirst() {
                var skipped = 0
                // (Only when the word comes within the next two: most entries fail on their second word.)
                while after < end, forms[after] != w, skipped < 2,
                    after + 1 < end && forms[after + 1] == w || skipped == 0 && after + 2 < end && forms[after + 2] == w,
                    isAdverb(after) || frequency.contains(forms[after])
                {
                    after += 1
                    skipped += 1
                }
                guard after < end, forms[after] == w else {
                    ok = false
                    break
                }
                after += 1
            }
            guard ok else { continue }
            if !e.need.isEmpty || e.needPersonName {
                let lo = max(0, i - 4)
                let hi = min(end, after + 5)
                // `@person`: a person's name after a compound verb will do (`ha attaccato Salvini`; after
                // a simple one the name is as often its subject: `in salita attacca Gilbert`, unless the
                // verb is a direct quotation's cue: `«…», attacca Salvini` is Salvini's attack), or right
                // after a noun's preposition (`l'attacco di Grillo a Napolitano`, not `l'attacco è
                // condannato da Obama`).
                func isPersonName(_ t: Int) -> Bool {
                    mentionAt[t] >= 0 && doc.mentions[Int(mentionAt[t])].type == .person && doc.mentions[Int(mentionAt[t])].form == .name
                }
                let person =
                    e.needPersonName
                    && (e.kind == .noun
                        ? after + 1 < end && (isPreposition(after, "di") || isPreposition(after, "a") || isPreposition(after, "contro"))
                            && isPersonName(after + 1)
                        : ((max(0, i - 3)..<i).contains { aux.contains(forms[$0]) }
                            || (cueOf[i] >= 0 && doc.quotes[Int(cueOf[i])].kind == .direct))
                            && (after..<hi).contains(where: isPersonName))
                // The clause's own subject or agent counts wherever it stands, with the title before
                // a name up to the punctuation before it: `la giudice della Corte … Gabriele Cannon ha
                // emesso la sentenza, condannando Bezuidenhout` is a judge's sentence.
                func actorNeeded() -> Bool {
                    guard e.kind == .verb else { return false }
                    let c = clauseAt[i] >= 0 ? clauses[Int(clauseAt[i])] : nil
                    let subject =
                        rules.isGerund(forms[i])
                        ? governingSubject(before: i, sentence: Int(sentenceOf[i])) : c?.subjectIsInherited == false ? c?.subject : nil
                    for r in [subject, c?.passiveAgent] {
                        guard let r, r.upperBound <= i || r.lowerBound >= after else { continue }
                        var k = r.lowerBound - 1
                        while k >= 0, k >= r.lowerBound - 10, sentenceOf[k] == sentenceOf[i], doc.tokens.flags[k].contains(.word) { k -= 1 }
                        if ((k + 1)..<r.upperBound).contains(where: { e.need.contains(forms[$0]) }) { return true }
                    }
                    return false
                }
                guard person || (lo..<hi).contains(where: { e.need.contains(forms[$0]) }) || actorNeeded() else { continue }
            }
            if !e.infinitiveAfter.isEmpty {
                // Within seven words, a name counting as one ("è stato invitato dal Presidente della
                // Repubblica Carlo Azeglio Ciampi a riferire").
                var k = after
                var words = 0
                var found = false
                while k < end - 1 && words < 7 {
                    // ("invitando la gente a non avvicinarsi": a negation may stand before the infinitive.)
                    let v = k + 2 < end && negation.contains(forms[k + 1]) ? k + 2 : k + 1
                    if e.infinitiveAfter.contains(forms[k]) && rules.isInfinitive(forms[v]) {
                        found = true
                        break
                    }
                    k = mentionAt[k] >= 0 ? max(k + 1, mentionTokens[Int(mentionAt[k])].upperBound) : k + 1
                    words += 1
                }
                guard found else { continue }
            }
            if !e.not.isEmpty {
                var lo = max(0, i - 3)
                // The antecedent of a relative object ("le scuse continue che Piacentini ha chiesto").
                if let r = (max(0, i - 5)..<i).last(where: { relative.contains(forms[$0]) }),
                    !(r..<i).contains(where: { doc.tokens.flags[$0].contains(.punctuation) })
                {
                    lo = max(0, r - 3)
                }
                // Past a phrase of frequency ("ha chiesto più volte scusa") or an adverb in -mente
                // ("respinge fortemente le accuse").
                var next = after
                while next < end && next < after + 2
                    && (frequency.contains(forms[next]) || forms[next].count > 6 && forms[next].hasSuffix("mente"))
                { next += 1 }
                // One word further after an article ("ha accusato un forte dolore").
                let hi = min(end, next + (next < end && article.contains(forms[next]) ? 3 : 2))
                if (lo..<hi).contains(where: { e.not.contains(forms[$0]) }) { continue }
            }
            // "ha manifestato il profondo cordoglio": a direct object makes the verb one of expressing.
            if !e.notAfter.isEmpty, after < end, e.notAfter.contains(forms[after]) { continue }
            return (k, e, after - i)
        }
        return nil
    }
}
