/// English word shapes and regular conjugation (``LanguageRules``).
public struct EnglishRules: LanguageRules {
    public init() {}

    /// English marks its infinitive with `to`, not with an ending: no form is an infinitive by shape.
    public func isInfinitive(_ f: String) -> Bool { false }

    /// `to` marks the infinitive: the word after it is one (``LanguageRules/markerMakesInfinitive``).
    public var markerMakesInfinitive: Bool { true }

    /// `said the plan failed`: `that` may be left out.
    public var complementiserOptional: Bool { true }

    /// `"We will win," she said`.
    public var commaInsideQuotes: Bool { true }

    /// `…, the senator said.`
    public var subjectBeforeTrailingCue: Bool { true }

    /// ``` ``…'' ``` and `''…''` in older wire copy.
    public var doubledQuoteMarks: Bool { true }

    /// `"X," he said, "Y."` is one attribution in PolNeAR, the English reference annotation.
    public var joinsInterruptedQuotes: Bool { true }

    /// `critics say`, `human rights groups warned`.
    public var bareNounSubjects: Bool { true }

    public func isGerund(_ f: String) -> Bool { f.count > 5 && f.hasSuffix("ing") }

    static let irregularParticiples: Set<String> = [
        "said", "told", "written", "spoken", "given", "made", "taken", "known", "shown", "seen", "thought",
        "held", "meant", "brought", "sought", "taught", "felt", "found", "kept", "left", "put", "set", "heard"
    ]

    public func isParticiple(_ f: String) -> Bool {
        Self.irregularParticiples.contains(f) || (f.count > 4 && f.hasSuffix("ed"))
    }

    /// Plural possessives (`the leaders'`) split like `'s`; wire-copy datelines are sentences of their own.
    public var textConventions: TextConventions { [.pluralPossessive, .datelines] }

    /// `the Belarusian leader`, `the French foreign minister`.
    public var countryAdjectiveBeforeHead: Bool { true }

    /// The simple past has the participle's shape (`X said`, `X warned`): a participle alone is a verb.
    public var participleNeedsAuxiliary: Bool { false }

    /// Base, third-person, past and gerund forms of a regular verb (`warn` → `warns`, `warned`,
    /// `warning`; `state` → `states`, `stated`, `stating`; `deny` → `denies`, `denied`, `denying`).
    public func conjugate(_ lemma: String) -> [String] {
        guard lemma.count > 2, lemma.allSatisfy({ $0.isLetter }) else { return [] }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if lemma.hasSuffix("e") && !lemma.hasSuffix("ee") {
            let s = String(lemma.dropLast())
            return [lemma, lemma + "s", lemma + "d", s + "ing"]
        }
        if lemma.hasSuffix("y"), let before = lemma.dropLast().last, !vowels.contains(before) {
            let s = String(lemma.dropLast())
            return [lemma, s + "ies", s + "ied", lemma + "ing"]
        }
        let sibilant = ["s", "sh", "ch", "x", "z"].contains { lemma.hasSuffix($0) }
        return [lemma, lemma + (sibilant ? "es" : "s"), lemma + "ed", lemma + "ing"]
    }

    /// The plural of a demonym the knowledge base lists in the singular (`Russian` → `Russians`);
    /// `French`, `British`, `Chinese` have none.
    public func adjectiveForms(_ base: String) -> [String] {
        guard base.count > 3 else { return [] }
        if base.hasSuffix("an") || base.hasSuffix("i") { return [base + "s"] }
        return []
    }
}
