import Foundation
import Testing

@testable import CronistaHTML

/// Bad pages: deep nesting, size and node caps give a clear error in bounded time; nothing recurses.
@Suite struct ParserLimitsTests {
    @Test func hundredThousandNestedDivsStopAtTheDepthLimit() throws {
        let page = String(repeating: "<div>", count: 100_000) + "fine" + String(repeating: "</div>", count: 100_000)
        do {
            _ = try HTMLParser().parse(page)
            Issue.record("expected a depth error")
        } catch {
            #expect(error.limit == .nestingDepth)
            #expect(error.maximum == 1024)
            // The 1,025th <div> ends at byte 1,025 × 5 (plus the implied html/body on the stack).
            #expect(error.offset > 5000 && error.offset < 5200)
            #expect(error.description.contains("nesting depth"))
        }
    }

    @Test func deepNestingWithinARaisedLimitParsesIteratively() throws {
        let n = 20_000
        let page = String(repeating: "<div>", count: n) + "fondo"
        let doc = try HTMLParser(limits: HTMLParseLimits(maxDepth: n + 10)).parse(page)
        var depth = 0
        var node = doc.firstElement(.body)!
        while let child = doc.children(node).first, doc[child].kind == .element {
            depth += 1
            node = child
        }
        #expect(depth == n)
        #expect(doc.textContent(node) == "fondo")
        #expect(doc.treeDump().contains("\"fondo\""))
    }

    @Test func inputSizeAndNodeCaps() throws {
        let big = [UInt8](repeating: 0x61, count: 2_000)
        #expect(throws: HTMLParseError(limit: .inputSize, maximum: 1_000, offset: 2_000)) {
            _ = try HTMLParser(limits: HTMLParseLimits(maxInputBytes: 1_000)).parse(bytes: big)
        }
        let many = String(repeating: "<br>", count: 500)
        do {
            _ = try HTMLParser(limits: HTMLParseLimits(maxNodes: 100)).parse(many)
            Issue.record("expected a node-count error")
        } catch {
            #expect(error.limit == .nodeCount)
        }
    }

    @Test func nestedFormattingAndUnclosedParagraphsStayBounded() throws {
        // Misnested formatting repeated: the adoption agency runs each time; the Noah's Ark clause
        // keeps the list short.
        let page = String(repeating: "<b><i>x</b>y</i><p>", count: 5_000)
        let doc = try HTMLParser().parse(page)
        #expect(doc.nodes.count > 20_000)
        let anchors = String(repeating: "<a href=x>", count: 50_000)
        let a = try HTMLParser().parse(anchors)
        #expect(a.nodes.count >= 50_000)
    }

    @Test func binaryGarbageParses() throws {
        var rng = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 200_000)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let doc = try HTMLParser().parse(bytes: bytes)
        #expect(doc.firstElement(.body) != nil)
    }

    @Test func binaryDataIsRecognisedAndPagesAreNot() throws {
        var rng = SystemRandomNumberGenerator()
        let random = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(HTMLEncodingSniffer.binaryData(random)?.contains("control bytes") == true)
        #expect(HTMLEncodingSniffer.binaryData([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]) == "a PNG image")
        #expect(HTMLEncodingSniffer.binaryData(Array("%PDF-1.7\n".utf8)) == "a PDF file")
        let page = Array("<!doctype html><html><body>\t<p>Una pagina\r\ncon testo.</p></body></html>".utf8)
        #expect(HTMLEncodingSniffer.binaryData(page) == nil)
        // UTF-16 text is full of NUL bytes but has its byte order mark.
        #expect(HTMLEncodingSniffer.binaryData([0xFF, 0xFE, 0x3C, 0x00, 0x70, 0x00, 0x3E, 0x00]) == nil)
    }

    @Test func invalidBytesInTheDeclaredCharsetAreCounted() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Citt".utf8)
        bytes += [0xE0, 0x20, 0xFF, 0xC3, 0x28]  // latin-1 à, a stray 0xFF, a cut sequence
        bytes += Array(" di mare.</p></body></html>".utf8)
        let doc = try HTMLParser().parse(bytes: bytes)
        #expect(doc.encoding == .utf8)
        #expect(doc.invalidByteSequences == 3)
        #expect(doc.textContent(try #require(doc.firstElement(.body))) == "Citt\u{FFFD} \u{FFFD}\u{FFFD}( di mare.")
        let clean = try HTMLParser().parse(bytes: Array("<meta charset=utf-8><p>Città di mare.</p>".utf8))
        #expect(clean.invalidByteSequences == 0)
    }

    @Test func pageWithoutBodyTextGivesAnEmptyResult() throws {
        let doc = try HTMLParser().parse("<html><head><title>Solo un titolo</title><meta name=author content=\"Ada Neri\"></head></html>")
        let result = MainTextExtractor().extract(doc)
        #expect(result.text.isEmpty && result.body == nil)
        #expect(MetadataExtractor().extract(doc).title == "Solo un titolo")
    }
}
