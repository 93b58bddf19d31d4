import CronistaCore
import CronistaNLP
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Analyses a stream of inputs on several threads and hands the results back in input order.
///
/// Inputs are read in bounded batches (back-pressure: at most `batchSize` documents are in memory),
/// each batch is spread over `jobs` workers sharing one read-only engine, and results are
/// delivered in the order the documents were read, so the output of `--jobs 8` is byte-identical
/// to `--jobs 1`.
struct ParallelAnalysis {
    enum Outcome {
        case analysed(input: DocumentInput, document: Document, json: [UInt8])
        case failed(CronistaError)
    }

    let engine: Engine
    let jobs: Int
    let batchSize: Int
    /// Also encode each document's JSON on the worker (the CLI writes it; `ingest` stores it).
    let encodeJSON: Bool

    init(engine: Engine, jobs: Int, batchSize: Int? = nil, encodeJSON: Bool = true) {
        self.engine = engine
        self.jobs = max(1, jobs)
        self.batchSize = batchSize ?? max(64, 32 * max(1, jobs))
        self.encodeJSON = encodeJSON
    }

    /// Runs over every item of `source`; `deliver` is called on the calling thread, in input order.
    func run(_ source: inout InputSource, deliver: (Outcome) throws -> Void) rethrows {
        while true {
            var batch: [InputSource.Item] = []
            batch.reserveCapacity(batchSize)
            while batch.count < batchSize, let item = source.next() { batch.append(item) }
            if batch.isEmpty { return }
            let results = process(batch)
            for r in results { try deliver(r) }
        }
    }

    func process(_ batch: [InputSource.Item]) -> [Outcome] {
        process(batch) { input, doc, json in (input, doc, json) }.map { r in
            switch r {
            case .success(let (input, doc, json)): .analysed(input: input, document: doc, json: json)
            case .failure(let e): .failed(e as? CronistaError ?? CronistaError(.invalidInput, "\(e)"))
            }
        }
    }

    /// Analyses `batch` on `jobs` workers; each worker also runs `prepare` on its document (so
    /// `ingest` builds its rows in parallel too). Results come back in input order.
    func process<T: Sendable>(
        _ batch: [InputSource.Item],
        prepare: @escaping @Sendable (DocumentInput, Document, [UInt8]) throws -> T
    ) -> [Result<T, any Error>] {
        let slots = ResultSlots<T>(count: batch.count)
        let next = Atomic<Int>(0)
        let work: @Sendable (Int) -> Void = { [engine, encodeJSON] (i: Int) in
            switch batch[i] {
            case .failure(let e):
                slots.set(i, .failure(e))
            case .document(let input):
                do {
                    let doc = try engine.analyze(input)
                    slots.set(i, .success(try prepare(input, doc, encodeJSON ? doc.analysisJSON() : [])))
                } catch var e as CronistaError {
                    if e.file == nil { e.file = input.origin }
                    slots.set(i, .failure(e))
                } catch {
                    slots.set(i, .failure(error))
                }
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

/// Progress on standard error for a person watching (`analyze`, `ingest`): documents, articles/s,
/// tokens/s and, when the input size is known, an ETA. Redrawn at most four times a second.
final class ProgressReporter: @unchecked Sendable {
    let enabled: Bool
    let totalBytes: Int?
    let start = ContinuousClock.now
    var lastDraw = ContinuousClock.now
    var drawn = false
    var documents = 0
    var errors = 0
    var tokens = 0
    var bytes = 0

    init(enabled: Bool, totalBytes: Int?) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// One document analysed (or failed), for `analyze`.
    func record(document: Document?, error: Bool) {
        if let d = document {
            documents += 1
            tokens += d.tokens.count
            bytes += d.text.utf8.count
        }
        if error { errors += 1 }
        redraw()
    }

    /// Input consumed, for the ETA, when documents are counted elsewhere (`ingest`).
    func advance(bytes n: Int) { bytes += n }

    /// The number of documents done so far (`ingest` counts stored, skipped and failed ones).
    func setDocuments(_ n: Int) {
        documents = n
        redraw()
    }

    func redraw() {
        guard enabled else { return }
        let now = ContinuousClock.now
        if now - lastDraw > .milliseconds(250) {
            lastDraw = now
            draw(final: false)
        }
    }

    /// Erases the progress line so that a message can be printed in its place.
    func clearLine() {
        if drawn { printError("\r\u{1B}[K", newline: false) }
    }

    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    func draw(final: Bool) {
        let t = max(elapsed, 1e-9)
        var line = "\(documents) documents, \(fmt(Double(documents) / t)) articles/s"
        if tokens > 0 { line += ", \(fmt(Double(tokens) / t)) tokens/s" }
        if errors > 0 { line += ", \(errors) errors" }
        if let total = totalBytes, total > 0, !final, bytes > 0 {
            let rate = Double(bytes) / t
            let left = Double(max(0, total - bytes)) / max(rate, 1)
            line += ", \(min(100, Int(100 * Double(bytes) / Double(total))))%, ETA \(Int(left.rounded())) s"
        }
        if final {
            printError((enabled ? "\r\u{1B}[K" : "") + "cronista: \(documents) documents, \(errors) errors in \(fmt(t)) s (\(fmt(Double(documents) / t)) articles/s)")
        } else {
            printError("\r\u{1B}[K" + line, newline: false)
            drawn = true
        }
    }

    private func fmt(_ v: Double) -> String {
        if v >= 100 { return String(Int(v.rounded())) }
        return String(Double(Int(v * 10)) / 10)
    }
}
