import ArgumentParser
import CronistaCore
import CronistaIngest
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extracts the article of saved web pages as JSON Lines input documents.",
        discussion: """
            Each page (.html, .htm or .html.gz) becomes one line {"id", "url", "title", "published", "author", \
            "text"}: the id is the file name without its extensions, `published` the page's publication date \
            (YYYY-MM-DD), and the text the main article with paragraphs separated by a blank line. The output \
            is what `cronista analyze` reads. A page that cannot be read is reported on standard error with \
            its file name; the others are still written, and the exit status is 65 at the end.
            """)

    @Argument(help: "Saved pages (.html, .htm, .html.gz) and directories of them.")
    var pages: [String]

    @Option(name: .shortAndLong, help: "Write JSON Lines to this file instead of standard output.")
    var output: String?

    func run() throws {
        let sink = try OutputSink(path: output)
        var failures = 0
        for path in InputSource.expandingDirectories(pages) {
            do {
                let page = try HTMLPage.read(path: path)
                try sink.write(Array(Self.jsonLine(page).utf8))
            } catch let e as CronistaError {
                failures += 1
                printError("cronista: error: \(e)")
            }
        }
        try sink.finish()
        if failures > 0 { throw ExitCode(65) }
    }

    static func jsonLine(_ page: HTMLPage) -> String {
        let d = page.document
        var fields: [(String, String?)] = [("id", d.id), ("url", d.metadata.url), ("title", d.metadata.title)]
        fields += [("published", d.metadata.published), ("author", page.author), ("text", d.text)]
        let body = fields.compactMap { key, value in value.map { "\"\(key)\":\(jsonString($0))" } }
        return "{" + body.joined(separator: ",") + "}\n"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
