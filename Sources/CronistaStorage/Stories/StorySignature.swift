/// A document's near-duplicate fingerprint: a MinHash of its word 3-shingles.
///
/// Words are maximal runs of letters and digits, lower-cased; every run of three consecutive
/// words is one shingle, hashed to 64 bits. The signature keeps, for each of ``count`` seeded hash
/// functions, the smallest hash over the shingles: two signatures agree at one position with
/// probability equal to the Jaccard similarity of the two shingle sets, so the share of agreeing
/// positions (``similarity(_:)``) estimates it (standard error ≤ 0.0625 with 64 positions).
///
/// A wire copy, a light rewrite (a sentence dropped, two swapped, a paragraph or a headline
/// added) keeps most of its shingles; another article on the same topic shares names but few
/// three-word runs. See ``StoryGrouping`` for how signatures are compared at ingest.
public struct StorySignature: Hashable, Sendable {
    /// Positions in a signature.
    public static let count = 64
    /// Bytes of a stored signature (``bytes``): 4 per position.
    public static let byteCount = count * 4

    /// The minimum of each hash function, `count` values; all `UInt32.max` for a text with fewer
    /// than three words (such a text has no shingle and matches nothing).
    public private(set) var values: [UInt32]

    public init(values: [UInt32]) {
        precondition(values.count == Self.count, "a story signature has \(Self.count) values")
        self.values = values
    }

    /// The signature of `text`.
    public init(text: String) {
        var minima = [UInt64](repeating: .max, count: Self.count)
        var w1: UInt64 = 0, w2: UInt64 = 0
        var words = 0
        var word: UInt64 = Self.fnvOffset
        var inWord = false
        minima.withUnsafeMutableBufferPointer { m in
            func endWord() {
                words += 1
                if words >= 3 {
                    Self.add(Self.mix(w1 &* 0x9E37_79B9_7F4A_7C15 ^ (w2 &* 0xC2B2_AE3D_27D4_EB4F) ^ word), to: m)
                }
                w1 = w2
                w2 = word
            }
            for s in text.unicodeScalars {
                var v = s.value
                let isWordScalar: Bool
                if v < 0x80 {
                    if v >= 0x41 && v <= 0x5A {
                        v += 0x20
                        isWordScalar = true
                    } else {
                        isWordScalar = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
                    }
                } else {
                    let p = s.properties
                    isWordScalar = p.isAlphabetic || p.numericType != nil
                    if isWordScalar, p.changesWhenLowercased, let lower = p.lowercaseMapping.unicodeScalars.first {
                        v = lower.value
                    }
                }
                if isWordScalar {
                    if !inWord {
                        inWord = true
                        word = Self.fnvOffset
                    }
                    word = (word ^ UInt64(v)) &* Self.fnvPrime
                } else if inWord {
                    inWord = false
                    endWord()
                }
            }
            if inWord { endWord() }
        }
        values = minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets: the share of positions
    /// where the signatures agree (0 when either text has no shingle).
    public func similarity(_ other: StorySignature) -> Double {
        guard !isEmpty, !other.isEmpty else { return 0 }
        var same = 0
        for i in 0..<Self.count where values[i] == other.values[i] { same += 1 }
        return Double(same) / Double(Self.count)
    }

    /// Whether the text had no shingle (fewer than three words).
    public var isEmpty: Bool { values.allSatisfy { $0 == .max } }

    // MARK: Storage

    /// The signature as stored: ``byteCount`` bytes, each value little-endian.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.byteCount)
        for v in values {
            out.append(UInt8(truncatingIfNeeded: v))
            out.append(UInt8(truncatingIfNeeded: v >> 8))
            out.append(UInt8(truncatingIfNeeded: v >> 16))
            out.append(UInt8(truncatingIfNeeded: v >> 24))
        }
        return out
    }

    /// A stored signature back; `nil` when `bytes` is not ``byteCount`` long.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        var values: [UInt32] = []
        values.reserveCapacity(Self.count)
        var i = bytes.startIndex
        for _ in 0..<Self.count {
            var v: UInt32 = 0
            for shift in stride(from: 0, to: 32, by: 8) {
                v |= UInt32(bytes[i]) << UInt32(shift)
                i = bytes.index(after: i)
            }
            values.append(v)
        }
        self.values = values
    }

    // MARK: Hashing

    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// The seeds of the hash functions: fixed, so that signatures stored by one version compare
    /// with those of the next (changing them needs a migration that recomputes every signature).
    static let seeds: [UInt64] = {
        var state: UInt64 = 0x5EED_C0FF_EE15_7A11
        return (0..<count).map { _ in
            state = state &+ 0x9E37_79B9_7F4A_7C15
            return mix(state)
        }
    }()

    /// SplitMix64's finaliser: a bijection on 64 bits that spreads every input bit.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) static func add(_ shingle: UInt64, to minima: UnsafeMutableBufferPointer<UInt64>) {
        seeds.withUnsafeBufferPointer { seeds in
            for i in 0..<count {
                let h = mix(shingle ^ seeds[i])
                if h < minima[i] { minima[i] = h }
            }
        }
    }
}
