#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about how a model was trained, stored in the model file and in its JSON manifest.
public struct NERModelInfo: Sendable, Equatable {
    public var seed: UInt64 = 0
    public var epochs = 0
    public var trainingFiles: [String] = []
    public var devFile = ""
    public var devF1 = 0.0
    public init() {}
}

/// A trained PER/ORG/LOC tagger: hashed feature weights (Int16, 8 per bucket: 7 tags + padding), BIO
/// transition scores, and the lexicons its features read (word clusters, gazetteer). Immutable and
/// shared by all threads; each thread tags with its own ``NERTagger``.
public final class NERModel: Sendable {
    public static let stride = 8
    public let extractor: FeatureExtractor
    /// `(1 << bucketBits) × 8` weights.
    public let weights: [Int16]
    /// `8 × 7`: row `p` holds the scores of moving from tag `p` to each tag; row 7 is the start.
    public let transitions: [Int32]
    /// Integer weight units per unit of the original (floating-point) score.
    public let scale: Float
    public let info: NERModelInfo

    public init(extractor: FeatureExtractor, weights: [Int16], transitions: [Int32], scale: Float, info: NERModelInfo) {
        precondition(weights.count == (1 << extractor.bucketBits) * Self.stride)
        precondition(transitions.count == (NERTag.count + 1) * NERTag.count)
        self.extractor = extractor
        self.weights = weights
        self.transitions = transitions
        self.scale = scale
        self.info = info
    }

    /// Quantises floating-point weights (`(1 << bits) × 8`) and transitions to Int16 / Int32.
    public convenience init(extractor: FeatureExtractor, floatWeights: [Float], floatTransitions: [Float], info: NERModelInfo) {
        var maxAbs: Float = 1e-6
        for w in floatWeights where abs(w) > maxAbs { maxAbs = abs(w) }
        let scale = 32000 / maxAbs
        let q = floatWeights.map { Int16(($0 * scale).rounded()) }
        let t = floatTransitions.map { Int32(($0 * scale).rounded()) }
        self.init(extractor: extractor, weights: q, transitions: t, scale: scale, info: info)
    }
}

/// Reusable buffers that turn a sentence's tokens into feature indices (no allocation once warm).
public struct FeatureWorkspace {
    public let extractor: FeatureExtractor
    var infos: [TokenInfo] = []
    var forms: [UInt64] = []
    var codes: [UInt8] = []
    var corpusCodes: [UInt8] = []
    var formBuffer: [UInt8] = []
    var lowerBuffer: [UInt8] = []
    /// `count × FeatureExtractor.templateCount` bucket indices after ``finish()``.
    public var features: [UInt32] = []
    public private(set) var count = 0

    public init(extractor: FeatureExtractor) {
        self.extractor = extractor
        formBuffer.reserveCapacity(64)
        lowerBuffer.reserveCapacity(64)
    }

    public mutating func begin(count n: Int) {
        count = n
        if infos.count < n {
            let c = max(n, 2 * infos.count, 64)
            infos = Array(repeating: TokenInfo(), count: c)
            forms = Array(repeating: 0, count: c)
            codes = Array(repeating: 0, count: c)
            corpusCodes = Array(repeating: 0, count: c)
            features = Array(repeating: 0, count: c * FeatureExtractor.templateCount)
        }
    }

    @inline(__always)
    public mutating func setToken(_ i: Int, utf8: UnsafeBufferPointer<UInt8>) {
        extractor.analyse(utf8, form: &formBuffer, lower: &lowerBuffer, into: &infos[i])
        forms[i] = infos[i].form
    }

    public mutating func setToken(_ i: Int, _ token: some StringProtocol) {
        if token.utf8.withContiguousStorageIfAvailable({ setToken(i, utf8: $0) }) == nil {
            var s = String(token)
            s.withUTF8 { setToken(i, utf8: $0) }
        }
    }

    /// Runs the gazetteer over the sentence and computes every token's features.
    public mutating func finish() {
        let n = count
        forms.withUnsafeBufferPointer { f in
            codes.withUnsafeMutableBufferPointer { c in
                extractor.gazetteer.match(
                    forms: UnsafeBufferPointer(rebasing: f[0..<n]),
                    codes: UnsafeMutableBufferPointer(rebasing: c[0..<n]), source: .knowledgeBase)
            }
            corpusCodes.withUnsafeMutableBufferPointer { c in
                extractor.gazetteer.match(
                    forms: UnsafeBufferPointer(rebasing: f[0..<n]),
                    codes: UnsafeMutableBufferPointer(rebasing: c[0..<n]), source: .corpus)
            }
        }
        for i in 0..<n { infos[i].gazetteer = codes[i]; infos[i].corpusGazetteer = corpusCodes[i] }
        infos.withUnsafeBufferPointer { inf in
            features.withUnsafeMutableBufferPointer { out in
                extractor.features(
                    UnsafeBufferPointer(rebasing: inf[0..<n]),
                    into: UnsafeMutableBufferPointer(rebasing: out[0..<(n * FeatureExtractor.templateCount)]))
            }
        }
    }
}

/// Tags sentences with a model. Not thread-safe: make one per thread (cheap; the model is shared).
public struct NERTagger {
    public let model: NERModel
    public private(set) var workspace: FeatureWorkspace
    var emissions: [Int32] = []
    var scores: [Int32] = []
    var back: [UInt8] = []
    /// The tags of the last sentence (`count` valid entries).
    public private(set) var tags: [UInt8] = []

    public init(model: NERModel) {
        self.model = model
        workspace = FeatureWorkspace(extractor: model.extractor)
    }

    /// Tags a sentence; the result's `rawValue`s are also in ``tags``.
    public mutating func tag<C: Collection>(_ tokens: C) -> [NERTag] where C.Element: StringProtocol {
        tagInPlace(tokens)
        return (0..<workspace.count).map { NERTag(rawValue: tags[$0]) }
    }

    /// Tags a sentence into ``tags`` without allocating (once the buffers are big enough).
    public mutating func tagInPlace<C: Collection>(_ tokens: C) where C.Element: StringProtocol {
        workspace.begin(count: tokens.count)
        var i = 0
        for t in tokens { workspace.setToken(i, t); i += 1 }
        decode()
    }

    /// Tags a sentence given as byte ranges of one UTF-8 buffer.
    public mutating func tagInPlace(text: UnsafeBufferPointer<UInt8>, starts: ArraySlice<UInt32>, ends: ArraySlice<UInt32>) {
        workspace.begin(count: starts.count)
        var i = 0
        for (s, e) in zip(starts, ends) {
            workspace.setToken(i, utf8: UnsafeBufferPointer(rebasing: text[Int(s)..<Int(e)]))
            i += 1
        }
        decode()
    }

    mutating func decode() {
        workspace.finish()
        let n = workspace.count
        let T = NERTag.count, F = FeatureExtractor.templateCount
        if emissions.count < n * T {
            let c = max(n * T, 2 * emissions.count, 64 * T)
            emissions = Array(repeating: 0, count: c)
            scores = Array(repeating: 0, count: c)
            back = Array(repeating: 0, count: c)
            tags = Array(repeating: 0, count: c)
        }
        model.weights.withUnsafeBufferPointer { w in
            let raw = UnsafeRawPointer(w.baseAddress!)
            workspace.features.withUnsafeBufferPointer { feats in
                emissions.withUnsafeMutableBufferPointer { em in
                    for i in 0..<n {
                        var acc = SIMD8<Int32>()
                        let base = i * F
                        for k in 0..<F {
                            let row = raw.loadUnaligned(fromByteOffset: Int(feats[base + k]) &* 16, as: SIMD8<Int16>.self)
                            acc &+= SIMD8<Int32>(truncatingIfNeeded: row)
                        }
                        for t in 0..<T { em[i * T + t] = acc[t] }
                    }
                }
            }
        }
        emissions.withUnsafeBufferPointer { em in
            model.transitions.withUnsafeBufferPointer { tr in
                scores.withUnsafeMutableBufferPointer { sc in
                    back.withUnsafeMutableBufferPointer { bk in
                        tags.withUnsafeMutableBufferPointer { tg in
                            Viterbi.decode(n: n, emissions: em, transitions: tr, scores: sc, back: bk, tags: tg)
                        }
                    }
                }
            }
        }
    }

    /// Confidence of tokens `range` of the last sentence carrying their tags: the mean, over the tokens,
    /// of the softmax probability of the chosen tag given the token's emission scores.
    public func confidence(_ range: Range<Int>) -> Float {
        let T = NERTag.count
        var total: Float = 0
        for i in range {
            var maxScore = Float(emissions[i * T])
            for t in 1..<T { maxScore = max(maxScore, Float(emissions[i * T + t])) }
            var z: Float = 0
            for t in 0..<T { z += expf((Float(emissions[i * T + t]) - maxScore) / model.scale) }
            total += expf((Float(emissions[i * T + Int(tags[i])]) - maxScore) / model.scale) / z
        }
        return range.isEmpty ? 0 : total / Float(range.count)
    }
}

