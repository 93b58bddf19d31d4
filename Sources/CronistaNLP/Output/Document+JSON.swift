public import CronistaCore

extension Document {
    /// The document's analysis as one line of the JSON contract (`spec/analysis-format.md`):
    /// offsets in Unicode code points into the original text, every span with its `text`.
    public func analysisJSON() -> [UInt8] {
        var w = JSONWriter(capacity: 256 + text.utf8.count / 2)
        writeAnalysis(into: &w, index: OffsetIndex(text))
        return w.bytes
    }

    /// Writes the analysis object into `w`, using `index` for offset conversion.
    public func writeAnalysis(into w: inout JSONWriter, index: OffsetIndex) {
        func span(_ r: TextRange) {
            w.key("start"); w.int(index.scalarOffset(utf8: r.startUTF8))
            w.key("end"); w.int(index.scalarOffset(utf8: r.endUTF8))
            w.key("text"); w.string(text(in: r))
        }
        w.beginObject()
        w.key("id"); w.string(id)
        w.key("language"); w.string(language)
        if let t = metadata.title { w.key("title"); w.string(t) }
        if let p = metadata.published { w.key("published"); w.string(p) }
        if let s = metadata.source { w.key("source"); w.string(s) }
        if let u = metadata.url { w.key("url"); w.string(u) }
        w.key("sentences"); w.beginArray()
        for s in sentences {
            w.beginObject()
            w.key("start"); w.int(index.scalarOffset(utf8: s.range.startUTF8))
            w.key("end"); w.int(index.scalarOffset(utf8: s.range.endUTF8))
            w.endObject()
        }
        w.endArray()
        w.key("entities"); w.beginArray()
        for (i, e) in entities.enumerated() {
            w.beginObject()
            w.key("id"); w.string("e\(i + 1)")
            w.key("type"); w.string(e.type.label)
            w.key("name"); w.string(e.name)
            w.key("kb"); w.optionalString(e.kb)
            w.key("mentions"); w.beginArray()
            for m in e.mentions {
                let mention = mentions[m]
                w.beginObject()
                span(mention.range)
                w.key("form"); w.string(mention.form.label)
                if mention.type != e.type { w.key("type"); w.string(mention.type.label) }
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("quotes"); w.beginArray()
        for (i, q) in quotes.enumerated() {
            w.beginObject()
            w.key("id"); w.string("q\(i + 1)")
            w.key("kind"); w.string(q.kind.label)
            span(q.content)
            w.key("cue")
            if let c = q.cue { w.beginObject(); span(c); w.endObject() } else { w.null() }
            w.key("speaker")
            if let s = q.speaker {
                w.beginObject()
                w.key("entity")
                if let e = s.entity { w.string("e\(e + 1)") } else { w.null() }
                span(s.range)
                if let e = s.entity {
                    w.key("name"); w.string(entities[e].name)
                    w.key("kb"); w.optionalString(entities[e].kb)
                }
                w.endObject()
            } else {
                w.null()
            }
            w.key("about"); w.beginArray()
            for e in q.about { w.string("e\(e + 1)") }
            w.endArray()
            if layers.contains(.times) { w.key("date"); w.optionalString(q.date) }
            w.endObject()
        }
        w.endArray()
        w.key("events"); w.beginArray()
        for (i, e) in events.enumerated() {
            func participant(_ p: Event.Participant) {
                w.beginObject()
                w.key("entity")
                if let e = p.entity { w.string("e\(e + 1)") } else { w.null() }
                span(p.range)
                if let c = p.country { w.key("country"); w.string(c) }
                if let s = p.sector { w.key("sector"); w.string(s) }
                w.endObject()
            }
            w.beginObject()
            w.key("id"); w.string("ev\(i + 1)")
            w.key("type"); w.string(e.type)
            w.key("mode"); w.optionalString(e.mode)
            w.key("trigger"); w.beginObject(); span(e.trigger); w.endObject()
            w.key("coref"); w.beginArray()
            for c in e.coref { w.beginObject(); span(c); w.endObject() }
            w.endArray()
            w.key("source"); w.beginArray()
            for p in e.source { participant(p) }
            w.endArray()
            w.key("target"); w.beginArray()
            for p in e.target { participant(p) }
            w.endArray()
            w.key("location")
            if let l = e.location { participant(l) } else { w.null() }
            w.key("date"); w.optionalString(e.date)
            w.key("quote")
            if let q = e.quote {
                w.beginObject()
                w.key("id"); w.string("q\(q.quote + 1)")
                w.key("role"); w.string(q.role.label)
                w.endObject()
            } else {
                w.null()
            }
            w.key("claim")
            if let c = e.claim { w.beginObject(); span(c); w.endObject() } else { w.null() }
            if let c = e.cameo { w.key("cameo"); w.string(c) }
            if let q = e.quad { w.key("quad"); w.int(q) }
            w.endObject()
        }
        w.endArray()
        if layers.contains(.times) {
            w.key("times"); w.beginArray()
            for (i, t) in times.enumerated() {
                w.beginObject()
                w.key("id"); w.string("t\(i + 1)")
                span(t.range)
                w.key("type"); w.string(t.kind.label)
                w.key("value"); w.string(t.value)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }
}
