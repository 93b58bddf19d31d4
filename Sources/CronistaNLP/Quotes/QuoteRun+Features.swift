import CronistaCore

/// What the learned decisions see of one candidate.
struct PreparedCandidate {
    var features: [String]
    var options: [SpeakerOption]
}

/// One way to attribute a candidate quote: a noun phrase (a mention, or a rule's span) or no source.
struct SpeakerOption {
    /// nil: no identifiable source.
    var choice: SpeakerChoice?
    /// The feature names (when training), else empty.
    var features: [String] = []
    /// The model's score (when analysing with weights), else 0.
    var score: Float = 0
}

/// Collects one option's features: their names for training, or, with weights, only the running
/// score, hashing each name from its pieces (FNV-1a over the UTF-8 of the pieces in order, the same
/// as the hash of the joined name) so that analysis builds no string.
struct FeatureSink {
    let weights: [UInt64: Float]?
    var names: [String] = []
    var score: Float = 0

    init(weights: [UInt64: Float]?) { self.weights = weights }

    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    @inline(__always)
    static func mix(_ h: inout UInt64, _ s: String) {
        for b in s.utf8 { h = (h ^ UInt64(b)) &* prime }
    }

    /// The hash of a whole feature name.
    static func hash(_ name: String) -> UInt64 {
        var h = offset
        mix(&h, name)
        return h
    }

    @inline(__always)
    mutating func finish(_ h: UInt64, _ name: @autoclosure () -> String) {
        if let weights { score += weights[h] ?? 0 } else { names.append(name()) }
    }

    mutating func add(_ a: String) {
        var h = Self.offset
        Self.mix(&h, a)
        finish(h, a)
    }

    mutating func add(_ a: String, _ b: String) {
        var h = Self.offset
        Self.mix(&h, a)
        Self.mix(&h, b)
        finish(h, a + b)
    }

    mutating func add(_ a: String, _ b: String, _ c: String) {
        var h = Self.offset
        Self.mix(&h, a)
        Self.mix(&h, b)
        Self.mix(&h, c)
        finish(h, a + b + c)
    }

    mutating func add(_ a: String, _ b: String, _ c: String, _ d: String) {
        var h = Self.offset
        Self.mix(&h, a)
        Self.mix(&h, b)
        Self.mix(&h, c)
        Self.mix(&h, d)
        finish(h, a + b + c + d)
    }

    mutating func add(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) {
        var h = Self.offset
        Self.mix(&h, a)
        Self.mix(&h, b)
        Self.mix(&h, c)
        Self.mix(&h, d)
        Self.mix(&h, e)
        finish(h, a + b + c + d + e)
    }

    mutating func add(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String, _ f: String) {
        var h = Self.offset
        Self.mix(&h, a)
        Self.mix(&h, b)
        Self.mix(&h, c)
        Self.mix(&h, d)
        Self.mix(&h, e)
        Self.mix(&h, f)
        finish(h, a + b + c + d + e + f)
    }

    func option(_ choice: SpeakerChoice?) -> SpeakerOption { SpeakerOption(choice: choice, features: names, score: score) }
}

extension QuoteRun {
    /// `1`, `2`, `3-4`, `5-8`, … : a length as a coarse bucket.
    static func bucket(_ n: Int) -> String {
        switch n {
        case ..<1: "0"
        case 1: "1"
        case 2: "2"
        case 3...4: "3-4"
        case 5...8: "5-8"
        case 9...16: "9-16"
        case 17...32: "17-32"
        default: "33+"
        }
    }

    /// ``describe(_:)`` in two pieces, without building a string: a mention's type and `-form`.
    func describeParts(_ s: SpeakerChoice?) -> (String, String) {
        guard let s, !s.impersonal, !s.tokens.isEmpty else { return (describe(s), "") }
        let mi = s.tokens.lazy.map { ctx.mentionAt[$0] }.first { $0 >= 0 }
        guard let mi else { return ("span", "") }
        let m = ctx.doc.mentions[Int(mi)]
        return (m.type.label, Self.dashForm(m.form))
    }

    static func dashForm(_ f: MentionForm) -> String {
        switch f {
        case .name: "-name"
        case .nominal: "-nominal"
        case .pronoun: "-pronoun"
        }
    }

    static func sentenceDistance(_ d: Int) -> String {
        switch d {
        case ...1: "s-1"
        case 2: "s-2"
        default: "s-3"
        }
    }

    func describe(_ s: SpeakerChoice?) -> String {
        guard let s else { return "nil" }
        if s.impersonal { return "impersonal" }
        if s.tokens.isEmpty { return "empty" }
        let mi = s.tokens.lazy.map { ctx.mentionAt[$0] }.first { $0 >= 0 }
        guard let mi else { return "span" }
        let m = ctx.doc.mentions[Int(mi)]
        return "\(m.type.label)-\(m.form.label)"
    }

    /// What the filter model sees of a candidate: the rule that proposed it, its cue, its length,
    /// its marks, its place and the speaker the rule found.
    func candidateFeatures(_ c: QuoteCandidate) -> [String] {
        let o = c.origin.rawValue
        let content = c.contentTokens
        var f: [String] = ["bias", "o=\(o)", "k=\(c.kind.label)", "o=\(o)|k=\(c.kind.label)"]
        f.append("len=\(Self.bucket(content.count))")
        f.append("o=\(o)|len=\(Self.bucket(content.count))")
        if let cue = c.cue {
            let lemma = cueLemma(cue)
            f.append("cue=\(lemma)")
            f.append("o=\(o)|cue=\(lemma)")
            f.append("cuelen=\(Self.bucket(cue.count))")
            let gap = cue.lowerBound >= content.upperBound ? cue.lowerBound - content.upperBound : content.lowerBound - cue.upperBound
            f.append("cuegap=\(Self.bucket(gap))")
            f.append(cue.lowerBound >= content.upperBound ? "cue-after" : "cue-before")
        } else {
            f.append("nocue")
            f.append("o=\(o)|nocue")
        }
        let sp = describe(c.speaker)
        f.append("spk=\(sp)")
        f.append("o=\(o)|spk=\(sp)")
        if !content.isEmpty {
            let hasTerminal = content.dropLast().contains { ctx.isTerminal($0) }
            f.append(hasTerminal ? "terminal" : "no-terminal")
            if looksLikeTitle(content) { f.append("title-like") }
            let first = content.lowerBound
            if ctx.isCapitalized(first) { f.append("starts-capital") }
            let before = first - 1
            if before >= 0 {
                if ctx.isQuoteMark(before), before - 1 >= 0 {
                    f.append("pre2=\(shape(before - 1))")
                } else {
                    f.append("pre=\(shape(before))")
                }
            } else {
                f.append("pre=BOD")
            }
            let after = content.upperBound
            if after < ctx.n {
                if ctx.isQuoteMark(after), after + 1 < ctx.n {
                    f.append("post2=\(shape(after + 1))")
                } else {
                    f.append("post=\(shape(after))")
                }
            }
            let sentence = Int(ctx.sentenceOf[first])
            if sentence == 0 { f.append("first-sentence") }
            if isHeadline(ctx.sentenceRange(ofToken: first)) { f.append("headline") }
            // Verbs and pronouns of the first and second person make an utterance.
            let persons = content.reduce(0) { $0 + (ctx.is($1, .personalPronoun) ? 1 : 0) }
            if persons > 0 { f.append("has-pronoun") }
            let mentions = content.reduce(0) { $0 + (ctx.mentionAt[$1] >= 0 ? 1 : 0) }
            f.append("mentions=\(Self.bucket(mentions))")
        }
        if !c.ruleAccepts { f.append("rule-rejects"); f.append("o=\(o)|rule-rejects") }
        return f
    }

    /// A token's coarse shape for features: punctuation as itself, function words by form, else a class.
    func shape(_ t: Int) -> String {
        if ctx.isPunct(t) { return ctx.forms[t] }
        if ctx.mentionAt[t] >= 0 {
            switch ctx.doc.mentions[Int(ctx.mentionAt[t])].type {
            case .person: return "M-PER"
            case .organization: return "M-ORG"
            case .location: return "M-LOC"
            }
        }
        if ctx.is(t, [.article, .preposition, .complementiser, .coordinator, .personalPronoun]) { return ctx.forms[t] }
        if cueLists[t] >= 0 { return "CUE" }
        return ctx.isCapitalized(t) ? "Xx" : "x"
    }

    /// The lemma of the cue over `tokens` (the lexicon's entry), else its last word.
    func cueLemma(_ tokens: Range<Int>) -> String {
        if let c = cues.first(where: { $0.tokens == tokens }) { return c.lemma }
        var i = tokens.upperBound - 1
        while i > tokens.lowerBound {
            if let m = cueEntry(at: i, classes: Self.verbClasses.union([.prep, .noun])) { return m.entry.lemma }
            i -= 1
        }
        if let m = cueEntry(at: tokens.lowerBound, classes: Self.verbClasses.union([.prep, .noun])) { return m.entry.lemma }
        return ctx.forms[tokens.upperBound - 1]
    }

    /// The speakers a candidate could have: the rule's choice, the previous quote's speaker, the
    /// mentions around it (this sentence, the two before, the one after), and no source at all.
    /// `previous` is the speaker the nearest earlier candidate's rule found, with its sentence.
    /// With `weights` (a model's hashed speaker weights) each option carries its score and no
    /// feature names; without, the names (for training).
    func speakerOptions(
        for c: QuoteCandidate, previous: (choice: SpeakerChoice, sentence: Int)?, weights: [UInt64: Float]? = nil
    ) -> [SpeakerOption] {
        let content = c.contentTokens
        let start = min(content.lowerBound, ctx.n - 1)
        let sentence = Int(ctx.sentenceOf[start])
        let o = c.origin.rawValue
        let cueLemma = c.cue.map(cueLemma) ?? "-"
        var options: [SpeakerOption] = []
        let ruleEntity = c.speaker.flatMap { s in s.impersonal ? nil : (s.entity ?? entityOverlapping(s.tokens)) }
        // No source.
        var none = FeatureSink(weights: weights)
        let rule = describeParts(c.speaker)
        none.add("none")
        none.add("none|o=", o)
        none.add("none|cue=", cueLemma)
        none.add("none|rule=", rule.0, rule.1)
        none.add("none|k=", c.kind.label)
        none.add(c.cue == nil ? "none|nocue" : "none|cue")
        options.append(none.option(nil))
        // The rules' own pro-drop choice for a quote they left unattributed (the previous quote's
        // speaker within three sentences, else the person the sentences before named first): the
        // ranker starts from it (a prior weight) and learns where to leave it.
        var fallback: (entity: Int?, tokens: Range<Int>)?
        if c.speaker == nil {
            if let (p, ps) = previous, !p.impersonal, !p.tokens.isEmpty, sentence - ps <= 3 {
                fallback = (p.entity ?? entityOverlapping(p.tokens), p.tokens)
            } else if let p = personNamedBefore(sentence: sentence, token: content.lowerBound) {
                fallback = (p.entity ?? entityOverlapping(p.tokens), p.tokens)
            }
        }
        func isFallback(entity: Int?, tokens: Range<Int>) -> Bool {
            guard let fb = fallback else { return false }
            if let e = entity, let fe = fb.entity { return e == fe }
            return tokens == fb.tokens
        }
        var seenEntities: [Int] = []
        if let s = c.speaker, !s.impersonal, !s.tokens.isEmpty {
            var f = FeatureSink(weights: weights)
            f.add("rule")
            f.add("rule|o=", o)
            f.add("rule|", rule.0, rule.1)
            f.add("rule|cue=", cueLemma)
            if let e = ruleEntity {
                seenEntities.append(e)
                f.add("rule|mentions=", Self.bucket(ctx.doc.entities[e].mentions.count))
            }
            if s.tokens.overlaps(content) { f.add("rule|inside") }
            options.append(f.option(s))
        }
        if let (p, ps) = previous, !p.impersonal, !p.tokens.isEmpty {
            let e = p.entity ?? entityOverlapping(p.tokens)
            if e == nil || !seenEntities.contains(e!) || ruleEntity == nil {
                let d = Self.bucket(sentence - ps)
                let described = describeParts(p)
                var f = FeatureSink(weights: weights)
                f.add("prev")
                f.add("prev|o=", o)
                f.add("prev|d=", d)
                f.add("prev|", described.0, described.1)
                f.add("prev|o=", o, "|d=", d)
                f.add(c.speaker == nil ? "prev|rule-nil" : "prev|rule-has")
                if let e, e == ruleEntity { f.add("prev|=rule") }
                if isFallback(entity: e, tokens: p.tokens) { f.add("fallback") }
                if c.cue == nil { f.add("prev|nocue") }
                options.append(f.option(p))
                if let e { seenEntities.append(e) }
            }
        }
        // Mentions in a window of sentences, nearest first per entity (a mention without an
        // entity is its own key, negative).
        let firstSentence = max(0, sentence - 2)
        let lastContentSentence = Int(ctx.sentenceOf[min(max(content.upperBound - 1, 0), ctx.n - 1)])
        let lastSentence = min(ctx.doc.sentences.count - 1, lastContentSentence + 1)
        guard firstSentence <= lastSentence else { return options }
        let window = ctx.doc.sentences[firstSentence].tokenRange.lowerBound..<ctx.doc.sentences[lastSentence].tokenRange.upperBound
        var nearest: [(key: Int, mention: Int, distance: Int)] = []
        var nearestPersonBefore: (Int, Int)?, nearestPersonAfter: (Int, Int)?
        var t = window.lowerBound
        while t < window.upperBound {
            let mi = ctx.mentionAt[t]
            guard mi >= 0 else { t += 1; continue }
            let m = Int(mi)
            let span = ctx.mentionTokens[m]
            defer { t = max(t + 1, span.upperBound) }
            // (Nor anyone named inside another quotation's words: «… viva Pinochet», «…».)
            if span.overlaps(content) || insideQuotation(span.lowerBound, other: content) { continue }
            let key = entityOf(mention: m) ?? -(m + 1)
            let distance =
                span.upperBound <= content.lowerBound ? content.lowerBound - span.upperBound : span.lowerBound - content.upperBound
            if ctx.doc.mentions[m].type == .person {
                if span.upperBound <= content.lowerBound {
                    if nearestPersonBefore == nil || distance < nearestPersonBefore!.1 { nearestPersonBefore = (key, distance) }
                } else if nearestPersonAfter == nil || distance < nearestPersonAfter!.1 {
                    nearestPersonAfter = (key, distance)
                }
            }
            if let n = nearest.firstIndex(where: { $0.key == key }) {
                if distance < nearest[n].distance { nearest[n] = (key, m, distance) }
            } else {
                nearest.append((key, m, distance))
            }
        }
        for (key, m, distance) in nearest where key < 0 || !seenEntities.contains(key) {
            let mention = ctx.doc.mentions[m]
            let span = ctx.mentionTokens[m]
            let side = span.upperBound <= content.lowerBound ? "before" : "after"
            let ms = Int(ctx.sentenceOf[span.lowerBound])
            let d =
                ms < sentence
                ? Self.sentenceDistance(sentence - ms) : (ms > Int(ctx.sentenceOf[min(content.upperBound, ctx.n - 1)]) ? "s+1" : "s0")
            let type = mention.type.label, form = mention.form.label, dashForm = Self.dashForm(mention.form)
            let dist = Self.bucket(distance)
            var f = FeatureSink(weights: weights)
            f.add("m")
            f.add("m|", type)
            f.add("m|", form)
            f.add("m|", type, dashForm)
            f.add("m|", side)
            f.add("m|", d)
            f.add("m|", side, "|", d)
            f.add("m|dist=", dist)
            f.add("m|", side, "|dist=", dist)
            f.add("m|o=", o, "|", side)
            f.add("m|", type, "|", side, "|", d)
            if key >= 0 {
                f.add("m|mentions=", Self.bucket(ctx.doc.entities[key].mentions.count))
                if key == ruleEntity { f.add("m|=rule") }
            }
            if isFallback(entity: key >= 0 ? key : nil, tokens: span) { f.add("fallback") }
            if let (pk, _) = nearestPersonBefore, pk == key { f.add("m|nearest-person-before") }
            if let (pk, _) = nearestPersonAfter, pk == key { f.add("m|nearest-person-after") }
            if c.speaker == nil { f.add("m|rule-nil|", side, "|", d) }
            if span.lowerBound > 0 { f.add("m|pre=", shape(span.lowerBound - 1)) }
            if span.upperBound < ctx.n {
                f.add("m|post=", shape(span.upperBound))
                if cueLists[span.upperBound] >= 0 || (span.upperBound + 1 < ctx.n && cueLists[span.upperBound + 1] >= 0) {
                    f.add("m|cue-next")
                }
            }
            if let cue = c.cue, span.lowerBound >= cue.upperBound, span.lowerBound - cue.upperBound <= 3 { f.add("m|after-cue") }
            if let cue = c.cue, span.upperBound <= cue.lowerBound, cue.lowerBound - span.upperBound <= 3 { f.add("m|before-cue") }
            options.append(f.option(choice(mention: m)))
            if options.count >= 16 { break }
        }
        return options
    }
}
