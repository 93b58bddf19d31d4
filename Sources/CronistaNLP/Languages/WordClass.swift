/// A class of function words that the generic components ask a language about: `complementiser`
/// (Italian `che`), `agentPreposition` (`da`, `dal`, …), `personalPronoun` (`lui`, `lei`, …).
///
/// The raw value is the class's name in a pack's `word-classes.txt`. The words are data; the
/// classes are the questions the code asks, so a new language fills the same classes.
public enum WordClass: String, CaseIterable, Sendable {
    case article
    case preposition
    case ofArticle = "of-article"
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
    case objectPronoun = "object-pronoun"
    case resumptive
    case personalPronoun = "personal-pronoun"
    case timeNoun = "time-noun"
    case nonSource = "non-source"
    case quoteJoiner = "quote-joiner"
    case auxiliary
    case modal
}

/// A set of ``WordClass``es as one bit mask: a token's classes are looked up once per document,
/// and every later test is an AND.
public struct WordClasses: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ c: WordClass) { rawValue = 1 << UInt64(WordClass.bit[c]!) }

    public static let article = WordClasses(.article)
    public static let preposition = WordClasses(.preposition)
    public static let ofArticle = WordClasses(.ofArticle)
    public static let agentPreposition = WordClasses(.agentPreposition)
    public static let ordinalDeterminer = WordClasses(.ordinalDeterminer)
    public static let determiner = WordClasses(.determiner)
    public static let nounPhraseOpener = WordClasses(.nounPhraseOpener)
    public static let complementiser = WordClasses(.complementiser)
    public static let relativeOblique = WordClasses(.relativeOblique)
    public static let relativeQuale = WordClasses(.relativeQuale)
    public static let manner = WordClasses(.manner)
    public static let infinitiveMarker = WordClasses(.infinitiveMarker)
    public static let requestMarker = WordClasses(.requestMarker)
    public static let conditional = WordClasses(.conditional)
    public static let coordinator = WordClasses(.coordinator)
    public static let and = WordClasses(.and)
    public static let adversative = WordClasses(.adversative)
    public static let clauseBreak = WordClasses(.clauseBreak)
    public static let attributionLead = WordClasses(.attributionLead)
    public static let quantity = WordClasses(.quantity)
    public static let seems = WordClasses(.seems)
    public static let thus = WordClasses(.thus)
    public static let then = WordClasses(.then)
    public static let connective = WordClasses(.connective)
    public static let skippable = WordClasses(.skippable)
    public static let clauseOpener = WordClasses(.clauseOpener)
    public static let notSubjectStart = WordClasses(.notSubjectStart)
    public static let leftGap = WordClasses(.leftGap)
    public static let negation = WordClasses(.negation)
    public static let reflexive = WordClasses(.reflexive)
    public static let impersonal = WordClasses(.impersonal)
    public static let passiveAuxiliary = WordClasses(.passiveAuxiliary)
    public static let finiteAuxiliary = WordClasses(.finiteAuxiliary)
    public static let clauseVerbStart = WordClasses(.clauseVerbStart)
    public static let clitic = WordClasses(.clitic)
    public static let verbalClitic = WordClasses(.verbalClitic)
    public static let objectPronoun = WordClasses(.objectPronoun)
    public static let resumptive = WordClasses(.resumptive)
    public static let personalPronoun = WordClasses(.personalPronoun)
    public static let timeNoun = WordClasses(.timeNoun)
    public static let nonSource = WordClasses(.nonSource)
    public static let quoteJoiner = WordClasses(.quoteJoiner)
    public static let auxiliary = WordClasses(.auxiliary)
    public static let modal = WordClasses(.modal)
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
public enum CueLemmaClass: String, CaseIterable, Sendable {
    case contentFollows = "content-follows"
    case mannerComplement = "manner-complement"
    case noBareInfinitive = "no-bare-infinitive"
    case accordingTo = "according-to"
    case forPerson = "for-person"
}

/// A set of ``CueLemmaClass``es as a bit mask.
public struct CueLemmaClasses: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(_ c: CueLemmaClass) { rawValue = 1 << UInt8(CueLemmaClass.allCases.firstIndex(of: c)!) }
    public static let contentFollows = CueLemmaClasses(.contentFollows)
    public static let mannerComplement = CueLemmaClasses(.mannerComplement)
    public static let noBareInfinitive = CueLemmaClasses(.noBareInfinitive)
    public static let accordingTo = CueLemmaClasses(.accordingTo)
    public static let forPerson = CueLemmaClasses(.forPerson)
}
