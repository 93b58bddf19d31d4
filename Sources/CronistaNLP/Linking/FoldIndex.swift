import CronistaCore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One hit of a fold-key lookup: an entity and a small payload (a ``KBMatchKind`` for names, a
/// role index for role phrases).
package struct FoldPosting: Hashable, Sendable {
    package var entity: UInt32
    package var info: UInt16
}

/// A read-only hash table from fold keys (UTF-8 bytes) to postings, in flat arrays: an open-addressing
/// slot table, a key arena and a postings array. Lookup hashes the folded bytes and compares them
/// with the stored key, without building a `String`.
struct FoldIndex: Sendable {
    /// Slot → key number + 1 (0 = empty). Capacity is a power of two.
    let slots: [UInt32]
    let hashes: [UInt64]
    /// Key `k` is `keyBytes[keyStarts[k]..<keyStarts[k+1]]`.
    let keyStarts: [UInt32]
    let keyBytes: [UInt8]
    /// Key `k`'s postings are `postings[postStarts[k]..<postStarts[k+1]]`.
    let postStarts: [UInt32]
    let postings: [FoldPosting]

    var keyCount: Int { hashes.count }

    /// The postings of a fold key (already folded bytes), or an empty slice.
    func lookup(_ key: UnsafeBufferPointer<UInt8>) -> ArraySlice<FoldPosting> {
        guard let k = keyNumber(key) else { return postings[0..<0] }
        return postings[Int(postStarts[k])..<Int(postStarts[k + 1])]
    }

    func lookup(folded key: [UInt8]) -> ArraySlice<FoldPosting> {
        key.withUnsafeBufferPointer { lookup($0) }
    }

    func keyNumber(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        if slots.isEmpty { return nil }
        let h = NameFolding.hash(key)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[s]
            if v == 0 { return nil }
            let k = Int(v - 1)
            if hashes[k] == h {
                let a = Int(keyStarts[k]), b = Int(keyStarts[k + 1])
                if b - a == key.count {
                    let same =
                        key.count == 0
                        || keyBytes.withUnsafeBufferPointer { kb in
                            memcmp(kb.baseAddress! + a, key.baseAddress!, key.count) == 0
                        }
                    if same { return k }
                }
            }
            s = (s + 1) & mask
        }
    }

    /// The text of key `k` (for listing and prefix search).
    func key(_ k: Int) -> String {
        String(decoding: keyBytes[Int(keyStarts[k])..<Int(keyStarts[k + 1])], as: UTF8.self)
    }

    /// Postings of every key that starts with `prefix` (folded), up to `limit` keys: a linear scan
    /// over the key arena, for interactive lookup only.
    func keys(withPrefix prefix: [UInt8], limit: Int) -> [Int] {
        var out: [Int] = []
        if prefix.isEmpty { return out }
        for k in 0..<keyCount {
            let a = Int(keyStarts[k]), b = Int(keyStarts[k + 1])
            if b - a < prefix.count { continue }
            var ok = true
            for i in 0..<prefix.count where keyBytes[a + i] != prefix[i] { ok = false; break }
            if ok {
                out.append(k)
                if out.count >= limit { break }
            }
        }
        return out
    }

    func postings(ofKey k: Int) -> ArraySlice<FoldPosting> {
        postings[Int(postStarts[k])..<Int(postStarts[k + 1])]
    }
}

/// Builds a ``FoldIndex``: keys are interned as they come, postings gathered in pairs and grouped
/// by a counting sort at the end.
struct FoldIndexBuilder {
    private var slots: [UInt32]
    private var hashes: [UInt64] = []
    private var keyStarts: [UInt32] = [0]
    private var keyBytes: [UInt8] = []
    private var pairKeys: [UInt32] = []
    private var pairPostings: [FoldPosting] = []
    /// Scratch buffer for folding.
    private var scratch: [UInt8] = []

    init(expectedKeys: Int) {
        var cap = 16
        while cap < expectedKeys * 2 { cap <<= 1 }
        slots = [UInt32](repeating: 0, count: cap)
        hashes.reserveCapacity(expectedKeys)
        keyBytes.reserveCapacity(expectedKeys * 12)
        pairKeys.reserveCapacity(expectedKeys)
        pairPostings.reserveCapacity(expectedKeys)
    }

    /// Folds `text` and adds a posting under its key (empty folds are ignored).
    mutating func add(_ text: some StringProtocol, _ posting: FoldPosting) {
        scratch.removeAll(keepingCapacity: true)
        NameFolding.append(text, to: &scratch)
        if scratch.isEmpty { return }
        let k = scratch.withUnsafeBufferPointer { intern($0) }
        pairKeys.append(UInt32(k))
        pairPostings.append(posting)
    }

    private mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let h = NameFolding.hash(key)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[s]
            if v == 0 { break }
            let k = Int(v - 1)
            if hashes[k] == h {
                let a = Int(keyStarts[k]), b = Int(keyStarts[k + 1])
                if b - a == key.count {
                    let same = keyBytes.withUnsafeBufferPointer { kb in
                        memcmp(kb.baseAddress! + a, key.baseAddress!, key.count) == 0
                    }
                    if same { return k }
                }
            }
            s = (s + 1) & mask
        }
        let k = hashes.count
        hashes.append(h)
        keyBytes.append(contentsOf: key)
        keyStarts.append(UInt32(keyBytes.count))
        slots[s] = UInt32(k + 1)
        return k
    }

    private mutating func grow() {
        let cap = slots.count * 2
        var new = [UInt32](repeating: 0, count: cap)
        let mask = cap - 1
        for (k, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while new[s] != 0 { s = (s + 1) & mask }
            new[s] = UInt32(k + 1)
        }
        slots = new
    }

    /// Groups the postings by key; a posting repeated for one key keeps its highest `info`
    /// when `keepBestInfo` (names: the best match kind), else every distinct posting stays.
    func finish(keepBestInfo: Bool = true) -> FoldIndex {
        let nk = hashes.count
        var counts = [UInt32](repeating: 0, count: nk + 1)
        for k in pairKeys { counts[Int(k) + 1] += 1 }
        for i in 0..<nk { counts[i + 1] += counts[i] }
        var fill = counts
        var grouped = [FoldPosting](repeating: FoldPosting(entity: 0, info: 0), count: pairPostings.count)
        for (i, k) in pairKeys.enumerated() {
            grouped[Int(fill[Int(k)])] = pairPostings[i]
            fill[Int(k)] += 1
        }
        // Deduplicate within each key (lists are short).
        var postStarts = [UInt32](repeating: 0, count: nk + 1)
        var out: [FoldPosting] = []
        out.reserveCapacity(grouped.count)
        for k in 0..<nk {
            let a = Int(counts[k]), b = Int(counts[k + 1])
            let base = out.count
            for p in grouped[a..<b] {
                var merged = false
                for j in base..<out.count where out[j].entity == p.entity && (keepBestInfo || out[j].info == p.info) {
                    if p.info > out[j].info { out[j].info = p.info }
                    merged = true
                    break
                }
                if !merged { out.append(p) }
            }
            postStarts[k + 1] = UInt32(out.count)
        }
        return FoldIndex(
            slots: slots, hashes: hashes, keyStarts: keyStarts, keyBytes: keyBytes,
            postStarts: postStarts, postings: out)
    }
}
