import CronistaCore

extension EntityWork {
    /// A name typed ORG or LOC that the document also gives, more often or as often, as a person,
    /// and that the KB does not know as a place or organisation, is a person (NER's type slip).
    mutating func fixTypeConflicts() {
        // Counted by key number (equal keys, equal numbers).
        var perCount = [Int](repeating: 0, count: keyMention.count)
        var otherCount = [Int](repeating: 0, count: keyMention.count)
        for (i, m) in mentions.enumerated() where m.form == .name {
            if m.type == .person { perCount[Int(keyIDs[i])] += 1 } else { otherCount[Int(keyIDs[i])] += 1 }
        }
        var retype = [Bool](repeating: false, count: keyMention.count)
        var any = false
        // Surnames of the document's people (the last word of a person's name of two words or more).
        var surnames = Set<Substring>()
        for (id, n) in perCount.enumerated() where n > 0 && wordCounts[keyMention[id]] >= 2 {
            if let last = keys[keyMention[id]].split(separator: " ").last { surnames.insert(last) }
        }
        // A one-word name typed ORG or LOC that is the surname of a person named in full
        // (`Matteo Salvini` … `Salvini` ORG) is that person, unless the KB knows it as a place or
        // organisation.
        for (id, n) in otherCount.enumerated() where n > 0 && perCount[id] == 0 && wordCounts[keyMention[id]] == 1 {
            let k = keys[keyMention[id]]
            guard surnames.contains(Substring(k)) else { continue }
            let placeOrOrg = kb.candidates(for: k, type: .location, date: date) + kb.candidates(for: k, type: .organization, date: date)
            if placeOrOrg.isEmpty { retype[id] = true; any = true }
        }
        for (id, n) in otherCount.enumerated() where n > 0 && perCount[id] >= n {
            let k = keys[keyMention[id]]
            let placeOrOrg = kb.candidates(for: k, type: .location, date: date) + kb.candidates(for: k, type: .organization, date: date)
            if placeOrOrg.isEmpty { retype[id] = true; any = true }
        }
        guard any else { return }
        for i in mentions.indices where mentions[i].form == .name && retype[Int(keyIDs[i])] { mentions[i].type = .person }
    }

    /// Groups name mentions: same key (people apart from places and organisations), partial
    /// person names with their full form, acronyms with their expansion.
    mutating func clusterNames() {
        let n = mentions.count
        // Locals: closures below that captured `self` would copy the whole work state.
        let mentions = self.mentions, keys = self.keys, keyIDs = self.keyIDs, wordCounts = self.wordCounts
        var parent = Array(0..<n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        let names = (0..<n).filter { mentions[$0].form == .name && !keys[$0].isEmpty }

        // 1. Same key, compatible type.
        // Slot 2·key for people, 2·key + 1 for places and organisations.
        var firstByKey = [Int](repeating: -1, count: 2 * keyMention.count)
        for i in names {
            let k = 2 * Int(keyIDs[i]) + (mentions[i].type == .person ? 0 : 1)
            if firstByKey[k] >= 0 { union(firstByKey[k], i) } else { firstByKey[k] = i }
        }

        // 2. Partial person names → the nearest preceding (else following) fuller form.
        // Mentions with the same words are one cluster already (step 1), so the relations are
        // decided once per pair of distinct forms, and each mention looks up the nearest
        // occurrence of a related form by binary search: no scan over every pair of mentions.
        let people = names.filter { mentions[$0].type == .person }
        // A form is a key (the words are the key split at its single spaces): indexed by key number.
        var formIndex = [Int](repeating: -1, count: keyMention.count)
        var forms: [[Substring]] = []
        var occurrences: [[Int]] = []  // mention indices of each form, ascending
        for i in people {
            let id = Int(keyIDs[i])
            if formIndex[id] >= 0 {
                occurrences[formIndex[id]].append(i)
            } else {
                formIndex[id] = forms.count
                forms.append(words(i))
                occurrences.append([i])
            }
        }
        // For each form: the longer forms it abbreviates, and whether by surname (else first name only).
        var related: [[(form: Int, isSurname: Bool)]] = Array(repeating: [], count: forms.count)
        for (f, wi) in forms.enumerated() {
            for (g, wj) in forms.enumerated() where g != f && wj.count > wi.count {
                let surname = wj.suffix(wi.count).elementsEqual(wi)
                let initialForm =
                    wi.count >= 2 && wi[0].utf8.count == 1 && wj[0].first == wi[0].first
                    && wj.suffix(wi.count - 1).elementsEqual(wi.dropFirst())
                let firstLast = wi.count >= 2 && wi.first == wj.first && wi.last == wj.last
                let firstOnly = wi.count == 1 && wj[0] == wi[0] && wi[0].utf8.count > 2
                guard surname || initialForm || firstLast || firstOnly else { continue }
                related[f].append((g, !firstOnly))
            }
        }
        // A surname alone with two fuller forms that cannot be one person (`Carlo Rossi` and
        // `Paolo Rossi`) names neither: the candidates compete. (`V. Putin` and `Vladimir Putin`,
        // an initial and the name it abbreviates, do not.)
        for (f, wi) in forms.enumerated() where wi.count == 1 {
            let fuller = related[f].filter(\.isSurname).map { forms[$0.form] }
            func compatible(_ a: [Substring], _ b: [Substring]) -> Bool {
                let (x, y) = (a[0], b[0])
                return x == y || (x.utf8.count == 1 && y.first == x.first) || (y.utf8.count == 1 && x.first == y.first)
            }
            var competing = false
            for a in fuller.indices where !competing {
                for b in fuller.indices where b > a && !compatible(fuller[a], fuller[b]) { competing = true }
            }
            if competing { related[f].removeAll { $0.isSurname } }
        }
        // Multi-word forms by their first word, for the first-name-alone check.
        var multiWordByFirst: [Substring: [Int]] = [:]
        for (f, w) in forms.enumerated() where w.count > 1 { multiWordByFirst[w[0], default: []].append(f) }
        for i in people {
            let f = formIndex[Int(keyIDs[i])]
            guard !related[f].isEmpty else { continue }
            // Surname relations beat first-name ones; then nearest preceding, else nearest following.
            var best: Int? = nil
            var bestIsSurname = false
            for wantSurname in [true, false] {
                var preceding: Int? = nil, following: Int? = nil
                for (g, isSurname) in related[f] where isSurname == wantSurname {
                    let occ = occurrences[g]
                    let lo = occ.partitioningIndex { $0 >= i }
                    if lo > 0 { preceding = max(preceding ?? -1, occ[lo - 1]) }
                    if lo < occ.count { following = min(following ?? Int.max, occ[lo]) }
                }
                if let b = preceding ?? following {
                    best = b
                    bestIsSurname = wantSurname
                    break
                }
            }
            if let b = best {
                // A first name alone is only trusted when it names a single person of the document.
                if !bestIsSurname {
                    let firstWord = keys[i].prefix { $0 != " " }
                    let owners = Set((multiWordByFirst[firstWord] ?? []).map { find(occurrences[$0][0]) })
                    if owners.count != 1 { continue }
                }
                union(i, b)
            }
        }

        // 3. Acronyms ↔ their expansion (`Onu` ↔ `Organizzazione delle Nazioni Unite`).
        let others = names.filter { mentions[$0].type != .person }
        // Expansions by their initials, each list ascending (`others` is): the nearest one is
        // found by binary search (the one before wins a tie).
        var expansions: [String: [Int]] = [:]
        for j in others where wordCounts[j] >= 2 {
            var s = ""
            // Words skipped when an acronym is matched against the initials of a name (the pack's list).
            for w in words(j) where !entityWords.acronymStopWords.contains(w) {
                if let q = w.firstIndex(of: "'"), w.index(after: q) < w.endIndex {
                    s.append(w[w.index(after: q)])
                } else if let c = w.first {
                    s.append(c)
                }
            }
            if s.count >= 2 { expansions[s, default: []].append(j) }
        }
        for i in others where wordCounts[i] == 1 {
            let w = keys[i][...]
            guard w.utf8.count >= 2 && w.utf8.count <= 6, let list = expansions[String(w)] else { continue }
            let lo = list.partitioningIndex { $0 >= i }
            var best: Int? = lo < list.count ? list[lo] : nil
            if lo > 0, best == nil || i - list[lo - 1] <= best! - i { best = list[lo - 1] }
            if let b = best { union(i, b) }
        }

        // Clusters in order of first mention.
        var clusterOfRoot: [Int: Int] = [:]
        for i in names {
            let r = find(i)
            if let c = clusterOfRoot[r] {
                clusters[c].names.append(i)
            } else {
                clusterOfRoot[r] = clusters.count
                clusters.append(EntityCluster(names: [i], type: mentions[i].type))
            }
        }
        for c in clusters.indices {
            clusters[c].type = majorityType(clusters[c].names)
            for i in clusters[c].names { clusterOf[i] = c }
        }
    }

    func majorityType(_ ms: [Int]) -> EntityType {
        var counts = [0, 0, 0]
        for i in ms { counts[Int(mentions[i].type.rawValue)] += 1 }
        let first = mentions[ms[0]].type
        var best = first
        for t in EntityType.allCases where counts[Int(t.rawValue)] > counts[Int(best.rawValue)] { best = t }
        return best
    }

    /// Clusters linked to the same KB entity are one entity (`Ap` and `Associated Press`), people
    /// only with people.
    mutating func mergeLinkedClusters() {
        var owner: [String: Int] = [:]
        for c in clusters.indices where clusters[c].alive {
            guard let e = clusters[c].kb else { continue }
            let k = (clusters[c].type == .person ? "P" : "X") + String(e)
            if let o = owner[k] {
                clusters[o].names.append(contentsOf: clusters[c].names)
                clusters[o].names.sort()
                for i in clusters[c].names { clusterOf[i] = o }
                clusters[c].names = []
                clusters[c].alive = false
                if clusters[o].type != kb.entities[e].type {
                    let t = majorityType(clusters[o].names)
                    clusters[o].type = t
                }
            } else {
                owner[k] = c
            }
        }
    }
}
