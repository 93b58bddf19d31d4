import CronistaCore
import CronistaNLP
import CronistaTestSupport
import Foundation
import Testing

@Suite("NER")
struct NERTests {
    static func extractor(bits: Int = 16) throws -> FeatureExtractor {
        FeatureExtractor(
            bucketBits: bits,
            clusters: .clusters(tsv: try NLPResources.text("Languages/it/ner-clusters.tsv")),
            gazetteer: Gazetteer(tsv: try NLPResources.text("Languages/it/ner-gazetteer.tsv")))
    }

    /// The first `count` sentences of KIND Wikinews train, featurised for training and for scoring.
    static func tinyCorpus(count: Int) throws -> ([CoNLLSentence], FeatureExtractor, NERFeaturizedCorpus, NERFeaturizedCorpus) {
        let all = try CoNLLReader.read(path: Fixtures.sharedPath("data/ner/kind/evalita-2023/WN_train.tsv"))
        let sentences = Array(all.prefix(count))
        let ex = try extractor()
        var ws = FeatureWorkspace(extractor: ex)
        var corpus = NERFeaturizedCorpus(), dev = NERFeaturizedCorpus()
        corpus.add(sentences, weight: 1, workspace: &ws, keepLabels: false)
        dev.add(sentences, weight: 1, workspace: &ws, keepLabels: true)
        return (sentences, ex, corpus, dev)
    }

    /// A small model trained on the first `count` sentences of KIND Wikinews train (scored on them).
    static func tinyModel(count: Int = 300, seed: UInt64 = 7) throws -> (NERModel, [CoNLLSentence]) {
        let (sentences, ex, corpus, dev) = try tinyCorpus(count: count)
        var options = NERTrainer.Options()
        options.seed = seed
        options.epochs = 6
        options.bucketBits = 16
        var trainer = NERTrainer(extractor: ex, options: options)
        return (trainer.train(corpus, dev: dev, info: NERModelInfo()) { _ in }, sentences)
    }

    static func score(_ model: NERModel, _ sentences: [CoNLLSentence]) -> CoNLLEvaluation {
        var tagger = NERTagger(model: model)
        var eval = CoNLLEvaluation()
        for s in sentences {
            eval.add(gold: s.labels, predicted: tagger.tag(s.tokens).map(\.description))
        }
        return eval
    }

    /// The same, the sentences tagged as one document (as `ner --conll` and `eval ner` do).
    static func scoreDocument(_ model: NERModel, _ sentences: [CoNLLSentence]) -> CoNLLEvaluation {
        var tagger = NERTagger(model: model)
        tagger.tagDocument(sentences.map(\.tokens))
        var eval = CoNLLEvaluation()
        for (i, s) in sentences.enumerated() {
            eval.add(gold: s.labels, predicted: tagger.documentTags(sentence: i).map { NERTag(rawValue: $0).description })
        }
        return eval
    }

    /// A small two-stage model (jack-knifed stage 1, document window) on the first `count` train sentences.
    static func tinyStackedModel(count: Int = 300, seed: UInt64 = 7) throws -> (NERModel, [CoNLLSentence], Double) {
        let (sentences, ex, corpus, dev) = try tinyCorpus(count: count)
        var options = NERTrainer.Options()
        options.seed = seed
        options.epochs = 4
        options.patience = 0
        options.bucketBits = 16
        var stacking = NERTrainer.StackingOptions()
        stacking.window = 3
        stacking.folds = 3
        stacking.bucketBits = 16
        let model = NERTrainer.trainStacked(
            corpus, dev: dev, extractor: ex, options: options, stacking: stacking,
            info: NERModelInfo(), progress: { _, _ in }, log: { _ in })
        return (model, sentences, model.info.devF1)
    }

    @Test("the scorer counts chunks like conlleval / score.py")
    func scorerCounts() {
        var eval = CoNLLEvaluation()
        // gold: [Mario Rossi]PER (0-2), [Roma]LOC (4); predicted: [Mario]PER (0-1), [Roma]LOC (4), [Fiat]ORG (6)
        eval.add(
            gold: ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O"],
            predicted: ["B-PER", "O", "O", "O", "B-LOC", "O", "B-ORG"])
        // An I- after O opens a chunk; a type change inside opens another (conlleval).
        eval.add(gold: ["I-ORG", "I-ORG", "B-LOC", "I-PER"], predicted: ["B-ORG", "I-ORG", "B-LOC", "B-PER"])
        #expect(eval.byType["PER"] == .init(tp: 1, fp: 1, fn: 1))
        #expect(eval.byType["LOC"] == .init(tp: 2, fp: 0, fn: 0))
        #expect(eval.byType["ORG"] == .init(tp: 1, fp: 1, fn: 0))
        #expect(eval.micro == .init(tp: 4, fp: 2, fn: 1))
        #expect(eval.table().contains("micro                        P  66.67  R  80.00  F1  72.73   (tp 4, fp 2, fn 1)"))
    }

    @Test("BIO constraints: decoding never puts I-X after O or after another type")
    func viterbiConstraints() {
        // Emissions that strongly prefer I-PER everywhere.
        let n = 3, T = NERTag.count
        var em = [Float](repeating: 0, count: n * T)
        for i in 0..<n { em[i * T + 2] = 10 }
        let tr = [Float](repeating: 0, count: (T + 1) * T)
        var sc = [Float](repeating: 0, count: n * T), bk = [UInt8](repeating: 0, count: n * T), tags = [UInt8](repeating: 0, count: n)
        em.withUnsafeBufferPointer { e in
            tr.withUnsafeBufferPointer { t in
                sc.withUnsafeMutableBufferPointer { s in
                    bk.withUnsafeMutableBufferPointer { b in
                        tags.withUnsafeMutableBufferPointer { g in
                            Viterbi.decode(n: n, emissions: e, transitions: t, scores: s, back: b, tags: g)
                        }
                    }
                }
            }
        }
        #expect(tags.map { NERTag(rawValue: $0).description } == ["B-PER", "I-PER", "I-PER"])
    }

    @Test("a small model learns its training sentences; serialisation round-trips; training is deterministic")
    func trainsRoundTripsAndIsDeterministic() throws {
        let (model, sentences) = try Self.tinyModel()
        let f1 = Self.score(model, sentences).micro.f1
        #expect(f1 > 0.9, "F1 on the training sentences: \(f1)")

        let bytes = model.serialized()
        let loaded = try NERModel(bytes: Data(bytes))
        #expect(loaded.weights == model.weights)
        #expect(loaded.transitions == model.transitions)
        var a = NERTagger(model: model), b = NERTagger(model: loaded)
        for s in sentences { #expect(a.tag(s.tokens) == b.tag(s.tokens)) }

        let (again, _) = try Self.tinyModel()
        #expect(again.serialized().withUnsafeBufferPointer(FeatureHash.bytes) == bytes.withUnsafeBufferPointer(FeatureHash.bytes))
        let (otherSeed, _) = try Self.tinyModel(seed: 8)
        #expect(otherSeed.weights != model.weights)
    }

    @Test("a two-stage model: document tagging matches training's scoring; round-trips; deterministic; old format refused")
    func stackedModel() throws {
        let (model, sentences, trainedF1) = try Self.tinyStackedModel()
        let stage2 = try #require(model.stage2)
        #expect(stage2.features.window == 3)
        // The tagger (quantised weights, blocks with window margins) agrees with the trainer's float scoring.
        let f1 = Self.scoreDocument(model, sentences).micro.f1
        // Stage 2 learns from jack-knifed (held-out) stage-1 tags, so it fits its training sentences
        // less tightly than one stage does (0.86 measured with 3 folds over 300 sentences).
        #expect(f1 > 0.8, "F1 on the training sentences: \(f1)")
        #expect(abs(f1 * 100 - trainedF1) < 1.0, "tagger \(f1 * 100), trainer \(trainedF1)")

        let bytes = model.serialized()
        let loaded = try NERModel(bytes: Data(bytes))
        #expect(loaded.stage2?.weights == stage2.weights)
        #expect(loaded.stage2?.transitions == stage2.transitions)
        var a = NERTagger(model: model), b = NERTagger(model: loaded)
        a.tagDocument(sentences.map(\.tokens)); b.tagDocument(sentences.map(\.tokens))
        #expect(a.documentTags == b.documentTags)
        // A document longer than one block (its margins are re-tagged) gives the same tags sentence by sentence.
        let long = Array(repeating: sentences.map(\.tokens), count: 3).flatMap { $0 }
        a.tagDocument(long)
        #expect(Array(a.documentTags(sentence: 0)) == Array(b.documentTags(sentence: 0)))

        let (again, _, _) = try Self.tinyStackedModel()
        #expect(again.serialized() == bytes)

        var old = bytes
        old.replaceSubrange(0..<8, with: Array("CRNER002".utf8))
        #expect(throws: CronistaError.self) { try NERModel(bytes: Data(old)) }
    }

    @Test("features treat ’ and ' alike")
    func apostrophes() throws {
        let ex = try Self.extractor()
        var ws = FeatureWorkspace(extractor: ex)
        ws.begin(count: 2); ws.setToken(0, "dell’"); ws.setToken(1, "Istituto"); ws.finish()
        let curly = Array(ws.features[0..<(2 * FeatureExtractor.templateCount)])
        ws.begin(count: 2); ws.setToken(0, "dell'"); ws.setToken(1, "Istituto"); ws.finish()
        #expect(Array(ws.features[0..<(2 * FeatureExtractor.templateCount)]) == curly)
    }

    @Test("the shipped model loads and tags the seed article's names")
    func shippedModel() throws {
        let model = try NERModel.load()
        var tagger = NERTagger(model: model)
        let tokens = [
            "Il", "presidente", "russo", ",", "Vladimir", "Putin", ",", "e", "il", "presidente", "della",
            "Bielorussia", ",", "Aleksander", "Lukashenko", ",", "stanno", "conducendo", "negoziati", "al",
            "Cremlino", "."
        ]
        let tags = tagger.tag(tokens).map(\.description)
        #expect(Array(tags[4...5]) == ["B-PER", "I-PER"])
        #expect(tags[11] == "B-LOC")
        #expect(Array(tags[13...14]) == ["B-PER", "I-PER"])
        #expect(tags[0] == "O" && tags[1] == "O")
    }

    @Test("the shipped model scores well on KIND Wikinews dev")
    func shippedModelOnDev() throws {
        let model = try NERModel.load()
        let dev = try CoNLLReader.read(path: Fixtures.sharedPath("data/ner/kind/evalita-2023/WN_dev.tsv"))
        #expect(model.stage2 != nil)
        let eval = Self.scoreDocument(model, dev)
        #expect(eval.micro.f1 > 0.8, "micro F1 \(eval.micro.f1)")
        for t in ["PER", "ORG", "LOC"] { #expect((eval.byType[t]?.f1 ?? 0) > 0.7, "\(t)") }
    }

    @Test(
        "The English model leaves a person's title outside the name (its training data is mapped so, and the pack's conventions mend the rest)"
    )
    func englishTitlesOutsideNames() throws {
        let path = "Languages/en/ner.crner"
        var tagger = NERTagger(model: try NERModel(bytes: NLPResources.data(path), name: path))
        let conventions = try #require(try LanguagePacks.bundled()["en"]).nameConventions
        #expect(!conventions.isEmpty)
        let sentences = [
            "Mr Dunmore said the plan would fail .", "President Macron met Pope Francis in Rome .",
            "The hearing was chaired by Dr Okafor ."
        ].map { $0.split(separator: " ").map(String.init) }
        tagger.tagDocument(sentences)
        for s in sentences.indices { tagger.applyNameConventions(conventions, sentence: s) { sentences[s][$0].utf8 } }
        func tags(_ s: Int) -> String { tagger.documentTags(sentence: s).map { NERTag(rawValue: $0).description }.joined(separator: " ") }
        #expect(tags(0) == "O B-PER O O O O O O")
        #expect(tags(1) == "O B-PER O O B-PER O B-LOC O")
        #expect(tags(2) == "O O O O O O B-PER O")
    }

    @Test("The English model keeps a name's leading adjective in it (GUM's silver spans are joined for training)")
    func englishLeadingAdjectiveInName() throws {
        // The model before scripts/ner-strip-titles.py --join-left tagged `United O States B-LOC` and `the United O
        // Kingdom B-LOC`: GUM, one of its corpora, leaves the adjective before the proper-noun head out.
        let path = "Languages/en/ner.crner"
        var tagger = NERTagger(model: try NERModel(bytes: NLPResources.data(path), name: path))
        let sentences = [
            "She moved from New York to the United Kingdom last year .", "The president of the United States spoke ."
        ].map { $0.split(separator: " ").map(String.init) }
        tagger.tagDocument(sentences)
        func tags(_ s: Int) -> String { tagger.documentTags(sentence: s).map { NERTag(rawValue: $0).description }.joined(separator: " ") }
        #expect(tags(0) == "O O O B-LOC I-LOC O O B-LOC I-LOC O O O")
        #expect(tags(1) == "O O O O B-LOC I-LOC O O")
    }
}
