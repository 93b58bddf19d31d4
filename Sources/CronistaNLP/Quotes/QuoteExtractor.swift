public import CronistaCore

/// Finds direct, indirect and mixed quotations and their speakers (`spec/quote-guidelines.md`):
/// quotation marks paired over the tokens, reporting cues from a lexicon, content clauses after
/// `che` / `di` + infinitive, and speakers from the entity layer, with pro-drop continuation.
public struct QuoteExtractor: PipelineComponent {
    public let name = "quotes"
    public let requires: AnnotationLayers = [.tokens, .sentences, .mentions, .entities]
    public let assigns: AnnotationLayers = [.quotes]
    let lexicon: QuoteLexicon

    public init(lexicon: QuoteLexicon) {
        self.lexicon = lexicon
    }

    public func process(_ document: inout Document) throws {
        guard document.tokens.count > 0 else { document.quotes = []; return }
        var run = QuoteRun(ctx: QuoteContext(document), lexicon: lexicon)
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
}

/// Who a quote is attributed to: a span and, when known, its entity.
struct SpeakerChoice {
    var tokens: Range<Int>
    var entity: Int?
    /// `true` when the source is impersonal (`secondo quanto si è appreso`): no speaker at all.
    var impersonal = false
}

/// A reporting cue found in the text.
struct CueMatch {
    var tokens: Range<Int>
    var classes: Set<QuoteLexicon.CueClass>
    var lemma: String
    /// Index of the main verb token (the last token of the group).
    var head: Int { tokens.upperBound - 1 }
}

struct QuoteRun {
    let ctx: QuoteContext
    let lexicon: QuoteLexicon
    var candidates: [QuoteCandidate] = []
    var marks: [MarkedSpan] = []
    var cues: [CueMatch] = []
    /// Mark spans already used as (part of) a quote.
    var usedMarks = Set<Int>()
    /// Cue token start → already used by a quote.
    var usedCues = Set<Int>()

    init(ctx: QuoteContext, lexicon: QuoteLexicon) {
        self.ctx = ctx
        self.lexicon = lexicon
    }

    mutating func extract() {
        marks = QuotationMarks.pair(ctx)
        cues = findCues()
        directQuotes()
        indirectQuotes()
        trailingCueQuotes()
        prepositionalQuotes()
        headlineQuotes()
    }

    // MARK: - Cues

    static let verbClasses: Set<QuoteLexicon.CueClass> = [.say, .request, .name]

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
                if let m = lexicon.match(forms, at: j, classes: Self.verbClasses), m.length > 1 { break }
                if let m = lexicon.match(forms, at: j, classes: [.aux]) { j += m.length; sawAux = true; continue }
                if sawAux, lexicon.match(forms, at: j, classes: [.adv]) != nil { j += 1; continue }
                if forms[j] == "si" && j + 1 < ctx.n && lexicon.match(forms, at: j + 1, classes: [.aux]) != nil && lexicon.match(forms, at: j, classes: Self.verbClasses) == nil { j += 1; continue }
                break
            }
            if j < ctx.n, let m = lexicon.match(forms, at: j, classes: Self.verbClasses) {
                let start = sawAux || (j > i) ? i : j
                out.append(CueMatch(tokens: start..<(j + m.length), classes: m.entry.classes, lemma: m.entry.lemma))
                i = j + m.length
                continue
            }
            i += 1
        }
        return out
    }

    func cue(endingNear t: Int, maxGap: Int, in sentence: Range<Int>) -> CueMatch? {
        var best: CueMatch?
        for c in cues where c.tokens.upperBound <= t && c.tokens.upperBound >= t - maxGap && c.tokens.lowerBound >= sentence.lowerBound {
            best = c
        }
        return best
    }

    func cue(startingNear t: Int, maxGap: Int) -> CueMatch? {
        for c in cues where c.tokens.lowerBound >= t && c.tokens.lowerBound <= t + maxGap { return c }
        return nil
    }
}
