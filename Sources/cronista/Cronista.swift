import ArgumentParser

@main
struct Cronista: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cronista",
        abstract: "Reads news and returns verifiable facts: who said what, about whom, and when.",
        discussion: """
        Every fact comes with the character offsets (Unicode code points) it rests on.
        Italian first, English next; runs offline from one binary.
        """,
        version: "0.1.0",
        subcommands: [Analyze.self, NER.self, Train.self, Evaluate.self, Ingest.self, Search.self, Show.self, KB.self, Serve.self]
    )
}
