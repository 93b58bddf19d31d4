import CronistaTestSupport
import Foundation
import Testing

/// The reproducers of the hardening issue, through the built executable: inputs that crashed the
/// process, shifted offsets or lost output.
@Suite("cronista analyze on hostile input")
struct HostileInputTests {
    static func line(id: String, text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]), as: UTF8.self)
    }

    /// Runs `analyze` on the given texts (one JSON line each, behind a good document and before
    /// another) and checks that all of them come out, in order, within the offset contract.
    static func survives(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var input = try line(id: "before", text: "Il ministro ha detto: «Siamo pronti».") + "\n"
        for (i, t) in texts.enumerated() { input += try line(id: "hostile-\(i)", text: t) + "\n" }
        input += try line(id: "after", text: "Mario Draghi ha detto che il governo è pronto.") + "\n"
        let r = try await CLIRunner.run(["analyze", "-j", "2"], stdin: Data(input.utf8))
        #expect(r.status == 0, "exit \(r.status), stderr: \(r.stderr.prefix(500))", sourceLocation: sourceLocation)
        let out = r.jsonLines
        #expect(
            out.map { $0["id"] as? String ?? "?" } == ["before"] + texts.indices.map { "hostile-\($0)" } + ["after"],
            sourceLocation: sourceLocation)
        for (doc, text) in zip(out.dropFirst(), texts) {
            let v = OffsetContract.violations(in: doc, text: text)
            #expect(v.isEmpty, "\(v.prefix(3))", sourceLocation: sourceLocation)
        }
    }

    @Test("9,600 commas in one sentence (the 19 KB request that overflowed the NER decoder)")
    func commas() async throws {
        try await Self.survives([String(repeating: ", ", count: 9_600)])
    }

    @Test("long runs of unbalanced quotation marks, and letters and punctuation without a space")
    func unbalancedAndSpaceless() async throws {
        let marks = String(repeating: "«Sì", count: 20_000) + String(repeating: "\" no", count: 20_000)
        var rng = SeededGenerator(seed: 19)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzèàABCDEFG.,;:!?«»\"'()-–—/")
        let spaceless = String((0..<200_000).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        try await Self.survives([marks, spaceless])
    }

    @Test("6,000 random documents of hostile Unicode (U+FEFF, U+200B, ZWJ emoji, flags, CRLF, CR) through analyze: 0 contract failures")
    func sixThousandRandomDocuments() async throws {
        var rng = SeededGenerator(seed: 6_000)
        var texts: [String] = []
        var input = ""
        for k in 0..<6_000 {
            var text = k % 10 == 9 ? RandomText.scalars(using: &rng, count: 120) : RandomText.document(using: &rng)
            if k % 7 == 0 { text = "\u{FEFF}" + text }  // a byte-order mark at the start of the text, too
            texts.append(text)
            input += try Self.line(id: "r\(k)", text: text) + "\n"
        }
        let r = try await CLIRunner.run(["analyze", "-j", "2"], stdin: Data(input.utf8))
        #expect(r.status == 0, "stderr: \(r.stderr.prefix(500))")
        let out = r.jsonLines
        try #require(out.count == texts.count)
        var failures: [String] = []
        for (k, (doc, text)) in zip(out, texts).enumerated() {
            if doc["id"] as? String != "r\(k)" { failures.append("r\(k): out of order"); continue }
            failures += OffsetContract.violations(in: doc, text: text)
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(3))")
    }

    @Test("U+FEFF inside the JSON text is part of the text: offsets are not shifted by one")
    func bomInsideText() async throws {
        let input = Data([UInt8](#"{"id":"r","text":""#.utf8) + [0xEF, 0xBB, 0xBF] + [UInt8](#"Mario Draghi ha detto."}"#.utf8) + [0x0A])
        let r = try await CLIRunner.run(["analyze"], stdin: input)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let doc = try #require(r.jsonLines.first)
        let text = "\u{FEFF}Mario Draghi ha detto."
        #expect(OffsetContract.violations(in: doc, text: text) == [])
        let mentions = (doc["entities"] as? [[String: Any]] ?? []).flatMap { $0["mentions"] as? [[String: Any]] ?? [] }
        let draghi = mentions.first { ($0["text"] as? String) == "Mario Draghi" }
        #expect(draghi?["start"] as? Int == 1)
        #expect(draghi?["end"] as? Int == 13)
    }

    @Test("a trailing comma is refused with its line and byte; the other documents are still written")
    func trailingComma() async throws {
        let input = "{\"id\":\"a\",\"text\":\"Primo.\"}\n{\"text\":\"a\",}\n{\"id\":\"c\",\"text\":\"Terzo.\"}\n"
        let r = try await CLIRunner.run(["analyze"], stdin: Data(input.utf8))
        #expect(r.status == 65)
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a", "c"])
        #expect(r.stderr.contains("<stdin>:2"), "\(r.stderr)")
        #expect(r.stderr.contains("trailing comma"), "\(r.stderr)")
        #expect(r.stderr.contains("at byte 39"), "\(r.stderr)")  // 27 bytes of line 1, then 12 into line 2
    }

    @Test("duplicate ids are written but reported on stderr with both places")
    func duplicateIDs() async throws {
        let input = "{\"id\":\"a\",\"text\":\"Uno.\"}\n{\"id\":\"b\",\"text\":\"Due.\"}\n{\"id\":\"a\",\"text\":\"Tre.\"}\n"
        let r = try await CLIRunner.run(["analyze"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        #expect(r.jsonLines.map { $0["id"] as? String } == ["a", "b", "a"])
        #expect(r.stderr.contains("cronista: warning: <stdin>:3: duplicate id 'a' (first at <stdin>:1)"), "\(r.stderr)")
    }

    @Test("output that cannot be written (/dev/full) is an error with exit status 74, not a silent 0")
    func devFull() async throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        for args in [
            ["analyze", Fixtures.seedTextPath, "-o", "/dev/full"], ["analyze", "--pretty", Fixtures.seedTextPath, "-o", "/dev/full"]
        ] {
            let r = try await CLIRunner.run(args)
            #expect(r.status == 74, "\(args): exit \(r.status), stderr: \(r.stderr)")
            #expect(r.stderr.contains("/dev/full"), "\(r.stderr)")
            #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
        }
    }
}
