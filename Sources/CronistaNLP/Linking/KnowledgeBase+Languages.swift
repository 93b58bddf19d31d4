extension KBEntity {
    /// The language whose names the linker trusts most (a name in it scores above a name in
    /// another language) and which popularity counts: the language the KB was curated for.
    public static let primaryLanguage = "it"

    /// Language codes in the order the KB indexes and shows them: ``primaryLanguage`` first, then
    /// the others alphabetically, so that index postings and display names do not depend on
    /// dictionary order.
    public static func ordered(_ codes: some Sequence<String>) -> [String] {
        codes.sorted { a, b in
            if a == primaryLanguage { return b != primaryLanguage }
            if b == primaryLanguage { return false }
            return a < b
        }
    }

    /// The `subtype` of towns and cities.
    public static let citySubtype = "city"

    /// The entity's names in a language (`it`, `en`), as the KB file keys them; empty for others.
    @inlinable public func names(in language: String) -> [String] { names[language] ?? [] }

    /// Demonyms and country adjectives in a language.
    @inlinable public func adjectives(in language: String) -> [String] { adjectives[language] ?? [] }

    /// Every name in every language (``ordered(_:)``), then the aliases.
    public var allNames: [String] { Self.ordered(names.keys).flatMap { names[$0]! } + aliases }
}

extension KBRole {
    /// The phrases that name the role in a language, the main label first.
    public func phrases(in language: String) -> [String] {
        var out: [String] = []
        if let l = labels[language] { out.append(l) }
        if let a = alternates[language] { out += a }
        return out
    }

    /// The label to show: the main label of the first language (``KBEntity/ordered(_:)``) that has one.
    public var displayLabel: String? { KBEntity.ordered(labels.keys).first.flatMap { labels[$0] } }

    /// The languages the role has phrases in, in ``KBEntity/ordered(_:)`` order.
    public var languages: [String] { KBEntity.ordered(Set(labels.keys).union(alternates.keys)) }
}
