import CronistaCore

extension EntityComponent {
    /// Organisation acronyms the tagger left out ("ai Paesi Nato"): a capitalised word inside a
    /// sentence that the knowledge base knows as the acronym of exactly one organisation (it lists
    /// the all-capitals form, `NATO`, of at least three letters) becomes an ORG name mention.
    /// Sentence-initial words are left alone (`Ora`, `Come`), and so is anything already tagged.
    func acronymMentions(in document: Document) -> [Mention] {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return [] }
        var covered = [Bool](repeating: false, count: tokens.count)
        for m in document.mentions {
            var t = tokens.firstToken(endingAfter: m.range.startUTF8)
            while t < tokens.count && tokens.starts[t] < m.range.endUTF8 { covered[t] = true; t += 1 }
        }
        var sentenceStart = [Bool](repeating: false, count: tokens.count)
        for s in document.sentences where !s.tokenRange.isEmpty && s.tokenRange.lowerBound < tokens.count {
            sentenceStart[s.tokenRange.lowerBound] = true
        }
        var out: [Mention] = []
        for t in 0..<tokens.count where !covered[t] && !sentenceStart[t] && tokens.flags[t].contains(.capitalized) {
            // After an opening quotation mark or a colon a capital starts a sentence too.
            if t > 0, tokens.flags[t - 1].contains(.quoteMark) || document.tokenText(t - 1) == ":" { continue }
            let word = document.tokenText(t)
            guard word.utf8.count >= 3, word.utf8.count <= 6, word.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else {
                continue
            }
            let upper = word.uppercased()
            let found = kb.candidates(for: word, type: .organization).filter { c in
                let e = kb.entities[c.entity]
                return e.type == .organization && (e.names.values.contains { $0.contains(upper) } || e.aliases.contains(upper))
            }
            guard Set(found.map(\.entity)).count == 1 else { continue }
            out.append(Mention(range: tokens.range(t), type: .organization, form: .name, confidence: 0.5))
        }
        return out
    }
}
