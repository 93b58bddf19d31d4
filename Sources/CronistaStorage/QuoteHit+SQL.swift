import CronistaCore

extension QuoteHit {
    /// The columns and joins of a quote search, in the order both backends decode a `QuoteHit`
    /// row (the same SQL runs on SQLite and PostgreSQL); a backend adds its WHERE and LIMIT.
    /// `documentKey` is the column of `document` the other tables refer to (`id` on PostgreSQL,
    /// the integer `doc` on SQLite) and `childKey` the column that refers to it. `about` is the
    /// backend's expression for the last column: the quote's `about` entities as the JSON text
    /// ``about(json:)`` reads, or NULL when there are none.
    public static func selectSQL(documentKey: String, childKey: String, about: String) -> String {
        """
        SELECT d.id, d.title, d.published, d.source, q.ordinal, q.kind, q.start_cp, q.end_cp, q.text,
               q.cue_start_cp, q.cue_end_cp, q.cue_text, q.speaker_start_cp, q.speaker_end_cp, q.speaker_text,
               e.name, e.kb, q.sentence_start_cp, q.sentence_end_cp, e.type, \(about), q.date
        FROM quote q
        JOIN document d ON d.\(documentKey) = q.\(childKey)
        LEFT JOIN entity e ON e.\(childKey) = q.\(childKey) AND e.ordinal = q.speaker_entity
        """
    }

    /// Newest first, then document id and quote order.
    public static let orderSQL = "ORDER BY COALESCE(d.published, '') DESC, d.id, q.ordinal"

    /// The `about` column of ``selectSQL(documentKey:childKey:about:)``: `[[name, type, kb], …]`
    /// (kb may be null), in order; NULL or text that is not such an array reads as none.
    public static func about(json: String?) -> [QuoteAbout] {
        guard let json, case .array(let items)? = try? JSONValue.parse(Array(json.utf8)) else { return [] }
        return items.compactMap { item in
            guard case .array(let f) = item, f.count == 3, let name = f[0].stringValue, let type = f[1].stringValue else { return nil }
            return QuoteAbout(name: name, type: type, kb: f[2].stringValue)
        }
    }
}
