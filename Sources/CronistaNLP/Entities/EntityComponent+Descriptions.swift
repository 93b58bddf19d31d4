import CronistaCore

/// What a description matched.
private enum DescriptionMatch {
    /// A KB role phrase (or head + country): the entities holding it.
    case role(holders: Set<Int>, country: Int?)
    /// Only a generic head (`il portavoce`): resolved by apposition or an earlier description.
    case generic
}

extension EntityWork {
    /// Adds descriptions and relative pronouns to the clusters they resolve to.
    mutating func addDescriptions() {
        let W = wordTable
        // The language's words: articles are part of a description's span (`lo stesso presidente`),
        // articulated prepositions introduce it but stay outside (`del leader di Minsk`), modifiers
        // stand between the article and the head (`lo stesso`, `l'ex`).
        let words = entityWords
        let articles = words.descriptionArticles, prepositionArticles = words.descriptionPrepositions
        let modifiers = words.descriptionModifiers
        if W.count == 0 || clusters.isEmpty { return }
        // Where name mentions start and end, by byte offset → original mention index.
        var nameStartingAt: [UInt32: Int] = [:]
        var mentionEndingAt: [UInt32: Int] = [:]  // → cluster
        for (i, m) in mentions.enumerated() where m.form == .name && clusterOf[i] >= 0 {
            if nameStartingAt[m.range.startUTF8] == nil { nameStartingAt[m.range.startUTF8] = i }
            mentionEndingAt[m.range.endUTF8] = clusterOf[i]
        }
        var existing = Set(mentions.map { $0.range })
        // Descriptions the article itself resolved (apposition) → cluster, by phrase and by head.
        var memoryPhrase: [String: Int] = [:]
        var memoryHead: [String: Set<Int>] = [:]
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)

        var i = 0
        while i < W.count {
            guard W.isWord[i] else { i += 1; continue }
            // Relative pronoun right after a mention and a comma: "…, Stèphane Sèjournè, il quale".
            if W.isAny(i, words.relativeArticles) && i + 1 < W.count && W.isAny(i + 1, words.relativePronouns) && i >= 2 && !W.isWord[i - 1]
                && isComma(i - 1), let c = mentionEndingAt[W.ends[i - 2]].map({ clusters[$0].alive ? $0 : root($0) })
            {
                let r = TextRange(startUTF8: W.starts[i], endUTF8: W.ends[i + 1])
                if existing.insert(r).inserted {
                    clusters[c].added.append(Mention(range: r, type: clusters[c].type, form: .pronoun))
                }
                i += 2
                continue
            }
            // A relative pronoun alone, in a language without the article (`…, Kaja Kallas, who`): a person's.
            if words.relativeArticles.isEmpty && W.isAny(i, words.relativePronouns) && i >= 2 && !W.isWord[i - 1] && isComma(i - 1),
                let c = mentionEndingAt[W.ends[i - 2]].map({ clusters[$0].alive ? $0 : root($0) }), clusters[c].type == .person
            {
                let r = TextRange(startUTF8: W.starts[i], endUTF8: W.ends[i])
                if existing.insert(r).inserted {
                    clusters[c].added.append(Mention(range: r, type: .person, form: .pronoun))
                }
                i += 1
                continue
            }
            let isArticle = W.isAny(i, articles)
            guard isArticle || W.isAny(i, prepositionArticles) else { i += 1; continue }
            var j = i + 1
            while j < W.count, W.isWord[j], W.isAny(j, modifiers) { j += 1 }
            guard j < W.count, W.isWord[j] else { i += 1; continue }
            let descStart = isArticle ? i : j

            // "l'agenzia" → the news agency last named.
            if W.isAny(j, words.agencyNouns) {
                var end = j + 1
                let suffix = words.agencySuffix
                if !suffix.isEmpty, end + suffix.count - 1 < W.count, suffix.indices.allSatisfy({ W.isAny(end + $0, suffix[$0]) }) {
                    end += suffix.count
                }
                let r = TextRange(startUTF8: W.starts[descStart], endUTF8: W.ends[end - 1])
                if let c = nearestPreceding(before: r.startUTF8, where: { kb.entities[$0].kind == "news_agency" }),
                    nameStartingAt[W.starts[min(end, W.count - 1)]] == nil, existing.insert(r).inserted
                {
                    clusters[c].added.append(Mention(range: r, type: clusters[c].type, form: .nominal))
                    mentionEndingAt[r.endUTF8] = c
                }
                i = end
                continue
            }

            // `the Belarusian leader`: the country adjective before the head, where the language puts it there.
            var adjectiveCountry: Int? = nil
            if countryAdjectiveBeforeHead, j + 1 < W.count, W.isWord[j + 1], roles.headFirstWords.contains(W.foldString(j + 1)) {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: W.folded[W.foldRange(j)])
                adjectiveCountry = scratch.withUnsafeBufferPointer { kb.country(adjectiveFolded: $0) }
                if adjectiveCountry != nil { j += 1 }
            }
            guard roles.headFirstWords.contains(W.foldString(j)) else { i += 1; continue }
            let matched = adjectiveCountry.map { matchHead(at: j, country: $0) } ?? matchDescription(at: j, scratch: &scratch)
            guard let (end, match, headKey) = matched else { i += 1; continue }
            let r = TextRange(startUTF8: W.starts[descStart], endUTF8: W.ends[end - 1])
            scratch.removeAll(keepingCapacity: true)
            W.appendPhrase(j, end, to: &scratch)
            let phraseKey = String(decoding: scratch, as: UTF8.self)

            var target: Int? = nil
            var fromApposition = false
            // a) Apposition after: "il presidente della Bielorussia, Aleksander Lukashenko" (or no comma).
            var k = end
            if k < W.count && isComma(k) { k += 1 }
            if k < W.count, let m = nameStartingAt[W.starts[k]], mentions[m].type == .person {
                target = root(clusterOf[m])
                fromApposition = true
            }
            // b) Apposition before: "Matteo Salvini, il ministro dell'Interno, …".
            if target == nil, descStart >= 2, isComma(descStart - 1), isArticle,
                let c = mentionEndingAt[W.ends[descStart - 2]], clusters[root(c)].type == .person,
                end >= W.count || !W.isWord[end]
            {
                target = root(c)
                fromApposition = true
            }
            // c) A KB role held by an entity of the document.
            if target == nil, case .role(let holders, _) = match {
                target =
                    nearestPreceding(before: r.startUTF8, where: { holders.contains($0) })
                    ?? nearestFollowing(after: r.endUTF8, where: { holders.contains($0) })
            }
            // d) The same description (or head) the article resolved before.
            if target == nil {
                if let c = memoryPhrase[phraseKey] {
                    target = root(c)
                } else if let s = memoryHead[headKey], s.count == 1 {
                    target = root(s.first!)
                }
            }
            if let c = target, clusters[c].type == .person {
                if fromApposition {
                    memoryPhrase[phraseKey] = c
                    memoryHead[headKey, default: []].insert(c)
                }
                if existing.insert(r).inserted {
                    clusters[c].added.append(Mention(range: r, type: .person, form: .nominal))
                    mentionEndingAt[r.endUTF8] = c
                }
                i = end
                continue
            }
            i += 1
        }
    }

    /// The live cluster a possibly merged cluster ended in.
    func root(_ c: Int) -> Int {
        if clusters[c].alive { return c }
        // Merged clusters gave their names away; follow the first name.
        if let n = clusters[c].names.first { return clusterOf[n] }
        for (i, cl) in clusterOf.enumerated() where cl >= 0 && clusters[cl].alive && clusters[c].names.contains(i) { return cl }
        return c
    }

    private func isComma(_ i: Int) -> Bool {
        let W = wordTable
        guard !W.isWord[i] else { return false }
        return W.ends[i] - W.starts[i] == 1 && text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: Int(W.starts[i]))] == 0x2C
    }

    /// The linked live cluster with a name mention nearest before `offset` whose KB entity satisfies `pred`.
    func nearestPreceding(before offset: UInt32, where pred: (Int) -> Bool) -> Int? {
        // Mentions are sorted by start: walk back from the last one starting before `offset`;
        // the first that qualifies has the greatest start (ties: the later one, as before).
        var i = firstMention(startingAtOrAfter: offset) - 1
        while i >= 0 {
            let m = mentions[i]
            if m.form == .name && m.range.endUTF8 <= offset {
                let c = clusterOf[i]
                if c >= 0, clusters[c].alive, let e = clusters[c].kb, pred(e) { return c }
            }
            i -= 1
        }
        return nil
    }

    func nearestFollowing(after offset: UInt32, where pred: (Int) -> Bool) -> Int? {
        var i = firstMention(startingAtOrAfter: offset)
        while i < mentions.count {
            let m = mentions[i]
            if m.form == .name {
                let c = clusterOf[i]
                if c >= 0, clusters[c].alive, let e = clusters[c].kb, pred(e) { return c }
            }
            i += 1
        }
        return nil
    }

    /// Index of the first mention starting at or after `offset` (binary search; mentions are sorted by start).
    func firstMention(startingAtOrAfter offset: UInt32) -> Int {
        mentions.partitioningIndex { $0.range.startUTF8 >= offset }
    }

    /// The longest description starting with a head at word `h`: its end (exclusive), what it
    /// matched, and its head's fold key.
    private func matchDescription(at h: Int, scratch: inout [UInt8]) -> (Int, DescriptionMatch, String)? {
        let W = wordTable
        var limit = h
        while limit < W.count && W.isWord[limit] && limit - h < 9 { limit += 1 }
        var genericEnd: Int? = nil
        var genericHead = ""
        for end in stride(from: limit, to: h, by: -1) {
            // 1. A KB role phrase as it stands.
            scratch.removeAll(keepingCapacity: true)
            W.appendPhrase(h, end, to: &scratch)
            let holders = scratch.withUnsafeBufferPointer { kb.roleHolders(folded: $0, language: entityWords.language, date: date) }
            if !holders.isEmpty {
                let head = headKey(h, end)
                return (end, .role(holders: Set(holders.map { $0.entity }), country: nil), head)
            }
            // 2. Head + country adjective ("presidente bielorusso" written otherwise) or head + di + place.
            if end - h >= 2 {
                var country: Int? = nil
                var headEnd = end - 1
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: W.folded[W.foldRange(end - 1)])
                country = scratch.withUnsafeBufferPointer { kb.country(adjectiveFolded: $0) }
                if country == nil {
                    for p in (h + 1)..<(end - 1) where entityWords.placePrepositions.contains(W.foldString(p)) {
                        scratch.removeAll(keepingCapacity: true)
                        W.appendPhrase(p + 1, end, to: &scratch)
                        if let c = scratch.withUnsafeBufferPointer({ kb.countryOf(placeFolded: $0) }) {
                            country = c
                            headEnd = p
                            break
                        }
                    }
                }
                if let c = country {
                    let head = phraseString(h, headEnd)
                    if roles.heads.contains(head) {
                        let found = holdersOf(head: head, country: c)
                        return (end, .role(holders: found, country: c), head)
                    }
                }
            }
            // 3. A generic head (kept if nothing longer matches).
            if genericEnd == nil {
                let head = phraseString(h, end)
                if end - h <= roles.maxHeadWords && roles.heads.contains(head) {
                    genericEnd = end
                    genericHead = head
                }
            }
        }
        if let e = genericEnd { return (e, .generic, genericHead) }
        return nil
    }

    /// The longest role head at word `h` of a description whose country an adjective before it named
    /// (`the Belarusian leader`): its end, the holders of that role for the country, its fold key.
    private func matchHead(at h: Int, country c: Int) -> (Int, DescriptionMatch, String)? {
        let W = wordTable
        var e = h
        while e < W.count && W.isWord[e] && e - h < roles.maxHeadWords { e += 1 }
        while e > h {
            let head = phraseString(h, e)
            if roles.heads.contains(head) { return (e, .role(holders: holdersOf(head: head, country: c), country: c), head) }
            e -= 1
        }
        return nil
    }

    private func headKey(_ h: Int, _ end: Int) -> String {
        // The longest known head at the start of the phrase.
        var e = min(end, h + roles.maxHeadWords)
        while e > h {
            let s = phraseString(h, e)
            if roles.heads.contains(s) { return s }
            e -= 1
        }
        return phraseString(h, h + 1)
    }

    private func phraseString(_ a: Int, _ b: Int) -> String {
        var buf: [UInt8] = []
        wordTable.appendPhrase(a, b, to: &buf)
        return String(decoding: buf, as: UTF8.self)
    }

    /// Entities holding a role named by `head` for country `c`: the KB phrases "head + adjective"
    /// and "head di/della … + country name"; `leader` stands for the heads of state and government.
    private func holdersOf(head: String, country c: Int) -> Set<Int> {
        let heads = entityWords.leaderNouns.contains(head) ? entityWords.leaderExpansions : [head]
        let e = kb.entities[c]
        var out = Set<Int>()
        for h in heads {
            for adj in e.adjectives(in: entityWords.language) {
                for x in kb.roleHolders(h + " " + adj, language: entityWords.language, date: date) { out.insert(x.entity) }
            }
            for name in e.names(in: entityWords.language) {
                for prep in entityWords.rolePrepositions {
                    let sep = prep.hasSuffix("'") ? "" : " "
                    for x in kb.roleHolders(h + " " + prep + sep + name, language: entityWords.language, date: date) {
                        out.insert(x.entity)
                    }
                }
            }
        }
        // Also any role of that country, held by an entity of this document, whose phrase starts
        // with the head (covers KB phrasing variants).
        if out.isEmpty {
            let qid = e.id
            for cl in clusters where cl.alive && cl.type == .person {
                guard let pi = cl.kb else { continue }
                for r in kb.entities[pi].roles where r.country == qid {
                    if let d = date, !r.isActive(on: d) { continue }
                    let phrases = r.phrases(in: entityWords.language)
                    if phrases.contains(where: { p in heads.contains { NameFolding.fold(p).hasPrefix($0 + " ") } }) { out.insert(pi) }
                }
            }
        }
        return out
    }
}
