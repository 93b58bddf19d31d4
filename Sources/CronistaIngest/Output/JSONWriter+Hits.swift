public import CronistaNLP
public import CronistaStorage

/// The JSON of search results, for the API and for `cronista search` alike. Offsets are code
/// points into the document's text, as in the analysis contract. The API adds entity ids (for
/// `/v1/entities/{id}`); the command line leaves them out.
extension JSONWriter {
    public mutating func quote(_ h: QuoteHit, entityIDs: Bool = true, extra: ((inout JSONWriter) -> Void)? = nil) {
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
        key("date"); optionalString(h.date)
        key("published"); optionalString(h.published)
        key("source"); optionalString(h.source)
        key("title"); optionalString(h.title)
        extra?(&self)
        endObject()
    }

    /// A quote cluster: its first appearance as ``quote(_:entityIDs:extra:)`` writes a quote, with
    /// `carried_by` (how many documents carry the statement) and `variants` (every quote of the
    /// cluster, earliest first: document, quote id, published, source, offsets and text).
    public mutating func quoteCluster(_ c: QuoteCluster, entityIDs: Bool = true) {
        quote(c.first, entityIDs: entityIDs) { w in
            w.key("carried_by"); w.int(c.documents.count)
            w.key("variants"); w.beginArray()
            for v in c.variants {
                w.beginObject()
                w.key("document"); w.string(v.documentID)
                w.key("quote"); w.string(v.quoteID)
                w.key("published"); w.optionalString(v.published)
                w.key("source"); w.optionalString(v.source)
                w.key("start"); w.int(v.content.startScalar)
                w.key("end"); w.int(v.content.endScalar)
                w.key("text"); w.string(v.content.text)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// One event: the fields of the analysis format's events (`type`, `mode`, `trigger`, `source`,
    /// `target`, `location`, `date`, `quote`, `claim`, `cameo`, `quad`), with the participants'
    /// entity names, and the document it comes from (`document_source` is the document's source).
    public mutating func event(_ h: EventHit, entityIDs: Bool = true) {
        func span(_ s: ScalarSpan) {
            key("start"); int(s.startScalar)
            key("end"); int(s.endScalar)
            key("text"); string(s.text)
        }
        func participant(_ p: EventHit.Participant) {
            beginObject()
            span(p.span)
            key("name"); optionalString(p.name)
            key("type"); optionalString(p.type)
            key("kb"); optionalString(p.kb)
            if entityIDs { key("entity"); optionalString(p.entity?.id) }
            key("country"); optionalString(p.country)
            key("sector"); optionalString(p.sector)
            endObject()
        }
        beginObject()
        key("document"); string(h.documentID)
        key("event"); string(h.eventID)
        key("type"); string(h.type)
        key("mode"); optionalString(h.mode)
        key("trigger"); beginObject(); span(h.trigger); endObject()
        key("source"); beginArray(); for p in h.participants(.source) { participant(p) }; endArray()
        key("target"); beginArray(); for p in h.participants(.target) { participant(p) }; endArray()
        key("location")
        if let l = h.participants(.location).first { participant(l) } else { null() }
        key("date"); optionalString(h.date)
        key("day"); optionalString(h.day)
        key("quote")
        if let q = h.quoteID {
            beginObject()
            key("id"); string(q)
            key("role"); string(h.quoteRole ?? "act")
            endObject()
        } else {
            null()
        }
        key("claim")
        if let c = h.claim { beginObject(); span(c); endObject() } else { null() }
        key("cameo"); optionalString(h.cameo)
        key("quad")
        if let q = h.quad { int(q) } else { null() }
        key("published"); optionalString(h.published)
        key("document_source"); optionalString(h.source)
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

    /// `"events": [...], "next_offset": n | null`: the next offset is set when the page is full.
    package mutating func eventPage(_ hits: [EventHit], limit: Int, offset: Int) {
        key("events")
        beginArray()
        for h in hits { event(h) }
        endArray()
        key("next_offset")
        if hits.count == limit { int(offset + limit) } else { null() }
    }
}
