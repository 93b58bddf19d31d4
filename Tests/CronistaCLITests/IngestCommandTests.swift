import CronistaTestSupport
import Foundation
import Testing

/// End to end: `cronista ingest` into a new SQLite file, then `search` and `show` on it, as a user
/// runs them. Small `--batch` values make the reader, the analysis and the store overlap over many
/// batches, and cut the last batch in parts.
@Suite("cronista ingest")
struct IngestCommandTests {
    static let seedID = "000_193cd34c33125298"

    @Test("Seed and Italian dev documents: all stored once, Lukashenko's quotes at their offsets, a second run adds nothing")
    func seedAndDev() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("archive.sqlite").path
        let dev = Fixtures.sharedPath("data/quotes/it-wikinews/dev.docs.jsonl")
        let devCount = try Fixtures.jsonLines("data/quotes/it-wikinews/dev.docs.jsonl").count
        let total = devCount + 1

        let first = try await CLIRunner.run(["ingest", Fixtures.seedTextPath, dev, "--db", db, "--batch", "7"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stderr.contains("cronista: \(total) stored, 0 skipped, 0 failed"), "\(first.stderr)")

        let search = try await CLIRunner.run(["search", "quotes", "--speaker", "Lukashenko", "--db", db, "--format", "jsonl"])
        #expect(search.status == 0, "stderr: \(search.stderr)")
        let hits = search.jsonLines.filter { $0["document"] as? String == Self.seedID }
        // The gold quote of the seed (spec/analysis-format.md): content [776, 1050), cue "ha detto", speaker "Lukashenko".
        let gold = try #require(hits.first { $0["start"] as? Int == 776 })
        #expect(gold["end"] as? Int == 1050)
        #expect((gold["cue"] as? [String: Any])?["text"] as? String == "ha detto")
        let speaker = try #require(gold["speaker"] as? [String: Any])
        #expect(speaker["start"] as? Int == 1062 && speaker["end"] as? Int == 1072)
        #expect(speaker["kb"] as? String == "Q2866")
        #expect(hits.count >= 3, "\(hits.count) Lukashenko quotes in the seed")

        // `show` prints exactly what `analyze` wrote.
        let shown = try await CLIRunner.run(["show", Self.seedID, "--db", db])
        let analysed = try await CLIRunner.run(["analyze", Fixtures.seedTextPath])
        #expect(shown.status == 0 && !analysed.stdout.isEmpty)
        #expect(shown.stdout == analysed.stdout)
        // `show --pretty` (what a terminal gets) is `analyze --pretty`'s view, read back from the store.
        let readable = try await CLIRunner.run(["show", Self.seedID, "--db", db, "--pretty"])
        let analysedPretty = try await CLIRunner.run(["analyze", "--pretty", Fixtures.seedTextPath])
        #expect(readable.status == 0, "\(readable.stderr)")
        #expect(readable.stdout == analysedPretty.stdout)
        #expect(readable.stdout.contains("Aleksander Lukashenko — ha detto (direct): «"), "\(readable.stdout.prefix(400))")
        #expect(readable.stdout.contains("18 sentences"))
        let both = try await CLIRunner.run(["show", Self.seedID, "--db", db, "--pretty", "--json"])
        #expect(both.status == 64)
        // On a real terminal (a pseudo-terminal from util-linux `script`), `show` alone is the readable view.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/script") {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            let command = [CLIRunner.executable.path, "show", Self.seedID, "--db", db].map { "'\($0)'" }.joined(separator: " ")
            p.arguments = ["-qec", command, "/dev/null"]
            let out = Pipe()
            p.standardOutput = out
            p.standardInput = FileHandle.nullDevice
            let bytes = try await CLIRunner.offPool {
                try p.run()
                defer { p.waitUntilExit() }
                return out.fileHandleForReading.readDataToEndOfFile()
            }
            let tty = String(decoding: bytes, as: UTF8.self)
            #expect(p.terminationStatus == 0, "\(tty.prefix(400))")
            #expect(!tty.hasPrefix("{") && tty.contains("ha detto") && tty.contains("Lukashenko"), "\(tty.prefix(400))")
            #expect(tty.contains("18 sentences"), "\(tty.prefix(400))")
        }

        let again = try await CLIRunner.run(["ingest", Fixtures.seedTextPath, dev, "--db", db, "--batch", "7"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(again.stderr.contains("cronista: 0 stored, \(total) skipped, 0 failed"), "\(again.stderr)")
        let after = try await CLIRunner.run(["search", "quotes", "--speaker", "Lukashenko", "--db", db, "--format", "jsonl"])
        #expect(after.stdout == search.stdout, "nothing doubled")
    }

    /// The same on PostgreSQL (`scripts/with-postgres` names a throw-away server), in its default
    /// schema: a second run over the same cluster finds the documents stored already, so the first
    /// run is checked for stored + skipped.
    @Test("PostgreSQL: seed and dev documents stored once, Lukashenko's quotes at their offsets, a second run adds nothing")
    func seedAndDevOnPostgres() async throws {
        guard let url = ProcessInfo.processInfo.environment["CRONISTA_POSTGRES_URL"], !url.isEmpty else {
            print(
                "⚠️  WARNING: IngestCommandTests.seedAndDevOnPostgres SKIPPED: CRONISTA_POSTGRES_URL is not set (run `scripts/with-postgres swift test`)"
            )
            return
        }
        let dev = Fixtures.sharedPath("data/quotes/it-wikinews/dev.docs.jsonl")
        let total = try Fixtures.jsonLines("data/quotes/it-wikinews/dev.docs.jsonl").count + 1
        let first = try await CLIRunner.run(["ingest", Fixtures.seedTextPath, dev, "--db", url, "--batch", "7"])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let counts = first.stderr.split(separator: "\n").last { $0.hasPrefix("cronista: ") }.map(String.init) ?? ""
        let numbers = counts.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count >= 3 && numbers[0] + numbers[1] == total && numbers[2] == 0, "\(counts)")

        let search = try await CLIRunner.run(["search", "quotes", "--speaker", "Lukashenko", "--db", url, "--format", "jsonl"])
        #expect(search.status == 0, "stderr: \(search.stderr)")
        let gold = try #require(search.jsonLines.first { $0["document"] as? String == Self.seedID && $0["start"] as? Int == 776 })
        #expect(gold["end"] as? Int == 1050)
        #expect((gold["speaker"] as? [String: Any])?["kb"] as? String == "Q2866")

        let again = try await CLIRunner.run(["ingest", Fixtures.seedTextPath, dev, "--db", url, "--batch", "7"])
        #expect(again.stderr.contains("cronista: 0 stored, \(total) skipped, 0 failed"), "\(again.stderr)")
        let after = try await CLIRunner.run(["search", "quotes", "--speaker", "Lukashenko", "--db", url, "--format", "jsonl"])
        #expect(after.stdout == search.stdout, "nothing doubled")
    }

    @Test("Repeats across batches are skipped, a bad line is named file:line and costs only itself; exit 65")
    func duplicatesAndBadLines() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("archive.sqlite").path
        let input = dir.file("docs.jsonl")
        // Batches of 2: [a, b], [c = a's text, a again], [bad line, d].
        try """
        {"id": "a", "text": "Il ministro Rossi ha detto: «Il bilancio è in ordine».", "published": "2024-03-01"}
        {"id": "b", "text": "La Nato si riunisce a Bruxelles."}
        {"id": "c", "text": "Il ministro Rossi ha detto: «Il bilancio è in ordine».", "published": "2024-03-01"}
        {"id": "a", "text": "Un altro testo con lo stesso id."}
        {"id": "rotto", "text": 
        {"id": "d", "text": "Il sindaco di Roma ha dichiarato che la città è pronta."}

        """.write(to: input, atomically: true, encoding: .utf8)

        let r = try await CLIRunner.run(["ingest", input.path, "--db", db, "--batch", "2"])
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("docs.jsonl:5"), "the bad line is named: \(r.stderr)")
        #expect(r.stderr.contains("cronista: 3 stored, 2 skipped, 1 failed"), "\(r.stderr)")

        let docs = try await CLIRunner.run(["search", "quotes", "--q", "bilancio", "--db", db, "--format", "jsonl"])
        #expect(docs.jsonLines.map { $0["document"] as? String } == ["a"], "the repeated text is stored once: \(docs.stdout)")

        let again = try await CLIRunner.run(["ingest", input.path, "--db", db, "--batch", "2"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("cronista: 0 stored, 5 skipped, 1 failed"), "\(again.stderr)")
    }
}
