import Foundation

/// The one place the library names its resource files. Every load goes through ``text(_:)`` or ``data(_:)`` with a
/// path relative to the `Resources` folder; ``Path`` lists every path the library reads.
///
/// The bytes come from ``NLPResources``: the copy embedded in the binary, or the file of the same
/// path under `$CRONISTA_RESOURCES`.
enum ResourceFiles {
    /// Every resource path the library uses, relative to `Resources/`.
    enum Path {
        static let knowledgeBase = "KB/entities.jsonl"
        /// A file of a language pack: `Languages/<code>/<name>`.
        static func language(_ code: String, _ name: String) -> String { "Languages/\(code)/\(name)" }
        /// The files a language pack may have (each optional but `word-classes.txt`).
        static let wordClasses = "word-classes.txt"
        static let lemmaClasses = "lemma-classes.txt"
        static let quoteCues = "quote-cues.txt"
        static let quoteModel = "quotes.model"
        static let eventTriggers = "event-triggers.tsv"
        /// PLOVER type and mode → CAMEO code and quad, for every language.
        static let cameoTable = "Events/plover-cameo.tsv"
        static let entityWords = "entity-words.txt"
        static let roleNouns = "role-nouns.txt"
        /// First names and their usual gender, for gendered pronouns.
        static let firstNames = "first-names.tsv"
        static let nerModel = "ner.crner"
        static let timeGrammar = "time-grammar.txt"
        static let nerGazetteer = "ner-gazetteer.tsv"
        static let nerClusters = "ner-clusters.tsv"
        /// Read by the tokenizer for every language in ``Abbreviations/languages``, not per pack.
        static let abbreviations = "abbreviations.txt"
        static let elisions = "elisions.txt"
    }

    /// Whether a resource exists (embedded, or under `$CRONISTA_RESOURCES`).
    static func exists(_ relativePath: String) -> Bool { (try? NLPResources.bytes(relativePath)) != nil }

    /// A resource's text (UTF-8).
    static func text(_ relativePath: String) throws -> String { try NLPResources.text(relativePath) }

    /// A resource's bytes, without a copy.
    static func data(_ relativePath: String) throws -> Data { try NLPResources.data(relativePath) }
}

/// A resource file is missing or unreadable.
public struct ResourceFileError: Error, CustomStringConvertible, Sendable {
    /// The path relative to the `Resources` folder.
    public var path: String
    public var problem: String
    public var description: String { "resource \(path): \(problem)" }
}
