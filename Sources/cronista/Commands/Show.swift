import ArgumentParser
import CronistaCore
import CronistaNLP
import CronistaStorage

struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one stored document: readable on a terminal (as `analyze --pretty`), its JSON otherwise.",
        discussion: """
            On a terminal the document is shown as `cronista analyze --pretty` shows it: numbered \
            sentences with the entities and quotes marked, then the lists. Piped or redirected, the \
            analysis JSON that `cronista analyze` wrote for it is printed, exactly as stored. \
            --json and --pretty choose explicitly.
            """
    )

    @Argument(help: "The document id.")
    var id: String

    @Flag(help: "Print the stored analysis JSON, even on a terminal.")
    var json = false

    @Flag(help: "Print the readable view, even when not writing to a terminal.")
    var pretty = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if json && pretty { throw ValidationError("--json and --pretty exclude each other") }
    }

    func run() async throws {
        let s = try await store.openExisting()
        let stored = try await s.document(id: id)
        try await s.close()
        guard let stored else {
            printError("cronista: no document '\(id)' in the store")
            throw ExitCode(1)
        }
        let sink = try OutputSink(path: nil)
        if pretty || (!json && sink.isTerminal) {
            let document = try Document(analysisJSON: Array(stored.analysisJSON.utf8), text: stored.text)
            try sink.write(PrettyPrinter(colour: sink.isTerminal).render(document))
        } else {
            try sink.write(stored.analysisJSON + "\n")
        }
        try sink.finish()
    }
}
