import Foundation
import Testing

@testable import CronistaHTML

/// html5lib-tests tokenizer suites (`tokenizer/*.test`): tokens compared with characters coalesced;
/// parse errors are counted by the tokenizer but not compared. Cases whose input holds a lone
/// surrogate (not representable in UTF-8) are skipped and counted as such.
@Suite struct TokenizerConformanceTests {
    /// Undoes the suite's `doubleEscaped` escaping; nil when a lone surrogate is left.
    static func unescape(_ s: String) -> String? {
        var units: [UInt16] = []
        let u = Array(s.utf16)
        var i = 0
        while i < u.count {
            if u[i] == 0x5C, i + 5 < u.count + 0, u[i + 1] == 0x75,
                let v = UInt16(String(utf16CodeUnits: Array(u[(i + 2)..<(i + 6)]), count: 4), radix: 16)
            {
                units.append(v)
                i += 6
            } else {
                units.append(u[i])
                i += 1
            }
        }
        var out = ""
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let v): out.unicodeScalars.append(v)
            case .emptyInput: return out
            case .error: return nil
            }
        }
    }

    enum Decode: Error { case loneSurrogate }

    static func text(_ v: Any?, _ escaped: Bool) throws -> String? {
        guard let s = v as? String else { return nil }
        if !escaped { return s }
        guard let r = unescape(s) else { throw Decode.loneSurrogate }
        return r
    }

    /// The expected tokens in a canonical string form.
    static func expected(_ output: [Any], escaped: Bool) throws -> [String] {
        var out: [String] = []
        for case let token as [Any] in output {
            let kind = token[0] as! String
            switch kind {
            case "Character":
                let s = try text(token[1], escaped)!
                if let last = out.last, last.hasPrefix("C|") { out[out.count - 1] = last + s } else { out.append("C|" + s) }
            case "StartTag":
                let attrs = (token[2] as? [String: Any]) ?? [:]
                var parts: [String] = []
                for (k, v) in attrs { parts.append(try text(k, escaped)! + "=" + (try text(v, escaped) ?? "")) }
                let selfClosing = token.count > 3 && (token[3] as? Bool) == true
                out.append("S|\(try text(token[1], escaped)!)|\(parts.sorted().joined(separator: "&"))|\(selfClosing)")
            case "EndTag": out.append("E|" + (try text(token[1], escaped)!))
            case "Comment": out.append("M|" + (try text(token[1], escaped)!))
            case "DOCTYPE":
                let name = try text(token[1], escaped)
                let pub = try text(token[2], escaped)
                let sys = try text(token[3], escaped)
                out.append("D|\(name ?? "<nil>")|\(pub ?? "<nil>")|\(sys ?? "<nil>")|\(token[4] as? Bool ?? false)")
            default: out.append("?" + kind)
            }
        }
        return out
    }

    static func run(_ input: String, state: HTMLTokenizer.State, lastStartTag: String?) -> [String] {
        let t = HTMLTokenizer(HTMLDecoder.utf8(Array(input.utf8), stripBOM: false))
        t.state = state
        if let last = lastStartTag { t.lastStartTag = Array(last.utf8) }
        var out: [String] = []
        func s(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }
        var steps = 0
        while true {
            steps += 1
            if steps > 100_000 || t.text.count > 1_000_000 { return out + ["runaway"] }
            let kind = t.next()
            switch kind {
            case .eof: return out
            case .characters:
                if let last = out.last, last.hasPrefix("C|") { out[out.count - 1] = last + s(t.text) } else { out.append("C|" + s(t.text)) }
            case .startTag:
                var parts: [String] = []
                for a in t.attributes {
                    parts.append(
                        s(Array(t.attributeBytes[Int(a.nameStart)..<Int(a.nameEnd)])) + "="
                            + s(Array(t.attributeBytes[Int(a.valueStart)..<Int(a.valueEnd)])))
                }
                out.append("S|\(s(t.tagName))|\(parts.sorted().joined(separator: "&"))|\(t.selfClosing)")
            case .endTag: out.append("E|" + s(t.tagName))
            case .comment: out.append("M|" + s(t.commentData))
            case .doctype:
                let name = t.doctypeNameMissing ? "<nil>" : s(t.doctypeName)
                out.append("D|\(name)|\(t.publicID.map(s) ?? "<nil>")|\(t.systemID.map(s) ?? "<nil>")|\(!t.forceQuirks)")
            }
        }
    }

    static let states: [String: HTMLTokenizer.State] = [
        "Data state": .data, "PLAINTEXT state": .plaintext, "RCDATA state": .rcdata, "RAWTEXT state": .rawtext,
        "Script data state": .scriptData, "CDATA section state": .cdataSection
    ]

    @Test func passRate() throws {
        let files = try SharedData.files("data/html/html5lib-tests/tokenizer", ext: "test")
        var total = 0
        var passed = 0
        var skipped = 0
        var report = ""
        var failures = ""
        for path in files {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            guard let tests = json["tests"] as? [[String: Any]] else { continue }
            var fileTotal = 0
            var filePassed = 0
            for test in tests {
                let escaped = test["doubleEscaped"] as? Bool ?? false
                guard let input = try? Self.text(test["input"], escaped),
                    let expected = try? Self.expected(test["output"] as! [Any], escaped: escaped)
                else {
                    skipped += 1
                    continue
                }
                for stateName in test["initialStates"] as? [String] ?? ["Data state"] {
                    let actual = Self.run(input, state: Self.states[stateName]!, lastStartTag: test["lastStartTag"] as? String)
                    fileTotal += 1
                    if actual == expected {
                        filePassed += 1
                    } else {
                        failures += "### \((path as NSString).lastPathComponent) \(test["description"] ?? "") [\(stateName)]\n"
                        failures += "input: \(input.debugDescription)\nexpected: \(expected)\nactual:   \(actual)\n\n"
                    }
                }
            }
            total += fileTotal
            passed += filePassed
            report += String(format: "%-30@ %5d/%5d\n", (path as NSString).lastPathComponent, filePassed, fileTotal)
        }
        let rate = Double(passed) / Double(max(total, 1))
        report += String(format: "tokenizer: %d/%d = %.1f%% (%d cases with lone surrogates skipped)\n", passed, total, rate * 100, skipped)
        print(report)
        if let out = ProcessInfo.processInfo.environment["CRONISTA_HTML_TOKENIZER_FAILURES"] {
            try (report + "\n" + failures).write(toFile: out, atomically: true, encoding: .utf8)
        }
        #expect(total > 6000)
        #expect(rate >= 0.98, "tokenizer pass rate \(rate)")
    }
}
