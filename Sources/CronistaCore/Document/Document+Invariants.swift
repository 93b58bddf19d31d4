/// A broken invariant of a ``Document``: which layer, which element, what is wrong.
public struct InvariantViolation: Error, CustomStringConvertible, Sendable {
    public var layer: String
    public var index: Int
    public var problem: String
    public var description: String { "\(layer)[\(index)]: \(problem)" }
}

extension Document {
    /// Every structural invariant of the document's layers; empty when all hold.
    ///
    /// Tokens are sorted, non-empty, non-overlapping, inside the text and on scalar boundaries;
    /// sentences are ordered, non-overlapping, agree with their token ranges; mentions, quotes and
    /// entities point inside the text and at existing elements.
    public func invariantViolations() -> [InvariantViolation] {
        var out: [InvariantViolation] = []
        let bytes = Array(text.utf8)
        let n = UInt32(bytes.count)
        func onBoundary(_ o: UInt32) -> Bool { o == n || (o < n && bytes[Int(o)] & 0xC0 != 0x80) }
        func check(_ r: TextRange, _ layer: String, _ i: Int) {
            if r.endUTF8 > n {
                out.append(.init(layer: layer, index: i, problem: "\(r) ends past the text (\(n) bytes)"))
            } else if !onBoundary(r.startUTF8) || !onBoundary(r.endUTF8) {
                out.append(.init(layer: layer, index: i, problem: "\(r) splits a code point"))
            }
        }
        var prevEnd: UInt32 = 0
        for i in 0..<tokens.count {
            let r = tokens.range(i)
            if r.isEmpty { out.append(.init(layer: "tokens", index: i, problem: "empty token at \(r)")) }
            if r.startUTF8 < prevEnd {
                out.append(.init(layer: "tokens", index: i, problem: "\(r) overlaps or precedes the previous token"))
            }
            check(r, "tokens", i)
            prevEnd = r.endUTF8
        }
        prevEnd = 0
        var prevTok: Int32 = 0
        for (i, s) in sentences.enumerated() {
            if s.range.startUTF8 < prevEnd {
                out.append(.init(layer: "sentences", index: i, problem: "\(s.range) overlaps the previous sentence"))
            }
            if s.tokens.lowerBound < prevTok {
                out.append(.init(layer: "sentences", index: i, problem: "token range \(s.tokens) goes back"))
            }
            check(s.range, "sentences", i)
            if !s.tokens.isEmpty, Int(s.tokens.upperBound) <= tokens.count {
                let a = tokens.starts[Int(s.tokens.lowerBound)], b = tokens.ends[Int(s.tokens.upperBound) - 1]
                if a != s.range.startUTF8 || b != s.range.endUTF8 {
                    out.append(.init(layer: "sentences", index: i, problem: "\(s.range) disagrees with its tokens [\(a),\(b))"))
                }
            } else if Int(s.tokens.upperBound) > tokens.count {
                out.append(.init(layer: "sentences", index: i, problem: "token range \(s.tokens) past \(tokens.count) tokens"))
            }
            prevEnd = s.range.endUTF8
            prevTok = s.tokens.upperBound
        }
        for (i, m) in mentions.enumerated() { check(m.range, "mentions", i) }
        for (i, e) in entities.enumerated() {
            if e.mentions.isEmpty { out.append(.init(layer: "entities", index: i, problem: "entity without mentions")) }
            for m in e.mentions where m < 0 || m >= mentions.count {
                out.append(.init(layer: "entities", index: i, problem: "mention index \(m) out of range"))
            }
        }
        for (i, q) in quotes.enumerated() {
            check(q.content, "quotes", i)
            if let c = q.cue { check(c, "quotes.cue", i) }
            if let s = q.speaker {
                check(s.range, "quotes.speaker", i)
                if let e = s.entity, e < 0 || e >= entities.count {
                    out.append(.init(layer: "quotes.speaker", index: i, problem: "entity index \(e) out of range"))
                }
            }
            for e in q.about where e < 0 || e >= entities.count {
                out.append(.init(layer: "quotes.about", index: i, problem: "entity index \(e) out of range"))
            }
        }
        return out
    }
}
