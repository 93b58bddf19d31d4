import CronistaCore
import CronistaTestSupport
import Foundation
import Testing
@testable import CronistaNLP

/// Whom a quote is about (`Quote.about`): the entities its content mentions, through the standard
/// engine on the seed and on hand-built documents for each rule.
@Suite("Quotes: about whom")
struct QuoteAboutTests {
    static let engine: Engine? = try? Engine()

    /// A document with the real text layer (tokens, sentences) and the mentions, entities and
    /// quotes given at the first occurrence of each text.
    struct Built {
        var doc: Document

        init(_ text: String) throws {
            doc = try Pipeline([TextLayerComponent()]).analyze(
                id: "t", text: text, metadata: DocumentMetadata(declaredLanguage: "it"))
        }

        func range(_ needle: String, occurrence: Int = 1) -> TextRange {
            var from = doc.text.startIndex
            var found: Range<String.Index>?
            for _ in 0..<occurrence {
                found = doc.text.range(of: needle, range: from..<doc.text.endIndex)
                from = found!.upperBound
            }
            let r = found!
            let u = doc.text.utf8
            return TextRange(
                startUTF8: UInt32(u.distance(from: u.startIndex, to: r.lowerBound)),
                endUTF8: UInt32(u.distance(from: u.startIndex, to: r.upperBound)))
        }

        @discardableResult
        mutating func entity(_ type: EntityType, _ name: String, kb: String?, _ mentions: [(String, Int, MentionForm)]) -> Int {
            var ids: [Int] = []
            for (text, occurrence, form) in mentions {
                doc.mentions.append(Mention(range: range(text, occurrence: occurrence), type: type, form: form))
                ids.append(doc.mentions.count - 1)
            }
            doc.entities.append(Entity(type: type, name: name, kb: kb, mentions: ids))
            return doc.entities.count - 1
        }

        /// Sorts the mentions by position, as the entity layer leaves them, keeping the entities right.
        mutating func finish() {
            let order = doc.mentions.indices.sorted { doc.mentions[$0].range < doc.mentions[$1].range }
            var newIndex = [Int](repeating: 0, count: order.count)
            for (n, old) in order.enumerated() { newIndex[old] = n }
            doc.mentions = order.map { doc.mentions[$0] }
            for e in doc.entities.indices { doc.entities[e].mentions = doc.entities[e].mentions.map { newIndex[$0] }.sorted() }
            doc.layers.formUnion([.mentions, .entities, .quotes])
        }
    }

    func about(_ d: Document, _ q: Quote) -> [String] { q.about.map { d.entities[$0].name } }

    @Test("Seed: Lukashenko's «Loro (i francesi, ndr)…» is about Belarus, Putin and Europe, not about him or Telegram")
    func seed() throws {
        let engine = try #require(Self.engine)
        let text = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        let doc = try engine.analyze(DocumentInput(id: "000_193cd34c33125298", text: text, origin: "test"))
        let q = try #require(doc.quotes.first { doc.text(in: $0.content).hasPrefix("Loro (i francesi") })
        let kbs = q.about.map { doc.entities[$0].kb }
        #expect(kbs.contains("Q7747"), "Putin: \(about(doc, q))")
        #expect(kbs.contains("Q184"), "Belarus: \(about(doc, q))")
        #expect(about(doc, q).contains("Europa"), "\(about(doc, q))")
        #expect(!kbs.contains("Q2866"), "not its speaker, Lukashenko")
        #expect(!about(doc, q).contains("Telegram"))
        // In order of first mention in the content, each once.
        #expect(about(doc, q) == ["Bielorussia", "Vladimir Putin", "Europa"])
        #expect(Set(q.about).count == q.about.count)
        #expect(doc.invariantViolations().isEmpty)
        // Without the knowledge base every entity has a mention in the content; with it, the
        // demonyms add their countries: `soldati russi`, `i russi` → Russia.
        var mentionsOnly = doc
        try QuoteAboutComponent(kb: nil, packs: nil).process(&mentionsOnly)
        for quote in mentionsOnly.quotes {
            for e in quote.about {
                #expect(doc.entities[e].mentions.contains { quote.content.contains(doc.mentions[$0].range) })
            }
        }
        let russi = try #require(doc.quotes.firstIndex { doc.text(in: $0.content).hasPrefix("migliaia di soldati russi") })
        #expect(doc.quotes[russi].about.map { doc.entities[$0].kb } == ["Q159"], "soldati russi → Russia")
        #expect(mentionsOnly.quotes[russi].about == [])
    }

    @Test("A demonym counts for its country when the country is an entity of the document; inside a mention it does not")
    func demonyms() throws {
        var b = try Built(
            "La Francia protesta. «I francesi non cederanno, e gli inglesi nemmeno», ha detto il presidente francese Macron. Parigi tace.")
        b.entity(.location, "Francia", kb: "Q142", [("Francia", 1, .name)])
        let macron = b.entity(.person, "Macron", kb: nil, [("presidente francese", 1, .nominal), ("Macron", 1, .name)])
        b.doc.quotes = [
            Quote(
                kind: .direct, content: b.range("I francesi non cederanno, e gli inglesi nemmeno"), cue: b.range("ha detto"),
                speaker: Quote.Speaker(entity: macron, range: b.range("Macron")))
        ]
        b.finish()
        var withKB = b.doc
        try QuoteAboutComponent(kb: SharedKB.kb, packs: LanguagePacks.bundledWithoutModels).process(&withKB)
        // `francesi` → `francese` → France (an entity here); `inglesi` → the United Kingdom, no entity here.
        #expect(about(withKB, withKB.quotes[0]) == ["Francia"])
        var withoutKB = b.doc
        try QuoteAboutComponent(kb: nil, packs: nil).process(&withoutKB)
        #expect(withoutKB.quotes[0].about == [], "no knowledge base: mentions only")

        // `il presidente francese` is a mention of Macron: its adjective is not France.
        var c = try Built("La Francia protesta. «Lo ha detto il presidente francese», ha ripetuto Dupont.")
        c.entity(.location, "Francia", kb: "Q142", [("Francia", 1, .name)])
        c.entity(.person, "Macron", kb: nil, [("il presidente francese", 1, .nominal)])
        c.doc.quotes = [Quote(kind: .direct, content: c.range("Lo ha detto il presidente francese"))]
        c.finish()
        try QuoteAboutComponent(kb: SharedKB.kb, packs: LanguagePacks.bundledWithoutModels).process(&c.doc)
        #expect(about(c.doc, c.doc.quotes[0]) == ["Macron"])
    }

    @Test("The speaker's own mention and pronouns are not what a quote is about; the speaker named in it is")
    func speakerRules() throws {
        var b = try Built("Rossi disse che lui e Bianchi avrebbero vinto, e che Rossi non mente mai.")
        let rossi = b.entity(.person, "Rossi", kb: nil, [("Rossi", 1, .name), ("lui", 1, .pronoun), ("Rossi", 2, .name)])
        b.entity(.person, "Bianchi", kb: nil, [("Bianchi", 1, .name)])
        let speaker = Quote.Speaker(entity: rossi, range: b.range("Rossi"))
        b.doc.quotes = [
            Quote(kind: .indirect, content: b.range("lui e Bianchi avrebbero vinto"), speaker: speaker),
            Quote(kind: .indirect, content: b.range("Rossi non mente mai"), speaker: speaker),
            // A quote whose content holds its own speaker's mention (a span gone wrong): never about itself.
            Quote(kind: .indirect, content: b.range("Rossi disse"), speaker: speaker)
        ]
        b.finish()
        try QuoteAboutComponent(kb: nil, packs: nil).process(&b.doc)
        #expect(about(b.doc, b.doc.quotes[0]) == ["Bianchi"])
        #expect(about(b.doc, b.doc.quotes[1]) == ["Rossi"])
        #expect(about(b.doc, b.doc.quotes[2]) == [])
    }

    @Test("The JSON carries about as entity ids; reading it back gives the same; a line without it gets it from the mentions")
    func jsonRoundTrip() throws {
        let engine = try #require(Self.engine)
        let text = try String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)
        let doc = try engine.analyze(DocumentInput(id: "000_193cd34c33125298", text: text, origin: "test"))
        let json = doc.analysisJSON()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let quotes = try #require(object["quotes"] as? [[String: Any]])
        let q = try #require(quotes.first { ($0["text"] as? String)?.hasPrefix("Loro (i francesi") == true })
        let ids = try #require(q["about"] as? [String])
        #expect(ids == doc.quotes.first { doc.text(in: $0.content).hasPrefix("Loro") }!.about.map { "e\($0 + 1)" })
        #expect(quotes.allSatisfy { $0["about"] is [String] }, "every quote has about, [] when empty")
        // The contract check the CLI and hostile-input tests run sees an about id of no entity.
        #expect(OffsetContract.violations(in: object, text: text) == [])
        var broken = object
        broken["quotes"] = quotes.map { q -> [String: Any] in
            var q = q
            q["about"] = ["e99"]
            return q
        }
        #expect(OffsetContract.violations(in: broken, text: text).contains { $0.hasSuffix("e99 is no entity of the document") })
        // The rest of the line is unchanged: without the about fields it is the line of before.
        let back = try Document(analysisJSON: json, text: text)
        #expect(back.quotes.map(\.about) == doc.quotes.map(\.about))
        #expect(back.analysisJSON() == json)
        // A line written before `about` existed: derived from its mentions.
        var old = String(decoding: json, as: UTF8.self)
        old = old.replacingOccurrences(of: #","about":\[[^\]]*\]"#, with: "", options: .regularExpression)
        #expect(!old.contains("\"about\""))
        let derived = try Document(analysisJSON: Array(old.utf8), text: text)
        var mentionsOnly = doc
        try QuoteAboutComponent(kb: nil, packs: nil).process(&mentionsOnly)
        #expect(derived.quotes.map(\.about) == mentionsOnly.quotes.map(\.about), "no tokens: mentions only")
        #expect(derived.quotes.map(\.about) != doc.quotes.map(\.about), "the demonyms need the tokens")
        // An id that is no entity of the document is an error naming the place.
        let bad = String(decoding: json, as: UTF8.self).replacingOccurrences(of: #""about":["e"#, with: #""about":["x"#)
        #expect(throws: AnalysisReadError.self) { try Document(analysisJSON: Array(bad.utf8), text: text) }
    }

    @Test("An about index outside the entities breaks the document's invariants")
    func invariants() throws {
        var b = try Built("Rossi disse: «Bianchi ha ragione».")
        b.entity(.person, "Bianchi", kb: nil, [("Bianchi", 1, .name)])
        b.doc.quotes = [Quote(kind: .direct, content: b.range("Bianchi ha ragione"), about: [3])]
        b.finish()
        #expect(b.doc.invariantViolations().contains { $0.layer == "quotes.about" })
    }
}
