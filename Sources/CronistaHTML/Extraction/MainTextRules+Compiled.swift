/// `MainTextRules` made ready for the per-node loops once per extractor: tag sets as tables indexed
/// by known tag id, class/id patterns indexed by the hash of their first word.
struct CompiledMainTextRules: Sendable {
    let removedTag: [Bool]
    let guardedTag: [Bool]
    let rescueGuardedTag: [Bool]
    let blockTag: [Bool]
    let boilerplate: WordPatternMatcher
    let content: WordPatternMatcher
    let rescueBoilerplate: WordPatternMatcher
    let lead: WordPatternMatcher
    let bodyPart: WordPatternMatcher
    let thread: WordPatternMatcher
    /// `boilerplate` without the thread words.
    let boilerplateBesidesThread: WordPatternMatcher

    init(_ rules: MainTextRules) {
        let known = Int(HTMLTag.knownCount)
        removedTag = (0..<known).map { rules.removedTags.contains(HTMLTag.knownNames[$0]) }
        guardedTag = (0..<known).map { rules.removedUnlessMainTags.contains(HTMLTag.knownNames[$0]) }
        rescueGuardedTag = (0..<known).map { rules.rescueRemovedUnlessMainTags.contains(HTMLTag.knownNames[$0]) }
        blockTag = (0..<known).map { rules.blockTags.contains(HTMLTag.knownNames[$0]) }
        boilerplate = WordPatternMatcher(rules.boilerplatePatterns)
        content = WordPatternMatcher(rules.contentPatterns)
        rescueBoilerplate = WordPatternMatcher(rules.rescueBoilerplatePatterns)
        lead = WordPatternMatcher(rules.leadPatterns)
        bodyPart = WordPatternMatcher(rules.bodyPartPatterns)
        thread = WordPatternMatcher(rules.threadPatterns)
        let threadWords = Set(rules.threadPatterns.map { $0.lowercased() })
        boilerplateBesidesThread = WordPatternMatcher(rules.boilerplatePatterns.filter { !threadWords.contains($0.lowercased()) })
    }
}

/// Patterns (`cookie`, `ad-slot`) found as whole words of a class/id key, the words separated by a space,
/// `-` or `_`: a pattern matches where a key's word starts, it is equal to the key's bytes there, and a
/// separator or the end follows. Patterns are indexed by their first word's hash, so a key costs one
/// hash lookup per word whatever the number of patterns.
struct WordPatternMatcher: Sendable {
    let patterns: [[UInt8]]
    let byFirstWord: [UInt64: [Int32]]

    init(_ list: [String]) {
        patterns = list.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty && !Self.isSeparator($0[0]) }
        var index: [UInt64: [Int32]] = [:]
        for (i, p) in patterns.enumerated() {
            var end = 0
            while end < p.count, !Self.isSeparator(p[end]) { end += 1 }
            index[p.withUnsafeBufferPointer { Self.hash($0, 0..<end) }, default: []].append(Int32(i))
        }
        byFirstWord = index
    }

    @inline(__always) static func isSeparator(_ c: UInt8) -> Bool { c == 0x20 || c == 0x2D || c == 0x5F }

    static func hash(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in r {
            h ^= UInt64(b[i])
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    /// Whether a pattern occurs as whole words in `key` (lowercase bytes).
    func matches(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        if byFirstWord.isEmpty { return false }
        var i = 0
        let n = key.count
        while i < n {
            while i < n, Self.isSeparator(key[i]) { i += 1 }
            let start = i
            while i < n, !Self.isSeparator(key[i]) { i += 1 }
            if i == start { break }
            guard let candidates = byFirstWord[Self.hash(key, start..<i)] else { continue }
            for c in candidates {
                let p = patterns[Int(c)]
                let m = p.count
                if start + m > n || (start + m < n && !Self.isSeparator(key[start + m])) { continue }
                var k = 0
                while k < m, key[start + k] == p[k] { k += 1 }
                if k == m { return true }
            }
        }
        return false
    }
}
