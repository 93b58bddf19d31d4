import CronistaCore
import Foundation
import Testing

@Suite("JSON reader (RFC 8259)")
struct JSONValueTests {
    static func parse(_ s: String) throws(JSONParseError) -> JSONValue { try JSONValue.parse(Array(s.utf8)) }

    @Test("U+FEFF, U+200B, ZWJ emoji and flags inside a string are kept, code point for code point")
    func keepsEveryCharacter() throws {
        let texts = ["\u{FEFF}Mario Draghi ha detto.", "a\u{200B}b", "👩‍👩‍👧‍👦 🇮🇹 e\u{301}", "\u{FEFF}\u{FEFF}", "riga\r\nnuova\rvecchia"]
        for text in texts {
            // Encoded by Foundation, both raw and with every non-ASCII character escaped.
            let raw = String(decoding: try JSONSerialization.data(withJSONObject: ["text": text]), as: UTF8.self)
            #expect(try Self.parse(raw)["text"]?.stringValue == text)
            var escaped = "{\"text\":\""
            for unit in text.utf16 {
                if unit < 0x80, let s = Unicode.Scalar(UInt32(unit)), s != "\"", s != "\\", unit >= 0x20 {
                    escaped.unicodeScalars.append(s)
                } else {
                    escaped += String(format: "\\u%04x", unit)
                }
            }
            escaped += "\"}"
            let value = try Self.parse(escaped)["text"]?.stringValue
            #expect(value == text)
            #expect(value?.unicodeScalars.count == text.unicodeScalars.count)
        }
    }

    @Test("the issue's repro: a BOM inside the text is one code point of the text")
    func bomInsideString() throws {
        let line: [UInt8] = Array(#"{"id":"r","text":""#.utf8) + [0xEF, 0xBB, 0xBF] + Array(#"Mario Draghi ha detto."}"#.utf8)
        let text = try #require(try JSONValue.parse(line)["text"]?.stringValue)
        #expect(text.unicodeScalars.first == "\u{FEFF}")
        #expect(text.unicodeScalars.count == 23)
    }

    @Test("values of every type, escapes and surrogate pairs")
    func values() throws {
        let v = try Self.parse(#" {"a": [1, -0.5e+3, true, false, null], "s": "\"\\\/\b\f\n\r\t\u00e8\ud83d\ude00", "o": {}} "#)
        #expect(v["a"] == .array([.number("1"), .number("-0.5e+3"), .bool(true), .bool(false), .null]))
        #expect(v["s"]?.stringValue == "\"\\/\u{8}\u{C}\n\r\tè😀")
        #expect(v["o"] == .object([:]))
        #expect(try Self.parse("\u{FEFF}[]") == .array([]))  // a BOM before the value is skipped
    }

    @Test(
        "invalid texts are refused with the offset of the first bad byte",
        arguments: [
            (#"{"text":"a",}"#, 12, "trailing comma"),
            ("[1,2,]", 5, "trailing comma"),
            (#"{"text":"\ud83d"}"#, 9, "lone surrogate"),
            (#"{"text":"\ud83dx"}"#, 9, "lone surrogate"),
            (#"{"text":"\ude00"}"#, 9, "lone surrogate"),
            (#"{"text":"\ud83d\u0041"}"#, 9, "lone surrogate"),
            (#"{"a":1,"a":2}"#, 7, "duplicate key"),
            ("01", 0, "leading zero"),
            ("1.", 2, "digit"),
            (#"{"a" 1}"#, 5, "expected ':'"),
            ("\"a\u{01}\"", 2, "control character"),
            (#""\x""#, 1, "invalid escape"),
            ("{} x", 3, "after the JSON value"),
            ("tru", 0, "literal"),
            ("", 0, "empty input"),
            (#"{"a":"b"#, 5, "unterminated string"),
            ("NaN", 0, "expected a value")
        ])
    func refused(text: String, offset: Int, words: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("accepted \(text.debugDescription)")
        } catch {
            #expect(error.byteOffset == offset, "\(text.debugDescription): \(error)")
            #expect(error.message.contains(words), "\(text.debugDescription): \(error)")
        }
    }

    @Test("invalid UTF-8 inside a string is refused at its byte")
    func invalidUTF8() {
        for (bytes, offset) in [([0x22, 0x61, 0xC3, 0x28, 0x22], 2), ([0x22, 0xED, 0xA0, 0x80, 0x22], 1), ([0x22, 0xE2, 0x82, 0x22], 1)]
            as [([UInt8], Int)]
        {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
            do { _ = try JSONValue.parse(bytes) } catch { #expect(error.byteOffset == offset) }
        }
    }

    @Test("nesting is bounded: 100 levels read, 100,000 refused without exhausting the stack")
    func depth() throws {
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try Self.parse(ok) }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do { _ = try Self.parse(deep); Issue.record("accepted") } catch { #expect(error.message.contains("nesting")) }
    }

    @Test("agrees with Foundation on the strings of real documents")
    func agreesWithFoundation() throws {
        let samples = [
            "L’ ambasciatore è stato informato", "«Questa è una completa bugia», ha detto", "tab\there \"quoted\" \\ slash /",
            "日本語 ελληνικά кириллица"
        ]
        for s in samples {
            let data = try JSONSerialization.data(withJSONObject: ["id": "x", "text": s, "n": 12])
            let v = try JSONValue.parse(data)
            #expect(v["text"]?.stringValue == s)
            #expect(v["n"]?.numberLiteral == "12")
        }
    }
}
