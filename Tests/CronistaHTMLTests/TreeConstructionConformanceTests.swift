import Foundation
import Testing

@testable import CronistaHTML

/// html5lib-tests tree construction: every `.dat` case parsed and dumped in the suite's format.
/// Set `CRONISTA_HTML_FAILURES=path` to write the failing cases (input, expected, actual) there.
@Suite struct TreeConstructionConformanceTests {
    struct Case {
        var file: String
        var index: Int
        var data: String
        var expected: String
        var fragment: String?
        var scripting: Bool?
    }

    static func cases(in path: String) throws -> [Case] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let file = (path as NSString).lastPathComponent
        var out: [Case] = []
        var chunks = text.components(separatedBy: "\n#data\n")
        if chunks.first?.hasPrefix("#data\n") == true { chunks[0].removeFirst("#data\n".count) }
        for (i, chunk) in chunks.enumerated() {
            var sections: [String: [String]] = [:]
            var current = "#data"
            var order: [String] = ["#data"]
            for line in chunk.components(separatedBy: "\n") {
                if ["#errors", "#new-errors", "#document-fragment", "#document", "#script-off", "#script-on"].contains(line),
                    current != "#document"
                {
                    current = line
                    order.append(line)
                    sections[line, default: []] = []
                    continue
                }
                sections[current, default: []].append(line)
            }
            let data = sections["#data", default: []].joined(separator: "\n")
            var doc = sections["#document", default: []].joined(separator: "\n")
            while doc.hasSuffix("\n") { doc.removeLast() }
            let fragment = sections["#document-fragment"]?.first
            let scripting: Bool? = order.contains("#script-on") ? true : order.contains("#script-off") ? false : nil
            out.append(Case(file: file, index: i, data: data, expected: doc, fragment: fragment, scripting: scripting))
        }
        return out
    }

    static func run(_ c: Case) -> String {
        let parser = HTMLParser(scripting: c.scripting ?? false)
        do {
            if let ctx = c.fragment {
                var ns = HTMLDocument.Namespace.html
                var name = ctx
                if ctx.hasPrefix("svg ") {
                    ns = .svg
                    name = String(ctx.dropFirst(4))
                } else if ctx.hasPrefix("math ") {
                    ns = .math
                    name = String(ctx.dropFirst(5))
                }
                return try parser.parseFragment(c.data, context: name, namespace: ns).treeDump(from: 1)
            }
            return try parser.parse(c.data).treeDump()
        } catch {
            return "error: \(error)"
        }
    }

    @Test func passRate() throws {
        let files = try SharedData.files("data/html/html5lib-tests/tree-construction", ext: "dat")
        #expect(files.count > 50)
        var total = 0
        var passed = 0
        var scriptOnTotal = 0
        var scriptOnPassed = 0
        var report = ""
        var failures = ""
        for path in files {
            var fileTotal = 0
            var filePassed = 0
            for c in try TreeConstructionConformanceTests.cases(in: path) {
                var actual = TreeConstructionConformanceTests.run(c)
                while actual.hasSuffix("\n") { actual.removeLast() }
                let ok = actual == c.expected
                if c.scripting == true {
                    scriptOnTotal += 1
                    if ok { scriptOnPassed += 1 }
                } else {
                    fileTotal += 1
                    if ok { filePassed += 1 }
                }
                if !ok {
                    failures += "### \(c.file) #\(c.index)\(c.fragment.map { " fragment=\($0)" } ?? "")"
                    failures +=
                        "\(c.scripting == true ? " script-on" : "")\n#data\n\(c.data)\n#expected\n\(c.expected)\n#actual\n\(actual)\n\n"
                }
            }
            total += fileTotal
            passed += filePassed
            report += String(format: "%-45@ %4d/%4d\n", (path as NSString).lastPathComponent, filePassed, fileTotal)
        }
        let rate = Double(passed) / Double(max(total, 1))
        report += String(
            format: "tree construction (scripting off): %d/%d = %.1f%%; #script-on cases: %d/%d\n", passed, total, rate * 100,
            scriptOnPassed, scriptOnTotal)
        print(report)
        if let out = ProcessInfo.processInfo.environment["CRONISTA_HTML_FAILURES"] {
            try (report + "\n" + failures).write(toFile: out, atomically: true, encoding: .utf8)
        }
        #expect(total > 1500)
        #expect(rate >= 0.95, "tree construction pass rate \(rate)")
    }
}
