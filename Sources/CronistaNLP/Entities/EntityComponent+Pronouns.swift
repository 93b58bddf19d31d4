import CronistaCore

extension EntityWork {
    /// Subject pronouns that stand for a person (`Lei ha poi aggiunto…`, `e lui ha risposto`) join
    /// the nearest person mentioned before them, within the pronoun's sentence and the two before,
    /// as `pronoun` mentions. A pronoun counts as a subject at the start of a sentence, or after
    /// one of the pack's openers (`e`, `ma`, `poi`), or right after a quotation's closing mark (the
    /// inverted speaker of `"…," he said`, who is then the nearest person before the quotation: a name
    /// inside it is whom the words are about); inside quotation marks it is the speaker's own word (a
    /// `Lei` of address), not a reference, and is left alone.
    mutating func addSubjectPronouns() {
        let W = wordTable
        let words = entityWords
        guard W.count > 0, !words.subjectPronouns.isEmpty, clusters.contains(where: { $0.alive && $0.type == .person }) else { return }
        // Every mention of a live person cluster, by end: names and what descriptions added.
        var personMentions: [(end: UInt32, start: UInt32, cluster: Int)] = []
        for (i, m) in mentions.enumerated() where clusterOf[i] >= 0 {
            let c = root(clusterOf[i])
            if clusters[c].alive && clusters[c].type == .person { personMentions.append((m.range.endUTF8, m.range.startUTF8, c)) }
        }
        for (c, cl) in clusters.enumerated() where cl.alive && cl.type == .person {
            for m in cl.added { personMentions.append((m.range.endUTF8, m.range.startUTF8, c)) }
        }
        guard !personMentions.isEmpty else { return }
        personMentions.sort { $0.end < $1.end }
        var existing = Set(mentions.map(\.range))
        for cl in clusters where cl.alive { for m in cl.added { existing.insert(m.range) } }
        var inQuote = false
        // The opening mark of the quotation being read or last closed, and the item of its closing mark.
        var openedAt: UInt32 = 0
        var closedItem = -1
        var added: [(Int, Mention)] = []
        var genders: [Int: Bool?] = [:]
        // The quotations read so far, marks included.
        var quoted: [Range<UInt32>] = []
        func isQuoted(_ offset: UInt32) -> Bool {
            let k = quoted.partitioningIndex { $0.upperBound > offset }
            return k < quoted.count && quoted[k].contains(offset)
        }
        func isComma(_ k: Int) -> Bool {
            !W.isWord[k] && W.ends[k] == W.starts[k] + 1
                && text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: Int(W.starts[k]))] == 0x2C
        }
        for i in 0..<W.count {
            if !W.isWord[i] {
                let was = inQuote
                switch text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: Int(W.starts[i]))] {
                case 0xC2:  // « (C2 AB) opens, » (C2 BB) closes
                    let second = text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: Int(W.starts[i]) + 1)]
                    if second == 0xAB { inQuote = true } else if second == 0xBB { inQuote = false }
                case 0xE2:  // “ (E2 80 9C) opens, ” (E2 80 9D) closes
                    let third = text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: Int(W.starts[i]) + 2)]
                    if third == 0x9C { inQuote = true } else if third == 0x9D { inQuote = false }
                case 0x22: inQuote.toggle()
                default: break
                }
                if inQuote && !was { openedAt = W.starts[i] }
                if was && !inQuote {
                    closedItem = i
                    quoted.append(openedAt..<W.ends[i])
                }
                continue
            }
            guard !inQuote, W.isAny(i, words.subjectPronouns) else { continue }
            let start = W.starts[i]
            let sentence = sentenceIndex(containing: start)
            let opensSentence = sentence.map { sentenceStarts[$0] == start } ?? (i == 0)
            let afterOpener = i > 0 && W.isWord[i - 1] && W.isAny(i - 1, words.subjectPronounOpeners)
            // `," he said` or `", he said`.
            let afterQuotation = closedItem >= 0 && (closedItem == i - 1 || closedItem == i - 2 && isComma(i - 1))
            guard opensSentence || afterOpener || afterQuotation else { continue }
            let r = TextRange(startUTF8: start, endUTF8: W.ends[i])
            guard !existing.contains(r) else { continue }
            // The nearest person mention ending before the pronoun (before the quotation, for its
            // inverted speaker), no more than two sentences back, whose first name is not of the
            // gendered pronoun's other gender (`she` is not `Tom Hughes`).
            let before = afterQuotation ? openedAt : start
            let male: Bool? = W.isAny(i, words.malePronouns) ? true : W.isAny(i, words.femalePronouns) ? false : nil
            var lo = personMentions.partitioningIndex { $0.end > before }
            // For the inverted speaker, a person named only inside a quotation (whom words were about)
            // is passed over.
            func passedOver(_ p: (end: UInt32, start: UInt32, cluster: Int)) -> Bool {
                if afterQuotation && isQuoted(p.start) { return true }
                guard let male, let g = gender(of: p.cluster, cache: &genders) else { return false }
                return g != male
            }
            while lo > 0, passedOver(personMentions[lo - 1]) { lo -= 1 }
            guard lo > 0 else { continue }
            let nearest = personMentions[lo - 1]
            if let s = sentence, let t = sentenceIndex(containing: nearest.start), s - t > 2 { continue }
            existing.insert(r)
            added.append((nearest.cluster, Mention(range: r, type: .person, form: .pronoun)))
        }
        for (c, m) in added { clusters[c].added.append(m) }
    }

    /// The usual gender of a person cluster's first name (`true` male), from the pack's first names:
    /// the first word of a name of two words or more, or of the linked KB entry's name; nil when none
    /// is known, or the names disagree.
    func gender(of cluster: Int, cache: inout [Int: Bool?]) -> Bool? {
        if let known = cache[cluster] { return known }
        let table = entityWords.firstNameGenders
        var found: Bool?
        var conflict = false
        func look(_ key: Substring) {
            guard let space = key.firstIndex(of: " "), let g = table[String(key[..<space])] else { return }
            if let f = found, f != g { conflict = true }
            found = g
        }
        if !table.isEmpty {
            for m in clusters[cluster].names where m < keys.count { look(Substring(keys[m])) }
            if let k = clusters[cluster].kb {
                let e = kb.entities[k]
                if let name = e.names[entityWords.language]?.first ?? e.names.values.first?.first {
                    look(Substring(NameFolding.fold(name)))
                }
            }
        }
        let result = conflict ? nil : found
        cache[cluster] = .some(result)
        return result
    }

    /// The sentence whose range holds `offset`, when the document has sentences.
    func sentenceIndex(containing offset: UInt32) -> Int? {
        guard !sentenceStarts.isEmpty else { return nil }
        let k = sentenceStarts.partitioningIndex { $0 > offset }
        return k > 0 ? k - 1 : nil
    }
}
