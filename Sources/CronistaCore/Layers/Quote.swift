/// Content the text attributes to a source that said or wrote it (see `spec/quote-guidelines.md`).
public struct Quote: Hashable, Sendable {
    public enum Kind: UInt8, Hashable, Sendable {
        case direct, indirect, mixed
        public var label: String {
            switch self {
            case .direct: "direct"
            case .indirect: "indirect"
            case .mixed: "mixed"
            }
        }
    }

    /// Who the quote is attributed to.
    public struct Speaker: Hashable, Sendable {
        /// Index into ``Document/entities``, or `nil` when the source is not an entity.
        public var entity: Int?
        /// The mention the attribution rests on.
        public var range: TextRange

        public init(entity: Int?, range: TextRange) {
            self.entity = entity
            self.range = range
        }
    }

    public var kind: Kind
    /// The quoted content only: no quotation marks, no cue, no complementiser.
    public var content: TextRange
    public var cue: TextRange?
    public var speaker: Speaker?
    /// Whom the quote is about: indices into ``Document/entities`` of the entities its content
    /// mentions (names, descriptions, pronouns; a country through its demonym), each once, in the
    /// order of their first mention in the content. Filled by a step after quote extraction.
    public var about: [Int]
    /// The day the words were said, `YYYY-MM-DD`: from a time expression that modifies the cue, else
    /// the document's `published` date for a present or present-perfect cue, else `nil`. Filled by the
    /// `times` layer.
    public var date: String?

    public init(
        kind: Kind, content: TextRange, cue: TextRange? = nil, speaker: Speaker? = nil, about: [Int] = [], date: String? = nil
    ) {
        self.kind = kind
        self.content = content
        self.cue = cue
        self.speaker = speaker
        self.about = about
        self.date = date
    }
}
