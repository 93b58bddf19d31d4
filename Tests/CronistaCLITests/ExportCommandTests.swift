import CronistaIngest
import CronistaTestSupport
import Foundation
import Testing

/// The table for a spreadsheet: `cronista export` over a store filled from the newspaper gold's texts,
/// read back by Python's `csv` module.
@Suite("cronista export")
struct ExportCommandTests {
    @Test("A field with a comma, a double quote, a line break or an accent is written as RFC 4180 asks")
    func csvQuoting() {
        var w = CSVWriter()
        w.row(["a,b", "disse \"no\"", "riga\r\nnuova", "perché", ""])
        #expect(String(decoding: w.bytes, as: UTF8.self) == "\"a,b\",\"disse \"\"no\"\"\",\"riga\r\nnuova\",perché,\r\n")
    }

    @Test("export quotes --format csv, read in pages of 5, round-trips through Python's csv module field for field")
    func quotesRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("archive.sqlite").path
        let docs = Fixtures.sharedPath("data/quotes/it-news/dev.docs.jsonl")
        let ingest = try CLIRunner.run(["ingest", docs, "--db", db])
        #expect(ingest.status == 0, "stderr: \(ingest.stderr)")
        let csvPath = dir.file("quotes.csv").path
        let csv = try CLIRunner.run(["export", "quotes", "--db", db, "--page", "5", "-o", csvPath])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let jsonl = try CLIRunner.run(["export", "quotes", "--db", db, "--format", "jsonl"])
        #expect(jsonl.status == 0, "stderr: \(jsonl.stderr)")
        let expected = jsonl.jsonLines
        #expect(expected.count > 100, "the newspaper articles hold over a hundred quotes")
        #expect(csv.stderr.contains("exported \(expected.count) quotes"), "\(csv.stderr)")

        // Python reads the CSV and checks each row against the text it rests on (code-point offsets).
        let script = """
            import csv, json, sys
            texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(sys.argv[2], encoding="utf-8")}
            rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
            for r in rows:
                t = texts[r["document"]]
                assert t[int(r["start"]):int(r["end"])] == r["text"], r
                if r["speaker_start"]:
                    assert t[int(r["speaker_start"]):int(r["speaker_end"])] == r["speaker_text"], r
            print(json.dumps([[r["document"], r["quote"], r["kind"], r["text"], r["speaker_text"], r["about"]] for r in rows]))
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, csvPath, docs]
        let out = Pipe(), err = Pipe()
        python.standardOutput = out
        python.standardError = err
        try python.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        #expect(python.terminationStatus == 0, "python: \(problems)")
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
        #expect(rows.count == expected.count)
        for (row, hit) in zip(rows, expected) {
            let speaker = (hit["speaker"] as? [String: Any])?["text"] as? String ?? ""
            let about = (hit["about"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }.joined(separator: "; ")
            #expect(
                row == [
                    hit["document"] as? String ?? "", hit["quote"] as? String ?? "", hit["kind"] as? String ?? "",
                    hit["text"] as? String ?? "", speaker, about
                ])
        }
        #expect(rows.contains { $0[3].contains("«") || $0[3].contains("\"") }, "quotation marks inside fields survive")
    }

    @Test("export events --format csv has the header and one row an event; a bad --role is refused")
    func events() throws {
        let dir = try TemporaryDirectory()
        let db = try SearchEventsCommandTests.store(dir)
        let csv = try CLIRunner.run(["export", "events", "--db", db, "--type", "ACCUSE", "--page", "1"])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("document,published,source,title,event,type,mode,trigger_start") == true)
        #expect(lines.count == 4, "three accusations: \(csv.stdout)")
        #expect(lines.dropFirst().allSatisfy { $0.contains(",ACCUSE,") })
        let bad = try CLIRunner.run(["export", "events", "--db", db, "--role", "witness"])
        #expect(bad.status != 0 && bad.stderr.contains("--role must be source, target or location"), "\(bad.stderr)")
    }
}
