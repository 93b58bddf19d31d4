import CronistaTestSupport
import Foundation
import Testing

/// What a newcomer ran into in the first hour (issue 22), through the built executable. The
/// articles are written for these tests.
@Suite("The first hour with cronista")
struct FirstHourTests {
    static func write(_ dir: TemporaryDirectory, _ name: String, _ text: String) throws -> String {
        let path = dir.file(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func writeBytes(_ dir: TemporaryDirectory, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir.file(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A long direct quote, longer than the table's 70-character column.
    static let longQuote =
        "Questa città merita strade sicure, scuole nuove e autobus puntuali per chi lavora ogni giorno lontano da casa"
    static let article = """
        Il sindaco annuncia un piano per le periferie

        Il sindaco Mario Rossi ha detto: «\(longQuote)». La giunta voterà il piano la prossima settimana.
        """

    // MARK: 2. A missing store

    @Test("Commands that only read refuse a missing store, name its path, and leave no file behind")
    func missingStore() async throws {
        let dir = try TemporaryDirectory()
        let typo = dir.file("typo.sqlite").path
        for args in [
            ["search", "quotes", "--speaker", "Conte"], ["search", "entities", "--name", "Conte"],
            ["search", "documents", "--entity", "Conte"], ["show", "some-id"], ["delete", "some-id"]
        ] {
            let r = try await CLIRunner.run(args + ["--db", typo])
            #expect(r.status == 66, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("no store at '\(typo)'"), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no typo.sqlite, -wal or -shm")
    }

    // MARK: 3. Plain text on standard input

    @Test("Plain text on standard input is one document; JSON Lines still are; --format decides; --help says so")
    func plainTextOnStdin() async throws {
        let text = "Il ministro ha detto: «ok».\n"
        let r = try await CLIRunner.run(["analyze"], stdin: Data(text.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let docs = r.jsonLines
        #expect(docs.count == 1)
        #expect(docs.first?["id"] as? String == "stdin")
        let sentences = docs.first?["sentences"] as? [[String: Any]]
        #expect(sentences?.last?["end"] as? Int == text.unicodeScalars.count - 1, "the whole text, as given")
        #expect((docs.first?["quotes"] as? [[String: Any]])?.first?["text"] as? String == "ok")
        let forced = try await CLIRunner.run(["analyze", "--format", "jsonl"], stdin: Data(text.utf8))
        #expect(forced.status == 65, "--format jsonl reads it as JSON Lines: \(forced.stderr)")
        let json = try await CLIRunner.run(["analyze", "-"], stdin: Data("  {\"id\": \"a\", \"text\": \"Ciao.\"}\n".utf8))
        #expect(json.status == 0 && json.jsonLines.first?["id"] as? String == "a", "\(json.stderr)")
        let brace = try await CLIRunner.run(["analyze", "--format", "text", "--pretty"], stdin: Data("{non è JSON} ma testo.".utf8))
        #expect(brace.status == 0 && brace.stdout.contains("{non è JSON} ma testo."), "\(brace.stderr)")
        let help = try await CLIRunner.run(["analyze", "--help"])
        #expect(help.stdout.contains("--format"), "\(help.stdout)")
        #expect(help.stdout.contains("plain text"), "\(help.stdout)")
    }

    // MARK: 4. Metadata of a .txt file

    @Test("A .txt file takes --title/--published/--source/--url; a clear headline is the title; metadata needs one document")
    func singleDocumentMetadata() async throws {
        let dir = try TemporaryDirectory()
        let path = try Self.write(dir, "piano.txt", Self.article)
        let plain = try await CLIRunner.run(["analyze", path])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.jsonLines.first?["title"] as? String == "Il sindaco annuncia un piano per le periferie")
        let given = try await CLIRunner.run([
            "analyze", path, "--title", "Piano periferie", "--published", "2025-03-01T09:30:00+01:00", "--source", "Gazzetta di prova",
            "--url", "https://example.org/piano"
        ])
        #expect(given.status == 0, "\(given.stderr)")
        let d = try #require(given.jsonLines.first)
        #expect(d["title"] as? String == "Piano periferie")
        #expect(d["published"] as? String == "2025-03-01")
        #expect(d["source"] as? String == "Gazzetta di prova")
        #expect(d["url"] as? String == "https://example.org/piano")
        // A first line that is a sentence is not a headline.
        let sentence = try Self.write(dir, "frase.txt", "Il sindaco ha parlato a lungo.\nPoi è andato via.\n")
        #expect(try await CLIRunner.run(["analyze", sentence]).jsonLines.first?["title"] == nil)
        let two = try await CLIRunner.run(["analyze", path, sentence, "--title", "X"])
        #expect(two.status == 64 && two.stderr.contains("--title is for a single document"), "\(two.stderr)")
        let jsonl = try Self.write(dir, "docs.jsonl", "{\"id\": \"a\", \"text\": \"Ciao.\"}\n")
        let onJSONL = try await CLIRunner.run(["analyze", jsonl, "--source", "X"])
        #expect(onJSONL.status == 64 && onJSONL.stderr.contains("JSON Lines records carry their own"), "\(onJSONL.stderr)")
        let badDate = try await CLIRunner.run(["analyze", path, "--published", "1 marzo 2025"])
        #expect(badDate.status == 64 && badDate.stderr.contains("--published: '1 marzo 2025' is not an ISO 8601 date"), "\(badDate.stderr)")
    }

    // MARK: 5. Encodings

    @Test("A latin-1 or windows-1252 file: the error says which encodings fit; --encoding reads it")
    func encodings() async throws {
        let dir = try TemporaryDirectory()
        // "Perché il sindaco ha detto: «sì»." in latin-1.
        var latin1 = Array("Perch".utf8) + [0xE9] + Array(" il sindaco ha detto: ".utf8) + [0xAB] + Array("s".utf8) + [0xEC, 0xBB, 0x2E]
        latin1.append(0x0A)
        let path = try Self.writeBytes(dir, "vecchio.txt", latin1)
        let refused = try await CLIRunner.run(["analyze", path])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("invalid UTF-8"), "\(refused.stderr)")
        #expect(refused.stderr.contains("at byte 5"), "\(refused.stderr)")
        #expect(refused.stderr.contains("windows-1252") && refused.stderr.contains("latin-1"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--encoding"), "\(refused.stderr)")
        let read = try await CLIRunner.run(["analyze", path, "--encoding", "latin-1", "--pretty"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("Perché il sindaco ha detto:"), "\(read.stdout)")
        #expect(read.stdout.contains("«sì»"), "\(read.stdout)")
        // Windows-1252's curly quotes (0x93, 0x94) are C1 controls in latin-1: only windows-1252 fits.
        let cp = try Self.writeBytes(dir, "win.txt", Array("Ha detto: ".utf8) + [0x93] + Array("basta".utf8) + [0x94, 0x2E])
        let cpRefused = try await CLIRunner.run(["analyze", cp])
        #expect(cpRefused.stderr.contains("valid windows-1252: try --encoding windows-1252"), "\(cpRefused.stderr)")
        let cpRead = try await CLIRunner.run(["analyze", cp, "--encoding", "windows-1252", "--pretty"])
        #expect(cpRead.stdout.contains("Ha detto: \u{201C}"), "\(cpRead.stdout) \(cpRead.stderr)")
        #expect(cpRead.stdout.contains("\u{201D}."), "\(cpRead.stdout) \(cpRead.stderr)")
        let unknown = try await CLIRunner.run(["analyze", cp, "--encoding", "ebcdic"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--encoding: 'ebcdic'"), "\(unknown.stderr)")
    }

    // MARK: 6. Dates

    @Test("published must be an ISO 8601 date or date-time (the line is named); a date-time keeps its date; query dates must exist")
    func dates() async throws {
        let dir = try TemporaryDirectory()
        let jsonl = try Self.write(
            dir, "docs.jsonl",
            """
            {"id": "a", "text": "Primo testo.", "published": "2025-03-01T23:30:00+01:00"}
            {"id": "b", "text": "Secondo testo.", "published": "1 marzo 2025"}
            {"id": "c", "text": "Terzo testo.", "published": "ieri"}
            {"id": "d", "text": "Quarto testo.", "published": "2025-02-30"}

            """)
        let r = try await CLIRunner.run(["analyze", jsonl])
        #expect(r.status == 65)
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a"])
        #expect(r.jsonLines.first?["published"] as? String == "2025-03-01")
        #expect(r.stderr.contains("docs.jsonl:2: \"published\": '1 marzo 2025' is not an ISO 8601 date"), "\(r.stderr)")
        #expect(r.stderr.contains("docs.jsonl:3: \"published\": 'ieri'"), "\(r.stderr)")
        #expect(r.stderr.contains("docs.jsonl:4: \"published\": '2025-02-30'"), "\(r.stderr)")
        let db = dir.file("a.sqlite").path
        _ = try await CLIRunner.run(["ingest", jsonl, "--db", db])
        for (option, value) in [("--from", "2025-02-30"), ("--to", "2025-13-01"), ("--from", "28/02/2025")] {
            let q = try await CLIRunner.run(["search", "quotes", "--q", "testo", option, value, "--db", db])
            #expect(q.status == 64, "\(option) \(value)")
            #expect(q.stderr.contains("\(option): '\(value)' is not a date"), "\(q.stderr)")
        }
        #expect(try await CLIRunner.run(["search", "quotes", "--q", "testo", "--from", "2024-02-29", "--db", db]).status == 0)
    }

    // MARK: 7. Replace and delete

    @Test("ingest --replace stores a corrected article in place of the old one; delete removes it with its quotes")
    func replaceAndDelete() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("a.sqlite").path
        let v1 = try Self.write(
            dir, "v1.jsonl", "{\"id\": \"art\", \"text\": \"Il sindaco Mario Rossi ha detto: «Le fontane resteranno accese».\"}\n")
        let v2 = try Self.write(
            dir, "v2.jsonl", "{\"id\": \"art\", \"text\": \"Il sindaco Mario Rossi ha detto: «I giardini resteranno aperti».\"}\n")
        #expect(try await CLIRunner.run(["ingest", v1, "--db", db]).stderr.contains("1 stored, 0 skipped"))
        let skipped = try await CLIRunner.run(["ingest", v2, "--db", db])
        #expect(skipped.stderr.contains("0 stored, 1 skipped"), "\(skipped.stderr)")
        let replaced = try await CLIRunner.run(["ingest", v2, "--db", db, "--replace"])
        #expect(replaced.status == 0 && replaced.stderr.contains("0 stored, 1 replaced, 0 skipped"), "\(replaced.stderr)")
        func quotes(_ words: String) async throws -> [[String: Any]] {
            try await CLIRunner.run(["search", "quotes", "--q", words, "--db", db, "--format", "jsonl"]).jsonLines
        }
        #expect(try await quotes("fontane").isEmpty, "the old quote and its full-text row are gone")
        #expect(try await quotes("giardini").count == 1)
        #expect(try await CLIRunner.run(["show", "art", "--db", db, "--json"]).stdout.contains("giardini"))
        let again = try await CLIRunner.run(["ingest", v2, "--db", db, "--replace"])
        #expect(again.stderr.contains("0 stored, 0 replaced, 1 skipped"), "the same text is not replaced: \(again.stderr)")

        let deleted = try await CLIRunner.run(["delete", "art", "--db", db])
        #expect(deleted.status == 0 && deleted.stderr.contains("1 document deleted"), "\(deleted.stderr)")
        #expect(try await quotes("giardini").isEmpty)
        #expect(try await CLIRunner.run(["search", "entities", "--name", "Rossi", "--db", db, "--format", "jsonl"]).stdout.isEmpty)
        #expect(try await CLIRunner.run(["show", "art", "--db", db]).status == 1)
        let missing = try await CLIRunner.run(["delete", "art", "--db", db])
        #expect(missing.status == 1 && missing.stderr.contains("no document 'art'"), "\(missing.stderr)")
    }

    // MARK: 8. Help and messages

    @Test("Help and messages: -j's default once, kb lookup's own usage, --limit -1, singular counts")
    func helpAndMessages() async throws {
        let help = try await CLIRunner.run(["analyze", "--help"])
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(default: the number of cores, "))
        #expect(!flat.contains("). (default: \(ProcessInfo.processInfo.activeProcessorCount))"), "said once: \(help.stdout)")
        let type = try await CLIRunner.run(["kb", "lookup", "Tajani", "--type", "XYZ"])
        #expect(type.status == 64)
        #expect(type.stderr.contains("--type must be PER, ORG or LOC, got 'XYZ'"), "\(type.stderr)")
        #expect(type.stderr.contains("Usage: cronista kb lookup"), "\(type.stderr)")
        let dir = try TemporaryDirectory()
        let db = dir.file("a.sqlite").path
        let one = try Self.write(dir, "uno.txt", "Una frase sola.")
        _ = try await CLIRunner.run(["ingest", one, "--db", db])
        let limit = try await CLIRunner.run(["search", "quotes", "--speaker", "x", "--limit", "-1", "--db", db])
        #expect(limit.status == 64)
        #expect(limit.stderr.contains("--limit must be at least 1, got -1"), "\(limit.stderr)")
        #expect(!limit.stderr.contains("Missing value"))
        let jobs = try await CLIRunner.run(["analyze", one, "-j", "-2"])
        #expect(jobs.status == 64 && jobs.stderr.contains("--jobs must be at least 1, got -2"), "\(jobs.stderr)")
        let pretty = try await CLIRunner.run(["analyze", "--pretty", one])
        #expect(pretty.stdout.contains("1 sentence,"), "\(pretty.stdout)")
        let progress = try await CLIRunner.run(["analyze", "--progress", one])
        #expect(progress.stderr.contains("1 document, 0 errors"), "\(progress.stderr)")
    }

    @Test("kb lookup shows the role held on --date, else today's, else the latest (not the first of the list)")
    func kbLookupRole() async throws {
        let now = try await CLIRunner.run(["kb", "lookup", "Mattarella"])
        #expect(now.stdout.contains("role: presidente dell'Italia 2015-02-03…"), "\(now.stdout)")
        let then = try await CLIRunner.run(["kb", "lookup", "Mattarella", "--date", "2000-05-01"])
        #expect(then.stdout.contains("role: ministro della Difesa italiano"), "\(then.stdout)")
        let bad = try await CLIRunner.run(["kb", "lookup", "Mattarella", "--date", "2025-02-30"])
        #expect(bad.status == 64 && bad.stderr.contains("--date must be a date"), "\(bad.stderr)")
    }

    #if Server
        @Test("serve on a terminal prints the address to open; a missing store is refused unless --create")
        func serveAddress() async throws {
            let dir = try TemporaryDirectory()
            let missing = try await CLIRunner.run(["serve", "--db", dir.file("none.sqlite").path, "--port", "0"])
            #expect(missing.status == 66 && missing.stderr.contains("no store at"), "\(missing.stderr)")
            let p = Process()
            p.executableURL = CLIRunner.executable
            p.arguments = ["serve", "--db", dir.file("new.sqlite").path, "--create", "--port", "0", "--log-level", "error"]
            var env = ProcessInfo.processInfo.environment
            env["CRONISTA_ASSUME_TTY"] = "1"
            p.environment = env
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            defer {
                if p.isRunning { p.terminate() }
                p.waitUntilExit()
            }
            var seen = ""
            let deadline = Date().addingTimeInterval(60)
            while !seen.contains("/\n"), Date() < deadline {
                let chunk = err.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            let line = try #require(seen.split(separator: "\n").first { $0.hasPrefix("Cronista is serving ") }, "\(seen)")
            #expect(line.hasPrefix("Cronista is serving http://127.0.0.1:"), "\(line)")
            #expect(line.hasSuffix("/"))
            let port = Int(line.dropFirst("Cronista is serving http://127.0.0.1:".count).dropLast())
            #expect(port.map { $0 > 0 } == true, "the port chosen for --port 0: \(line)")
        }
    #endif

    // MARK: 10. Tables

    @Test("Tables cut a long quote at 70 characters; --wide shows it whole")
    func wideTables() async throws {
        let dir = try TemporaryDirectory()
        let db = dir.file("a.sqlite").path
        let path = try Self.write(dir, "piano.txt", Self.article)
        #expect(try await CLIRunner.run(["ingest", path, "--db", db]).status == 0)
        let cut = try await CLIRunner.run(["search", "quotes", "--speaker", "Rossi", "--format", "table", "--db", db])
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.stdout.contains("…") && !cut.stdout.contains(Self.longQuote), "\(cut.stdout)")
        #expect(cut.stdout.contains("1 quote\n"))
        let wide = try await CLIRunner.run(["search", "quotes", "--speaker", "Rossi", "--format", "table", "--wide", "--db", db])
        #expect(wide.stdout.contains(Self.longQuote), "\(wide.stdout)")
        let docs = try await CLIRunner.run(["search", "documents", "--entity", "Rossi", "--format", "table", "--db", db])
        #expect(docs.stdout.contains("Il sindaco annuncia un piano per le periferie"), "the headline is the stored title: \(docs.stdout)")
    }
}
