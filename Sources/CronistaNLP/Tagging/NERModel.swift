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
    /// Epochs of the first stage of a two-stage model (`epochs` is the second stage's).
    public var stage1Epochs = 0
    public init() {}
}

/// A trained PER/ORG/LOC tagger: hashed feature weights (Int16, 8 per bucket: 7 tags + padding), BIO
/// transition scores, and the lexicons its features read (word clusters, gazetteer). Immutable and
/// shared by all threads; each thread tags with its own ``NERTagger``.
public final class NERModel: Sendable {
    public static let stride = 8
    package let extractor: FeatureExtractor
    /// `(1 << bucketBits) × 8` weights.
    public let weights: NERWeightTable
    /// `8 × 7`: row `p` holds the scores of moving from tag `p` to each tag; row 7 is the start.
    public let transitions: [Int32]
    /// Integer weight units per unit of the original (floating-point) score.
    public let scale: Float
    public let info: NERModelInfo
    /// The optional second stage, which re-tags each sentence with the first stage's predictions around
    /// it and elsewhere in the document as extra features (``StackedFeatures``).
    public let stage2: Stage2?

    public struct Stage2: Sendable {
        package let features: StackedFeatures
        /// `(1 << bucketBits) × 8` weights over ``StackedFeatures/templateCount`` templates.
        public let weights: NERWeightTable
        public let transitions: [Int32]
        public let scale: Float

        package init(features: StackedFeatures, weights: NERWeightTable, transitions: [Int32], scale: Float) {
            precondition(weights.count == (1 << features.bucketBits) * NERModel.stride)
            self.features = features
            self.weights = weights
            self.transitions = transitions
            self.scale = scale
        }

        package init(features: StackedFeatures, floatWeights: [Float], floatTransitions: [Float]) {
            let (q, t, scale) = NERModel.quantise(floatWeights, floatTransitions)
            self.init(features: features, weights: NERWeightTable(q), transitions: t, scale: scale)
        }
    }

    package init(
        extractor: FeatureExtractor, weights: NERWeightTable, transitions: [Int32], scale: Float, info: NERModelInfo,
        stage2: Stage2? = nil
    ) {
        precondition(weights.count == (1 << extractor.bucketBits) * Self.stride)
        precondition(transitions.count == (NERTag.count + 1) * NERTag.count)
        self.extractor = extractor
        self.weights = weights
        self.transitions = transitions
        self.scale = scale
        self.info = info
        self.stage2 = stage2
    }

    static func quantise(_ floatWeights: [Float], _ floatTransitions: [Float]) -> ([Int16], [Int32], Float) {
        var maxAbs: Float = 1e-6
        for w in floatWeights where abs(w) > maxAbs { maxAbs = abs(w) }
        let scale = 32000 / maxAbs
        return (floatWeights.map { Int16(($0 * scale).rounded()) }, floatTransitions.map { Int32(($0 * scale).rounded()) }, scale)
    }

    /// Quantises floating-point weights (`(1 << bits) × 8`) and transitions to Int16 / Int32.
    package convenience init(extractor: FeatureExtractor, floatWeights: [Float], floatTransitions: [Float], info: NERModelInfo) {
        let (q, t, scale) = Self.quantise(floatWeights, floatTransitions)
        self.init(extractor: extractor, weights: NERWeightTable(q), transitions: t, scale: scale, info: info)
    }
}

/// Reusable buffers that turn a sentence's tokens into feature indices (no allocation once warm).
public struct FeatureWorkspace {
    package let extractor: FeatureExtractor
    var infos: [TokenInfo] = []
    var forms: [UInt64] = []
    var codes: [UInt8] = []
    var corpusCodes: [UInt8] = []
    var steps: [UInt16] = []
    /// Scratch for a token's normalised form and lower-case, sized (not appended to) by
    /// `FeatureExtractor.analyse` for the longest token so far.
    var formBuffer: [UInt8] = []
    var lowerBuffer: [UInt8] = []
    /// `count × FeatureExtractor.templateCount` bucket indices after ``finish()``.
    public var features: [UInt32] = []
    public private(set) var count = 0

    package init(extractor: FeatureExtractor) {
        self.extractor = extractor
    }

    public mutating func begin(count n: Int) {
        count = n
        if infos.count < n {
            let c = max(n, 2 * infos.count, 64)
            infos = Array(repeating: TokenInfo(), count: c)
            forms = Array(repeating: 0, count: c)
            codes = Array(repeating: 0, count: c)
            corpusCodes = Array(repeating: 0, count: c)
            steps = Array(repeating: 0, count: c)
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
        let gazetteer = extractor.gazetteer
        forms.withUnsafeBufferPointer { f in
            let forms = UnsafeBufferPointer(rebasing: f[0..<n])
            steps.withUnsafeMutableBufferPointer { s in
                gazetteer.firstSteps(forms: forms, into: UnsafeMutableBufferPointer(rebasing: s[0..<n]))
            }
            steps.withUnsafeBufferPointer { s in
                let steps = UnsafeBufferPointer(rebasing: s[0..<n])
                codes.withUnsafeMutableBufferPointer { c in
                    gazetteer.match(
                        forms: forms, steps: steps, codes: UnsafeMutableBufferPointer(rebasing: c[0..<n]), source: .knowledgeBase)
                }
                corpusCodes.withUnsafeMutableBufferPointer { c in
                    gazetteer.match(forms: forms, steps: steps, codes: UnsafeMutableBufferPointer(rebasing: c[0..<n]), source: .corpus)
                }
            }
        }
        for i in 0..<n {
            infos[i].gazetteer = codes[i]
            infos[i].corpusGazetteer = corpusCodes[i]
            infos[i].firstName = steps[i] & Gazetteer.firstNameBit != 0
        }
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
///
/// A model with a second stage should tag whole documents (``tagDocument(sentences:fill:)``): the
/// single-sentence methods treat the sentence as a document of its own.
public struct NERTagger {
    public let model: NERModel
    public private(set) var workspace: FeatureWorkspace
    var emissions: [Int32] = []
    var scores: [Int32] = []
    var back: [UInt8] = []
    /// Scale of the emissions of the last decoded sentence.
    var lastScale: Float = 1
    /// The tags of the last sentence (`count` valid entries).
    public private(set) var tags: [UInt8] = []

    /// After ``tagDocument(sentences:fill:)``: the tags of every token of the document, flat.
    public internal(set) var documentTags: [UInt8] = []
    /// Token offsets of the document's sentences in ``documentTags`` (`sentences + 1` entries).
    public private(set) var documentStarts: [Int] = [0]
    /// Per token: the probability of its tag (softmax over its emission scores; entity tokens only).
    var documentProbabilities: [Float] = []
    var stack = StackedFeatures.Tokens()
    /// With a second stage: per token of the last stage-1 sentence, the sum of the second stage's rows
    /// for its base features (the first stage's features, which both stages read).
    var stage2Base: [SIMD8<Int32>] = []
    /// The same for the tokens of the block of sentences being tagged (``tagDocument(sentences:fill:)``).
    var blockBase: [SIMD8<Int32>] = []
    var extras: [UInt32] = []

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

    mutating func decode() {
        decodeStage1()
        guard let st2 = model.stage2 else { return }
        let n = workspace.count
        stack.removeAll()
        appendStage1()
        if extras.count < n * StackedFeatures.extraCount { extras = Array(repeating: 0, count: max(n, 64) * StackedFeatures.extraCount) }
        extras.withUnsafeMutableBufferPointer { st2.features.compute(stack, targets: 0..<1, into: $0) }
        decodeStage2(st2, base: stage2Base, baseOffset: 0, extraOffset: 0, n: n)
    }

    mutating func reserve(_ n: Int) {
        let T = NERTag.count
        if emissions.count < n * T {
            let c = max(n * T, 2 * emissions.count, 64 * T)
            emissions = Array(repeating: 0, count: c)
            scores = Array(repeating: 0, count: c)
            back = Array(repeating: 0, count: c)
            tags = Array(repeating: 0, count: c)
        }
    }

    /// Stage 1 over the workspace's sentence: features, emissions, Viterbi into ``tags``; with a
    /// second stage, also ``stage2Base`` (read in the same pass: with paired tables, from the same
    /// cache lines).
    mutating func decodeStage1() {
        workspace.finish()
        let n = workspace.count
        reserve(n)
        let T = NERTag.count, F = FeatureExtractor.templateCount
        let table = model.weights
        let st2 = model.stage2
        let paired = st2.map { table.isPaired(with: $0.weights) } ?? false
        let shift = st2.map { model.extractor.bucketBits - $0.features.bucketBits } ?? 0
        if st2 != nil, stage2Base.count < n { stage2Base = Array(repeating: SIMD8<Int32>(), count: max(n, 2 * stage2Base.count, 64)) }
        workspace.features.withUnsafeBufferPointer { feats in
            emissions.withUnsafeMutableBufferPointer { em in
                stage2Base.withUnsafeMutableBufferPointer { base in
                    for i in 0..<n {
                        var acc = SIMD8<Int32>()
                        if paired {
                            var acc2 = SIMD8<Int32>()
                            Self.addPairedRows(table.storage, feats, from: i * F, count: F, into: &acc, &acc2)
                            base[i] = acc2
                        } else {
                            Self.addRows(table, feats, from: i * F, count: F, shift: 0, into: &acc)
                            if let st2 {
                                var acc2 = SIMD8<Int32>()
                                Self.addRows(st2.weights, feats, from: i * F, count: F, shift: shift, into: &acc2)
                                base[i] = acc2
                            }
                        }
                        for t in 0..<T { em[i * T + t] = acc[t] }
                    }
                }
            }
        }
        lastScale = model.scale
        viterbi(n, model.transitions)
    }

    /// Adds the weight rows (eight Int16 tag scores, 16 bytes each) of the feature buckets
    /// `features[from..<from+count] >> shift` to `acc`.
    @inline(__always)
    static func addRows(
        _ weights: NERWeightTable, _ features: UnsafeBufferPointer<UInt32>, from: Int, count: Int, shift: Int,
        into acc: inout SIMD8<Int32>
    ) {
        let s = weights.storage
        let raw = UnsafeRawPointer(s.base) + weights.lane
        for k in from..<(from + count) {
            let row = raw.load(fromByteOffset: NERWeightTable.slotOffset(s, Int(features[k] >> shift)), as: SIMD8<Int16>.self)
            acc &+= SIMD8<Int32>(truncatingIfNeeded: row)
        }
    }

    /// ``addRows(_:_:from:count:shift:into:)`` over a pair of tables (the two stages): each bucket's
    /// two rows, one 32-byte read, into `a` and `b`.
    @inline(__always)
    static func addPairedRows(
        _ s: NERWeightTable.Storage, _ features: UnsafeBufferPointer<UInt32>, from: Int, count: Int,
        into a: inout SIMD8<Int32>, _ b: inout SIMD8<Int32>
    ) {
        let raw = UnsafeRawPointer(s.base)
        for k in from..<(from + count) {
            let o = NERWeightTable.slotOffset(s, Int(features[k]))
            a &+= SIMD8<Int32>(truncatingIfNeeded: raw.load(fromByteOffset: o, as: SIMD8<Int16>.self))
            b &+= SIMD8<Int32>(truncatingIfNeeded: raw.load(fromByteOffset: o &+ 16, as: SIMD8<Int16>.self))
        }
    }

    mutating func viterbi(_ n: Int, _ transitions: [Int32]) {
        emissions.withUnsafeBufferPointer { em in
            transitions.withUnsafeBufferPointer { tr in
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

    /// Appends the workspace's sentence, with its stage-1 ``tags``, to ``stack``.
    mutating func appendStage1() {
        let n = workspace.count
        for i in 0..<n {
            let info = workspace.infos[i]
            stack.tags.append(tags[i])
            stack.lower.append(info.lower)
            stack.shortShape.append(info.shortShape)
            stack.capitalised.append(info.capitalised)
        }
        stack.starts.append(stack.tags.count)
    }

    /// Stage 2 for one sentence: the sums of its base features' rows `base[baseOffset…]` (from
    /// ``decodeStage1()``), stacked features `extras[extraOffset…]`.
    mutating func decodeStage2(_ st2: NERModel.Stage2, base: [SIMD8<Int32>], baseOffset: Int, extraOffset: Int, n: Int) {
        reserve(n)
        let T = NERTag.count, E = StackedFeatures.extraCount
        let table = st2.weights
        base.withUnsafeBufferPointer { b in
            extras.withUnsafeBufferPointer { ex in
                emissions.withUnsafeMutableBufferPointer { em in
                    for i in 0..<n {
                        var acc = b[baseOffset + i]
                        Self.addRows(table, ex, from: extraOffset + i * E, count: E, shift: 0, into: &acc)
                        for t in 0..<T { em[i * T + t] = acc[t] }
                    }
                }
            }
        }
        lastScale = st2.scale
        viterbi(n, st2.transitions)
    }

    /// Tags a document of `sentences` sentences: `fill(s, &workspace)` must call `begin(count:)` and
    /// `setToken` for each token of sentence `s` (and is called more than once for some sentences).
    /// The tags are in ``documentTags`` (sentence `s` at `documentStarts[s]..<documentStarts[s + 1]`).
    public mutating func tagDocument(sentences S: Int, fill: (Int, inout FeatureWorkspace) -> Void) {
        documentTags.removeAll(keepingCapacity: true)
        documentProbabilities.removeAll(keepingCapacity: true)
        documentStarts.removeAll(keepingCapacity: true)
        documentStarts.append(0)
        guard let st2 = model.stage2 else {
            for s in 0..<S {
                fill(s, &workspace)
                decodeStage1()
                appendDocumentTags(workspace.count)
            }
            return
        }
        let K = st2.features.window, E = StackedFeatures.extraCount
        let blockSize = max(512, 32 * K)
        var b = 0
        while b < S {
            let e = min(S, b + blockSize)
            let lo = max(0, b - K), hi = min(S, e + K)
            stack.removeAll()
            blockBase.removeAll(keepingCapacity: true)
            for s in lo..<hi {
                fill(s, &workspace)
                decodeStage1()
                appendStage1()
                if s >= b && s < e {
                    blockBase.append(contentsOf: stage2Base[0..<workspace.count])
                }
            }
            let blockTokens = stack.starts[e - lo] - stack.starts[b - lo]
            if extras.count < blockTokens * E { extras = Array(repeating: 0, count: max(blockTokens, 64) * E) }
            extras.withUnsafeMutableBufferPointer { st2.features.compute(stack, targets: (b - lo)..<(e - lo), into: $0) }
            var offset = 0
            for s in b..<e {
                let n = stack.starts[s - lo + 1] - stack.starts[s - lo]
                decodeStage2(st2, base: blockBase, baseOffset: offset, extraOffset: offset * E, n: n)
                appendDocumentTags(n)
                offset += n
            }
            b = e
        }
    }

    /// Tags a document given as tokenised sentences (see ``tagDocument(sentences:fill:)``).
    public mutating func tagDocument<S: StringProtocol>(_ sentences: [[S]]) {
        tagDocument(sentences: sentences.count) { s, ws in
            let toks = sentences[s]
            ws.begin(count: toks.count)
            var i = 0
            for t in toks { ws.setToken(i, t); i += 1 }
        }
    }

    /// The tags of sentence `s` of the last document.
    public func documentTags(sentence s: Int) -> ArraySlice<UInt8> {
        documentTags[documentStarts[s]..<documentStarts[s + 1]]
    }

    mutating func appendDocumentTags(_ n: Int) {
        for i in 0..<n {
            documentTags.append(tags[i])
            documentProbabilities.append(tags[i] == 0 ? 0 : probability(i))
        }
        documentStarts.append(documentTags.count)
    }

    /// Softmax probability of token `i`'s tag in the last decoded sentence.
    func probability(_ i: Int) -> Float {
        let T = NERTag.count
        var maxScore = Float(emissions[i * T])
        for t in 1..<T { maxScore = max(maxScore, Float(emissions[i * T + t])) }
        var z: Float = 0
        for t in 0..<T { z += expf((Float(emissions[i * T + t]) - maxScore) / lastScale) }
        return expf((Float(emissions[i * T + Int(tags[i])]) - maxScore) / lastScale) / z
    }

    /// Confidence of tokens `range` of the last sentence carrying their tags: the mean, over the tokens,
    /// of the softmax probability of the chosen tag given the token's emission scores.
    public func confidence(_ range: Range<Int>) -> Float {
        var total: Float = 0
        for i in range { total += probability(i) }
        return range.isEmpty ? 0 : total / Float(range.count)
    }

    /// The same over document tokens (offsets into ``documentTags``), after ``tagDocument(sentences:fill:)``.
    public func documentConfidence(_ range: Range<Int>) -> Float {
        var total: Float = 0
        for i in range { total += documentProbabilities[i] }
        return range.isEmpty ? 0 : total / Float(range.count)
    }
}
