import ArgumentParser
import CronistaNLP
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension KB {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a knowledge-base file from a Wikidata JSON dump.",
            discussion: """
                Streams the dump (`latest-all.json`, `.gz` or `.bz2` through gzip/bzip2, or - for standard input) and \
                keeps people, organisations and places (the classes in KB/wikidata-classes.tsv and their subclasses) \
                with Italian and English labels and aliases (`mul` labels stand in for missing ones), positions held \
                with dates, country and sitelink count. Broken lines are reported with their numbers and skipped. \
                Use the result with `cronista analyze --kb FILE`.
                """
        )
        @Option(help: "The Wikidata JSON dump (.json, .json.gz, .json.bz2, or - for standard input).") var wikidata: String
        @Option(name: .shortAndLong, help: "The KB file to write (JSON Lines, the format of entities.jsonl).") var output: String
        @Option(help: "Keep only items with at least this many sitelinks (the size budget).") var minSitelinks = 1
        @Option(help: "Report at most this many broken lines (all are counted).") var maxErrors = 1000

        func validate() throws {
            if minSitelinks < 0 { throw ValidationError("--min-sitelinks must be at least 0, got \(minSitelinks)") }
        }

        func run() async throws {
            var process: Process?
            let fd: Int32
            if wikidata == "-" {
                fd = dup(0)
            } else if wikidata.hasSuffix(".gz") || wikidata.hasSuffix(".bz2") {
                guard FileManager.default.isReadableFile(atPath: wikidata) else {
                    throw ValidationError("cannot read \(wikidata)")
                }
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                p.arguments = [wikidata.hasSuffix(".gz") ? "gzip" : "bzip2", "-dc", "--", wikidata]
                let pipe = Pipe()
                p.standardOutput = pipe
                try p.run()
                fd = dup(pipe.fileHandleForReading.fileDescriptor)
                process = p
            } else {
                fd = open(wikidata, O_RDONLY)
            }
            if fd < 0 { throw ValidationError("cannot open \(wikidata): \(String(cString: strerror(errno)))") }
            let clock = ContinuousClock()
            let start = clock.now
            let summary = try WikidataImporter.run(
                input: fd, path: wikidata, outputPath: output, options: .init(minSitelinks: minSitelinks))
            if let process {
                process.waitUntilExit()
                if process.terminationStatus != 0 {
                    throw ValidationError("the decompressor failed on \(wikidata) (exit \(process.terminationStatus))")
                }
            }
            for e in summary.brokenLines.prefix(maxErrors) { printError("cronista: warning: \(e)") }
            let written = summary.written.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            let elapsed = clock.now - start
            printError(
                "\(summary.lines) lines, \(summary.parsed) parsed, \(summary.brokenLines.count) broken; \(summary.subclassEdges) subclass edges, \(summary.positions) positions, \(summary.candidates) candidates; wrote \(written) (\(summary.bytesWritten) bytes) to \(output) in \(elapsed)"
            )
        }
    }
}
