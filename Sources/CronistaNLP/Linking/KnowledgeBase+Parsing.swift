#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CronistaCore

/// A minimal pull scanner over JSON bytes: just what `entities.jsonl` needs (objects, arrays,
/// strings with escapes, numbers, `null`, booleans), with no intermediate value tree.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos: Int
    let end: Int

    struct Failure: Error { var offset: Int; var problem: String }

    init(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) {
        self.bytes = bytes
        pos = from
        end = to
    }

    mutating func skipSpace() {
        while pos < end {
            let b = bytes[pos]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { pos += 1 } else { break }
        }
    }

    mutating func peek() -> UInt8? {
        skipSpace()
        return pos < end ? bytes[pos] : nil
    }

    mutating func expect(_ c: UInt8) throws {
        skipSpace()
        guard pos < end, bytes[pos] == c else {
            throw Failure(offset: pos, problem: "expected '\(Character(Unicode.Scalar(c)))'")
        }
        pos += 1
    }

    /// Consumes `c` if it is next.
    mutating func accept(_ c: UInt8) -> Bool {
        skipSpace()
        if pos < end && bytes[pos] == c { pos += 1; return true }
        return false
    }

    /// Reads an object key and the colon after it, returning the key's raw byte range (keys have no escapes here).
    mutating func key() throws -> Range<Int> {
        try expect(0x22)
        let a = pos
        while pos < end && bytes[pos] != 0x22 { if bytes[pos] == 0x5C { pos += 1 }; pos += 1 }
        guard pos < end else { throw Failure(offset: a, problem: "unterminated key") }
        let r = a..<pos
        pos += 1
        try expect(0x3A)
        return r
    }

    /// A key as a string (language codes of `names` and `adj`).
    func keyString(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    /// The language code a role key names: two or three lower-case ASCII letters followed by
    /// `suffix` (`it`, `en`; `it_alt` with suffix `_alt`); nil for other keys.
    func languageCode(_ r: Range<Int>, suffix: StaticString) -> String? {
        let n = suffix.utf8CodeUnitCount
        let codeLength = r.count - n
        guard codeLength == 2 || codeLength == 3 else { return nil }
        for i in 0..<codeLength where !(bytes[r.lowerBound + i] >= 0x61 && bytes[r.lowerBound + i] <= 0x7A) { return nil }
        let p = suffix.utf8Start
        for k in 0..<n where bytes[r.lowerBound + codeLength + k] != p[k] { return nil }
        return keyString(r.lowerBound..<(r.lowerBound + codeLength))
    }

    func keyEquals(_ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for i in 0..<r.count where bytes[r.lowerBound + i] != p[i] { return false }
        return true
    }

    /// Reads a string, or `null` as nil.
    mutating func stringOrNull() throws -> String? {
        skipSpace()
        if pos < end && bytes[pos] == 0x6E { pos += 4; return nil }
        return try string()
    }

    mutating func string() throws -> String {
        try expect(0x22)
        let a = pos
        var hasEscape = false
        while pos < end {
            let b = bytes[pos]
            if b == 0x22 { break }
            if b == 0x5C { hasEscape = true; pos += 2; continue }
            pos += 1
        }
        guard pos < end else { throw Failure(offset: a, problem: "unterminated string") }
        let b = pos
        pos += 1
        if !hasEscape {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
        }
        return try unescape(a..<b)
    }

    private func unescape(_ r: Range<Int>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        var pendingHigh: UInt32? = nil
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= r.upperBound else { throw Failure(offset: at, problem: "bad \\u escape") }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = bytes[at + k]
                v <<= 4
                switch c {
                case 0x30...0x39: v |= UInt32(c - 0x30)
                case 0x41...0x46: v |= UInt32(c - 0x41 + 10)
                case 0x61...0x66: v |= UInt32(c - 0x61 + 10)
                default: throw Failure(offset: at, problem: "bad \\u escape")
                }
            }
            return v
        }
        func put(_ s: UInt32) {
            guard let u = Unicode.Scalar(s) else { return }
            out.append(contentsOf: Array(String(Character(u)).utf8))
        }
        while i < r.upperBound {
            let b = bytes[i]
            if b != 0x5C { out.append(b); i += 1; continue }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x6E: out.append(0x0A)
            case 0x74: out.append(0x09)
            case 0x72: out.append(0x0D)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                let v = try hex4(i)
                i += 4
                if v >= 0xD800 && v < 0xDC00 { pendingHigh = v; continue }
                if v >= 0xDC00 && v < 0xE000, let h = pendingHigh {
                    put(0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00))
                    pendingHigh = nil
                    continue
                }
                put(v)
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func stringArray() throws -> [String] {
        skipSpace()
        if pos < end && bytes[pos] == 0x6E { pos += 4; return [] }
        try expect(0x5B)
        var out: [String] = []
        if accept(0x5D) { return out }
        repeat { out.append(try string()) } while accept(0x2C)
        try expect(0x5D)
        return out
    }

    mutating func integer() throws -> Int {
        skipSpace()
        if pos < end && bytes[pos] == 0x6E { pos += 4; return 0 }
        var v = 0
        var neg = false
        if pos < end && bytes[pos] == 0x2D { neg = true; pos += 1 }
        while pos < end, bytes[pos] >= 0x30 && bytes[pos] <= 0x39 { v = v * 10 + Int(bytes[pos] - 0x30); pos += 1 }
        // Skip a fraction or exponent if present.
        while pos < end,
            bytes[pos] == 0x2E || bytes[pos] == 0x65 || bytes[pos] == 0x45 || bytes[pos] == 0x2B
                || (bytes[pos] >= 0x30 && bytes[pos] <= 0x39)
        { pos += 1 }
        return neg ? -v : v
    }

    /// Skips any value.
    mutating func skipValue() throws {
        skipSpace()
        guard pos < end else { throw Failure(offset: pos, problem: "value expected") }
        switch bytes[pos] {
        case 0x22: _ = try string()
        case 0x7B:
            pos += 1
            if accept(0x7D) { return }
            repeat { _ = try key(); try skipValue() } while accept(0x2C)
            try expect(0x7D)
        case 0x5B:
            pos += 1
            if accept(0x5D) { return }
            repeat { try skipValue() } while accept(0x2C)
            try expect(0x5D)
        default:
            while pos < end {
                let b = bytes[pos]
                if b == 0x2C || b == 0x7D || b == 0x5D || b == 0x20 || b == 0x0A { break }
                pos += 1
            }
        }
    }
}

extension KnowledgeBase {
    /// Loads `entities.jsonl` (and optional extra files in the same format, whose entries are
    /// added, or merged into an entry with the same id) and compiles the indexes.
    public static func load(path: String, extraPaths: [String] = []) throws -> KnowledgeBase {
        try merging(try parseFile(path), extraPaths: extraPaths)
    }

    /// Adds the entities of `extraPaths` to `entities` (merged by id) and compiles the indexes.
    static func merging(_ entities: [KBEntity], extraPaths: [String]) throws -> KnowledgeBase {
        var entities = entities
        if !extraPaths.isEmpty {
            var byID: [String: Int] = [:]
            for (i, e) in entities.enumerated() { byID[e.id] = i }
            for p in extraPaths {
                for e in try parseFile(p) {
                    if let i = byID[e.id] {
                        entities[i].merge(e)
                    } else {
                        byID[e.id] = entities.count
                        entities.append(e)
                    }
                }
            }
        }
        return KnowledgeBase(entities: entities)
    }

    /// Compiles a knowledge base from entities already in memory.
    public static func build(_ entities: [KBEntity]) -> KnowledgeBase { KnowledgeBase(entities: entities) }

    /// Parses a whole `entities.jsonl` file.
    public static func parseEntities(path: String) throws -> [KBEntity] { try parseFile(path) }

    static func parseFile(_ path: String) throws -> [KBEntity] {
        let bytes = try readFile(path)
        return try bytes.withUnsafeBufferPointer { try parseLines($0, path: path) }
    }

    /// Parses JSON Lines text in the `entities.jsonl` format.
    public static func parseEntities(_ text: String, path: String = "<string>") throws -> [KBEntity] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try parseLines($0, path: path) }
    }

    static func parseLines(_ buf: UnsafeBufferPointer<UInt8>, path: String) throws -> [KBEntity] {
        var out: [KBEntity] = []
        out.reserveCapacity(buf.count / 350)
        var lineStart = 0
        var line = 0
        let n = buf.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && buf[lineEnd] != 0x0A { lineEnd += 1 }
            line += 1
            var sc = JSONScanner(buf, from: lineStart, to: lineEnd)
            if sc.peek() != nil {
                do {
                    out.append(try parseEntity(&sc))
                } catch let f as JSONScanner.Failure {
                    throw KnowledgeBaseError(path: path, line: line, problem: "\(f.problem) at column \(f.offset - lineStart + 1)")
                } catch let e as KnowledgeBaseError {
                    throw KnowledgeBaseError(path: path, line: line, problem: e.problem)
                }
            }
            lineStart = lineEnd + 1
        }
        return out
    }

    private static func parseEntity(_ sc: inout JSONScanner) throws -> KBEntity {
        var e = KBEntity(id: "", type: .person)
        var typeSeen = false
        try sc.expect(0x7B)
        if !sc.accept(0x7D) {
            repeat {
                let k = try sc.key()
                if sc.keyEquals(k, "id") {
                    e.id = try sc.string()
                } else if sc.keyEquals(k, "type") {
                    let t = try sc.string()
                    guard let ty = EntityType(label: t) else { throw KnowledgeBaseError(path: "", line: 0, problem: "unknown type '\(t)'") }
                    e.type = ty
                    typeSeen = true
                } else if sc.keyEquals(k, "names") {
                    try sc.expect(0x7B)
                    if !sc.accept(0x7D) {
                        repeat {
                            let lk = try sc.key()
                            e.names[sc.keyString(lk)] = try sc.stringArray()
                        } while sc.accept(0x2C)
                        try sc.expect(0x7D)
                    }
                } else if sc.keyEquals(k, "aliases") {
                    e.aliases = try sc.stringArray()
                } else if sc.keyEquals(k, "roles") {
                    e.roles = try parseRoles(&sc)
                } else if sc.keyEquals(k, "source") {
                    let s = try sc.string()
                    e.sourceCount = 1 + s.utf8.reduce(0) { $0 + ($1 == 0x2B ? 1 : 0) }
                } else if sc.keyEquals(k, "subtype") {
                    e.subtype = try sc.stringOrNull()
                } else if sc.keyEquals(k, "country") {
                    e.countryCode = try sc.stringOrNull()
                } else if sc.keyEquals(k, "iso") {
                    e.iso = try sc.stringOrNull()
                } else if sc.keyEquals(k, "iso3") {
                    e.iso3 = try sc.stringOrNull()
                } else if sc.keyEquals(k, "capital_of") {
                    e.capitalOf = try sc.stringOrNull()
                } else if sc.keyEquals(k, "pop") {
                    e.population = try sc.integer()
                } else if sc.keyEquals(k, "kind") {
                    e.kind = try sc.stringOrNull()
                } else if sc.keyEquals(k, "born") {
                    e.born = try sc.stringOrNull()
                } else if sc.keyEquals(k, "adj") {
                    try sc.expect(0x7B)
                    if !sc.accept(0x7D) {
                        repeat {
                            let lk = try sc.key()
                            e.adjectives[sc.keyString(lk)] = try sc.stringArray()
                        } while sc.accept(0x2C)
                        try sc.expect(0x7D)
                    }
                } else if sc.keyEquals(k, "metonym") {
                    try sc.expect(0x7B)
                    if !sc.accept(0x7D) {
                        repeat {
                            let lk = try sc.key()
                            if sc.keyEquals(lk, "country") { e.metonymCountry = try sc.stringOrNull() } else { try sc.skipValue() }
                        } while sc.accept(0x2C)
                        try sc.expect(0x7D)
                    }
                } else {
                    try sc.skipValue()
                }
            } while sc.accept(0x2C)
            try sc.expect(0x7D)
        }
        if e.id.isEmpty { throw KnowledgeBaseError(path: "", line: 0, problem: "entity without an id") }
        if !typeSeen { throw KnowledgeBaseError(path: "", line: 0, problem: "entity \(e.id) without a type") }
        return e
    }

    private static func parseRoles(_ sc: inout JSONScanner) throws -> [KBRole] {
        var out: [KBRole] = []
        if sc.peek() == 0x6E { try sc.skipValue(); return out }
        try sc.expect(0x5B)
        if sc.accept(0x5D) { return out }
        repeat {
            var r = KBRole()
            // Roles built from a Wikidata dump carry Wikidata's own labels in every language, not
            // translations generated from the English one.
            var ownLabels = false
            try sc.expect(0x7B)
            if !sc.accept(0x7D) {
                repeat {
                    let k = try sc.key()
                    if sc.keyEquals(k, "country") {
                        r.country = try sc.stringOrNull()
                    } else if sc.keyEquals(k, "from") {
                        r.from = try sc.stringOrNull().flatMap { KBDate($0) } ?? .distantPast
                    } else if sc.keyEquals(k, "to") {
                        r.to = try sc.stringOrNull().flatMap { KBDate($0, asEnd: true) } ?? .distantFuture
                    } else if sc.keyEquals(k, "source") {
                        ownLabels = try sc.stringOrNull() == KBRole.wikidataSource
                    } else if let code = sc.languageCode(k, suffix: "_alt") {
                        r.alternates[code] = try sc.stringArray()
                    } else if let code = sc.languageCode(k, suffix: "") {
                        // A language label: `"it": "presidente della Bielorussia"` (or null).
                        if let l = try sc.stringOrNull() { r.labels[code] = l }
                    } else {
                        try sc.skipValue()
                    }
                } while sc.accept(0x2C)
                try sc.expect(0x7D)
            }
            if !ownLabels && r.hasMistranslatedPhrases { r.dropTranslatedPhrases() }
            out.append(r)
        } while sc.accept(0x2C)
        try sc.expect(0x5D)
        return out
    }

    /// Reads a whole file into memory.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw KnowledgeBaseError(path: path, line: 0, problem: "cannot open (\(String(cString: strerror(errno))))")
        }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { out.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count { break }
        }
        return out
    }
}

extension KBEntity {
    /// Adds another entry's names, aliases and roles (a `--kb-extra` line with an existing id).
    mutating func merge(_ o: KBEntity) {
        func add(_ a: inout [String], _ b: [String]) { for x in b where !a.contains(x) { a.append(x) } }
        for (l, ns) in o.names { add(&names[l, default: []], ns) }
        add(&aliases, o.aliases)
        for (l, ns) in o.adjectives { add(&adjectives[l, default: []], ns) }
        roles.append(contentsOf: o.roles)
        if population == 0 { population = o.population }
        if kind == nil { kind = o.kind }
        sourceCount += 1
    }
}

extension KBRole {
    /// Sub-national offices the KB's generated Italian phrases render as national ones
    /// ("president of the Province of Lodi" → "presidente dell'Italia", "Secretary of State of
    /// Maryland" → "segretario di Stato statunitense"): their phrases would make every provincial
    /// president a candidate for "il presidente italiano", so they are dropped.
    var hasMistranslatedPhrases: Bool {
        guard let en = labels[Self.sourceLanguage], languages.contains(where: { $0 != Self.sourceLanguage }) else { return false }
        var lower = Array(en.utf8)
        for i in lower.indices where lower[i] >= 0x41 && lower[i] <= 0x5A { lower[i] |= 0x20 }
        func has(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard lower.count >= n else { return false }
            let p = s.utf8Start
            outer: for i in 0...(lower.count - n) {
                for k in 0..<n where lower[i + k] != p[k] { continue outer }
                return true
            }
            return false
        }
        if has("province of") || has("region of") || has("mayor") || has("municipality") || has("county") || has("governor of") {
            return true
        }
        if has("secretary of state of") && !has("united states") { return true }
        return has("minister of regional")
    }

    /// The `source` of roles whose labels come from Wikidata in each language (`kb build --wikidata`).
    static let wikidataSource = "wikidata"

    /// The language the KB's role phrases were generated from (Wikidata's English labels): the
    /// others are translations of it.
    static let sourceLanguage = "en"

    /// Keeps only the ``sourceLanguage`` label: the translations of a sub-national office are wrong.
    mutating func dropTranslatedPhrases() {
        labels = labels.filter { $0.key == Self.sourceLanguage }
        alternates = alternates.filter { $0.key == Self.sourceLanguage }
    }
}
