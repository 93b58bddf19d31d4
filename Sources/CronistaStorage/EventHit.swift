import CronistaCore

/// Filters for ``DocumentStore/events(_:)``; every filter that is set must hold.
public struct EventQuery: Hashable, Sendable {
    /// Where an actor takes part in an event.
    public enum Role: String, Hashable, Sendable, CaseIterable {
        case source, target, location
    }

    /// A PLOVER type (`ACCUSE`, `CONSULT`, …), case-insensitive.
    public var type: String?
    /// The type's mode (`disapprove`, `visit`, …), case-insensitive.
    public var mode: String?
    /// A participant: its name, one word of it, an alias or its KB id (as ``QuoteQuery/speaker``),
    /// or the folded text of a participant that is not an entity; case- and accent-insensitive.
    public var actor: String?
    /// Exactly this entity as a participant (an ``EntityKey`` from an entity search), not a name.
    public var actorEntity: EntityKey?
    /// The role the actor (``actor`` or ``actorEntity``) has; without an actor, events that have a
    /// participant in this role.
    public var role: Role?
    /// Earliest event date, `YYYY-MM-DD`, inclusive (an event without a date counts as its
    /// document's `published` date).
    public var from: String?
    /// Latest event date, `YYYY-MM-DD`, inclusive.
    public var to: String?
    /// Only events of this document.
    public var documentID: String?
    public var limit: Int
    /// Events skipped before the first one returned, in the result order.
    public var offset: Int

    public init(
        type: String? = nil, mode: String? = nil, actor: String? = nil, actorEntity: EntityKey? = nil, role: Role? = nil,
        from: String? = nil, to: String? = nil, documentID: String? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.type = type
        self.mode = mode
        self.actor = actor
        self.actorEntity = actorEntity
        self.role = role
        self.from = from
        self.to = to
        self.documentID = documentID
        self.limit = limit
        self.offset = offset
    }
}

/// One stored event and where it rests: offsets in code points into its document's text.
public struct EventHit: Hashable, Sendable {
    /// A source, target or location of the event.
    public struct Participant: Hashable, Sendable {
        public var role: EventQuery.Role
        /// The mention the role rests on.
        public var span: ScalarSpan
        /// The entity's name, type and KB id, when the participant is an entity.
        public var name: String?
        public var type: String?
        public var kb: String?
        public var country: String?
        public var sector: String?

        public init(
            role: EventQuery.Role, span: ScalarSpan, name: String? = nil, type: String? = nil, kb: String? = nil, country: String? = nil,
            sector: String? = nil
        ) {
            self.role = role
            self.span = span
            self.name = name
            self.type = type
            self.kb = kb
            self.country = country
            self.sector = sector
        }

        /// The entity across the store (for its page), when the participant is an entity.
        public var entity: EntityKey? {
            guard let name, let type else { return nil }
            return EntityKey(kb: kb, type: type, name: name)
        }
    }

    public var documentID: String
    public var title: String?
    public var published: String?
    public var source: String?
    /// The event's id in the document's analysis (`ev1`, `ev2`, …).
    public var eventID: String
    public var type: String
    public var mode: String?
    public var trigger: ScalarSpan
    /// `YYYY-MM-DD`, or `nil`.
    public var date: String?
    public var cameo: String?
    public var quad: Int?
    /// The quote the event is (`act`) or that narrates it (`report`): its id (`q1`) and role.
    public var quoteID: String?
    public var quoteRole: String?
    public var claim: ScalarSpan?
    /// Sources, then targets, then the location, each in document order.
    public var participants: [Participant]

    public init(
        documentID: String, title: String?, published: String?, source: String?, eventID: String, type: String, mode: String?,
        trigger: ScalarSpan, date: String?, cameo: String? = nil, quad: Int? = nil, quoteID: String? = nil, quoteRole: String? = nil,
        claim: ScalarSpan? = nil, participants: [Participant] = []
    ) {
        self.documentID = documentID
        self.title = title
        self.published = published
        self.source = source
        self.eventID = eventID
        self.type = type
        self.mode = mode
        self.trigger = trigger
        self.date = date
        self.cameo = cameo
        self.quad = quad
        self.quoteID = quoteID
        self.quoteRole = quoteRole
        self.claim = claim
        self.participants = participants
    }

    /// The day the event is placed on: its date, else its document's publication day.
    public var day: String? { date ?? published.map { String($0.prefix(10)) } }

    public func participants(_ role: EventQuery.Role) -> [Participant] { participants.filter { $0.role == role } }
}
