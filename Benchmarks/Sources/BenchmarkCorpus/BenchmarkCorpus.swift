public import CronistaCore
public import CronistaNLP
import CronistaIngest
import Foundation

/// The articles every benchmark runs on, and the engine, each loaded once per benchmark process
/// (outside the measured region).
///
/// - `CRONISTA_BENCH_DOCS`: a JSON Lines file of the input contract (default: the KIND Wikinews
///   training articles, `data/ner/kind/docs/wikinews_train.docs.jsonl` in `../shared`, or in
///   `CRONISTA_SHARED` when set);
/// - `CRONISTA_BENCH_ARTICLES`: how many of its articles, from the first (default 200; the
///   thresholds in `Thresholds/` hold for the default).
public enum BenchmarkCorpus {
    public static let path: String = {
        let env = ProcessInfo.processInfo.environment
        if let p = env["CRONISTA_BENCH_DOCS"], !p.isEmpty { return p }
        let shared: URL
        if let s = env["CRONISTA_SHARED"], !s.isEmpty {
            shared = URL(fileURLWithPath: s)
        } else {
            // Benchmarks/Sources/BenchmarkCorpus/BenchmarkCorpus.swift → the repository's parent.
            var url = URL(fileURLWithPath: #filePath)
            for _ in 0..<5 { url.deleteLastPathComponent() }
            shared = url.appendingPathComponent("shared")
        }
        return shared.appendingPathComponent("data/ner/kind/docs/wikinews_train.docs.jsonl").path
    }()

    public static let limit: Int = {
        ProcessInfo.processInfo.environment["CRONISTA_BENCH_ARTICLES"].flatMap { Int($0) } ?? 200
    }()

    /// The articles, in file order.
    public static let inputs: [DocumentInput] = {
        guard let data = FileManager.default.contents(atPath: path) else {
            fatalError("cannot read the benchmark corpus at \(path) (set CRONISTA_BENCH_DOCS or CRONISTA_SHARED)")
        }
        var out: [DocumentInput] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where out.count < limit {
            lineNumber += 1
            guard !line.isEmpty else { continue }
            do {
                out.append(try DocumentInput.parse(jsonLine: line, file: path, line: lineNumber, defaultID: "doc\(lineNumber)"))
            } catch {
                fatalError("benchmark corpus: \(error)")
            }
        }
        precondition(!out.isEmpty, "the benchmark corpus at \(path) is empty")
        return out
    }()

    /// The standard engine with the embedded model, knowledge base and lexicons.
    public static let engine: Engine = {
        do { return try Engine() } catch { fatalError("cannot load the engine: \(error)") }
    }()

    /// The engine's component called `name` (`text`, `ner`, `entities`, `quotes`).
    public static func component(_ name: String) -> any PipelineComponent {
        guard let c = engine.pipeline.components.first(where: { $0.name == name }) else {
            fatalError("no pipeline component named \(name)")
        }
        return c
    }

    /// Each article run through the engine's components before `name`: the input that component sees.
    public static func documents(before name: String) -> [Document] {
        let components = engine.pipeline.components.prefix(while: { $0.name != name })
        return inputs.map { input in
            var d = Document(id: input.id, text: input.text, metadata: input.metadata)
            do {
                for c in components {
                    try c.process(&d)
                    d.layers.formUnion(c.assigns)
                }
            } catch {
                fatalError("benchmark corpus: \(error)")
            }
            return d
        }
    }

    /// The articles as each component sees them (computed once, on first use).
    public static let beforeNER = documents(before: "ner")
    public static let beforeEntities = documents(before: "entities")
    public static let beforeQuotes = documents(before: "quotes")

    public static func prepared(before name: String) -> [Document] {
        switch name {
        case "ner": return beforeNER
        case "entities": return beforeEntities
        case "quotes": return beforeQuotes
        default: fatalError("no prepared articles before \(name)")
        }
    }
}
