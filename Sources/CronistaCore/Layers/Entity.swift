/// The three KIND entity types.
public enum EntityType: UInt8, Hashable, Sendable, CaseIterable {
    case person = 0
    case organization = 1
    case location = 2

    /// `PER`, `ORG` or `LOC`, as in the JSON contract and the CoNLL labels.
    public var label: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        }
    }

    public init?(label: some StringProtocol) {
        switch label {
        case "PER": self = .person
        case "ORG": self = .organization
        case "LOC": self = .location
        default: return nil
        }
    }
}

/// How a mention refers to its entity.
public enum MentionForm: UInt8, Hashable, Sendable {
    /// A proper name (`Lukashenko`): what NER finds and scores.
    case name
    /// A description (`il presidente bielorusso`).
    case nominal
    /// A pronoun or relative (`il quale`, `lui`).
    case pronoun

    public var label: String {
        switch self {
        case .name: "name"
        case .nominal: "nominal"
        case .pronoun: "pronoun"
        }
    }
}

/// One span of text that refers to an entity.
public struct Mention: Hashable, Sendable {
    public var range: TextRange
    public var type: EntityType
    public var form: MentionForm
    /// Tagger confidence in 0...1 (1 for rule-based mentions).
    public var confidence: Float

    public init(range: TextRange, type: EntityType, form: MentionForm = .name, confidence: Float = 1) {
        self.range = range
        self.type = type
        self.form = form
        self.confidence = confidence
    }
}

/// A real-world entity in one document: its mentions clustered, with a display name and a KB id.
public struct Entity: Hashable, Sendable {
    public var type: EntityType
    /// The fullest name form in the document.
    public var name: String
    /// Knowledge-base id (a Wikidata QID where known).
    public var kb: String?
    /// Indices into ``Document/mentions``, in text order.
    public var mentions: [Int]

    public init(type: EntityType, name: String, kb: String? = nil, mentions: [Int]) {
        self.type = type
        self.name = name
        self.kb = kb
        self.mentions = mentions
    }
}
