import ArgumentParser
import CronistaCore
import CronistaNLP
import Foundation

func clockNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

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

    @Option(help: "NER model file (default: the --language pack's model, else $CRONISTA_NER_MODEL, else the embedded Italian model).")
    var model: String?

    @Option(
        help:
            "Tag as this language pack does in 'analyze' (it, en): its model unless --model names one, and its name conventions (titles outside: 'Ms [Pugh]')."
    )
    var language: String?

    @Option(
        help: ArgumentHelp(
            "Benchmark: tag the whole file this many times in memory and print tokens/s, model load time and peak RSS on standard error (no output).",
            visibility: .hidden))
    var benchmark: Int?

    /// The model and the title convention to tag with: the `language` pack's (its model unless
    /// `model` names a file), else the model file or the default model with no conventions.
    static func tagger(model: String?, language: String?) throws -> (NERModel, NameConventions) {
        guard let language else { return (try NERModel.load(path: model), .none) }
        guard let pack = try LanguagePacks.bundled()[language] else {
            throw ValidationError(
                "no language pack \(language.debugDescription) (bundled: \(LanguagePacks.bundledCodes.joined(separator: ", ")))")
        }
        guard let nerModel = try model.map({ try NERModel(path: $0) }) ?? pack.loadNERModel() else {
            throw ValidationError("the \(language) pack has no NER model; give one with --model")
        }
        return (nerModel, pack.nameConventions)
    }

    /// CPU time of this process (on a shared machine the wall clock also counts the time others ran).
    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func run() async throws {
        let loadStart = clockNow()
        let (nerModel, conventions) = try Self.tagger(model: model, language: language)
        let loadSeconds = clockNow() - loadStart
        if let repeats = benchmark {
            let sentences = try CoNLLReader.read(path: conll).map(\.tokens)
            var tagger = NERTagger(model: nerModel)
            var tokens = 0, checksum = 0
            let fileTokens = sentences.reduce(0) { $0 + $1.count }
            tagger.tagDocument(sentences)  // warm-up
            let start = clockNow(), cpuStart = Self.processCPUSeconds()
            for _ in 0..<max(1, repeats) {
                // The file as one document, as when tagging it (the second stage looks across sentences).
                tagger.tagDocument(sentences)
                for s in sentences.indices { tagger.applyNameConventions(conventions, sentence: s) { sentences[s][$0].utf8 } }
                tokens += fileTokens
                checksum &+= tagger.documentTags.reduce(0) { $0 &+ Int($1) }
            }
            let seconds = clockNow() - start, cpuSeconds = Self.processCPUSeconds() - cpuStart
            var usage = rusage()
            #if os(Linux)
                getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            #else
                getrusage(RUSAGE_SELF, &usage)
            #endif
            printError(
                "cronista ner: \(tokens) tokens in \(String(format: "%.3f", seconds)) s = \(Int(Double(tokens) / seconds)) tokens/s (one core); \(Int(Double(tokens) / cpuSeconds)) tokens per CPU second (the same less the time other processes held the core); model load \(String(format: "%.1f", loadSeconds * 1000)) ms; peak RSS \(usage.ru_maxrss / 1024) MB; checksum \(checksum)"
            )
            return
        }
        var tagger = NERTagger(model: nerModel)
        let labels = NERTag.all.map { Array(("\t" + $0.description + "\n").utf8) }
        let sink = try OutputSink(path: output)
        var failures = 0
        var out: [UInt8] = []
        // The file is one document in reading order: a model with a second stage looks at the
        // neighbouring sentences, so the sentences are read first and tagged together.
        var sentences: [[String]] = []
        try CoNLLReader.forEachSentence(path: conll) { result in
            switch result {
            case .failure(let e):
                failures += 1
                printError("cronista: error: \(e)")
            case .success(let sentence):
                sentences.append(sentence.tokens)
            }
        }
        tagger.tagDocument(sentences)
        for (s, tokens) in sentences.enumerated() {
            tagger.applyNameConventions(conventions, sentence: s) { tokens[$0].utf8 }
            out.removeAll(keepingCapacity: true)
            let tags = tagger.documentTags(sentence: s)
            for (token, tag) in zip(tokens, tags) {
                out.append(contentsOf: token.utf8)
                out.append(contentsOf: labels[Int(tag)])
            }
            out.append(0x0A)
            try sink.write(out)
        }
        try sink.finish()
        if failures > 0 { throw ExitCode(65) }
    }
}
