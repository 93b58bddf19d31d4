import ArgumentParser
import CronistaCore
import CronistaIngest
import CronistaNLP
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
                for w in page.warnings { printError("cronista: warning: \(path): \(w)") }
                try sink.write(Self.jsonLine(page))
            } catch let e as CronistaError {
                failures += 1
                printError("cronista: error: \(e)")
            }
        }
        try sink.finish()
        if failures > 0 { throw ExitCode(65) }
    }

    /// The page as one JSON Lines input document; absent fields are left out.
    static func jsonLine(_ page: HTMLPage) -> [UInt8] {
        let d = page.document
        var w = JSONWriter(capacity: 256 + d.text.utf8.count)
        w.beginObject()
        for (key, value) in [
            ("id", d.id), ("url", d.metadata.url), ("title", d.metadata.title), ("published", d.metadata.published),
            ("author", page.author), ("text", d.text)
        ] {
            guard let value else { continue }
            w.key(key)
            w.string(value)
        }
        w.endObject()
        w.bytes.append(0x0A)
        return w.bytes
    }
}
