import CronistaTestSupport
import Foundation
import Testing

/// End to end: the built `cronista` executable on real inputs, as a user runs it.
@Suite("cronista analyze")
struct AnalyzeCommandTests {
    @Test("The seed article: one object, its id, Italian, the 18 gold sentences, the offset contract")
    func seed() async throws {
        let r = try await CLIRunner.run(["analyze", Fixtures.seedTextPath])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.jsonLines
        try #require(lines.count == 1)
        let doc = lines[0]
        #expect(doc["id"] as? String == "000_193cd34c33125298")
        #expect(doc["language"] as? String == "it")
        let gold =
            try JSONSerialization.jsonObject(with: Data(Fixtures.read("data/quotes/seed/seed.sentences.json").utf8)) as! [String: Any]
        let goldSentences = (gold["sentences"] as! [[String: Int]]).map { [$0["start"]!, $0["end"]!] }
        let sentences = (doc["sentences"] as? [[String: Any]] ?? []).map { [$0["start"] as! Int, $0["end"] as! Int] }
        #expect(sentences == goldSentences)
        let text = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        #expect(OffsetContract.violations(in: doc, text: text) == [])
        for key in ["entities", "quotes", "events"] { #expect(doc[key] is [Any], "layer \(key) present") }
    }

    @Test("Every Italian Wikinews dev document: no crash, one output each, the offset contract holds")
    func itWikinewsDev() async throws {
        let path = Fixtures.sharedPath("data/quotes/it-wikinews/dev.docs.jsonl")
        let inputs = try Fixtures.jsonLines("data/quotes/it-wikinews/dev.docs.jsonl")
        let r = try await CLIRunner.run(["analyze", path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let out = r.jsonLines
        #expect(out.count == inputs.count)
        for (input, output) in zip(inputs, out) {
            #expect(output["id"] as? String == input["id"] as? String)
            let v = OffsetContract.violations(in: output, text: input["text"] as! String)
            #expect(v.isEmpty, "\(output["id"] ?? "?"): \(v.prefix(3))")
        }
    }

    @Test("Standard input and '-' read JSON Lines; metadata passes through; an empty text is a valid document")
    func stdinAndMetadata() async throws {
        let input = """
            {"id": "a", "text": "", "source": "Ansa"}
            {"id": "b", "text": "Il presidente ha parlato.", "title": "Titolo", "published": "2024-04-12", "language": "it"}

            """
        for args in [["analyze"], ["analyze", "-"]] {
            let r = try await CLIRunner.run(args, stdin: Data(input.utf8))
            #expect(r.status == 0, "stderr: \(r.stderr)")
            let out = r.jsonLines
            try #require(out.count == 2)
            #expect(out[0]["id"] as? String == "a")
            #expect((out[0]["sentences"] as? [Any])?.isEmpty == true)
            #expect(out[0]["source"] as? String == "Ansa")
            #expect(out[1]["published"] as? String == "2024-04-12")
            #expect(out[1]["title"] as? String == "Titolo")
            #expect(out[1]["language"] as? String == "it")
        }
    }

    @Test("Invalid UTF-8: the error names the file and the byte offset; the other documents are written; exit 65")
    func invalidUTF8() async throws {
        let dir = try TemporaryDirectory()
        let bad = dir.file("bad.txt")
        var bytes = Array("Perché no?".utf8)
        bytes.insert(0xFF, at: 4)
        try Data(bytes).write(to: bad)
        let good = dir.file("good.txt")
        try Data("Una frase. Un'altra frase.".utf8).write(to: good)
        let r = try await CLIRunner.run(["analyze", bad.path, good.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.txt"))
        #expect(r.stderr.contains("byte 4"))
        let out = r.jsonLines
        #expect(out.map { $0["id"] as? String } == ["good"])
    }

    @Test("A JSONL line that is not JSON, or has no text, is named file:line; the rest is processed")
    func malformedJSONL() async throws {
        let dir = try TemporaryDirectory()
        let f = dir.file("docs.jsonl")
        try Data(
            """
            {"id": "one", "text": "Primo documento."}
            {"id": "two", "text": "senza chiusura
            {"id": "three"}
            {"id": "four", "text": 42}
            [1, 2]
            {"id": "five", "text": "Quinto documento."}

            """.utf8
        ).write(to: f)
        let r = try await CLIRunner.run(["analyze", f.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("docs.jsonl:2:"))
        #expect(r.stderr.contains("docs.jsonl:3:"))
        #expect(r.stderr.contains("docs.jsonl:4:"))
        #expect(r.stderr.contains("docs.jsonl:5:"))
        #expect(r.jsonLines.map { $0["id"] as? String } == ["one", "five"])
    }

    @Test("Invalid UTF-8 inside a JSONL line names file:line and the byte offset in the file")
    func invalidUTF8InJSONL() async throws {
        let dir = try TemporaryDirectory()
        let f = dir.file("mixed.jsonl")
        var bytes = Array("{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"x".utf8)
        let offset = bytes.count
        bytes += [0xC3, 0x28]  // a broken two-byte sequence
        bytes += Array("\"}\n{\"id\": \"c\", \"text\": \"ok\"}\n".utf8)
        try Data(bytes).write(to: f)
        let r = try await CLIRunner.run(["analyze", f.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("mixed.jsonl:2:"))
        #expect(r.stderr.contains("byte \(offset)"))
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a", "c"])
    }

    @Test("A binary file is refused with a clear message; the other inputs are still processed")
    func binaryFile() async throws {
        let dir = try TemporaryDirectory()
        let bin = dir.file("image.jsonl")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: bin)
        let bin2 = dir.file("blob.txt")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 8) + [0x02, 0x00, 0x3E, 0x00]).write(
            to: bin2)  // an ELF header
        let good = dir.file("good.txt")
        try Data("Testo valido.".utf8).write(to: good)
        let r = try await CLIRunner.run(["analyze", bin.path, bin2.path, good.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("image.jsonl: binary file refused"))
        #expect(r.stderr.contains("blob.txt: binary file refused"))
        #expect(r.jsonLines.map { $0["id"] as? String } == ["good"])
    }

    @Test("A stray NUL byte costs only its document: the JSONL line, or the .txt file, is named; the rest is written")
    func strayNUL() async throws {
        let dir = try TemporaryDirectory()
        let lines = dir.file("docs.jsonl")
        try Data(
            [UInt8](#"{"id":"a","text":"Primo."}"#.utf8) + [0x0A] + [UInt8](#"{"id":"b","text":"se"#.utf8) + [0x00]
                + [UInt8](#"condo."}"#.utf8) + [0x0A] + [UInt8](#"{"id":"c","text":"Terzo."}"#.utf8) + [0x0A]
        ).write(to: lines)
        let escaped = dir.file("escaped.jsonl")
        try Data(#"{"id":"d","text":"a\u0000b"}"#.utf8 + [0x0A]).write(to: escaped)
        let text = dir.file("nul.txt")
        try Data([UInt8]("Testo con un ".utf8) + [0x00] + [UInt8](" dentro.".utf8)).write(to: text)
        let r = try await CLIRunner.run(["analyze", lines.path, escaped.path, text.path])
        #expect(r.status == 65)
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a", "c"])
        #expect(r.stderr.contains("docs.jsonl:2: not a JSON object: unescaped control character U+0000"), "\(r.stderr)")
        #expect(r.stderr.contains("escaped.jsonl:1: \"text\" contains a NUL character (U+0000) at code point 1"), "\(r.stderr)")
        #expect(r.stderr.contains("nul.txt: the text contains a NUL character (U+0000); remove it (at byte 13)"), "\(r.stderr)")
    }

    @Test("CR-only line endings separate JSON Lines records, like LF and CRLF")
    func crLineEndings() async throws {
        let dir = try TemporaryDirectory()
        let f = dir.file("old-mac.jsonl")
        try Data("{\"id\":\"a\",\"text\":\"Uno.\"}\r{\"id\":\"b\",\"text\":\"Due.\"}\r\n{\"id\":\"c\",\"text\":\"Tre.\"}\r".utf8).write(
            to: f)
        let r = try await CLIRunner.run(["analyze", f.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a", "b", "c"])
    }

    @Test("A missing file is an error naming it; --output writes the JSON Lines to a file")
    func missingFileAndOutput() async throws {
        let dir = try TemporaryDirectory()
        let out = dir.file("out.jsonl")
        let r = try await CLIRunner.run(["analyze", dir.file("nope.txt").path, Fixtures.seedTextPath, "--output", out.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("nope.txt"))
        #expect(r.stdout.isEmpty)
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 1)
        #expect(written.contains("\"id\":\"000_193cd34c33125298\""))
    }

    @Test("--pretty numbers the sentences and uses no colour when not on a terminal")
    func pretty() async throws {
        let r = try await CLIRunner.run(["analyze", "--pretty", Fixtures.seedTextPath])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("# 000_193cd34c33125298"))
        #expect(r.stdout.contains("\n 1 L'attacco della "))
        #expect(r.stdout.contains("\n18 "))
        #expect(!r.stdout.contains("\u{1B}["))
        // Only direct quotes are shown in «»: a mixed quote is a paraphrase with a word in its own marks.
        #expect(r.stdout.contains("(direct): «Loro (i francesi, ndr)"))
        #expect(r.stdout.contains("(mixed): Parigi non ha più \"interesse\" a discutere con Mosca\n"))
        // Nested mentions ("il presidente della Bielorussia"): every "[…|TYPE eN]" encloses one of
        // the forms listed for eN under "Entities", inner marks removed, so labels close in order.
        let lines = r.stdout.split(separator: "\n").map(String.init)
        var forms: [String: Set<String>] = [:]
        for l in lines where l.hasPrefix("  e") {
            let parts = l.split(separator: " ", omittingEmptySubsequences: true)
            guard let id = parts.first, let colon = l.range(of: ": ") else { continue }
            forms[String(id)] = Set(l[colon.upperBound...].components(separatedBy: " · "))
        }
        var checked = 0
        for l in lines where l.drop(while: { $0 == " " }).first?.isNumber == true && l.prefix(3).last == " " {
            var stack: [String] = []
            var i = l.startIndex
            while i < l.endIndex {
                let c = l[i]
                if c == "[" {
                    stack.append("")
                } else if c == "|", !stack.isEmpty, let close = l[i...].firstIndex(of: "]") {
                    let label = l[l.index(after: i)..<close].split(separator: " ")
                    let inner = stack.removeLast()
                    if let e = label.last {
                        #expect(forms[String(e)]?.contains(inner) == true, "\(inner.debugDescription) is not a form of \(e)")
                        checked += 1
                    }
                    i = close
                } else if c != "⟦" && c != "⟧" {
                    for k in stack.indices { stack[k].append(c) }
                }
                i = l.index(after: i)
            }
            #expect(stack.isEmpty, "unclosed mark in \(l)")
        }
        #expect(checked >= 40)
    }

    @Test("A large document (about 0.5 MB, 3,600 sentences) completes and keeps the contract at its end")
    func largeDocument() async throws {
        let seed = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        let text = String(repeating: seed + "\n\n", count: 200)
        let dir = try TemporaryDirectory()
        let f = dir.file("big.txt")
        try Data(text.utf8).write(to: f)
        let r = try await CLIRunner.run(["analyze", f.path])
        #expect(r.status == 0)
        let out = try #require(r.jsonLines.first)
        let sentences = out["sentences"] as? [[String: Any]] ?? []
        #expect(sentences.count == 18 * 200)
        #expect(sentences.last?["end"] as? Int == text.unicodeScalars.count - 2)
    }

    @Test("--error-records: one output line per input line, a bad one as {id, error} in its place, exit 0")
    func errorRecords() async throws {
        let input = """
            {"id": "a", "text": "Il sindaco Luca Ferri ha detto che il ponte riaprirà."}
            non è JSON
            {"id": "c", "text": "Testo.", "published": "ieri"}
            {"id": 7, "title": "senza testo"}
            {"id": "e", "text": "Fine."}

            """
        let r = try await CLIRunner.run(["analyze", "--format", "jsonl", "--error-records", "-j", "2"], stdin: Data(input.utf8))
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.jsonLines
        try #require(lines.count == 5, "\(r.stdout)")
        #expect(lines.map { $0["id"] as? String } == ["a", nil, "c", "7", "e"])
        let errors = lines.compactMap { $0["error"] as? [String: Any] }
        #expect(errors.map { $0["code"] as? String } == ["malformed-json", "invalid-date", "missing-field"])
        #expect(errors.map { $0["line"] as? Int } == [2, 3, 4])
        #expect(lines[0]["quotes"] is [Any] && lines[4]["sentences"] is [Any])
        // Without the flag the bad lines are on standard error only, and the status says so.
        let plain = try await CLIRunner.run(["analyze", "--format", "jsonl"], stdin: Data(input.utf8))
        #expect(plain.status == 65 && plain.jsonLines.count == 2)
        #expect(plain.stderr.contains("<stdin>:3: \"published\""), "\(plain.stderr)")
    }
}
