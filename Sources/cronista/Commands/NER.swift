import ArgumentParser
import CronistaCore
import CronistaNLP

struct NER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Tag pre-tokenised text with PER/ORG/LOC (CoNLL: token<TAB>label, blank line between sentences).",
        discussion: "Writes token<TAB>label (BIO) for each input token, keeping the input's sentence breaks."
    )

    @Option(help: "CoNLL input file, or '-' for standard input.")
    var conll: String

    @Option(name: .shortAndLong, help: "Write the tagged CoNLL here instead of standard output.")
    var output: String?

    @Option(help: "NER model file (default: $CRONISTA_NER_MODEL, else the embedded Italian model).")
    var model: String?

    func run() async throws {
        let nerModel = try NERModel.load(path: model)
        var tagger = NERTagger(model: nerModel)
        let labels = NERTag.all.map { Array(("\t" + $0.description + "\n").utf8) }
        let sink = try OutputSink(path: output)
        var failures = 0
        var out: [UInt8] = []
        try CoNLLReader.forEachSentence(path: conll) { result in
            switch result {
            case .failure(let e):
                failures += 1
                printError("cronista: error: \(e)")
            case .success(let sentence):
                tagger.tagInPlace(sentence.tokens)
                out.removeAll(keepingCapacity: true)
                for (i, token) in sentence.tokens.enumerated() {
                    out.append(contentsOf: token.utf8)
                    out.append(contentsOf: labels[Int(tagger.tags[i])])
                }
                out.append(0x0A)
                sink.write(out)
            }
        }
        sink.flush()
        if failures > 0 { throw ExitCode(65) }
    }
}
