public import CronistaNLP
public import CronistaStorage

/// The JSON of search results, for the API and for `cronista search` alike. Offsets are code
/// points into the document's text, as in the analysis contract. The API adds entity ids (for
/// `/v1/entities/{id}`); the command line leaves them out.
extension JSONWriter {
    public mutating func quote(_ h: QuoteHit, entityIDs: Bool = true) {
        func span(_ s: ScalarSpan) {
            key("start"); int(s.startScalar)
            key("end"); int(s.endScalar)
            key("text"); string(s.text)
        }
        beginObject()
        key("document"); string(h.documentID)
        key("quote"); string(h.quoteID)
        key("kind"); string(h.kind)
        span(h.content)
        key("cue")
        if let c = h.cue { beginObject(); span(c); endObject() } else { null() }
        key("speaker")
        if let s = h.speaker {
            beginObject()
            span(s)
            key("name"); optionalString(h.speakerName)
            key("kb"); optionalString(h.speakerKB)
            if entityIDs { key("entity"); optionalString(h.speakerEntity?.id) }
            endObject()
        } else {
            null()
        }
        key("about"); beginArray()
        for a in h.about {
            beginObject()
            key("name"); string(a.name)
            key("type"); string(a.type)
            key("kb"); optionalString(a.kb)
            if entityIDs { key("entity"); string(a.key.id) }
            endObject()
        }
        endArray()
        key("sentence"); beginObject()
        key("start"); int(h.sentenceStartScalar)
        key("end"); int(h.sentenceEndScalar)
        endObject()
        key("published"); optionalString(h.published)
        key("source"); optionalString(h.source)
        key("title"); optionalString(h.title)
        endObject()
    }

    public mutating func entity(_ h: EntityHit, entityIDs: Bool = true) {
        beginObject()
        if entityIDs { key("id"); string(h.key.id) }
        key("name"); string(h.name)
        key("type"); string(h.type)
        key("kb"); optionalString(h.kb)
        key("documents"); int(h.documents)
        key("mentions"); int(h.mentions)
        endObject()
    }

    public mutating func document(_ h: DocumentHit) {
        beginObject()
        documentFields(h)
        endObject()
    }

    public mutating func documentFields(_ h: DocumentHit) {
        key("id"); string(h.id)
        key("title"); optionalString(h.title)
        key("published"); optionalString(h.published)
        key("source"); optionalString(h.source)
        key("language"); string(h.language)
    }

    /// `"quotes": [...], "next_cursor": "…" | null`: the cursor is set when the page is full.
    package mutating func quotePage(_ hits: [QuoteHit], limit: Int) {
        key("quotes")
        beginArray()
        for h in hits { quote(h) }
        endArray()
        key("next_cursor")
        optionalString(hits.count == limit ? hits.last.flatMap(QuoteCursor.init(after:))?.token : nil)
    }
}
