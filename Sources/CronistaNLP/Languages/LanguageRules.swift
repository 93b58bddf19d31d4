/// What a language needs beyond word lists: tests on a word's shape (an infinitive, a gerund, a past
/// participle) and the inflection of a cue lemma. One conformer per language (``ItalianRules``);
/// the generic components call it through ``LanguagePack/rules``.
///
/// Every test takes a token's form: lower-cased, with `’` written `'`.
public protocol LanguageRules: Sendable {
    /// An infinitive, possibly with an enclitic (Italian `dire`, `farlo`): it opens a `di` + infinitive clause.
    func isInfinitive(_ form: String) -> Bool
    /// A gerund (`dicendo`): a clause that shares the subject of the clause it hangs on.
    func isGerund(_ form: String) -> Bool
    /// A past participle (`detto`, `affermato`): with a passive auxiliary it makes a passive.
    func isParticiple(_ form: String) -> Bool
    /// A verb form that is first person by its ending alone (Italian `avevamo`, `abbiamo`): words in
    /// one's own voice. False by default.
    func isFirstPersonVerb(_ form: String) -> Bool
    /// A participle alone (no auxiliary) is an adjective or a noun, not a verb group
    /// (Italian `la proposta`, `smentita da…`).
    var participleNeedsAuxiliary: Bool { get }
    /// The forms of a regular verb (`affermare` → `afferma`, `affermato`, …), for cue lines that
    /// list no forms; empty when the lemma is not regular.
    func conjugate(_ lemma: String) -> [String]
    /// The inflected forms of a country adjective or demonym that a knowledge base lists in its base
    /// form (Italian `francese` → `francesi`), folded like it; empty by default.
    func adjectiveForms(_ base: String) -> [String]
    /// The writing conventions the text layer follows for this language (none by default).
    var textConventions: TextConventions { get }
    /// A country adjective stands before a role head (English `the Belarusian leader`), not after it
    /// (Italian `il leader bielorusso`, the default).
    var countryAdjectiveBeforeHead: Bool { get }
    /// Whether the infinitive marker alone makes the next word an infinitive (English `to say`),
    /// where an infinitive has no shape of its own; false by default (Italian `di dire`).
    var markerMakesInfinitive: Bool { get }
    /// Whether a reported clause may follow its verb without a complementiser (English `said the
    /// plan failed`); false by default (Italian `ha detto che`).
    var complementiserOptional: Bool { get }
    /// Whether a quotation's closing comma stands inside its marks (English `"Q," X said`); false by default.
    var commaInsideQuotes: Bool { get }
    /// Whether a cue after its content puts its subject first (English `…, the senator said.`);
    /// false by default (Italian `…, riporta Ap.`).
    var subjectBeforeTrailingCue: Bool { get }
    /// Whether doubled apostrophes and backticks are quotation marks (older English wire copy:
    /// ``` ``…'' ```, `''…''`); false by default.
    var doubledQuoteMarks: Bool { get }
    /// Whether a quotation that its attribution interrupts (`"X," he said, "Y."`) is reported as one
    /// quote over both pieces, as the language's reference annotation counts it; false by default
    /// (two quotes with the same speaker, `spec/quote-guidelines.md`).
    var joinsInterruptedQuotes: Bool { get }
    /// Whether a plural noun with no article is a subject (English `experts say`, `human rights
    /// groups warned`); false by default (Italian puts an article before it: `gli esperti dicono`).
    var bareNounSubjects: Bool { get }
}

extension LanguageRules {
    /// No inflected forms: the knowledge base's adjectives as they are.
    public func adjectiveForms(_ base: String) -> [String] { [] }
    /// None: the text layer's defaults.
    public var textConventions: TextConventions { [] }
    /// After the head, as in Italian.
    public var countryAdjectiveBeforeHead: Bool { false }

    public var markerMakesInfinitive: Bool { false }

    public func isFirstPersonVerb(_ form: String) -> Bool { false }

    public var complementiserOptional: Bool { false }

    public var commaInsideQuotes: Bool { false }

    public var subjectBeforeTrailingCue: Bool { false }

    public var doubledQuoteMarks: Bool { false }

    public var joinsInterruptedQuotes: Bool { false }

    public var bareNounSubjects: Bool { false }
}
