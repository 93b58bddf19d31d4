import Foundation

/// Everything the analysis knows about one language: its function-word classes, reporting cues,
/// description and role words, NER model, and the little code that data cannot say
/// (``LanguageRules``). Generic components (quotes, clauses, entities) ask the pack of a document's
/// language; a language without a pack gets no mentions, entities, clauses or quotes.
///
/// The bundled packs live in `Resources/Languages/<code>/` (see ``LanguagePacks/bundled(nerModelPath:)``).
public struct LanguagePack: Sendable {
    /// ISO 639-1 code (`it`), as ``Document/language`` holds it.
    public let code: String
    public let rules: any LanguageRules
    /// Word form → its classes.
    let wordClasses: [String: WordClasses]
    /// Reporting cues; nil: no quote extraction in this language.
    public let quoteLexicon: QuoteLexicon?
    /// The learned quote decisions (`quotes.model`); nil: the rules decide alone.
    public let quoteModel: QuoteModel?
    /// The event triggers (`event-triggers.tsv`), when the pack has them.
    public let eventLexicon: EventLexicon?
    /// Names tagger, parsed on first use (``loadNERModel()``); nil: no name mentions (and so no
    /// entities) in this language.
    package let lazyNERModel: LazyNERModel?
    /// Description, role and relative-pronoun words for the entity step; nil: names only.
    package let entityWords: EntityWords?
    /// Time-expression tables, tense cues and rules (`time-grammar.txt`); nil: no `times` layer.
    public let timeGrammar: TimeGrammar?

    /// A pack from its parts. `wordClasses` lists each class's words (lower-case, `'` for `’`).
    package init(
        code: String, rules: any LanguageRules, wordClasses: [WordClass: [String]],
        quoteLexicon: QuoteLexicon? = nil, quoteModel: QuoteModel? = nil, nerModel: NERModel? = nil, entityWords: EntityWords? = nil,
        timeGrammar: TimeGrammar? = nil, eventLexicon: EventLexicon? = nil, lazyNERModel: LazyNERModel? = nil
    ) {
        self.code = code
        self.rules = rules
        var table: [String: WordClasses] = [:]
        for (c, words) in wordClasses {
            for w in words { table[w, default: []].insert(WordClasses(c)) }
        }
        self.wordClasses = table
        self.quoteLexicon = quoteLexicon
        self.quoteModel = quoteModel
        self.lazyNERModel = nerModel.map { LazyNERModel($0) } ?? lazyNERModel
        self.entityWords = entityWords
        self.timeGrammar = timeGrammar
        self.eventLexicon = eventLexicon
    }

    /// How this language's names are bounded (``NameConventions``); none without entity words.
    public var nameConventions: NameConventions { entityWords?.nameConventions ?? .none }

    /// Whether the pack has a names tagger (without loading it).
    public var hasNERModel: Bool { lazyNERModel != nil }

    /// The names tagger, read and parsed on the first call (from any thread, once); nil when the
    /// pack has none.
    ///
    /// - Throws: the model file's error (``CronistaError``), on this and every later call.
    public func loadNERModel() throws -> NERModel? { try lazyNERModel?.model() }

    /// The classes of a token form (lower-cased, `'` for `’`); empty for a content word.
    @inline(__always)
    package func classes(of form: String) -> WordClasses { wordClasses[form] ?? [] }

    /// The words of a class, sorted (for tests and documentation).
    package func words(in c: WordClass) -> [String] {
        wordClasses.filter { $0.value.contains(WordClasses(c)) }.map(\.key).sorted()
    }
}

/// The language packs an engine knows, by code.
public struct LanguagePacks: Sendable {
    public private(set) var packs: [String: LanguagePack] = [:]

    public init(_ packs: [LanguagePack] = []) {
        for p in packs { self.packs[p.code] = p }
    }

    /// The pack for a document's language, if there is one.
    public subscript(code: String) -> LanguagePack? { packs[code] }

    public mutating func add(_ pack: LanguagePack) { packs[pack.code] = pack }

    /// The languages that ship with code and data. Add a language here once its folder under
    /// `Resources/Languages/` and its ``LanguageRules`` conformer exist.
    static let bundledLanguages: [(code: String, rules: any LanguageRules)] = [("it", ItalianRules()), ("en", EnglishRules())]

    /// The codes of the bundled languages (`it`, `en`).
    public static var bundledCodes: [String] { bundledLanguages.map(\.code) }

    /// The bundled packs; `nerModelPath` replaces the Italian NER model (as `--model` does).
    public static func bundled(nerModelPath: String? = nil) throws -> LanguagePacks {
        var out = LanguagePacks()
        // The tokenizer's tables (every language's abbreviations and elisions): a bad file is an
        // error here rather than a stop at the first token.
        _ = try Abbreviations.loaded.get()
        _ = try ElisionLexicon.loaded.get()
        // `--model` and `$CRONISTA_NER_MODEL` replace the Italian model, as they always did.
        let env = ProcessInfo.processInfo.environment["CRONISTA_NER_MODEL"].flatMap { $0.isEmpty ? nil : $0 }
        for (code, rules) in bundledLanguages {
            out.add(try LanguagePack.bundled(code: code, rules: rules, nerModelPath: code == "it" ? nerModelPath ?? env : nil))
        }
        return out
    }

    /// The bundled packs without NER models (quotes and clauses on text whose mentions are given).
    static let bundledWithoutModels: LanguagePacks = {
        var out = LanguagePacks()
        for (code, rules) in bundledLanguages {
            if let p = try? LanguagePack.bundled(code: code, rules: rules, loadModel: false) { out.add(p) }
        }
        return out
    }()
}
