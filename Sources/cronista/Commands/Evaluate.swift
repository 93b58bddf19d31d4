import ArgumentParser
import CronistaCore
import CronistaNLP

/// `cronista eval …`: scores the engine against gold annotations.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the engine against gold annotations.",
        subcommands: [EvaluateNER.self, EvaluateQuotes.self]
    )
}

struct EvaluateNER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Tag a gold CoNLL file and print entity-level precision, recall and F1 (conlleval-style).",
        discussion: "Per type and micro-averaged; the same chunks and numbers as `score.py conll GOLD PRED`."
    )

    @Option(help: "Gold CoNLL file (token<TAB>label).")
    var conll: String

    @Option(help: "NER model file (default: the --language pack's model, else $CRONISTA_NER_MODEL, else the embedded Italian model).")
    var model: String?

    @Option(help: "Tag as this language pack does in 'analyze' (it, en): its model unless --model names one, and its name conventions.")
    var language: String?

    func run() async throws {
        let (nerModel, conventions) = try NER.tagger(model: model, language: language)
        var tagger = NERTagger(model: nerModel)
        let labels = NERTag.all.map(\.description)
        var evaluation = CoNLLEvaluation()
        // The file is one document (in order), as for `cronista ner --conll`.
        let sentences = try CoNLLReader.read(path: conll)
        tagger.tagDocument(sentences.map(\.tokens))
        for (s, sentence) in sentences.enumerated() {
            tagger.applyNameConventions(conventions, sentence: s) { sentence.tokens[$0].utf8 }
            evaluation.add(gold: sentence.labels, predicted: tagger.documentTags(sentence: s).map { labels[Int($0)] })
        }
        print(evaluation.table(), terminator: "")
    }
}
