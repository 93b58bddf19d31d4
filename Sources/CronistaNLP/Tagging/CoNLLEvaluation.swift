/// Entity-level precision/recall/F1 over CoNLL labels, conlleval-style — the same chunking and counts
/// as `score.py conll` (`chunks` there), so the two always agree.
package struct CoNLLEvaluation: Sendable {
    package struct Counts: Sendable, Equatable {
        package var tp = 0, fp = 0, fn = 0
        package init(tp: Int = 0, fp: Int = 0, fn: Int = 0) { self.tp = tp; self.fp = fp; self.fn = fn }
        package var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        package var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        package var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    package struct Chunk: Hashable, Sendable {
        package var start: Int, end: Int, type: String
        package init(start: Int, end: Int, type: String) { self.start = start; self.end = end; self.type = type }
    }

    /// Counts per entity type (the label text after `B-`/`I-`…).
    package private(set) var byType: [String: Counts] = [:]

    package init() {}

    package var micro: Counts {
        byType.values.reduce(into: Counts()) {
            $0.tp += $1.tp; $0.fp += $1.fp; $0.fn += $1.fn
        }
    }

    /// conlleval chunks from IO or BIO(ES) labels, exactly as `score.py`'s `chunks`.
    package static func chunks(_ labels: [String]) -> Set<Chunk> {
        var out = Set<Chunk>()
        var start = 0
        var type: String?
        for i in 0...labels.count {
            let lab = i < labels.count ? labels[i] : "O"
            var prefix: Character = "O"
            var t: String?
            if lab == "O" || lab.isEmpty {
                t = nil
            } else if lab.contains("-"), lab.count >= 2, ["B-", "I-", "E-", "S-"].contains(String(lab.prefix(2))) {
                prefix = lab.first!
                t = String(lab.dropFirst(2))
            } else {
                prefix = "I"
                t = lab
            }
            let begins = t != nil && (prefix == "B" || prefix == "S" || t != type)
            if let open = type, t == nil || begins {
                out.insert(Chunk(start: start, end: i, type: open))
                type = nil
            }
            if begins { start = i; type = t }
        }
        return out
    }

    /// Adds one sentence's gold and predicted labels.
    package mutating func add(gold: [String], predicted: [String]) {
        let g = Self.chunks(gold), p = Self.chunks(predicted)
        for c in g.intersection(p) { byType[c.type, default: Counts()].tp += 1 }
        for c in p.subtracting(g) { byType[c.type, default: Counts()].fp += 1 }
        for c in g.subtracting(p) { byType[c.type, default: Counts()].fn += 1 }
    }

    /// The table `score.py conll` prints: one line per type (sorted), then `micro`.
    package func table() -> String {
        var lines: [String] = []
        func line(_ name: String, _ c: Counts) -> String {
            let padded = name.count >= 28 ? name : name + String(repeating: " ", count: 28 - name.count)
            return
                "\(padded) P \(Self.fixed(c.precision))  R \(Self.fixed(c.recall))  F1 \(Self.fixed(c.f1))   (tp \(c.tp), fp \(c.fp), fn \(c.fn))"
        }
        for t in byType.keys.sorted() { lines.append(line(t, byType[t]!)) }
        lines.append(line("micro", micro))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `100 × x` with two decimals, right-aligned in six columns (Python's `round(100x, 2)` then `6.2f`).
    static func fixed(_ x: Double) -> String {
        let hundredths = ((100 * x) * 100).rounded(.toNearestOrEven)
        let v = Int(hundredths)
        let s = "\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)"
        return s.count >= 6 ? s : String(repeating: " ", count: 6 - s.count) + s
    }
}
