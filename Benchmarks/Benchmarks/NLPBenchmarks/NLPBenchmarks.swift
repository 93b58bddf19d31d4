// The analysis, component by component and whole, one article per iteration: every metric reads
// "per article" (throughput is articles/s), and with `maxIterations` equal to the corpus size every
// article of the corpus is measured once, so the allocation percentiles are reproducible and
// checked against Thresholds/ (`benchmark thresholds check`).
import Benchmark
import BenchmarkCorpus
import CronistaCore
import CronistaNLP

let benchmarks: @Sendable () -> Void = {
    let articles = BenchmarkCorpus.limit
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        warmupIterations: 0,
        maxDuration: .seconds(120),
        maxIterations: articles,
        // Allocations are nearly deterministic: a small regression shows. Peak RSS is noisier.
        // Time is measured and printed, never checked (a shared 2-core machine).
        thresholds: [
            .mallocCountTotal: .init(relative: [.p90: 2.0], absolute: [.p90: 50]),
            .peakMemoryResident: .init(relative: [.p90: 15.0]),
        ]
    )

    let tokenizer = Tokenizer()
    Benchmark("Tokenizer", configuration: .init(setup: { _ = BenchmarkCorpus.inputs })) { benchmark in
        let input = BenchmarkCorpus.inputs[benchmark.currentIteration % BenchmarkCorpus.inputs.count]
        blackHole(tokenizer.tokenize(input.text))
    }

    let splitter = SentenceSplitter()
    Benchmark("SentenceSplitter", configuration: .init(setup: { _ = BenchmarkCorpus.beforeNER })) { benchmark in
        let docs = BenchmarkCorpus.beforeNER
        let d = docs[benchmark.currentIteration % docs.count]
        blackHole(splitter.split(d.text, tokens: d.tokens))
    }

    // Benchmark names without spaces or punctuation: `thresholds check` looks the files up by name.
    for (name, benchmarkName) in [("ner", "NER"), ("entities", "Entities"), ("quotes", "Quotes")] {
        let component = BenchmarkCorpus.component(name)
        Benchmark(benchmarkName, configuration: .init(setup: { _ = BenchmarkCorpus.prepared(before: name) })) { benchmark in
            let docs = BenchmarkCorpus.prepared(before: name)
            var d = docs[benchmark.currentIteration % docs.count]
            try component.process(&d)
            blackHole(d)
        }
    }

    // What `cronista analyze` does per article: the whole pipeline and the JSON line.
    Benchmark("Pipeline", configuration: .init(setup: { _ = BenchmarkCorpus.engine; _ = BenchmarkCorpus.inputs })) { benchmark in
        let input = BenchmarkCorpus.inputs[benchmark.currentIteration % BenchmarkCorpus.inputs.count]
        let document = try BenchmarkCorpus.engine.analyze(input)
        blackHole(document.analysisJSON())
    }
}
