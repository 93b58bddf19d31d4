import CronistaCore

/// Thresholds of the linking decision: precision first.
enum LinkingPolicy {
    /// The best candidate's score must reach this (an alias match of a little-known entity scores ~0.9).
    static let minScore = 0.85
    /// …and beat the runner-up by this much.
    static let minMargin = 0.08
    /// A person known only by one word (a surname) needs a clearer lead.
    static let minMarginSingleWord = 0.15
    /// …and a well-known bearer (see ``KnowledgeBase/priorScore(_:)``), unless in office on the article's date.
    static let minPriorSingleWord = 0.15
}

extension EntityWork {
    mutating func linkClusters() {
        // Scratch shared by every cluster: no set and no array allocated per cluster.
        var lastCluster = [Int](repeating: -1, count: keyMention.count)
        var forms: [Int] = []
        for c in clusters.indices where clusters[c].alive {
            clusters[c].kb = link(clusters[c], number: c, lastCluster: &lastCluster, forms: &forms)
            // A person's full name the tagger typed as a place or an organisation (`go to Donald
            // Trump` read as LOC): the KB's person, and the cluster becomes a person.
            if let e = clusters[c].kb, kb.entities[e].type == .person, clusters[c].type != .person {
                clusters[c].type = .person
                for i in clusters[c].names { mentions[i].type = .person }
            }
        }
    }

    /// The KB entity of cluster number `cluster`, or nil. `lastCluster` (by key number: the last cluster
    /// that used the key) and `forms` are scratch.
    func link(_ cl: EntityCluster, number cluster: Int, lastCluster: inout [Int], forms: inout [Int]) -> Int? {
        // Distinct forms, fullest first. (Locals: a closure that captured `self` would copy the
        // whole work state for every comparison.)
        let keys = self.keys, wordCounts = self.wordCounts, mentions = self.mentions
        forms.removeAll(keepingCapacity: true)
        for i in cl.names where lastCluster[Int(keyIDs[i])] != cluster {
            lastCluster[Int(keyIDs[i])] = cluster
            forms.append(i)
        }
        forms.sort { a, b in
            if wordCounts[a] != wordCounts[b] { return wordCounts[a] > wordCounts[b] }
            return keys[a].utf8.count > keys[b].utf8.count
        }
        guard let full = forms.first else { return nil }

        if cl.type == .person {
            // A person is linked by the fullest form; shorter ones only when no fuller one exists,
            // so that "Pavel Zarubin" (not in the KB) never links through a namesake "Zarubin".
            let cands = kb.candidates(for: keys[full], type: .person, date: date)
            if wordCounts[full] == 1 {
                // A surname alone: only a well-known bearer, one in office on the article's date, or
                // one the article gives a title the bearer has held (`il ministro Tajani`).
                guard let best = cands.first,
                    best.prior >= LinkingPolicy.minPriorSingleWord || best.activeRole != nil || titled(cl, holdingRoleOf: best.entity)
                else { return nil }
                return decide(cands, margin: LinkingPolicy.minMarginSingleWord)
            }
            return decide(cands, margin: LinkingPolicy.minMargin)
        }

        // Organisations and places: every form votes; an entity supported by several forms gains.
        // A town's name used with an article (`il Torino`, `dello Swansea`) is a club, not the city.
        let clubUse = usedAsClub(cl)
        var byEntity: [Int: (score: Double, forms: Int)] = [:]
        for i in forms {
            // Places and organisations are often confused by NER (`Turchia` as ORG): both are
            // candidates, the type the cluster does not have at a small penalty; never a person.
            for c in kb.candidates(for: keys[i], type: nil, date: date) {
                let e = kb.entities[c.entity]
                if e.type == .person { continue }
                if clubUse && e.type == .location && e.subtype == KBEntity.citySubtype && e.iso == nil && !namedWithArticle(e) { continue }
                // The other type only for a seat of power, or when the document itself also uses
                // the name with that type (`Turchia` LOC and ORG), and never through a bare alias:
                // `Ecuador` ORG alone is a football team, `ASN` is not a city's alternate name.
                let sameType = e.type == cl.type || e.metonymCountry != nil
                if !sameType && (c.match == .alias || !cl.names.contains(where: { mentions[$0].type == e.type })) { continue }
                let score = c.score - (sameType ? 0 : 0.1)
                let old = byEntity[c.entity]
                byEntity[c.entity] = (max(old?.score ?? 0, score), (old?.forms ?? 0) + 1)
            }
        }
        // No place or organisation has the name, and a person has it in full (two words or more, a
        // name, not an alias): that person.
        if byEntity.isEmpty, wordCounts[full] >= 2 {
            let people = kb.candidates(for: keys[full], type: .person, date: date)
            if let best = people.first, best.match != .alias { return decide(people, margin: LinkingPolicy.minMargin) }
            return nil
        }
        var ranked = byEntity.map { (entity: $0.key, score: $0.value.score + 0.05 * Double($0.value.forms - 1)) }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.entity < $1.entity }
        guard let best = ranked.first, best.score >= LinkingPolicy.minScore else { return nil }
        if ranked.count > 1, best.score - ranked[1].score < LinkingPolicy.minMargin { return nil }
        return best.entity
    }

    /// Whether a name mention of `cl` comes right after a role title (`il ministro Tajani`, `il
    /// ministro degli Esteri Tajani`) whose head begins a role that KB entity `e` has held, on any
    /// date: the article's own word for who the person is.
    func titled(_ cl: EntityCluster, holdingRoleOf e: Int) -> Bool {
        let W = wordTable
        let phrases = kb.entities[e].roles.flatMap { $0.phrases(in: entityWords.language).map { NameFolding.fold($0) } }
        guard !phrases.isEmpty else { return false }
        for i in cl.names {
            // The words right before the name, nearest first, up to a head's length plus two.
            var w = W.lastItem(endingAtOrBefore: mentions[i].range.startUTF8)
            var seen = 0
            while w >= 0, W.isWord[w], seen < roles.maxHeadWords + 2 {
                let word = W.foldString(w)
                if roles.headFirstWords.contains(word), phrases.contains(where: { $0 == word || $0.hasPrefix(word + " ") }) { return true }
                w -= 1
                seen += 1
            }
        }
        return false
    }

    /// Whether a name mention of `cl` comes right after a word of the language's `club-article`
    /// class (`il Torino`, `beat Swansea`) or right before one of its `club-follower` class
    /// (`Swansea beat`, `the Swansea manager`): the use of a town's name for its club or team.
    func usedAsClub(_ cl: EntityCluster) -> Bool {
        let articles = entityWords.clubArticles
        let followers = entityWords.clubFollowers
        guard !articles.isEmpty || !followers.isEmpty else { return false }
        let W = wordTable
        for i in cl.names {
            let w = W.lastItem(endingAtOrBefore: mentions[i].range.startUTF8)
            if w >= 0, W.isAny(w, articles) { return true }
            let n = W.firstItem(startingAtOrAfter: mentions[i].range.endUTF8)
            if n < W.count, W.isAny(n, followers) { return true }
        }
        return false
    }

    /// Whether a name of `e` in the pack's language begins with a `club-article` word (`Il Cairo`,
    /// `L'Aquila`): then the article is the city's own.
    func namedWithArticle(_ e: KBEntity) -> Bool {
        for n in e.names(in: entityWords.language) {
            let f = Array(NameFolding.fold(n).utf8)
            guard let end = f.firstIndex(where: { $0 == 0x20 || $0 == 0x27 }) else { continue }
            let word = f[...(f[end] == 0x27 ? end : end - 1)]
            if entityWords.clubArticles.contains(PackedWords.pack(word)) { return true }
        }
        return false
    }

    func decide(_ cands: [KBCandidate], margin: Double) -> Int? {
        guard let best = cands.first, best.score >= LinkingPolicy.minScore else { return nil }
        if cands.count > 1, best.score - cands[1].score < margin { return nil }
        return best.entity
    }
}
