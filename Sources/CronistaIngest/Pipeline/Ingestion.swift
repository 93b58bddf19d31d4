public import CronistaCore
public import CronistaNLP
public import CronistaStorage
public import Foundation

/// Analyses documents and keeps them in a store: the loop of `cronista ingest`, for any
/// ``DocumentSource`` and any ``DocumentStore``.
///
/// Three stages overlap: batch k+1 is read, hashed and checked against the store
/// (``BatchReader``) while batch k is analysed on every core and batch k-1 is stored (one
/// transaction per batch). Before the reading overlapped, it cost 15 % of ingest's time with one
/// core idle (measured on the 1,310 KIND articles). A document already stored (same id or same
/// text) is skipped and counted; running the same input again stores nothing new.
public struct Ingestion: Sendable {
    public let engine: Engine
    /// Documents per transaction.
    public let batchSize: Int
    /// Threads analysing each batch.
    public let jobs: Int
    /// A document whose id is stored with another text replaces it (`ingest --replace`), instead
    /// of being skipped; the same text is still skipped.
    public let replacing: Bool

    public init(engine: Engine, batchSize: Int = 200, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, replacing: Bool = false) {
        self.engine = engine
        self.batchSize = max(1, batchSize)
        self.jobs = max(1, jobs)
        self.replacing = replacing
    }

    /// What happened to the documents of a run.
    public struct Tally: Hashable, Sendable {
        public var stored = 0, skipped = 0, failed = 0, replaced = 0
        public init(stored: Int = 0, skipped: Int = 0, failed: Int = 0, replaced: Int = 0) {
            self.stored = stored
            self.skipped = skipped
            self.failed = failed
            self.replaced = replaced
        }

        mutating func add(_ r: StoreResult) {
            stored += r.stored.count
            replaced += r.replaced.count
            // A conflict (the id stored with another text, not replaced) is a skip, as before.
            skipped += r.skipped.count + r.conflicts.count
        }
    }

    /// What the loop reports while it runs, in input order of the batches.
    public enum Event {
        /// An input that could not be read (with its file, line or byte offset).
        case unreadable(CronistaError)
        /// A document that could not be analysed or turned into rows.
        case notAnalysed(any Error)
        /// A document whose transaction failed, also alone.
        case notStored(id: String, any Error)
        /// `bytesRead` more input bytes were read (for an ETA).
        case read(bytes: Int)
        /// Documents done so far: stored, skipped, failed, and analysed ones about to be stored.
        case progress(documents: Int)
    }

    /// Runs over every item of `source`, storing the new documents in `store` in input order.
    ///
    /// - Throws: what the store throws when it cannot be asked for existing keys (a document that
    ///   cannot be stored is reported as ``Event/notStored(id:_:)`` and counted, not thrown).
    public func run(_ source: some DocumentSource, into store: any DocumentStore, report: (Event) -> Void = { _ in }) async throws -> Tally
    {
        var tally = Tally()
        let analysis = ParallelAnalysis(engine: engine, jobs: jobs)
        let reader = BatchReader(source, size: batchSize, replacing: replacing)
        var upcoming: Task<BatchReader.Batch, any Error>? = Task { try await reader.next(from: store) }
        var pending: Task<StoreResult, any Error>?
        var pendingDocs: [StorableDocument] = []
        while let next = upcoming {
            let b = try await next.value
            upcoming = b.last ? nil : Task { try await reader.next(from: store) }
            for e in b.failures {
                tally.failed += 1
                report(.unreadable(e))
            }
            tally.skipped += b.skipped
            report(.read(bytes: b.bytes))
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
                        report(.notAnalysed(error))
                    }
                }
                if let p = pending { try await settle(p, pendingDocs, store, &tally, report) }
                let toStore = docs
                pending = toStore.isEmpty ? nil : Task { [toStore, replacing] in try await store.store(toStore, replacing: replacing) }
                pendingDocs = toStore
                report(.progress(documents: tally.stored + tally.replaced + tally.skipped + tally.failed + docs.count))
            }
        }
        if let p = pending { try await settle(p, pendingDocs, store, &tally, report) }
        return tally
    }

    /// Waits for a batch's transaction. When it failed, it was rolled back whole: the documents
    /// are stored one by one, so one bad document costs only itself.
    func settle(
        _ task: Task<StoreResult, any Error>, _ docs: [StorableDocument], _ store: any DocumentStore,
        _ tally: inout Tally, _ report: (Event) -> Void
    ) async throws {
        do {
            tally.add(try await task.value)
        } catch {
            for d in docs {
                do {
                    tally.add(try await store.store([d], replacing: replacing))
                } catch {
                    tally.failed += 1
                    report(.notStored(id: d.id, error))
                }
            }
        }
    }

    /// One document analysed and turned into the rows to store, as the loop does: for callers that
    /// get their documents one at a time (the PostgreSQL queue worker). Errors are thrown as the
    /// engine threw them (the queue names the document itself).
    public func storable(_ input: DocumentInput, contentHash: String? = nil) throws -> StorableDocument {
        try ParallelAnalysis.analyse(input, engine: engine, encodeJSON: true, namingOrigin: false) { _, doc, json in
            try StorableDocument(document: doc, analysisJSON: json, contentHash: contentHash)
        }.get()
    }
}

/// Reads the inputs a batch at a time and drops the documents already stored (same id or same
/// text) or repeated, so that only new ones are analysed. ``Ingestion`` asks for batch k+1 while
/// batch k is analysed; calls never overlap (each is awaited before the next starts), which is what
/// makes the unguarded state safe.
final class BatchReader: @unchecked Sendable {
    struct Batch: Sendable {
        /// New documents, in input order.
        var fresh: [SourceItem] = []
        /// Content hash by document id, computed here once.
        var hashes: [String: String] = [:]
        /// Inputs that could not be read (with file and line).
        var failures: [CronistaError] = []
        /// Documents already stored or repeated.
        var skipped = 0
        /// Input bytes consumed, for the ETA.
        var bytes = 0
        /// No input is left after this batch.
        var last = false
    }

    /// An existential, not a generic parameter: the reader is used from tasks, and a source's
    /// metatype need not be `Sendable` (one dynamic call a document).
    private var source: any DocumentSource
    private let size: Int
    /// Ids already stored are not skipped (their document may replace the stored one).
    private let replacing: Bool
    /// Keys of the two batches before: still being analysed or stored, so not yet in the store's
    /// snapshot. (Anything that slips through is skipped by the store itself, never doubled.)
    private var recent: [(ids: Set<String>, hashes: Set<String>)] = []

    init(_ source: any DocumentSource, size: Int, replacing: Bool = false) {
        self.source = source
        self.size = size
        self.replacing = replacing
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
        var ids = replacing ? [] : known.ids, seenHashes = known.hashes
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
