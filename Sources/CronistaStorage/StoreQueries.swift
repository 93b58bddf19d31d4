import CronistaCore

/// A span in **code points** (Unicode scalars) into a document's original text, with its text.
public struct ScalarSpan: Hashable, Sendable {
    public var startScalar: Int
    public var endScalar: Int
    public var text: String
    public init(startScalar: Int, endScalar: Int, text: String) {
        self.startScalar = startScalar
        self.endScalar = endScalar
        self.text = text
    }
}

/// Filters for ``DocumentStore/quotes(_:)``; every filter that is set must hold.
public struct QuoteQuery: Hashable, Sendable {
    /// The speaker's name, one word of it, an alias (another name form used in the document) or
    /// its KB id; case- and accent-insensitive.
    public var speaker: String?
    /// Words that must occur in the quoted content (full-text search, stemmed where the backend can).
    public var words: String?
    /// Earliest `published` date, `YYYY-MM-DD`, inclusive.
    public var from: String?
    /// Latest `published` date, `YYYY-MM-DD`, inclusive.
    public var to: String?
    /// The document's `source`, case-insensitive.
    public var source: String?
    /// An entity the quote is about (``QuoteHit/about``): its name, one word of it, an alias or
    /// its KB id, matched as ``speaker`` is; case- and accent-insensitive.
    public var about: String?
    /// Exactly this entity as the speaker (an ``EntityKey`` from an entity search), not a name.
    public var speakerEntity: EntityKey?
    /// Only quotes after this one in the result order (the next page).
    public var after: QuoteCursor?
    public var limit: Int

    public init(
        speaker: String? = nil, about: String? = nil, words: String? = nil, from: String? = nil, to: String? = nil,
        source: String? = nil, speakerEntity: EntityKey? = nil, after: QuoteCursor? = nil, limit: Int = 100
    ) {
        self.speaker = speaker
        self.about = about
        self.words = words
        self.from = from
        self.to = to
        self.source = source
        self.speakerEntity = speakerEntity
        self.after = after
        self.limit = limit
    }

    /// Whether `s` is a ``from``/``to`` date: `YYYY-MM-DD`, a day that exists (`2025-02-30` and
    /// `2024-13-45` do not).
    public static func isDate(_ s: String) -> Bool { PublicationDate.isCalendarDate(s) }
}

/// One stored quote and where it rests: offsets in code points into its document's text.
public struct QuoteHit: Hashable, Sendable {
    public var documentID: String
    public var title: String?
    public var published: String?
    public var source: String?
    /// The quote's id in the document's analysis (`q1`, `q2`, …).
    public var quoteID: String
    public var kind: String
    public var content: ScalarSpan
    public var cue: ScalarSpan?
    public var speaker: ScalarSpan?
    public var speakerName: String?
    public var speakerKB: String?
    /// The sentences the quote, its cue and its speaker lie in: the text a reader checks it against.
    public var sentenceStartScalar: Int
    public var sentenceEndScalar: Int
    /// The speaker entity's type (`PER`, `ORG`, `LOC`), when the speaker is an entity.
    public var speakerType: String?
    /// The entities the quote is about, in order of first mention in its content.
    public var about: [QuoteAbout] = []
    /// The day the words were said (the `times` layer's quote `date`), `YYYY-MM-DD`, or `nil`.
    public var date: String?

    public init(
        documentID: String, title: String?, published: String?, source: String?, quoteID: String, kind: String,
        content: ScalarSpan, cue: ScalarSpan?, speaker: ScalarSpan?, speakerName: String?, speakerKB: String?,
        sentenceStartScalar: Int, sentenceEndScalar: Int, speakerType: String? = nil, about: [QuoteAbout] = [], date: String? = nil
    ) {
        self.date = date
        self.documentID = documentID
        self.title = title
        self.published = published
        self.source = source
        self.quoteID = quoteID
        self.kind = kind
        self.content = content
        self.cue = cue
        self.speaker = speaker
        self.speakerName = speakerName
        self.speakerKB = speakerKB
        self.sentenceStartScalar = sentenceStartScalar
        self.sentenceEndScalar = sentenceEndScalar
        self.speakerType = speakerType
        self.about = about
    }

    /// The speaker's entity across the store (for its page), when the speaker is an entity.
    public var speakerEntity: EntityKey? {
        if let kb = speakerKB, !kb.isEmpty { return EntityKey(kb: kb) }
        guard let name = speakerName, let type = speakerType else { return nil }
        return EntityKey(kb: nil, type: type, name: name)
    }
}

/// An entity a quote is about (``QuoteHit/about``), as its document names it.
public struct QuoteAbout: Hashable, Sendable {
    public var name: String
    public var type: String
    public var kb: String?
    public init(name: String, type: String, kb: String?) {
        self.name = name
        self.type = type
        self.kb = kb
    }

    /// The entity across the store (for its page).
    public var key: EntityKey { EntityKey(kb: kb, type: type, name: name) }
}

/// An entity across the store: one row per KB id (or per folded name when it has none) and type.
public struct EntityHit: Hashable, Sendable {
    public var name: String
    public var type: String
    public var kb: String?
    /// Documents the entity occurs in.
    public var documents: Int
    /// Mentions of it over all documents (names, descriptions and pronouns).
    public var mentions: Int
    public init(name: String, type: String, kb: String?, documents: Int, mentions: Int) {
        self.name = name
        self.type = type
        self.kb = kb
        self.documents = documents
        self.mentions = mentions
    }
}

/// A stored document, as search results list it.
public struct DocumentHit: Hashable, Sendable {
    public var id: String
    public var title: String?
    public var published: String?
    public var source: String?
    public var language: String
    public init(id: String, title: String?, published: String?, source: String?, language: String) {
        self.id = id
        self.title = title
        self.published = published
        self.source = source
        self.language = language
    }
}
