public import CronistaCore

/// A date as `yyyymmdd` in one integer, so role validity is two integer comparisons.
/// Partial dates widen to the whole year or month: `from: "2020"` is 2020-01-01, `to: "2020"` is 2020-12-31.
public struct KBDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var value: Int32
    public init(value: Int32) { self.value = value }

    public static let distantPast = KBDate(value: 0)
    public static let distantFuture = KBDate(value: 99_991_231)

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `asEnd` widens a partial date to its last day.
    public init?(_ s: some StringProtocol, asEnd: Bool = false) {
        var parts: [Int32] = []
        var cur: Int32 = 0
        var digits = 0
        for b in s.utf8 {
            if b >= 0x30 && b <= 0x39 {
                cur = cur * 10 + Int32(b - 0x30); digits += 1
            } else if b == 0x2D {
                if digits == 0 { return nil }; parts.append(cur); cur = 0; digits = 0
            } else {
                return nil
            }
        }
        if digits == 0 { return nil }
        parts.append(cur)
        guard parts[0] >= 1000 && parts[0] <= 9999 else { return nil }
        let y = parts[0]
        let m = parts.count > 1 ? parts[1] : (asEnd ? 12 : 1)
        let d = parts.count > 2 ? parts[2] : (asEnd ? 31 : 1)
        guard (1...12).contains(m), (1...31).contains(d) else { return nil }
        value = y * 10_000 + m * 100 + d
    }

    public static func < (a: KBDate, b: KBDate) -> Bool { a.value < b.value }
    public var description: String {
        let y = value / 10_000, m = (value / 100) % 100, d = value % 100
        func two(_ x: Int32) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

/// A position an entity held: the phrases that name it in each language, and when.
public struct KBRole: Sendable {
    /// The main phrase per language code (`it`: `presidente della Bielorussia`), as the KB file
    /// keys it (`"it": "…"`).
    public var labels: [String: String]
    /// Other phrases per language code (`it`: `presidente bielorusso`, `capo dello Stato bielorusso`),
    /// from the file's `"<code>_alt"` arrays.
    public var alternates: [String: [String]]
    /// Country QID the position belongs to (`Q184`), if any.
    public var country: String?
    public var from: KBDate
    public var to: KBDate

    public init(
        labels: [String: String] = [:], alternates: [String: [String]] = [:], country: String? = nil,
        from: KBDate = .distantPast, to: KBDate = .distantFuture
    ) {
        self.labels = labels
        self.alternates = alternates
        self.country = country
        self.from = from
        self.to = to
    }

    /// Whether the role was held on `date`.
    @inlinable public func isActive(on date: KBDate) -> Bool { from <= date && date <= to }
}

/// One knowledge-base entry, as `entities.jsonl` describes it.
public struct KBEntity: Sendable {
    /// Wikidata QID (`Q2866`), or a local id (`kb:org/ansa`, `geonames:…`).
    public var id: String
    public var type: EntityType
    /// Names per language code (`it`, `en`), as the KB file's `names` object keys them.
    public var names: [String: [String]] = [:]
    public var aliases: [String] = []
    public var roles: [KBRole] = []
    /// `country`, `city`, `dependency`… for places.
    public var subtype: String?
    /// For places: the ISO 3166 alpha-2 code of the country they are in.
    public var countryCode: String?
    /// For countries: their own ISO 3166 alpha-2 / alpha-3 code.
    public var iso: String?
    public var iso3: String?
    /// For capitals: the ISO alpha-2 code of the country they are the capital of.
    public var capitalOf: String?
    public var population: Int = 0
    /// Demonyms / country adjectives per language code (`it`: `bielorusso`, `bielorussa`; `en`: `Belarusian`).
    public var adjectives: [String: [String]] = [:]
    /// `news_agency`, `media`, … for organisations.
    public var kind: String?
    /// For seats of power (Cremlino, Casa Bianca): the country they stand for.
    public var metonymCountry: String?
    /// How many sources the entry was built from (`wikidata-eps+phoenix+curated` = 3).
    public var sourceCount: Int = 1
    public var born: String?

    public init(id: String, type: EntityType) {
        self.id = id
        self.type = type
    }

    /// The name to show: the first name in the first language of ``languages`` that has one, else
    /// the first alias, else the id.
    public var displayName: String {
        for l in Self.ordered(names.keys) { if let n = names[l]?.first { return n } }
        return aliases.first ?? id
    }
}

/// How a lookup key relates to the entity it points at; also the base score of a match.
public enum KBMatchKind: UInt8, Sendable, Comparable {
    /// A transliteration or unlabelled alternate name (GeoNames, variant spellings).
    case alias = 0
    /// A name in a language other than ``KBEntity/primaryLanguage``.
    case otherLanguageName = 1
    /// A name in ``KBEntity/primaryLanguage``.
    case primaryLanguageName = 2

    public static func < (a: KBMatchKind, b: KBMatchKind) -> Bool { a.rawValue < b.rawValue }

    var weight: Double {
        switch self {
        case .primaryLanguageName: 1.0
        case .otherLanguageName: 0.95
        case .alias: 0.8
        }
    }
}

/// The compiled knowledge base: entities plus hash indexes on fold keys, read-only and shared by
/// every document and thread.
public final class KnowledgeBase: Sendable {
    public let entities: [KBEntity]
    /// Name and alias fold key → (entity, match kind).
    let names: FoldIndex
    /// Per language code: role phrase fold key (`presidente bielorusso`) → (entity, role index).
    let rolePhrases: [String: FoldIndex]
    /// Country adjective fold key (`bielorusso`, `belarusian`) → country entity.
    let adjectives: FoldIndex
    /// ISO alpha-2 code → country entity index.
    let countryByISO: [String: Int32]
    /// Entity id → index.
    let byID: [String: Int32]

    init(entities: [KBEntity]) {
        self.entities = entities
        var b = KnowledgeBaseIndexBuilder(entities: entities)
        b.build()
        names = b.names.finish()
        rolePhrases = b.rolePhrases.mapValues { $0.finish(keepBestInfo: false) }
        adjectives = b.adjectives.finish()
        countryByISO = b.countryByISO
        byID = b.byID
    }

    public var count: Int { entities.count }

    /// The entity with this id, if any.
    public func entity(id: String) -> KBEntity? {
        byID[id].map { entities[Int($0)] }
    }

    /// Index of the entity with this id.
    public func index(ofID id: String) -> Int? { byID[id].map(Int.init) }
}

/// A problem with a knowledge-base file: which file, which line, what is wrong.
public struct KnowledgeBaseError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var line: Int
    public var problem: String
    public init(path: String, line: Int, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }
    public var description: String { line > 0 ? "\(path):\(line): \(problem)" : "\(path): \(problem)" }
}
