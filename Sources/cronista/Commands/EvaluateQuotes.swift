import ArgumentParser
import CronistaCore
import CronistaIngest
import CronistaNLP
import Foundation

/// `cronista eval quotes --gold FILE…`: analyses the gold documents' texts and prints the numbers
/// `tools/score.py quotes` prints for the same output; `--folds K` cross-validates the quote model by document.
struct EvaluateQuotes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Analyse the documents of a quote gold file and score the quotes (as score.py quotes).",
        discussion: "Gold: JSON Lines with id, text and quotes ({kind, start, end, speaker: {mentions: [[s, e], …]}})."
    )

    @Option(parsing: .upToNextOption, help: "Gold files (JSON Lines, the analysis format with gold quotes); each is reported apart.")
    var gold: [String]

    @Option(help: "NER model file (default: the embedded Italian model).")
    var model: String?

    @Option(
        help: "Cross-validate the quote model: train on k-1 folds of the gold documents, test on the k-th (0: score the shipped model).")
    var folds: Int = 0

    @Option(help: "Quote model file to score instead of the shipped one.")
    var quoteModel: String?

    @Flag(help: "Score the hand-written rules alone, without the learned decisions.")
    var rulesOnly = false

    @Option(help: "With --folds: which decisions to learn (filter, speaker, or both); the others stay with the rules.")
    var learn: String = "speaker"

    @Option(help: "Seed of the fold assignment and of the training shuffles.")
    var seed: UInt64 = 1

    @Option(help: "Training epochs (with --folds).")
    var epochs: Int = 3

    func run() async throws {
        let engine = try Engine(options: .init(nerModelPath: model))
        let docs = try QuoteGoldFile.analyse(gold, engine: engine)
        if folds > 0 {
            guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
            guard ["both", "filter", "speaker"].contains(learn) else { throw ValidationError("--learn is filter, speaker or both") }
            let trainer = QuoteTrainer(epochs: epochs, seed: seed, learnFilter: learn != "speaker", learnSpeaker: learn != "filter")
            let cv = trainer.crossValidate(docs, k: folds, packs: engine.packs)
            for corpus in gold where cv.byCorpus[corpus] != nil {
                let f1 = cv.foldF1ByCorpus[corpus] ?? []
                let mean = f1.reduce(0, +) / Double(max(f1.count, 1))
                let sd = (f1.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(f1.count - 1, 1))).squareRoot()
                print("# \(corpus): \(folds)-fold cross-validation, documents never shared between training and test")
                print(cv.byCorpus[corpus]!.table(), terminator: "")
                let perFold = f1.map { String(format: "%.2f", 100 * $0) }.joined(separator: " ")
                let summary = String(format: "mean %.2f sd %.2f", 100 * mean, 100 * sd)
                print("end_to_end_f1_by_fold        \(perFold)  \(summary)\n")
            }
            return
        }
        var quoteModelOverride: QuoteModel?
        if let quoteModel {
            quoteModelOverride = try QuoteModel(text: String(contentsOfFile: quoteModel, encoding: .utf8), file: quoteModel)
        }
        for corpus in gold {
            var evaluation = QuoteEvaluation()
            for d in docs where d.corpus == corpus {
                var doc = d.document
                if rulesOnly || quoteModelOverride != nil {
                    doc.quotes = QuoteTrainer.quotes(in: doc, packs: engine.packs, model: rulesOnly ? nil : quoteModelOverride)
                }
                evaluation.add(
                    text: doc.text, gold: d.gold, predicted: QuoteEvaluation.PredictedQuote.from(doc, index: OffsetIndex(doc.text)))
            }
            if gold.count > 1 { print("# \(corpus)") }
            print(evaluation.table() + "documents_missing            0")
        }
    }
}
