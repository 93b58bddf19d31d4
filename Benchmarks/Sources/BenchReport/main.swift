// Time per pipeline component on the whole corpus, in one process on one thread: the numbers
// scripts/bench puts in the README (tokenizer and NER tokens/s, quote extraction's share of the
// analysis). Best of `passes` passes; the components alternate within a pass, so a noisy machine
// slows them alike and the shares stay meaningful.
//
//   swift run -c release --package-path Benchmarks bench-report [PASSES]
//   (CRONISTA_BENCH_DOCS / CRONISTA_BENCH_ARTICLES choose the corpus, as for the benchmarks)
import BenchmarkCorpus
import CronistaCore
import CronistaNLP
import Foundation

let passes = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 5
let clock = ContinuousClock()
func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }

let inputs = BenchmarkCorpus.inputs
let engine = BenchmarkCorpus.engine
let components = engine.pipeline.components
let tokenizer = Tokenizer()
var sink = 0

var best: [String: Double] = [:]
@MainActor func record(_ name: String, _ d: Duration) { best[name] = min(best[name] ?? .infinity, seconds(d)) }

// The input lines as the JSON Lines reader sees them, for the reader's own timing.
let jsonLines: [[UInt8]] = inputs.map { input in
    Array(try! JSONSerialization.data(withJSONObject: ["id": input.id, "text": input.text]))
}
let jsonBytes = jsonLines.reduce(0) { $0 + $1.count }

var tokens = 0
for _ in 0..<passes {
    // Reading the input records: the project's RFC 8259 reader against Foundation's, which it
    // replaced (it dropped U+FEFF inside strings and accepted trailing commas).
    var t0 = clock.now
    for line in jsonLines { if case .string(let s)? = (try JSONValue.parse(line))["text"] { sink &+= s.utf8.count } }
    record("json_reader", clock.now - t0)
    t0 = clock.now
    for line in jsonLines {
        if let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], let s = o["text"] as? String { sink &+= s.utf8.count }
    }
    record("json_foundation", clock.now - t0)

    // The tokenizer alone.
    var t = clock.now
    var count = 0
    for input in inputs { count += tokenizer.tokenize(input.text).count }
    record("tokenizer", clock.now - t)
    tokens = count

    // Each component on the output of the ones before it, timed separately.
    var docs = inputs.map { Document(id: $0.id, text: $0.text, metadata: $0.metadata) }
    for c in components {
        t = clock.now
        for k in docs.indices {
            try c.process(&docs[k])
            docs[k].layers.formUnion(c.assigns)
        }
        record(c.name, clock.now - t)
    }
    t = clock.now
    for d in docs { sink &+= d.analysisJSON().count }
    record("json", clock.now - t)

    // The whole analysis as `cronista analyze -j 1` does it per article.
    t = clock.now
    for input in inputs { sink &+= try engine.analyze(input).analysisJSON().count }
    record("analyze", clock.now - t)
}

// Loading the shipped quote model (issue 14: ≤ 50 ms), best of 20.
let quoteModelText = try NLPResources.text("Languages/it/quotes.model")
var quoteModelLoad = Double.infinity
for _ in 0..<20 {
    let t0 = clock.now
    sink &+= try QuoteModel(text: quoteModelText).count
    quoteModelLoad = min(quoteModelLoad, seconds(clock.now - t0))
}

let n = Double(inputs.count)
let componentTotal = components.reduce(0) { $0 + best[$1.name]! } + best["json"]!
print("articles\t\(inputs.count)")
print("tokens\t\(tokens)")
print("tokenizer_tokens_per_s\t\(Int(Double(tokens) / best["tokenizer"]!))")
print("ner_tokens_per_s\t\(Int(Double(tokens) / best["ner"]!))")
for c in components.map(\.name) + ["json"] {
    print("ms_per_article_\(c)\t\(String(format: "%.4f", best[c]! * 1000 / n))")
    print("share_\(c)\t\(String(format: "%.1f", 100 * best[c]! / componentTotal))")
}
print("json_reader_mb_per_s\t\(String(format: "%.1f", Double(jsonBytes) / 1e6 / best["json_reader"]!))")
print("json_foundation_mb_per_s\t\(String(format: "%.1f", Double(jsonBytes) / 1e6 / best["json_foundation"]!))")
print("quote_model_load_ms\t\(String(format: "%.3f", quoteModelLoad * 1000))")
print("analyze_articles_per_s_one_thread\t\(Int(n / best["analyze"]!))")
print("ms_per_article_analyze\t\(String(format: "%.4f", best["analyze"]! * 1000 / n))")
if sink == 42 { print("") }
