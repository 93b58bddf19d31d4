/// Compiles the lookup tables of a ``KnowledgeBase`` from its entities, once, at load.
struct KnowledgeBaseIndexBuilder {
    let entities: [KBEntity]
    var names: FoldIndexBuilder
    var rolePhrases: FoldIndexBuilder
    var adjectives: FoldIndexBuilder
    var countryByISO: [String: Int32] = [:]
    var byID: [String: Int32] = [:]

    init(entities: [KBEntity]) {
        self.entities = entities
        names = FoldIndexBuilder(expectedKeys: entities.count * 8)
        rolePhrases = FoldIndexBuilder(expectedKeys: 4096)
        adjectives = FoldIndexBuilder(expectedKeys: 512)
    }

    mutating func build() {
        byID.reserveCapacity(entities.count)
        for (i, e) in entities.enumerated() {
            let ei = UInt32(i)
            byID[e.id] = Int32(i)
            for n in e.namesIt { names.add(n, FoldPosting(entity: ei, info: UInt16(KBMatchKind.italianName.rawValue))) }
            for n in e.namesEn { names.add(n, FoldPosting(entity: ei, info: UInt16(KBMatchKind.englishName.rawValue))) }
            for n in e.aliases { names.add(n, FoldPosting(entity: ei, info: UInt16(KBMatchKind.alias.rawValue))) }
            for (ri, r) in e.roles.enumerated() {
                let p = FoldPosting(entity: ei, info: UInt16(ri))
                if let it = r.it { rolePhrases.add(it, p) }
                for a in r.itAlt { rolePhrases.add(a, p) }
            }
            if e.subtype == "country" || e.subtype == "sovereignty" || e.iso != nil {
                for a in e.adjectivesIt { adjectives.add(a, FoldPosting(entity: ei, info: 0)) }
                for a in e.adjectivesEn { adjectives.add(a, FoldPosting(entity: ei, info: 1)) }
                if let iso = e.iso, countryByISO[iso] == nil || e.subtype == "country" { countryByISO[iso] = Int32(i) }
            }
        }
    }
}
