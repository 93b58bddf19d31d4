import CronistaCore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deterministic 64-bit generator (SplitMix64) for shuffling training data.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state &- 0x9E37_79B9_7F4A_7C15)
    }
}

/// Sentences turned into feature indices once, for the many passes of training and evaluation.
package struct NERFeaturizedCorpus {
    /// Flat feature indices (`templateCount` per token).
    package var features: [UInt32] = []
    package var gold: [UInt8] = []
    /// Token offsets of the sentences (`count + 1` entries).
    package var starts: [Int] = [0]
    /// Per-sentence update weight (domain weighting).
    package var weights: [Float] = []
    package var goldLabels: [[String]] = []
    /// Features per token (``FeatureExtractor/templateCount``, or ``StackedFeatures/templateCount`` for
    /// a second-stage corpus).
    package var featureCount = FeatureExtractor.templateCount
    /// What the second stage needs about each token (the stage-1 tags come separately, to ``NERTrainer/stacked(_:tags:features:baseBits:)``).
    package var stack = StackedFeatures.Tokens()
    /// Sentence indices where a new document (file) begins.
    package var documentStarts: [Int] = []

    package var count: Int { starts.count - 1 }
    package init() {}

    package mutating func add(_ sentences: [CoNLLSentence], weight: Float, workspace: inout FeatureWorkspace, keepLabels: Bool) {
        if documentStarts.isEmpty { documentStarts.append(0) }
        for s in sentences where !s.tokens.isEmpty {
            workspace.begin(count: s.tokens.count)
            for (i, t) in s.tokens.enumerated() { workspace.setToken(i, t) }
            workspace.finish()
            for i in 0..<s.tokens.count {
                let info = workspace.infos[i]
                stack.lower.append(info.lower)
                stack.shortShape.append(info.shortShape)
                stack.capitalised.append(info.capitalised)
            }
            stack.starts.append(stack.lower.count)
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
package struct NERTrainer {
    package struct Options: Sendable {
        package var seed: UInt64 = 1
        package var epochs = 12
        /// Stop after this many epochs without a better development F1; 0 = run every epoch and keep the
        /// last (for a final model trained with the development data).
        package var patience = 3
        /// Train this many perceptrons (seeds `seed`, `seed + 1`…) and average their weights.
        package var ensemble = 1
        package var bucketBits = 20
        package init() {}
    }

    package struct EpochReport: Sendable {
        package var epoch: Int
        package var updates: Int
        package var trainErrors: Int
        package var dev: CoNLLEvaluation
        package var seconds: Double
    }

    let extractor: FeatureExtractor
    let options: Options
    let T = NERTag.count
    let S = NERModel.stride

    var w: [Float]
    var u: [Double]
    var tw: [Float]
    var tu: [Double]
    var c: Double = 1

    package init(extractor: FeatureExtractor, options: Options) {
        precondition(extractor.bucketBits == options.bucketBits)
        self.extractor = extractor
        self.options = options
        w = Array(repeating: 0, count: (1 << options.bucketBits) * NERModel.stride)
        u = Array(repeating: 0, count: w.count)
        tw = Array(repeating: 0, count: (NERTag.count + 1) * NERTag.count)
        tu = Array(repeating: 0, count: tw.count)
    }

    static func emissions(
        _ weights: UnsafeBufferPointer<Float>, _ feats: UnsafeBufferPointer<UInt32>, F: Int, tokenRange: Range<Int>,
        into em: UnsafeMutableBufferPointer<Float>
    ) {
        let T = NERTag.count
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
    package static func evaluate(_ corpus: NERFeaturizedCorpus, weights: [Float], transitions: [Float]) -> CoNLLEvaluation {
        var eval = CoNLLEvaluation()
        let labels = NERTag.all.map(\.description)
        let predicted = predict(corpus, weights: weights, transitions: transitions)
        for s in 0..<corpus.count {
            let r = corpus.starts[s]..<corpus.starts[s + 1]
            eval.add(gold: corpus.goldLabels[s], predicted: r.map { labels[Int(predicted[$0])] })
        }
        return eval
    }

    /// The tags of the sentences `only` (default: all) of `corpus` (flat, by token; 0 for the others).
    package static func predict(_ corpus: NERFeaturizedCorpus, weights: [Float], transitions: [Float], only: [Int]? = nil) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: corpus.gold.count)
        let T = NERTag.count, F = corpus.featureCount
        var em = [Float](), sc = [Float](), bk = [UInt8](), tg = [UInt8]()
        weights.withUnsafeBufferPointer { w in
            corpus.features.withUnsafeBufferPointer { f in
                transitions.withUnsafeBufferPointer { tr in
                    for s in only ?? Array(0..<corpus.count) {
                        let r = corpus.starts[s]..<corpus.starts[s + 1]
                        let n = r.count
                        if em.count < n * T {
                            em = Array(repeating: 0, count: n * T); sc = em
                            bk = Array(repeating: 0, count: n * T); tg = bk
                        }
                        em.withUnsafeMutableBufferPointer { emissions(w, f, F: F, tokenRange: r, into: $0) }
                        em.withUnsafeBufferPointer { e in
                            sc.withUnsafeMutableBufferPointer { scp in
                                bk.withUnsafeMutableBufferPointer { b in
                                    tg.withUnsafeMutableBufferPointer { t in
                                        Viterbi.decode(n: n, emissions: e, transitions: tr, scores: scp, back: b, tags: t)
                                    }
                                }
                            }
                        }
                        for i in 0..<n { out[r.lowerBound + i] = tg[i] }
                    }
                }
            }
        }
        return out
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
    package mutating func train(
        _ corpus: NERFeaturizedCorpus, dev: NERFeaturizedCorpus, info: NERModelInfo, progress: (EpochReport) -> Void
    )
        -> NERModel
    {
        let (sumW, sumT, epochs) = trainWeights(corpus, dev: dev, progress: progress)
        var info = info
        info.seed = options.seed
        info.epochs = epochs
        info.devF1 = Self.evaluate(dev, weights: sumW, transitions: sumT).micro.f1 * 100
        return NERModel(extractor: extractor, floatWeights: sumW, floatTransitions: sumT, info: info)
    }

    /// The float weights and transitions (ensemble-averaged) and the epoch count. Without `dev`, every
    /// epoch runs and the last is kept; `subset` restricts training to those sentences.
    package mutating func trainWeights(
        _ corpus: NERFeaturizedCorpus, dev: NERFeaturizedCorpus?, subset: [Int]? = nil, progress: (EpochReport) -> Void
    ) -> ([Float], [Float], Int) {
        var sumW = [Float](repeating: 0, count: w.count), sumT = [Float](repeating: 0, count: tw.count)
        var epochs = 0
        let members = max(1, options.ensemble)
        for m in 0..<members {
            w = Array(repeating: 0, count: w.count); u = Array(repeating: 0, count: u.count)
            tw = Array(repeating: 0, count: tw.count); tu = Array(repeating: 0, count: tu.count); c = 1
            let (bw, bt, e) = trainOne(corpus, dev: dev, subset: subset, seed: options.seed &+ UInt64(m), progress: progress)
            for i in sumW.indices where bw[i] != 0 { sumW[i] += bw[i] }
            for i in sumT.indices { sumT[i] += bt[i] }
            epochs = max(epochs, e)
        }
        if members > 1 {
            let k = 1 / Float(members)
            sumW = sumW.map { $0 * k }; sumT = sumT.map { $0 * k }
        }
        return (sumW, sumT, epochs)
    }

    mutating func trainOne(
        _ corpus: NERFeaturizedCorpus, dev: NERFeaturizedCorpus?, subset: [Int]?, seed: UInt64, progress: (EpochReport) -> Void
    ) -> ([Float], [Float], Int) {
        let F = corpus.featureCount
        var rng = SplitMix64(seed: seed)
        var order = subset ?? Array(0..<corpus.count)
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
                        em.withUnsafeMutableBufferPointer { Self.emissions(wp, f, F: F, tokenRange: r, into: $0) }
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
            guard let dev else {
                if epoch == max(1, options.epochs) { let (aw, at) = averaged(); best = (0, epoch, aw, at) }
                continue
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
    package static func names(in sentences: some Sequence<CoNLLSentence>) -> [Gazetteer.Name] {
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
    package static func prepare(
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
        var first = 0
        corpus.documentStarts = []
        for file in training { corpus.documentStarts.append(first); first += file.sentences.filter { !$0.tokens.isEmpty }.count }
        let gaz = Gazetteer(knowledgeBase: knowledgeBase, corpus: extraNames + (folds > 0 ? names(in: all.map(\.0)) : []))
        let extractor = FeatureExtractor(bucketBits: bucketBits, clusters: clusters, gazetteer: gaz)
        if folds <= 1 {
            var ws = FeatureWorkspace(extractor: extractor)
            for (s, w) in all { corpus.add([s], weight: w, workspace: &ws, keepLabels: false) }
        }
        return (corpus, extractor)
    }
}

extension NERTrainer {
    /// Settings of the second stage.
    package struct StackingOptions: Sendable {
        /// Sentences of context on each side for the document features.
        package var window = 10
        /// Folds for the jack-knifed stage-1 predictions on the training data.
        package var folds = 10
        /// log2 of the second stage's buckets (≤ the first stage's: its base features are shifted down).
        package var bucketBits = 20
        package init() {}
    }

    /// Computes a second-stage corpus: `corpus`'s features plus the stacked features from `tags`
    /// (stage-1 predictions), documents taken from `corpus.documentStarts`.
    package static func stacked(_ corpus: NERFeaturizedCorpus, tags: [UInt8], features: StackedFeatures, baseBits: Int)
        -> NERFeaturizedCorpus
    {
        var out = corpus
        let F = FeatureExtractor.templateCount, E = StackedFeatures.extraCount, F2 = F + E
        out.featureCount = F2
        var extras = [UInt32](repeating: 0, count: tags.count * E)
        let docs = (corpus.documentStarts.isEmpty ? [0] : corpus.documentStarts) + [corpus.count]
        for d in 0..<(docs.count - 1) where docs[d] < docs[d + 1] {
            // One document: a Tokens view of its sentences.
            var t = StackedFeatures.Tokens()
            let a = corpus.starts[docs[d]], b = corpus.starts[docs[d + 1]]
            t.tags = Array(tags[a..<b])
            t.lower = Array(corpus.stack.lower[a..<b])
            t.shortShape = Array(corpus.stack.shortShape[a..<b])
            t.capitalised = Array(corpus.stack.capitalised[a..<b])
            t.starts = corpus.starts[docs[d]...docs[d + 1]].map { $0 - a }
            extras.withUnsafeMutableBufferPointer { e in
                features.compute(t, targets: 0..<t.sentenceCount, into: UnsafeMutableBufferPointer(rebasing: e[(a * E)..<(b * E)]))
            }
        }
        var f2 = [UInt32]()
        f2.reserveCapacity(tags.count * F2)
        let shift = UInt32(baseBits - features.bucketBits)
        for i in 0..<tags.count {
            for k in 0..<F { f2.append(corpus.features[i * F + k] >> shift) }
            f2.append(contentsOf: extras[(i * E)..<((i + 1) * E)])
        }
        out.features = f2
        return out
    }

    /// Trains a two-stage model: stage 1 as ``train(_:dev:info:progress:)``; stage-1 predictions on the
    /// training data by `stacking.folds`-fold jack-knifing (contiguous blocks, as the gazetteer folds);
    /// stage 2 on the features of both. `log` gets progress lines.
    package static func trainStacked(
        _ corpus: NERFeaturizedCorpus, dev: NERFeaturizedCorpus, extractor: FeatureExtractor, options: Options,
        stacking: StackingOptions, info: NERModelInfo, progress: (String, EpochReport) -> Void, log: (String) -> Void
    ) -> NERModel {
        var t1 = NERTrainer(extractor: extractor, options: options)
        let (w1, tr1, e1) = t1.trainWeights(corpus, dev: dev) { progress("stage 1", $0) }
        let stage1 = NERModel(extractor: extractor, floatWeights: w1, floatTransitions: tr1, info: info)
        // Jack-knifed stage-1 tags on the training data, with the stage-1 recipe at its chosen epoch count.
        var jack = [UInt8](repeating: 0, count: corpus.gold.count)
        let J = max(2, stacking.folds), total = corpus.count
        var foldOptions = options
        foldOptions.epochs = e1
        foldOptions.patience = 0
        for f in 0..<J {
            let started = clockSeconds()
            let held = (0..<total).filter { $0 * J / total == f }
            let rest = (0..<total).filter { $0 * J / total != f }
            var tf = NERTrainer(extractor: extractor, options: foldOptions)
            let (wf, trf, _) = tf.trainWeights(corpus, dev: nil, subset: rest) { _ in }
            let (qw, qt, _) = NERModel.quantise(wf, trf)
            let p = predict(corpus, weights: qw.map(Float.init), transitions: qt.map(Float.init), only: held)
            for s in held { for i in corpus.starts[s]..<corpus.starts[s + 1] { jack[i] = p[i] } }
            log("stage 1 fold \(f + 1)/\(J): \(Int((clockSeconds() - started) * 10) / 10) s")
        }
        var jackEval = CoNLLEvaluation()
        let labels = NERTag.all.map(\.description)
        for s in 0..<total {
            let r = corpus.starts[s]..<corpus.starts[s + 1]
            jackEval.add(gold: r.map { labels[Int(corpus.gold[$0])] }, predicted: r.map { labels[Int(jack[$0])] })
        }
        log("stage 1 jack-knifed on the training data: F1 \((10000 * jackEval.micro.f1).rounded() / 100)")
        let features = StackedFeatures(window: stacking.window, bucketBits: min(options.bucketBits, stacking.bucketBits))
        let train2 = stacked(corpus, tags: jack, features: features, baseBits: options.bucketBits)
        let devTags = predict(dev, weights: stage1.weights.values.map(Float.init), transitions: stage1.transitions.map(Float.init))
        let dev2 = stacked(dev, tags: devTags, features: features, baseBits: options.bucketBits)
        var options2 = options
        options2.bucketBits = features.bucketBits
        var t2 = NERTrainer(
            extractor: FeatureExtractor(bucketBits: features.bucketBits, clusters: extractor.clusters, gazetteer: extractor.gazetteer),
            options: options2)
        let (w2, tr2, e2) = t2.trainWeights(train2, dev: dev2) { progress("stage 2", $0) }
        var info = info
        info.seed = options.seed
        info.epochs = e2
        info.stage1Epochs = e1
        info.devF1 = evaluate(dev2, weights: w2, transitions: tr2).micro.f1 * 100
        return NERModel(
            extractor: extractor, weights: stage1.weights, transitions: stage1.transitions, scale: stage1.scale, info: info,
            stage2: NERModel.Stage2(features: features, floatWeights: w2, floatTransitions: tr2))
    }
}
