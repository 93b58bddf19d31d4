public import CronistaCore
import Foundation

/// A user's own knowledge-base file (`--kb-extra`): entities of a desk's beat, added or updated one
/// at a time by `cronista kb add`. Each line is an entity in the `entities.jsonl` format; an id
/// that is also in the bundled KB merges into that entry when loaded.
public struct KBOverlay {
    public var path: String
    public init(path: String) { self.path = path }

    /// One entity described on the command line.
    public struct Entry: Sendable {
        public var id: String
        public var type: EntityType
        /// Names per language code, the first one shown.
        public var names: [(language: String, name: String)]
        public var aliases: [String]
        public var roles: [Role]
        /// Places: `city`, `country`, …; organisations: `sports_club`, `news_agency`, ….
        public var subtype: String?
        /// Places: the ISO 3166 alpha-2 code of their country.
        public var country: String?

        public struct Role: Sendable {
            public var labels: [(language: String, label: String)]
            public var country: String?
            public var from: String?
            public var to: String?
            public init(labels: [(language: String, label: String)], country: String? = nil, from: String? = nil, to: String? = nil) {
                self.labels = labels
                self.country = country
                self.from = from
                self.to = to
            }
        }

        public init(
            id: String, type: EntityType, names: [(language: String, name: String)], aliases: [String] = [], roles: [Role] = [],
            subtype: String? = nil, country: String? = nil
        ) {
            self.id = id
            self.type = type
            self.names = names
            self.aliases = aliases
            self.roles = roles
            self.subtype = subtype
            self.country = country
        }

        /// A local id from the first name: `kb:user/giulia-ferraresi`.
        public static func localID(for name: String) -> String {
            var slug = ""
            for c in name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars {
                if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                    slug.unicodeScalars.append(c)
                } else if !slug.isEmpty && !slug.hasSuffix("-") {
                    slug.append("-")
                }
            }
            while slug.hasSuffix("-") { slug.removeLast() }
            return "kb:user/" + (slug.isEmpty ? "entity" : slug)
        }

        /// The entity as one line of the KB format (no newline).
        public var line: String {
            var w = KBLineWriter()
            w.open()
            w.field("id", id)
            w.field("type", type.label)
            w.key("names")
            w.open()
            var languages: [String] = []
            for (l, _) in names where !languages.contains(l) { languages.append(l) }
            for l in languages { w.field(l, names.filter { $0.language == l }.map(\.name)) }
            w.close()
            w.field("aliases", aliases)
            w.key("roles")
            w.text.append("[")
            for (i, r) in roles.enumerated() {
                if i > 0 { w.text.append(",") }
                w.open()
                for (l, label) in r.labels { w.field(l, label) }
                w.key("country")
                w.stringOrNull(r.country)
                w.key("from")
                w.stringOrNull(r.from)
                w.key("to")
                w.stringOrNull(r.to)
                w.field("source", Self.source)
                w.close()
            }
            w.text.append("]")
            if let subtype { w.field(type == .location ? "subtype" : "kind", subtype) }
            if let country { w.field("country", country) }
            w.field("source", Self.source)
            w.close()
            return w.text
        }

        /// The `source` tag of entities added by hand.
        public static let source = "user"
    }

    /// Adds `line` (one entity in the KB format) to the file, replacing the line with the same id if
    /// there is one; the file is created if missing and rewritten atomically. Returns whether an
    /// entity was replaced. The line is checked by the KB's own parser first.
    @discardableResult
    public func upsert(line: String) throws -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let entity = try KnowledgeBase.parseEntities(trimmed, path: "<new entity>").first else {
            throw KnowledgeBaseError(path: "<new entity>", line: 1, problem: "no entity given")
        }
        var lines: [String] = []
        if FileManager.default.fileExists(atPath: path) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
        var replaced = false
        for (i, l) in lines.enumerated() {
            let existing: [KBEntity]
            do { existing = try KnowledgeBase.parseEntities(l, path: path) } catch let e as KnowledgeBaseError {
                throw KnowledgeBaseError(path: path, line: i + 1, problem: e.problem)
            }
            if existing.first?.id == entity.id {
                lines[i] = trimmed
                replaced = true
            }
        }
        if !replaced { lines.append(trimmed) }
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw KnowledgeBaseError(path: path, line: 0, problem: "cannot write (\(error.localizedDescription))")
        }
        return replaced
    }
}
