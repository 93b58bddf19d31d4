import CronistaCore

extension TimeGrammar {
    /// The tense a token marks by the grammar's `tense` cues, or nil when it marks none. A present
    /// auxiliary followed by a participle (`ha detto`) is past; alone (`è`) present.
    func tenseCue(_ forms: [String], _ i: Int, in sentence: Range<Int>) -> TimeResolver.Tense? {
        let f = forms[i]
        if tenseWords[.never]?.contains(f) == true { return nil }
        if tenseWords[.future]?.contains(f) == true { return .future }
        if tenseWords[.past]?.contains(f) == true || tenseWords[.pastAux]?.contains(f) == true { return .past }
        if tenseWords[.perfectAux]?.contains(f) == true {
            var j = i + 1
            while j < min(i + 4, sentence.upperBound) {
                if isParticiple(forms[j]) { return .past }
                j += 1
            }
            // A copula or an auxiliary alone (`è`, `sono`) says little: look further.
            return nil
        }
        let n = f.count
        if n >= 4, hasSuffix(f, .futureSuffix) { return .future }
        if n >= 5, hasSuffix(f, .pastSuffix) { return .past }
        if n >= 5, hasSuffix(f, .remoteSuffix) { return .past }
        return nil
    }

    func isParticiple(_ f: String) -> Bool {
        if tenseWords[.never]?.contains(f) == true { return false }
        return tenseWords[.participle]?.contains(f) == true || (f.count >= 5 && hasSuffix(f, .participleSuffix))
    }

    private func hasSuffix(_ f: String, _ cue: TenseCue) -> Bool {
        guard let list = tenseSuffixes[cue] else { return false }
        for s in list where f.hasSuffix(s) { return true }
        return false
    }

    /// The tense around an extent: the nearest cue in its clause (between `boundary` words), else
    /// in the sentence, left side first at equal distance; present when there is none.
    func tense(around extent: Range<Int>, _ forms: [String], in sentence: Range<Int>) -> TimeResolver.Tense {
        var lo = extent.lowerBound
        while lo > sentence.lowerBound && tenseWords[.boundary]?.contains(forms[lo - 1]) != true { lo -= 1 }
        var hi = extent.upperBound
        while hi < sentence.upperBound && tenseWords[.boundary]?.contains(forms[hi]) != true { hi += 1 }
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
        for i in cue {
            let f = forms[i]
            if tenseWords[.never]?.contains(f) == true { continue }
            if tenseWords[.perfectAux]?.contains(f) == true || isParticiple(f) { continue }
            if tenseWords[.past]?.contains(f) == true || tenseWords[.pastAux]?.contains(f) == true { return false }
            if tenseWords[.future]?.contains(f) == true { return false }
            let n = f.count
            if n >= 4, hasSuffix(f, .futureSuffix) { return false }
            if n >= 5, hasSuffix(f, .pastSuffix) || hasSuffix(f, .remoteSuffix) { return false }
        }
        return true
    }
}
