public import CronistaCore

/// A document flattened into the rows every backend stores, with offsets already converted to
/// code points (the JSON contract unit) and name keys already folded, so that backends only copy.
///
/// Built from an analysed ``Document`` and the analysis JSON that `Document.analysisJSON()` wrote
/// (kept verbatim, so `cronista show` prints exactly what `cronista analyze` printed).
public struct StorableDocument: Sendable {
    public struct EntityRow: Hashable, Sendable {
        /// Index in the document's entity list (`e1` is ordinal 0).
        public var ordinal: Int
        public var type: String
        public var name: String
        public var nameKey: String
        public var kb: String?
        public var mentionCount: Int
        /// The entity's mentions, `[[start, end, "form"], …]` with code-point offsets, in
        /// document order (a backend that keeps mentions with their entity stores this).
        public var mentionsJSON: String
    }

    public struct MentionRow: Hashable, Sendable {
        public var ordinal: Int
        /// The entity the mention belongs to, if any.
        public var entity: Int?
        public var span: ScalarSpan
        public var type: String
        public var form: String
    }

    public struct QuoteRow: Hashable, Sendable {
        /// Index in the document's quote list (`q1` is ordinal 0).
        public var ordinal: Int
        public var kind: String
        public var content: ScalarSpan
        public var cue: ScalarSpan?
        public var speakerEntity: Int?
        public var speaker: ScalarSpan?
        /// Folded speaker text, for speakers that are not entities ("una fonte").
        public var speakerKey: String?
        public var sentenceStartScalar: Int
        public var sentenceEndScalar: Int
        /// The entities the quote is about (ordinals, in order of first mention): ``CronistaCore/Quote/about``.
        public var about: [Int] = []
        /// The day the words were said (``CronistaCore/Quote/date``), `YYYY-MM-DD`.
        public var date: String? = nil
    }

    /// A folded key under which an entity can be found: its name, each word of it, each name form
    /// used in the document, and its KB id.
    public struct AliasRow: Hashable, Sendable {
        public var entity: Int
        public var key: String
        public init(entity: Int, key: String) {
            self.entity = entity
            self.key = key
        }
    }

    public var id: String
    public var text: String
    /// SHA-256 of the text's UTF-8 bytes, hex.
    public var contentHash: String
    public var language: String
    public var title: String?
    public var published: String?
    public var source: String?
    public var url: String?
    /// The analysis JSON, one line of the output contract.
    public var analysisJSON: String
    /// The events layer as JSON (`[]` until the event extractor fills it).
    public var eventsJSON: String = "[]"
    public var entities: [EntityRow] = []
    public var mentions: [MentionRow] = []
    public var quotes: [QuoteRow] = []
    public var aliases: [AliasRow] = []
    /// The events layer (``EventRow``) and the times layer (``TimeRow``).
    public var events: [EventRow] = []
    public var times: [TimeRow] = []
    /// The text's near-duplicate fingerprint, which groups copies of one article into a story
    /// (``StoryGrouping``).
    public var storySignature: StorySignature

    /// - Throws: ``StoreError`` (`invalid-document`) when the document breaks an invariant
    ///   (a span outside the text, an index to a missing entity): such a document is not stored.
    /// - Parameter contentHash: the text's hash when the caller computed it already (for the
    ///   duplicate check before analysis); computed here otherwise.
    public init(document doc: Document, analysisJSON: [UInt8], contentHash: String? = nil) throws {
        let violations = doc.invariantViolations()
        if let first = violations.first {
            throw StoreError(.invalidDocument, "\(violations.count) invariant violation(s), first: \(first)", documentID: doc.id)
        }
        for (i, m) in doc.entities.enumerated() where m.mentions.contains(where: { $0 < 0 || $0 >= doc.mentions.count }) {
            throw StoreError(.invalidDocument, "entity \(i) points at a missing mention", documentID: doc.id)
        }
        if let problem = Self.eventProblem(doc) { throw StoreError(.invalidDocument, problem, documentID: doc.id) }
        id = doc.id
        text = doc.text
        self.contentHash = contentHash ?? Self.contentHash(of: doc.text)
        language = doc.language
        title = doc.metadata.title
        published = doc.metadata.published
        source = doc.metadata.source
        url = doc.metadata.url
        storySignature = StorySignature(text: doc.text)
        self.analysisJSON = String(decoding: analysisJSON, as: UTF8.self)

        let index = OffsetIndex(doc.text)
        func span(_ r: TextRange) -> ScalarSpan {
            ScalarSpan(
                startScalar: index.scalarOffset(utf8: r.startUTF8), endScalar: index.scalarOffset(utf8: r.endUTF8),
                text: String(doc.text(in: r)))
        }

        var entityOfMention = [Int?](repeating: nil, count: doc.mentions.count)
        for (e, entity) in doc.entities.enumerated() {
            for m in entity.mentions where entityOfMention[m] == nil { entityOfMention[m] = e }
        }
        mentions.reserveCapacity(doc.mentions.count)
        for (i, m) in doc.mentions.enumerated() {
            mentions.append(MentionRow(ordinal: i, entity: entityOfMention[i], span: span(m.range), type: m.type.label, form: m.form.label))
        }

        // Each entity's keys sorted on their own (the rows were 60 % of this initialiser's time,
        // profiled on KIND): see ``addKeys(folded:to:)``.
        var keys: [String] = []
        var scratch: [UInt8] = []
        entities.reserveCapacity(doc.entities.count)
        var forms: [Substring] = []
        var json: [UInt8] = []
        for (e, entity) in doc.entities.enumerated() {
            let key = Self.nameKey(entity.name, scratch: &scratch)
            json.removeAll(keepingCapacity: true)
            json.append(UInt8(ascii: "["))
            for (i, m) in entity.mentions.enumerated() {
                if i > 0 { json.append(UInt8(ascii: ",")) }
                json.append(UInt8(ascii: "["))
                Self.appendDecimal(mentions[m].span.startScalar, to: &json)
                json.append(UInt8(ascii: ","))
                Self.appendDecimal(mentions[m].span.endScalar, to: &json)
                json += #",""#.utf8
                json += mentions[m].form.utf8
                json += #""]"#.utf8
            }
            json.append(UInt8(ascii: "]"))
            entities.append(
                EntityRow(
                    ordinal: e, type: entity.type.label, name: entity.name, nameKey: key, kb: entity.kb,
                    mentionCount: entity.mentions.count, mentionsJSON: String(decoding: json, as: UTF8.self)))
            // The same keys as ``entityKeys(name:kb:nameForms:)``, through reused buffers.
            keys.removeAll(keepingCapacity: true)
            Self.addKeys(folded: key, to: &keys)
            Self.addKBKey(entity.kb, to: &keys)
            // Each distinct name form once (an entity is often named the same way many times).
            forms.removeAll(keepingCapacity: true)
            for m in entity.mentions where doc.mentions[m].form == .name {
                let form = doc.text(in: doc.mentions[m].range)
                guard form != entity.name[...], !forms.contains(form) else { continue }
                forms.append(form)
                Self.addKeys(folded: Self.nameKey(form, scratch: &scratch), to: &keys)
            }
            keys.sort()
            for k in keys { aliases.append(AliasRow(entity: e, key: k)) }
        }

        quotes.reserveCapacity(doc.quotes.count)
        for (i, q) in doc.quotes.enumerated() {
            // The sentences the quote, its cue and its speaker touch.
            var lo = q.content.startUTF8, hi = q.content.endUTF8
            if let c = q.cue { lo = min(lo, c.startUTF8); hi = max(hi, c.endUTF8) }
            if let s = q.speaker { lo = min(lo, s.range.startUTF8); hi = max(hi, s.range.endUTF8) }
            var sLo = lo, sHi = hi
            for s in doc.sentences where s.range.endUTF8 > lo && s.range.startUTF8 < max(hi, lo + 1) {
                sLo = min(sLo, s.range.startUTF8)
                sHi = max(sHi, s.range.endUTF8)
            }
            var speakerKey: String?
            if let s = q.speaker, s.entity == nil { speakerKey = Self.nameKey(doc.text(in: s.range), scratch: &scratch) }
            quotes.append(
                QuoteRow(
                    ordinal: i, kind: q.kind.label, content: span(q.content), cue: q.cue.map(span),
                    speakerEntity: q.speaker?.entity, speaker: q.speaker.map { span($0.range) }, speakerKey: speakerKey,
                    sentenceStartScalar: index.scalarOffset(utf8: sLo), sentenceEndScalar: index.scalarOffset(utf8: sHi), about: q.about,
                    date: q.date))
        }
        if !doc.events.isEmpty || !doc.times.isEmpty { (events, times) = Self.eventRows(doc, span: span) }
    }

    /// Appends `n`'s decimal digits (n ≥ 0).
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    /// The content hash the store deduplicates on: SHA-256 of the text's UTF-8 bytes.
    public static func contentHash(of text: String) -> String { SHA256.hex(text.utf8) }
}

extension String {
    /// The string without leading and trailing whitespace (`Character.isWhitespace`: spaces, tabs,
    /// newlines, NBSP and the other Unicode spaces).
    public func trimmingPrefixAndSuffixSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
