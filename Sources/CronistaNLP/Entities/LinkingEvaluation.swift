package import CronistaCore

/// One judged mention of the linking gold (`Tests/Fixtures/linking-gold.jsonl`).
package struct LinkingGoldMention: Sendable {
    package var document: String
    package var range: TextRange
    package var text: String
    /// The gold KB id, or nil for NIL (the entity is not in the knowledge base).
    package var kb: String?
    package init(document: String, range: TextRange, text: String, kb: String?) {
        self.document = document
        self.range = range
        self.text = text
        self.kb = kb
    }
}

/// Precision and recall of entity linking over judged mentions.
package struct LinkingScore: Sendable {
    package var judged = 0
    /// Gold mentions with an id (entity in the KB).
    package var goldLinked = 0
    /// Judged mentions the engine linked.
    package var predictedLinked = 0
    /// Linked to the gold id.
    package var correct = 0
    /// One line per error: text, gold, predicted.
    package var errors: [(document: String, text: String, gold: String?, predicted: String?)] = []

    package var precision: Double { predictedLinked == 0 ? 0 : Double(correct) / Double(predictedLinked) }
    package var recall: Double { goldLinked == 0 ? 0 : Double(correct) / Double(goldLinked) }
    package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Runs `component` on each document (whose `mentions` hold the gold names) and compares the
    /// KB id of the entity holding each judged mention with the gold id.
    package static func evaluate(documents: [Document], gold: [LinkingGoldMention], component: EntityComponent) throws -> LinkingScore {
        var byDoc: [String: [LinkingGoldMention]] = [:]
        for g in gold { byDoc[g.document, default: []].append(g) }
        var s = LinkingScore()
        for var d in documents {
            guard let judged = byDoc[d.id] else { continue }
            try component.process(&d)
            var kbOfRange: [TextRange: String] = [:]
            for e in d.entities {
                guard let k = e.kb else { continue }
                for m in e.mentions where d.mentions[m].form == .name { kbOfRange[d.mentions[m].range] = k }
            }
            for g in judged {
                s.judged += 1
                let p = kbOfRange[g.range]
                if g.kb != nil { s.goldLinked += 1 }
                if p != nil { s.predictedLinked += 1 }
                if let p, p == g.kb { s.correct += 1 }
                if p != g.kb { s.errors.append((d.id, g.text, g.kb, p)) }
            }
        }
        return s
    }
}
