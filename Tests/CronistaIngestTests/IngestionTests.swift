import CronistaCore
import CronistaIngest
import CronistaNLP
import CronistaStorage
import CronistaStorageSQLite
import CronistaTestSupport
import Foundation
import Testing

/// The ingest library on its own, as a program of someone else's would use it: real documents
/// (the seed and Italian Wikinews dev), a temporary SQLite store, the events it reports.
@Suite("Ingest library")
struct IngestionTests {
    static let engine: Engine = {
        do { return try Engine() } catch { fatalError("engine: \(error)") }
    }()

    /// The seed, then the first `count` dev documents, as a JSON Lines file with one bad line in
    /// the middle (line 4: not JSON); returns the file and the ids of the good documents in order.
    static func inputFile(in dir: TemporaryDirectory, count: Int) throws -> (path: String, ids: [String]) {
        let seed = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        let dev = try Fixtures.jsonLines("data/quotes/it-wikinews/dev.docs.jsonl").prefix(count)
        var lines = [try Self.line(["id": "seed", "text": seed])]
        var ids = ["seed"]
        for d in dev {
            lines.append(try Self.line(["id": d["id"] as! String, "text": d["text"] as! String]))
            ids.append(d["id"] as! String)
        }
        lines.insert("{not json", at: 3)
        let url = dir.file("inputs.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return (url.path, ids)
    }

    static func line(_ object: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("Seed and 20 dev documents into SQLite: all stored once, the bad line reported with file and line, a second run stores nothing")
    func ingestTwice() async throws {
        let dir = try TemporaryDirectory()
        let (path, ids) = try Self.inputFile(in: dir, count: 20)
        let store = try SQLiteDocumentStore(path: dir.file("archive.sqlite").path)
        let ingestion = Ingestion(engine: Self.engine, batchSize: 4, jobs: 2)

        var unreadable: [String] = []
        var progress: [Int] = []
        let first = try await ingestion.run(InputSource(paths: [path]), into: store) { event in
            switch event {
            case .unreadable(let e): unreadable.append("\(e)")
            case .progress(let n): progress.append(n)
            case .notAnalysed(let e), .notStored(_, let e): Issue.record("unexpected: \(e)")
            case .read: break
            }
        }
        #expect(first == Ingestion.Tally(stored: 21, skipped: 0, failed: 1))
        #expect(unreadable.count == 1)
        #expect(unreadable.first?.hasPrefix("\(path):4: ") == true, "\(unreadable)")
        #expect(progress == progress.sorted() && progress.last == 22, "\(progress)")
        #expect(try await store.statistics().documents == 21)
        for id in ids { #expect(try await store.contains(id: id), "\(id) stored") }

        // What was stored is what `analyze` writes for the same document.
        let stored = try #require(try await store.analysisJSON(documentID: "seed"))
        let seed = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        let direct = try Self.engine.analyze(DocumentInput(id: "seed", text: seed, origin: "seed")).analysisJSON()
        #expect(stored == String(decoding: direct, as: UTF8.self))

        let second = try await ingestion.run(InputSource(paths: [path]), into: store)
        #expect(second == Ingestion.Tally(stored: 0, skipped: 21, failed: 1))
        #expect(try await store.statistics().documents == 21)
        try await store.close()
    }

    @Test("Same text under a new id, same id twice, in one run: each stored once")
    func duplicatesInOneRun() async throws {
        let dir = try TemporaryDirectory()
        let store = try SQLiteDocumentStore(path: dir.file("archive.sqlite").path)
        let seed = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        let docs = [
            DocumentInput(id: "a", text: seed, origin: "t:1"),
            DocumentInput(id: "b", text: seed, origin: "t:2"),  // same text
            DocumentInput(id: "c", text: "Il sindaco ha detto: «Domani si vota».", origin: "t:3"),
            DocumentInput(id: "c", text: "Un altro testo.", origin: "t:4")  // same id
        ]
        let tally = try await Ingestion(engine: Self.engine, batchSize: 2, jobs: 2).run(DocumentList(docs), into: store)
        #expect(tally == Ingestion.Tally(stored: 2, skipped: 2, failed: 0))
        let a = try await store.contains(id: "a"), b = try await store.contains(id: "b"), c = try await store.contains(id: "c")
        #expect(a && !b && c)
        try await store.close()
    }

    @Test("The batch pipeline delivers in input order on two threads, failures in their place, output as one thread's")
    func parallelOrder() throws {
        let dir = try TemporaryDirectory()
        let (path, ids) = try Self.inputFile(in: dir, count: 30)
        func outputs(jobs: Int, batch: Int) -> [String] {
            var source = InputSource(paths: [path])
            var out: [String] = []
            ParallelAnalysis(engine: Self.engine, jobs: jobs, batchSize: batch).run(&source) { outcome in
                switch outcome {
                case .analysed(let input, _, let json): out.append(input.id + "\t" + String(decoding: json, as: UTF8.self))
                case .failed(let e): out.append("error\t\(e)")
                }
            }
            return out
        }
        let parallel = outputs(jobs: 2, batch: 5)
        var expected = ids
        expected.insert("error", at: 3)
        #expect(parallel.map { String($0.prefix { $0 != "\t" }) } == expected)
        #expect(parallel == outputs(jobs: 1, batch: 64))
    }
}
