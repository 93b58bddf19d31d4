public import CronistaCore
public import CronistaNLP
import Dispatch
import Foundation
import Synchronization

/// Analyses a stream of inputs on several threads and hands the results back in input order.
///
/// Inputs are read in bounded batches (back-pressure: at most `batchSize` documents are in memory),
/// each batch is spread over `jobs` workers sharing one read-only engine, and results are
/// delivered in the order the documents were read, so the output of `--jobs 8` is byte-identical
/// to `--jobs 1`.
public struct ParallelAnalysis: Sendable {
    public enum Outcome: Sendable {
        case analysed(input: DocumentInput, document: Document, json: [UInt8])
        case failed(CronistaError)
    }

    public let engine: Engine
    public let jobs: Int
    public let batchSize: Int
    /// Also encode each document's JSON on the worker (the CLI writes it; `ingest` stores it).
    public let encodeJSON: Bool

    public init(engine: Engine, jobs: Int, batchSize: Int? = nil, encodeJSON: Bool = true) {
        self.engine = engine
        self.jobs = max(1, jobs)
        self.batchSize = batchSize ?? max(64, 32 * max(1, jobs))
        self.encodeJSON = encodeJSON
    }

    /// Runs over every item of `source`; `deliver` is called on the calling thread, in input order.
    ///
    /// `afterBatch` runs once each batch has been delivered: where the CLI flushes its output, so
    /// a crash loses at most the batch in flight and a reader behind a pipe sees results as they
    /// are made.
    public func run(_ source: inout some DocumentSource, deliver: (Outcome) throws -> Void) rethrows {
        try run(&source, deliver: deliver, afterBatch: {})
    }

    /// ``run(_:deliver:)``, calling `afterBatch` once each batch has been delivered.
    public func run(_ source: inout some DocumentSource, deliver: (Outcome) throws -> Void, afterBatch: () throws -> Void) rethrows {
        while true {
            var batch: [SourceItem] = []
            batch.reserveCapacity(batchSize)
            while batch.count < batchSize, let item = source.next() { batch.append(item) }
            if batch.isEmpty { return }
            let results = process(batch)
            for r in results { try deliver(r) }
            try afterBatch()
        }
    }

    public func process(_ batch: [SourceItem]) -> [Outcome] {
        process(batch) { input, doc, json in (input, doc, json) }.map { r in
            switch r {
            case .success(let (input, doc, json)): .analysed(input: input, document: doc, json: json)
            case .failure(let e): .failed(e as? CronistaError ?? CronistaError(.invalidInput, "\(e)"))
            }
        }
    }

    /// Analyses `batch` on `jobs` workers; each worker also runs `prepare` on its document (so
    /// `ingest` builds its rows in parallel too). Results come back in input order.
    public func process<T: Sendable>(
        _ batch: [SourceItem],
        prepare: @escaping @Sendable (DocumentInput, Document, [UInt8]) throws -> T
    ) -> [Result<T, any Error>] {
        let slots = ResultSlots<T>(count: batch.count)
        let next = Atomic<Int>(0)
        let work: @Sendable (Int) -> Void = { [engine, encodeJSON] (i: Int) in
            switch batch[i] {
            case .failure(let e):
                slots.set(i, .failure(e))
            case .document(let input):
                slots.set(i, Self.analyse(input, engine: engine, encodeJSON: encodeJSON, prepare: prepare))
            }
        }
        let drain: @Sendable () -> Void = {
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if i >= batch.count { break }
                work(i)
            }
        }
        // The calling thread and `jobs - 1` threads of their own. Not `concurrentPerform`: its
        // helpers come from the same dispatch pool as Swift's tasks, which is as wide as the
        // machine has cores, so while a batch was analysed `ingest` could neither read the next
        // one nor hear back from the store (measured: 20 ms of waiting per batch on 2 cores).
        let helpers = min(jobs, batch.count) - 1
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<max(0, helpers) {
            Thread.detachNewThread {
                drain()
                done.signal()
            }
        }
        drain()
        for _ in 0..<max(0, helpers) { done.wait() }
        return slots.take()
    }
}

extension ParallelAnalysis {
    /// One document: analysed, encoded (when `encodeJSON`) and prepared; a ``CronistaError`` without
    /// a file is given the document's origin. The one analysis step of every caller.
    static func analyse<T>(
        _ input: DocumentInput, engine: Engine, encodeJSON: Bool, namingOrigin: Bool = true,
        prepare: (DocumentInput, Document, [UInt8]) throws -> T
    ) -> Result<T, any Error> {
        do {
            let doc = try engine.analyze(input)
            return .success(try prepare(input, doc, encodeJSON ? doc.analysisJSON() : []))
        } catch var e as CronistaError {
            if namingOrigin, e.file == nil { e.file = input.origin }
            return .failure(e)
        } catch {
            return .failure(error)
        }
    }

    /// Analyses `inputs` concurrently, each document one job on `executor` (the server's thread
    /// pool, shared by every request, so that concurrent requests do not each start `jobs`
    /// threads); `prepare` runs in the same job. Results in input order, one per input. With
    /// `namingOrigin` false, errors are left as thrown (the server names the request line itself).
    public func analyse<T: Sendable>(
        _ inputs: [DocumentInput], on executor: some AnalysisExecutor, namingOrigin: Bool = true,
        prepare: @escaping @Sendable (DocumentInput, Document, [UInt8]) throws -> T
    ) async throws -> [Result<T, any Error>] {
        let engine = self.engine, encodeJSON = self.encodeJSON
        return try await withThrowingTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            for (i, input) in inputs.enumerated() {
                group.addTask {
                    try await executor.run {
                        (i, Self.analyse(input, engine: engine, encodeJSON: encodeJSON, namingOrigin: namingOrigin, prepare: prepare))
                    }
                }
            }
            var out = [Result<T, any Error>?](repeating: nil, count: inputs.count)
            for try await (i, r) in group { out[i] = r }
            return out.map { $0! }
        }
    }
}

/// Where ``ParallelAnalysis/analyse(_:on:prepare:)`` runs its blocking jobs: a thread pool of the
/// caller's (the server passes NIO's), never Swift's cooperative pool.
public protocol AnalysisExecutor: Sendable {
    /// Runs `job` on a thread of the executor and returns its value.
    func run<T: Sendable>(_ job: @escaping @Sendable () -> T) async throws -> T
}

/// One result slot per document of a batch, written by exactly one worker each.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [Result<T, any Error>?]
    private let lock = Mutex<Void>(())

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ outcome: Result<T, any Error>) {
        lock.withLock { _ in slots[i] = outcome }
    }

    func take() -> [Result<T, any Error>] {
        lock.withLock { _ in slots.map { $0! } }
    }
}
