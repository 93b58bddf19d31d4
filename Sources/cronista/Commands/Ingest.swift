import ArgumentParser
import CronistaCore
import CronistaIngest
import CronistaNLP
import CronistaStorage
#if Postgres
    import CronistaStoragePostgres
#endif
import Foundation

struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse documents and keep them in the store (SQLite by default, or PostgreSQL).",
        discussion: """
            Inputs as for `analyze`. Each batch is one transaction, so an interrupted run (Ctrl-C, kill -9) \
            leaves a consistent store and running the same command again completes the job. A document \
            already stored (same id or same text) is skipped and counted; with --replace, a document whose id is \
            stored with a different text (a corrected article) replaces it, with its entities and quotes. With a postgres:// --db and \
            --queue, several workers (on one or many machines) share the documents through a queue table: \
            each claims batches with FOR UPDATE SKIP LOCKED, so no document is processed twice.
            """
    )

    @Argument(
        help:
            "Input files (.txt, .jsonl or .html), or http(s) URLs of article pages; none or '-' for standard input (JSON Lines or plain text)."
    )
    var files: [String] = []

    @OptionGroup var input: InputArguments

    @OptionGroup var store: StoreOptions

    @Option(help: "Documents per transaction.")
    var batch: Int = 200

    @Flag(help: "Replace a stored document that has the same id and a different text (a corrected article).")
    var replace = false

    @Flag(help: "PostgreSQL only: enqueue the inputs, then work the shared queue with other workers.")
    var queue = false

    @Option(help: "This worker's name in the queue (default: host:pid).")
    var worker: String?

    @Option(help: "NER model file (default: the embedded Italian model).")
    var model: String?

    @Flag(
        help: ArgumentHelp(
            "Store analyses made already: each input line is an analysis (as `cronista analyze` writes it) with the document's \"text\".",
            discussion: "Nothing is analysed again; the offsets are checked against the text."))
    var analysed = false

    func validate() throws {
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
        try input.validate(files: files)
        if replace && queue { throw ValidationError("--replace and --queue exclude each other: the queue stores each id once") }
        if analysed && queue { throw ValidationError("--analysed and --queue exclude each other: the queue holds texts to analyse") }
        if analysed && model != nil { throw ValidationError("--analysed stores analyses made already: no --model is used") }
        if files.contains(where: Self.isURL) && !files.allSatisfy(Self.isURL) {
            throw ValidationError("give either URLs or files, not both")
        }
        if files.contains(where: Self.isURL) && (queue || analysed) {
            throw ValidationError("URLs are ingested directly: no --queue or --analysed")
        }
    }

    func run() async throws {
        if queue, case .sqlite = try store.location() { throw ValidationError("--queue needs a postgres:// --db") }
        if analysed {
            let s = try await store.open()
            let started = Date()
            let tally: Tally
            do { tally = try await runAnalysed(s) } catch {
                try? await s.close()
                throw error
            }
            try await s.close()
            let replaced = replace ? "\(tally.replaced) replaced, " : ""
            printError(
                "cronista: \(tally.stored) stored, \(replaced)\(tally.skipped) skipped, \(tally.failed) failed in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
            )
            if tally.failed > 0 { throw ExitCode(65) }
            return
        }
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
            #if Postgres
                if queue, let pg = s as? PostgresDocumentStore {
                    tally = try await runQueue(pg, engine: engine, progress: progress)
                } else {
                    tally = try await runDirect(s, engine: engine, progress: progress)
                }
            #else
                tally = try await runDirect(s, engine: engine, progress: progress)
            #endif
        } catch {
            try? await s.close()
            throw error
        }
        try await s.close()
        progress.clearLine()
        let replaced = replace ? "\(tally.replaced) replaced, " : ""
        printError(
            "cronista: \(tally.stored) stored, \(replaced)\(tally.skipped) skipped, \(tally.failed) failed in \(String(format: "%.1f", progress.elapsed)) s"
        )
        if tally.failed > 0 { throw ExitCode(65) }
    }

    typealias Tally = Ingestion.Tally

    /// The three-stage loop of the ingest library (``Ingestion``), its events printed as before.
    func runDirect(_ s: any DocumentStore, engine: Engine, progress: ProgressReporter) async throws -> Tally {
        let ingestion = Ingestion(engine: engine, batchSize: batch, replacing: replace)
        if !files.isEmpty, files.allSatisfy(Self.isURL) {
            return try await ingestion.run(DocumentList(items: try await fetchedPages(files)), into: s) { report($0, progress) }
        }
        return try await ingestion.run(InputSource(paths: files, options: input.options()), into: s) { report($0, progress) }
    }

    func report(_ event: Ingestion.Event, _ progress: ProgressReporter) {
        switch event {
        case .unreadable(let e):
            progress.clearLine()
            printError("cronista: error: \(e)")
        case .notAnalysed(let error):
            progress.clearLine()
            printError("cronista: error: \(error)")
        case .notStored(let id, let error):
            progress.clearLine()
            printError("cronista: error: document \(id): not stored: \(error)")
        case .read(let bytes):
            progress.advance(bytes: bytes)
        case .progress(let documents):
            progress.setDocuments(documents)
        }
    }

    #if Postgres
        /// Enqueues the inputs, then works the shared queue; each document is analysed by the ingest
        /// library exactly as the direct loop does.
        func runQueue(_ pg: PostgresDocumentStore, engine: Engine, progress: ProgressReporter) async throws -> Tally {
            let ingestion = Ingestion(engine: engine, batchSize: batch)
            var tally = Tally()
            var source = InputSource(paths: files, options: input.options())
            var items: [QueueItem] = []
            var queued = 0
            while let item = source.next() {
                switch item {
                case .failure(let e):
                    tally.failed += 1
                    printError("cronista: error: \(e)")
                case .document(let d):
                    let m = d.metadata
                    items.append(
                        QueueItem(
                            id: d.id, text: d.text, title: m.title, published: m.published, source: m.source, url: m.url,
                            language: m.declaredLanguage, origin: d.origin))
                    if items.count >= 500 {
                        queued += try await pg.enqueue(items)
                        items.removeAll(keepingCapacity: true)
                    }
                }
            }
            queued += try await pg.enqueue(items)
            let name = worker ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
            progress.clearLine()
            printError("cronista: \(counted(queued, "document")) queued; worker \(name) starting")
            let report = try await pg.runQueueWorker(
                name: name, batchSize: batch,
                process: { item in
                    let input = DocumentInput(
                        id: item.id, text: item.text,
                        metadata: DocumentMetadata(
                            title: item.title, published: item.published, source: item.source, url: item.url,
                            declaredLanguage: item.language),
                        origin: item.origin)
                    return try ingestion.storable(input)
                },
                progress: { r in
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
    #endif
}
