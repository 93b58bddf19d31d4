import CronistaCore

/// The rows of the events and times layers, with code-point offsets (see ``StorableDocument``).
extension StorableDocument {
    public struct EventRow: Hashable, Sendable {
        /// Index in the document's event list (`ev1` is ordinal 0).
        public var ordinal: Int
        public var type: String
        public var mode: String?
        public var trigger: ScalarSpan
        public var date: String?
        public var cameo: String?
        public var quad: Int?
        /// The linked quote's ordinal and the link's role (`act`, `report`).
        public var quoteOrdinal: Int?
        public var quoteRole: String?
        public var claim: ScalarSpan?
        /// Sources, then targets, then the location: the order ``EventHit/participants`` keeps.
        public var participants: [ParticipantRow]
    }

    public struct ParticipantRow: Hashable, Sendable {
        /// `source`, `target` or `location`.
        public var role: String
        /// The entity's ordinal, when the participant is an entity.
        public var entity: Int?
        public var span: ScalarSpan
        /// The folded text of a participant that is not an entity (`soldati russi`), for actor searches.
        public var key: String?
        public var country: String?
        public var sector: String?
    }

    public struct TimeRow: Hashable, Sendable {
        /// Index in the document's time list (`t1` is ordinal 0).
        public var ordinal: Int
        public var span: ScalarSpan
        /// `DATE`, `TIME`, `DURATION` or `SET`.
        public var type: String
        /// The TIMEX3 value.
        public var value: String
        /// The one calendar day the value names (``CronistaCore/TimeExpression/day``), for date searches.
        public var day: String?
    }

    /// The first span of the events or times layer that lies outside the text or splits a code
    /// point, or index to a missing entity or quote (`Document.invariantViolations()` checks the
    /// other layers), as a message; `nil` when there is none.
    static func eventProblem(_ doc: Document) -> String? {
        let n = UInt32(doc.text.utf8.count)
        let utf8 = doc.text.utf8
        func bad(_ r: TextRange) -> Bool {
            func off(_ o: UInt32) -> Bool {
                o != n && (o > n || utf8[utf8.index(utf8.startIndex, offsetBy: Int(o))] & 0xC0 == 0x80)
            }
            return r.startUTF8 > r.endUTF8 || off(r.startUTF8) || off(r.endUTF8)
        }
        for (i, e) in doc.events.enumerated() {
            if bad(e.trigger) || e.coref.contains(where: bad) || e.claim.map(bad) == true { return "event \(i): a span outside the text" }
            for p in e.source + e.target + (e.location.map { [$0] } ?? []) {
                if bad(p.range) { return "event \(i): a participant's span outside the text" }
                if let k = p.entity, !doc.entities.indices.contains(k) { return "event \(i) points at a missing entity \(k)" }
            }
            if let q = e.quote, !doc.quotes.indices.contains(q.quote) { return "event \(i) points at a missing quote \(q.quote)" }
        }
        for (i, t) in doc.times.enumerated() where bad(t.range) { return "time \(i): a span outside the text" }
        return nil
    }

    /// The event and time rows of an analysed document (`span` converts a range to code points).
    static func eventRows(_ doc: Document, span: (TextRange) -> ScalarSpan) -> (events: [EventRow], times: [TimeRow]) {
        var scratch: [UInt8] = []
        var events: [EventRow] = []
        events.reserveCapacity(doc.events.count)
        for (i, e) in doc.events.enumerated() {
            var participants: [ParticipantRow] = []
            func add(_ role: String, _ p: Event.Participant) {
                let s = span(p.range)
                participants.append(
                    ParticipantRow(
                        role: role, entity: p.entity, span: s, key: p.entity == nil ? nameKey(s.text, scratch: &scratch) : nil,
                        country: p.country, sector: p.sector))
            }
            for p in e.source { add("source", p) }
            for p in e.target { add("target", p) }
            if let l = e.location { add("location", l) }
            events.append(
                EventRow(
                    ordinal: i, type: e.type, mode: e.mode, trigger: span(e.trigger), date: e.date, cameo: e.cameo, quad: e.quad,
                    quoteOrdinal: e.quote?.quote, quoteRole: e.quote?.role.label, claim: e.claim.map(span), participants: participants))
        }
        let times = doc.times.enumerated().map { i, t in
            TimeRow(ordinal: i, span: span(t.range), type: t.kind.label, value: t.value, day: t.day)
        }
        return (events, times)
    }

    /// The event rows, time rows and quote dates (by quote ordinal) that an analysis JSON line
    /// holds, read with the offsets it gives (code points): what a migration derives for the
    /// documents a store held before it had these tables. The same rows as the initialiser
    /// builds from the ``CronistaCore/Document``.
    public static func eventRows(analysisJSON json: String) throws -> (events: [EventRow], times: [TimeRow], quoteDates: [Int: String]) {
        let root = try JSONValue.parse(Array(json.utf8))
        func span(_ v: JSONValue?) -> ScalarSpan? {
            guard let v, let s = v["start"]?.numberLiteral.flatMap({ Int($0) }), let e = v["end"]?.numberLiteral.flatMap({ Int($0) }),
                let t = v["text"]?.stringValue
            else { return nil }
            return ScalarSpan(startScalar: s, endScalar: e, text: t)
        }
        /// `e3` → 2, `q1` → 0.
        func ordinal(_ v: JSONValue?, prefix: String) -> Int? {
            guard let id = v?.stringValue, id.hasPrefix(prefix), let n = Int(id.dropFirst(prefix.count)), n >= 1 else { return nil }
            return n - 1
        }
        var quoteDates: [Int: String] = [:]
        if case .array(let qs)? = root["quotes"] {
            for (i, q) in qs.enumerated() { if let d = q["date"]?.stringValue { quoteDates[i] = d } }
        }
        var events: [EventRow] = []
        if case .array(let es)? = root["events"] {
            for (i, e) in es.enumerated() {
                guard let type = e["type"]?.stringValue, let trigger = span(e["trigger"]) else { continue }
                var participants: [ParticipantRow] = []
                func add(_ role: String, _ p: JSONValue) {
                    guard let s = span(p) else { return }
                    let entity = ordinal(p["entity"], prefix: "e")
                    participants.append(
                        ParticipantRow(
                            role: role, entity: entity, span: s, key: entity == nil ? nameKey(s.text) : nil,
                            country: p["country"]?.stringValue,
                            sector: p["sector"]?.stringValue))
                }
                for role in ["source", "target"] { if case .array(let ps)? = e[role] { for p in ps { add(role, p) } } }
                if let l = e["location"], l != .null { add("location", l) }
                let quote = e["quote"]
                let q = quote.flatMap { ordinal($0["id"], prefix: "q") }
                events.append(
                    EventRow(
                        ordinal: i, type: type, mode: e["mode"]?.stringValue, trigger: trigger, date: e["date"]?.stringValue,
                        cameo: e["cameo"]?.stringValue, quad: e["quad"]?.numberLiteral.flatMap { Int($0) }, quoteOrdinal: q,
                        quoteRole: q == nil ? nil : (quote?["role"]?.stringValue == "report" ? "report" : "act"), claim: span(e["claim"]),
                        participants: participants))
            }
        }
        var times: [TimeRow] = []
        if case .array(let ts)? = root["times"] {
            for (i, t) in ts.enumerated() {
                guard let s = span(t), let type = t["type"]?.stringValue, let kind = TimeExpression.Kind(label: type),
                    let value = t["value"]?.stringValue
                else { continue }
                let day = TimeExpression(range: TextRange(startUTF8: 0, endUTF8: 0), kind: kind, value: value).day
                times.append(TimeRow(ordinal: i, span: s, type: type, value: value, day: day))
            }
        }
        return (events, times, quoteDates)
    }
}
