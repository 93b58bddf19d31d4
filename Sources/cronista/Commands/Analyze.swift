import ArgumentParser
import Foundation
import CronistaCore
import CronistaIngest
import CronistaNLP

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse documents and write one JSON object per document (JSON Lines).",
        discussion: """
            Inputs: a .txt file is one document (id = file name without extension; its first line is the \
            title when it is clearly a headline; --title, --published, --source and --url set its metadata); \
            a .jsonl file has one document per line ({"id", "text", "title"?, "published"?, "source"?, "url"?, \
            "language"?}; "published" is an ISO 8601 date or date-time). No file or '-' reads standard input: \
            JSON Lines when it starts with '{', otherwise plain text as one document (id 'stdin'); --format \
            text|jsonl decides explicitly, e.g. echo "Il ministro ha detto: «ok»." | cronista analyze. \
            --encoding reads latin-1 or windows-1252 files. A bad document is reported on standard error \
            with its file, line or byte offset; the others are still written, and the exit status is 65 at \
            the end.
            """
    )

    @Argument(help: "Input files (.txt or .jsonl); none or '-' for standard input (JSON Lines or plain text).")
    var files: [String] = []

    @OptionGroup var input: InputArguments

    @Option(name: .shortAndLong, help: "Write JSON Lines to this file instead of standard output.")
    var output: String?

    @Flag(help: "A readable view for a person: sentences numbered, entities and quotes highlighted.")
    var pretty = false

    @Option(help: "NER model file (default: the embedded Italian model).")
    var model: String?

    @Option(
        name: .customLong("kb-extra"),
        help: "A second knowledge-base file (JSON Lines, the format of entities.jsonl) with your own entities.")
    var kbExtra: String?

    @Option(help: "A knowledge-base file to use instead of the bundled one (e.g. built by `cronista kb build`).")
    var kb: String?

    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "Documents analysed in parallel (default: the number of cores, \(ProcessInfo.processInfo.activeProcessorCount) here).")
    var jobs: Int?

    @Option(
        help: ArgumentHelp(
            "Analyse every document as written in this language (it, en), instead of the language identified or declared per document.",
            valueName: "code"))
    var language: String?

    @Flag(help: "Skip the events layer (PLOVER events): the output's \"events\" list stays empty.")
    var noEvents = false

    @Flag(help: "Show progress on standard error even when it is not a terminal.")
    var progress = false

    @Flag(
        name: .customLong("error-records"),
        help: ArgumentHelp(
            "Write a bad document as an error record in the output, in its place: {\"id\", \"error\": {…}}.",
            discussion: "Every input line then gives exactly one output line, and the exit status is 0 when the errors were all written "
                + "(for streaming workers such as Spark's RDD.pipe)."))
    var errorRecords = false

    func validate() throws {
        try input.validate(files: files)
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if errorRecords && pretty { throw ValidationError("--error-records is for JSON Lines output, not --pretty") }
        if let language, language.isEmpty || language.count > 3 || !language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            throw ValidationError("--language: expected a lower-case language code such as it or en, got '\(language)'")
        }
    }

    /// `{"id": …, "error": {"code", "message", "file", "line", "byte"}}`: a bad document in its place
    /// in the output (`--error-records`).
    static func errorRecord(_ e: CronistaError) -> [UInt8] {
        var w = JSONWriter(capacity: 128 + e.message.utf8.count)
        w.beginObject()
        w.key("id"); w.optionalString(e.documentID)
        w.key("error"); w.beginObject()
        w.key("code"); w.string(e.code.name)
        w.key("message"); w.string(e.message)
        w.key("file"); w.optionalString(e.file)
        w.key("line")
        if let l = e.line { w.int(l) } else { w.null() }
        w.key("byte")
        if let b = e.byteOffset { w.int(b) } else { w.null() }
        w.endObject()
        w.endObject()
        w.bytes.append(0x0A)
        return w.bytes
    }

    func run() async throws {
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let knowledgeBase = try kb.map { try KnowledgeBase.load(path: $0, extraPaths: kbExtra.map { [$0] } ?? []) }
        let engine = try Engine(
            options: .init(nerModelPath: model, kbExtraPath: kbExtra, knowledgeBase: knowledgeBase, events: !noEvents))
        let sink = try OutputSink(path: output)
        let printer = pretty ? PrettyPrinter(colour: sink.isTerminal) : nil
        var source = LanguageOverride(base: InputSource(paths: files, options: input.options()), language: language)
        let reporter = ProgressReporter(
            enabled: progress || ProgressReporter.stderrIsTerminal, totalBytes: InputSource.totalBytes(of: files))
        var failures = 0
        var firstOrigin: [String: String] = [:]
        try ParallelAnalysis(engine: engine, jobs: jobs, encodeJSON: printer == nil).run(&source) { outcome in
            switch outcome {
            case .failed(let e):
                failures += 1
                reporter.record(document: nil, error: true)
                reporter.clearLine()
                printError("cronista: error: \(e)")
                if errorRecords { try sink.write(Self.errorRecord(e)) }
            case .analysed(let input, let doc, var json):
                reporter.record(document: doc, error: false)
                // Two documents with one id are both written, but a reader joining on ids would
                // mix them up: say so.
                if let first = firstOrigin[doc.id] {
                    reporter.clearLine()
                    printError("cronista: warning: \(input.origin): duplicate id '\(doc.id)' (first at \(first))")
                } else {
                    firstOrigin[doc.id] = input.origin
                }
                if let printer {
                    try sink.write(printer.render(doc))
                } else {
                    json.append(0x0A)
                    try sink.write(json)
                }
            }
        } afterBatch: {
            try sink.flush()
        }
        try sink.finish()
        if reporter.enabled || failures > 0 { reporter.draw(final: true) }
        if failures > 0 && !errorRecords { throw ExitCode(65) }
    }
}
