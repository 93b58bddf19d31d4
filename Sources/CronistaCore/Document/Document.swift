/// Which annotation layers a document carries.
public struct AnnotationLayers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let language = AnnotationLayers(rawValue: 1 << 0)
    public static let tokens = AnnotationLayers(rawValue: 1 << 1)
    public static let sentences = AnnotationLayers(rawValue: 1 << 2)
    public static let mentions = AnnotationLayers(rawValue: 1 << 3)
    public static let entities = AnnotationLayers(rawValue: 1 << 4)
    public static let quotes = AnnotationLayers(rawValue: 1 << 5)
    public static let events = AnnotationLayers(rawValue: 1 << 6)
    public static let clauses = AnnotationLayers(rawValue: 1 << 7)
    public static let times = AnnotationLayers(rawValue: 1 << 8)
}

/// One analysed document: the original text, never modified, and layers of ranges over it.
public struct Document: Sendable {
    public let id: String
    /// The text exactly as it was given.
    public let text: String
    public var metadata: DocumentMetadata
    /// ISO 639-1 code, or `und`.
    public var language: String = "und"
    public var layers: AnnotationLayers = []
    public var tokens = TokenTable()
    public var sentences: [Sentence] = []
    /// Every entity mention (names, descriptions, pronouns), sorted by position.
    public var mentions: [Mention] = []
    public var entities: [Entity] = []
    public var quotes: [Quote] = []
    /// Time expressions, sorted by position (the `times` layer).
    public var times: [TimeExpression] = []
    /// PLOVER events (the `events` layer).
    public var events: [Event] = []
    /// Verb groups with their arguments, sentence by sentence (the clause layer; not part of the JSON contract).
    public var clauses: [Clause] = []
    /// The tokens' lower-cased forms, kept by the first analysis component that needs them so the
    /// clause layer, quotes, times and events compute them once (not part of the JSON contract; empty
    /// until then, and recomputed when the token count no longer matches).
    package var tokenForms: [String] = []
    /// The tokens' word classes in the document's language pack as bit sets, kept like
    /// ``tokenForms`` by the first component that builds a clause context (quotes, then events).
    package var tokenClassBits: [UInt64] = []

    public init(id: String, text: String, metadata: DocumentMetadata = DocumentMetadata()) {
        self.id = id
        self.text = text
        self.metadata = metadata
    }

    /// The original text of a range. The range must lie on scalar boundaries.
    public func text(in r: TextRange) -> Substring {
        let u = text.utf8
        let a = u.index(u.startIndex, offsetBy: Int(r.startUTF8))
        let b = u.index(a, offsetBy: r.count)
        return text[a..<b]
    }

    /// The original text of token `i`.
    public func tokenText(_ i: Int) -> Substring { text(in: tokens.range(i)) }

    /// Length of the text in UTF-8 code units.
    public var utf8Count: Int { text.utf8.count }
}
