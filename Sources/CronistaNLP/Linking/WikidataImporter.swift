#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams a Wikidata JSON dump (`[`, one entity per line with a trailing comma, `]`) into the
/// KB's `entities.jsonl` format, in bounded memory.
///
/// One pass over the dump: each line first goes through a byte prefilter (only lines naming the
/// claims the KB reads are parsed); items that may become entities (P31, enough sitelinks, a label
/// in a wanted language) are spooled to a temporary file in a compact form, while the subclass
/// edges (P279), the labels of positions and the ISO codes of countries are kept in memory (a few
/// million edges and some hundred thousand positions for the whole dump). At the end the class
/// closure of the roots in `KB/wikidata-classes.tsv` types the spooled items, and each kept one is
/// written with its positions' labels resolved: instance and class may come in any order.
public struct WikidataImporter {
    public struct Options: Sendable {
        /// Items with fewer sitelinks are dropped (the size budget); 0 keeps everything typed.
        public var minSitelinks: Int
        /// Label and alias languages kept, as KB name languages.
        public var languages: [String]
        /// The language whose labels stand for every language without its own (Wikidata's `mul`).
        public var fallbackLanguage: String
        public init(minSitelinks: Int = 1, languages: [String] = ["it", "en"], fallbackLanguage: String = "mul") {
            self.minSitelinks = minSitelinks
            self.languages = languages
            self.fallbackLanguage = fallbackLanguage
        }
    }

    /// What an import read and wrote.
    public struct Summary: Sendable {
        public var lines = 0
        /// Lines the byte prefilter let through to the JSON parser.
        public var parsed = 0
        /// Items spooled as possible entities.
        public var candidates = 0
        public var subclassEdges = 0
        public var positions = 0
        /// Entities written, per KB type label (`PER`, `ORG`, `LOC`).
        public var written: [String: Int] = [:]
        public var bytesWritten = 0
        /// Lines that were not JSON objects, with their line numbers (the import goes on).
        public var brokenLines: [KnowledgeBaseError] = []
    }

    /// A class whose subclasses (through P279) type the entities: `Q5` → PER.
    struct Root {
        var item: UInt32
        /// `PER`, `ORG`, `LOC`, `-` (drop), `ROLE` (a position class) or `OCC` (an occupation class,
        /// whose detail is the `kind` of a person with that occupation, P106).
        var type: String
        /// The KB subtype (places) or kind (organisations), if any.
        var detail: String?
    }

    struct Position {
        var labels: [String: String]
        var jurisdiction: String?
    }

    let options: Options
    let roots: [Root]
    let roleRoots: Set<String>
    let path: String
    private let wanted: Set<String>
    /// `"Q4164871"` for each ROLE class, for the prefilter.
    private let roleNeedles: [[UInt8]]
    private var edges: [UInt64] = []
    private var positionInfo: [String: Position] = [:]
    private var isoByCountry: [String: String] = [:]
    private let spool: UnsafeMutablePointer<FILE>
    public private(set) var summary = Summary()

    /// An importer with the bundled class table (`KB/wikidata-classes.tsv`).
    public init(path: String, options: Options = Options()) throws {
        try self.init(path: path, options: options, classes: try ResourceFiles.text(ResourceFiles.Path.wikidataClasses))
    }

    init(path: String, options: Options, classes: String) throws {
        self.path = path
        self.options = options
        var roots: [Root] = []
        for (n, line) in classes.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2, let q = Self.number(cols[0]), ["PER", "ORG", "LOC", "-", "ROLE", "OCC"].contains(cols[1]) else {
                throw KnowledgeBaseError(
                    path: ResourceFiles.Path.wikidataClasses, line: n + 1, problem: "expected QID<TAB>PER|ORG|LOC|-|ROLE|OCC, got '\(line)'"
                )
            }
            roots.append(Root(item: q, type: String(cols[1]), detail: cols.count > 2 && !cols[2].isEmpty ? String(cols[2]) : nil))
        }
        self.roots = roots
        roleRoots = Set(roots.filter { $0.type == "ROLE" }.map { "Q\($0.item)" })
        roleNeedles = roleRoots.sorted().map { Array("\"\($0)\"".utf8) }
        wanted = Set(options.languages + [options.fallbackLanguage])
        guard let f = tmpfile() else {
            throw KnowledgeBaseError(path: path, line: 0, problem: "cannot create a spool file (\(String(cString: strerror(errno))))")
        }
        spool = f
    }

    /// `Q123` → 123.
    static func number(_ q: some StringProtocol) -> UInt32? {
        guard q.utf8.first == 0x51, q.utf8.count > 1 else { return nil }
        return UInt32(q.dropFirst())
    }

    /// Reads a whole dump from the file descriptor `input` (a file, a pipe from a decompressor,
    /// standard input; `path` names it in messages) and writes the KB to the file `outputPath`.
    public static func run(input fd: Int32, path: String, outputPath: String, options: Options = Options()) throws -> Summary {
        guard let input = fdopen(fd, "r") else {
            throw KnowledgeBaseError(path: path, line: 0, problem: "cannot read (\(String(cString: strerror(errno))))")
        }
        defer { fclose(input) }
        guard let output = fopen(outputPath, "w") else {
            throw KnowledgeBaseError(path: outputPath, line: 0, problem: "cannot write (\(String(cString: strerror(errno))))")
        }
        defer { fclose(output) }
        return try run(input: input, path: path, output: output, options: options)
    }

    static func run(
        input: UnsafeMutablePointer<FILE>, path: String, output: UnsafeMutablePointer<FILE>, options: Options = Options()
    ) throws -> Summary {
        var importer = try WikidataImporter(path: path, options: options)
        try forEachLine(input) { line, number in importer.consume(line, number: number) }
        if ferror(input) != 0 { throw KnowledgeBaseError(path: path, line: importer.summary.lines, problem: "read error") }
        try importer.finish(output: output)
        return importer.summary
    }

    /// Calls `body` with each line of `f` (without its newline) and its 1-based number.
    static func forEachLine(_ f: UnsafeMutablePointer<FILE>, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var buffer: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(buffer) }
        var number = 0
        while true {
            let n = getline(&buffer, &capacity, f)
            if n < 0 { break }
            number += 1
            var count = n
            if count > 0 && buffer![count - 1] == 0x0A { count -= 1 }
            try buffer!.withMemoryRebound(to: UInt8.self, capacity: count) {
                try body(UnsafeBufferPointer(start: $0, count: count), number)
            }
        }
    }

    /// Reads one line of the dump.
    public mutating func consume(_ raw: UnsafeBufferPointer<UInt8>, number: Int) {
        summary.lines += 1
        // Trim spaces and the comma that separates entities.
        var a = 0
        var b = raw.count
        while a < b, raw[a] == 0x20 || raw[a] == 0x09 || raw[a] == 0x0D { a += 1 }
        while b > a, raw[b - 1] == 0x20 || raw[b - 1] == 0x09 || raw[b - 1] == 0x0D || raw[b - 1] == 0x2C { b -= 1 }
        if a == b { return }
        let line = UnsafeBufferPointer(rebasing: raw[a..<b])
        if b - a == 1 && (line[0] == 0x5B || line[0] == 0x5D) { return }
        // The byte prefilter: most of the dump (scholarly articles, taxa…) has no sitelinks, and no
        // class, position or country claim.
        let hasSubclass = Self.contains(line, "\"P279\"")
        let hasJurisdiction = Self.contains(line, "\"P1001\"")
        let hasISO = Self.contains(line, "\"P297\"")
        let maybeEntity =
            Self.contains(line, "\"P31\"") && (options.minSitelinks <= 0 || !Self.contains(line, "\"sitelinks\":{}"))
        // Positions without sitelinks or jurisdiction still name their role class.
        let mentionsRoleClass = roleNeedles.contains { n in n.withUnsafeBufferPointer { Self.contains(line, $0) } }
        guard hasSubclass || hasJurisdiction || hasISO || maybeEntity || mentionsRoleClass else { return }
        summary.parsed += 1
        var sc = JSONScanner(line, from: 0, to: line.count)
        let r: WikidataRecord
        do {
            r = try WikidataRecord.parse(&sc, languages: wanted)
            if sc.peek() != nil { throw JSONScanner.Failure(offset: sc.pos, problem: "text after the entity") }
        } catch let f as JSONScanner.Failure {
            summary.brokenLines.append(
                KnowledgeBaseError(path: path, line: number, problem: "\(f.problem) at column \(f.offset + a + 1)"))
            return
        } catch {
            summary.brokenLines.append(KnowledgeBaseError(path: path, line: number, problem: "\(error)"))
            return
        }
        guard r.isItem, let child = Self.number(r.id) else { return }
        for p in r.subclassOf {
            if let parent = Self.number(p) {
                edges.append(UInt64(parent) << 32 | UInt64(child))
                summary.subclassEdges += 1
            }
        }
        if let iso = r.iso { isoByCountry[r.id] = iso }
        if r.jurisdiction != nil || r.instanceOf.contains(where: roleRoots.contains) {
            var labels: [String: String] = [:]
            for l in options.languages { if let v = r.labels[l] ?? r.labels[options.fallbackLanguage] { labels[l] = v } }
            positionInfo[r.id] = Position(labels: labels, jurisdiction: r.country ?? r.jurisdiction)
            summary.positions += 1
        }
        if !r.instanceOf.isEmpty && r.sitelinks >= options.minSitelinks { spoolCandidate(r) }
    }

    /// Whether `needle` occurs in `line`.
    static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        contains(line, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }

    static func contains(_ line: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0, line.count >= n, let base = line.baseAddress, let p = needle.baseAddress else { return n == 0 }
        let first = Int32(p[0])
        var at = 0
        let last = line.count - n
        while at <= last {
            guard let hit = memchr(base + at, first, last - at + 1) else { return false }
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + i, p, n) == 0 { return true }
            at = i + 1
        }
        return false
    }

    private mutating func spoolCandidate(_ r: WikidataRecord) {
        var names: [String: String] = [:]
        for l in options.languages { if let v = r.labels[l] ?? r.labels[options.fallbackLanguage] { names[l] = v } }
        guard !names.isEmpty else { return }
        var aliases: [String] = []
        for l in options.languages + [options.fallbackLanguage] {
            for a in r.aliases[l] ?? [] where !aliases.contains(a) && !names.values.contains(a) { aliases.append(a) }
        }
        var w = KBLineWriter()
        w.open()
        w.field("id", r.id)
        w.field("sl", r.sitelinks)
        w.field("p31", r.instanceOf)
        w.key("names")
        w.open()
        for l in options.languages { if let n = names[l] { w.field(l, n) } }
        w.close()
        w.field("aliases", aliases)
        if !r.occupations.isEmpty { w.field("p106", r.occupations) }
        if let c = r.country { w.field("p17", c) }
        if let iso = r.iso { w.field("iso", iso) }
        w.key("pos")
        w.text.append("[")
        for (i, p) in r.positions.enumerated() {
            if i > 0 { w.text.append(",") }
            w.text.append("[")
            w.string(p.item)
            w.text.append(",")
            w.stringOrNull(p.from)
            w.text.append(",")
            w.stringOrNull(p.to)
            w.text.append("]")
        }
        w.text.append("]")
        w.close()
        w.text.append("\n")
        fputs(w.text, spool)
        summary.candidates += 1
    }

    /// Types the spooled items by the class closure and writes the kept ones to `output`.
    mutating func finish(output: UnsafeMutablePointer<FILE>) throws {
        let rootOf = classClosure()
        defer { fclose(spool) }
        var failure: KnowledgeBaseError?
        // First pass: how many people each surname belongs to, so that only a surname of one
        // person becomes an alias.
        var surnames = SurnameCounts()
        rewind(spool)
        try Self.forEachLine(spool) { line, number in
            guard failure == nil else { return }
            var sc = JSONScanner(line, from: 0, to: line.count)
            do {
                try countSurnames(&sc, rootOf: rootOf, into: &surnames)
            } catch {
                failure = KnowledgeBaseError(path: "<spool>", line: number, problem: "\(error)")
            }
        }
        if let failure { throw failure }
        rewind(spool)
        try Self.forEachLine(spool) { line, number in
            guard failure == nil else { return }
            var sc = JSONScanner(line, from: 0, to: line.count)
            do {
                let text = try entityLine(&sc, rootOf: rootOf, surnames: surnames)
                if let text {
                    fputs(text, output)
                    summary.bytesWritten += text.utf8.count
                }
            } catch {
                failure = KnowledgeBaseError(path: "<spool>", line: number, problem: "\(error)")
            }
        }
        if let failure { throw failure }
    }

    /// Class → index of the root it belongs to: roots in file order each claim the classes below
    /// them (through P279) that an earlier root has not claimed. Cycles end at claimed classes.
    func classClosure() -> [UInt32: Int] {
        let sorted = edges.sorted()
        var rootOf: [UInt32: Int] = [:]
        for (i, root) in roots.enumerated() where rootOf[root.item] == nil {
            rootOf[root.item] = i
            var stack = [root.item]
            while let parent = stack.popLast() {
                // The children of `parent`: the edges whose high half is `parent`.
                var lo = 0
                var hi = sorted.count
                let key = UInt64(parent) << 32
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if sorted[mid] < key { lo = mid + 1 } else { hi = mid }
                }
                while lo < sorted.count && sorted[lo] >> 32 == UInt64(parent) {
                    let child = UInt32(truncatingIfNeeded: sorted[lo])
                    if rootOf[child] == nil {
                        rootOf[child] = i
                        stack.append(child)
                    }
                    lo += 1
                }
            }
        }
        return rootOf
    }

    /// One spooled item as a KB line, or nil when its classes are not kept.
    private mutating func entityLine(_ sc: inout JSONScanner, rootOf: [UInt32: Int], surnames: SurnameCounts) throws -> String? {
        var id = ""
        var sitelinks = 0
        var best: Int?
        var names: [(String, String)] = []
        var aliases: [String] = []
        var country: String?
        var iso: String?
        var positions: [(item: String, from: String?, to: String?)] = []
        var occupation: Int?
        try sc.objectEntries { sc, k in
            if sc.keyEquals(k, "id") {
                id = try sc.string()
            } else if sc.keyEquals(k, "sl") {
                sitelinks = try sc.integer()
            } else if sc.keyEquals(k, "p31") {
                best = typingRoot(try sc.stringArray(), rootOf: rootOf)
            } else if sc.keyEquals(k, "p106") {
                // The occupation whose class comes first in the class table (politician before athlete).
                for c in try sc.stringArray() {
                    if let q = Self.number(c), let r = rootOf[q], roots[r].type == "OCC", r < occupation ?? Int.max { occupation = r }
                }
            } else if sc.keyEquals(k, "names") {
                try sc.objectEntries { sc, lk in names.append((sc.keyString(lk), try sc.string())) }
            } else if sc.keyEquals(k, "aliases") {
                aliases = try sc.stringArray()
            } else if sc.keyEquals(k, "p17") {
                country = try sc.string()
            } else if sc.keyEquals(k, "iso") {
                iso = try sc.string()
            } else if sc.keyEquals(k, "pos") {
                try sc.arrayElements { sc in
                    try sc.expect(0x5B)
                    let item = try sc.string()
                    try sc.expect(0x2C)
                    let from = try sc.stringOrNull()
                    try sc.expect(0x2C)
                    let to = try sc.stringOrNull()
                    try sc.expect(0x5D)
                    positions.append((item, from, to))
                }
            } else {
                try sc.skipValue()
            }
        }
        guard let best else { return nil }
        let root = roots[best]
        guard ["PER", "ORG", "LOC"].contains(root.type) else { return nil }
        summary.written[root.type, default: 0] += 1
        var w = KBLineWriter()
        w.open()
        w.field("id", id)
        w.field("type", root.type)
        w.key("names")
        w.open()
        for (l, n) in names { w.field(l, [n]) }
        w.close()
        if root.type == "PER" { aliases += surnames.aliases(names: names.map(\.1), aliases: aliases) }
        w.field("aliases", aliases)
        if root.type == "PER" {
            w.key("roles")
            w.text.append("[")
            for (i, p) in positions.enumerated() {
                if i > 0 { w.text.append(",") }
                let info = positionInfo[p.item]
                w.open()
                for l in options.languages {
                    w.key(l)
                    w.stringOrNull(info?.labels[l])
                }
                w.key("country")
                w.stringOrNull(info?.jurisdiction)
                w.key("from")
                w.stringOrNull(p.from)
                w.key("to")
                w.stringOrNull(p.to)
                w.field("position", p.item)
                w.field("source", KBRole.wikidataSource)
                w.close()
            }
            w.text.append("]")
        }
        if let detail = root.detail { w.field(root.type == "LOC" ? "subtype" : "kind", detail) }
        if root.type == "PER", let o = occupation, let kind = roots[o].detail { w.field("kind", kind) }
        if root.type == "LOC" {
            if let iso { w.field("iso", iso) }
            if let c = country.flatMap({ isoByCountry[$0] }) ?? iso { w.field("country", c) }
        }
        w.field("sitelinks", sitelinks)
        w.field("source", "wikidata")
        w.close()
        w.text.append("\n")
        return w.text
    }
}

extension ResourceFiles.Path {
    /// The Wikidata classes `kb build --wikidata` keeps.
    static let wikidataClasses = "KB/wikidata-classes.tsv"
}
