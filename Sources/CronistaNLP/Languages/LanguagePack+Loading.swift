import Foundation

extension LanguagePack {
    /// Loads the pack in `Resources/Languages/<code>/`: `word-classes.txt` (required), and when
    /// present `lemma-classes.txt`, `quote-cues.txt` + `quotes.model`, `entity-words.txt` + `role-nouns.txt` + `first-names.tsv`, `time-grammar.txt`, `ner.crner`.
    static func bundled(code: String, rules: any LanguageRules, nerModelPath: String? = nil, loadModel: Bool = true) throws -> LanguagePack
    {
        typealias P = ResourceFiles.Path
        func path(_ name: String) -> String { P.language(code, name) }
        let classes = try Self.parseClasses(ResourceFiles.text(path(P.wordClasses)), file: path(P.wordClasses), as: WordClass.self)
        var lemmaClasses: [String: CueLemmaClasses] = [:]
        if ResourceFiles.exists(path(P.lemmaClasses)) {
            for (c, lemmas) in try Self.parseClasses(
                ResourceFiles.text(path(P.lemmaClasses)), file: path(P.lemmaClasses), as: CueLemmaClass.self)
            {
                for l in lemmas { lemmaClasses[l, default: []].insert(CueLemmaClasses(c)) }
            }
        }
        var lexicon: QuoteLexicon?
        if ResourceFiles.exists(path(P.quoteCues)) {
            lexicon = try QuoteLexicon(
                text: ResourceFiles.text(path(P.quoteCues)), languages: [code], rules: rules,
                lemmaClasses: lemmaClasses, file: path(P.quoteCues))
        }
        var quoteModel: QuoteModel?
        if lexicon != nil, ResourceFiles.exists(path(P.quoteModel)) {
            quoteModel = try QuoteModel(text: ResourceFiles.text(path(P.quoteModel)), file: path(P.quoteModel))
        }
        var entityWords: EntityWords?
        if ResourceFiles.exists(path(P.entityWords)) {
            entityWords = try EntityWords(
                text: ResourceFiles.text(path(P.entityWords)), file: path(P.entityWords),
                roleNouns: ResourceFiles.exists(path(P.roleNouns)) ? ResourceFiles.text(path(P.roleNouns)) : "",
                roleNounsFile: path(P.roleNouns), language: code,
                firstNames: ResourceFiles.exists(path(P.firstNames)) ? ResourceFiles.text(path(P.firstNames)) : "",
                firstNamesFile: path(P.firstNames))
        }
        var timeGrammar: TimeGrammar?
        if ResourceFiles.exists(path(P.timeGrammar)) {
            timeGrammar = try TimeGrammar(text: ResourceFiles.text(path(P.timeGrammar)), file: path(P.timeGrammar))
        }
        var eventLexicon: EventLexicon?
        if ResourceFiles.exists(path(P.eventTriggers)) {
            eventLexicon = try EventLexicon(text: ResourceFiles.text(path(P.eventTriggers)), rules: rules, file: path(P.eventTriggers))
        }
        // A model named by the user is read now (a bad path fails at start-up); the bundled one on
        // the first document of this language (``LazyNERModel``).
        var model: LazyNERModel?
        if let nerModelPath {
            model = LazyNERModel(try NERModel(path: nerModelPath))
        } else if loadModel, ResourceFiles.exists(path(P.nerModel)) {
            let file = path(P.nerModel)
            model = LazyNERModel { try NERModel(bytes: ResourceFiles.data(file), name: file) }
        }
        return LanguagePack(
            code: code, rules: rules, wordClasses: classes, quoteLexicon: lexicon, quoteModel: quoteModel,
            entityWords: entityWords, timeGrammar: timeGrammar, eventLexicon: eventLexicon, lazyNERModel: model)
    }

    /// Parses `CLASS: WORD WORD …` lines (`#` comments, blank lines) into words by class.
    static func parseClasses<C: RawRepresentable & Hashable>(_ text: String, file: String, as: C.Type) throws -> [C: [String]]
    where C.RawValue == String {
        var out: [C: [String]] = [:]
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw LanguagePackError(
                    file: file, line: lineNumber, problem: "expected 'CLASS: WORD WORD …', got \(line.debugDescription)")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard let c = C(rawValue: name) else {
                throw LanguagePackError(file: file, line: lineNumber, problem: "unknown class \(name.debugDescription)")
            }
            let words = line[line.index(after: colon)...].split(separator: " ").map {
                $0.lowercased().replacingOccurrences(of: "’", with: "'")
            }
            out[c, default: []].append(contentsOf: words)
        }
        return out
    }
}

/// A malformed line in a language pack's data file.
public struct LanguagePackError: Error, CustomStringConvertible, Sendable {
    /// The file, relative to the resources folder (`Languages/it/word-classes.txt`).
    public var file: String
    public var line: Int
    public var problem: String
    public var description: String { "\(file):\(line): \(problem)" }
}
