import CronistaCore

/// Renders a document for a person at a terminal: numbered sentences with entity mentions and
/// quotes marked, then the entity and quote lists. ANSI colour only when writing to a TTY.
struct PrettyPrinter {
    let colour: Bool

    private func paint(_ s: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    private func typeColour(_ t: EntityType) -> String {
        switch t {
        case .person: "1;36"
        case .organization: "1;35"
        case .location: "1;32"
        }
    }

    func render(_ doc: Document) -> String {
        var out =
            paint("# \(doc.id)", "1")
            + "  (\(doc.language), \(counted(doc.sentences.count, "sentence")), \(counted(doc.entities.count, "entity", "entities")), \(counted(doc.quotes.count, "quote")))\n"
        // Marks to insert: at UTF-8 offsets, opening or closing.
        var entityOf = [Int](repeating: -1, count: doc.mentions.count)
        for (e, ent) in doc.entities.enumerated() { for m in ent.mentions { entityOf[m] = e } }
        for (si, s) in doc.sentences.enumerated() {
            var line = ""
            var pos = s.range.startUTF8
            let mentions = doc.mentions.enumerated().filter { s.range.contains($0.element.range) }
            var inQuote = doc.quotes.contains { $0.content.startUTF8 < s.range.startUTF8 && $0.content.endUTF8 > s.range.startUTF8 }
            var boundaries: [Boundary] = []
            for (i, m) in mentions {
                let tag = entityOf[i] >= 0 ? "e\(entityOf[i] + 1)" : m.type.label
                boundaries.append(
                    Boundary(offset: m.range.startUTF8, closes: false, span: m.range, mark: colour ? "\u{1B}[\(typeColour(m.type))m" : "["))
                boundaries.append(
                    Boundary(
                        offset: m.range.endUTF8, closes: true, span: m.range,
                        mark: colour ? "\u{1B}[0m" + (inQuote ? "\u{1B}[4m" : "") + paint("₍\(tag)₎", "2") : "|\(m.type.label) \(tag)]"))
            }
            for q in doc.quotes {
                if s.range.startUTF8 <= q.content.startUTF8 && q.content.startUTF8 < s.range.endUTF8 {
                    boundaries.append(
                        Boundary(offset: q.content.startUTF8, closes: false, span: q.content, mark: colour ? "\u{1B}[4m" : "⟦"))
                }
                if s.range.startUTF8 < q.content.endUTF8 && q.content.endUTF8 <= s.range.endUTF8 {
                    boundaries.append(Boundary(offset: q.content.endUTF8, closes: true, span: q.content, mark: colour ? "\u{1B}[24m" : "⟧"))
                }
            }
            boundaries.sort(by: Boundary.nestingOrder)
            for b in boundaries where b.offset >= pos {
                let (off, mark) = (b.offset, b.mark)
                line += doc.text(in: TextRange(startUTF8: pos, endUTF8: off))
                line += mark
                if mark == "\u{1B}[4m" || mark == "⟦" { inQuote = true }
                if mark == "\u{1B}[24m" || mark == "⟧" { inQuote = false }
                pos = off
            }
            line += doc.text(in: TextRange(startUTF8: pos, endUTF8: s.range.endUTF8))
            if colour { line += "\u{1B}[0m" }
            out += paint(String(format2(si + 1)), "2") + " " + line.replacingNewlines() + "\n"
        }
        if !doc.entities.isEmpty {
            out += paint("\nEntities", "1") + "\n"
            for (i, e) in doc.entities.enumerated() {
                let kb = e.kb ?? "—"
                let forms = e.mentions.map { String(doc.text(in: doc.mentions[$0].range)) }
                out +=
                    "  e\(i + 1)  " + paint(e.type.label, typeColour(e.type))
                    + "  \(e.name)  [\(kb)]  ×\(e.mentions.count): \(forms.joined(separator: " · "))\n"
            }
        }
        if !doc.quotes.isEmpty {
            out += paint("\nQuotes", "1") + "\n"
            for (i, q) in doc.quotes.enumerated() {
                var who = "(no speaker)"
                if let s = q.speaker {
                    who = s.entity.map { doc.entities[$0].name } ?? String(doc.text(in: s.range))
                }
                let cue = q.cue.map { " — \(doc.text(in: $0))" } ?? ""
                // A paraphrase is not a quotation: only direct quotes are shown in «»; a mixed one is
                // a paraphrase whose quoted words keep the text's own marks.
                // An attribution inside the content (`"X," she said. "Y."`, one quote in English) as ` … `.
                let content = doc.displayedContent(of: q).replacingNewlines()
                let shown = q.kind == .direct ? "«\(content)»" : content
                // The day the words were said, when the text or `published` gives it.
                let date = q.date.map { ", \($0)" } ?? ""
                out += "  q\(i + 1)  \(paint(who, "1;36"))\(cue) (\(q.kind.label)\(date)): \(shown)\n"
                let about = q.about.filter { doc.entities.indices.contains($0) }.map { doc.entities[$0].name }
                if !about.isEmpty { out += "      \(paint("about:", "2")) \(about.joined(separator: ", "))\n" }
            }
        }
        if !doc.times.isEmpty {
            out += paint("\nTimes", "1") + "\n"
            for (i, t) in doc.times.enumerated() {
                out += "  t\(i + 1)  \(t.kind.label) \(paint(t.value, "1"))  \(doc.text(in: t.range).replacingNewlines())\n"
            }
        }
        return out + "\n"
    }

    private func format2(_ n: Int) -> String { n < 10 ? " \(n)" : "\(n)" }

    /// Where a mark opens or closes a span (a mention or a quote) in a sentence's text.
    struct Boundary {
        var offset: UInt32
        var closes: Bool
        var span: TextRange
        var mark: String

        /// Marks nest properly: at one offset closings come first, inner spans (started later)
        /// closing before outer ones, and outer spans (ending later) opening before inner ones.
        static func nestingOrder(_ a: Boundary, _ b: Boundary) -> Bool {
            if a.offset != b.offset { return a.offset < b.offset }
            if a.closes != b.closes { return a.closes }
            if a.closes {
                return a.span.startUTF8 != b.span.startUTF8 ? a.span.startUTF8 > b.span.startUTF8 : a.mark < b.mark
            }
            return a.span.endUTF8 != b.span.endUTF8 ? a.span.endUTF8 > b.span.endUTF8 : a.mark < b.mark
        }
    }
}

/// `1 sentence`, `2 sentences`, `0 entities`.
func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

extension StringProtocol {
    func replacingNewlines() -> String {
        String(self.map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }
}
