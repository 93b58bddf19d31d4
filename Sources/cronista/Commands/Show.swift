import ArgumentParser
import CronistaStorage

struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one stored document's analysis (the JSON `cronista analyze` wrote for it)."
    )

    @Argument(help: "The document id.")
    var id: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let s = try await store.open()
        let json = try await s.analysisJSON(documentID: id)
        try await s.close()
        guard let json else {
            printError("cronista: no document '\(id)' in the store")
            throw ExitCode(1)
        }
        let sink = try OutputSink(path: nil)
        try sink.write(json + "\n")
        try sink.finish()
    }
}
