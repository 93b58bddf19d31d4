/// A class of function words that the generic components ask a language about: `complementiser`
/// (Italian `che`), `agentPreposition` (`da`, `dal`, …), `personalPronoun` (`lui`, `lei`, …).
///
/// The raw value is the class's name in a pack's `word-classes.txt`. The words are data; the
/// classes are the questions the code asks, so a new language fills the same classes.
package enum WordClass: String, CaseIterable, Sendable {
    case article
    case preposition
    case ofArticle = "of-article"
    /// The preposition of belonging, bare or with its article (`di`, `della`): `la ricetta di X`.
    case ofPreposition = "of-preposition"
    case agentPreposition = "agent-preposition"
    case ordinalDeterminer = "ordinal-determiner"
    case determiner
    case nounPhraseOpener = "noun-phrase-opener"
    case complementiser
    case relativeOblique = "relative-oblique"
    case relativeQuale = "relative-quale"
    case manner
    case infinitiveMarker = "infinitive-marker"
    case requestMarker = "request-marker"
    case conditional
    case coordinator
    case and
    case adversative
    case clauseBreak = "clause-break"
    case attributionLead = "attribution-lead"
    case quantity
    case seems
    case thus
    case then
    case connective
    case skippable
    case clauseOpener = "clause-opener"
    case notSubjectStart = "not-subject-start"
    case leftGap = "left-gap"
    case negation
    case reflexive
    case impersonal
    case passiveAuxiliary = "passive-auxiliary"
    case finiteAuxiliary = "finite-auxiliary"
    case clauseVerbStart = "clause-verb-start"
    case clitic
    case verbalClitic = "verbal-clitic"
    /// Reflexive clitics that make a reporting verb a verb of its own (`si chiedono se`, `mi chiedo`).
    case reflexiveClitic = "reflexive-clitic"
    case objectPronoun = "object-pronoun"
    case resumptive
    case personalPronoun = "personal-pronoun"
    /// First-person words (`io`, `ho`, `abbiamo`, `mio`): words in the speaker's own voice.
    case firstPerson = "first-person"
    case timeNoun = "time-noun"
    case nonSource = "non-source"
    case quoteJoiner = "quote-joiner"
    case auxiliary
    case modal
    /// Subjunctive forms that open a reported clause without `che` (`ritengono sia troppo presto`).
    case subjunctive
    /// Conjunctions of purpose that open what a request asks for (`fa appello all'ONU perché si impegni`).
    case purposeComplementiser = "purpose-complementiser"
    /// Auxiliaries that are participles (`stato`): after an article or a clitic alone, a noun (`lo stato`).
    case participleAuxiliary = "participle-auxiliary"
    /// Words that open an indirect question after a verb of asking (`asked whether…`, `asked who…`).
    case interrogative
}

/// A set of ``WordClass``es as one bit mask: a token's classes are looked up once per document,
/// and every later test is an AND.
package struct WordClasses: OptionSet, Sendable, Hashable {
    package let rawValue: UInt64
    package init(rawValue: UInt64) { self.rawValue = rawValue }
    package init(_ c: WordClass) { rawValue = 1 << UInt64(WordClass.bit[c]!) }

    package static let article = WordClasses(.article)
    package static let preposition = WordClasses(.preposition)
    package static let ofArticle = WordClasses(.ofArticle)
    package static let ofPreposition = WordClasses(.ofPreposition)
    package static let agentPreposition = WordClasses(.agentPreposition)
    package static let ordinalDeterminer = WordClasses(.ordinalDeterminer)
    package static let determiner = WordClasses(.determiner)
    package static let nounPhraseOpener = WordClasses(.nounPhraseOpener)
    package static let complementiser = WordClasses(.complementiser)
    package static let relativeOblique = WordClasses(.relativeOblique)
    package static let relativeQuale = WordClasses(.relativeQuale)
    package static let manner = WordClasses(.manner)
    package static let infinitiveMarker = WordClasses(.infinitiveMarker)
    package static let requestMarker = WordClasses(.requestMarker)
    package static let conditional = WordClasses(.conditional)
    package static let coordinator = WordClasses(.coordinator)
    package static let and = WordClasses(.and)
    package static let adversative = WordClasses(.adversative)
    package static let clauseBreak = WordClasses(.clauseBreak)
    package static let attributionLead = WordClasses(.attributionLead)
    package static let quantity = WordClasses(.quantity)
    package static let seems = WordClasses(.seems)
    package static let thus = WordClasses(.thus)
    package static let then = WordClasses(.then)
    package static let connective = WordClasses(.connective)
    package static let skippable = WordClasses(.skippable)
    package static let clauseOpener = WordClasses(.clauseOpener)
    package static let notSubjectStart = WordClasses(.notSubjectStart)
    package static let leftGap = WordClasses(.leftGap)
    package static let negation = WordClasses(.negation)
    package static let reflexive = WordClasses(.reflexive)
    package static let impersonal = WordClasses(.impersonal)
    package static let passiveAuxiliary = WordClasses(.passiveAuxiliary)
    package static let finiteAuxiliary = WordClasses(.finiteAuxiliary)
    package static let clauseVerbStart = WordClasses(.clauseVerbStart)
    package static let clitic = WordClasses(.clitic)
    package static let verbalClitic = WordClasses(.verbalClitic)
    package static let reflexiveClitic = WordClasses(.reflexiveClitic)
    package static let objectPronoun = WordClasses(.objectPronoun)
    package static let resumptive = WordClasses(.resumptive)
    package static let personalPronoun = WordClasses(.personalPronoun)
    package static let firstPerson = WordClasses(.firstPerson)
    package static let timeNoun = WordClasses(.timeNoun)
    package static let nonSource = WordClasses(.nonSource)
    package static let quoteJoiner = WordClasses(.quoteJoiner)
    package static let auxiliary = WordClasses(.auxiliary)
    package static let modal = WordClasses(.modal)
    package static let subjunctive = WordClasses(.subjunctive)
    package static let purposeComplementiser = WordClasses(.purposeComplementiser)
    package static let interrogative = WordClasses(.interrogative)
    package static let participleAuxiliary = WordClasses(.participleAuxiliary)
}

extension WordClass {
    /// Each class's bit (its position in `allCases`; at most 64 classes).
    static let bit: [WordClass: Int] = {
        precondition(allCases.count <= 64, "WordClasses holds at most 64 classes")
        var m: [WordClass: Int] = [:]
        for (i, c) in allCases.enumerated() { m[c] = i }
        return m
    }()
}

/// A class of reporting-cue lemmas with a behaviour of their own (a pack's `lemma-classes.txt`).
package enum CueLemmaClass: String, CaseIterable, Sendable {
    case contentFollows = "content-follows"
    case mannerComplement = "manner-complement"
    case noBareInfinitive = "no-bare-infinitive"
    case accordingTo = "according-to"
    case forPerson = "for-person"
    case asReported = "as-reported"
    case colonOnly = "colon-only"
    case notReflexive = "not-reflexive"
    case reflexiveContentFollows = "reflexive-content-follows"
    /// Requests whose clause of purpose (`perché`, `affinché`) is what they ask.
    case purposeComplement = "purpose-complement"
}

/// A set of ``CueLemmaClass``es as a bit mask.
package struct CueLemmaClasses: OptionSet, Sendable, Hashable {
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }
    package init(_ c: CueLemmaClass) { rawValue = 1 << UInt16(CueLemmaClass.allCases.firstIndex(of: c)!) }
    package static let contentFollows = CueLemmaClasses(.contentFollows)
    package static let mannerComplement = CueLemmaClasses(.mannerComplement)
    package static let noBareInfinitive = CueLemmaClasses(.noBareInfinitive)
    package static let accordingTo = CueLemmaClasses(.accordingTo)
    package static let forPerson = CueLemmaClasses(.forPerson)
    package static let asReported = CueLemmaClasses(.asReported)
    package static let colonOnly = CueLemmaClasses(.colonOnly)
    package static let notReflexive = CueLemmaClasses(.notReflexive)
    package static let reflexiveContentFollows = CueLemmaClasses(.reflexiveContentFollows)
    package static let purposeComplement = CueLemmaClasses(.purposeComplement)
}
