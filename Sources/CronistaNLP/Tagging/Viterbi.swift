/// First-order Viterbi decoding over the seven BIO tags, with the BIO constraint (`I-X` only after
/// `B-X` or `I-X`) built in.
package enum Viterbi {
    /// Whether tag `to` may follow `from` (`from == NERTag.count` = sentence start).
    @inline(__always)
    package static func allowed(_ from: Int, _ to: Int) -> Bool {
        if to == 0 || to & 1 == 1 { return true }
        if from == NERTag.count || from == 0 { return false }
        return (from + 1) / 2 == to / 2
    }

    /// Decodes the best tag sequence.
    /// - Parameters:
    ///   - emissions: `n × 7` scores, row-major.
    ///   - transitions: `8 × 7` scores; row 7 is the start row.
    ///   - scores, back: workspaces of at least `n × 7` elements.
    ///   - tags: receives `n` tag values.
    @inline(__always)
    package static func decode<S: Numeric & Comparable>(
        n: Int,
        emissions: UnsafeBufferPointer<S>,
        transitions: UnsafeBufferPointer<S>,
        scores: UnsafeMutableBufferPointer<S>,
        back: UnsafeMutableBufferPointer<UInt8>,
        tags: UnsafeMutableBufferPointer<UInt8>
    ) {
        guard n > 0 else { return }
        let T = NERTag.count
        for t in 0..<T {
            scores[t] = emissions[t] + transitions[T * T + t]
            back[t] = 0
        }
        // `I-` tags cannot start a sentence: they are skipped as predecessors at position 1 and as the
        // final tag of a one-token sentence.
        for i in 1..<max(n, 1) {
            let prev = (i - 1) * T, cur = i * T
            for t in 0..<T {
                var best: S = 0
                var arg = -1
                if t == 0 || t & 1 == 1 {
                    // `O` and `B-X` may follow any tag (but an `I-` tag cannot be the first).
                    for p in 0..<T {
                        if i == 1 && p != 0 && p & 1 == 0 { continue }
                        let s = scores[prev + p] + transitions[p * T + t]
                        if arg < 0 || s > best { best = s; arg = p }
                    }
                } else {
                    // `I-X` follows `B-X` (t - 1) or, after the first position, `I-X`: the
                    // ``allowed(_:_:)`` pairs, tried in the same order.
                    best = scores[prev + t - 1] + transitions[(t - 1) * T + t]
                    arg = t - 1
                    if i > 1 {
                        let s = scores[prev + t] + transitions[t * T + t]
                        if s > best { best = s; arg = t }
                    }
                }
                scores[cur + t] = best + emissions[cur + t]
                back[cur + t] = UInt8(arg)
            }
            // Keep the column bounded: subtracting the same amount from every tag's score changes
            // no comparison, and without it an integer path score grows with the sentence and
            // overflows (a 19 KB sentence of commas trapped in 32-bit arithmetic).
            var top = scores[cur]
            for t in 1..<T where scores[cur + t] > top { top = scores[cur + t] }
            for t in 0..<T { scores[cur + t] = scores[cur + t] - top }
        }
        // Pick the best final tag among those reachable.
        let last = (n - 1) * T
        var arg = -1
        var best: S = 0
        for t in 0..<T {
            if n == 1 && !allowed(T, t) { continue }
            if arg < 0 || scores[last + t] > best { best = scores[last + t]; arg = t }
        }
        var t = arg
        for i in stride(from: n - 1, through: 0, by: -1) {
            tags[i] = UInt8(t)
            if i > 0 { t = Int(back[i * T + t]) }
        }
    }
}
