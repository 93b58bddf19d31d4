import CronistaCore

extension TimeGrammar {
    /// The tense a token marks by the grammar's `tense` cues, or nil when it marks none. A present
    /// auxiliary followed by a participle (`ha detto`) is past; alone (`è`) present.
    /// Whether a cue word is of a class.
    @inline(__always) func isCue(_ f: String, _ cue: TenseCue) -> Bool {
        guard let bits = cueBits[f] else { return false }
        return bits & (1 << TenseCue.allCases.firstIndex(of: cue)!) != 0
    }

    func tenseCue(_ forms: [String], _ i: Int, in sentence: Range<Int>) -> TimeResolver.Tense? {
        let f = forms[i]
        if let bits = cueBits[f] {
            func has(_ c: TenseCue) -> Bool { bits & (1 << TenseCue.allCases.firstIndex(of: c)!) != 0 }
            if has(.never) { return nil }
            if has(.future) { return .future }
            if has(.past) || has(.pastAux) { return .past }
        }
        if isCue(f, .perfectAux) {
            var j = i + 1
            while j < min(i + 4, sentence.upperBound) {
                if isParticiple(forms[j]) { return .past }
                j += 1
            }
            // A copula or an auxiliary alone (`è`, `sono`) says little: look further.
            return nil
        }
        let n = f.unicodeScalars.count
        if n >= 4, hasSuffix(f, .futureSuffix) { return .future }
        if n >= 5, hasSuffix(f, .pastSuffix) { return .past }
        if n >= 5, hasSuffix(f, .remoteSuffix) { return .past }
        return nil
    }

    func isParticiple(_ f: String) -> Bool {
        if isCue(f, .never) { return false }
        return isCue(f, .participle) || (f.unicodeScalars.count >= 5 && hasSuffix(f, .participleSuffix))
    }

    /// Whether `f` ends with a suffix of a class (compared in UTF-8, no allocation).
    private func hasSuffix(_ f: String, _ cue: TenseCue) -> Bool {
        let list = suffixBytes[TenseCue.allCases.firstIndex(of: cue)!]
        guard !list.isEmpty else { return false }
        let u = f.utf8
        for s in list where u.count >= s.count && u.suffix(s.count).elementsEqual(s) { return true }
        return false
    }

    /// The tense around an extent: the nearest cue in its clause (between `boundary` words), else
    /// in the sentence, left side first at equal distance; present when there is none.
    func tense(around extent: Range<Int>, _ forms: [String], in sentence: Range<Int>) -> TimeResolver.Tense {
        var lo = extent.lowerBound
        while lo > sentence.lowerBound && !isCue(forms[lo - 1], .boundary) { lo -= 1 }
        var hi = extent.upperBound
        while hi < sentence.upperBound && !isCue(forms[hi], .boundary) { hi += 1 }
        if lo > sentence.lowerBound || hi < sentence.upperBound, let t = nearestCue(around: extent, forms, in: lo..<hi, sentence) {
            return t
        }
        return nearestCue(around: extent, forms, in: sentence, sentence) ?? .present
    }

    private func nearestCue(around extent: Range<Int>, _ forms: [String], in window: Range<Int>, _ sentence: Range<Int>) -> TimeResolver
        .Tense?
    {
        var k = 1
        while k <= 12 {
            let l = extent.lowerBound - k
            let r = extent.upperBound - 1 + k
            if l < window.lowerBound && r >= window.upperBound { break }
            if l >= window.lowerBound, let t = tenseCue(forms, l, in: sentence) { return t }
            if r < window.upperBound, let t = tenseCue(forms, r, in: sentence) { return t }
            k += 1
        }
        return nil
    }

    /// Whether a reporting cue is in the present or present perfect (`dice`, `ha detto`): not in a
    /// past tense of its own (`disse`, `aveva detto`, `spiegava`) nor in the future.
    func isPresentOrPerfect(cue: Range<Int>, _ forms: [String]) -> Bool {
        let perfect = cue.contains { isCue(forms[$0], .perfectAux) }
        for i in cue {
            let f = forms[i]
            if isCue(f, .never) { continue }
            if isCue(f, .perfectAux) { continue }
            // A participle is a perfect's, unless it is also a past form standing alone (English
            // `said`, `warned`: the simple past has the participle's shape).
            if isParticiple(f) && (perfect || !(isCue(f, .past) || (f.unicodeScalars.count >= 5 && hasSuffix(f, .pastSuffix)))) {
                continue
            }
            if isCue(f, .past) || isCue(f, .pastAux) || isCue(f, .future) { return false }
            let n = f.unicodeScalars.count
            if n >= 4, hasSuffix(f, .futureSuffix) { return false }
            if n >= 5, hasSuffix(f, .pastSuffix) || hasSuffix(f, .remoteSuffix) { return false }
        }
        return true
    }
}
