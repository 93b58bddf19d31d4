import Foundation

/// The one place the library finds its resource files. Every load goes through ``url(_:)`` with a
/// path relative to the `Resources` folder; ``Path`` lists every path the library reads.
///
/// Implemented with the SwiftPM bundle for now; how a binary carries or locates its resources is
/// decided here and nowhere else.
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
        static let entityWords = "entity-words.txt"
        static let roleNouns = "role-nouns.txt"
        static let nerModel = "ner.crner"
        static let nerGazetteer = "ner-gazetteer.tsv"
        static let nerClusters = "ner-clusters.tsv"
        /// Read by the tokenizer for every language in ``Abbreviations/languages``, not per pack.
        static let abbreviations = "abbreviations.txt"
        static let elisions = "elisions.txt"
    }

    /// The URL of a resource, or an error naming the path.
    static func url(_ relativePath: String) throws -> URL {
        let parts = relativePath.split(separator: "/")
        let file = parts.last.map(String.init) ?? relativePath
        let dir = (["Resources"] + parts.dropLast().map(String.init)).joined(separator: "/")
        let dot = file.lastIndex(of: ".")
        let name = dot.map { String(file[..<$0]) } ?? file
        let ext = dot.map { String(file[file.index(after: $0)...]) }
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: dir) else {
            throw ResourceFileError(path: relativePath, problem: "not found in the CronistaNLP resource bundle")
        }
        return url
    }

    /// Whether a resource exists.
    static func exists(_ relativePath: String) -> Bool { (try? url(relativePath)) != nil }

    /// A resource's text (UTF-8).
    static func text(_ relativePath: String) throws -> String {
        let u = try url(relativePath)
        do { return try String(contentsOf: u, encoding: .utf8) } catch {
            throw ResourceFileError(path: relativePath, problem: "unreadable: \(error)")
        }
    }
}

/// A resource file is missing or unreadable.
public struct ResourceFileError: Error, CustomStringConvertible, Sendable {
    /// The path relative to the `Resources` folder.
    public var path: String
    public var problem: String
    public var description: String { "resource \(path): \(problem)" }
}
