import CronistaTestSupport
import Foundation
import Testing

/// End to end: `cronista extract` and `cronista analyze` on saved web pages written for these tests.
@Suite("cronista extract")
struct ExtractCommandTests {
    static var pagePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/html/consiglio-comunale.html").path
    }

    @Test("A page becomes one input document: id, url, title, published, author and the paragraphs")
    func extractPage() async throws {
        let r = try await CLIRunner.run(["extract", Self.pagePath])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.jsonLines
        try #require(lines.count == 1)
        let doc = lines[0]
        #expect(doc["id"] as? String == "consiglio-comunale")
        #expect(doc["url"] as? String == "https://cronaca-borgolago.example/scuole/maestre")
        #expect(doc["title"] as? String == "Scuole, il comune assume venti maestre")
        #expect(doc["published"] as? String == "2025-09-18")
        #expect(doc["author"] as? String == "Elena Conti")
        let text = doc["text"] as? String ?? ""
        #expect(text.hasPrefix("Il comune di Borgo Lago assumerà"))
        #expect(text.components(separatedBy: "\n\n").count == 3)
        #expect(!text.contains("Home") && !text.contains("©"))
    }

    @Test("A gzip-compressed page reads like the page; a bad page is named on stderr, the rest is written, exit 65")
    func gzipAndBadPage() async throws {
        let dir = try TemporaryDirectory()
        let gz = dir.file("compressa.html.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["sh", "-c", "gzip -c '\(Self.pagePath)' > '\(gz.path)'"]
        try gzip.run()
        gzip.waitUntilExit()
        let bad = dir.file("vuota.html")
        try Data("<html><body><nav><a href=\"/\">Home</a></nav></body></html>".utf8).write(to: bad)
        let r = try await CLIRunner.run(["extract", bad.path, gz.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("vuota.html"))
        let lines = r.jsonLines
        #expect(lines.map { $0["id"] as? String } == ["compressa"])
        #expect(lines.first?["published"] as? String == "2025-09-18")
    }

    @Test("cronista analyze reads the page: its published date and the quote")
    func analyzePage() async throws {
        let r = try await CLIRunner.run(["analyze", Self.pagePath])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let lines = r.jsonLines
        try #require(lines.count == 1)
        #expect(lines[0]["id"] as? String == "consiglio-comunale")
        #expect(lines[0]["published"] as? String == "2025-09-18")
        let quotes = lines[0]["quotes"] as? [[String: Any]] ?? []
        let speakers = quotes.compactMap { ($0["speaker"] as? [String: Any])?["name"] as? String }
        #expect(speakers.contains("Paolo Neri"), "quotes: \(quotes)")
    }

    @Test("A directory reads as its pages, in name order")
    func directoryOfPages() async throws {
        let dir = try TemporaryDirectory()
        try Data(contentsOf: URL(fileURLWithPath: Self.pagePath)).write(to: dir.file("b-pagina.html"))
        try Data(contentsOf: URL(fileURLWithPath: Self.pagePath)).write(to: dir.file("a-pagina.htm"))
        try Data("non una pagina".utf8).write(to: dir.file("note.txt"))
        let r = try await CLIRunner.run(["analyze", dir.file("").path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a-pagina", "b-pagina"])
    }

    @Test("Bad pages (binary, 200 MB, 100 k nested elements, no body) each give a clear error, bad bytes a warning; the run goes on")
    func badPages() async throws {
        let dir = try TemporaryDirectory()
        var rng = SystemRandomNumberGenerator()
        try Data((0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &rng) }).write(to: dir.file("binario.html"))
        // 200 MB on disk without writing 200 MB (a sparse file): refused by its size before it is read.
        let huge = dir.file("enorme.html")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("<html><body><p>".utf8)))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 200_000_000)
        try handle.close()
        // And 200 MB of markup behind 200 KB of gzip: decompression stops at the limit.
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["sh", "-c", "head -c 200000000 /dev/zero | tr '\\0' 'a' | gzip -1 > '\(dir.file("enorme.html.gz").path)'"]
        try gzip.run()
        gzip.waitUntilExit()
        let nested = String(repeating: "<div>", count: 100_000) + "profondo" + String(repeating: "</div>", count: 100_000)
        try Data(nested.utf8).write(to: dir.file("annidata.html"))
        try Data("<html><head><title>Solo un titolo</title></head></html>".utf8).write(to: dir.file("senza-corpo.html"))
        var invalid = Data("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8)
        invalid.append(
            contentsOf: Array("Il porto della citt".utf8) + [0xE0]
                + Array(" riapre lunedì dopo i lavori di dragaggio durati sei mesi.".utf8))
        invalid.append(contentsOf: Array("</p></body></html>".utf8))
        try invalid.write(to: dir.file("byte-errati.html"))
        try Data(contentsOf: URL(fileURLWithPath: Self.pagePath)).write(to: dir.file("buona.html"))

        // No wall-clock bound here (CI machines are shared): that the 200 MB page is refused by its
        // size and the deep page at depth 1,024 is what shows nothing is read or parsed in full.
        let r = try await CLIRunner.run(["extract", dir.file("").path])
        #expect(r.status == 65)
        #expect(r.jsonLines.map { $0["id"] as? String } == ["buona", "byte-errati"])
        let errors = r.stderr.split(separator: "\n").map(String.init)
        func line(_ name: String) -> String { errors.first { $0.contains("/" + name + ":") } ?? "" }
        #expect(line("binario.html").contains("binary data"), "stderr: \(r.stderr)")
        #expect(line("enorme.html").contains("over the 64 MB limit"))
        #expect(line("enorme.html.gz").contains("over the 64 MB limit"))
        #expect(line("annidata.html").contains("nesting depth limit of 1024"))
        #expect(line("senza-corpo.html").contains("no article text"))
        #expect(line("byte-errati.html").contains("warning: ") && line("byte-errati.html").contains("1 invalid byte sequences in utf-8"))
        #expect((r.jsonLines.last?["text"] as? String)?.hasPrefix("Il porto della citt\u{FFFD} riapre") == true)
    }
}
