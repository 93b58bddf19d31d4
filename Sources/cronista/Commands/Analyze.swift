import ArgumentParser
import CronistaCore
import CronistaNLP

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse documents and write one JSON object per document (JSON Lines).",
        discussion: """
        Inputs: a .txt file is one document (id = file name without extension); a .jsonl file has one \
        document per line ({"id", "text", "title"?, "published"?, "source"?, "url"?, "language"?}); \
        no file or '-' reads JSON Lines from standard input. A bad document is reported on standard \
        error with its file, line or byte offset; the others are still written, and the exit status \
        is 65 at the end.
        """
    )

    @Argument(help: "Input files (.txt or .jsonl); none or '-' for JSON Lines on standard input.")
    var files: [String] = []

    @Option(name: .shortAndLong, help: "Write JSON Lines to this file instead of standard output.")
    var output: String?

    @Flag(help: "A readable view for a person: sentences numbered, entities and quotes highlighted.")
    var pretty = false

    @Option(help: "NER model file (default: the embedded Italian model).")
    var model: String?

    @Option(name: .customLong("kb-extra"), help: "A second knowledge-base file (JSON Lines, the format of entities.jsonl) with your own entities.")
    var kbExtra: String?

    func run() async throws {
        let engine = try Engine(options: .init(nerModelPath: model, kbExtraPath: kbExtra))
        let sink = try OutputSink(path: output)
        let printer = pretty ? PrettyPrinter(colour: sink.isTerminal) : nil
        var source = InputSource(paths: files)
        var failures = 0
        var documents = 0
        while let item = source.next() {
            switch item {
            case .failure(let e):
                failures += 1
                printError("cronista: error: \(e)")
            case .document(let input):
                do {
                    let doc = try engine.analyze(input)
                    documents += 1
                    if let printer {
                        sink.write(printer.render(doc))
                    } else {
                        var bytes = doc.analysisJSON()
                        bytes.append(0x0A)
                        sink.write(bytes)
                    }
                } catch {
                    failures += 1
                    printError("cronista: error: \(input.origin): \(error)")
                }
            }
        }
        sink.flush()
        if failures > 0 {
            printError("cronista: \(documents) documents written, \(failures) failed")
            throw ExitCode(65)
        }
    }
}
