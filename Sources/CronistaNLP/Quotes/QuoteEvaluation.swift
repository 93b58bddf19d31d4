package import CronistaCore

/// Scores quotes exactly as `tools/score.py quotes` does: one-to-one matching by largest content
/// overlap, content overlap and exact (trimmed) P/R/F1, speaker and kind accuracy on matched
/// quotes, and end-to-end (content overlaps and the speaker is right).
package struct QuoteEvaluation: Sendable {
    /// A span in code points.
    package typealias Span = (start: Int, end: Int)

    package struct GoldQuote: Sendable {
        package var start: Int, end: Int
        package var kind: String
        /// Every mention of the gold speaker; empty when the quote has no identifiable source.
        package var speakerMentions: [Span]
        package init(start: Int, end: Int, kind: String, speakerMentions: [Span]) {
            self.start = start; self.end = end; self.kind = kind; self.speakerMentions = speakerMentions
        }
    }

    package struct PredictedQuote: Sendable {
        package var start: Int, end: Int
        package var kind: String
        /// The speaker's own span and every mention of its entity.
        package var speakerSpans: [Span]
        package init(start: Int, end: Int, kind: String, speakerSpans: [Span]) {
            self.start = start; self.end = end; self.kind = kind; self.speakerSpans = speakerSpans
        }
    }

    package private(set) var gold = 0, predicted = 0, matched = 0, exact = 0, speakerRight = 0, kindRight = 0
    var goldByKind: [String: Int] = [:], foundByKind: [String: Int] = [:]

    package init() {}

    static let trim: Set<Character> = [
        " ", "\t", "\n", "\r", "\"", "'", "«", "»", "“", "”", "‘", "’", ".", ",", ";", ":", "!", "?", "…", "-", "—", "–"
    ]

    static func trimmed(_ scalars: [Character], _ s: Int, _ e: Int) -> Span {
        var a = s, b = e
        while a < b && trim.contains(scalars[a]) { a += 1 }
        while b > a && trim.contains(scalars[b - 1]) { b -= 1 }
        return (a, b)
    }

    static func overlap(_ a: Span, _ b: Span) -> Int { max(0, min(a.end, b.end) - max(a.start, b.start)) }

    /// Adds one document. `text` is the document's text (for the exact-match trimming).
    package mutating func add(text: String, gold g: [GoldQuote], predicted p: [PredictedQuote]) {
        // Characters indexed by code point (the trim set is all single scalars).
        let scalars = text.unicodeScalars.map { Character($0) }
        gold += g.count
        predicted += p.count
        for q in g { goldByKind[q.kind, default: 0] += 1 }
        var pairs: [(Int, Int, Int)] = []
        for (gi, a) in g.enumerated() {
            for (pi, b) in p.enumerated() {
                let o = Self.overlap((a.start, a.end), (b.start, b.end))
                if o > 0 { pairs.append((o, gi, pi)) }
            }
        }
        // Python sorts the tuples in reverse: overlap, then gold index, then prediction index, all descending.
        pairs.sort { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) }
        var usedG = Set<Int>(), usedP = Set<Int>()
        for (_, gi, pi) in pairs where !usedG.contains(gi) && !usedP.contains(pi) {
            usedG.insert(gi); usedP.insert(pi)
            let a = g[gi], b = p[pi]
            matched += 1
            foundByKind[a.kind, default: 0] += 1
            let ta = Self.trimmed(scalars, a.start, a.end), tb = Self.trimmed(scalars, b.start, b.end)
            if ta == tb { exact += 1 }
            if a.kind == b.kind { kindRight += 1 }
            let ok =
                a.speakerMentions.isEmpty
                ? b.speakerSpans.isEmpty
                : b.speakerSpans.contains { s in a.speakerMentions.contains { Self.overlap(s, $0) > 0 } }
            if ok { speakerRight += 1 }
        }
    }

    package struct PRF: Sendable {
        package var tp: Int, fp: Int, fn: Int
        package var precision: Double { tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0 }
        package var recall: Double { tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0 }
        package var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
    }

    package var contentOverlap: PRF { PRF(tp: matched, fp: predicted - matched, fn: gold - matched) }
    package var contentExact: PRF { PRF(tp: exact, fp: predicted - exact, fn: gold - exact) }
    package var endToEnd: PRF { PRF(tp: speakerRight, fp: predicted - speakerRight, fn: gold - speakerRight) }

    /// The same table `score.py quotes` prints.
    package func table() -> String {
        func pct(_ v: Double) -> String { fmt(100 * v) }
        func fmt(_ v: Double) -> String {
            // Python's f"{v:6.2f}" on a value rounded to two decimals.
            let cents = Int((v * 100).rounded())
            let frac = cents % 100
            var s = "\(cents / 100).\(frac < 10 ? "0" : "")\(frac)"
            while s.count < 6 { s = " " + s }
            return s
        }
        func row(_ name: String, _ p: PRF) -> String {
            name.padding(28) + " P \(pct(p.precision))  R \(pct(p.recall))  F1 \(pct(p.f1))   (tp \(p.tp), fp \(p.fp), fn \(p.fn))\n"
        }
        var out = "gold_quotes".padding(28) + " \(gold)\n" + "predicted_quotes".padding(28) + " \(predicted)\n"
        out += row("content_overlap", contentOverlap) + row("content_exact", contentExact)
        out +=
            "speaker_accuracy_on_matched".padding(28)
            + " \(matched > 0 ? String(format2: (10000 * Double(speakerRight) / Double(matched)).rounded() / 100) : "0.0")\n"
        out +=
            "kind_accuracy_on_matched".padding(28)
            + " \(matched > 0 ? String(format2: (10000 * Double(kindRight) / Double(matched)).rounded() / 100) : "0.0")\n"
        out += row("end_to_end", endToEnd)
        let kinds = goldByKind.keys.sorted().map { k in
            "'\(k)': \(String(format2: (10000 * Double(foundByKind[k] ?? 0) / Double(goldByKind[k]!)).rounded() / 100))"
        }
        out += "recall_by_kind".padding(28) + " {\(kinds.joined(separator: ", "))}\n"
        return out
    }
}

extension String {
    /// A number with two decimals at most, as Python prints `round(x, 2)` (`73.0`, `72.81`).
    init(format2 v: Double) {
        let cents = Int((v * 100).rounded())
        let whole = cents / 100, frac = abs(cents % 100)
        if frac == 0 {
            self = "\(whole).0"
        } else if frac % 10 == 0 {
            self = "\(whole).\(frac / 10)"
        } else {
            self = "\(whole).\(frac < 10 ? "0" : "")\(frac)"
        }
    }

    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}

extension QuoteEvaluation.PredictedQuote {
    /// The predicted quotes of an analysed document, in code points.
    package static func from(_ doc: Document, index: OffsetIndex) -> [QuoteEvaluation.PredictedQuote] {
        doc.quotes.map { q in
            var spans: [QuoteEvaluation.Span] = []
            if let s = q.speaker {
                spans.append((index.scalarOffset(utf8: s.range.startUTF8), index.scalarOffset(utf8: s.range.endUTF8)))
                if let e = s.entity {
                    for m in doc.entities[e].mentions {
                        let r = doc.mentions[m].range
                        spans.append((index.scalarOffset(utf8: r.startUTF8), index.scalarOffset(utf8: r.endUTF8)))
                    }
                }
            }
            return .init(
                start: index.scalarOffset(utf8: q.content.startUTF8), end: index.scalarOffset(utf8: q.content.endUTF8),
                kind: q.kind.label, speakerSpans: spans)
        }
    }
}
