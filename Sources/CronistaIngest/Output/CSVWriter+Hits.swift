public import CronistaStorage

/// The export tables: one row a quote or an event, offsets in code points into the document's text
/// (as in the analysis contract), lists joined with `; `.
extension CSVWriter {
    public static let quoteHeader = [
        "document", "published", "source", "title", "quote", "kind", "start", "end", "text", "speaker", "speaker_kb",
        "speaker_start", "speaker_end", "speaker_text", "cue_start", "cue_end", "cue_text", "about", "date"
    ]

    public mutating func quote(_ h: QuoteHit) {
        row([
            h.documentID, h.published ?? "", h.source ?? "", h.title ?? "", h.quoteID, h.kind, String(h.content.startScalar),
            String(h.content.endScalar), h.content.text, h.speakerName ?? h.speaker?.text ?? "", h.speakerKB ?? "",
            h.speaker.map { String($0.startScalar) } ?? "", h.speaker.map { String($0.endScalar) } ?? "", h.speaker?.text ?? "",
            h.cue.map { String($0.startScalar) } ?? "", h.cue.map { String($0.endScalar) } ?? "", h.cue?.text ?? "",
            h.about.map(\.name).joined(separator: "; "), h.date ?? ""
        ])
    }

    public static let eventHeader = [
        "document", "published", "source", "title", "event", "type", "mode", "trigger_start", "trigger_end", "trigger_text",
        "date", "cameo", "quad", "quote", "quote_role", "sources", "targets", "locations"
    ]

    public mutating func event(_ h: EventHit) {
        func names(_ role: EventQuery.Role) -> String {
            h.participants.filter { $0.role == role }.map { $0.name ?? $0.span.text }.joined(separator: "; ")
        }
        row([
            h.documentID, h.published ?? "", h.source ?? "", h.title ?? "", h.eventID, h.type, h.mode ?? "",
            String(h.trigger.startScalar), String(h.trigger.endScalar), h.trigger.text, h.date ?? "", h.cameo ?? "",
            h.quad.map(String.init) ?? "", h.quoteID ?? "", h.quoteRole ?? "", names(.source), names(.target), names(.location)
        ])
    }
}
