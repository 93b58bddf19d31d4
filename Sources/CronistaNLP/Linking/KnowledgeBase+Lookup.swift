#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
public import CronistaCore

/// One knowledge-base candidate for a name, with the evidence behind its score.
public struct KBCandidate: Sendable {
    /// Index into ``KnowledgeBase/entities``.
    public var entity: Int
    public var match: KBMatchKind
    /// The name matched on its surname only, with a compatible first name or initial (`A. Lukashenko`).
    public var surnameOnly: Bool
    /// A role of the entity held on the query date (nil when undated or none).
    public var activeRole: Int?
    /// The type differs but is compatible (an ORG mention of a seat of power, a LOC mention of an organisation).
    public var crossType: Bool
    public var prior: Double
    public var score: Double
}

extension KnowledgeBase {
    /// Candidates for a name, best first. `type` filters (PER never matches a place or an
    /// organisation; ORG and LOC may cross for seats of power and bodies); `date` favours entities
    /// holding a role then.
    public func candidates(for name: some StringProtocol, type: EntityType? = nil, date: KBDate? = nil) -> [KBCandidate] {
        var key: [UInt8] = []
        key.reserveCapacity(name.utf8.count)
        NameFolding.append(name, to: &key)
        return key.withUnsafeBufferPointer { candidates(folded: $0, type: type, date: date) }
    }

    /// Candidates for an already folded name (see ``NameFolding``).
    func candidates(folded key: UnsafeBufferPointer<UInt8>, type: EntityType?, date: KBDate?) -> [KBCandidate] {
        var out: [KBCandidate] = []
        for p in names.lookup(key) {
            if let c = candidate(Int(p.entity), KBMatchKind(rawValue: UInt8(p.info)) ?? .alias, surnameOnly: false, type: type, date: date)
            {
                out.append(c)
            }
        }
        if out.isEmpty && type != .organization && type != .location {
            surnameCandidates(key, type: type, date: date, into: &out)
        }
        out.sort { $0.score > $1.score }
        return out
    }

    /// For a multi-word person name the KB lacks as a whole (`Aleksandr G. Lukashenko`): entities
    /// with the last word(s) as a name or alias whose first name agrees (same, an initial, or a
    /// transliteration within two edits).
    private func surnameCandidates(_ key: UnsafeBufferPointer<UInt8>, type: EntityType?, date: KBDate?, into out: inout [KBCandidate]) {
        var spaces: [Int] = []
        for i in 0..<key.count where key[i] == 0x20 { spaces.append(i) }
        guard !spaces.isEmpty else { return }
        let first = Array(key[0..<spaces[0]])
        for s in spaces {
            let suffix = UnsafeBufferPointer(rebasing: key[(s + 1)...])
            if suffix.count < 3 { continue }
            for p in names.lookup(suffix) {
                let e = entities[Int(p.entity)]
                guard e.type == .person else { continue }
                let agreement = firstNameAgreement(first, e)
                guard agreement > 0 else { continue }
                if out.contains(where: { $0.entity == Int(p.entity) }) { continue }
                if var c = candidate(Int(p.entity), .alias, surnameOnly: true, type: type, date: date) {
                    // Same first name, only a middle initial apart (`Mark Esper` / `Mark T. Esper`): as good as an alias.
                    if agreement == 2 { c.score += 0.1 }
                    out.append(c)
                }
            }
            if !out.isEmpty { return }
        }
    }

    /// 2: a name of `e` has exactly this first name; 1: an initial or transliteration of it; 0: none.
    private func firstNameAgreement(_ first: [UInt8], _ e: KBEntity) -> Int {
        var forms: [[UInt8]] = []
        for n in e.allNames {
            var f: [UInt8] = []
            NameFolding.append(n, to: &f)
            guard let sp = f.firstIndex(of: 0x20) else { continue }
            forms.append(Array(f[0..<sp]))
        }
        if forms.contains(first) { return 2 }
        for f in forms where NameMatching.firstNamesAgree(first, f) { return 1 }
        return 0
    }

    private func candidate(_ i: Int, _ match: KBMatchKind, surnameOnly: Bool, type: EntityType?, date: KBDate?) -> KBCandidate? {
        let e = entities[i]
        var cross = false
        if let t = type, t != e.type {
            switch (t, e.type) {
            case (.organization, .location):
                // Seats of power (Cremlino, Casa Bianca) act as organisations.
                guard e.metonymCountry != nil else { return nil }
                cross = true
            case (.location, .organization):
                cross = true
            default:
                return nil
            }
        }
        var activeRole: Int? = nil
        var dateScore = 0.0
        if let d = date {
            if let b = e.born.flatMap({ KBDate($0) }), b > d { return nil }
            if let r = e.roles.firstIndex(where: { $0.isActive(on: d) }) {
                activeRole = r
                dateScore = 0.15
            } else if !e.roles.isEmpty, e.roles.allSatisfy({ $0.from > d }) {
                dateScore = -0.05
            }
        }
        let prior = priorScore(e)
        var score = match.weight + prior + dateScore
        if surnameOnly { score -= 0.1 }
        if cross { score -= 0.1 }
        return KBCandidate(
            entity: i, match: match, surnameOnly: surnameOnly, activeRole: activeRole,
            crossType: cross, prior: prior, score: score)
    }

    /// Popularity in 0...0.3: for people, how much the sources say about them (aliases, roles,
    /// sources); for places, population (countries at the top); curated organisations high.
    func priorScore(_ e: KBEntity) -> Double {
        switch e.type {
        case .person:
            let x = Double(e.aliases.count + e.names(in: KBEntity.primaryLanguage).count + 2 * e.roles.count + 3 * (e.sourceCount - 1))
            return 0.3 * (1 - 1 / (1 + x / 8))
        case .location:
            if e.subtype == "country" || e.subtype == "sovereignty" { return 0.3 }
            if e.metonymCountry != nil { return 0.28 }
            if e.subtype == "dependency" || e.subtype == "disputed" || e.subtype == "indeterminate" { return 0.25 }
            let lg = e.population > 0 ? log10(Double(e.population)) : 0
            return 0.3 * min(1, lg / 7.5)
        case .organization:
            return 0.25
        }
    }

    /// Keys of the name index starting with a prefix (folded), with their entities: for `kb lookup --prefix`.
    public func prefixMatches(_ prefix: some StringProtocol, limit: Int = 20) -> [(key: String, entities: [Int])] {
        var f: [UInt8] = []
        NameFolding.append(prefix, to: &f)
        return names.keys(withPrefix: f, limit: limit).map { k in
            (names.key(k), names.postings(ofKey: k).map { Int($0.entity) })
        }
    }

    /// Entities holding a role named by this phrase in `language` (`presidente bielorusso` in
    /// `it`), with the role index; with a date, only roles held then.
    public func roleHolders(
        _ phrase: some StringProtocol, language: String = KBEntity.primaryLanguage,
        date: KBDate? = nil
    ) -> [(entity: Int, role: Int)] {
        var f: [UInt8] = []
        NameFolding.append(phrase, to: &f)
        return f.withUnsafeBufferPointer { roleHolders(folded: $0, language: language, date: date) }
    }

    func roleHolders(folded: UnsafeBufferPointer<UInt8>, language: String, date: KBDate?) -> [(entity: Int, role: Int)] {
        var out: [(entity: Int, role: Int)] = []
        guard let index = rolePhrases[language] else { return out }
        for p in index.lookup(folded) {
            let e = Int(p.entity), r = Int(p.info)
            if let d = date, !entities[e].roles[r].isActive(on: d) { continue }
            out.append((e, r))
        }
        return out
    }

    /// The country entity an adjective names (`bielorusso`, `francese`, `Belarusian`).
    public func country(adjective: some StringProtocol) -> Int? {
        var f: [UInt8] = []
        NameFolding.append(adjective, to: &f)
        return f.withUnsafeBufferPointer { country(adjectiveFolded: $0) }
    }

    func country(adjectiveFolded f: UnsafeBufferPointer<UInt8>) -> Int? {
        adjectives.lookup(f).first.map { Int($0.entity) }
    }

    /// The country entity of an ISO alpha-2 code.
    public func country(iso: String) -> Int? { countryByISO[iso].map(Int.init) }

    /// The country a place name stands for: a country itself, or the country whose capital it is
    /// (`Minsk` → Belarus), or the country of a seat of power (`Cremlino` → Russia).
    func countryOf(placeFolded f: UnsafeBufferPointer<UInt8>) -> Int? {
        var best: Int? = nil
        var bestScore = -1.0
        for p in names.lookup(f) {
            let e = entities[Int(p.entity)]
            guard e.type == .location else { continue }
            var c: Int? = nil
            var s = 0.0
            if e.subtype == "country" || e.subtype == "sovereignty" {
                c = Int(p.entity); s = 3
            } else if let iso = e.capitalOf {
                c = country(iso: iso); s = 2
            } else if let q = e.metonymCountry {
                c = byID[q].map(Int.init); s = 1
            }
            if let c, s > bestScore { best = c; bestScore = s }
        }
        return best
    }
}

/// Comparisons of name parts shared by KB lookup and in-document clustering.
enum NameMatching {
    /// Two first names (folded) agree: equal, one an initial of the other, or a transliteration
    /// within two edits that starts with the same letter (`aleksander` / `alexander`, `dmitrij` / `dmitry`).
    static func firstNamesAgree(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return true }
        if a.isEmpty || b.isEmpty { return false }
        if a.count == 1 || b.count == 1 { return a[0] == b[0] }
        if a[0] != b[0] { return false }
        let m = min(a.count, b.count)
        if m < 4 { return false }
        return editDistance(a, b, limit: m >= 6 ? 2 : 1) <= (m >= 6 ? 2 : 1)
    }

    /// Levenshtein distance, stopping early above `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
