import CronistaTestSupport
import Foundation
import Testing

/// `cronista export`: a store built by `cronista ingest`, exported as CSV and read back by Python's
/// `csv` module (every field intact: commas, doubled quotes, line breaks, accents), and as JSON
/// Lines page by page, equal to one big search.
@Suite("cronista export")
struct ExportCommandTests {
    /// Our own article: quotes with commas, double quotes and a line break; a title and a source
    /// that need quoting too.
    static let article: [String: String] = [
        "id": "export-1",
        "title": "Porto, \"la svolta\"\nin città",
        "published": "2026-11-02",
        "source": "Gazzetta, edizione «nord»",
        "text": """
        Il sindaco Mario Bianchi ha dichiarato: «La città, però, è pronta: nessuno dirà "basta" al porto». \
        Poi ha aggiunto: «Lo faremo entro l'estate,
        perché i cittadini lo chiedono da anni».

        La ministra Giulia Neri ha risposto che «il governo, per ora, non ha fondi».
        """
    ]

    static func store(in dir: TemporaryDirectory, withDev: Bool) async throws -> String {
        let db = dir.file("archive.sqlite").path
        let input = dir.file("own.jsonl")
        let line = String(decoding: try JSONSerialization.data(withJSONObject: article, options: [.sortedKeys]), as: UTF8.self)
        try (line + "\n").write(to: input, atomically: true, encoding: .utf8)
        var files = [input.path]
        if withDev { files.append(Fixtures.sharedPath("data/quotes/it-wikinews/dev.docs.jsonl")) }
        let r = try await CLIRunner.run(["ingest"] + files + ["--db", db])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return db
    }

    /// The CSV file read by Python's `csv.DictReader`, as JSON.
    static func pythonRows(_ path: String) throws -> [[String: String]] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", "-c",
            "import csv, json, sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))))", path
        ]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
    }

    @Test("Quotes as CSV round-trip through Python's csv module with every field intact")
    func csvRoundTrip() async throws {
        let dir = try TemporaryDirectory()
        let db = try await Self.store(in: dir, withDev: false)
        let csvPath = dir.file("quotes.csv").path
        let csv = try await CLIRunner.run(["export", "quotes", "--db", db, "--format", "csv", "-o", csvPath])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("document,quote,kind,start,end,text,speaker,"))
        #expect(text.hasSuffix("\r\n"))

        let rows = try Self.pythonRows(csvPath)
        let json = try await CLIRunner.run(["export", "quotes", "--db", db, "--format", "jsonl"]).jsonLines
        #expect(rows.count == 3 && json.count == 3, "\(rows)")
        for (row, j) in zip(rows, json) {
            #expect(row["document"] == "export-1")
            #expect(row["quote"] == j["quote"] as? String)
            #expect(row["text"] == j["text"] as? String)
            #expect(row["start"] == (j["start"] as? Int).map { String($0) })
            #expect(row["end"] == (j["end"] as? Int).map { String($0) })
            #expect(row["speaker"] == (j["speaker"] as? [String: Any])?["name"] as? String)
            #expect(row["title"] == Self.article["title"])
            #expect(row["source"] == Self.article["source"])
            #expect(row["published"] == "2026-11-02")
        }
        #expect(
            rows.map { $0["text"] } == [
                "La città, però, è pronta: nessuno dirà \"basta\" al porto",
                "Lo faremo entro l'estate,\nperché i cittadini lo chiedono da anni",
                "il governo, per ora, non ha fondi"
            ])
        #expect(rows.map { $0["speaker"] } == ["Mario Bianchi", "Mario Bianchi", "Giulia Neri"])
    }

    @Test("--guard-formulas: cells a spreadsheet would evaluate (=, +, -, @) start with an apostrophe; the others are intact")
    func guardFormulas() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("formulas.sqlite").path
        let article: [String: String] = [
            "id": "formule-1", "title": "=SOMMA(A1:A9) e i conti del porto", "source": "@gazzetta, \"nord\"", "published": "2026-11-03",
            "text": "Il sindaco Mario Bianchi ha dichiarato: «I conti tornano, e il porto aprirà in estate»."
        ]
        let input = dir.file("formulas.jsonl")
        let line = String(decoding: try JSONSerialization.data(withJSONObject: article, options: [.sortedKeys]), as: UTF8.self)
        try (line + "\n").write(to: input, atomically: true, encoding: .utf8)
        #expect(try await CLIRunner.run(["ingest", input.path, "--db", db]).status == 0)

        let plainPath = dir.file("plain.csv").path
        let guardedPath = dir.file("guarded.csv").path
        #expect(try await CLIRunner.run(["export", "quotes", "--db", db, "-o", plainPath]).status == 0)
        let r = try await CLIRunner.run(["export", "quotes", "--db", db, "--guard-formulas", "-o", guardedPath])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let plain = try Self.pythonRows(plainPath)
        let guarded = try Self.pythonRows(guardedPath)
        #expect(plain.count == 1 && guarded.count == 1)
        #expect(plain.first?["title"] == "=SOMMA(A1:A9) e i conti del porto")
        #expect(guarded.first?["title"] == "'=SOMMA(A1:A9) e i conti del porto")
        // A field that needs quoting gets its apostrophe inside the quotes.
        #expect(plain.first?["source"] == "@gazzetta, \"nord\"")
        #expect(guarded.first?["source"] == "'@gazzetta, \"nord\"")
        #expect(guarded.first?["text"] == "I conti tornano, e il porto aprirà in estate")
        #expect(guarded.first?["speaker"] == "Mario Bianchi" && guarded.first?["start"] == plain.first?["start"])
        // JSON Lines are never touched.
        let jsonl = try await CLIRunner.run(["export", "quotes", "--db", db, "--format", "jsonl", "--guard-formulas"])
        #expect(jsonl.jsonLines.first?["text"] as? String == "I conti tornano, e il porto aprirà in estate")
    }

    @Test("Quotes and events exported a few rows a page equal one search of them all; a filter applies")
    func pagedEqualsSearch() async throws {
        let dir = try TemporaryDirectory()
        let db = try await Self.store(in: dir, withDev: true)
        let all = try await CLIRunner.run(["search", "quotes", "--db", db, "--limit", "100000", "--format", "jsonl"])
        let paged = try await CLIRunner.run(["export", "quotes", "--db", db, "--format", "jsonl", "--page-size", "7"])
        #expect(paged.status == 0, "stderr: \(paged.stderr)")
        #expect(all.jsonLines.count > 50)
        #expect(paged.stdout == all.stdout)

        let events = try await CLIRunner.run(["search", "events", "--db", db, "--limit", "100000", "--format", "jsonl"])
        let pagedEvents = try await CLIRunner.run(["export", "events", "--db", db, "--format", "jsonl", "--page-size", "5"])
        #expect(events.jsonLines.count > 10)
        #expect(pagedEvents.stdout == events.stdout)
        let eventsCSV = dir.file("events.csv").path
        let e = try await CLIRunner.run(["export", "events", "--db", db, "-o", eventsCSV, "--page-size", "5"])
        #expect(e.status == 0)
        #expect(try Self.pythonRows(eventsCSV).map { $0["event"] } == events.jsonLines.map { $0["event"] as? String })

        let neri = try await CLIRunner.run(["export", "quotes", "--db", db, "--speaker", "Neri", "--format", "jsonl"])
        #expect(neri.jsonLines.map { $0["text"] as? String } == ["il governo, per ora, non ha fondi"])
        let bad = try await CLIRunner.run(["export", "quotes", "--db", db, "--from", "2026-02-30"])
        #expect(bad.status != 0 && bad.stderr.contains("--from"))
    }
    @Test("Entities and documents without a filter: the whole store, a few rows a page, each once")
    func wholeStoreWithoutFilters() async throws {
        let dir = try TemporaryDirectory()
        let db = try await Self.store(in: dir, withDev: true)
        let devIDs = try String(contentsOfFile: Fixtures.sharedPath("data/quotes/it-wikinews/dev.docs.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
            }
        #expect(devIDs.count == 53)

        // Documents: every id once, in id order, whatever the page size.
        let documents = try await CLIRunner.run(["export", "documents", "--db", db, "--format", "jsonl", "--page-size", "7"])
        #expect(documents.status == 0, "stderr: \(documents.stderr)")
        let ids = documents.jsonLines.compactMap { $0["id"] as? String }
        #expect(ids.count == 54 && Set(ids) == Set(devIDs + ["export-1"]))
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let own = try #require(documents.jsonLines.first { $0["id"] as? String == "export-1" })
        #expect(own["title"] as? String == Self.article["title"] && own["published"] as? String == "2026-11-02")
        let csvPath = dir.file("documents.csv").path
        let csv = try await CLIRunner.run(["export", "documents", "--db", db, "-o", csvPath, "--page-size", "54"])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        #expect(try Self.pythonRows(csvPath).map { $0["id"] } == ids)

        // Entities: the same rows with pages of 5 as with one page, each (type, KB id or name) once.
        let paged = try await CLIRunner.run(["export", "entities", "--db", db, "--format", "jsonl", "--page-size", "5"])
        let one = try await CLIRunner.run(["export", "entities", "--db", db, "--format", "jsonl", "--page-size", "100000"])
        #expect(paged.status == 0, "stderr: \(paged.stderr)")
        #expect(paged.stdout == one.stdout)
        let rows = paged.jsonLines
        #expect(rows.count > 200, "\(rows.count) entities")
        let keys = rows.map { "\($0["type"] as? String ?? "")|\($0["kb"] as? String ?? $0["name"] as? String ?? "")" }
        #expect(Set(keys).count == keys.count)
        let bianchi = try #require(rows.first { $0["name"] as? String == "Mario Bianchi" })
        #expect(bianchi["type"] as? String == "PER" && bianchi["documents"] as? Int == 1)
        #expect(rows.contains { $0["name"] as? String == "Giulia Neri" })
        // With --name the search still applies.
        let stats = try await CLIRunner.run(["export", "entities", "--db", db, "--name", "Bianchi", "--format", "jsonl"])
        #expect(stats.jsonLines.contains { $0["name"] as? String == "Mario Bianchi" && $0["documents"] as? Int == 1 })
    }

    /// A Python with pyarrow: `CRONISTA_PYARROW_PYTHON` (set by `scripts/test`, which installs it),
    /// else the repository's `.venv-parquet`; `nil` when neither exists.
    static let pyarrowPython: String? = {
        if let p = ProcessInfo.processInfo.environment["CRONISTA_PYARROW_PYTHON"] { return p }
        let venv = Fixtures.repositoryRoot.appendingPathComponent(".venv-parquet/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : nil
    }()

    @Test(
        "Quotes as Parquet (several row groups) read by pyarrow equal the JSON Lines export",
        .enabled(if: pyarrowPython != nil, "no Python with pyarrow: scripts/test installs it in .venv-parquet"))
    func parquetReadByPyarrow() async throws {
        let python = try #require(Self.pyarrowPython)
        let dir = try TemporaryDirectory()
        let db = try await Self.store(in: dir, withDev: true)
        let path = dir.file("quotes.parquet").path
        let r = try await CLIRunner.run(["export", "quotes", "--db", db, "--format", "parquet", "-o", path, "--row-group-size", "16"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [
            "-c",
            """
            import json, sys, pyarrow.parquet as pq
            f = pq.ParquetFile(sys.argv[1])
            t = f.read()
            print(json.dumps({"groups": f.num_row_groups, "types": {n: str(t.schema.field(n).type) for n in t.column_names}, "rows": t.to_pylist()}))
            """,
            path
        ]
        let out = Pipe()
        p.standardOutput = out
        let data = try await CLIRunner.offPool {
            try p.run()
            defer { p.waitUntilExit() }
            return out.fileHandleForReading.readDataToEndOfFile()
        }
        #expect(p.terminationStatus == 0)
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(read["rows"] as? [[String: Any]])
        let json = try await CLIRunner.run(["export", "quotes", "--db", db, "--format", "jsonl"]).jsonLines
        #expect(rows.count == json.count && json.count > 50)
        #expect(read["groups"] as? Int == (json.count + 15) / 16)
        let types = try #require(read["types"] as? [String: String])
        #expect(types["start"] == "int64" && types["text"] == "string" && types["speaker_kb"] == "string")
        for (row, j) in zip(rows, json) {
            #expect(row["document"] as? String == j["document"] as? String)
            #expect(row["text"] as? String == j["text"] as? String)
            #expect(row["start"] as? Int == j["start"] as? Int && row["end"] as? Int == j["end"] as? Int)
            let speaker = j["speaker"] as? [String: Any]
            #expect((row["speaker"] as? String) == (speaker?["name"] as? String))
            // Optional fields: null in JSON is null in Parquet.
            #expect((row["speaker_kb"] is NSNull) == ((speaker?["kb"] as? String) == nil))
            #expect((row["published"] as? String) == (j["published"] as? String))
        }
        let own = try #require(rows.first { $0["document"] as? String == "export-1" })
        #expect(own["title"] as? String == Self.article["title"] && own["source"] as? String == Self.article["source"])
    }
}
