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
    func extractPage() throws {
        let r = try CLIRunner.run(["extract", Self.pagePath])
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
    func gzipAndBadPage() throws {
        let dir = try TemporaryDirectory()
        let gz = dir.file("compressa.html.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["sh", "-c", "gzip -c '\(Self.pagePath)' > '\(gz.path)'"]
        try gzip.run()
        gzip.waitUntilExit()
        let bad = dir.file("vuota.html")
        try Data("<html><body><nav><a href=\"/\">Home</a></nav></body></html>".utf8).write(to: bad)
        let r = try CLIRunner.run(["extract", bad.path, gz.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("vuota.html"))
        let lines = r.jsonLines
        #expect(lines.map { $0["id"] as? String } == ["compressa"])
        #expect(lines.first?["published"] as? String == "2025-09-18")
    }

    @Test("cronista analyze reads the page: its published date and the quote")
    func analyzePage() throws {
        let r = try CLIRunner.run(["analyze", Self.pagePath])
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
    func directoryOfPages() throws {
        let dir = try TemporaryDirectory()
        try Data(contentsOf: URL(fileURLWithPath: Self.pagePath)).write(to: dir.file("b-pagina.html"))
        try Data(contentsOf: URL(fileURLWithPath: Self.pagePath)).write(to: dir.file("a-pagina.htm"))
        try Data("non una pagina".utf8).write(to: dir.file("note.txt"))
        let r = try CLIRunner.run(["analyze", dir.file("").path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a-pagina", "b-pagina"])
    }
}
