import ArgumentParser
import CronistaCore
import CronistaNLP
import CronistaStorage
import Foundation

/// `cronista train …`: trains the engine's statistical models.
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model from annotated data.",
        subcommands: [TrainNER.self, TrainQuotes.self]
    )
}

struct TrainNER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Train the PER/ORG/LOC tagger (averaged perceptron, Viterbi over BIO) on CoNLL files.",
        discussion: """
            Deterministic for a given seed. Progress (epoch, development F1, time) goes to standard error. \
            Writes MODEL and MODEL.json (manifest: sha256, training files, development F1, seed).
            """
    )

    @Option(parsing: .upToNextOption, help: "Training files (CoNLL); FILE:WEIGHT scales a file's updates (default 1).")
    var train: [String]

    @Option(help: "Development file (early stopping: the best epoch by micro F1 is kept).")
    var dev: String

    @Option(name: .shortAndLong, help: "Where to write the model.")
    var output: String

    @Option(help: "Random seed for the shuffling of the training data.")
    var seed: UInt64 = 1

    @Option(help: "Maximum number of epochs.")
    var epochs: Int = 14

    @Option(help: "Stop after this many epochs without a better development F1 (0: run all epochs, keep the last).")
    var patience: Int = 3

    @Option(help: "Average the weights of this many perceptrons trained with seeds seed, seed+1, ….")
    var ensemble: Int = 1

    @Option(help: "log2 of the number of feature buckets.")
    var bits: Int = 20

    @Option(help: "Folds for the training-data gazetteer (each fold sees the names of the others; 0 = none).")
    var folds: Int = 10

    @Option(parsing: .upToNextOption, help: "CoNLL files whose annotated names join the training-data gazetteer (not trained on).")
    var namesFrom: [String] = []

    @Option(help: "Second stage: sentences of context on each side for the document features (0: one stage only).")
    var stackWindow: Int = 10

    @Option(help: "Second stage: folds for the jack-knifed first-stage predictions on the training data.")
    var stackFolds: Int = 10

    @Option(help: "Second stage: log2 of its feature buckets (at most --bits).")
    var stackBits: Int = 20

    @Option(help: "Gazetteer (TYPE<TAB>name lines; default: the bundled ner-gazetteer.tsv).")
    var gazetteer: String?

    @Option(help: "Word clusters (word<TAB>c1<TAB>c2<TAB>c3; default: the bundled ner-clusters.tsv).")
    var clusters: String?

    @Option(help: "The licence written into the manifest (that of the training data).")
    var license = "CC BY-NC 4.0 (trained on KIND annotations)"

    func run() async throws {
        let started = Date()
        let gazText =
            try gazetteer.map { try String(contentsOfFile: $0, encoding: .utf8) }
            ?? NLPResources.text(NERModel.resourcePath("ner-gazetteer.tsv"))
        let clusterText =
            try clusters.map { try String(contentsOfFile: $0, encoding: .utf8) }
            ?? NLPResources.text(NERModel.resourcePath("ner-clusters.tsv"))
        let kb = Gazetteer.names(tsv: gazText)
        let cl = HashTable<(UInt16, UInt16, UInt16)>.clusters(tsv: clusterText)
        var info = NERModelInfo()
        var files: [(sentences: [CoNLLSentence], weight: Float)] = []
        for spec in train {
            var path = spec, weight: Float = 1
            if let colon = spec.lastIndex(of: ":"), let w = Float(spec[spec.index(after: colon)...]) {
                path = String(spec[..<colon]); weight = w
            }
            let sentences = try CoNLLReader.read(path: path)
            files.append((sentences, weight))
            info.trainingFiles.append((path as NSString).lastPathComponent + (weight == 1 ? "" : ":\(weight)"))
            printError("train: \(path): \(counted(sentences.count, "sentence")) (weight \(weight))")
        }
        var extraNames: [Gazetteer.Name] = []
        for path in namesFrom { extraNames += NERTrainer.names(in: try CoNLLReader.read(path: path)) }
        let (corpus, extractor) = NERTrainer.prepare(
            training: files, knowledgeBase: kb, clusters: cl, bucketBits: bits, folds: folds, extraNames: extraNames)
        var workspace = FeatureWorkspace(extractor: extractor)
        // Read once: the features for training, then the quantised model's score below.
        let devSentences = try CoNLLReader.read(path: dev).filter { !$0.tokens.isEmpty }
        var devCorpus = NERFeaturizedCorpus()
        devCorpus.add(devSentences, weight: 1, workspace: &workspace, keepLabels: true)
        info.devFile = (dev as NSString).lastPathComponent
        printError(
            String(
                format: "train: %d training sentences, %d dev sentences, features in %.1f s",
                corpus.count, devCorpus.count, Date().timeIntervalSince(started)))
        var options = NERTrainer.Options()
        options.seed = seed
        options.epochs = epochs
        options.patience = patience
        options.ensemble = ensemble
        options.bucketBits = bits
        func report(_ stage: String, _ r: NERTrainer.EpochReport) {
            let m = r.dev.micro
            let types = r.dev.byType.keys.sorted().map { String(format: "%@ %.2f", $0, 100 * r.dev.byType[$0]!.f1) }.joined(separator: ", ")
            printError(
                String(
                    format: "%@epoch %2d  updates %5d  dev P %.2f R %.2f F1 %.2f (%@)  %.1f s", stage,
                    r.epoch, r.updates, 100 * m.precision, 100 * m.recall, 100 * m.f1, types, r.seconds))
        }
        let model: NERModel
        if stackWindow > 0 {
            var stacking = NERTrainer.StackingOptions()
            stacking.window = stackWindow
            stacking.folds = stackFolds
            stacking.bucketBits = stackBits
            model = NERTrainer.trainStacked(
                corpus, dev: devCorpus, extractor: extractor, options: options, stacking: stacking, info: info,
                progress: { report($0 + ": ", $1) }, log: { printError("train: " + $0) })
        } else {
            var trainer = NERTrainer(extractor: extractor, options: options)
            model = trainer.train(corpus, dev: devCorpus, info: info) { report("", $0) }
        }
        // Score the quantised model, as it will be used (documents: the dev file in order, one sequence).
        var tagger = NERTagger(model: model)
        tagger.tagDocument(devSentences.map(\.tokens))
        var quantised = CoNLLEvaluation()
        for (s, sentence) in devSentences.enumerated() {
            quantised.add(gold: sentence.labels, predicted: tagger.documentTags(sentence: s).map { NERTag(rawValue: $0).description })
        }
        try model.write(to: output)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: output))
        let manifest: [String: Any] = [
            "format": NERModel.formatName,
            "stack_window": stackWindow,
            "stack_folds": stackWindow > 0 ? stackFolds : 0,
            "stack_bucket_bits": model.stage2?.features.bucketBits ?? 0,
            "stage1_epochs": model.info.stage1Epochs,
            "file": (output as NSString).lastPathComponent,
            "bytes": bytes.count,
            "sha256": SHA256.hex(Array(bytes)),
            "training_files": info.trainingFiles,
            "dev_file": info.devFile,
            "dev_f1": (100 * quantised.micro.f1 * 100).rounded() / 100,
            "dev_f1_per_type": Dictionary(
                uniqueKeysWithValues: quantised.byType.map { ($0.key, (100 * $0.value.f1 * 100).rounded() / 100) }),
            "seed": seed,
            "ensemble": ensemble,
            "epochs": model.info.epochs,
            "bucket_bits": bits,
            "gazetteer_folds": folds,
            "names_from": namesFrom.map { ($0 as NSString).lastPathComponent },
            "license": license
        ]
        let json = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: output + ".json"))
        printError(
            String(
                format: "train: best epoch %d, dev F1 %.2f (quantised %.2f); %d bytes; %.1f s in all",
                model.info.epochs, model.info.devF1, 100 * quantised.micro.f1, bytes.count, Date().timeIntervalSince(started)))
    }
}

struct TrainQuotes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Train the quote model (which candidates are quotes, who their speakers are) on quote gold files.",
        discussion: """
            The rules propose candidates and speaker options; a ranking perceptron learns which option is the speaker \
            of a quote the rules left unattributed, and (with --learn filter or both) an averaged perceptron which of \
            the candidates the rules refused to keep. Deterministic for a given seed. Judge the result with \
            `cronista eval quotes --folds 5 --learn …` on the same files before shipping it.
            """
    )

    @Option(parsing: .upToNextOption, help: "Gold files (JSON Lines with quotes).")
    var gold: [String]

    @Option(
        name: .shortAndLong, help: "Where to write the model (the shipped one: Sources/CronistaNLP/Resources/Languages/it/quotes.model).")
    var output: String

    @Option(help: "Random seed for the shuffling of the training data.")
    var seed: UInt64 = 1

    @Option(help: "Training epochs.")
    var epochs: Int = 3

    @Option(help: "Which decisions to learn: speaker, filter or both (the others stay with the rules).")
    var learn: String = "speaker"

    func run() async throws {
        let engine = try Engine()
        let docs = try QuoteGoldFile.analyse(gold, engine: engine)
        guard ["both", "filter", "speaker"].contains(learn) else { throw ValidationError("--learn is filter, speaker or both") }
        let trainer = QuoteTrainer(epochs: epochs, seed: seed, learnFilter: learn != "speaker", learnSpeaker: learn != "filter")
        let model = trainer.train(docs.map { QuoteTrainer.examples($0, packs: engine.packs) })
        let names = gold.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let header = """
            Cronista quote model: filter (is this candidate a quote?) and speaker ranking weights.
            Trained by `cronista train quotes --learn \(learn)` (seed \(seed), \(epochs) epoch\(epochs == 1 ? "" : "s")) on \(docs.count) documents, \
            \(docs.reduce(0) { $0 + $1.gold.count }) gold quotes: \(names).
            """
        try model.serialized(header: header).write(toFile: output, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(
            Data("wrote \(output): \(model.filter.count) filter and \(model.speaker.count) speaker weights\n".utf8))
    }
}
