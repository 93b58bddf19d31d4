/// A political event the text reports, coded in PLOVER 2.0 (see `spec/event-guidelines.md` and the
/// *Events* part of `spec/analysis-format.md`).
public struct Event: Hashable, Sendable {
    /// A source or target of the event.
    public struct Participant: Hashable, Sendable {
        /// Index into ``Document/entities``, or `nil` when the participant is not an entity.
        public var entity: Int?
        /// The mention the role rests on.
        public var range: TextRange
        /// ISO 3166 alpha-3 or a PLOVER group code (`IGO`, `UNO`, …), when known.
        public var country: String?
        /// A PLOVER sector code (`GOV`, `MIL`, …), when known.
        public var sector: String?

        public init(entity: Int?, range: TextRange, country: String? = nil, sector: String? = nil) {
            self.entity = entity
            self.range = range
            self.country = country
            self.sector = sector
        }
    }

    /// How the event relates to a quote of the document.
    public struct QuoteLink: Hashable, Sendable {
        public enum Role: UInt8, Hashable, Sendable {
            /// The quote is the event: a speech act whose speaker is the source.
            case act
            /// The quote's content narrates the event: the speaker's claim, not the paper's.
            case report
            public var label: String { self == .act ? "act" : "report" }
        }

        /// Index into ``Document/quotes``.
        public var quote: Int
        public var role: Role

        public init(quote: Int, role: Role) {
            self.quote = quote
            self.role = role
        }
    }

    /// One of PLOVER's 16 event types, upper case (`CONSULT`, `ACCUSE`, …).
    public var type: String
    /// One of the type's modes, lower case, or `nil`.
    public var mode: String?
    /// The span that expresses the action.
    public var trigger: TextRange
    /// Later mentions of the same event (`i colloqui`, `la visita`).
    public var coref: [TextRange]
    public var source: [Participant]
    public var target: [Participant]
    /// Where the event happened: an entity index (or `nil`) and the place mention.
    public var location: Participant?
    /// `YYYY-MM-DD`, or `nil`.
    public var date: String?
    public var quote: QuoteLink?
    /// The statement the event answers (calls false, condemns), or `nil`.
    public var claim: TextRange?
    /// The CAMEO code the type and mode project to (leading zero kept, `"042"`), or `nil`; derived.
    public var cameo: String?
    /// The CAMEO quad class, 1–4, or `nil`; derived.
    public var quad: Int?

    public init(
        type: String, mode: String? = nil, trigger: TextRange, coref: [TextRange] = [],
        source: [Participant] = [], target: [Participant] = [], location: Participant? = nil,
        date: String? = nil, quote: QuoteLink? = nil, claim: TextRange? = nil, cameo: String? = nil, quad: Int? = nil
    ) {
        self.type = type
        self.mode = mode
        self.trigger = trigger
        self.coref = coref
        self.source = source
        self.target = target
        self.location = location
        self.date = date
        self.quote = quote
        self.claim = claim
        self.cameo = cameo
        self.quad = quad
    }
}
