/// Allocation-free string hashing for the tagger's features: FNV-1a over UTF-8 bytes, finished with
/// the SplitMix64 mixer. Stable across runs and platforms (the model file depends on it).
package enum FeatureHash {
    package static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inlinable @inline(__always)
    package static func step(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* prime }

    @inlinable @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Combines two hashes (order matters).
    @inlinable @inline(__always)
    package static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a &* 0x2127_599b_f432_5c37 ^ b) }

    /// Hash of a byte sequence.
    @inlinable
    package static func bytes(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = offset
        for x in b { h = step(h, x) }
        return mix(h)
    }

    /// Hash of a string's UTF-8 bytes (not for hot paths).
    package static func string(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { bytes($0) }
    }
}
