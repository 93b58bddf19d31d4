import CronistaCore

extension ClauseContext {
    /// The clauses of the document, sentence by sentence, in text order; with `only`, of the
    /// sentences it marks (a reader that needs a few sentences' clauses skips the rest).
    func clauses(only: [Bool]? = nil) -> [Clause] {
        var out: [Clause] = []
        let verbClasses: QuoteLexicon.CueClasses = [.say, .request, .name, .judge, .cite, .after]
        let lexicon = pack.quoteLexicon
        for (si, sentence) in doc.sentences.enumerated() {
            if let only, si < only.count, !only[si] { continue }
            let r = sentence.tokenRange
            guard !r.isEmpty, r.upperBound <= n else { continue }
            let firstInSentence = out.count
            var t = r.lowerBound
            while t < r.upperBound {
                guard var group = verbGroup(at: t, in: r) else { t += 1; continue }
                if let lexicon {
                    let list = lexicon.listIndex(of: forms[group.head])
                    if let m = lexicon.match(list: list, forms, at: group.head, classes: verbClasses, language: pack.code), m.length == 1 {
                        group.lemma = m.entry.lemma
                    }
                }
                var clause = Clause(sentence: si, verb: group)
                // Coordination: `… e ha aggiunto`, `…, dicendo`.
                let before = group.tokens.lowerBound - 1
                let coordinated =
                    before >= r.lowerBound && (self.is(before, .coordinator) || forms[before] == ",")
                    && out.count > firstInSentence
                if coordinated { clause.coordinatedWith = out.count - 1 }
                clause.subject = subject(before: group.tokens.lowerBound, in: r)
                var after = group.tokens.upperBound
                if group.passive {
                    clause.passiveAgent = passiveAgent(after: after, in: r) { span in
                        !span.isEmpty && span.contains { !isPunct($0) }
                    }
                } else if let o = object(at: after, in: r) {
                    clause.object = o
                    after = o.upperBound
                }
                if clause.subject == nil, clause.object == nil, !group.passive, let s = invertedSubject(at: group.tokens.upperBound, in: r)
                {
                    clause.subject = s
                    after = s.upperBound
                }
                clause.complement = complement(after: after, in: r)
                if clause.subject == nil, let prev = out.last, prev.sentence >= si - 1, let s = prev.subject {
                    // Pro-drop: the previous clause's subject (in this sentence or the one before).
                    clause.subject = s
                    clause.subjectIsInherited = true
                }
                out.append(clause)
                t = group.tokens.upperBound
            }
        }
        return out
    }

    /// The verb group starting at token `t`: `[non] [clitics] [auxiliaries] [modal] verb`.
    /// A lone participle is no verb group where the pack says so (an adjective or a noun).
    func verbGroup(at t: Int, in r: Range<Int>) -> VerbGroup? {
        var p = t
        var negation: Int?
        if self.is(p, .negation) { negation = p; p += 1 }
        let cliticStart = p
        while p < r.upperBound, self.is(p, [.clitic, .reflexive]), p + 1 < r.upperBound, !isPunct(p + 1) { p += 1 }
        let clitics = cliticStart..<p
        let auxStart = p
        while p < r.upperBound, self.is(p, .auxiliary) { p += 1 }
        let auxiliaries = auxStart..<p
        var modal: Int?
        if p < r.upperBound, self.is(p, .modal) { modal = p; p += 1 }
        // Adverbs inside the group (`ha infatti detto`).
        var q = p
        while q < r.upperBound, self.is(q, .skippable) { q += 1 }
        if q < r.upperBound, !isPunct(q), !auxiliaries.isEmpty || modal != nil, isVerbForm(q, afterAuxiliary: true) {
            let passive = auxiliaries.contains { self.is($0, .passiveAuxiliary) } && pack.rules.isParticiple(forms[q])
            return VerbGroup(
                tokens: t..<(q + 1), head: q, auxiliaries: auxiliaries, modal: modal, clitics: clitics,
                negation: negation, passive: passive)
        }
        if let m = modal {
            return VerbGroup(tokens: t..<(m + 1), head: m, auxiliaries: auxiliaries, clitics: clitics, negation: negation)
        }
        if !auxiliaries.isEmpty {
            // A lone participle of an auxiliary after an article, or after a clitic that is one (`lo
            // stato di emergenza`, `gli stati membri`), is a noun.
            if auxiliaries.count == 1, negation == nil, self.is(auxiliaries.lowerBound, .participleAuxiliary),
                !clitics.isEmpty || (t > r.lowerBound && self.is(t - 1, .article))
            {
                return nil
            }
            // The auxiliary is the verb itself (`è`, `ha` alone).
            let head = auxiliaries.upperBound - 1
            return VerbGroup(
                tokens: t..<(head + 1), head: head, auxiliaries: auxiliaries.lowerBound..<head, clitics: clitics, negation: negation)
        }
        if p < r.upperBound, isVerbForm(p, afterAuxiliary: false) {
            return VerbGroup(tokens: t..<(p + 1), head: p, clitics: clitics, negation: negation)
        }
        return nil
    }

    /// Whether token `i` is a lexical verb: a reporting verb of the pack's lexicon, a gerund, an
    /// infinitive after a modal, or a participle (alone only where the pack allows it).
    func isVerbForm(_ i: Int, afterAuxiliary: Bool) -> Bool {
        if mentionAt[i] >= 0 || self.is(i, [.article, .preposition, .complementiser, .coordinator]) { return false }
        let f = forms[i]
        if let lexicon = pack.quoteLexicon,
            lexicon.match(
                list: lexicon.listIndex(of: f), forms, at: i, classes: [.say, .request, .name, .judge, .cite, .after], language: pack.code)
                != nil
        {
            let participle = pack.rules.isParticiple(f)
            return afterAuxiliary || !participle || !pack.rules.participleNeedsAuxiliary
        }
        if afterAuxiliary { return pack.rules.isParticiple(f) || pack.rules.isInfinitive(f) || pack.rules.isGerund(f) }
        return pack.rules.isGerund(f)
    }

    /// The subject before a verb group starting at `start`: past skippable words; through a
    /// relative pronoun (`X, che ha detto`) to its antecedent; past a comma-enclosed apposition.
    func subject(before start: Int, in r: Range<Int>) -> Range<Int>? {
        var i = start - 1
        while i >= r.lowerBound && self.is(i, .skippable) { i -= 1 }
        guard i >= r.lowerBound else { return nil }
        if self.is(i, [.complementiser, .relativeOblique]) {
            var j = i - 1
            if j >= r.lowerBound && forms[j] == "," { j -= 1 }
            return j >= r.lowerBound ? npEnding(at: j, sentence: r)?.tokens : nil
        }
        if self.is(i, .relativeQuale), i - 1 > r.lowerBound {
            // `X, al quale ha chiesto`: after a preposition the pronoun is no subject.
            if self.is(i - 1, .preposition) { return nil }
            var j = i - 2
            if j >= r.lowerBound && forms[j] == "," { j -= 1 }
            return j >= r.lowerBound ? npEnding(at: j, sentence: r)?.tokens : nil
        }
        if forms[i] == "," {
            // `X, portavoce di Y, ha detto`: the phrase before the apposition.
            var c = i - 1
            while c > r.lowerBound && forms[c] != "," && forms[c] != ";" && forms[c] != ":" { c -= 1 }
            if c > r.lowerBound, forms[c] == "," { return npEnding(at: c - 1, sentence: r)?.tokens }
            return nil
        }
        if self.is(i, [.complementiser, .coordinator]) { return nil }
        guard let np = npEnding(at: i, sentence: r), !np.tokens.isEmpty else { return nil }
        // `una donna che aveva accusato il vicino è stata condannata`: a phrase right before the verb
        // that is the object of a relative clause (a phrase, `che`, a verb, then it) is no subject;
        // the relative's antecedent is.
        var k = np.tokens.lowerBound - 1
        while k > r.lowerBound, !isPunct(k), !self.is(k, .complementiser) { k -= 1 }
        if np.tokens.upperBound == start, !self.is(start - 1, [.clauseOpener, .connective]), k > r.lowerBound, k + 1 < np.tokens.lowerBound,
            self.is(k, .complementiser), !isPunct(k - 1),
            !isVerbForm(k - 1, afterAuxiliary: true), !self.is(k - 1, [.auxiliary, .complementiser]),
            (k + 1..<np.tokens.lowerBound).contains(where: { !self.is($0, [.article, .preposition, .skippable]) }),
            let antecedent = npEnding(at: k - 1, sentence: r), !antecedent.tokens.isEmpty
        {
            return antecedent.tokens
        }
        // `Gli agenti coordinati da X hanno arrestato`: a name inside an agent phrase is no subject;
        // the phrase before its participle is.
        if let p = agentPhraseStart(holding: np.tokens.lowerBound, in: r), p > r.lowerBound {
            return npEnding(at: p - 1, sentence: r)?.tokens
        }
        // An article-led phrase that ends in a preposition is no subject.
        return self.is(np.tokens.upperBound - 1, .preposition) ? nil : np.tokens
    }

    /// A subject after the verb (`ha detto Lukashenko`): a mention starting right there.
    func invertedSubject(at t: Int, in r: Range<Int>) -> Range<Int>? {
        guard t < r.upperBound, mentionAt[t] >= 0 else { return nil }
        let m = mentionTokens[Int(mentionAt[t])]
        return m.lowerBound == t ? m : nil
    }

    /// A direct object right after the verb: an article- or determiner-led phrase up to the next
    /// punctuation, preposition, complementiser or verb group (at most 8 tokens).
    func object(at t: Int, in r: Range<Int>) -> Range<Int>? {
        guard t < r.upperBound, self.is(t, [.article, .determiner]), !self.is(t, .preposition) else { return nil }
        var e = t + 1
        while e < r.upperBound && e < t + 8 && !isPunct(e) && !isQuoteMark(e)
            && !self.is(e, [.preposition, .complementiser, .coordinator, .auxiliary, .infinitiveMarker])
        { e += 1 }
        return e > t + 1 ? t..<e : nil
    }

    /// A complement clause within a few tokens after the verb: a complementiser (`che …`) or an
    /// infinitive marker + (negation) infinitive (`di aver…`), to the end of the clause.
    func complement(after t: Int, in r: Range<Int>) -> ClauseComplement? {
        var p = t
        while p < r.upperBound && p < t + 4 {
            if isTerminal(p) || forms[p] == ";" || isQuoteMark(p) { return nil }
            if self.is(p, .complementiser) {
                let s = p + 1 < r.upperBound && forms[p + 1] == "," ? p + 2 : p + 1
                let e = complementEnd(from: s, in: r)
                return e > s ? ClauseComplement(kind: .finite, marker: p, tokens: s..<e) : nil
            }
            if self.is(p, .infinitiveMarker) {
                var s = p + 1
                if s < r.upperBound && self.is(s, .negation) { s += 1 }
                guard isInfinitive(s) else { return nil }
                let e = complementEnd(from: p + 1, in: r)
                return e > p + 1 ? ClauseComplement(kind: .infinitive, marker: p, tokens: (p + 1)..<e) : nil
            }
            if isPunct(p) { return nil }
            p += 1
        }
        return nil
    }

    /// Where a complement clause starting at `s` ends (exclusive): the sentence end, a semicolon,
    /// a colon before a quotation, or a coordinated clause (`, dicendo…`, `e ha…`, `, mentre…`,
    /// `, ma…`); final punctuation excluded.
    func complementEnd(from s: Int, in r: Range<Int>) -> Int {
        var end = r.upperBound
        var t = s
        while t < r.upperBound {
            let f = forms[t]
            if f == ";" || (f == ":" && isQuoteMark(t + 1)) { end = t; break }
            if f == "," || self.is(t, .coordinator), t + 1 < r.upperBound {
                let nx = t + 1
                if isGerund(nx) && t > s + 1 { end = t; break }
                if self.is(nx, .clauseBreak) || (f == "," && self.is(nx, .adversative)) { end = t; break }
                if self.is(t, .coordinator) && self.is(nx, .finiteAuxiliary) && t > s + 2 { end = t; break }
            }
            t += 1
        }
        while end > s && (isTerminal(end - 1) || Self.trailingPunctuation.contains(forms[end - 1])) { end -= 1 }
        return end
    }

    /// Punctuation that never ends a complement's content.
    static let trailingPunctuation: Set<String> = [",", ":", "-", "–", "—"]
}
