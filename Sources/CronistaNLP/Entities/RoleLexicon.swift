import CronistaCore

/// The role vocabulary descriptions are matched against, derived once from the knowledge base's
/// role phrases: the heads (`presidente`, `ministro degli esteri`, `capo della diplomazia`) that
/// precede a country adjective or `di` + country in the KB's own phrases, plus generic heads for
/// the article's own appositions.
struct RoleLexicon: Sendable {
    /// Fold keys of role heads (`ministro degli esteri`).
    let heads: Set<String>
    /// First words of heads (`ministro`), to skip positions that cannot start a description.
    let headFirstWords: Set<String>
    /// The longest head, in words.
    let maxHeadWords: Int

    /// Heads that mean "the country's leader": `il leader di Minsk` is its president or prime minister.
    static let leaderExpansions = ["presidente", "primo ministro", "premier", "capo dello stato", "capo del governo",
                                   "cancelliere", "presidente del consiglio", "re", "regina"]

    /// Heads used in appositions even when no KB role uses them.
    static let genericHeads = [
        "presidente", "ministro", "premier", "leader", "capo", "segretario", "segretario generale", "portavoce",
        "direttore", "sindaco", "ambasciatore", "cancelliere", "governatore", "vicepresidente", "vicepremier",
        "primo ministro", "procuratore", "generale", "comandante", "commissario", "deputato", "senatore",
        "eurodeputato", "fondatore", "amministratore delegato", "allenatore", "giornalista", "papa", "re", "regina",
        "principe", "principessa", "rappresentante", "inviato", "consigliere", "sottosegretario", "viceministro",
        "presidente del consiglio", "capo dello stato", "capo del governo", "capo della diplomazia",
    ]

    /// Prepositions that join a head to a place (`presidente della Bielorussia`).
    static let placePrepositions: Set<String> = ["di", "del", "della", "dell'", "dello", "dei", "degli", "delle", "d'"]

    init(kb: KnowledgeBase) {
        var heads = Set(Self.genericHeads)
        heads.insert("leader")
        var seen = Set<String>()
        for e in kb.entities where e.type == .person {
            for r in e.roles {
                for phrase in [r.it].compactMap({ $0 }) + r.itAlt where seen.insert(phrase).inserted {
                    if let h = Self.head(of: phrase, kb: kb) { heads.insert(h) }
                }
            }
        }
        self.heads = heads
        var first = Set<String>()
        var maxWords = 1
        for h in heads {
            let words = h.split(separator: " ")
            if let f = words.first { first.insert(String(f)) }
            maxWords = max(maxWords, words.count)
        }
        headFirstWords = first
        maxHeadWords = maxWords
    }

    /// The head of a KB role phrase: the words before a final country adjective, or before
    /// `di`/`della`… + a country. Nil when the phrase has neither.
    static func head(of phrase: String, kb: KnowledgeBase) -> String? {
        let f = FoldKey.fold(phrase)
        var words = f.split(separator: " ").map(String.init)
        // Split elisions: "dell'italia" → "dell'", "italia".
        var split: [String] = []
        for w in words {
            if let q = w.firstIndex(of: "'"), q != w.index(before: w.endIndex) {
                split.append(String(w[...q]))
                split.append(String(w[w.index(after: q)...]))
            } else { split.append(w) }
        }
        words = split
        guard words.count >= 2 else { return nil }
        if kb.country(adjective: words[words.count - 1]) != nil {
            return joinPhrase(words[0..<(words.count - 1)])
        }
        for i in stride(from: words.count - 2, through: 1, by: -1) where placePrepositions.contains(words[i]) {
            var place: [UInt8] = Array(joinPhrase(words[(i + 1)...]).utf8)
            let isCountry = place.withUnsafeMutableBufferPointer { kb.countryOf(placeFolded: UnsafeBufferPointer($0)) != nil }
            if isCountry { return joinPhrase(words[0..<i]) }
            place.removeAll()
        }
        return nil
    }

    static func joinPhrase(_ words: ArraySlice<String>) -> String {
        var out = ""
        for w in words {
            if !out.isEmpty && !out.hasSuffix("'") { out += " " }
            out += w
        }
        return out
    }
}
