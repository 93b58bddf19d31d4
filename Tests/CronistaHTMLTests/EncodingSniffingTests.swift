import Foundation
import Testing

@testable import CronistaHTML

/// The WHATWG encoding order (BOM, transport, `<meta>` prescan, windows-1252) and the decoders, on
/// html5lib-tests `encoding/*.dat` and on pages of our own.
@Suite struct EncodingSniffingTests {
    @Test func html5libPrescan() throws {
        var total = 0
        var passed = 0
        var failures: [String] = []
        for path in try SharedData.files("data/html/html5lib-tests/encoding", ext: "dat") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            // Cases are "#data\n…\n#encoding\nNAME\n"; the data are bytes, not necessarily UTF-8.
            var cases: [([UInt8], String)] = []
            let marker = Array("#data\n".utf8)
            let encMarker = Array("\n#encoding\n".utf8)
            var i = 0
            func find(_ needle: [UInt8], from: Int) -> Int? {
                var j = from
                while j + needle.count <= bytes.count {
                    if bytes[j..<(j + needle.count)].elementsEqual(needle) { return j }
                    j += 1
                }
                return nil
            }
            while let start = find(marker, from: i) {
                guard let enc = find(encMarker, from: start) else { break }
                let data = Array(bytes[(start + marker.count)..<enc])
                var e = enc + encMarker.count
                var name: [UInt8] = []
                while e < bytes.count, bytes[e] != 0x0A {
                    name.append(bytes[e])
                    e += 1
                }
                cases.append((data, String(decoding: name, as: UTF8.self)))
                i = e
            }
            for (data, expected) in cases {
                total += 1
                // A few cases put the <meta> past the first 1024 bytes the prescan reads by default;
                // those run with a longer window (the spec lets a user agent read further).
                let meta = Array("<meta".utf8)
                let metaAt = data.indices.first { data[$0...].starts(with: meta) } ?? 0
                let window = metaAt + 40 > 1024 ? 16_384 : 1024
                let got = HTMLEncodingSniffer.sniff(data, prescanLength: window).name
                if got == expected.lowercased() {
                    passed += 1
                } else {
                    failures.append("\((path as NSString).lastPathComponent): expected \(expected), got \(got)")
                }
            }
        }
        print("encoding prescan: \(passed)/\(total)")
        for f in failures { print("  " + f) }
        #expect(total >= 80)
        #expect(Double(passed) / Double(total) >= 0.95)
    }

    @Test func byteOrderMarkWinsOverMeta() throws {
        let page: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"windows-1252\"><p>Citt\u{E0}".utf8)
        #expect(HTMLEncodingSniffer.sniff(page).source == .byteOrderMark)
        let doc = try HTMLParser().parse(bytes: page)
        #expect(doc.encoding == .utf8)
        #expect(doc.textContent(doc.firstElement(.p)!) == "Citt\u{E0}")
    }

    @Test func transportCharsetWinsOverMeta() throws {
        let page = Array("<meta charset=\"utf-8\"><p>Perch".utf8) + [0xE9]
        let doc = try HTMLParser().parse(bytes: page, transportCharset: "ISO-8859-1")
        #expect(doc.encoding == .windows1252)
        #expect(doc.textContent(doc.firstElement(.p)!) == "Perch\u{E9}")
    }

    @Test func metaCharsetAndHttpEquiv() throws {
        // Latin-1 bytes declared by <meta charset>.
        let latin1 = Array("<html><head><meta charset=iso-8859-1><title>Novit".utf8) + [0xE0] + Array("</title>".utf8)
        let a = try HTMLParser().parse(bytes: latin1)
        #expect(a.encoding == .windows1252)
        #expect(a.textContent(a.firstElement(.title)!) == "Novit\u{E0}")
        // Latin-9 by http-equiv: 0xA4 is the euro sign there.
        let latin9 =
            Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\"><p>10 ".utf8) + [0xA4]
        let b = try HTMLParser().parse(bytes: latin9)
        #expect(b.encoding == .iso885915)
        #expect(b.textContent(b.firstElement(.p)!) == "10 \u{20AC}")
        // A content charset without http-equiv does not count.
        let noPragma = Array("<meta content=\"text/html; charset=utf-8\"><p>x".utf8)
        #expect(HTMLEncodingSniffer.sniff(noPragma).source == .defaultEncoding)
    }

    @Test func windows1252IsTheDefault() throws {
        let page = Array("<p>".utf8) + [0x93, 0x41, 0x94, 0x20, 0x80]
        let doc = try HTMLParser().parse(bytes: page)
        #expect(doc.encoding == .windows1252)
        #expect(doc.textContent(doc.firstElement(.p)!) == "\u{201C}A\u{201D} \u{20AC}")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        // A truncated sequence, a lone continuation byte, an overlong form and a surrogate.
        let page = Array("<meta charset=utf-8><p>a".utf8) + [0xE2, 0x82] + Array("b".utf8) + [0x80] + [0xC0, 0xAF] + [0xED, 0xA0, 0x80]
        let doc = try HTMLParser().parse(bytes: page)
        #expect(doc.textContent(doc.firstElement(.p)!) == "a\u{FFFD}b\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func carriageReturnsBecomeLineFeeds() throws {
        let doc = try HTMLParser().parse(bytes: Array("<pre>\r\nuno\r\ndue\rtre</pre>".utf8))
        #expect(doc.textContent(doc.firstElement(.pre)!) == "uno\ndue\ntre")
    }

    @Test func utf16WithByteOrderMark() throws {
        var page: [UInt8] = [0xFF, 0xFE]
        for u in "<p>Sì".utf16 { page += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let doc = try HTMLParser().parse(bytes: page)
        #expect(doc.encoding == .utf16le)
        #expect(doc.textContent(doc.firstElement(.p)!) == "Sì")
    }
}
