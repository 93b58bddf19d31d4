/// Forms that end in an elision apostrophe (`l'`, `dell'`, `un'`): data for the tokenizer, which
/// flags them (`.elision`), from each language pack's
/// `elisions.txt` (lower case, without the apostrophe, ASCII letters, at most 7). Like
/// ``Abbreviations``, the union of the languages in ``Abbreviations/languages``, built once.
enum ElisionLexicon {
    /// The class name of `elisions.txt` lines (`elision: l d c …`).
    enum FileClass: String { case elision }

    /// Whether `bytes[start..<end]` (ASCII letters, any case) is an elision stem.
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let n = end - start
        guard n >= 1 && n <= 7 else { return false }
        var key: UInt64 = 0
        for i in start..<end {
            let c = b[i] | 0x20
            guard c >= 0x61 && c <= 0x7A else { return false }
            key = key << 8 | UInt64(c)
        }
        return packed.contains(key)
    }

    /// Each stem's letters packed into an integer. A malformed file stops the program with its file
    /// and line (see ``Abbreviations/table``); ``LanguagePacks/bundled(nerModelPath:)`` throws instead.
    private static let packed: Set<UInt64> = {
        do { return try loaded.get() } catch { fatalError("\(error)") }
    }()

    static let loaded: Result<Set<UInt64>, any Error> = Result { try load(languages: Abbreviations.languages) }

    static func load(languages: [String]) throws -> Set<UInt64> {
        var out: Set<UInt64> = []
        for code in languages {
            let file = ResourceFiles.Path.language(code, ResourceFiles.Path.elisions)
            guard ResourceFiles.exists(file) else { continue }
            let text = try ResourceFiles.text(file)
            for stem in try LanguagePack.parseClasses(text, file: file, as: FileClass.self)[.elision] ?? [] {
                guard (1...7).contains(stem.utf8.count), stem.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else {
                    let line =
                        text.split(separator: "\n", omittingEmptySubsequences: false)
                        .firstIndex { $0.split(separator: " ").contains { $0 == stem } }.map { $0 + 1 } ?? 0
                    throw LanguagePackError(
                        file: file, line: line, problem: "elision stem \(stem.debugDescription) is not 1 to 7 ASCII letters")
                }
                out.insert(stem.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
            }
        }
        return out
    }
}
