package import CronistaCore

/// One analysed document with its gold quotes, ready for training and evaluation.
package struct QuoteTrainingDocument: Sendable {
    package var id: String
    /// A group name for reporting (the gold file it came from).
    package var corpus: String
    package var document: Document
    package var gold: [QuoteEvaluation.GoldQuote]

    package init(id: String, corpus: String, document: Document, gold: [QuoteEvaluation.GoldQuote]) {
        self.id = id
        self.corpus = corpus
        self.document = document
        self.gold = gold
    }
}

/// Trains the ``QuoteModel`` from gold quotes (averaged perceptron for the filter, ranking
/// perceptron for the speakers), and cross-validates it by document.
package struct QuoteTrainer: Sendable {
    package var epochs = 3
    package var seed: UInt64 = 1
    /// Which decisions to learn (the others stay with the rules): for ablations.
    package var learnFilter = false, learnSpeaker = true

    package init(epochs: Int = 3, seed: UInt64 = 1, learnFilter: Bool = false, learnSpeaker: Bool = true) {
        self.epochs = epochs
        self.seed = seed
        self.learnFilter = learnFilter
        self.learnSpeaker = learnSpeaker
    }

    /// The training examples of one document.
    package struct Examples: Sendable {
        /// Filter: candidate features and whether the candidate overlaps a gold quote.
        var filter: [(features: [String], label: Bool)] = []
        /// Speaker: option features and which options are right, for candidates that match a gold quote.
        var speaker: [(options: [[String]], right: [Bool])] = []
    }

    /// Starting weights of the speaker ranker: the rules' own choice (and their pro-drop fallback)
    /// starts ahead.
    package static let speakerPrior: [(String, Float)] = [("rule", 6), ("fallback", 6)]

    /// The examples of a document: the rules' candidates labelled against the gold.
    package static func examples(_ d: QuoteTrainingDocument, packs: LanguagePacks) -> Examples {
        var out = Examples()
        guard d.document.tokens.count > 0, let pack = packs[d.document.language], let lexicon = pack.quoteLexicon else { return out }
        var run = QuoteRun(ctx: ClauseContext(d.document, pack: pack), lexicon: lexicon)
        run.extract()
        let prepared = run.prepared()
        let index = OffsetIndex(d.document.text)
        func span(_ r: TextRange) -> QuoteEvaluation.Span {
            (index.scalarOffset(utf8: r.startUTF8), index.scalarOffset(utf8: r.endUTF8))
        }
        for (i, c) in run.candidates.enumerated() {
            let content = span(c.content)
            var best: (overlap: Int, gold: Int)?
            for (gi, g) in d.gold.enumerated() {
                let o = QuoteEvaluation.overlap(content, (g.start, g.end))
                if o > 0 && (best == nil || o > best!.overlap) { best = (o, gi) }
            }
            out.filter.append((prepared[i].features, best != nil))
        }
        // Speakers: the rules' kept quotes in order, as analysis ranks them; each unattributed
        // quote that matches a gold quote is an example, and the option that is right (the first
        // right one by the rules' own order: the fallback's, else the nearest) becomes the next
        // quote's previous speaker, as a model that chose right would have made it.
        var keep = run.candidates.map(\.ruleAccepts)
        run.resolveOverlaps(&keep)
        run.candidates = run.candidates.indices.filter { keep[$0] }.map { run.candidates[$0] }
        let reader = run  // the closure reads a copy while `run` attributes
        run.attributeInOrder(weights: nil) { c, options in
            let content = span(c.content)
            var best: (overlap: Int, gold: Int)?
            for (gi, g) in d.gold.enumerated() {
                let o = QuoteEvaluation.overlap(content, (g.start, g.end))
                if o > 0 && (best == nil || o > best!.overlap) { best = (o, gi) }
            }
            guard let (_, gi) = best else { return nil }
            let gold = d.gold[gi].speakerMentions
            let right = options.map { o -> Bool in
                guard let choice = o.choice, !choice.impersonal, !choice.tokens.isEmpty else { return gold.isEmpty }
                guard !gold.isEmpty else { return false }
                var spans = [span(reader.ctx.range(choice.tokens))]
                if let e = choice.entity ?? reader.entityOverlapping(choice.tokens) {
                    spans += d.document.entities[e].mentions.map { span(d.document.mentions[$0].range) }
                }
                return spans.contains { s in gold.contains { QuoteEvaluation.overlap(s, $0) > 0 } }
            }
            guard let first = right.firstIndex(of: true) else { return nil }
            out.speaker.append((options.map(\.features), right))
            return first
        }
        return out
    }

    /// Trains on the examples of several documents. Deterministic: the same examples and seed give
    /// the same weights.
    package func train(_ docs: [Examples]) -> QuoteModel {
        var rng = SplitMix64(seed: seed)
        let filterExamples = docs.flatMap(\.filter)
        let speakerExamples = docs.flatMap(\.speaker)
        // Filter: binary averaged perceptron.
        var filter = AveragedWeights()
        var order = Array(filterExamples.indices)
        for _ in 0..<epochs {
            order.shuffle(using: &rng)
            for i in order {
                let (f, label) = filterExamples[i]
                let ids = f.map { filter.id($0) }
                let predicted = filter.score(ids) > 0
                if predicted != label { filter.update(ids, by: label ? 1 : -1) }
                filter.tick()
            }
        }
        // Speakers: ranking perceptron, towards the best-scoring right option.
        var speaker = AveragedWeights()
        // The rules' choice starts ahead: the ranker overrides it only on consistent evidence.
        for (name, w) in Self.speakerPrior { speaker.w[speaker.id(name)] = w }
        var sorder = Array(speakerExamples.indices)
        for _ in 0..<epochs {
            sorder.shuffle(using: &rng)
            for i in sorder {
                let (options, right) = speakerExamples[i]
                let ids = options.map { $0.map { speaker.id($0) } }
                let scores = ids.map { speaker.score($0) }
                let predicted = scores.indices.max { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }!
                if !right[predicted] {
                    let target = scores.indices.filter { right[$0] }.max {
                        scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1)
                    }!
                    speaker.update(ids[target], by: 1)
                    speaker.update(ids[predicted], by: -1)
                }
                speaker.tick()
            }
        }
        return QuoteModel(filter: learnFilter ? filter.averaged() : [:], speaker: learnSpeaker ? speaker.averaged() : [:])
    }

    /// The quotes of an analysed document under `model` (nil: the rules alone).
    package static func quotes(in document: Document, packs: LanguagePacks, model: QuoteModel?) -> [Quote] {
        guard document.tokens.count > 0, let pack = packs[document.language], let lexicon = pack.quoteLexicon else { return [] }
        var run = QuoteRun(ctx: ClauseContext(document, pack: pack), lexicon: lexicon)
        run.model = model
        run.extract()
        return run.finish()
    }

    /// Document-level folds: each document in exactly one, by a seeded shuffle of the ids.
    package static func folds(ids: [String], k: Int, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        var order = ids.indices.sorted { ids[$0] < ids[$1] }
        order.shuffle(using: &rng)
        var fold = [Int](repeating: 0, count: ids.count)
        for (position, i) in order.enumerated() { fold[i] = position % k }
        return fold
    }

    /// The result of a cross-validation: per fold and pooled per corpus.
    package struct CrossValidation: Sendable {
        package var perFold: [QuoteEvaluation] = []
        package var byCorpus: [String: QuoteEvaluation] = [:]
        /// End-to-end F1 per fold per corpus.
        package var foldF1ByCorpus: [String: [Double]] = [:]
    }

    /// Trains on k−1 folds and tests on the k-th, k times.
    package func crossValidate(_ docs: [QuoteTrainingDocument], k: Int, packs: LanguagePacks) -> CrossValidation {
        let examples = docs.map { Self.examples($0, packs: packs) }
        let fold = Self.folds(ids: docs.map(\.id), k: k, seed: seed)
        var result = CrossValidation()
        for f in 0..<k {
            let model = train(docs.indices.filter { fold[$0] != f }.map { examples[$0] })
            var foldEval = QuoteEvaluation()
            var foldByCorpus: [String: QuoteEvaluation] = [:]
            for i in docs.indices where fold[i] == f {
                var doc = docs[i].document
                doc.quotes = Self.quotes(in: doc, packs: packs, model: model)
                let predicted = QuoteEvaluation.PredictedQuote.from(doc, index: OffsetIndex(doc.text))
                foldEval.add(text: doc.text, gold: docs[i].gold, predicted: predicted)
                result.byCorpus[docs[i].corpus, default: QuoteEvaluation()].add(text: doc.text, gold: docs[i].gold, predicted: predicted)
                foldByCorpus[docs[i].corpus, default: QuoteEvaluation()].add(text: doc.text, gold: docs[i].gold, predicted: predicted)
            }
            result.perFold.append(foldEval)
            for (c, e) in foldByCorpus { result.foldF1ByCorpus[c, default: []].append(e.endToEnd.f1) }
        }
        return result
    }
}

/// Perceptron weights with lazy averaging (the running sum of each weight over every step).
struct AveragedWeights {
    var index: [String: Int] = [:]
    var names: [String] = []
    var w: [Float] = []
    /// Σ step × update, for the average.
    var u: [Float] = []
    var step: Float = 1

    mutating func id(_ name: String) -> Int {
        if let i = index[name] { return i }
        index[name] = names.count
        names.append(name)
        w.append(0)
        u.append(0)
        return names.count - 1
    }

    func score(_ ids: [Int]) -> Float { ids.reduce(0) { $0 + w[$1] } }

    mutating func update(_ ids: [Int], by delta: Float) {
        for i in ids {
            w[i] += delta
            u[i] += step * delta
        }
    }

    mutating func tick() { step += 1 }

    func averaged() -> [String: Float] {
        var out: [String: Float] = [:]
        for (i, n) in names.enumerated() {
            let v = w[i] - u[i] / step
            if abs(v) > 1e-6 { out[n] = v }
        }
        return out
    }
}
