import CronistaCore

/// The role vocabulary descriptions are matched against, derived once per language from the
/// knowledge base's role phrases in that language: the heads (`presidente`, `ministro degli esteri`,
/// `capo della diplomazia`) that precede a country adjective or a place preposition + country in
/// the KB's own phrases, plus the pack's generic heads (`role-nouns.txt`) for the article's own appositions.
struct RoleLexicon: Sendable {
    /// Fold keys of role heads (`ministro degli esteri`).
    let heads: Set<String>
    /// First words of heads (`ministro`), to skip positions that cannot start a description.
    let headFirstWords: Set<String>
    /// The longest head, in words.
    let maxHeadWords: Int

    init(kb: KnowledgeBase, words: EntityWords) {
        var heads = Set(words.genericHeads)
        heads.formUnion(words.leaderNouns)
        var seen = Set<String>()
        for e in kb.entities where e.type == .person {
            for r in e.roles {
                for phrase in r.phrases(in: words.language) where seen.insert(phrase).inserted {
                    if let h = Self.head(of: phrase, kb: kb, placePrepositions: words.placePrepositions) { heads.insert(h) }
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
    static func head(of phrase: String, kb: KnowledgeBase, placePrepositions: Set<String>) -> String? {
        let f = NameFolding.fold(phrase)
        var words = f.split(separator: " ").map(String.init)
        // Split elisions: "dell'italia" → "dell'", "italia".
        var split: [String] = []
        for w in words {
            if let q = w.firstIndex(of: "'"), q != w.index(before: w.endIndex) {
                split.append(String(w[...q]))
                split.append(String(w[w.index(after: q)...]))
            } else {
                split.append(w)
            }
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
