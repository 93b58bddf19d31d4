import ArgumentParser
import CronistaCore
import CronistaNLP
import CronistaStorage
import CronistaStoragePostgres
import Foundation

struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse documents and keep them in the store (SQLite by default, or PostgreSQL).",
        discussion: """
        Inputs as for `analyze`. Each batch is one transaction, so an interrupted run (Ctrl-C, kill -9) \
        leaves a consistent store and running the same command again completes the job. A document \
        already stored (same id or same text) is skipped and counted. With a postgres:// --db and \
        --queue, several workers (on one or many machines) share the documents through a queue table: \
        each claims batches with FOR UPDATE SKIP LOCKED, so no document is processed twice.
        """
    )

    @Argument(help: "Input files (.txt or .jsonl); none or '-' for JSON Lines on standard input.")
    var files: [String] = []

    @OptionGroup var store: StoreOptions

    @Option(help: "Documents per transaction.")
    var batch: Int = 200

    @Flag(help: "PostgreSQL only: enqueue the inputs, then work the shared queue with other workers.")
    var queue = false

    @Option(help: "This worker's name in the queue (default: host:pid).")
    var worker: String?

    @Option(help: "NER model file (default: the embedded Italian model).")
    var model: String?

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() async throws {
        if queue, case .sqlite = try store.location() { throw ValidationError("--queue needs a postgres:// --db") }
        // The store is opened (and migrated, or connected to) while the model loads.
        async let opening = store.open()
        let engine: Engine
        do {
            engine = try Engine(options: .init(nerModelPath: model))
        } catch {
            try? await opening.close()
            throw error
        }
        let s = try await opening
        let progress = ProgressReporter(enabled: ProgressReporter.stderrIsTerminal, totalBytes: InputSource.totalBytes(of: files))
        let tally: Tally
        do {
            if queue, let pg = s as? PostgresDocumentStore {
                tally = try await runQueue(pg, engine: engine, progress: progress)
            } else {
                tally = try await runDirect(s, engine: engine, progress: progress)
            }
        } catch {
            try? await s.close()
            throw error
        }
        try await s.close()
        progress.clearLine()
        printError("cronista: \(tally.stored) stored, \(tally.skipped) skipped, \(tally.failed) failed in \(String(format: "%.1f", progress.elapsed)) s")
        if tally.failed > 0 { throw ExitCode(65) }
    }

    struct Tally { var stored = 0, skipped = 0, failed = 0 }

    /// Three stages overlap: batch k+1 is read, hashed and checked against the store
    /// (``BatchReader``) while batch k is analysed on every core and batch k-1 is stored (one
    /// transaction per batch). Before the reading overlapped, it cost 15 % of ingest's time
    /// with one core idle (measured on the 1,310 KIND articles).
    func runDirect(_ s: any DocumentStore, engine: Engine, progress: ProgressReporter) async throws -> Tally {
        var tally = Tally()
        let analysis = ParallelAnalysis(engine: engine, jobs: ProcessInfo.processInfo.activeProcessorCount)
        let reader = BatchReader(InputSource(paths: files), size: batch)
        var upcoming: Task<BatchReader.Batch, any Error>? = Task { try await reader.next(from: s) }
        var pending: Task<StoreResult, any Error>?
        var pendingDocs: [StorableDocument] = []
        while let next = upcoming {
            let b = try await next.value
            upcoming = b.last ? nil : Task { try await reader.next(from: s) }
            for e in b.failures {
                tally.failed += 1
                progress.clearLine()
                printError("cronista: error: \(e)")
            }
            tally.skipped += b.skipped
            progress.advance(bytes: b.bytes)
            // The last batch goes in quarters: only the last quarter's transaction is then left
            // to wait for once the analysis is over.
            let parts = b.last ? b.fresh.chunks(of: max(16, (b.fresh.count + 3) / 4)) : [b.fresh[...]]
            for part in parts {
                // Analysed on every core, in input order, exactly as `analyze` does; the rows to
                // store are built on the same workers.
                var docs: [StorableDocument] = []
                let results = analysis.process(Array(part)) { [hashes = b.hashes] input, doc, json in
                    try StorableDocument(document: doc, analysisJSON: json, contentHash: hashes[input.id])
                }
                for r in results {
                    switch r {
                    case .success(let d): docs.append(d)
                    case .failure(let error):
                        tally.failed += 1
                        progress.clearLine()
                        printError("cronista: error: \(error)")
                    }
                }
                if let p = pending { try await settle(p, pendingDocs, s, &tally, progress) }
                let toStore = docs
                pending = toStore.isEmpty ? nil : Task { [toStore] in try await s.store(toStore) }
                pendingDocs = toStore
                progress.setDocuments(tally.stored + tally.skipped + tally.failed + docs.count)
            }
        }
        if let p = pending { try await settle(p, pendingDocs, s, &tally, progress) }
        return tally
    }

    /// Waits for a batch's transaction. When it failed, it was rolled back whole: the documents
    /// are stored one by one, so one bad document costs only itself.
    func settle(_ task: Task<StoreResult, any Error>, _ docs: [StorableDocument], _ s: any DocumentStore, _ tally: inout Tally, _ progress: ProgressReporter) async throws {
        do {
            let r = try await task.value
            tally.stored += r.stored.count
            tally.skipped += r.skipped.count
        } catch {
            for d in docs {
                do {
                    let r = try await s.store([d])
                    tally.stored += r.stored.count
                    tally.skipped += r.skipped.count
                } catch {
                    tally.failed += 1
                    progress.clearLine()
                    printError("cronista: error: document \(d.id): not stored: \(error)")
                }
            }
        }
    }

    func runQueue(_ pg: PostgresDocumentStore, engine: Engine, progress: ProgressReporter) async throws -> Tally {
        var tally = Tally()
        var source = InputSource(paths: files)
        var items: [QueueItem] = []
        var queued = 0
        while let item = source.next() {
            switch item {
            case .failure(let e):
                tally.failed += 1
                printError("cronista: error: \(e)")
            case .document(let d):
                let m = d.metadata
                items.append(QueueItem(id: d.id, text: d.text, title: m.title, published: m.published, source: m.source, url: m.url, language: m.declaredLanguage, origin: d.origin))
                if items.count >= 500 {
                    queued += try await pg.enqueue(items)
                    items.removeAll(keepingCapacity: true)
                }
            }
        }
        queued += try await pg.enqueue(items)
        let name = worker ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        progress.clearLine()
        printError("cronista: \(queued) documents queued; worker \(name) starting")
        let report = try await pg.runQueueWorker(name: name, batchSize: batch, process: { item in
            let input = DocumentInput(
                id: item.id, text: item.text,
                metadata: DocumentMetadata(title: item.title, published: item.published, source: item.source, url: item.url, declaredLanguage: item.language),
                origin: item.origin)
            let doc = try engine.analyze(input)
            return try StorableDocument(document: doc, analysisJSON: doc.analysisJSON())
        }, progress: { r in
            progress.setDocuments(r.stored.count + r.skipped.count + r.failed.count)
        })
        for f in report.failed {
            progress.clearLine()
            printError("cronista: error: \(f.message)")
        }
        tally.stored += report.stored.count
        tally.skipped += report.skipped.count
        tally.failed += report.failed.count
        return tally
    }
}

/// Reads the inputs a batch at a time and drops the documents already stored (same id or same
/// text) or repeated, so that only new ones are analysed. `Ingest` asks for batch k+1 while batch k
/// is analysed; calls never overlap (each is awaited before the next starts), which is what makes
/// the unguarded state safe.
final class BatchReader: @unchecked Sendable {
    struct Batch: Sendable {
        /// New documents, in input order.
        var fresh: [InputSource.Item] = []
        /// Content hash by document id, computed here once.
        var hashes: [String: String] = [:]
        /// Inputs that could not be read (with file and line).
        var failures: [any Error] = []
        /// Documents already stored or repeated.
        var skipped = 0
        /// Input bytes consumed, for the ETA.
        var bytes = 0
        /// No input is left after this batch.
        var last = false
    }

    private var source: InputSource
    private let size: Int
    /// Keys of the two batches before: still being analysed or stored, so not yet in the store's
    /// snapshot. (Anything that slips through is skipped by the store itself, never doubled.)
    private var recent: [(ids: Set<String>, hashes: Set<String>)] = []

    init(_ source: InputSource, size: Int) {
        self.source = source
        self.size = size
    }

    func next(from store: any DocumentStore) async throws -> Batch {
        var b = Batch()
        var inputs: [DocumentInput] = []
        while inputs.count < size {
            guard let item = source.next() else { b.last = true; break }
            switch item {
            case .failure(let e): b.failures.append(e)
            case .document(let d): inputs.append(d)
            }
        }
        let hashes = inputs.map { StorableDocument.contentHash(of: $0.text) }
        let known = inputs.isEmpty ? ExistingKeys() : try await store.existing(ids: inputs.map(\.id), hashes: hashes)
        var ids = known.ids, seenHashes = known.hashes
        for r in recent {
            ids.formUnion(r.ids)
            seenHashes.formUnion(r.hashes)
        }
        var mine: (ids: Set<String>, hashes: Set<String>) = ([], [])
        for (input, hash) in zip(inputs, hashes) {
            b.bytes += input.text.utf8.count + 64
            guard !ids.contains(input.id), !seenHashes.contains(hash) else {
                b.skipped += 1
                continue
            }
            ids.insert(input.id)
            seenHashes.insert(hash)
            mine.ids.insert(input.id)
            mine.hashes.insert(hash)
            b.fresh.append(.document(input))
            b.hashes[input.id] = hash
        }
        recent.append(mine)
        if recent.count > 2 { recent.removeFirst() }
        return b
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements (none for an empty array).
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
