import CronistaCore

extension EventFinder {
    static let cooperative: Set<String> = ["CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"]
    static let speechActs: Set<String> = ["ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"]
    static let needTarget: Set<String> = ["COOPERATE", "AID", "SANCTION"]
    /// Acts that happened even when refused ("ha rigettato l'istanza").
    static let madeEvenIfRefused: Set<String> = ["REQUEST", "ACCUSE"]
    /// Acts of public authority that take the named jurisdiction as source when agentless.
    static let authority: Set<String> = ["COERCE", "SANCTION", "ACCUSE"]
    /// Material force: its purpose clause names whom it is used against.
    static let force: Set<String> = ["ASSAULT", "COERCE"]

    /// Whether `f` ends in one of `suffixes` after a stem of at least three letters. The
    /// auxiliaries `avrebbe`, `sarebbe` stay out: a past conditional reports an act (hearsay).
    func hasSuffix(_ f: String, _ suffixes: [String]) -> Bool { suffixes.contains { f.hasSuffix($0) && f.count > $0.count + 2 } }

    /// The event a trigger match gives, or nil when the guidelines exclude it.
    func candidate(
        _ e: EventLexicon.Entry, at trig: Range<Int>, sentence si: Int, sentenceTokens s: Range<Int>, previous: Candidate?
    ) -> Candidate? {
        var e = e
        // A quotation whose content holds its own cue is no reading of this trigger.
        var quote = contentOf[trig.lowerBound]
        if quote >= 0 && holdsOwnCue(Int(quote)) { quote = -1 }
        if e.kind == .content { return speechActInContent(e, at: trig, quote: quote, sentence: si) }
        // "chiedo ai proprietari di poter mangiare": a first person outside any quotation is the
        // writer's own diary, no act of public life.
        if quote < 0, e.kind == .verb,
            firstPersonVerb.contains(forms[trig.upperBound - 1]) || rules.isFirstPersonVerb(forms[trig.upperBound - 1]),
            contentOf[trig.lowerBound] < 0
        {
            return nil
        }
        // "Mayweather ha condotto l'incontro": in a sports report a meeting is a match.
        if let about = e.notInDocumentWith, documentHolds(about) { return nil }
        // The verb group: auxiliaries, modals, clitics and negation before the trigger.
        var g = trig.lowerBound
        if e.kind == .verb {
            while true {
                // "ha a sua volta esaltato": the phrase sits inside the verb group.
                if g - 4 >= s.lowerBound, forms[g - 1] == "volta", ["sua", "loro"].contains(forms[g - 2]), forms[g - 3] == "a",
                    aux.contains(forms[g - 4])
                {
                    g -= 3
                }
                guard
                    g > s.lowerBound
                        && (aux.contains(forms[g - 1]) || negation.contains(forms[g - 1]) || plan.contains(forms[g - 1])
                            || (g - 2 >= s.lowerBound && isAdverb(g - 1)
                                && aux.contains(forms[g - 2])))
                else { break }
                // "stato" is an auxiliary only after one ("è stato"), not the noun ("capo di stato");
                // a finite passive auxiliary ("viene", "venne", "fu") always is.
                if passiveAux.contains(forms[g - 1])
                    && (rules.isParticiple(forms[g - 1]) || ["stato", "stata", "stati", "state"].contains(forms[g - 1]))
                    && !(g - 2 >= s.lowerBound && aux.contains(forms[g - 2]))
                {
                    break
                }
                g -= 1
            }
        } else {
            while g > s.lowerBound && aux.contains(forms[g - 1]) && g > trig.lowerBound - 3 { g -= 1 }
        }
        let group = g..<trig.upperBound
        // A refusal worded as a negation (`negated` entries) needs one in its verb group or right
        // before it; any other act a negation denies.
        let negatedGroup = group.contains(where: { negation.contains(forms[$0]) }) || (g > s.lowerBound && negation.contains(forms[g - 1]))
        if e.negated != negatedGroup { return nil }
        // "una breve visita", "l'intera visita", "della visita": a bare finite form after a noun
        // phrase's opener (and at most one word) is the noun, not the verb.
        if e.kind == .verb, g == trig.lowerBound, !rules.isInfinitive(forms[g]), !rules.isGerund(forms[g]),
            opensNounPhrase(before: g, in: s)
        {
            return nil
        }
        // "non l'hanno sostenuta", "non ne ha chiesto": a negation before the verb group's pronouns.
        if e.kind == .verb, !e.negated {
            var k = g
            while k > s.lowerBound && k > g - 3 && clitic.contains(forms[k - 1]) { k -= 1 }
            if k < g && k > s.lowerBound && negation.contains(forms[k - 1]) { return nil }
        }
        // "si è ucciso", "si sarebbe ucciso": violence done to oneself is no event ("si è rifiutato",
        // "si incontrarono" are).
        // "si sono scontrati con la polizia": a reciprocal act is no violence done to oneself.
        // (The pronoun may ride on the auxiliary: "dopo essersi sparato alla testa".)
        // (A form that holds its reflexive pronoun, "si è fatto esplodere", is no such act; it is
        // active, too: see `passive` below.)
        let formHoldsReflexive = e.tokens.contains { reflexive.contains($0) }
        if e.kind == .verb, e.type == "ASSAULT", !e.reciprocal, !formHoldsReflexive,
            (g..<trig.upperBound).contains(where: { reflexive.contains(forms[$0]) })
        {
            return nil
        }
        // Hypothetical or feared: a marker earlier in the clause.
        var k = g - 1
        while k >= s.lowerBound && !bound.contains(forms[k]) {
            if hypothesis.contains(forms[k]) { return nil }
            // "non è stato trovato un accordo", "non aveva fatto alcuna richiesta": an act named by a
            // noun its clause denies did not happen ("non è stata vietata la manifestazione" leaves it).
            if e.kind == .noun, negation.contains(forms[k]), !(k + 1..<g).contains(where: { negationKeeps.contains(forms[$0]) }) {
                return nil
            }
            k -= 1
        }
        // "desiderano che le armi siano vietate", "teme che venga arrestato": the clause a hypothesis
        // verb governs.
        if k - 1 >= s.lowerBound, forms[k] == "che", hypothesis.contains(forms[k - 1]) { return nil }
        // The lexicon's form for a verb with an enclitic pronoun ("accusandolo" → "accusando").
        // In a verb entry of several words ("salirà al Quirinale") the verb is its participle,
        // gerund or infinitive, else its first word.
        var head = forms[trig.upperBound - 1] == e.tokens.last ? forms[trig.upperBound - 1] : e.tokens.last ?? ""
        // ("si è fatto esplodere", "facendosi esplodere": a participle or gerund before an infinitive
        // is the verb.)
        if e.kind == .verb && trig.count > 1 {
            // (So is the word right after an auxiliary inside the form: "fatto" is no regular participle.)
            let v =
                trig.first {
                    rules.isParticiple(forms[$0]) || rules.isGerund(forms[$0])
                        || Self.withoutEnclitic(forms[$0], enclitic).map(rules.isGerund) == true
                        || $0 > trig.lowerBound && aux.contains(forms[$0 - 1])
                }
                ?? trig.last { rules.isInfinitive(forms[$0]) }
            head = forms[v ?? trig.lowerBound]
        }
        var type = e.type
        var mode = e.mode
        // "la richiesta di impeachment", "l'istanza di scarcerazione": what a request noun asks for
        // is part of it.
        if e.kind == .noun, let p = previous, p.kind == .noun, p.sentence == si, p.event.type == "REQUEST" {
            let pEnd = Self.tokens(of: p.event.trigger, in: doc).upperBound
            if pEnd < g, isPreposition(pEnd, "di"), (pEnd + 1..<g).allSatisfy({ article.contains(forms[$0]) }) { return nil }
        }
        if e.kind == .noun, let p = previous, p.kind == .verb, p.sentence == si {
            // What a request asks for, a threat threatens or a refusal refuses is part of it ("chiede
            // la scarcerazione", "minacciano attentati", "negando la scarcerazione"); a request or a
            // charge that is refused was still made.
            let pEnd = Self.tokens(of: p.event.trigger, in: doc).upperBound
            if p.event.type == "REQUEST" || p.event.type == "THREATEN"
                || (p.event.type == "REJECT" && !Self.madeEvenIfRefused.contains(type)),
                pEnd <= g,
                (pEnd..<g).allSatisfy({ article.contains(forms[$0]) })
            {
                return nil
            }

            // "ha invitato i sindacati a ritirare lo sciopero": the object of an infinitive the
            // request governs is what it asks for.
            var k = g - 1
            while k > pEnd && article.contains(forms[k]) { k -= 1 }
            if p.event.type == "REQUEST", pEnd <= k, g - pEnd <= 10, rules.isInfinitive(forms[k]),
                !(pEnd..<g).contains(where: { doc.tokens.flags[$0].contains(.punctuation) })
            {
                return nil
            }
        }
        // "per tenere una manifestazione", "ha deciso di organizzare le proteste": an act a purpose
        // governs has not happened; one a purpose acts on has ("per disperdere il corteo", "cercano
        // di soffocare le proteste"). After "di" only an infinitive of making one counts.
        // For a noun, the word before its articles.
        var beforeArticles = g - 1
        if e.kind == .noun {
            while beforeArticles > s.lowerBound && article.contains(forms[beforeArticles]) { beforeArticles -= 1 }
            let k = beforeArticles
            if k > s.lowerBound, rules.isInfinitive(forms[k]), !rules.isParticiple(forms[k]), purpose.contains(forms[k - 1]) {
                let made = isPreposition(k - 1, "di") ? makingVerb.contains(forms[k]) : !undoingVerb.contains(forms[k])
                if made { return nil }
            }
            // "accusati di rivolta", "con l'accusa di spionaggio": what a charge charges is part of it.
            if type != "ACCUSE", k > s.lowerBound, isPreposition(k, "di"), charged.contains(forms[k - 1]) { return nil }
            // "la commissione d'inchiesta", "un uomo di mediazione", "il diritto di sciopero": a kind, no act.
            // ("i preparativi della protesta": "di" with its article.)
            // ("la commissione indipendente d'inchiesta": one adjective may stand between.)
            if g == trig.lowerBound, g - 2 >= s.lowerBound, isPreposition(g - 1, "di"),
                qualityOf.contains(forms[g - 2])
                    || (g - 3 >= s.lowerBound && qualityOf.contains(forms[g - 3]) && doc.tokens.flags[g - 2].contains(.word)
                        && !doc.tokens.flags[g - 2].contains(.capitalized) && !article.contains(forms[g - 2]) && !isAnyPreposition(g - 2)
                        && clauseAt[g - 2] < 0)
            {
                return nil
            }
            // "è stato sventato un attentato", "ha perso il sostegno russo": an act the governing verb
            // averts or ends did not take place; a negated one did ("non ha impedito"). (The word before
            // the articles too: "ha perso il sostegno", whose irregular participle heads no verb group.)
            // ("per evitare la procedura di impeachment": past a noun whose "di" complement it is.)
            var outer = k
            if k - 1 > s.lowerBound, isPreposition(k, "di"), doc.tokens.flags[k - 1].contains(.word), !isAnyPreposition(k - 1) {
                outer = k - 2
                while outer > s.lowerBound && article.contains(forms[outer]) { outer -= 1 }
            }
            let verb = governingVerb(of: g, in: s).flatMap { averting.contains(forms[$0.head]) ? $0.head : nil }
            if let v = verb ?? (k >= s.lowerBound && averting.contains(forms[k]) ? k : nil)
                ?? (outer != k && averting.contains(forms[outer]) ? outer : nil),
                !(max(s.lowerBound, v - 4)..<v).contains(where: { negation.contains(forms[$0]) })
            {
                return nil
            }
        }
        // An announced retreat is a concession ("annunciò la liberazione").
        if type == "RETREAT", e.kind == .noun, (max(s.lowerBound, g - 3)..<g).contains(where: { announce.contains(forms[$0]) }) {
            type = "CONCEDE"
            mode = nil
        }
        // "le forze di polizia hanno occupato la sede e invitato la popolazione a scendere in piazza": a
        // participle right after "e" shares the auxiliary "avere" of the act before it in its sentence,
        // and its actor.
        let coordinatedWith: Candidate? =
            e.kind == .verb && g == trig.lowerBound && g - 1 >= s.lowerBound && (forms[g - 1] == "e" || forms[g - 1] == "ed")
                && isParticiple(head, of: e) && !e.receives
            ? previous.flatMap { p in
                p.sentence == si && p.kind == .verb && !p.event.source.isEmpty
                    && Self.tokens(of: p.event.trigger, in: doc).contains { have.contains(forms[$0]) } ? p : nil
            } : nil
        // "ha deciso di ritirare": a decision is a plan too (AGREE for cooperation, CONCEDE for a retreat).
        let decided = e.kind == .verb && g == trig.lowerBound && afterWordAndDi(g, in: s, word: decide)
        let planned = group.contains { plan.contains(forms[$0]) } || decided
        // "prima di aver incassato la fiducia": a perfect infinitive reports what was done.
        let perfectInfinitive =
            e.kind == .verb && afterWordAndDi(g, in: s, word: before) && isParticiple(head, of: e)
            && group.contains { perfectInfinitiveAux.contains(forms[$0]) }
        // "La polizia ha reso noto di aver arrestato tre uomini", "Hamas ha rivendicato di aver lanciato
        // razzi": a perfect infinitive after "di" that a verb of saying or claiming governs reports a
        // done act (the speaker's claim); not one a denial or a charge governs ("ha negato di aver
        // incontrato", "accusa la Georgia di aver sparato").
        let reportedPerfect =
            e.kind == .verb && g - 2 >= s.lowerBound && isPreposition(g - 1, "di") && isParticiple(head, of: e)
            && group.contains { perfectInfinitiveAux.contains(forms[$0]) }
            && (quote >= 0 && Self.tokens(of: doc.quotes[Int(quote)].content, in: doc).lowerBound == g || claiming.contains(forms[g - 2]))
            && !(max(s.lowerBound, g - 6)..<(g - 1)).contains { unasserted.contains(forms[$0]) || negation.contains(forms[$0]) }
        // "è proprio Umberto Bossi a invocare…": a cleft names the actor of a real act.
        let cleft = e.kind == .verb && g == trig.lowerBound ? cleftActor(before: g, in: s) : nil
        // A cooperation told in the future tense: a promise (PLOVER's AGREE), the announcer's when reported.
        var promised = false
        // "arrivando a minacciare le dimissioni", "è giunto fino a chiedere": an infinitive someone went
        // as far as is a real act.
        let reached =
            e.kind == .verb && g == trig.lowerBound && g - 2 >= s.lowerBound && (forms[g - 1] == "a" || forms[g - 1] == "ad")
            && reach.contains(forms[g - 2])
        // "verrebbero condannati a morte": a passive phrase of the lexicon after a conditional is hypothetical.
        if e.kind == .noun, e.passive, (max(s.lowerBound, g - 2)..<trig.upperBound).contains(where: { hasSuffix(forms[$0], conditional) }) {
            return nil
        }
        if e.kind == .verb {
            // ("ha inviato una lettera al presidente per esortarlo": a speech act that a message is sent
            // for is made by sending it.)
            let message =
                Self.speechActs.contains(type) && g - 2 >= s.lowerBound && isPreposition(g - 1, "per")
                ? (max(s.lowerBound, g - 9)..<(g - 1)).last { communicating.contains(forms[$0]) } : nil
            let communicated = message.map { m in !(m..<(g - 1)).contains { doc.tokens.flags[$0].contains(.punctuation) } } ?? false
            if g > s.lowerBound && purpose.contains(forms[g - 1]) && !planned && !perfectInfinitive && !reportedPerfect && !communicated {
                return nil
            }
            // After an article or preposition the form is a noun ("l'accusa", "con l'accusa di", "di
            // «minaccia posta dall'esecutivo»": an opening quotation mark between).
            var before = g - 1
            while before > s.lowerBound && doc.tokens.flags[before].contains(.quoteMark) { before -= 1 }
            if g == trig.lowerBound && before >= s.lowerBound && (article.contains(forms[before]) || isAnyPreposition(before))
                && cleft == nil
                && !decided && !reached && !communicated
            {
                return nil
            }
            // A bare participle is an adjective ("gli indagati") unless the verb is passive by
            // default or an agent follows it ("un testo firmato da 27 capi di Stato").
            // (An entry whose form holds its auxiliary, `si_è_scusato`, `ha_chiesto_scusa`, is no bare participle.)
            // ("Derek Chauvin, già incriminato": sentence adverbs leave it bare.)
            let ownAuxiliary = trig.contains { aux.contains(forms[$0]) }
            let bareGroup = group.allSatisfy { trig.contains($0) || isAdverb($0) }
            // ("Amnesty ha documentato e denunciato attacchi": a participle after "e" shares the
            // auxiliary of the participle before it.)
            let sharedAuxiliary =
                g == trig.lowerBound && g - 3 >= s.lowerBound && (forms[g - 1] == "e" || forms[g - 1] == "ed")
                && rules.isParticiple(forms[g - 2]) && have.contains(forms[g - 3])
            if bareGroup && !ownAuxiliary && isParticiple(head, of: e) && !e.passive
                && !reducedPassive(after: trig.upperBound, in: s) && coordinatedWith == nil && !sharedAuxiliary
            {
                return nil
            }
            if hasSuffix(head, conditional) || group.contains(where: { hasSuffix(forms[$0], conditional) && !plan.contains(forms[$0]) }) {
                return nil
            }
            let isFuture = hasSuffix(head, future)
            // "aveva domandato di essere giustiziato", "rischiano di essere arrestati": a present passive
            // infinitive tells an act asked for or feared, not one done ("dopo essere stato arrestato" is).
            if group.count == 2, essere.contains(forms[g]), rules.isInfinitive(forms[g]), isParticiple(head, of: e), !planned, cleft == nil,
                !reached
            {
                return nil
            }
            // "i due saranno scarcerati": what only the state does, told in the future, is expected, not done.
            if e.byState, group.contains(where: { hasSuffix(forms[$0], future) || futureAuxiliary.contains(forms[$0]) }) { return nil }
            if rules.isInfinitive(head) && !rules.isParticiple(head) {
                // Only a planned act ("dovrebbero incontrare") counts, recoded as PLOVER does, or
                // one a cleft says someone did.
                guard planned || cleft != nil || reached || communicated else { return nil }
            }
            if isFuture || planned {
                if Self.cooperative.contains(type) {
                    type = "AGREE"
                    mode = nil
                    promised = isFuture
                } else if type == "RETREAT" {
                    type = "CONCEDE"
                    mode = nil
                } else if !isFuture {
                    return nil
                }
            }
        } else if e.kind == .noun,
            (trig.upperBound..<min(s.upperBound, trig.upperBound + 2)).contains(where: { scheduled.contains(forms[$0]) })
        {
            // "la manifestazione prevista per il 12 giugno": a scheduled act has not happened; a
            // cooperative one is an agreement (PLOVER's recoding), any other no event yet.
            guard Self.cooperative.contains(type) else { return nil }
            type = "AGREE"
            mode = nil
        } else if e.kind == .noun, Self.cooperative.contains(type), futureGoverning(g, in: s) != nil {
            // "il provvedimento conterrà nuovi aiuti per la Sardegna": cooperation a future verb governs
            // is promised (PLOVER's recoding).
            type = "AGREE"
            mode = nil
            promised = true
        }
        // "è accusato", "sono arrestati": a transitive trigger's participle after a form of
        // "essere" is passive (its compound tenses take "avere"); not a reflexive ("si è lamentato").
        let essereGroup =
            e.targets.contains("obj") && (trig.count == 1 || e.passive) && group.contains { essere.contains(forms[$0]) }
            && !group.contains { reflexive.contains(forms[$0]) }
        let passive =
            e.kind == .verb && isParticiple(head, of: e) && !formHoldsReflexive
            && (group.contains { passiveAux.contains(forms[$0]) } || essereGroup
                || (group.allSatisfy { trig.contains($0) || isAdverb($0) }
                    && (e.passive || reducedPassive(after: trig.upperBound, in: s))))
        // "Sull'episodio indagano i carabinieri": a verb whose object comes only in the passive ("sono
        // indagati dalla procura") has its subject, not its target, after it in the active.
        if e.objectOnlyInPassive, !passive { e.targets.removeAll { $0 == "obj" } }
        // "…, sostiene lo studio, …": a verb of support that introduces a quotation claims.
        if type == "SUPPORT", e.kind == .verb, trig.contains(where: { cueOf[$0] >= 0 }) { return nil }
        let trigger = range(group)
        var event = Event(type: type, mode: mode, trigger: trigger)
        var explicitSource = true
        var carriedSource = false
        // The antecedent of a relative pronoun that is the verb's subject, if any.
        var relativeSource: [Event.Participant] = []
        // The speaker, when a verb inside a quotation has a first-person clitic for object («mi hanno
        // arrestato»): the target.
        var speakerAsObject: Event.Participant?
        // Where to look for arguments: the sentence, or the quotation the trigger is in.
        var scope = s
        if quote >= 0 {
            let q = Self.tokens(of: doc.quotes[Int(quote)].content, in: doc)
            scope = max(s.lowerBound, q.lowerBound)..<min(s.upperBound, q.upperBound)
        }
        // The clause layer's reading of the verb: subject, object, passive agent.
        // A verb the clause layer did not take for one (it knows reporting verbs) is read with
        // the same machinery here.
        var clause =
            e.kind == .verb ? trig.lazy.compactMap { self.clause(headedBy: $0) }.first ?? clause(of: group, passive: passive, in: s) : nil
        // "Il presidente ha parlato ieri. Ha accusato Lukashenko": the name right after a transitive
        // trigger that the clause layer read as an inverted subject is its object, unless the verb
        // introduces a direct quotation ("«…», ha accusato Salvini") or a pronoun before it is the object
        // ("lo ha accusato Salvini").
        // (After a relative pronoun that is the subject, "agli azzurri, che hanno invitato Violante a
        // scusarsi", the verb cues no quotation either.)
        if var c = clause, !passive, e.targets.contains("obj"), c.object == nil, let sr = c.subject, sr.lowerBound >= trig.upperBound,
            cueOf[trig.lowerBound] < 0 || (g - 1 >= s.lowerBound && forms[g - 1] == "che")
                || speakerBefore(cue: trig.lowerBound, g),
            !group.contains(where: { proclitic.contains(forms[$0]) })
        {
            c.object = sr
            c.subject = nil
            // The subject is then left unsaid: the previous clause's, as the clause layer carries it over.
            if let ci = trig.lazy.map({ Int(self.clauseAt[$0]) }).first(where: { $0 > 0 }), clauses[ci - 1].sentence >= si - 1,
                let inherited = clauses[ci - 1].subject
            {
                c.subject = inherited
                c.subjectIsInherited = true
            }
            clause = c
        }
        // "ha liberato dopo tre mesi gli ostaggi": the object past a short phrase of manner or time.
        if var c = clause, !passive, c.object == nil, e.targets.contains("obj"), let j = pastShortAdverbial(at: trig.upperBound, in: s) {
            c.object = context.object(at: j, in: s)
            clause = c
        }
        func inScope(_ r: Range<Int>?) -> Range<Int>? {
            guard let r else { return nil }
            guard quote < 0 || (r.lowerBound >= scope.lowerBound && r.upperBound <= scope.upperBound) else { return nil }
            return r
        }
        // "come richiesto dal pubblico ministero": a comparison names the act's actor, not whom it is about.
        let comparison = passive && group.count == trig.count && g > s.lowerBound && comparative.contains(forms[g - 1])
        if passive {
            if !comparison {
                event.target = relativeAntecedent(before: g, in: scope)
                // "tre persone hanno ricevuto il Battesimo, venendo poi arrestate": a passive gerund is
                // about the subject of the clause it hangs on.
                if event.target.isEmpty, rules.isGerund(forms[g]) {
                    event.target = participants(ofArgument: inScope(governingSubject(before: g, sentence: si)))
                }
                // "George Floyd, l'afroamericano ucciso da un agente": a bare participle right after a
                // noun is about that noun (a reduced relative), not an actor further back.
                // ("il riserbo richiesto dalla Farnesina": a thing asked for is no target; a noun no actor
                // covers is a target only of violence or coercion, done to anyone.)
                // "le manifestazioni sostenute dai Fratelli Musulmani": a bare participle right after a noun
                // of a thing that is no actor describes that thing; support or cooperation given to it is
                // nobody's act towards anyone.
                if group.count == trig.count, Self.cooperative.contains(type), g - 1 >= scope.lowerBound, isPlainNoun(g - 1),
                    !doc.tokens.flags[g - 1].contains(.capitalized), participant(at: g - 1) == nil, !isAdverb(g - 1),
                    !aux.contains(forms[g - 1])
                {
                    return nil
                }
                if event.target.isEmpty, group.count == trig.count, g - 1 >= scope.lowerBound, let v = nounBefore(g, in: scope),
                    isKnownActor(v) || Self.force.contains(type) || type == "SANCTION"
                {
                    event.target = [v]
                }
                // A subject the clause layer carried over from an earlier clause yields to an actor
                // named before the verb in this one ("… e circa 1400 persone sono state arrestate").
                // ("…, ma sono state arrestate altre due persone": unless a phrase right after the participle,
                // not a preposition's, names it.)
                if event.target.isEmpty, clause?.subjectIsInherited == true, trig.upperBound < scope.upperBound,
                    !isAnyPreposition(trig.upperBound), !doc.tokens.flags[trig.upperBound].contains(.punctuation)
                {
                    event.target = actor(startingNear: trig.upperBound, in: trig.upperBound..<min(scope.upperBound, trig.upperBound + 4))
                        .filter { !isPlace($0) }
                    // ("È stato rinviato a giudizio anche l'ex capo dei servizi segreti Nicolò Pollari": the
                    // title's holder named past those four words.)
                    if event.target.count == 1 {
                        event.target = [nameAfterTitle(event.target[0], Self.tokens(of: event.target[0].range, in: doc), in: scope).0]
                    }
                }
                if event.target.isEmpty, clause?.subjectIsInherited == true { event.target = leftActor(before: g, in: scope) }
                if event.target.isEmpty {
                    event.target = participants(ofArgument: inScope(subjectAfterSetting(clause?.subject, before: g)))
                    // "Tommaso ed Elisabetta venivano arrestati": the clause layer's subject is one speaker,
                    // the first name of a compound; the whole compound undergoes the act.
                    if event.target.count == 1 {
                        let left = leftActor(before: g, in: scope)
                        if left.count > 1, left.contains(where: { sameParticipant($0, event.target[0]) }) { event.target = left }
                    }
                }
                // "Arrestato Gbagbo", "sono stati arrestati a Phnom Penh due esponenti": a subject after
                // the participle.
                if event.target.isEmpty { event.target = actor(startingNear: trig.upperBound, in: scope).filter { !isPlace($0) } }
                // "è stata rilasciata su cauzione la ricercatrice Clotilde Reiss": past a short phrase of
                // manner or time.
                if event.target.isEmpty, let j = pastShortAdverbial(at: trig.upperBound, in: scope) {
                    event.target = actor(startingNear: j, in: j..<min(scope.upperBound, j + 5)).filter { !isPlace($0) }
                }
                if event.target.isEmpty { event.target = leftActor(before: g, in: scope) }
                // "È stato arrestato stamane dalla polizia con le accuse di truffa … il cardiochirurgo
                // Carlo Marcelletti": a passive opening its sentence may name its subject last.
                if event.target.isEmpty, quote < 0,
                    (s.lowerBound..<g).allSatisfy({ isAdverb($0) || doc.tokens.flags[$0].contains(.punctuation) })
                {
                    event.target = lateSubject(after: trig.upperBound, in: s)
                }
                // "Inoltre è stato arrestato un collaboratore vicino ad al-Zarqawi": violence or coercion
                // is done to anyone, so a plain noun phrase right after the participle is its subject.
                if event.target.isEmpty, Self.force.contains(type), trig.upperBound < scope.upperBound,
                    let v = victim(in: trig.upperBound..<min(scope.upperBound, trig.upperBound + 4))
                {
                    event.target = [v]
                }
            }
            // "è accusata di complotto da parte dell'Occidente": the actor after "da parte di", not the
            // phrase "parte dell'Occidente".
            if let k = byPartOf(after: trig.upperBound, in: scope) {
                event.source = actor(startingNear: k, in: scope)
                if event.source.isEmpty, let r = capitalizedRun(at: k, in: scope) {
                    event.source = [Event.Participant(entity: nil, range: range(r))]
                }
            }
            if event.source.isEmpty { event.source = participants(ofArgument: inScope(clause?.passiveAgent)) }
            if event.source.isEmpty { event.source = agentActor(after: trig.upperBound, in: scope) }
            // "è stata rilasciata dal carcere di Clapham": a place after "da" is where from, not who.
            event.source.removeAll { isPlace($0) && !isCountryParticipant($0) }
        } else {
            // "i bombardamenti della Libia da parte dell'esercito francese": "da parte di" names the
            // actor; the "di" complement right after the noun is then its target.
            if e.kind == .noun, let k = byPartOf(after: trig.upperBound, in: scope, pastTarget: false) {
                event.source = actor(startingNear: k, in: scope)
                if !event.source.isEmpty, trig.upperBound + 1 < scope.upperBound, isPreposition(trig.upperBound, "di") {
                    event.target = actor(startingNear: trig.upperBound + 1, in: scope)
                }
            }
            // ("le dimissioni da governatore": after a retreat, "da" names the office left.)
            if e.kind == .noun, event.source.isEmpty, !e.targets.contains("obj"), trig.upperBound < scope.upperBound,
                sourceOf.contains(forms[trig.upperBound]), type != "RETREAT" || isPreposition(trig.upperBound, "di")
            {
                event.source = actor(startingNear: trig.upperBound + 1, in: scope)
            }
            // "scontri tra tifosi e polizia": a reciprocal act's sides.
            if e.kind == .noun, e.reciprocal, event.source.isEmpty {
                var k = trig.upperBound
                while k < min(scope.upperBound, trig.upperBound + 3) && !isPreposition(k, "tra") && !bound.contains(forms[k]) { k += 1 }
                if k < scope.upperBound, isPreposition(k, "tra") { event.source = actor(startingNear: k + 1, in: scope) }
            }
            // "l'istanza … presentata dalla difesa": the agent of a participle that modifies the noun.
            if e.kind == .noun, event.source.isEmpty { event.source = agentOfParticiple(after: trig.upperBound, in: scope) }
            // "le critiche al governo arrivano dall'opposizione": the actor the act comes from.
            // ("Proteste sono arrivate dai sindaci" are complaints, words, no demonstration.)
            if e.kind == .noun, event.source.isEmpty, type != "PROTEST" { event.source = comingFrom(noun: trig, in: scope) }
            // "X, in visita a Y": the phrase the noun's predicate follows.
            if e.kind == .noun, event.source.isEmpty {
                let comma = location.contains(forms[trig.lowerBound]) ? g - 1 : location.contains(forms[max(0, g - 1)]) ? g - 2 : -1
                if comma - 1 >= scope.lowerBound, forms[comma] == ",", let (p, _) = participant(at: comma - 1) { event.source = [p] }
            }
            // "Il Papa è arrivato a Cagliari per una breve visita": a visit made for the purpose of
            // a clause is its subject's.
            if e.kind == .noun, e.mode == "visit", event.source.isEmpty {
                var k = g - 1
                while k > scope.lowerBound && k > g - 4 && !isPreposition(k, "per") && !bound.contains(forms[k]) { k -= 1 }
                if k >= scope.lowerBound, isPreposition(k, "per") { event.source = leftActor(before: k, in: scope) }
            }
            if e.kind == .verb {
                let nonFinite = rules.isGerund(head) || (rules.isInfinitive(head) && !rules.isParticiple(head) && !planned)
                var subject = nonFinite ? governingSubject(before: g, sentence: si) : subjectAfterSetting(clause?.subject, before: g)
                // "… sono stati arrestati dalla polizia mentre manifestavano": a phrase that runs up to a
                // subordinator right before the verb is the clause before it, no subject.
                if let r = subject, !nonFinite, r.upperBound == g, r.count > 1, bound.contains(forms[r.upperBound - 1]),
                    doc.tokens.flags[r.upperBound - 1].contains(.word)
                {
                    subject = nil
                }
                // An overt subject first; one inherited from an earlier clause only when the
                // words before the trigger name no actor.
                // "X, che … ha firmato": the relative pronoun's antecedent.
                // "ha disperso la folla, che stava protestando": a gerund right after a subject
                // relative pronoun has the pronoun's antecedent for its subject.
                if !nonFinite || rules.isGerund(head) { relativeSource = relativeAntecedent(before: g, in: scope) }
                // "…, che succede a Pervez Musharraf, dimessosi in agosto": a bare participle right
                // after a name and its comma stands in apposition to that name, not in the relative
                // clause the name closes.
                // ("dimessosi": a participle with its enclitic pronoun.)
                if !nonFinite, g == trig.lowerBound, group.count == trig.count, g - 2 >= scope.lowerBound, forms[g - 1] == ",",
                    isParticiple(head, of: e) || reflexiveParticiple(head).map({ isParticiple($0, of: e) }) == true,
                    let (p, r) = participant(at: g - 2), r.upperBound == g - 1
                {
                    relativeSource = [p]
                }
                // A verb in the first person (not its object clitic) inside a quotation: the speaker's act.
                let spokenInFirstPerson =
                    quote >= 0
                    && (group.contains { context.is($0, [.firstPerson]) && !context.is($0, [.clitic]) } || rules.isFirstPersonVerb(head)
                        || firstPersonVerb.contains(head))
                // "una situazione che richiede un'iniziativa", "l'infortunio richiederà tempo": a subject
                // that names no actor needs rather than asks.
                // ("Il primo ministro di …": an actor anywhere in the subject; «il dialogo lo abbiamo
                // offerto»: a verb in the first person inside a quotation is the speaker's.)
                if e.needsActor, let h = subjectHead(subject, before: g, in: scope), participant(at: h) == nil,
                    !doc.tokens.flags[h].contains(.capitalized),
                    !(subject.map { r in r.contains { participant(at: $0) != nil } } ?? false), !spokenInFirstPerson
                {
                    return nil
                }
                // "È una manifestazione che chiede più diritti": a subject relative whose antecedent names a
                // thing (an event noun, `@non-actor`, an abstract noun) and no actor does not act.
                if relativeSource.isEmpty, !spokenInFirstPerson, g - 2 >= scope.lowerBound, relative.contains(forms[g - 1]),
                    let h = subjectHead(nil, before: g, in: scope), participant(at: h) == nil, isThingHead(h)
                {
                    return nil
                }
                // "il colera ha ucciso più di 180 persone": a subject right before the verb that names a
                // thing of `@non-actor` and no actor does not act.
                if relativeSource.isEmpty, let sr = subject, sr.upperBound <= g, !sr.contains(where: { participant(at: $0) != nil }),
                    (sr.upperBound..<g).allSatisfy({ aux.contains(forms[$0]) || isAdverb($0) }),
                    let h = subjectHead(subject, before: g, in: scope), nonActor.contains(forms[h])
                {
                    return nil
                }
                event.source = relativeSource
                // "…, che spara a zero sulle norme, arrivando a minacciare le dimissioni": the same actor
                // as the act the sentence told before.
                if reached, event.source.isEmpty, let p = previous, p.sentence == si, !p.event.source.isEmpty {
                    event.source = p.event.source
                }
                // "ha incontrato i sindacati, ai quali ha promesso": after a preposition the relative
                // pronoun is no subject; the clause it hangs on has it.
                if e.kind == .verb, event.source.isEmpty, !nonFinite,
                    let k = relativePronoun(before: g, in: scope, subjectBetween: false),
                    obliquePreposition(ofRelative: k, in: scope) != nil
                {
                    // Only an actor the text names ("fatti per i quali s'implora" is impersonal).
                    event.source = participants(ofArgument: inScope(governingSubject(before: k, sentence: si))).filter {
                        Self.tokens(of: $0.range, in: doc).contains { participant(at: $0) != nil }
                    }
                    if event.source.isEmpty { return nil }
                }
                let relativeSubject = !event.source.isEmpty
                // "promette di mettere in galera chi ha sparato": a free relative's unknown subject.
                // ("Subito le polemiche: chi si lamentava …, chi accusava": after punctuation it shares out
                // a group named before.)
                if g - 1 > scope.lowerBound, freeRelative.contains(forms[g - 1]), !doc.tokens.flags[g - 2].contains(.punctuation) {
                    return nil
                }
                // "catturare coloro che hanno ucciso la Bhutto": nobody known either.
                if g - 2 >= scope.lowerBound, relative.contains(forms[g - 1]), unknownAntecedent.contains(forms[g - 2]) { return nil }
                // "… e ne ha chiesto le dimissioni": a clause coordinated right before its verb has the
                // earlier clause's subject, not an actor that clause names.
                if event.source.isEmpty && !nonFinite && clause?.subjectIsInherited == true {
                    if isCoordinatedVerb(at: g, in: scope), let p = previous, p.sentence == si, p.kind == .verb, !p.event.source.isEmpty {
                        event.source = p.event.source
                    } else {
                        event.source = actorGoingOn(leftActor(before: g, in: scope), after: previous, sentence: si)
                    }
                }
                // "«… abbiamo una Guardia nazionale molto forte». Successivamente minaccia …": a subject
                // carried over from inside a quotation to a verb outside any is the quotation's speaker.
                // ("Dopo aver attaccato, il segretario difende": a perfect infinitive has the subject after it.)
                if event.source.isEmpty, !nonFinite, quote < 0, clause?.subjectIsInherited == true, let r = subject,
                    contentOf[r.lowerBound] >= 0,
                    !group.contains(where: { perfectInfinitiveAux.contains(forms[$0]) }),
                    let sp = doc.quotes[Int(contentOf[r.lowerBound])].speaker, !sp.range.isEmpty
                {
                    event.source = [speakerParticipant(sp.entity, sp.range)]
                }
                if event.source.isEmpty {
                    event.source = participants(ofArgument: inScope(subject))
                    // A subject the clause layer carried over from an earlier sentence ("La polizia ha
                    // occupato la sede. Successivamente, …, si è dimesso") is a guess, not the text's word.
                    if clause?.subjectIsInherited == true, let r = subject, r.lowerBound < s.lowerBound { carriedSource = true }
                    // "Gli studenti, gli operai e gli intellettuali protestarono": a list the clause
                    // layer read only the end of.
                    if !nonFinite, !relativeSubject, !event.source.isEmpty {
                        let left = leftActor(before: g, in: scope)
                        if left.count > event.source.count, event.source.allSatisfy({ s in left.contains { $0.range == s.range } }) {
                            event.source = left
                        }
                    }
                }
                // "Il giudice … di Roma, Valerio Savio, ha rigettato": the name in apposition right
                // before the verb is the subject, not the complement before it.
                if !nonFinite, !relativeSubject, let name = appositionName(before: g, in: scope),
                    !event.source.contains(where: { $0.entity == name.entity })
                {
                    event.source = coordinatedAppositions(before: name, in: scope) + [name]
                }
                // A subject read inside an agent phrase ("X e Y, sostenuti dal capogruppo, Z, hanno
                // chiesto"): the actors before that phrase.
                if !nonFinite, !relativeSubject, event.source.count == 1 {
                    let first = Self.tokens(of: event.source[0].range, in: doc).lowerBound
                    if first - 2 >= scope.lowerBound, first < g, forms[first - 1] == ",",
                        agentPhraseStart(holding: first - 2, in: scope) != nil
                    {
                        let left = leftActor(before: g, in: scope)
                        if !left.isEmpty { event.source = left }
                    }
                }
                // "il PM, sentendo la sentenza di colpevolezza, chiede": a noun phrase that names no
                // known actor yields to an actor before it in the same clause.
                if !nonFinite, !relativeSubject, event.source.count == 1, let left = knownActor(before: event.source[0], in: scope) {
                    event.source = left
                }
                // «Il dialogo lo abbiamo offerto»: a verb in the first person inside a quotation is
                // the speaker's act.
                // («mi hanno arrestato»: a first-person clitic before a verb in another person is its
                // object; the speaker is the target, read below.)
                if quote >= 0, let sp = doc.quotes[Int(quote)].speaker, !sp.range.isEmpty {
                    let speaker = speakerParticipant(sp.entity, sp.range)
                    if spokenInFirstPerson {
                        event.source = [speaker]
                    } else if e.targets.contains("obj"), g - 1 >= scope.lowerBound, context.is(g - 1, [.clitic]),
                        context.is(g - 1, [.firstPerson])
                    {
                        speakerAsObject = speaker
                    }
                }
                // The clause layer reads one phrase; coordinated ones before the verb are a compound actor.
                if event.source.count == 1, !nonFinite, !relativeSubject {
                    let left = leftActor(before: g, in: scope)
                    let one = event.source[0].range
                    if left.count > 1, let a = left.first?.range.startUTF8, let b = left.last?.range.endUTF8,
                        a <= one.startUTF8 && one.endUTF8 <= b
                    {
                        event.source = left
                    }
                }
            }
            if let c = cleft {
                let actor = participants(in: c)
                if !actor.isEmpty { event.source = actor }
            }
            // «Abbiamo già presentato oggi istanza di riesame»: an act named by the object of a verb in
            // the first person inside a quotation is the speaker's (told, so a report).
            if e.kind == .noun, event.source.isEmpty, quote >= 0, let sp = doc.quotes[Int(quote)].speaker, !sp.range.isEmpty,
                let verb = governingVerb(of: g, in: scope), verb.tokens.lowerBound <= verb.head,
                (verb.tokens.lowerBound...verb.head).contains(where: { context.is($0, [.firstPerson]) })
                    || rules.isFirstPersonVerb(forms[verb.head])
            {
                event.source = [speakerParticipant(sp.entity, sp.range)]
            }
            // A noun's actor by position only when a verb governs the noun ("ha espresso un forte
            // appello", "hanno usato gas lacrimogeni"); a bare noun is a topic more often than an act.
            // "è stato condannato all'ergastolo da un tribunale egiziano": a passive phrase's actor is
            // its agent, never the one before it (who undergoes it).
            let passivePhrase = e.kind == .noun && e.passive
            if passivePhrase, event.source.isEmpty { event.source = agentActor(after: trig.upperBound, in: scope) }
            // "Irinej ha definito la manifestazione una vergogna": who judges or comments on an act
            // is not its actor.
            // So is whoever criticises or rejects it ("La Lega Araba ha criticato i bombardamenti").
            // So is whoever bans, disperses or authorises it ("il governo ha vietato le proteste").
            var judged =
                e.kind == .noun && governingHead(of: g, in: s).map { judging.contains(forms[$0]) || actingOn.contains(forms[$0]) } == true
            // ("cercano di soffocare le proteste": an infinitive no clause heads, right before the noun.)
            if e.kind == .noun, !judged, beforeArticles >= s.lowerBound, actingOn.contains(forms[beforeArticles]) { judged = true }
            if e.kind == .noun, let p = previous, p.kind == .verb, p.sentence == si, p.event.type == "ACCUSE" || p.event.type == "REJECT" {
                let pEnd = Self.tokens(of: p.event.trigger, in: doc).upperBound
                if pEnd <= g, (pEnd..<g).allSatisfy({ article.contains(forms[$0]) }) { judged = true }
            }
            if event.source.isEmpty && !passivePhrase && !judged && (e.kind != .noun || isGoverned(noun: g, in: s)) {
                // "X, che annunciò la liberazione": the governing verb's relative subject.
                if e.kind == .noun, let v = governingGroupStart(of: g, in: s) { event.source = relativeAntecedent(before: v, in: scope) }
                if event.source.isEmpty {
                    let left = leftActor(before: g, in: scope)
                    // "gli agenti hanno sfidato i protestanti, … lanciando lacrimogeni": a noun a gerund
                    // governs is the act of the gerund's subject, not of the object of the verb the
                    // gerund hangs on, which is the actor nearest before it.
                    if e.kind == .noun, !left.isEmpty, beforeArticles >= s.lowerBound, rules.isGerund(forms[beforeArticles]) {
                        let object = governingObject(before: beforeArticles, in: s)
                        if left.allSatisfy({ l in object.contains { $0.range == l.range } }) {
                            event.source = participants(ofArgument: inScope(governingSubject(before: beforeArticles, sentence: si)))
                        }
                    }
                    if event.source.isEmpty { event.source = e.kind == .verb ? actorGoingOn(left, after: previous, sentence: si) : left }
                    // "Mancino, già Presidente del Senato, ha espresso sincera ammirazione": a title in an
                    // apposition before the governing verb yields to the name its finite clause has for subject.
                    if e.kind == .noun, event.source.count == 1, !isName(event.source[0]), let c = governingClause(of: g, in: s),
                        !c.subjectIsInherited, let sr = inScope(c.subject), sr.upperBound < c.verb.tokens.lowerBound,
                        !rules.isGerund(forms[c.verb.head]), !rules.isInfinitive(forms[c.verb.head])
                    {
                        let named = participants(ofArgument: sr).filter { !isPlace($0) && isName($0) }
                        if !named.isEmpty { event.source = named }
                    }
                }
            }
            // "il governatore aveva ricevuto un avviso di garanzia", "ha ricevuto critiche dal
            // sindaco": whoever receives the act is its target; its actor, if any, follows "da".
            if e.kind == .noun, let v = receivingVerb(before: g, in: scope) {
                event.target = leftActor(before: v, in: scope)
                event.source = agentActor(after: trig.upperBound, in: scope)
                // "ha ricevuto le congratulazioni del presidente": whose they are ("del Presidente
                // Napolitano e dallo stesso Berlusconi": both).
                if trig.upperBound + 1 < scope.upperBound, isPreposition(trig.upperBound, "di") {
                    let whose = actor(startingNear: trig.upperBound + 1, in: scope)
                    event.source =
                        whose
                        + event.source.filter { p in !whose.contains { sameParticipant($0, p) } }
                }
            }
            if e.targets.contains("obj"), let o = inScope(clause?.object) {
                event.target = participants(in: o)
                // "il premier Nuri al-Maliki e il presidente Jalal Talabani": the clause layer's object
                // stops at the coordinator.
                if event.target.count == 1, o.upperBound < scope.upperBound, forms[o.upperBound] == "e" || forms[o.upperBound] == "ed" {
                    let compound = actor(startingNear: o.lowerBound, in: scope)
                    if compound.count > 1, sameParticipant(compound[0], event.target[0]) { event.target = compound }
                }
                // "respinge la proposta del presidente", "chiede le dimissioni del governo",
                // "l'ostruzionismo fatto da X": whose act.
                var k = o.upperBound
                if event.target.isEmpty, k < scope.upperBound, k + 1 < scope.upperBound, rules.isParticiple(forms[k]) { k += 1 }
                if event.target.isEmpty, k < scope.upperBound, isPreposition(k, "di") || isPreposition(k, "da") {
                    event.target = actor(startingNear: k + 1, in: scope)
                }
                // "ha archiviato la richiesta di … presentata dal partito": whose the thing acted on is.
                if event.target.isEmpty { event.target = agentOfParticiple(after: o.upperBound, in: scope) }
                // "hanno ucciso l'autista", "ha ferito quattro ragazzi": violence is done to anyone the
                // text identifies (guidelines), so its object is the target even when it names no actor.
                // So is whoever is arrested ("hanno arrestato la donna").
                if event.target.isEmpty, type == "ASSAULT" || mode == "arrest", e.kind == .verb, !passive, let v = victim(in: o) {
                    event.target = [v]
                }
            }
            // "Ugo Neri, che la polizia ha arrestato": the relative pronoun is the object.
            if event.target.isEmpty, e.kind == .verb, e.targets.contains("obj") { event.target = relativeObject(before: g, in: scope) }
            if event.target.isEmpty { event.target = target(e, after: trig.upperBound, in: scope) }
            // "hanno fermato nella notte Federico Perini": the object past a time expression right after the verb.
            if event.target.isEmpty, e.kind == .verb, !passive, e.targets.contains("obj"), trig.upperBound + 1 < scope.upperBound {
                let at = isAnyPreposition(trig.upperBound) ? trig.upperBound + 1 : trig.upperBound
                if let t = doc.times.first(where: { Self.tokens(of: $0.range, in: doc).lowerBound == at }) {
                    let after = Self.tokens(of: t.range, in: doc).upperBound
                    if after < scope.upperBound, !isAnyPreposition(after) {
                        event.target = actor(startingNear: after, in: scope).filter {
                            !isPlace($0) && !sharesParticipant(event.source, [$0])
                        }
                    }
                }
            }
            if event.target.isEmpty, e.kind == .verb { event.target = obliqueRelativeTarget(e, before: g, in: scope) }
            // "Di Maio, che con Salvini tratta": the other side of talks may stand before the verb.
            if event.target.isEmpty, e.kind == .verb, e.targets.contains("con") {
                var k = g - 1
                while k >= max(scope.lowerBound, g - 5) && !bound.contains(forms[k]) && forms[k] != "," {
                    if isPreposition(k, "con") {
                        event.target = actor(startingNear: k + 1, in: (k + 1)..<g)
                        break
                    }
                    k -= 1
                }
            }
            if event.target.isEmpty, e.kind == .verb, e.targets.contains("obj"), type == "ACCUSE" || type == "SUPPORT" || type == "REJECT" {
                event.target = complementActor(after: trig.upperBound, in: s)
            }
            // "ha usato gas lacrimogeni per disperdere la folla": force used against whom its purpose names.
            if event.target.isEmpty, Self.force.contains(type) { event.target = purposeObject(after: trig.upperBound, in: scope) }
            // "hanno sfidato i protestanti, allontanandoli …, lanciando lacrimogeni": force used in a
            // gerund phrase is aimed at whom the finite verb it hangs on acts on.
            if event.target.isEmpty, Self.force.contains(type), quote < 0,
                e.kind == .verb ? rules.isGerund(head) : beforeArticles >= s.lowerBound && rules.isGerund(forms[beforeArticles])
            {
                event.target = governingObject(before: e.kind == .verb ? g : beforeArticles, in: s)
            }
            // "è salito al Quirinale per incontrare il Presidente": a visit is to whom its purpose is to meet.
            if event.target.isEmpty, e.type == "CONSULT", e.mode == "visit" {
                event.target = purposeObject(after: trig.upperBound, in: scope, verbOf: "CONSULT")
            }
        }
        // "Il giudice … ha rigettato l'istanza presentata dalla difesa": a request that an act of
        // rejection takes as its object was made to the one who rejects it.
        if e.kind == .noun, type == "REQUEST", event.target.isEmpty, let p = previous, p.sentence == si, p.kind == .verb,
            p.event.type == "REJECT", !p.event.source.isEmpty
        {
            let end = Self.tokens(of: p.event.trigger, in: doc).upperBound
            if end <= g, (end..<g).allSatisfy({ article.contains(forms[$0]) }) { event.target = p.event.source }
        }
        // "le indagini della procura": an investigator named after an inquiry is who investigates.
        // ("le indagini del pubblico ministero di Milano Elio Ramondini": or a name right after an
        // investigator's title and its complement.)
        if e.kind == .noun, e.mode == "investigate", !event.target.isEmpty,
            event.target.allSatisfy({ t in
                let r = Self.tokens(of: t.range, in: doc)
                let title = max(s.lowerBound, r.lowerBound - 5)..<r.lowerBound
                return r.contains { investigator.contains(forms[$0]) }
                    || title.contains { investigator.contains(forms[$0]) }
                        && !title.contains { doc.tokens.flags[$0].contains(.punctuation) }
            })
        {
            event.source = event.target
            event.target = []
        }
        // "Prima di aver incassato la fiducia, il premier …": the subject of the clause it precedes.
        if perfectInfinitive, event.source.isEmpty, let comma = (trig.upperBound..<s.upperBound).first(where: { forms[$0] == "," }) {
            event.source = actor(startingNear: comma + 1, in: s)
        }
        // "Il governo ha ottenuto la fiducia al Senato": the subject receives the act.
        if e.receives && !passive { swap(&event.source, &event.target) }
        // "Nel 1962 venne arrestato": a passive without a subject of its own is about the person
        // the text is about (the one it has named most so far).
        // ("Nel 2010 erano stati processati": a plural participle is about several people, never the
        // one person the text is about; the subject of the sentence before, when it names several.)
        if event.target.isEmpty, passive && !comparison || (e.kind == .noun && e.passive), quote < 0 {
            if e.kind == .noun { event.target = leftActor(before: g, in: scope) }
            // "erano stati processati e condannati": a participle sharing a passive's auxiliary after
            // "e" is about the same people.
            if event.target.isEmpty, let p = previous, p.sentence == si, p.kind == .verb, p.passive, !p.event.target.isEmpty,
                joinedByE(p.event.trigger, event.trigger)
            {
                event.target = p.event.target
            }
            // ("le dimissioni erano state chieste": a plural subject of its own, no actor, leaves the topic.)
            let thingBefore = g - 2 >= s.lowerBound && isPlainNoun(g - 1) && article.contains(forms[g - 2]) && !isAnyPreposition(g - 2)
            let participle = forms[e.kind == .verb ? trig.upperBound - 1 : trig.lowerBound]
            if event.target.isEmpty, !thingBefore, isPluralParticiple(participle) {
                event.target = pluralSubject(ofSentence: si - 1)
            } else if event.target.isEmpty {
                event.target = topic(before: g)
            }
        }
        // "accusandolo": the object pronoun stands for the last other actor of the sentence.
        if e.kind == .verb, forms[trig.lowerBound] != e.tokens[0] {
            let other = lastActor(before: g, in: s, excluding: event.source)
            if !other.isEmpty { event.target = other }
        }
        // "arrestato con l'accusa di tradimento": a charge brought with an act of the same sentence
        // is against that act's target.
        // So is its actor, when it names none ("arrestato dalla polizia con le accuse di truffa").
        if e.kind == .noun, type == "ACCUSE", event.target.isEmpty, let p = previous, p.sentence == si, !p.event.target.isEmpty,
            g - 2 >= s.lowerBound, isPreposition(g - 2, "con") || isPreposition(g - 1, "con")
        {
            event.target = p.event.target
            if event.source.isEmpty {
                event.source = p.event.source
                explicitSource = p.explicitSource
            }
        }
        // "venne arrestato … in un processo che si concluderà con l'assoluzione": a state's act named by a
        // noun without a target of its own is about whom the act of authority before it in the sentence
        // was done to.
        if e.kind == .noun, e.byState, event.target.isEmpty, let p = previous, p.sentence == si, Self.authority.contains(p.event.type),
            !p.event.target.isEmpty
        {
            event.target = p.event.target
        }
        // "lo ha accusato": the object pronoun stands for the last other actor named, in this
        // sentence or the one before.
        // A person named there comes first ("Il ministro Paolo Neri è stato criticato dall'opposizione. Il
        // segretario del Pd lo ha accusato"), and nothing inside the subject's own phrase is its object.
        // ("ne ha chiesto le dimissioni": whose the object is, when nothing else names a target.)
        if e.kind == .verb, !passive, g > scope.lowerBound,
            proclitic.contains(forms[g - 1]) || forms[g - 1] == "ne" && event.target.isEmpty && e.targets.contains("obj")
        {
            let from = quote < 0 && si > 0 ? doc.sentences[si - 1].tokenRange.lowerBound : scope.lowerBound
            var end = g - 1
            for p in event.source {
                let r = Self.tokens(of: p.range, in: doc)
                if r.lowerBound >= from, r.upperBound <= end, r.upperBound >= end - 2 { end = min(end, r.lowerBound) }
            }
            // (A plural pronoun, "li", "le", stands for a group.)
            // ("ha accusato Visco … e ne ha chiesto le dimissioni": a verb coordinated right after an act
            // stands for its target.)
            if isCoordinatedVerb(at: g, in: scope), let p = previous, p.sentence == si, !p.event.target.isEmpty {
                event.target = p.event.target
            } else if !pluralClitic.contains(forms[g - 1]),
                let person = lastActor(before: end, in: from..<scope.upperBound, excluding: event.source, accepts: isPersonName).first
            {
                event.target = [person]
            } else {
                let other = lastActor(before: end, in: from..<scope.upperBound, excluding: event.source)
                // ("era stato ucciso dalla polizia; … uno dei poliziotti gli aveva sparato": when the
                // nearest actor is who did the act told just before, the pronoun stands for whom it was
                // done to.)
                if let p = previous, p.sentence >= si - 1, !p.event.target.isEmpty, !other.isEmpty,
                    sharesParticipant(other, p.event.source), !sharesParticipant(p.event.target, event.source)
                {
                    event.target = p.event.target
                } else if !other.isEmpty {
                    event.target = other
                }
            }
        }
        // "accusandolo, insieme a Dick Cheney, di demagogia": one more target alongside the first.
        if !event.target.isEmpty {
            var k = trig.upperBound
            // After the target when it follows the trigger ("ha accusato X, insieme a Y").
            if let last = event.target.last {
                let r = Self.tokens(of: last.range, in: doc)
                if r.lowerBound >= trig.upperBound && r.lowerBound <= trig.upperBound + 3 { k = r.upperBound }
            }
            if k < scope.upperBound, forms[k] == "," { k += 1 }
            if k + 2 < scope.upperBound, together.contains(forms[k]), isPreposition(k + 1, "a") || isPreposition(k + 1, "con") {
                let more = actor(startingNear: k + 2, in: scope).filter { m in
                    !event.target.contains { $0.entity != nil && $0.entity == m.entity }
                }
                event.target += more
            }
        }
        // A reported act without a subject of its own ("ha detto che chiederà la fiducia"): the speaker's.
        if event.source.isEmpty, e.kind == .verb, !passive, quote >= 0, let speaker = doc.quotes[Int(quote)].speaker {
            event.source = [speakerParticipant(speaker.entity, speaker.range)]
        }
        // "hanno espresso «piena fiducia nella Consulta»": a speech act named by the noun that opens
        // a quotation right after its cue (at most two words before it, no verb or preposition) is
        // what the speaker does with those words.
        var openingAct = false
        if event.source.isEmpty, e.kind == .noun, g == trig.lowerBound, Self.speechActs.contains(type), quote >= 0,
            let speaker = doc.quotes[Int(quote)].speaker, !speaker.range.isEmpty, let cue = doc.quotes[Int(quote)].cue
        {
            let content = Self.tokens(of: doc.quotes[Int(quote)].content, in: doc)
            var k = content.lowerBound
            while k < g && doc.tokens.flags[k].contains(.punctuation) { k += 1 }
            var c = content.lowerBound
            while c > 0 && doc.tokens.flags[c - 1].contains(.quoteMark) { c -= 1 }
            let cueTokens = Self.tokens(of: cue, in: doc)
            let speakerActs = speakerParticipant(speaker.entity, speaker.range)
            if g - k <= 2, cueTokens.upperBound == c, isKnownActor(speakerActs),
                (k..<g).allSatisfy({ !isAnyPreposition($0) && !rules.isInfinitive(forms[$0]) && !rules.isParticiple(forms[$0]) })
            {
                event.source = [speakerActs]
                openingAct = true
                // "Fausto Bertinotti e Franco Marini, hanno espresso": a speaker coordinated with
                // others before the cue is one of a compound actor.
                let cueStart = cueTokens.lowerBound
                if let se = speaker.entity, sentenceOf[cueStart] == Int32(si) {
                    let left = leftActor(before: cueStart, in: s)
                    if left.count > 1, left.contains(where: { $0.entity == se }) { event.source = left }
                }
            }
        }
        // "Prodi ha ribadito che l'Italia parteciperà alla missione": the promise is the one who makes it.
        if promised, !passive, quote >= 0, let speaker = doc.quotes[Int(quote)].speaker {
            event.source = [speakerParticipant(speaker.entity, speaker.range)]
            event.target.removeAll { $0.entity != nil && $0.entity == speaker.entity }
        }
        // "Con queste parole si è dimesso ieri il presidente": a verb without an object may name its
        // subject right after it.
        if event.source.isEmpty, e.kind == .verb, !passive, !e.targets.contains("obj"), !e.receives {
            event.source = actor(startingNear: trig.upperBound, in: scope).filter { !isPlace($0) }
        }
        if let p = coordinatedWith {
            event.source = p.event.source
            explicitSource = p.explicitSource
            event.target.removeAll { t in p.event.source.contains { sameParticipant($0, t) } }
        }
        // (A cyber attack is no act of authority: hackers are not the state where it happened.)
        if event.source.isEmpty, Self.authority.contains(type) || e.byState, e.mode != "disapprove", e.mode != "cyber" {
            // "Secondo la polizia, a Milano sono state arrestate venti persone": an agentless act of
            // authority reported by an authority that investigates is that authority's: a speaker phrase
            // headed by an actor noun of `@investigator` (not "il Ministero degli Esteri").
            if quote >= 0, let sp = doc.quotes[Int(quote)].speaker, !sp.range.isEmpty,
                let head = Self.tokens(of: sp.range, in: doc).first(where: { !article.contains(forms[$0]) }),
                investigator.contains(forms[head]), actorNouns.contains(forms[head])
            {
                // (Named by the text, so the fuller mention when a headline's act joins it.)
                event.source = [speakerParticipant(sp.entity, sp.range)]
                explicitSource = true
            } else if passive, group.contains(where: { hasSuffix(forms[$0], future) }),
                let by = announcer(of: g, quote: quote, sentence: si), actsPublicly(by)
            {
                // "Trump ha affermato che verranno sanzionati i funzionari": a measure announced in the
                // future tense by a public figure or body is the announcer's (decided, so it keeps its type).
                event.source = [by]
                explicitSource = true
            } else {
                event.source = jurisdiction(near: s, at: g)
                explicitSource = false
            }
        }
        if event.source.isEmpty, e.kind == .verb, !passive, let p = previous, p.sentence >= si - 1, !p.event.source.isEmpty,
            quote < 0 || p.event.quote?.quote == Int(quote)
        {
            // A subject left unsaid: the last actor the text named; after a passive, its subject, the
            // target ("sono stati arrestati dalla polizia mentre manifestavano": the arrested protest).
            event.source =
                p.passive && !p.event.target.isEmpty && !p.event.target.contains(where: isPlace) ? p.event.target : p.event.source
            explicitSource = false
        }
        // "per una breve visita": the words right before a noun trigger that no entity covers are
        // its own determiner and adjectives, no actor.
        if e.kind == .noun {
            event.source.removeAll { $0.entity == nil && Self.tokens(of: $0.range, in: doc).upperBound == trig.lowerBound }
        }
        // A noun's actor found by position that is only a place ("l'attentato di Sarajevo") is none; so is
        // a town or region said to kill or wound ("devastò Tangshan uccidendo": what an earthquake did).
        if e.kind == .noun || type == "ASSAULT", !event.source.isEmpty,
            event.source.allSatisfy({ isPlace($0) && !isCountryParticipant($0) }), explicitSource
        {
            return nil
        }
        // "una scuola è crollata uccidendo 250 bambine": a building named as the actor does not act.
        if explicitSource, !event.source.isEmpty,
            event.source.allSatisfy(isBuilding)
        {
            return nil
        }
        // Protest is civil: a state or a place named as a protest's actor is no protester ("l'annuale
        // manifestazione dell'Italia").
        if type == "PROTEST", e.kind == .noun, explicitSource, !event.source.isEmpty,
            event.source.allSatisfy({ isPlace($0) || isCountryParticipant($0) })
        {
            return nil
        }
        // "Tale accusa si rivelò una ripicca", "questa protesta": a noun with a demonstrative points
        // back at an act told before; it joins that act (coref) and never stands alone.
        if e.kind == .noun, g == trig.lowerBound, g > s.lowerBound, demonstrative.contains(forms[g - 1]) {
            event.source = []
            explicitSource = false
        }
        if event.source.isEmpty && e.kind != .noun { return nil }
        // A protest named without its protesters ("le rivolte", "diversi cortei"): the protesters
        // the text names nearest, in its sentence or the one before.
        // "il PdL ha lasciato l'aula in segno di protesta": an act done as a protest is its subject's protest.
        if event.source.isEmpty, type == "PROTEST", e.kind == .noun, g - 3 >= s.lowerBound, g == trig.lowerBound,
            isPreposition(g - 1, "di"), signOf.contains(forms[g - 2]), isPreposition(g - 3, "in")
        {
            event.source = participants(ofArgument: governingSubject(before: g - 3, sentence: si)).filter { !isPlace($0) }
            explicitSource = !event.source.isEmpty
        }
        if event.source.isEmpty, type == "PROTEST", !(beforeArticles >= s.lowerBound && timeAnchor.contains(forms[beforeArticles])) {
            event.source = protesters(near: g, sentence: si)
            explicitSource = false
        }
        // "Berlusconi, dopo una giornata di colloqui con le forze alleate, lascia …": a meeting named in
        // a phrase no verb governs, with its partner named, is also that of the clause's subject.
        if event.source.isEmpty, type == "CONSULT", mode != "visit", e.kind == .noun, !event.target.isEmpty, quote < 0,
            !isGoverned(noun: g, in: s)
        {
            let holder = phraseHolder(of: g, after: trig.upperBound, in: s).filter { p in !event.target.contains { sameParticipant($0, p) }
            }
            if !holder.isEmpty {
                event.source = holder
                explicitSource = false
            }
        }
        // "La polizia ha disperso i manifestanti con i lacrimogeni": force used as the instrument of a
        // clause's act is that clause's subject's, against its object.
        if event.source.isEmpty, type == "ASSAULT", e.kind == .noun, quote < 0, let (c, with) = instrumentClause(of: g, in: s) {
            event.source = participants(ofArgument: c.subject)
            if event.target.isEmpty { event.target = participants(in: c.verb.tokens.upperBound..<with).filter { !isPlace($0) } }
        }
        if event.source.isEmpty { explicitSource = false }
        // (Whether the act is aimed at a body of public life, read before a group becomes its members:
        // "alcuni esponenti politici, tra cui …".)
        let publicTarget = event.target.contains(where: isPublicBody)
        // "I capigruppo, Elio Vito e Renato Schifani": a group followed by its named members is them.
        event.source = members(of: event.source)
        event.target = members(of: event.target)
        if let speaker = speakerAsObject {
            // Whoever acted is left unsaid: an act of authority is the jurisdiction's.
            event.source = Self.authority.contains(type) ? jurisdiction(near: s, at: g) : []
            event.target = [speaker]
        }
        // "Solamente una persona in Connecticut è stata giustiziata": what only the state does, it does to people.
        if e.byState { event.target.removeAll { isPlace($0) } }
        // "da parte dell'Occidente": a regional construct PLOVER does not code is nobody (guidelines).
        event.source.removeAll { isUncoded($0) }
        event.target.removeAll { isUncoded($0) }
        // The same entity is not both source and target.
        let sourceEntities = Set(event.source.compactMap(\.entity))
        event.target.removeAll { $0.entity.map(sourceEntities.contains) ?? false }
        // COOPERATE, AID and SANCTION without a target are not annotated (guidelines, Fields).
        if event.target.isEmpty && (Self.needTarget.contains(type) || e.needsTarget) { return nil }
        if e.reciprocal && type != "CONSULT" {
            event.source += event.target
            event.target = []
        }
        // "Napolitano ha incontrato i partiti minori" during consultations: the parties' visit to the head
        // of state who hosts them (the guidelines' visitor → host).
        if type == "CONSULT", mode != "visit", let host = consultationHost(event.source + event.target) {
            let all = event.source + event.target
            event.target = [all[host]]
            event.source = all.enumerated().filter { $0.offset != host }.map(\.element)
            mode = "visit"
            event.mode = "visit"
        }
        if type == "CONSULT" && (e.reciprocal || mode != "visit") {
            event.source += event.target.filter { t in !event.source.contains { $0.range == t.range } }
            event.target = []
        }
        event.location =
            place(after: trig.upperBound, in: s, excluding: event.source + event.target)
            ?? frontedPlace(before: g, in: s, excluding: event.source + event.target)
        // "La visita del Pontefice nel Regno Unito": a visit to a country whose host nobody names is
        // the country's (visitor → host).
        if type == "CONSULT", event.mode == "visit", event.target.isEmpty, let l = event.location, isCountryParticipant(l),
            !event.source.contains(where: { sameParticipant($0, l) })
        {
            event.target = [l]
        }
        // "il primo medico che l'ha visitato", "i familiari andarono a fargli visita": a visit with no
        // host named is a political one only when a public figure or body makes it.
        if type == "CONSULT", event.mode == "visit", event.target.isEmpty,
            !event.source.contains(where: actsPublicly)
        {
            return nil
        }
        event.date = date(group: group, sentence: s, kind: e.kind)
        // "la manifestazione organizzata per sabato prossimo": an act named by a noun and dated after
        // the article has not happened (a cooperative one is agreed, PLOVER's recoding).
        // ("in vista della prossima riunione": a future-time adjective before the noun.)
        if e.kind == .noun {
            let ahead = timeRightAfter(trig, in: s).flatMap { isAhead($0) ? $0 : nil }
            if ahead != nil || (trig.lowerBound - 1 >= s.lowerBound && futureTime.contains(forms[trig.lowerBound - 1])) {
                guard Self.cooperative.contains(event.type) else { return nil }
                event.type = "AGREE"
                event.mode = nil
                if let d = ahead?.day { event.date = d }
            }
        }
        if quote >= 0 {
            let qi = Int(quote)
            event.quote = Event.QuoteLink(quote: qi, role: openingAct ? .act : .report)
        }
        // A speech act performed by the cue: the speaker is the source (not of a passive cue, "è stato
        // esortato dal ministro a dimettersi", whose agent acts).
        if !passive, let qi = group.lazy.map({ Int(cueOf[$0]) }).first(where: { $0 >= 0 }), !holdsOwnCue(qi),
            Self.speechActs.contains(type),
            let speaker = doc.quotes[qi].speaker
        {
            // "Un giornalista chiede «È la sua Bibbia?»": a question asked is no demand.
            if type == "REQUEST" && isQuestion(qi) { return nil }
            // The clause's own relative subject wins over a speaker found farther away, and so does
            // an actor before the verb in its sentence over a speaker from an earlier sentence.
            event.source = relativeSource.isEmpty ? [speakerParticipant(speaker.entity, speaker.range)] : relativeSource
            // "l'ex ministro Maurizio Gasparri": a speaker phrase no entity covers, right before a name, is that name.
            if relativeSource.isEmpty, speaker.entity == nil, !speaker.range.isEmpty {
                let r = Self.tokens(of: speaker.range, in: doc)
                if r.upperBound < s.upperBound, let (q, qr) = participant(at: r.upperBound), q.entity != nil, isName(q) {
                    event.source = [named(q, qr)]
                }
            }
            if relativeSource.isEmpty, !rules.isGerund(head), !rules.isInfinitive(head), !speaker.range.isEmpty,
                sentenceOf[Self.tokens(of: speaker.range, in: doc).lowerBound] != Int32(si)
            {
                let left = leftActor(before: g, in: s)
                if !left.isEmpty && !left.allSatisfy({ isPlace($0) }) { event.source = left }
            }
            // "il PM, sentendo la sentenza, chiede": a speaker that names no known actor yields to an
            // actor before it in the same clause.
            if relativeSource.isEmpty, event.source.count == 1, !speaker.range.isEmpty {
                let bare = Self.tokens(of: speaker.range, in: doc)
                if bare.upperBound <= g, sentenceOf[bare.lowerBound] == Int32(si), let left = knownActor(before: event.source[0], in: s) {
                    event.source = left
                }
            }
            // "Il PM chiede la pena di morte": an actor right before the verb is its subject, whatever
            // the quotation layer took for a speaker after it.
            // ("…, che si erano allontanati dalla piazza, dove migliaia di manifestanti chiedono": so
            // does one after a clause opener that the speaker, named before it, is not in.)
            if relativeSource.isEmpty, !rules.isGerund(head), !rules.isInfinitive(head), !speaker.range.isEmpty, g > s.lowerBound,
                let (p, r) = participant(at: g - 1), r.upperBound == g, !isPlace(p),
                r.lowerBound - 1 < s.lowerBound || !isAnyPreposition(r.lowerBound - 1)
                    || r.lowerBound - 2 >= s.lowerBound && quantity.contains(forms[r.lowerBound - 2]),
                Self.tokens(of: speaker.range, in: doc).lowerBound >= trig.upperBound
                    || speakerOutside(of: r, speaker: Self.tokens(of: speaker.range, in: doc))
            {
                event.source = [named(p, r)]
            }
            // "L'avvocato della famiglia del giovane ha accusato la polizia di …": a speaker the quotation
            // layer read as the verb's object (right after it) is the target; the actor before the verb acts.
            // (The object, if the clause layer read one, starts right after the verb; the speaker starts
            // within it or right after it, or within a word of the verb when there is none. The quoted
            // words come after the speaker: words before the verb make it the inverted subject of a
            // reporting clause, "…, denuncia Giuseppe Rastrelli.")
            let spoken = Self.tokens(of: speaker.range, in: doc)
            let objectEnd =
                clause?.object.map { $0.lowerBound == trig.upperBound ? $0.upperBound : trig.upperBound - 1 } ?? trig.upperBound + 1
            if relativeSource.isEmpty, !rules.isGerund(head), !rules.isInfinitive(head), !spoken.isEmpty, e.targets.contains("obj"),
                spoken.lowerBound >= trig.upperBound, spoken.lowerBound <= objectEnd,
                Self.tokens(of: doc.quotes[qi].content, in: doc).lowerBound >= spoken.upperBound
            {
                let said = speakerParticipant(speaker.entity, speaker.range)
                let left = leftActor(before: g, in: s).filter { !isPlace($0) }
                if !left.isEmpty, !left.contains(where: { sameParticipant($0, said) }) {
                    event.source = left
                    if event.target.isEmpty { event.target = [said] }
                }
            }
            // "Elio Vito e Renato Schifani … hanno chiesto": a speaker coordinated with others
            // before the verb is one of a compound actor.
            if relativeSource.isEmpty, event.source.count == 1, let se = event.source[0].entity {
                let left = leftActor(before: g, in: s)
                if left.count > 1, left.contains(where: { $0.entity == se }) { event.source = left }
            }
            // A gerund's subject is that of the act it goes on from in its sentence ("ha chiesto
            // …, chiedendo").
            // So has a verb coordinated right after it ("ha accusato Visco … e ne ha chiesto le dimissioni").
            if relativeSource.isEmpty, rules.isGerund(head) || isCoordinatedVerb(at: g, in: s), let p = previous, p.sentence == si,
                p.kind == .verb, !p.event.source.isEmpty
            {
                event.source = p.event.source
            }
            event.quote = Event.QuoteLink(quote: qi, role: .act)
            explicitSource = true
            let sources = Set(event.source.compactMap(\.entity))
            event.target.removeAll { $0.entity.map(sources.contains) ?? false }
        }
        // "Enrico Brandimarte ha ucciso la moglie": violence where nobody is a body of public life (an
        // organisation, a place, an actor noun such as `agenti` or `uomini armati`) or a person the
        // knowledge base knows is a crime between private persons, no political event (guidelines:
        // one participant acts in a political role).
        if event.type == "ASSAULT", !publicTarget,
            !(event.source + event.target).contains(where: actsPublicly)
        {
            return nil
        }
        // "venne accusato da un amante", "un vicino ha chiesto di farsi aprire": a charge, a rebuke, a
        // request, an offer or a promise whose actor names no actor of public life (no entity, no actor
        // noun, no name), aimed at no body of public life either, is a private matter ("i portuali
        // criticano il governo" is not).
        if ["ACCUSE", "REQUEST", "AGREE"].contains(event.type), explicitSource, !event.source.isEmpty,
            !event.source.contains(where: { (isKnownActor($0) || isNamed($0)) && !isOriginPhrase($0) }), !publicTarget
        {
            return nil
        }
        // A participant phrase that runs on into a verb or a clause boundary, or names nobody and overlaps
        // a time, is a misread argument, not an actor ("il paese … è in continua espansione e", a speaker
        // read as "il fine settimana scorso").
        event.source.removeAll(where: isGarbled)
        event.target.removeAll(where: isGarbled)
        if event.source.isEmpty && e.kind != .noun { return nil }
        event.source = event.source.map { earlierHolder(of: $0) ?? $0 }
        event.target = event.target.map { earlierHolder(of: $0) ?? $0 }
        return Candidate(
            event: event, kind: e.kind, lemma: e.lemma, sentence: si, explicitSource: explicitSource, reciprocal: e.reciprocal,
            passive: passive, carriedSource: carriedSource)
    }

    /// "viene dal ministro dell'università e della Ricerca" after "dal Ministro dell'università e della
    /// Ricerca, Fabio Mussi": a title and its `di` complement that the text named a person with there or
    /// before (in apposition, or right before the name) is that person; nil otherwise.
    func earlierHolder(of p: Event.Participant) -> Event.Participant? {
        guard p.entity == nil else { return nil }
        let r = Self.tokens(of: p.range, in: doc)
        guard r.count == 1, actorNouns.contains(forms[r.lowerBound]) else { return nil }
        // The complement: a `di` and up to five words no punctuation, verb or mention ends.
        let k = r.upperBound
        guard k + 1 < forms.count, context.is(k, [.ofPreposition]) else { return nil }
        var e = k + 1
        while e < forms.count, e < k + 6, doc.tokens.flags[e].contains(.word), clauseAt[e] < 0, !aux.contains(forms[e]),
            !relative.contains(forms[e]), mentionAt[e] < 0 || doc.mentions[Int(mentionAt[e])].type != .person
        {
            e += 1
        }
        let complement = Array(forms[k..<e])
        // (The title's own place first: an apposition the participant's search did not read.)
        var t = r.lowerBound
        while t >= 0 {
            if forms[t] == forms[r.lowerBound], t + 1 + complement.count <= forms.count,
                Array(forms[(t + 1)..<(t + 1 + complement.count)]) == complement, sentenceOf[t] >= 0
            {
                let s = doc.sentences[Int(sentenceOf[t])].tokenRange
                let title = t..<(t + 1)
                if let (q, _) = personAfterComplement(of: title, in: s) ?? personAfterComplement(of: title, in: s, comma: false) {
                    return q
                }
            }
            t -= 1
        }
        return nil
    }

    /// A content word of a speech act inside a quotation ("è una bugia"): the speaker accuses.
    func speechActInContent(_ e: EventLexicon.Entry, at trig: Range<Int>, quote: Int32, sentence si: Int) -> Candidate? {
        guard quote >= 0, let speaker = doc.quotes[Int(quote)].speaker else { return nil }
        let content = Self.tokens(of: doc.quotes[Int(quote)].content, in: doc)
        var g = trig.lowerBound
        while g > content.lowerBound && g > trig.lowerBound - 4 && copula.contains(forms[g - 1]) { g -= 1 }
        if g > content.lowerBound && negation.contains(forms[g - 1]) { return nil }
        var event = Event(type: e.type, mode: e.mode, trigger: range(g..<trig.upperBound))
        event.source = [speakerParticipant(speaker.entity, speaker.range)]
        // A speaker that names no known actor ("un comunicato", "la sua opinione") performs no act.
        guard isKnownActor(event.source[0]) else { return nil }
        event.quote = Event.QuoteLink(quote: Int(quote), role: .act)
        // "cosa che per i Democratici sarebbe irresponsabile", "la riforma, secondo l'opposizione, è una
        // vergogna": words the speaker ascribes to another actor are that actor's act, which the
        // speaker reports.
        var a = g - 1
        while a >= max(content.lowerBound, g - 8) {
            if forms[a] == "che" || doc.tokens.flags[a].contains(.quoteMark)
                || doc.tokens.flags[a].contains(.punctuation) && forms[a] != ","
            {
                break
            }
            if forms[a] != "come" && context.is(a, [.attributionLead]) || isPreposition(a, "per") {
                var other = actor(startingNear: a + 1, in: (a + 1)..<g).filter { !isPlace($0) }
                if other.isEmpty, let r = capitalizedRun(at: a + 1, in: (a + 1)..<g) {
                    other = [Event.Participant(entity: nil, range: range(r))]
                }
                // ("secondo molti è una vergogna": ascribed to nobody the text names, no act of the speaker's;
                // "per colpire gli infami", "per quanto avvenuto": "per" ascribes nothing then.)
                if other.isEmpty {
                    if isPreposition(a, "per") { break }
                    return nil
                }
                event.source = other
                event.quote = Event.QuoteLink(quote: Int(quote), role: .report)
                break
            }
            a -= 1
        }
        // "è colpa del governo", "l'arroganza del ministro", "inaccettabile la posizione di Di
        // Pietro": whose fault, vice or stance it is (a "di" within three words).
        var k = trig.upperBound
        while k + 1 < min(content.upperBound, trig.upperBound + 4), event.target.isEmpty,
            !doc.tokens.flags[k].contains(.punctuation), !bound.contains(forms[k])
        {
            if isPreposition(k, "di") {
                event.target = actor(startingNear: k + 1, in: content).filter { $0.entity == nil || $0.entity != speaker.entity }
            }
            k += 1
        }
        if event.target.isEmpty {
            event.target = claimant(in: content.lowerBound..<g, speaker: speaker.entity).filter { t in
                !event.source.contains { sameParticipant($0, t) }
            }
        }
        // "È inaccettabile che la polizia aumenti la violenza": whose act the words condemn.
        if event.target.isEmpty, trig.upperBound + 1 < content.upperBound, forms[trig.upperBound] == "che" {
            event.target = actor(startingNear: trig.upperBound + 1, in: content).filter { $0.entity == nil || $0.entity != speaker.entity }
        }
        // What is called false: the words before it in its sentence of the quotation; after a mere
        // demonstrative ("Questa è una bugia"), the sentence before.
        var from = content.lowerBound
        var end = g
        if si < doc.sentences.count {
            let own = max(content.lowerBound, doc.sentences[si].tokenRange.lowerBound)
            if g - own >= 3 {
                from = own
            } else if si > 0, doc.sentences[si - 1].tokenRange.lowerBound < own {
                from = max(content.lowerBound, doc.sentences[si - 1].tokenRange.lowerBound)
                if from < own { end = own }
            }
        }
        if end - from >= 3 {
            var a = from
            while a < end && doc.tokens.flags[a].contains(.punctuation) { a += 1 }
            var b = end
            while b > a && doc.tokens.flags[b - 1].contains(.punctuation) { b -= 1 }
            if b - a >= 3 { event.claim = range(a..<b) }
        }
        if let s = doc.sentences.indices.contains(si) ? doc.sentences[si].tokenRange : nil {
            event.date = date(group: g..<trig.upperBound, sentence: s, kind: .content)
        }
        return Candidate(event: event, kind: .content, lemma: e.lemma, sentence: si, explicitSource: true)
    }

    /// Whom a speech act inside a quotation answers: the first actor the quotation names before it
    /// (a mention, an actor noun, or a third-person pronoun such as `loro`), not the speaker or a place.
    func claimant(in r: Range<Int>, speaker: Int?) -> [Event.Participant] {
        var t = r.lowerBound
        while t < r.upperBound {
            if thirdPerson.contains(forms[t]) && mentionAt[t] < 0 {
                return [Event.Participant(entity: nil, range: doc.tokens.range(t))]
            }
            if let (p, pr) = participant(at: t) {
                if (speaker == nil || p.entity != speaker) && !isPlace(p) { return [p] }
                t = max(pr.upperBound, t + 1)
                continue
            }
            t += 1
        }
        return []
    }

    /// A time expression that starts within six words after a noun trigger, in its clause (`la
    /// manifestazione di sabato prossimo`, `il vertice organizzato per il 12 giugno`).
    func timeRightAfter(_ trig: Range<Int>, in s: Range<Int>) -> TimeExpression? {
        let limit = min(s.upperBound, trig.upperBound + 6)
        var end = trig.upperBound
        while end < limit && !bound.contains(forms[end]) { end += 1 }
        guard end > trig.upperBound else { return nil }
        let r = range(trig.upperBound..<end)
        return doc.times.first { $0.range.startUTF8 >= r.startUTF8 && $0.range.startUTF8 < r.endUTF8 }
    }

    /// Whether a time expression lies after the article: its day is after `published`, or its words
    /// say so (`sabato prossimo`, `domani`) when the article has no date.
    func isAhead(_ t: TimeExpression) -> Bool {
        if let d = t.day, d.utf8.count == 10, let published = doc.metadata.published, published.utf8.count >= 10 {
            return d > String(published.prefix(10))
        }
        return Self.tokens(of: t.range, in: doc).contains { futureTime.contains(forms[$0]) }
    }

    /// `published` for a present or present-perfect report; a time expression of the sentence wins.
    func date(group: Range<Int>, sentence s: Range<Int>, kind: EventLexicon.Kind) -> String? {
        let sr = range(s)
        for t in doc.times where sr.contains(t.range) {
            if let d = t.day { return d }
        }
        guard let published = doc.metadata.published, published.utf8.count >= 10 else { return nil }
        let day = String(published.prefix(10))
        if kind == .content { return day }
        guard kind == .verb else { return nil }
        let head = forms[group.upperBound - 1]
        if group.count > 1 && perfect.contains(forms[group.upperBound - 2]) && rules.isParticiple(head) { return day }
        if group.contains(where: { perfect.contains(forms[$0]) }) && rules.isParticiple(head) { return day }
        if !rules.isParticiple(head) && !rules.isGerund(head) && !rules.isInfinitive(head) && hasSuffix(head, present) {
            return day
        }
        return nil
    }
}

extension EventFinder {
    /// In a document about consultations (`@host-occasion`), the one participant of a meeting that is
    /// the head of state (`@head-of-state`: `il Capo dello Stato`, or a name the text gives that title,
    /// `il Presidente della Repubblica Giorgio Napolitano`), when the others are not.
    func consultationHost(_ all: [Event.Participant]) -> Int? {
        guard all.count >= 2, documentHolds("host-occasion", atLeast: 1) else { return nil }
        let titles = lexicon.headOfState
        // A title starting at `t`; one ending right before `t` and its articles.
        func titled(_ t: Int) -> Bool { titles.contains { words(t, are: $0) } }
        func titledBefore(_ t: Int) -> Bool {
            var k = t - 1
            while k >= 0 && article.contains(forms[k]) { k -= 1 }
            return titles.contains { words(k - $0.count + 1, are: $0) }
        }
        let hosts = all.indices.filter { i in
            let r = Self.tokens(of: all[i].range, in: doc)
            if titled(r.lowerBound) { return true }
            guard let e = all[i].entity else { return false }
            return doc.entities[e].mentions.contains { titledBefore(mentionTokens[$0].lowerBound) }
        }
        return hosts.count == 1 ? hosts[0] : nil
    }

    /// Whether the token forms from `t` on are `w`.
    func words(_ t: Int, are w: [String]) -> Bool {
        t >= 0 && t + w.count <= forms.count && w.indices.allSatisfy { forms[t + $0] == w[$0] }
    }

    /// The capitalised words at `t` (after its articles), a name no mention covers (`dell'Occidente`).
    func capitalizedRun(at t: Int, in scope: Range<Int>) -> Range<Int>? {
        var a = t
        while a < scope.upperBound && article.contains(forms[a]) { a += 1 }
        var b = a
        while b < scope.upperBound && doc.tokens.flags[b].contains(.capitalized) && mentionAt[b] < 0 { b += 1 }
        return b > a ? a..<b : nil
    }

    /// The word after "da parte di" within ten words after `t` in its clause, if any. With
    /// `pastTarget` false, not past a "contro" phrase that names an act, a lexicon noun or a noun of
    /// action (`@action-noun-ending`): "una protesta contro le uccisioni … da parte delle forze
    /// dell'ordine" names the killings' actor, not the protest's.
    func byPartOf(after t: Int, in scope: Range<Int>, pastTarget: Bool = true) -> Int? {
        var k = t
        while k + 3 < scope.upperBound && k < t + 10 {
            if [".", ";", ":"].contains(forms[k]) || bound.contains(forms[k]) { return nil }
            if !pastTarget, isPreposition(k, "contro") {
                var n = k + 1
                while n < scope.upperBound && article.contains(forms[n]) { n += 1 }
                if n < scope.upperBound, participant(at: n) == nil,
                    lexicon.entries[forms[n]]?.contains(where: { $0.kind == .noun }) == true || hasSuffix(forms[n], actionNounEndings)
                {
                    return nil
                }
            }
            if forms[k] == "da" && forms[k + 1] == "parte" && isPreposition(k + 2, "di") { return k + 3 }
            k += 1
        }
        return nil
    }

    /// A verb of receiving (`@receive`: `ricevuto`, `subisce`) within five words before the noun at
    /// `g`, with no punctuation between.
    func receivingVerb(before g: Int, in scope: Range<Int>) -> Int? {
        // "il Carroccio avrà il sostegno del Pdl": "avere" right before the noun's article.
        if g - 2 >= scope.lowerBound, article.contains(forms[g - 1]), !isAnyPreposition(g - 1), have.contains(forms[g - 2]) { return g - 2 }
        // ("aveva ricevuto un anno fa un provvedimento di espulsione": past a short time phrase and the
        // measure the act is named in.)
        var k = g - 1
        while k >= scope.lowerBound && k >= g - 8 {
            if receive.contains(forms[k]) { return k }
            if doc.tokens.flags[k].contains(.punctuation) || mentionAt[k] >= 0 { return nil }
            k -= 1
        }
        return nil
    }

    /// Whether the words right before the bare verb form at `g` open a noun phrase that `g` ends,
    /// so that `g` is the noun the lexicon also has: an article or preposition that is no object
    /// pronoun ("della visita"; a form that looks like a participle only when it is also a noun), or
    /// an article agreeing with `g` then one lower-case word that is no auxiliary, pronoun, negation
    /// or known actor ("una breve visita", "la medesima accusa"; not "il centrodestra accusa").
    func opensNounPhrase(before g: Int, in s: Range<Int>) -> Bool {
        let k = g - 1
        guard k >= s.lowerBound else { return false }
        let isNoun = (lexicon.entries[forms[g]] ?? []).contains { $0.kind == .noun }
        // "Tale accusa si rivelò", "questa protesta": after a demonstrative a form that is also a noun is one.
        if isNoun, demonstrative.contains(forms[k]) { return true }
        // "non aver lanciato alcuna accusa", "qualche protesta": so after a singular determiner.
        if isNoun, nounDeterminer.contains(forms[k]) { return true }
        // "danni su molte chiese": after a plural determiner a singular finite form is a noun ("dei due
        // chiede": not after an article, where the determiner is a pronoun).
        if context.is(k, [.determiner]), pluralEnding.contains(where: forms[k].hasSuffix), isSingularVerb(at: g, in: s),
            !(k - 1 >= s.lowerBound && context.is(k - 1, [.article, .ofArticle]))
        {
            return true
        }
        if context.is(k, [.article, .preposition]), !context.is(k, [.clitic]), !clitic.contains(forms[k]) {
            return isNoun || !rules.isParticiple(forms[g])
        }
        // "distruzioni di scuole, ospedali, chiese e strade": a form between a list's comma and its "e"
        // or next comma, with plain lower-case words on both sides, is one of the listed nouns.
        if forms[k] == ",", k - 1 >= s.lowerBound, g + 2 < s.upperBound, forms[g + 1] == "," || forms[g + 1] == "e",
            [k - 1, g + 2].allSatisfy({
                isPlainNoun($0) && doc.tokens.flags[$0].contains(.word) && !doc.tokens.flags[$0].contains(.capitalized)
                    && clauseAt[$0] < 0 && !aux.contains(forms[$0]) && !article.contains(forms[$0])
            })
        {
            return true
        }
        // "intorno ai 5.000 condannati all'anno": a participle after an article and a number names people.
        if doc.tokens.flags[k].contains(.number), k - 1 >= s.lowerBound, context.is(k - 1, [.article, .preposition]),
            rules.isParticiple(forms[g])
        {
            return true
        }
        guard isNoun, k - 1 >= s.lowerBound, agrees(article: k - 1, noun: g), !doc.tokens.flags[k].contains(.capitalized),
            !doc.tokens.flags[k].contains(.punctuation), !context.is(k, [.clitic, .negation, .determiner]), !aux.contains(forms[k]),
            !negation.contains(forms[k]), !clitic.contains(forms[k]), mentionAt[k] < 0, participant(at: k) == nil
        else { return false }
        return true
    }

    /// Whether the article (or articulated preposition) at `a` agrees in gender and number with
    /// the noun form at `n`, by the pack's `@article-ms`, `-fs`, `-mp`, `-fp` lists and the
    /// noun's last letter (`@noun-ending-ms` …).
    func agrees(article a: Int, noun n: Int) -> Bool {
        guard let last = forms[n].last else { return false }
        for (articles, endings) in lexicon.agreement where articles.contains(forms[a]) {
            if endings.contains(String(last)) { return true }
        }
        return false
    }

    /// The first word of the noun phrase a verb group at `g` has for its subject: the antecedent of
    /// a relative pronoun right before it, else the first word after articles of the clause's subject
    /// when that stands before the verb, else a noun right before it after its article; nil when none
    /// is there.
    func subjectHead(_ subject: Range<Int>?, before g: Int, in scope: Range<Int>) -> Int? {
        if g - 2 >= scope.lowerBound, relative.contains(forms[g - 1]) {
            let k = forms[g - 2] == "," ? g - 3 : g - 2
            return k >= scope.lowerBound && !doc.tokens.flags[k].contains(.punctuation) ? k : nil
        }
        if let r = subject, r.upperBound <= g, r.lowerBound >= scope.lowerBound {
            return r.first { !article.contains(forms[$0]) && !doc.tokens.flags[$0].contains(.punctuation) }
        }
        // "… che l'infortunio richiede": a noun with its article right before the verb.
        if g - 2 >= scope.lowerBound, article.contains(forms[g - 2]), !doc.tokens.flags[g - 1].contains(.punctuation) { return g - 1 }
        return nil
    }

    /// The noun that opens an object (`l'autista`, `quattro ragazzi`): after the articles, an
    /// optional number or quantity word and the word after it; nil when that word is no plain noun
    /// (``isPlainNoun(_:)``).
    func victim(in o: Range<Int>) -> Event.Participant? {
        var a = o.lowerBound
        while a < o.upperBound && article.contains(forms[a]) && !isAnyPreposition(a) { a += 1 }
        var h = a
        if h + 1 < o.upperBound, doc.tokens.flags[h].contains(.number) || quantity.contains(forms[h]) { h += 1 }
        guard h < o.upperBound, isPlainNoun(h) else { return nil }
        return Event.Participant(entity: nil, range: range(a..<(h + 1)))
    }

    /// Whether the word at `t` can head a plain noun phrase that names someone: no punctuation,
    /// clause boundary, preposition or verb form, and no `@non-actor` noun (`gli edifici`).
    func isPlainNoun(_ t: Int) -> Bool {
        !doc.tokens.flags[t].contains(.punctuation) && !bound.contains(forms[t]) && !isAnyPreposition(t)
            && !rules.isInfinitive(forms[t]) && !rules.isGerund(forms[t]) && !rules.isParticiple(forms[t])
            && !nonActor.contains(forms[t])
    }

    /// The noun phrase ending right before `g` (a bare participle's head noun): the participant
    /// there, or the lower-case plain noun (``isPlainNoun(_:)``) after its article (`l'afroamericano`);
    /// nil after punctuation or a preposition.
    func nounBefore(_ g: Int, in scope: Range<Int>) -> Event.Participant? {
        let h = g - 1
        guard h >= scope.lowerBound, !doc.tokens.flags[h].contains(.punctuation) else { return nil }
        if let (p, r) = participant(at: h), r.upperBound == g { return isPlace(p) ? nil : p }
        guard h - 1 >= scope.lowerBound, article.contains(forms[h - 1]), !isAnyPreposition(h - 1),
            !doc.tokens.flags[h].contains(.capitalized), isPlainNoun(h)
        else { return nil }
        // "George Floyd, l'afroamericano ucciso": the name the noun stands in apposition to.
        if h - 3 >= scope.lowerBound, forms[h - 2] == ",", let (p, r) = participant(at: h - 3), r.upperBound == h - 2, p.entity != nil,
            !isPlace(p)
        {
            return p
        }
        return Event.Participant(entity: nil, range: range(h..<g))
    }

    /// A quotation's speaker as a participant: a title the quote layer took alone ("il segretario" of
    /// "il segretario Mario Rossi") yields to the person's name right after it.
    func speakerParticipant(_ entity: Int?, _ range: TextRange) -> Event.Participant {
        let p = Event.Participant(entity: entity, range: range)
        guard !range.isEmpty, !isName(p) else { return p }
        let r = Self.tokens(of: range, in: doc)
        guard r.upperBound < forms.count, let (q, _) = participant(at: r.upperBound), q.entity != nil, isPersonName(q),
            mentionTokens[Int(mentionAt[r.upperBound])].lowerBound == r.upperBound
        else { return p }
        return q
    }

    /// Whether `f` is a past participle in the plural (`processati`, `condannate`).
    func isPluralParticiple(_ f: String) -> Bool {
        (rules.isParticiple(f) || participles.contains(f)) && pluralEnding.contains { f.hasSuffix($0) }
    }

    /// The actors the first clause of sentence `si` names as its subject, when they are several: a
    /// compound (`Antonino Pace e Concetta Scurria`) or a plural noun phrase (`i proprietari`).
    func pluralSubject(ofSentence si: Int) -> [Event.Participant] {
        guard si >= 0, let c = clauses.first(where: { $0.sentence == si && $0.subject != nil }), !c.subjectIsInherited,
            let r = c.subject
        else { return [] }
        let left = leftActor(before: c.verb.tokens.lowerBound, in: doc.sentences[si].tokenRange).filter { !isPlace($0) }
        if left.count > 1 { return left }
        let found = participants(ofArgument: r).filter { !isPlace($0) }
        guard found.count == 1, found[0].entity == nil else { return found.count > 1 ? found : [] }
        let head = Self.tokens(of: found[0].range, in: doc).upperBound - 1
        return pluralEnding.contains { forms[head].hasSuffix($0) } ? found : []
    }

    /// Whether a participant's phrase holds a finite verb or an auxiliary, ends on a clause boundary,
    /// or (naming nobody) overlaps a time expression: a misread phrase, no actor.
    func isGarbled(_ p: Event.Participant) -> Bool {
        let r = Self.tokens(of: p.range, in: doc)
        guard !r.isEmpty else { return false }
        if bound.contains(forms[r.upperBound - 1]) { return true }
        // (Inside the phrase: a noun of its own may look like a verb, "il commando".)
        if r.count > 2,
            (r.lowerBound + 1..<r.upperBound - 1).contains(where: {
                (clauseAt[$0] >= 0 && !rules.isParticiple(forms[$0])) || context.is($0, .auxiliary)
            })
        {
            return true
        }
        // (A phrase holding a name may hold its date: "il vertice di Roma del 3 marzo".)
        if (r.lowerBound..<r.upperBound).contains(where: { mentionAt[$0] >= 0 }) { return false }
        return doc.times.contains { $0.range.startUTF8 < p.range.endUTF8 && p.range.startUTF8 < $0.range.endUTF8 }
    }

    /// Whether a participant phrase holds a capitalised word that does not open its sentence (`il
    /// reverendo Raphael Warnock`, a name the tagger missed), not `Una donna`.
    func isNamed(_ p: Event.Participant) -> Bool {
        Self.tokens(of: p.range, in: doc).contains { t in
            t < forms.count && doc.tokens.flags[t].contains(.capitalized) && t > 0 && sentenceOf[t] >= 0
                && doc.sentences[Int(sentenceOf[t])].tokenRange.lowerBound != t
                && !doc.tokens.flags[t - 1].contains(.quoteMark)
        }
    }

    /// Whether a participant is a phrase whose only actors are places after its head (`Il sessantenne
    /// di Varese`): where someone is from, not who they are.
    func isOriginPhrase(_ p: Event.Participant) -> Bool {
        let r = Self.tokens(of: p.range, in: doc)
        // ("Una donna di Merano": the place read alone, after "di" and a noun that names no actor.)
        if isPlace(p), !isCountryParticipant(p), r.lowerBound >= 2, isPreposition(r.lowerBound - 1, "di"),
            doc.tokens.flags[r.lowerBound - 2].contains(.word), !doc.tokens.flags[r.lowerBound - 2].contains(.capitalized),
            participant(at: r.lowerBound - 2) == nil
        {
            return true
        }
        guard !r.isEmpty, mentionAt[r.lowerBound] < 0, participant(at: r.lowerBound) == nil else { return false }
        var place = false
        for t in r where participant(at: t) != nil {
            guard mentionAt[t] >= 0, doc.mentions[Int(mentionAt[t])].type == .location else { return false }
            place = true
        }
        return place
    }

    /// Whether a participant is a person the knowledge base links (a public figure) or one the text
    /// names with an actor noun as title or apposition (`l'agente Derek Chauvin`, `Derek Chauvin, il
    /// poliziotto`).
    func isKnownPerson(_ p: Event.Participant) -> Bool {
        guard let e = p.entity, doc.entities[e].type == .person else { return false }
        if doc.entities[e].kb != nil { return true }
        return doc.entities[e].mentions.contains { mi in
            let r = mentionTokens[mi]
            // ("si consegna alla polizia Damir Voschion": an actor noun after a preposition is no title.)
            if r.lowerBound > 0, actorNouns.contains(forms[r.lowerBound - 1]), r.lowerBound < 2 || !isAnyPreposition(r.lowerBound - 2) {
                return true
            }
            var k = r.upperBound
            guard k + 1 < forms.count, forms[k] == "," else { return false }
            k += 1
            if article.contains(forms[k]), k + 1 < forms.count { k += 1 }
            return actorNouns.contains(forms[k])
        }
    }

    /// Whether a participant is an organisation, a place or an actor noun (`governo`, `esponenti`):
    /// not a person, who may act in private.
    func isPublicBody(_ p: Event.Participant) -> Bool {
        if let e = p.entity { return doc.entities[e].type != .person }
        return Self.tokens(of: p.range, in: doc).contains { t in
            guard t < forms.count else { return false }
            if mentionAt[t] >= 0 { return doc.mentions[Int(mentionAt[t])].type != .person }
            return participant(at: t) != nil
        }
    }

    /// Whether a participant can act in a public role: a body of public life or a person the knowledge
    /// base or a title makes known (``isPublicBody(_:)``, ``isKnownPerson(_:)``).
    func actsPublicly(_ p: Event.Participant) -> Bool { isPublicBody(p) || isKnownPerson(p) }

    /// Who reports the words holding token `g`: the speaker of its quotation, else the subject of a
    /// reporting verb whose "che" clause holds it (`Ha anche affermato che verranno sanzionati …`).
    func announcer(of g: Int, quote: Int32, sentence si: Int) -> Event.Participant? {
        if quote >= 0 {
            guard let sp = doc.quotes[Int(quote)].speaker, !sp.range.isEmpty else { return nil }
            return speakerParticipant(sp.entity, sp.range)
        }
        let c = clauses.last { c in
            c.sentence == si && c.verb.lemma != nil && c.complement.map { $0.kind == .finite && $0.tokens.contains(g) } == true
        }
        return c.flatMap { participants(ofArgument: $0.subject).first }
    }

    func isKnownActor(_ p: Event.Participant) -> Bool {
        p.entity != nil || Self.tokens(of: p.range, in: doc).contains { $0 < forms.count && participant(at: $0) != nil }
    }

    /// For a participant that names no known actor (`la sentenza di colpevolezza dei due`): the known
    /// actors before it in its clause, with no clause boundary between (places are no such actor); nil
    /// when `p` is a known actor or none stands there.
    func knownActor(before p: Event.Participant, in scope: Range<Int>) -> [Event.Participant]? {
        guard !isKnownActor(p) else { return nil }
        let bare = Self.tokens(of: p.range, in: doc)
        let left = leftActor(before: bare.lowerBound, in: scope)
        guard let last = left.last, left.allSatisfy({ isKnownActor($0) && !isPlace($0) }) else { return nil }
        let end = Self.tokens(of: last.range, in: doc).upperBound
        guard end <= bare.lowerBound, !(end..<bare.lowerBound).contains(where: { bound.contains(forms[$0]) }) else { return nil }
        return left
    }

    /// Whether a speaker read before the actor at `r` (right before a verb) lies outside that actor's
    /// clause: a relative pronoun or adverb (`che`, `dove`) stands between them.
    func speakerOutside(of r: Range<Int>, speaker: Range<Int>) -> Bool {
        guard speaker.upperBound <= r.lowerBound else { return false }
        return (speaker.upperBound..<r.lowerBound).contains { relative.contains(forms[$0]) || relativeAdverb.contains(forms[$0]) }
    }

    /// Whether the quotation the token at `t` cues has its speaker before the verb group at `g` (`l'ex
    /// ministro Maurizio Gasparri ha accusato Visco di …`): a name after the verb is then its object,
    /// not an inverted subject (`«…», ha accusato Salvini`).
    func speakerBefore(cue t: Int, _ g: Int) -> Bool {
        let qi = Int(cueOf[t])
        guard qi >= 0, let sp = doc.quotes[qi].speaker, !sp.range.isEmpty else { return false }
        let r = Self.tokens(of: sp.range, in: doc)
        return r.upperBound <= g && sentenceOf[r.lowerBound] == sentenceOf[g]
    }

    /// Whether quotation `qi`'s content ends with a question mark.
    func isQuestion(_ qi: Int) -> Bool {
        let t = Self.tokens(of: doc.quotes[qi].content, in: doc)
        var k = t.upperBound - 1
        while k >= t.lowerBound, k < forms.count, doc.tokens.flags[k].contains(.punctuation), forms[k] != "?" { k -= 1 }
        return k >= t.lowerBound && k < forms.count && forms[k] == "?"
    }

    /// Whether quotation `qi`'s content contains its cue (its speaker is then no more than a guess).
    func holdsOwnCue(_ qi: Int) -> Bool {
        guard let cue = doc.quotes[qi].cue else { return false }
        return doc.quotes[qi].content.contains(cue)
    }
}

extension EventFinder {
    /// Whether `head` is a past participle of entry `e`'s verb: the present of an `-are` verb whose
    /// stem ends in `-it` ("invita", "sollecita") looks like the participle of an `-ire` verb and is not one.
    func isParticiple(_ head: String, of e: EventLexicon.Entry) -> Bool {
        if participles.contains(head) { return true }
        guard rules.isParticiple(head) else { return false }
        let lemma = e.lemma
        guard lemma.hasSuffix("are"), head.hasSuffix("a"), head.utf8.count + 2 == lemma.utf8.count else { return true }
        return !head.hasPrefix(lemma.dropLast(3))
    }

    /// The actor a verb with no subject of its own takes from the words before it: `left`, the
    /// actors nearest before, unless all of them are what the sentence's previous active verb was
    /// done to ("aveva condannato Agricola …, mentre aveva assolto Giraudo"); then that verb's actor
    /// goes on.
    func actorGoingOn(_ left: [Event.Participant], after previous: Candidate?, sentence si: Int) -> [Event.Participant] {
        guard let p = previous, p.sentence == si, p.kind == .verb, !p.passive, !p.event.source.isEmpty, !left.isEmpty,
            left.allSatisfy({ l in p.event.target.contains { sameParticipant($0, l) } })
        else { return left }
        return p.event.source
    }

    /// Whether `p` is one word of `@uncoded` (`Occidente`): a region PLOVER codes as no actor.
    func isUncoded(_ p: Event.Participant) -> Bool {
        let r = Self.tokens(of: p.range, in: doc)
        return r.count == 1 && uncoded.contains(forms[r.lowerBound])
    }

    /// A participle with a reflexive pronoun of `@reflexive` attached (`dimessosi`, `insediatosi`)
    /// without it; nil for any other form.
    func reflexiveParticiple(_ f: String) -> String? {
        for r in reflexive where r.utf8.count == 2 && f.utf8.count > 6 && f.hasSuffix(r) {
            let p = String(f.dropLast(2))
            if participles.contains(p) || rules.isParticiple(p) { return p }
        }
        return nil
    }

    /// Whether `di` and, before it, one of `word` stand right before `g` in `s` (`ha deciso di …`,
    /// `prima di aver …`).
    func afterWordAndDi(_ g: Int, in s: Range<Int>, word: Set<String>) -> Bool {
        g - 2 >= s.lowerBound && word.contains(forms[g - 2]) && isPreposition(g - 1, "di")
    }

    /// The actor of a cleft (`è proprio Umberto Bossi a invocare…`, `sono stati i manifestanti a
    /// lanciare…`): the words between a form of `essere` (and `stato`, `proprio`) and the `a` before
    /// the infinitive at `g`, within the sentence and without punctuation; nil when there is no cleft.
    func cleftActor(before g: Int, in s: Range<Int>) -> Range<Int>? {
        guard g - 2 > s.lowerBound, rules.isInfinitive(forms[g]), forms[g - 1] == "a" || forms[g - 1] == "ad" else { return nil }
        var k = g - 2
        while k > s.lowerBound && k > g - 10 && !cleftVerb.contains(forms[k]) {
            if context.isPunct(k) { return nil }
            k -= 1
        }
        guard cleftVerb.contains(forms[k]) else { return nil }
        var start = k + 1
        while start < g - 1 && cleftFiller.contains(forms[start]) { start += 1 }
        // The actor is a noun phrase: an article or a name first, no verb form inside (not `fu poi
        // costretto dal regime a rinunciare a ritirare`).
        let actor = start..<(g - 1)
        guard !actor.isEmpty, actor.count <= 6, article.contains(forms[start]) || mentionAt[start] >= 0,
            actor.contains(where: { mentionAt[$0] >= 0 }),
            !actor.contains(where: { rules.isInfinitive(forms[$0]) || rules.isGerund(forms[$0]) || rules.isParticiple(forms[$0]) })
        else { return nil }
        return actor
    }

}
