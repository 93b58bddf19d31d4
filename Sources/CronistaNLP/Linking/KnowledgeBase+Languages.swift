extension KBEntity {
    /// The entity's names in a language (`it`, `en`), as the KB file keys them; empty for others.
    public func names(in language: String) -> [String] {
        switch language {
        case "it": namesIt
        case "en": namesEn
        default: []
        }
    }

    /// Demonyms and country adjectives in a language.
    public func adjectives(in language: String) -> [String] {
        switch language {
        case "it": adjectivesIt
        case "en": adjectivesEn
        default: []
        }
    }
}

extension KBRole {
    /// The phrases that name the role in a language, the main label first.
    public func labels(_ language: String) -> [String] {
        switch language {
        case "it": [it].compactMap { $0 } + itAlt
        case "en": [en].compactMap { $0 }
        default: []
        }
    }
}
