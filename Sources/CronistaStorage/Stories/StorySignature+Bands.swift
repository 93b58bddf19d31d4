/// Locality-sensitive hashing of a ``StorySignature``: the 64 positions cut into ``bandCount``
/// bands of ``rowsPerBand``; each band hashes to one key, and documents that share any key are
/// candidates, compared on their whole signatures.
///
/// Two texts with Jaccard similarity `s` share at least one band with probability
/// `1 − (1 − s²)³²`: 0.95 at s = 0.3, more than 0.999 at s = 0.4, 0.08 at s = 0.05. So nearly
/// every pair above ``StoryGrouping/threshold`` is found, while a store looks up few unrelated
/// documents.
extension StorySignature {
    public static let rowsPerBand = 2
    public static let bandCount = count / rowsPerBand

    /// One key per band (``bandCount`` keys), the band's index mixed in so that equal values in
    /// different bands do not collide; empty for an empty signature.
    public var bandKeys: [Int64] {
        guard !isEmpty else { return [] }
        var keys: [Int64] = []
        keys.reserveCapacity(Self.bandCount)
        for b in 0..<Self.bandCount {
            var h = UInt64(b) &* 0xD6E8_FEB8_6659_FD93
            for r in 0..<Self.rowsPerBand {
                h = Self.mix(h ^ UInt64(values[b * Self.rowsPerBand + r]))
            }
            keys.append(Int64(bitPattern: h))
        }
        return keys
    }
}
