import CronistaHTML
import Foundation

// cronista-html-bench [DIR] [--passes N] [--extract OUT.jsonl] | --tree FILE…: parses every page of DIR (.html or
// .html.gz; default ../shared/data/html/scrapinghub-aeb/html, `CRONISTA_SHARED` overrides ../shared)
// on one core and prints pages/s and MB/s. Pages are read and gunzipped (by `gzip -dc`) before the
// clock starts: only sniffing, decoding and parsing are timed.

var args = Array(CommandLine.arguments.dropFirst())
// --tree FILE…: each file parsed as UTF-8 and printed in the html5lib tree format, then "#end"
// (scripts/fuzz-html-gumbo compares this with gumbo's tree).
if args.first == "--tree" {
    for path in args.dropFirst() {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        do {
            print(try HTMLParser().parse(bytes: bytes, transportCharset: "utf-8").treeDump(), terminator: "")
        } catch {
            print("#error \(error)")
        }
        print("#end")
    }
    exit(0)
}
if let i = args.firstIndex(of: "--extract"), i + 1 < args.count { args.removeSubrange(i...(i + 1)) }
var passes = 5
if let i = args.firstIndex(of: "--passes"), i + 1 < args.count {
    passes = Int(args[i + 1]) ?? 5
    args.removeSubrange(i...(i + 1))
}
let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let shared =
    ProcessInfo.processInfo.environment["CRONISTA_SHARED"].map { URL(fileURLWithPath: $0) }
    ?? repo.deletingLastPathComponent().appendingPathComponent("shared")
if passes <= 0 { exit(0) }  // `--passes 0`: only build (scripts/bench-html)
let defaultDir = shared.appendingPathComponent("data/html/scrapinghub-aeb/html").path
let dir = args.first ?? defaultDir

func load(_ path: String) throws -> [UInt8] {
    if path.hasSuffix(".gz") {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](data)
    }
    return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
}

let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".html") || $0.hasSuffix(".html.gz") }.sorted()
var pages: [[UInt8]] = []
for n in names { pages.append(try load(dir + "/" + n)) }
let bytes = pages.reduce(0) { $0 + $1.count }
guard !pages.isEmpty else {
    print("no pages in \(dir)")
    exit(1)
}

let parser = HTMLParser()
var nodes = 0
var errors = 0
var failures = 0
// Warm-up pass (entity table, tag tables).
for p in pages { _ = try? parser.parse(bytes: p) }
var perPage = [Double](repeating: .infinity, count: pages.count)
/// This thread's CPU time in seconds: the one-core cost, whatever else the machine runs.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
let clock = ContinuousClock()
let start = clock.now
let cpuStart = cpuSeconds()
for _ in 0..<passes {
    for (i, p) in pages.enumerated() {
        let t0 = cpuSeconds()
        do {
            let doc = try parser.parse(bytes: p)
            nodes += doc.nodes.count
            errors += doc.parseErrors
        } catch {
            failures += 1
        }
        perPage[i] = min(perPage[i], cpuSeconds() - t0)
    }
}
let seconds = cpuSeconds() - cpuStart
let elapsed = clock.now - start
let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let total = Double(pages.count * passes)
let sorted = perPage.sorted()
print(
    String(
        format: "%d pages (%.1f MB) × %d passes, one core (thread CPU time): %.0f pages/s, %.1f MB/s, mean %.3f ms/page; "
            + "per page (best pass) median %.3f ms, p95 %.3f ms, max %.3f ms; wall clock %.0f pages/s",
        pages.count, Double(bytes) / 1e6, passes, total / seconds, Double(bytes * passes) / 1e6 / seconds, seconds / total * 1000,
        sorted[sorted.count / 2] * 1000, sorted[Int(Double(sorted.count) * 0.95)] * 1000, sorted.last! * 1000, total / wall))
print("nodes per pass: \(nodes / passes), parse errors per pass: \(errors / passes), limit errors: \(failures)")

// --extract OUT.jsonl: also writes {"id","text","title","published","author"} per page, for score_html.py,
// and times parse + extraction + metadata over the same passes (the path `cronista extract` runs).
if let i = CommandLine.arguments.firstIndex(of: "--extract"), i + 1 < CommandLine.arguments.count {
    let extractor = MainTextExtractor()
    let metadata = MetadataExtractor()
    var lines = [String](repeating: "", count: pages.count)
    let cpu0 = cpuSeconds()
    for _ in 0..<passes {
        for (k, (name, page)) in zip(names, pages).enumerated() {
            var id = name
            for suffix in [".gz", ".html"] where id.hasSuffix(suffix) { id.removeLast(suffix.count) }
            guard let doc = try? parser.parse(bytes: page) else {
                lines[k] = "{\"id\":\(jsonString(id)),\"text\":\"\"}"
                continue
            }
            let text = extractor.extract(doc).text
            let meta = metadata.extract(doc)
            var line = "{\"id\":\(jsonString(id)),\"text\":\(jsonString(text))"
            for (key, value) in [("title", meta.title), ("published", meta.published), ("author", meta.author)] {
                if let value { line += ",\"\(key)\":\(jsonString(value))" }
            }
            lines[k] = line + "}"
        }
    }
    let cpu = cpuSeconds() - cpu0
    try (lines.joined(separator: "\n") + "\n").write(toFile: CommandLine.arguments[i + 1], atomically: true, encoding: .utf8)
    print(
        String(
            format: "parse + extract + metadata: %.0f pages/s (%.3f ms/page, one core, %d passes)", total / cpu, cpu / total * 1000,
            passes))
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}
