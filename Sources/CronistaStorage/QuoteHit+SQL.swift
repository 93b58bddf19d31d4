extension QuoteHit {
    /// The columns and joins of a quote search, in the order both backends decode a `QuoteHit`
    /// row (the same SQL runs on SQLite and PostgreSQL); a backend adds its WHERE and LIMIT.
    public static let selectSQL = """
        SELECT q.document_id, d.title, d.published, d.source, q.ordinal, q.kind, q.start_cp, q.end_cp, q.text,
               q.cue_start_cp, q.cue_end_cp, q.cue_text, q.speaker_start_cp, q.speaker_end_cp, q.speaker_text,
               e.name, e.kb, q.sentence_start_cp, q.sentence_end_cp, e.type
        FROM quote q
        JOIN document d ON d.id = q.document_id
        LEFT JOIN entity e ON e.document_id = q.document_id AND e.ordinal = q.speaker_entity
        """

    /// Newest first, then document and quote order.
    public static let orderSQL = "ORDER BY COALESCE(d.published, '') DESC, q.document_id, q.ordinal"
}
