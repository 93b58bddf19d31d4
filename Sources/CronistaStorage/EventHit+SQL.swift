import CronistaCore

/// The SQL the backends share for ``DocumentStore/events(_:)``: the same columns and order on
/// SQLite and PostgreSQL (tables `event` `ev`, `document` `d`).
extension EventHit {
    /// SELECT … FROM event JOIN document, without WHERE, ORDER BY and LIMIT. `documentKey` is the
    /// column of `document` the other tables refer to, `childKey` the column that refers to it;
    /// `participants` the backend's expression for the last column (``participants(json:)``).
    public static func selectSQL(documentKey: String, childKey: String, participants: String) -> String {
        """
        SELECT d.id, d.title, d.published, d.source, ev.ordinal, ev.type, ev.mode, ev.trigger_start_cp, ev.trigger_end_cp,
               ev.trigger_text, ev.date, ev.cameo, ev.quad, ev.quote_ordinal, ev.quote_role, ev.claim_start_cp, ev.claim_end_cp,
               ev.claim_text, \(participants)
        FROM event ev
        JOIN document d ON d.\(documentKey) = ev.\(childKey)
        """
    }

    /// The day an event is placed on (its date, else its document's publication day): what
    /// `from`/`to` compare and the order sorts by.
    public static let daySQL = "COALESCE(ev.date, substr(d.published, 1, 10))"

    /// Newest first (undated last), then document id and event order.
    public static let orderSQL = "ORDER BY COALESCE(\(daySQL), '') DESC, d.id, ev.ordinal"

    /// The participants column: `[[role, start, end, text, name, type, kb, country, sector], …]`
    /// in order (name, type and kb null when the participant is not an entity); NULL or other
    /// text reads as none.
    public static func participants(json: String?) -> [Participant] {
        guard let json, case .array(let items)? = try? JSONValue.parse(Array(json.utf8)) else { return [] }
        return items.compactMap { item in
            guard case .array(let f) = item, f.count == 9, let role = f[0].stringValue.flatMap(EventQuery.Role.init(rawValue:)),
                let s = f[1].numberLiteral.flatMap({ Int($0) }), let e = f[2].numberLiteral.flatMap({ Int($0) }),
                let text = f[3].stringValue
            else { return nil }
            return Participant(
                role: role, span: ScalarSpan(startScalar: s, endScalar: e, text: text), name: f[4].stringValue, type: f[5].stringValue,
                kb: f[6].stringValue, country: f[7].stringValue, sector: f[8].stringValue)
        }
    }

    /// A hit from its columns in ``selectSQL(documentKey:childKey:participants:)`` order.
    public init(
        documentID: String, title: String?, published: String?, source: String?, ordinal: Int, type: String, mode: String?,
        trigger: ScalarSpan, date: String?, cameo: String?, quad: Int?, quoteOrdinal: Int?, quoteRole: String?, claim: ScalarSpan?,
        participantsJSON: String?
    ) {
        self.init(
            documentID: documentID, title: title, published: published, source: source, eventID: "ev\(ordinal + 1)", type: type,
            mode: mode, trigger: trigger, date: date, cameo: cameo, quad: quad, quoteID: quoteOrdinal.map { "q\($0 + 1)" },
            quoteRole: quoteRole, claim: claim, participants: Self.participants(json: participantsJSON))
    }
}
