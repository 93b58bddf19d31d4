public import CronistaStorage

/// The flat tables of `cronista export` and `/v1/export/…` (CSV and Parquet): one row per hit,
/// the same columns in every format. Offsets are code points into the document's text; a list
/// (the entities a quote is about, an event's sources) is one field, its items joined by `; `.
public enum ExportTable {
    public static let quoteColumns = [
        "document", "quote", "kind", "start", "end", "text", "speaker", "speaker_kb", "speaker_type", "speaker_text", "cue",
        "about", "about_kb", "sentence_start", "sentence_end", "date", "published", "source", "title"
    ]

    public static func row(_ h: QuoteHit) -> [String?] {
        [
            h.documentID, h.quoteID, h.kind, String(h.content.startScalar), String(h.content.endScalar), h.content.text,
            h.speakerName, h.speakerKB, h.speakerType, h.speaker?.text, h.cue?.text, joined(h.about.map(\.name)),
            joined(h.about.map { $0.kb ?? "" }), String(h.sentenceStartScalar), String(h.sentenceEndScalar), h.date, h.published,
            h.source, h.title
        ]
    }

    public static let eventColumns = [
        "document", "event", "type", "mode", "trigger", "trigger_start", "trigger_end", "source", "source_kb", "target", "target_kb",
        "location", "location_kb", "date", "day", "quote", "cameo", "quad", "published", "document_source", "title"
    ]

    public static func row(_ h: EventHit) -> [String?] {
        func names(_ role: EventQuery.Role) -> String? { joined(h.participants(role).map { $0.name ?? $0.span.text }) }
        func kbs(_ role: EventQuery.Role) -> String? { joined(h.participants(role).map { $0.kb ?? "" }) }
        return [
            h.documentID, h.eventID, h.type, h.mode, h.trigger.text, String(h.trigger.startScalar), String(h.trigger.endScalar),
            names(.source), kbs(.source), names(.target), kbs(.target), names(.location), kbs(.location), h.date, h.day, h.quoteID,
            h.cameo, h.quad.map { String($0) }, h.published, h.source, h.title
        ]
    }

    public static let entityColumns = ["name", "type", "kb", "documents", "mentions"]

    public static func row(_ h: EntityHit) -> [String?] { [h.name, h.type, h.kb, String(h.documents), String(h.mentions)] }

    public static let documentColumns = ["id", "title", "published", "source", "language"]

    public static func row(_ h: DocumentHit) -> [String?] { [h.id, h.title, h.published, h.source, h.language] }

    /// Columns that hold whole numbers (offsets and counts): `int64` in Parquet.
    public static let integerColumns: Set<String> = [
        "start", "end", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "quad", "documents", "mentions"
    ]

    /// The Parquet schema of a table with these columns.
    public static func parquetColumns(_ names: [String]) -> [ParquetWriter.Column] {
        names.map { ParquetWriter.Column($0, integerColumns.contains($0) ? .int64 : .string) }
    }

    /// The items joined by `; `, or `nil` when there are none (or all are empty).
    static func joined(_ items: [String]) -> String? {
        items.allSatisfy(\.isEmpty) ? nil : items.joined(separator: "; ")
    }
}
