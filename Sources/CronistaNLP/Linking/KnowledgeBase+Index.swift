/// Compiles the lookup tables of a ``KnowledgeBase`` from its entities, once, at load.
struct KnowledgeBaseIndexBuilder {
    let entities: [KBEntity]
    var names: FoldIndexBuilder
    var rolePhrases: [String: FoldIndexBuilder] = [:]
    var adjectives: FoldIndexBuilder
    var countryByISO: [String: Int32] = [:]
    var byID: [String: Int32] = [:]

    init(entities: [KBEntity]) {
        self.entities = entities
        names = FoldIndexBuilder(expectedKeys: entities.count * 8)
        adjectives = FoldIndexBuilder(expectedKeys: 512)
    }

    mutating func build() {
        byID.reserveCapacity(entities.count)
        for (i, e) in entities.enumerated() {
            let ei = UInt32(i)
            byID[e.id] = Int32(i)
            for l in KBEntity.ordered(e.names.keys) {
                let kind = l == KBEntity.primaryLanguage ? KBMatchKind.primaryLanguageName : .otherLanguageName
                for n in e.names[l]! { names.add(n, FoldPosting(entity: ei, info: UInt16(kind.rawValue))) }
            }
            for n in e.aliases { names.add(n, FoldPosting(entity: ei, info: UInt16(KBMatchKind.alias.rawValue))) }
            for (ri, r) in e.roles.enumerated() {
                let p = FoldPosting(entity: ei, info: UInt16(ri))
                for l in r.languages {
                    for phrase in r.phrases(in: l) {
                        rolePhrases[l, default: FoldIndexBuilder(expectedKeys: l == KBEntity.primaryLanguage ? 4096 : 1024)].add(phrase, p)
                    }
                }
            }
            if e.subtype == "country" || e.subtype == "sovereignty" || e.iso != nil {
                for (li, l) in KBEntity.ordered(e.adjectives.keys).enumerated() {
                    for a in e.adjectives[l]! { adjectives.add(a, FoldPosting(entity: ei, info: UInt16(li))) }
                }
                if let iso = e.iso, countryByISO[iso] == nil || e.subtype == "country" { countryByISO[iso] = Int32(i) }
            }
        }
    }
}
