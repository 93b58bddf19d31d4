import CronistaCore

extension EntityWork {
    /// Subject pronouns that stand for a person (`Lei ha poi aggiunto…`, `e lui ha risposto`) join
    /// the nearest person mentioned before them, within the pronoun's sentence and the two before,
    /// as `pronoun` mentions. A pronoun counts as a subject at the start of a sentence, or after
    /// one of the pack's openers (`e`, `ma`, `poi`); inside quotation marks it is the speaker's own
    /// word (a `Lei` of address), not a reference, and is left alone.
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
        var added: [(Int, Mention)] = []
        for i in 0..<W.count {
            if !W.isWord[i] {
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
                continue
            }
            guard !inQuote, W.isAny(i, words.subjectPronouns) else { continue }
            let start = W.starts[i]
            let sentence = sentenceIndex(containing: start)
            let opensSentence = sentence.map { sentenceStarts[$0] == start } ?? (i == 0)
            let afterOpener = i > 0 && W.isWord[i - 1] && W.isAny(i - 1, words.subjectPronounOpeners)
            guard opensSentence || afterOpener else { continue }
            let r = TextRange(startUTF8: start, endUTF8: W.ends[i])
            guard !existing.contains(r) else { continue }
            // The nearest person mention ending before the pronoun, no more than two sentences back.
            let lo = personMentions.partitioningIndex { $0.end > start }
            guard lo > 0 else { continue }
            let nearest = personMentions[lo - 1]
            if let s = sentence, let t = sentenceIndex(containing: nearest.start), s - t > 2 { continue }
            existing.insert(r)
            added.append((nearest.cluster, Mention(range: r, type: .person, form: .pronoun)))
        }
        for (c, m) in added { clusters[c].added.append(m) }
    }

    /// The sentence whose range holds `offset`, when the document has sentences.
    func sentenceIndex(containing offset: UInt32) -> Int? {
        guard !sentenceStarts.isEmpty else { return nil }
        let k = sentenceStarts.partitioningIndex { $0 > offset }
        return k > 0 ? k - 1 : nil
    }
}
