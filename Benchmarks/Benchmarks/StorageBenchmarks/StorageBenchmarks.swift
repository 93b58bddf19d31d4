// Ingest into SQLite, as `cronista ingest` does it: analyse, convert, store in one transaction per
// batch. One iteration is one batch of `batchSize` articles into a store made in setup; the corpus
// is cut into batches and each is stored once (a second time it would be skipped as a duplicate),
// so the number of iterations is the number of batches: every metric is per batch of `batchSize`.
// Compare with "Pipeline" of NLPBenchmarks (per article) for what storing adds.
import Benchmark
import BenchmarkCorpus
import CronistaCore
import CronistaNLP
import CronistaStorage
import CronistaStorageSQLite
import Foundation

let batchSize = 10

/// The store of the running benchmark (setup makes it, teardown removes it).
final class StoreBox: @unchecked Sendable {
    var store: SQLiteDocumentStore?
    var path = ""
    func make(_ name: String) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("cronista-bench-\(name)-\(getpid()).sqlite").path
        remove()
        store = try SQLiteDocumentStore(path: path)
    }
    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

let benchmarks: @Sendable () -> Void = {
    let batches = max(1, BenchmarkCorpus.limit / batchSize)
    let box = StoreBox()
    let analysed = Mutexless<[Document]>()
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 0,
        maxDuration: .seconds(120),
        maxIterations: batches,
        thresholds: [
            .mallocCountTotal: .init(relative: [.p90: 3.0], absolute: [.p90: 200]),
            .peakMemoryResident: .init(relative: [.p90: 15.0]),
        ]
    )

    func batch(_ iteration: Int) -> ArraySlice<DocumentInput> {
        let inputs = BenchmarkCorpus.inputs
        let start = (iteration % batches) * batchSize
        return inputs[start..<min(start + batchSize, inputs.count)]
    }

    Benchmark(
        "IngestSQLite",
        configuration: .init(
            setup: { _ = BenchmarkCorpus.engine; _ = BenchmarkCorpus.inputs; try box.make("ingest") },
            teardown: { try await box.store?.close(); box.remove() }
        )
    ) { benchmark in
        var documents: [StorableDocument] = []
        for input in batch(benchmark.currentIteration) {
            let document = try BenchmarkCorpus.engine.analyze(input)
            documents.append(try StorableDocument(document: document, analysisJSON: document.analysisJSON()))
        }
        blackHole(try await box.store!.store(documents))
    }

    // Storing alone: the same batches, analysed beforehand.
    Benchmark(
        "StoreSQLite",
        configuration: .init(
            setup: {
                try box.make("store")
                analysed.value = try BenchmarkCorpus.inputs.map { try BenchmarkCorpus.engine.analyze($0) }
            },
            teardown: { try await box.store?.close(); box.remove() }
        )
    ) { benchmark in
        let all = analysed.value!
        let start = (benchmark.currentIteration % batches) * batchSize
        let documents = try all[start..<min(start + batchSize, all.count)].map {
            try StorableDocument(document: $0, analysisJSON: $0.analysisJSON())
        }
        blackHole(try await box.store!.store(documents))
    }
}

/// A value set in setup and read by the iterations, which run one after the other.
final class Mutexless<Value>: @unchecked Sendable {
    var value: Value?
}
