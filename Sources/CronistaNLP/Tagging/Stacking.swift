/// Second-stage ("stacked") features: what the first-stage tagger predicted around a token and
/// elsewhere in its document (Krishnan & Manning 2006; Ratinov & Roth 2009).
///
/// A document is a sequence of sentences; "elsewhere" is the window of ±`window` sentences around the
/// token's sentence (clipped at the document's ends), minus the token's own prediction. For each token:
/// - its stage-1 tag and its neighbours';
/// - *token majority*: the stage-1 types of the other occurrences of its lower-cased form (counted for
///   capitalised or tagged tokens only);
/// - *document gazetteer*: the longest stage-1 entity string of the window (other than the token's own
///   stage-1 entity) matching the tokens at this position, with its majority type and the token's
///   position in it (begin / inside).
package struct StackedFeatures: Sendable {
    /// Extra templates appended to ``FeatureExtractor/templateCount``.
    package static let extraCount = 15
    package static var templateCount: Int { FeatureExtractor.templateCount + extraCount }

    package let window: Int
    package let bucketBits: Int

    package init(window: Int, bucketBits: Int) {
        self.window = window
        self.bucketBits = bucketBits
    }

    /// What stage 2 needs about each token of a run of sentences.
    package struct Tokens {
        /// Stage-1 tag (`NERTag.rawValue`).
        package var tags: [UInt8] = []
        package var lower: [UInt64] = []
        package var shortShape: [UInt64] = []
        /// Starts with an upper-case letter.
        package var capitalised: [Bool] = []
        /// Token offsets of the sentences (`count + 1` entries).
        package var starts: [Int] = [0]
        package var sentenceCount: Int { starts.count - 1 }
        package init() {}

        package mutating func removeAll() {
            tags.removeAll(keepingCapacity: true)
            lower.removeAll(keepingCapacity: true)
            shortShape.removeAll(keepingCapacity: true)
            capitalised.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            starts.append(0)
        }
    }

    /// Counts by stage-1 type (O, PER, ORG, LOC) for token forms; for entity strings, counts by type plus
    /// (index 0) the number of longer entity strings having this one as a prefix.
    struct Counts {
        var tokens: CountTable
        var entities: CountTable
        var maxEntityLength = 1
        init(capacity: Int) {
            tokens = CountTable(capacity: capacity)
            entities = CountTable(capacity: capacity)
        }
    }

    /// Open addressing from 64-bit keys to four counts; entries are never removed (counts go back to 0).
    struct CountTable {
        var keys: [UInt64]
        var values: [SIMD4<Int32>]
        let mask: Int
        init(capacity: Int) {
            var size = 64
            while size < capacity * 2 { size <<= 1 }
            keys = Array(repeating: 0, count: size)
            values = Array(repeating: SIMD4<Int32>(), count: size)
            mask = size - 1
        }
        @inline(__always) func slot(_ key: UInt64) -> Int {
            var i = Int(truncatingIfNeeded: key >> 17) & mask
            while true {
                let k = keys[i]
                if k == key || k == 0 { return i }
                i = (i + 1) & mask
            }
        }
        @inline(__always) subscript(_ k: UInt64) -> SIMD4<Int32>? {
            let key = k == 0 ? 1 : k
            let i = slot(key)
            return keys[i] == key ? values[i] : nil
        }
        @inline(__always) mutating func add(_ k: UInt64, _ v: SIMD4<Int32>) {
            let key = k == 0 ? 1 : k
            let i = slot(key)
            if keys[i] != key { keys[i] = key; values[i] = v } else { values[i] &+= v }
        }
    }

    static let entitySeed: UInt64 = 0x0E17_17E5_5EED_0001

    @inline(__always) static func type(_ tag: UInt8) -> Int { tag == 0 ? 0 : Int((tag + 1) / 2) }

    /// The stage-1 entities of sentence `s` as (start, end, type) token offsets.
    static func chunks(_ t: Tokens, sentence s: Int, into out: inout [(Int, Int, Int)]) {
        out.removeAll(keepingCapacity: true)
        let a = t.starts[s], b = t.starts[s + 1]
        var i = a
        while i < b {
            let tag = t.tags[i]
            guard tag != 0 else { i += 1; continue }
            let ty = type(tag)
            var j = i + 1
            while j < b, t.tags[j] == UInt8(2 * ty) { j += 1 }
            out.append((i, j, ty))
            i = j
        }
    }

    static func update(_ c: inout Counts, _ t: Tokens, sentence s: Int, sign: Int32, scratch: inout [(Int, Int, Int)]) {
        for i in t.starts[s]..<t.starts[s + 1] where t.capitalised[i] || t.tags[i] != 0 {
            var v = SIMD4<Int32>()
            v[type(t.tags[i])] = sign
            c.tokens.add(t.lower[i], v)
        }
        chunks(t, sentence: s, into: &scratch)
        for (a, b, ty) in scratch where b - a <= 8 {
            var h = entitySeed
            for k in a..<b {
                h = FeatureHash.combine(h, t.lower[k])
                var v = SIMD4<Int32>()
                v[k == b - 1 ? ty : 0] = sign
                c.entities.add(h, v)
            }
            c.maxEntityLength = max(c.maxEntityLength, b - a)
        }
    }

    /// Code of the token-majority feature from the counts of the other occurrences.
    @inline(__always) static func majorityCode(_ c: SIMD4<Int32>) -> UInt64 {
        let ent = c[1] + c[2] + c[3]
        if ent + c[0] <= 0 { return 1 }
        if ent <= 0 { return 2 }
        var m = 1
        if c[2] > c[m] { m = 2 }
        if c[3] > c[m] { m = 3 }
        let unanimous = c[m] == ent
        return 3 + UInt64(m - 1) * 4 + (ent > c[0] ? 1 : 0) + (unanimous ? 2 : 0)
    }

    @inline(__always)
    func bucket(_ template: Int, _ value: UInt64) -> UInt32 {
        UInt32(
            truncatingIfNeeded: FeatureHash.mix(value ^ (UInt64(template) &* 0x9E37_79B9_7F4A_7C15) ^ 0x57AC_4ED0_0000_0000)
                >> UInt64(64 - bucketBits))
    }

    /// Computes the `extraCount` bucket indices of every token of the sentences `targets` of `t` (a
    /// whole document, or a block with `window` sentences of context on each side), writing them at
    /// `out[(token - t.starts[targets.lowerBound]) * extraCount + k]`.
    package func compute(_ t: Tokens, targets: Range<Int>, into out: UnsafeMutableBufferPointer<UInt32>) {
        guard !targets.isEmpty else { return }
        let E = Self.extraCount
        // Every key is added at most once per token of the sentences counted.
        let lo0 = max(0, targets.lowerBound - window), hi0 = min(t.sentenceCount, targets.upperBound + window)
        var counts = Counts(capacity: t.starts[hi0] - t.starts[lo0] + 16)
        var scratch: [(Int, Int, Int)] = []
        var own: [(Int, Int, Int)] = []
        let S = t.sentenceCount
        // Window [lo, hi) currently counted.
        var lo = max(0, targets.lowerBound - window), hi = lo
        var tm: [UInt64] = [], dg: [UInt64] = []
        let base0 = t.starts[targets.lowerBound]
        for s in targets {
            let wantLo = max(0, s - window), wantHi = min(S, s + window + 1)
            while hi < wantHi { Self.update(&counts, t, sentence: hi, sign: 1, scratch: &scratch); hi += 1 }
            while lo < wantLo { Self.update(&counts, t, sentence: lo, sign: -1, scratch: &scratch); lo += 1 }
            let a = t.starts[s], b = t.starts[s + 1], n = b - a
            Self.chunks(t, sentence: s, into: &own)
            // Token majority.
            tm.removeAll(keepingCapacity: true)
            for i in a..<b {
                if t.capitalised[i] || t.tags[i] != 0 {
                    var c = counts.tokens[t.lower[i]] ?? SIMD4<Int32>()
                    c[Self.type(t.tags[i])] -= 1
                    tm.append(Self.majorityCode(c))
                } else {
                    tm.append(0)
                }
            }
            // Document gazetteer: longest window entity string starting at each position, left to right.
            dg.removeAll(keepingCapacity: true)
            dg.append(contentsOf: repeatElement(0, count: n))
            var ownIndex = 0
            var i = a
            while i < b {
                while ownIndex < own.count, own[ownIndex].0 < i { ownIndex += 1 }
                let ownHere: (Int, Int, Int)? = ownIndex < own.count && own[ownIndex].0 == i ? own[ownIndex] : nil
                var h = Self.entitySeed
                var bestLen = 0, bestType = 0
                var j = i
                while j < b, j - i < counts.maxEntityLength {
                    h = FeatureHash.combine(h, t.lower[j])
                    guard var c = counts.entities[h] else { break }
                    if let o = ownHere {
                        // Leave out the token's own stage-1 entity.
                        if o.1 == j + 1 { c[o.2] -= 1 } else if o.1 > j + 1 { c[0] -= 1 }
                    }
                    let ent = c[1] + c[2] + c[3]
                    if ent > 0 {
                        var m = 1
                        if c[2] > c[m] { m = 2 }
                        if c[3] > c[m] { m = 3 }
                        bestLen = j - i + 1; bestType = m
                    }
                    if c[0] <= 0 { break }
                    j += 1
                }
                if bestLen == 0 { i += 1; continue }
                dg[i - a] = UInt64(1 + (bestType - 1) * 2)
                for k in (i + 1)..<(i + bestLen) { dg[k - a] = UInt64(2 + (bestType - 1) * 2) }
                i += bestLen
            }
            @inline(__always) func p(_ j: Int) -> UInt64 { j < 0 ? 100 : j >= n ? 101 : UInt64(t.tags[a + j]) }
            @inline(__always) func tmAt(_ j: Int) -> UInt64 { j < 0 ? 100 : j >= n ? 101 : tm[j] }
            @inline(__always) func dgAt(_ j: Int) -> UInt64 { j < 0 ? 100 : j >= n ? 101 : dg[j] }
            for j in 0..<n {
                let o = (a + j - base0) * E
                let sh = t.shortShape[a + j]
                var k = 0
                @inline(__always) func add(_ v: UInt64) { out[o + k] = bucket(k, v); k += 1 }
                add(p(j)); add(p(j - 1)); add(p(j + 1))
                add(FeatureHash.combine(FeatureHash.combine(p(j - 1), p(j)), p(j + 1)))
                add(FeatureHash.combine(p(j), sh))
                add(tm[j]); add(FeatureHash.combine(tm[j], p(j))); add(FeatureHash.combine(tm[j], sh))
                add(tmAt(j - 1)); add(tmAt(j + 1))
                add(dg[j]); add(FeatureHash.combine(dg[j], p(j))); add(FeatureHash.combine(dg[j], sh))
                add(dgAt(j - 1)); add(dgAt(j + 1))
                assert(k == E)
            }
        }
    }
}
