/// One item of a Wikidata JSON dump, reduced to what the KB keeps: labels and aliases in the
/// wanted languages, the claims that type it (P31, P279), its positions (P39 with P580/P582), its
/// occupations (P106), its country (P17), a country's ISO code (P297), a position's jurisdiction (P1001), and how many
/// sitelinks it has.
struct WikidataRecord {
    /// A position held: the position's QID and its start and end as KB dates (`2001`, `2001-05-03`).
    struct Position {
        var item: String
        var from: String?
        var to: String?
    }

    var id = ""
    var isItem = true
    /// Label per wanted language (`mul` included when asked for).
    var labels: [String: String] = [:]
    var aliases: [String: [String]] = [:]
    var instanceOf: [String] = []
    var subclassOf: [String] = []
    var positions: [Position] = []
    /// P106 (occupation) items, deprecated ones left out.
    var occupations: [String] = []
    var country: String?
    var iso: String?
    var jurisdiction: String?
    var sitelinks = 0
}

/// A value of a snak: an item id, a time (already a KB date) or a string; `nil` for `novalue`,
/// `somevalue` and value types the KB does not read.
enum WikidataValue {
    case item(String)
    case time(String)
    case string(String)

    var item: String? { if case .item(let q) = self { return q }; return nil }
    var time: String? { if case .time(let t) = self { return t }; return nil }
    var string: String? { if case .string(let s) = self { return s }; return nil }
}

extension WikidataRecord {
    /// Parses one dump line (the entity object, without its trailing comma); `languages` are the
    /// label languages kept.
    static func parse(_ sc: inout JSONScanner, languages: Set<String>) throws -> WikidataRecord {
        var r = WikidataRecord()
        try sc.expect(0x7B)
        if sc.accept(0x7D) { return r }
        repeat {
            let k = try sc.key()
            if sc.keyEquals(k, "id") {
                r.id = try sc.string()
            } else if sc.keyEquals(k, "type") {
                r.isItem = try sc.string() == "item"
            } else if sc.keyEquals(k, "labels") {
                try sc.objectEntries { sc, lk in
                    let code = sc.keyString(lk)
                    guard languages.contains(code) else { return try sc.skipValue() }
                    if let v = try parseMonolingual(&sc) { r.labels[code] = v }
                }
            } else if sc.keyEquals(k, "aliases") {
                try sc.objectEntries { sc, lk in
                    let code = sc.keyString(lk)
                    guard languages.contains(code) else { return try sc.skipValue() }
                    var list: [String] = []
                    try sc.arrayElements { sc in if let v = try parseMonolingual(&sc) { list.append(v) } }
                    r.aliases[code] = list
                }
            } else if sc.keyEquals(k, "claims") {
                try sc.objectEntries { sc, pk in try r.parseClaim(&sc, property: pk) }
            } else if sc.keyEquals(k, "sitelinks") {
                try sc.objectEntries { sc, _ in
                    r.sitelinks += 1
                    try sc.skipValue()
                }
            } else {
                try sc.skipValue()
            }
        } while sc.accept(0x2C)
        try sc.expect(0x7D)
        return r
    }

    /// `{"language":"it","value":"Roma"}` → `Roma`.
    private static func parseMonolingual(_ sc: inout JSONScanner) throws -> String? {
        var value: String?
        try sc.objectEntries { sc, k in
            if sc.keyEquals(k, "value") { value = try sc.string() } else { try sc.skipValue() }
        }
        return value
    }

    private mutating func parseClaim(_ sc: inout JSONScanner, property pk: Range<Int>) throws {
        if sc.keyEquals(pk, "P31") {
            try Self.statements(&sc) { v, _ in if let q = v.item { instanceOf.append(q) } }
        } else if sc.keyEquals(pk, "P279") {
            try Self.statements(&sc) { v, _ in if let q = v.item { subclassOf.append(q) } }
        } else if sc.keyEquals(pk, "P39") {
            try Self.statements(&sc) { v, q in
                if let item = v.item { positions.append(Position(item: item, from: q.from, to: q.to)) }
            }
        } else if sc.keyEquals(pk, "P106") {
            try Self.statements(&sc) { v, _ in if let q = v.item { occupations.append(q) } }
        } else if sc.keyEquals(pk, "P17") {
            var preferred: String?
            var first: String?
            try Self.statements(&sc) { v, q in
                guard let item = v.item else { return }
                if q.preferred && preferred == nil { preferred = item }
                if first == nil { first = item }
            }
            country = preferred ?? first
        } else if sc.keyEquals(pk, "P297") {
            try Self.statements(&sc) { v, _ in if iso == nil, let s = v.string { iso = s } }
        } else if sc.keyEquals(pk, "P1001") {
            try Self.statements(&sc) { v, _ in if jurisdiction == nil, let q = v.item { jurisdiction = q } }
        } else {
            try sc.skipValue()
        }
    }

    /// What a statement says beside its main value: its rank and its start/end qualifiers.
    struct Qualifiers {
        var preferred = false
        var from: String?
        var to: String?
    }

    /// Calls `body` for each statement of a claim array whose rank is not `deprecated` and whose
    /// main snak has a value (not `novalue`/`somevalue`).
    private static func statements(
        _ sc: inout JSONScanner, _ body: (WikidataValue, Qualifiers) -> Void
    ) throws {
        try sc.arrayElements { sc in
            var value: WikidataValue?
            var q = Qualifiers()
            var deprecated = false
            try sc.objectEntries { sc, k in
                if sc.keyEquals(k, "mainsnak") {
                    value = try parseSnak(&sc)
                } else if sc.keyEquals(k, "rank") {
                    let rank = try sc.string()
                    deprecated = rank == "deprecated"
                    q.preferred = rank == "preferred"
                } else if sc.keyEquals(k, "qualifiers") {
                    try sc.objectEntries { sc, qk in
                        let isStart = sc.keyEquals(qk, "P580")
                        let isEnd = sc.keyEquals(qk, "P582")
                        guard isStart || isEnd else { return try sc.skipValue() }
                        try sc.arrayElements { sc in
                            guard let t = try parseSnak(&sc)?.time else { return }
                            if isStart && q.from == nil { q.from = t }
                            if isEnd && q.to == nil { q.to = t }
                        }
                    }
                } else {
                    try sc.skipValue()
                }
            }
            if !deprecated, let value { body(value, q) }
        }
    }

    /// A snak's value, or nil for `novalue`, `somevalue` and unread value types.
    private static func parseSnak(_ sc: inout JSONScanner) throws -> WikidataValue? {
        var out: WikidataValue?
        var hasValue = true
        try sc.objectEntries { sc, k in
            if sc.keyEquals(k, "snaktype") {
                hasValue = try sc.string() == "value"
            } else if sc.keyEquals(k, "datavalue") {
                try sc.objectEntries { sc, dk in
                    if sc.keyEquals(dk, "value") { out = try parseDataValue(&sc) } else { try sc.skipValue() }
                }
            } else {
                try sc.skipValue()
            }
        }
        return hasValue ? out : nil
    }

    private static func parseDataValue(_ sc: inout JSONScanner) throws -> WikidataValue? {
        if sc.peek() == 0x22 { return .string(try sc.string()) }
        guard sc.peek() == 0x7B else {
            try sc.skipValue()
            return nil
        }
        var id: String?
        var numericID: Int?
        var time: String?
        var precision = 0
        try sc.objectEntries { sc, k in
            if sc.keyEquals(k, "id") {
                id = try sc.string()
            } else if sc.keyEquals(k, "numeric-id") {
                numericID = try sc.integer()
            } else if sc.keyEquals(k, "time") {
                time = try sc.string()
            } else if sc.keyEquals(k, "precision") {
                precision = try sc.integer()
            } else {
                try sc.skipValue()
            }
        }
        if let time { return kbDate(time, precision: precision).map(WikidataValue.time) }
        if let id { return .item(id) }
        if let numericID { return .item("Q\(numericID)") }
        return nil
    }

    /// `+2001-05-03T00:00:00Z` at precision 11 → `2001-05-03`, 10 → `2001-05`, 9 → `2001`;
    /// nil for coarser precisions, years before 1000 or after 9999, and BCE dates.
    static func kbDate(_ time: String, precision: Int) -> String? {
        let u = Array(time.utf8)
        guard u.count >= 11, u[0] == 0x2B, u[5] == 0x2D, u[8] == 0x2D else { return nil }
        let year = String(decoding: u[1..<5], as: UTF8.self)
        let month = String(decoding: u[6..<8], as: UTF8.self)
        let day = String(decoding: u[9..<11], as: UTF8.self)
        guard year.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), year.utf8.first != 0x30 else { return nil }
        if precision >= 11 && month != "00" && day != "00" { return "\(year)-\(month)-\(day)" }
        if precision >= 10 && month != "00" { return "\(year)-\(month)" }
        if precision >= 9 { return year }
        return nil
    }
}

extension JSONScanner {
    /// Reads an object (or `null`), calling `body` with each key's range; `body` must consume the value.
    mutating func objectEntries(_ body: (inout JSONScanner, Range<Int>) throws -> Void) throws {
        if peek() == 0x6E { return try skipValue() }
        try expect(0x7B)
        if accept(0x7D) { return }
        repeat {
            let k = try key()
            try body(&self, k)
        } while accept(0x2C)
        try expect(0x7D)
    }

    /// Reads an array (or `null`), calling `body` for each element; `body` must consume it.
    mutating func arrayElements(_ body: (inout JSONScanner) throws -> Void) throws {
        if peek() == 0x6E { return try skipValue() }
        try expect(0x5B)
        if accept(0x5D) { return }
        repeat { try body(&self) } while accept(0x2C)
        try expect(0x5D)
    }
}
