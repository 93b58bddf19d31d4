import CronistaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A deterministic 64-bit generator (SplitMix64) for shuffling training data.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }
}

/// Sentences turned into feature indices once, for the many passes of training and evaluation.
public struct NERFeaturizedCorpus {
    /// Flat feature indices (`templateCount` per token).
    public var features: [UInt32] = []
    public var gold: [UInt8] = []
    /// Token offsets of the sentences (`count + 1` entries).
    public var starts: [Int] = [0]
    /// Per-sentence update weight (domain weighting).
    public var weights: [Float] = []
    public var goldLabels: [[String]] = []

    public var count: Int { starts.count - 1 }
    public init() {}

    public mutating func add(_ sentences: [CoNLLSentence], weight: Float, workspace: inout FeatureWorkspace, keepLabels: Bool) {
        for s in sentences where !s.tokens.isEmpty {
            workspace.begin(count: s.tokens.count)
            for (i, t) in s.tokens.enumerated() { workspace.setToken(i, t) }
            workspace.finish()
            features.append(contentsOf: workspace.features[0..<(s.tokens.count * FeatureExtractor.templateCount)])
            gold.append(contentsOf: s.labels.map { NERTag(label: $0).rawValue })
            starts.append(gold.count)
            weights.append(weight)
            if keepLabels { goldLabels.append(s.labels) }
        }
    }
}

/// Trains the tagger: structured averaged perceptron over BIO tags with Viterbi decoding, several epochs,
/// keeping the epoch whose averaged weights score best on the development set.
public struct NERTrainer {
    public struct Options: Sendable {
        public var seed: UInt64 = 1
        public var epochs = 12
        /// Stop after this many epochs without a better development F1; 0 = run every epoch and keep the
        /// last (for a final model trained with the development data).
        public var patience = 3
        /// Train this many perceptrons (seeds `seed`, `seed + 1`…) and average their weights.
        public var ensemble = 1
        public var bucketBits = 20
        public init() {}
    }

    public struct EpochReport: Sendable {
        public var epoch: Int
        public var updates: Int
        public var trainErrors: Int
        public var dev: CoNLLEvaluation
        public var seconds: Double
    }

    let extractor: FeatureExtractor
    let options: Options
    let T = NERTag.count
    let S = NERModel.stride
    let F = FeatureExtractor.templateCount

    var w: [Float]
    var u: [Double]
    var tw: [Float]
    var tu: [Double]
    var c: Double = 1

    public init(extractor: FeatureExtractor, options: Options) {
        precondition(extractor.bucketBits == options.bucketBits)
        self.extractor = extractor
        self.options = options
        w = Array(repeating: 0, count: (1 << options.bucketBits) * NERModel.stride)
        u = Array(repeating: 0, count: w.count)
        tw = Array(repeating: 0, count: (NERTag.count + 1) * NERTag.count)
        tu = Array(repeating: 0, count: tw.count)
    }

    static func emissions(_ weights: UnsafeBufferPointer<Float>, _ feats: UnsafeBufferPointer<UInt32>, tokenRange: Range<Int>, into em: UnsafeMutableBufferPointer<Float>) {
        let F = FeatureExtractor.templateCount, T = NERTag.count
        let raw = UnsafeRawPointer(weights.baseAddress!)
        for (i, tok) in tokenRange.enumerated() {
            var acc = SIMD8<Float>()
            for k in 0..<F {
                acc += raw.loadUnaligned(fromByteOffset: Int(feats[tok * F + k]) &* 32, as: SIMD8<Float>.self)
            }
            for t in 0..<T { em[i * T + t] = acc[t] }
        }
    }

    /// Decodes every sentence of `corpus` with `weights`/`transitions` and scores it against the gold.
    public static func evaluate(_ corpus: NERFeaturizedCorpus, weights: [Float], transitions: [Float]) -> CoNLLEvaluation {
        var eval = CoNLLEvaluation()
        let T = NERTag.count
        var em = [Float](), sc = [Float](), bk = [UInt8](), tg = [UInt8]()
        let labels = NERTag.all.map(\.description)
        weights.withUnsafeBufferPointer { w in
            corpus.features.withUnsafeBufferPointer { f in
                transitions.withUnsafeBufferPointer { tr in
                    for s in 0..<corpus.count {
                        let r = corpus.starts[s]..<corpus.starts[s + 1]
                        let n = r.count
                        if em.count < n * T {
                            em = Array(repeating: 0, count: n * T); sc = em
                            bk = Array(repeating: 0, count: n * T); tg = bk
                        }
                        em.withUnsafeMutableBufferPointer { emissions(w, f, tokenRange: r, into: $0) }
                        em.withUnsafeBufferPointer { e in
                            sc.withUnsafeMutableBufferPointer { scp in
                                bk.withUnsafeMutableBufferPointer { b in
                                    tg.withUnsafeMutableBufferPointer { t in
                                        Viterbi.decode(n: n, emissions: e, transitions: tr, scores: scp, back: b, tags: t)
                                    }
                                }
                            }
                        }
                        eval.add(gold: corpus.goldLabels[s], predicted: (0..<n).map { labels[Int(tg[$0])] })
                    }
                }
            }
        }
        return eval
    }

    /// The averaged weights so far.
    func averaged() -> ([Float], [Float]) {
        var a = w
        let inv = 1 / c
        for i in a.indices where u[i] != 0 { a[i] = Float(Double(w[i]) - u[i] * inv) }
        var t = tw
        for i in t.indices { t[i] = Float(Double(tw[i]) - tu[i] * inv) }
        return (a, t)
    }

    /// Runs the epochs (for each member of the ensemble); returns the best averaged weights (by
    /// development micro F1), averaged over the ensemble.
    public mutating func train(_ corpus: NERFeaturizedCorpus, dev: NERFeaturizedCorpus, info: NERModelInfo, progress: (EpochReport) -> Void) -> NERModel {
        var sumW = [Float](repeating: 0, count: w.count), sumT = [Float](repeating: 0, count: tw.count)
        var epochs = 0
        let members = max(1, options.ensemble)
        for m in 0..<members {
            w = Array(repeating: 0, count: w.count); u = Array(repeating: 0, count: u.count)
            tw = Array(repeating: 0, count: tw.count); tu = Array(repeating: 0, count: tu.count); c = 1
            let (bw, bt, e) = trainOne(corpus, dev: dev, seed: options.seed &+ UInt64(m), progress: progress)
            for i in sumW.indices where bw[i] != 0 { sumW[i] += bw[i] }
            for i in sumT.indices { sumT[i] += bt[i] }
            epochs = max(epochs, e)
        }
        let k = 1 / Float(members)
        sumW = sumW.map { $0 * k }; sumT = sumT.map { $0 * k }
        var info = info
        info.seed = options.seed
        info.epochs = epochs
        info.devF1 = Self.evaluate(dev, weights: sumW, transitions: sumT).micro.f1 * 100
        return NERModel(extractor: extractor, floatWeights: sumW, floatTransitions: sumT, info: info)
    }

    mutating func trainOne(_ corpus: NERFeaturizedCorpus, dev: NERFeaturizedCorpus, seed: UInt64, progress: (EpochReport) -> Void) -> ([Float], [Float], Int) {
        var rng = SplitMix64(seed: seed)
        var order = Array(0..<corpus.count)
        var best: (f1: Double, epoch: Int, w: [Float], t: [Float])?
        var em = [Float](repeating: 0, count: 256 * T), sc = em
        var bk = [UInt8](repeating: 0, count: 256 * T), tg = bk
        for epoch in 1...max(1, options.epochs) {
            let started = clockSeconds()
            order.shuffle(using: &rng)
            var updates = 0, errors = 0
            for s in order {
                let r = corpus.starts[s]..<corpus.starts[s + 1]
                let n = r.count
                if em.count < n * T {
                    em = Array(repeating: 0, count: n * T); sc = em
                    bk = Array(repeating: 0, count: n * T); tg = bk
                }
                w.withUnsafeBufferPointer { wp in
                    corpus.features.withUnsafeBufferPointer { f in
                        em.withUnsafeMutableBufferPointer { Self.emissions(wp, f, tokenRange: r, into: $0) }
                    }
                }
                em.withUnsafeBufferPointer { e in
                    tw.withUnsafeBufferPointer { tr in
                        sc.withUnsafeMutableBufferPointer { scp in
                            bk.withUnsafeMutableBufferPointer { b in
                                tg.withUnsafeMutableBufferPointer { t in
                                    Viterbi.decode(n: n, emissions: e, transitions: tr, scores: scp, back: b, tags: t)
                                }
                            }
                        }
                    }
                }
                var wrong = false
                for i in 0..<n where tg[i] != corpus.gold[r.lowerBound + i] { wrong = true; errors += 1 }
                if wrong {
                    updates += 1
                    let step = corpus.weights[s]
                    let cstep = Double(step) * c
                    corpus.features.withUnsafeBufferPointer { f in
                        for i in 0..<n {
                            let g = Int(corpus.gold[r.lowerBound + i]), p = Int(tg[i])
                            if g != p {
                                let base = (r.lowerBound + i) * F
                                for k in 0..<F {
                                    let b = Int(f[base + k]) * S
                                    w[b + g] += step; u[b + g] += cstep
                                    w[b + p] -= step; u[b + p] -= cstep
                                }
                            }
                            let gp = i == 0 ? T : Int(corpus.gold[r.lowerBound + i - 1])
                            let pp = i == 0 ? T : Int(tg[i - 1])
                            if gp != pp || g != p {
                                tw[gp * T + g] += step; tu[gp * T + g] += cstep
                                tw[pp * T + p] -= step; tu[pp * T + p] -= cstep
                            }
                        }
                    }
                }
                c += 1
            }
            let (aw, at) = averaged()
            let devEval = Self.evaluate(dev, weights: aw, transitions: at)
            let f1 = devEval.micro.f1
            progress(EpochReport(epoch: epoch, updates: updates, trainErrors: errors, dev: devEval, seconds: clockSeconds() - started))
            if options.patience == 0 || best == nil || f1 > best!.f1 {
                best = (f1, epoch, aw, at)
            } else if epoch - best!.epoch >= options.patience {
                break
            }
        }
        return (best!.w, best!.t, best!.epoch)
    }
}

func clockSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

extension NERTrainer {
    /// The annotated names of `sentences` (gold chunks), as gazetteer entries.
    public static func names(in sentences: some Sequence<CoNLLSentence>) -> [Gazetteer.Name] {
        var out: [Gazetteer.Name] = []
        for s in sentences {
            for c in CoNLLEvaluation.chunks(s.labels) {
                guard let type = EntityType(label: c.type) else { continue }
                out.append(Gazetteer.Name(type: type, tokens: Array(s.tokens[c.start..<c.end])))
            }
        }
        return out
    }

    /// Featurises the training files with a training-data gazetteer built by `folds`-fold jack-knifing
    /// (each contiguous block of sentences sees only the names of the other blocks, as unseen text would),
    /// and returns the extractor for the final model (knowledge base + every training name).
    public static func prepare(
        training: [(sentences: [CoNLLSentence], weight: Float)],
        knowledgeBase: [Gazetteer.Name],
        clusters: HashTable<(UInt16, UInt16, UInt16)>,
        bucketBits: Int,
        folds: Int,
        extraNames: [Gazetteer.Name] = []
    ) -> (corpus: NERFeaturizedCorpus, extractor: FeatureExtractor) {
        let all = training.flatMap { file in file.sentences.map { ($0, file.weight) } }
        let total = all.count
        let foldOf = { (i: Int) in folds <= 1 ? 0 : i * folds / max(total, 1) }
        var corpus = NERFeaturizedCorpus()
        if folds > 1 {
            for f in 0..<folds {
                let others = all.indices.filter { foldOf($0) != f }.map { all[$0].0 }
                let gaz = Gazetteer(knowledgeBase: knowledgeBase, corpus: extraNames + names(in: others))
                var ws = FeatureWorkspace(extractor: FeatureExtractor(bucketBits: bucketBits, clusters: clusters, gazetteer: gaz))
                for i in all.indices where foldOf(i) == f {
                    corpus.add([all[i].0], weight: all[i].1, workspace: &ws, keepLabels: false)
                }
            }
        }
        let gaz = Gazetteer(knowledgeBase: knowledgeBase, corpus: extraNames + (folds > 0 ? names(in: all.map(\.0)) : []))
        let extractor = FeatureExtractor(bucketBits: bucketBits, clusters: clusters, gazetteer: gaz)
        if folds <= 1 {
            var ws = FeatureWorkspace(extractor: extractor)
            for (s, w) in all { corpus.add([s], weight: w, workspace: &ws, keepLabels: false) }
        }
        return (corpus, extractor)
    }
}
