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
        let engine = try Engine(options: .init(nerModelPath: model))
        let location = try store.location()
        let progress = ProgressReporter(enabled: ProgressReporter.stderrIsTerminal, totalBytes: InputSource.totalBytes(of: files))
        let tally: Tally
        if queue {
            guard case .postgres(let url) = location else { throw ValidationError("--queue needs a postgres:// --db") }
            let pg = try await PostgresDocumentStore(url: url)
            tally = try await runQueue(pg, engine: engine, progress: progress)
            try await pg.close()
        } else {
            let s = try await store.open()
            tally = try await runDirect(s, engine: engine, progress: progress)
            try await s.close()
        }
        progress.clearLine()
        printError("cronista: \(tally.stored) stored, \(tally.skipped) skipped, \(tally.failed) failed in \(String(format: "%.1f", progress.elapsed)) s")
        if tally.failed > 0 { throw ExitCode(65) }
    }

    struct Tally { var stored = 0, skipped = 0, failed = 0 }

    /// Read a batch, drop what is stored already, analyse the rest, store it while the next batch
    /// is analysed (one transaction per batch).
    func runDirect(_ s: any DocumentStore, engine: Engine, progress: ProgressReporter) async throws -> Tally {
        var tally = Tally()
        let analysis = ParallelAnalysis(engine: engine, jobs: ProcessInfo.processInfo.activeProcessorCount)
        var source = InputSource(paths: files)
        var pending: Task<StoreResult, any Error>?
        var pendingDocs: [StorableDocument] = []
        var exhausted = false
        while !exhausted {
            var inputs: [DocumentInput] = []
            while inputs.count < batch {
                guard let item = source.next() else { exhausted = true; break }
                switch item {
                case .failure(let e):
                    tally.failed += 1
                    progress.clearLine()
                    printError("cronista: error: \(e)")
                case .document(let d):
                    inputs.append(d)
                }
            }
            // Already stored (same id or same text), or repeated inside this batch: skipped.
            let hashes = inputs.map { StorableDocument.contentHash(of: $0.text) }
            let known = try await s.existing(ids: inputs.map(\.id), hashes: hashes)
            var seenIDs = known.ids, seenHashes = known.hashes
            var fresh: [InputSource.Item] = []
            var freshHashes: [String: String] = [:]
            for (input, hash) in zip(inputs, hashes) {
                progress.advance(bytes: input.text.utf8.count + 64)
                guard !seenIDs.contains(input.id), !seenHashes.contains(hash) else {
                    tally.skipped += 1
                    continue
                }
                seenIDs.insert(input.id)
                seenHashes.insert(hash)
                fresh.append(.document(input))
                freshHashes[input.id] = hash
            }
            // Analysed on every core, in input order, exactly as `analyze` does; the rows to store
            // are built on the same workers.
            var docs: [StorableDocument] = []
            let results = analysis.process(fresh) { [freshHashes] input, doc, json in
                try StorableDocument(document: doc, analysisJSON: json, contentHash: freshHashes[input.id])
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

    /// Total bytes of the input files, when all are regular files (for the ETA).
}
