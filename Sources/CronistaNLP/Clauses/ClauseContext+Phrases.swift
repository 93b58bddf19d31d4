import CronistaCore

/// A noun phrase chosen as a clause argument (a subject, an agent, a quote's speaker): its tokens
/// and, when a mention in it belongs to one, its entity.
struct SpeakerChoice {
    var tokens: Range<Int>
    var entity: Int?
    /// `true` when the source is impersonal (`secondo quanto si è appreso`): no speaker at all.
    var impersonal = false
}

/// Noun phrases and passive agents over a ``ClauseContext``: the machinery the clause layer and
/// quote extraction share.
extension ClauseContext {
    /// Whether token `t` can open a noun phrase: an article, a determiner, a capitalised word or a mention.
    func startsNounPhrase(_ t: Int) -> Bool {
        mentionAt[t] >= 0 || self.is(t, [.article, .determiner, .nounPhraseOpener])
            || isCapitalized(t) && !pack.rules.isGerund(forms[t])  // not "Speaking on radio show X, …"
    }

    func isPersonToken(_ t: Int) -> Bool {
        let mi = mentionAt[t]
        return mi >= 0 && doc.mentions[Int(mi)].type == .person
    }

    /// The agent of a passive verb group ending before `start`: the first agent preposition
    /// (Italian `da`, `dal`, …) within 8 tokens, then the words up to the next punctuation (at most
    /// 8 tokens); `accept` may refuse a span (the search goes on). Returns the accepted span.
    @discardableResult
    func passiveAgent(after start: Int, in sentence: Range<Int>, accept: (Range<Int>) -> Bool) -> Range<Int>? {
        var t = start
        while t < min(sentence.upperBound, start + 8) {
            if self.is(t, .agentPreposition) {
                var e = t + 1
                // The agent ends at punctuation, at a complementiser ("dai magistrati che …") or at
                // an infinitive's marker ("accusato dalla clientela di non sapere…", "invitato dal
                // governo a dimettersi").
                while e < sentence.upperBound && !isPunct(e) && e < t + 8
                    && !(e > t + 1 && (self.is(e, .complementiser) || opensInfinitive(at: e, in: sentence)))
                {
                    e += 1
                }
                if accept((t + 1)..<e) { return (t + 1)..<e }
            }
            t += 1
        }
        return nil
    }

    /// Whether an infinitive marker or a request's `a` at `t` opens an infinitive (`di non sapere`,
    /// `a dimettersi`).
    func opensInfinitive(at t: Int, in sentence: Range<Int>) -> Bool {
        guard self.is(t, [.infinitiveMarker, .requestMarker]) else { return false }
        var v = t + 1
        if v < sentence.upperBound && self.is(v, .negation) { v += 1 }
        return v < sentence.upperBound && isInfinitive(v)
    }

    /// Where the agent phrase holding token `t` starts — its participle, as `isParticiple` reads it
    /// ("sostenuti dal capogruppo di AN al Senato") — looking back at most ten words within `r` and
    /// never past punctuation, a complementiser or a coordinator; nil when no agent phrase holds it.
    /// Quotes and events both use it: a name in apposition inside such a phrase is no subject.
    func agentPhraseStart(holding t: Int, in r: Range<Int>, isParticiple: (Int) -> Bool) -> Int? {
        var k = t
        while k - 1 >= r.lowerBound && k > t - 10 {
            if isPunct(k) || self.is(k, [.complementiser, .coordinator]) { return nil }
            if self.is(k, .agentPreposition) && isParticiple(k - 1) { return k - 1 }
            k -= 1
        }
        return nil
    }

    /// ``agentPhraseStart(holding:in:isParticiple:)`` with the pack's own participles.
    func agentPhraseStart(holding t: Int, in r: Range<Int>) -> Int? {
        agentPhraseStart(holding: t, in: r) { pack.rules.isParticiple(forms[$0]) }
    }

    /// Whether the `and` at `c` joins two `di` complements of one noun (`il ministro dell'università
    /// e della Ricerca`): one to three words before it, no punctuation, open with an of-preposition
    /// after a noun that an article opens (after a preposition, `dal ministro dell'…`, the walk
    /// back would run on past the phrase).
    func coordinatesComplement(_ c: Int, sentence: Range<Int>) -> Bool {
        guard self.is(c, .and) else { return false }
        var k = c - 1
        while k >= sentence.lowerBound && k >= c - 3 {
            if isPunct(k) || self.is(k, [.complementiser, .coordinator]) { return false }
            if self.is(k, .ofPreposition) {
                return k < c - 1 && k - 2 >= sentence.lowerBound && doc.tokens.flags[k - 1].contains(.word)
                    && !self.is(k - 1, [.preposition, .article, .clauseOpener]) && self.is(k - 2, [.article, .determiner])
                    && !self.is(k - 2, .preposition)
            }
            k -= 1
        }
        return false
    }

    func nameMention(startingAt t: Int) -> Int? {
        let mi = mentionAt[t]
        guard mi >= 0, mentionTokens[Int(mi)].lowerBound == t else { return nil }
        return Int(mi)
    }

    /// The noun phrase that ends at token `i`: the mention there, or the clause's head phrase.
    func npEnding(at end: Int, sentence: Range<Int>) -> SpeakerChoice? {
        let forms = self.forms
        var i = end
        // "un uomo di 41 anni": an age after the noun is no time phrase; the phrase ends on the noun.
        if i - 3 >= sentence.lowerBound, self.is(i, .timeNoun), doc.tokens.flags[i - 1].contains(.number), self.is(i - 2, .ofPreposition),
            !isPunct(i - 3), mentionAt[i] < 0
        {
            i -= 3
        }
        guard i >= sentence.lowerBound, !isPunct(i) || mentionAt[i] >= 0 else { return nil }
        // Walk back to the clause start.
        var s = i
        while s > sentence.lowerBound {
            let p = s - 1
            let f = forms[p]
            if f == "," || f == ";" || f == ":" || f == "(" || isTerminal(p) || isQuoteMark(p) || self.is(p, .complementiser)
                || self.is(p, .and) && mentionAt[p] < 0 && s <= i - 4
            {
                break
            }
            if i - p > 14 { break }
            s = p
            // The phrase's own article ends the walk, unless it is "della/del…" attaching a
            // complement to the noun before ("il capo della diplomazia francese").
            if mentionAt[p] < 0 && self.is(p, .article) {
                let attaches =
                    self.is(p, .ofArticle) && p - 1 >= sentence.lowerBound && !isPunct(p - 1)
                    && (!self.is(p - 1, [.preposition, .clauseOpener]) || coordinatesComplement(p - 1, sentence: sentence))
                if !attaches { break }
            }
        }
        while s < i && (self.is(s, [.connective, .clauseOpener]) && mentionAt[s] < 0) { s += 1 }
        let span = s..<(i + 1)
        // A clitic or a reflexive inside means a verb ("gli si propone"): no noun phrase.
        if span.count > 1, span.dropLast().contains(where: { self.is($0, .verbalClitic) }) { return nil }
        if span.count > 1, self.is(i - 1, .objectPronoun), mentionAt[i] < 0, !isCapitalized(i), i - 1 > sentence.lowerBound,
            self.is(i - 2, [.reflexive, .complementiser]) || forms[i - 2] == ","
        {
            return nil
        }
        // A span with a mention, or one that opens like a noun phrase; not "andando a contrapporre…".
        // (A number before its noun opens one too: `47 percent said`, `Six in 10 say`.)
        if !span.contains(where: { mentionAt[$0] >= 0 }) && !startsNounPhrase(s)
            && !(s < i && doc.tokens.flags[s].contains(.number))
        {
            // A bare plural where the language allows one (`critics say`, `human rights groups
            // warned`): lower-case content words ending in a plural noun.
            guard pack.rules.bareNounSubjects, let bare = barePlural(endingAt: i, from: s) else { return nil }
            return SpeakerChoice(tokens: bare, entity: nil)
        }
        // A time phrase ("Pochi giorni fa, al settimanale…, ha dichiarato") is nobody.
        // A capital inside the phrase makes it a name ("The Times said", "il Giorno scrive").
        if self.is(i, .timeNoun), !(i > s && isCapitalized(i)), !span.contains(where: { mentionAt[$0] >= 0 }) { return nil }
        if self.is(s, .clauseOpener) && mentionAt[s] < 0 { return nil }
        return speakerIn(span)
    }

    /// The lower-case noun phrase with no article that ends at `i` and starts at or after `from`: a
    /// plural head (`-s`, more than three letters) after lower-case words that no function-word
    /// class holds (`human rights groups`); nil when `i` is no such plural.
    func barePlural(endingAt i: Int, from: Int) -> Range<Int>? {
        func contentWord(_ t: Int) -> Bool {
            doc.tokens.flags[t].contains(.word) && !isCapitalized(t) && mentionAt[t] < 0
                && !self.is(
                    t, [.article, .preposition, .determiner, .personalPronoun, .connective, .skippable, .auxiliary, .complementiser])
        }
        guard contentWord(i), forms[i].count > 3, forms[i].hasSuffix("s"), !forms[i].hasSuffix("ss"), !forms[i].hasSuffix("ly") else {
            return nil
        }
        var s = i
        while s > from && s > i - 3 && contentWord(s - 1) && !forms[s - 1].hasSuffix("ly") { s -= 1 }
        return s..<(i + 1)
    }

    /// The best speaker inside a span: a person's name, else the first mention, else the span.
    /// `bareNoun`: the span is the complement of a source preposition (`stando alle accuse`,
    /// `riportato dalle agenzie`), where a lone lower-case noun is the source.
    func speakerIn(_ span: Range<Int>, bareNoun: Bool = false) -> SpeakerChoice? {
        guard !span.isEmpty else { return nil }
        var firstMention: Int?
        var person: Int?
        for t in span {
            let mi = mentionAt[t]
            guard mi >= 0 else { continue }
            let m = doc.mentions[Int(mi)]
            if firstMention == nil { firstMention = Int(mi) }
            if person == nil, m.type == .person { person = Int(mi) }
        }
        if let p = person { return choice(mention: p) }
        // A description that opens the span ("Il portavoce del Governo polacco") is the source
        // itself, not the organisation named inside it.
        var s = span.lowerBound
        while s < span.upperBound && (isPunct(s) && !isQuoteMark(s)) { s += 1 }
        var e = span.upperBound
        while e > s && isPunct(e - 1) && mentionAt[e - 1] < 0 { e -= 1 }
        guard e > s else { return firstMention.map { choice(mention: $0) } }
        if let f = firstMention, mentionTokens[f].lowerBound <= s + 1 {
            return choice(mention: f)
        }
        if e - s > 12 { return firstMention.map { choice(mention: $0) } }
        // A strong pronoun standing alone ("racconta lei") is a mention of the speaker.
        if e - s == 1 && self.is(s, .personalPronoun) { return SpeakerChoice(tokens: s..<e, entity: nil) }
        // Without a mention, a lone lower-case word ("ha scritto pure che") is no source; nor are
        // connectives alone ("Tuttavia, lamenta il Cavaliere, …", "Inoltre, dopo aver accusato Trump
        // …, ha fatto notare").
        if firstMention == nil && e - s == 1 && !isCapitalized(s) && !bareNoun { return nil }
        if firstMention == nil, (s..<e).allSatisfy({ self.is($0, [.connective, .skippable]) || isPunct($0) }) { return nil }
        // Content words only: a span of function words is no speaker (a short role head is a
        // content word: `il pm`; so is a number after an article: `I due si dichiarano innocenti`).
        let shortHeads = pack.entityWords?.shortHeads ?? []
        guard
            (s..<e).contains(where: { forms[$0].count > 3 || shortHeads.contains(forms[$0]) })
                || (e - s == 2 && self.is(s, .article) && !self.is(s, .preposition) && self.is(s + 1, .determiner))
        else { return nil }
        return SpeakerChoice(tokens: s..<e, entity: firstMention.flatMap { entityOf(mention: $0) })
    }

    func entityOf(mention m: Int) -> Int? {
        let e = entityOfMention[m]
        return e >= 0 ? Int(e) : nil
    }

    func choice(mention m: Int) -> SpeakerChoice {
        SpeakerChoice(tokens: mentionTokens[m], entity: entityOf(mention: m))
    }
}
