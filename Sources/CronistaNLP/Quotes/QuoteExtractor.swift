public import CronistaCore

/// Finds direct, indirect and mixed quotations and their speakers (`spec/quote-guidelines.md`):
/// quotation marks paired over the tokens, reporting cues from the language pack's lexicon, content
/// clauses after a complementiser or an infinitive marker (Italian `che` / `di` + infinitive), and
/// speakers from the entity layer, with pro-drop continuation. A document whose language has no
/// pack (or a pack without cues) gets no quotes.
public struct QuoteExtractor: PipelineComponent {
    public let name = "quotes"
    public let requires: AnnotationLayers = [.tokens, .sentences, .mentions, .entities]
    public let assigns: AnnotationLayers = [.quotes]
    let packs: LanguagePacks

    public init(packs: LanguagePacks) {
        self.packs = packs
    }

    public func process(_ document: inout Document) throws {
        guard document.tokens.count > 0, let pack = packs[document.language], let lexicon = pack.quoteLexicon else {
            document.quotes = []
            return
        }
        let forms = ClauseContext.forms(of: &document)
        let classes = ClauseContext.classes(of: &document, pack: pack, forms: forms)
        var run = QuoteRun(ctx: ClauseContext(document, pack: pack, forms: forms, classes: classes), lexicon: lexicon)
        run.model = pack.quoteModel
        run.extract()
        document.quotes = run.finish()
    }
}

/// A quote being built: token-level content, cue and speaker.
struct QuoteCandidate {
    var kind: Quote.Kind
    var content: TextRange
    var cue: Range<Int>?
    var speaker: SpeakerChoice?
    /// Higher wins when candidates overlap.
    var priority: Int
    var contentTokens: Range<Int>
    /// The rule that proposed it (a feature of the learned decisions).
    var origin: Origin = .direct
    /// Whether the hand-written rules alone would keep it (without a model, the others are dropped).
    var ruleAccepts = true

    /// The rule that proposed a candidate.
    enum Origin: String, CaseIterable {
        case direct, split, headline, indirectMarked, indirect, trailing, prepositional, colon, requestNoun, parenthetical
    }
}

/// Who a quote is attributed to: a ``SpeakerChoice`` (the clause layer's noun-phrase choice).

/// A reporting cue found in the text.
struct CueMatch {
    var tokens: Range<Int>
    var classes: QuoteLexicon.CueClasses
    var lemma: String
    /// The lemma's behaviours in the pack (`lemma-classes.txt`).
    var lemmaClasses: CueLemmaClasses = []
    /// A passive group (`fu proibito`): the source is the agent after `da`, if any.
    var passive = false
    /// A participle clause set off by a comma (`X, accusato da Y di…, ha…`): what it reports ends
    /// at the comma that closes it.
    var parenthetical = false
    /// Index of the main verb token (the last token of the group).
    var head: Int { tokens.upperBound - 1 }
}

struct QuoteRun {
    let ctx: ClauseContext
    let lexicon: QuoteLexicon
    /// The document's language (its pack's code), choosing the cues.
    let language: String
    var candidates: [QuoteCandidate] = []
    /// Candidates the rules refuse (``QuoteCandidate/ruleAccepts`` false): only a model may keep them.
    var rejected: [QuoteCandidate] = []
    /// The learned decisions; nil: the rules decide alone.
    var model: QuoteModel?
    var marks: [MarkedSpan] = []
    /// Closed marked span by the token of its opening mark.
    var markByOpen: [Int: Int] = [:]
    var cues: [CueMatch] = []
    /// Mark spans already used as (part of) a quote.
    var usedMarks = Set<Int>()
    /// Cue token start → already used by a quote.
    var usedCues = Set<Int>()
    /// Each token's entry list in the lexicon (looked up once), or -1.
    let cueLists: [Int32]

    init(ctx: ClauseContext, lexicon: QuoteLexicon) {
        self.ctx = ctx
        self.lexicon = lexicon
        language = ctx.pack.code
        cueLists = ctx.forms.map { lexicon.listIndex(of: $0) }
    }

    /// The longest lexicon entry of `classes` starting at token `i`.
    @inline(__always)
    func cueEntry(at i: Int, classes: QuoteLexicon.CueClasses) -> (length: Int, entry: QuoteLexicon.Entry)? {
        lexicon.match(list: cueLists[i], ctx.forms, at: i, classes: classes, language: language)
    }

    mutating func extract() {
        marks = QuotationMarks.pair(ctx)
        for (i, m) in marks.enumerated() where m.closed { markByOpen[m.open] = i }
        cues = findCues()
        splitQuotes()
        directQuotes()
        indirectQuotes()
        trailingCueQuotes()
        parentheticalCueQuotes()
        insertedSubjectCueQuotes()
        leadingMannerQuotes()
        prepositionalQuotes()
        requestNounQuotes()
        colonSpeech()
        headlineQuotes()
        dropClauseFragmentSpeakers()
    }

    /// A speaker is a mention or a noun phrase, never a clause fragment. A span with no mention in it
    /// is cut before its first auxiliary or complementiser (`L'agricoltore aveva sin dall'inizio…` →
    /// `L'agricoltore`, `gli esperti che avevano studiato` → `gli esperti`) and loses a trailing
    /// coordinator or preposition; one that opens with a gerund or an auxiliary
    /// (`rivolgendosi agli altri…`, `Siamo andati dal…`) is taken back, and the quote's speaker is
    /// left to the attribution that follows (pro-drop continuation or the learned ranker).
    mutating func dropClauseFragmentSpeakers() {
        for i in candidates.indices {
            // Whom a quotation names is not the source of another quote ("«…con mia moglie Lucia». «Tornerò
            // - prosegue -»"), and a gerund opens a clause, not a noun phrase: no speaker, so the
            // continuation picks one.
            if let s = candidates[i].speaker, !s.impersonal, let first = s.tokens.first,
                insideQuotation(first, other: candidates[i].contentTokens) || (s.tokens.count == 1 && isDateline(first))
                    || (ctx.mentionAt[first] < 0 && !ctx.isCapitalized(first) && ctx.pack.rules.isGerund(ctx.forms[first]))
            {
                candidates[i].speaker = nil
                continue
            }
            guard let s = candidates[i].speaker, !s.impersonal, s.entity == nil, let first = s.tokens.first,
                !s.tokens.contains(where: { ctx.mentionAt[$0] >= 0 })
            else { continue }
            var end = s.tokens.lowerBound
            while end < s.tokens.upperBound && !ctx.is(end, [.auxiliary, .complementiser]) { end += 1 }
            while end > s.tokens.lowerBound && ctx.is(end - 1, [.coordinator, .preposition]) && !ctx.is(end - 1, .article) { end -= 1 }
            // A span that opens with a bare preposition ("A riprova di questo") is an adverbial, not a subject.
            let prepositional = ctx.is(first, .preposition) && !ctx.is(first, .article)
            if prepositional && ctx.is(first, .agentPreposition) && end > first + 1 {
                // "Dal Comune informano che": the source is what follows the preposition.
                candidates[i].speaker?.tokens = (first + 1)..<end
            } else if end == s.tokens.lowerBound || prepositional {
                candidates[i].speaker = nil
            } else if end < s.tokens.upperBound {
                candidates[i].speaker?.tokens = s.tokens.lowerBound..<end
            }
        }
    }

    /// Whether token `t` lies inside the words of a direct quote other than the one whose content is `own`
    /// (one without quotation marks inside and not opening on punctuation: marks paired the wrong way
    /// round prove nothing).
    func insideQuotation(_ t: Int, other own: Range<Int>) -> Bool {
        candidates.contains { c in
            c.kind == .direct && c.contentTokens.contains(t) && c.contentTokens != own && !ctx.isPunct(c.contentTokens.lowerBound)
                && !c.contentTokens.contains(where: { ctx.isQuoteMark($0) })
        }
    }

    // MARK: - Cues

    static let verbClasses: QuoteLexicon.CueClasses = [.say, .request, .name]

    /// Verb groups built around a reporting verb: `[aux] [adverbs] verb`, plus multi-word cues.
    func findCues() -> [CueMatch] {
        var out: [CueMatch] = []
        var i = 0
        let forms = ctx.forms
        while i < ctx.n {
            var j = i
            var sawAux = false
            // Reflexive and auxiliary prefix: "si è", "ha", "ha voluto", "avrebbe", adverbs.
            while j < ctx.n {
                if let m = cueEntry(at: j, classes: Self.verbClasses), m.length > 1 { break }
                if let m = cueEntry(at: j, classes: [.aux]) { j += m.length; sawAux = true; continue }
                if sawAux, cueEntry(at: j, classes: [.adv]) != nil { j += 1; continue }
                if ctx.is(j, .reflexive) && j + 1 < ctx.n && cueEntry(at: j + 1, classes: [.aux]) != nil
                    && cueEntry(at: j, classes: Self.verbClasses) == nil
                {
                    j += 1; continue
                }
                break
            }
            if j < ctx.n, let m = cueEntry(at: j, classes: Self.verbClasses) {
                var start = sawAux || (j > i) ? i : j
                // "X si dichiara estraneo…", "si è subito detto disponibile…": a reflexive declaration,
                // whose clitic belongs to the verb group (not the impersonal `si`, as in `si dice che`).
                let after = j + m.length
                let reflexiveDeclaration =
                    m.entry.lemmaClasses.contains(.reflexiveContentFollows)
                    && (ctx.is(start, .reflexiveClitic) || (start > 0 && ctx.is(start - 1, .reflexiveClitic)))
                    && after < ctx.n && !ctx.is(after, [.complementiser, .infinitiveMarker])
                    && (!ctx.isPunct(after) || ctx.isQuoteMark(after))
                if reflexiveDeclaration && !ctx.is(start, .reflexiveClitic) { start -= 1 }
                let head = forms[j + m.length - 1]
                let participle = ctx.pack.rules.isParticiple(head)
                // A participle without an auxiliary is an adjective or a noun ("la proposta",
                // "smentita da…"); an impersonal "si dice", "bisogna aggiungere" has no source.
                let impersonal = start > 0 && ctx.is(start - 1, .impersonal) && !ctx.is(start, .reflexive)
                // "si affermava che…", "si apprende che…": a reported clause with no source but its
                // agent; "bisogna aggiungere", "va detto" report nothing.
                let reflexiveImpersonal = impersonal && ctx.is(start - 1, .reflexive)
                // "la situazione non si può (certo) dire risolta:", "si deve aggiungere": one can or must
                // say is no report.
                var b = start - 1
                var modal = false
                while b > 0, b >= start - 3, !ctx.isPunct(b), !ctx.is(b, .impersonal) {
                    if ctx.is(b, .modal) { modal = true }
                    b -= 1
                }
                let impersonalModal = modal && b >= 0 && ctx.is(b, .impersonal)
                // "una situazione difficile da sostenere", "molto da dire": an infinitive after "da"
                // is what is to be done, no report.
                let toBeDone = !sawAux && j == start && j > 0 && ctx.is(j - 1, .agentPreposition) && ctx.isInfinitive(j)
                // A form right after a determiner is a noun ("un'accusa", "con l'accusa di…"), not
                // the verb it also spells; an elided article counts only after a preposition, since
                // "l'accusa" alone may be a clitic and its verb.
                // So is a finite form right after `di` ("capi d'accusa:", "atto di accusa"), which only
                // an infinitive follows as a verb.
                // (An elided article that opens a sentence is one too: "L'accusa mossa al patron"; not
                // "Lo riferisce il Viminale".)
                let opensSentence =
                    j > 0 && forms[j - 1].hasSuffix("'") && (j == 1 || ctx.sentenceOf[j - 2] != ctx.sentenceOf[j - 1])
                let nounAfterArticle =
                    !sawAux && j == start && j > 0
                    && (ctx.is(j - 1, .article)
                        && (!ctx.is(j - 1, .objectPronoun) || opensSentence
                            || (j > 1 && ctx.is(j - 2, .preposition) && !ctx.is(j - 2, .article)))
                        || ctx.is(j - 1, .ofPreposition) && !ctx.isInfinitive(j))
                // "Molti si chiedono se…", "il sito si propone di…": the reflexive verb wonders or aims.
                let reflexiveVerb =
                    m.entry.lemmaClasses.contains(.notReflexive)
                    && (ctx.is(start, .reflexiveClitic) || (start > 0 && ctx.is(start - 1, .reflexiveClitic)))
                // A participle without an auxiliary whose reported infinitive follows, at once or after
                // its agent, is a reduced passive (`il personale, accusato dalla clientela di non
                // sapere…`, `invitato dalla comunità internazionale a dimettersi`, `canali accusati di
                // avere legami…`).
                let request = m.entry.classes.contains(.request)
                var reducedPassive = false
                // (Only where a participle needs an auxiliary to be a verb: an English past tense
                // spells its participle, and `Smith promised to run` is active.)
                if participle && m.length == 1 && !sawAux && !nounAfterArticle && after < ctx.n && ctx.pack.rules.participleNeedsAuxiliary {
                    if opensReportedInfinitive(at: after, request: request) {
                        reducedPassive = true
                    } else if ctx.is(after, .agentPreposition) {
                        var k = after + 1
                        while k < min(ctx.n, after + 10) && !ctx.isPunct(k) && !reducedPassive {
                            reducedPassive = opensReportedInfinitive(at: k, request: request)
                            k += 1
                        }
                    }
                }
                if (participle && m.length == 1 && !sawAux && ctx.pack.rules.participleNeedsAuxiliary && !reducedPassive)
                    || (impersonal && !reflexiveImpersonal) || impersonalModal || toBeDone || nounAfterArticle || reflexiveVerb
                {
                    i = j + m.length
                    continue
                }
                var cue = CueMatch(
                    tokens: start..<(j + m.length), classes: m.entry.classes, lemma: m.entry.lemma, lemmaClasses: m.entry.lemmaClasses)
                // What one declares oneself follows at once.
                if reflexiveDeclaration { cue.lemmaClasses.insert(.contentFollows) }
                // "è stato affermato", "è stato reso noto": a passive auxiliary and a participle in the group.
                let group = start..<(j + m.length)
                // ("è stato" is passive whatever participle follows, "reso noto" included.)
                let hasParticiple =
                    participle || group.contains { ctx.pack.rules.isParticiple(forms[$0]) }
                    || group.filter { ctx.is($0, .passiveAuxiliary) }.count >= 2
                cue.passive =
                    (hasParticiple && group.contains { ctx.is($0, .passiveAuxiliary) } && !ctx.is(start, .reflexive))
                    || reflexiveImpersonal || reducedPassive
                cue.parenthetical = reducedPassive && start > 0 && ctx.forms[start - 1] == ","
                out.append(cue)
                i = j + m.length
                continue
            }
            i += 1
        }
        return out
    }

    /// Whether `di` (or, after a request, `a`) and an infinitive start at `t`: `di non sapere`, `a dimettersi`.
    func opensReportedInfinitive(at t: Int, request: Bool) -> Bool {
        guard t + 1 < ctx.n, ctx.is(t, .infinitiveMarker) || (request && ctx.is(t, .requestMarker)) else { return false }
        var k = t + 1
        if ctx.is(k, .negation) { k += 1 }
        return k < ctx.n && ctx.isInfinitive(k)
    }

    /// Index of the first cue starting at or after token `t` (cues are sorted and disjoint).
    func firstCue(startingAtOrAfter t: Int) -> Int {
        cues.partitioningIndex { $0.tokens.lowerBound >= t }
    }

    /// Index of the first cue ending at or after token `t` (disjoint and sorted, cues end in order too).
    func firstCue(endingAtOrAfter t: Int) -> Int {
        cues.partitioningIndex { $0.tokens.upperBound >= t }
    }

    func cue(endingNear t: Int, maxGap: Int, in sentence: Range<Int>) -> CueMatch? {
        var best: CueMatch?
        var i = firstCue(endingAtOrAfter: t - maxGap)
        while i < cues.count && cues[i].tokens.lowerBound < t {
            let c = cues[i]
            if c.tokens.upperBound <= t && c.tokens.upperBound >= t - maxGap && c.tokens.lowerBound >= sentence.lowerBound { best = c }
            i += 1
        }
        return best
    }

    func cue(startingNear t: Int, maxGap: Int) -> CueMatch? {
        let i = firstCue(startingAtOrAfter: t)
        if i < cues.count && cues[i].tokens.lowerBound <= t + maxGap { return cues[i] }
        return nil
    }
}
