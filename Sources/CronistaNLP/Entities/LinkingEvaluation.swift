public import CronistaCore

/// One judged mention of the linking gold (`Tests/Fixtures/linking-gold.jsonl`).
public struct LinkingGoldMention: Sendable {
    public var document: String
    public var range: TextRange
    public var text: String
    /// The gold KB id, or nil for NIL (the entity is not in the knowledge base).
    public var kb: String?
    public init(document: String, range: TextRange, text: String, kb: String?) {
        self.document = document
        self.range = range
        self.text = text
        self.kb = kb
    }
}

/// Precision and recall of entity linking over judged mentions.
public struct LinkingScore: Sendable {
    public var judged = 0
    /// Gold mentions with an id (entity in the KB).
    public var goldLinked = 0
    /// Judged mentions the engine linked.
    public var predictedLinked = 0
    /// Linked to the gold id.
    public var correct = 0
    /// One line per error: text, gold, predicted.
    public var errors: [(document: String, text: String, gold: String?, predicted: String?)] = []

    public var precision: Double { predictedLinked == 0 ? 0 : Double(correct) / Double(predictedLinked) }
    public var recall: Double { goldLinked == 0 ? 0 : Double(correct) / Double(goldLinked) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Runs `component` on each document (whose `mentions` hold the gold names) and compares the
    /// KB id of the entity holding each judged mention with the gold id.
    public static func evaluate(documents: [Document], gold: [LinkingGoldMention], component: EntityComponent) throws -> LinkingScore {
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
