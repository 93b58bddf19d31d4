import ArgumentParser
import Foundation

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
        subcommands: [
            Analyze.self, Extract.self, NER.self, Train.self, Evaluate.self, Ingest.self, Sources.self, Update.self, Watch.self,
            Search.self,
            Export.self, Show.self, Delete.self,
            KB.self,
            Serve.self
        ]
    )

    /// ArgumentParser's entry point, except that a ``CLIError`` ends the process with its own exit
    /// status (74 for output that cannot be written) and a `cronista: error:` line.
    static func main() async {
        // A closed pipe is a write error that OutputSink reports (exit 74), not a silent death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            printError("cronista: error: \(error.description)")
            Foundation.exit(error.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
