import CronistaCore
import CronistaIngest
import CronistaNLP
import CronistaStorage
import CronistaTestSupport
import Foundation

/// Documents for the contract suite: the seed article with entities, mentions and quotes placed by
/// hand at its real offsets (so the suite checks real values before the NER and quote layers land),
/// a second short article, and the Italian Wikinews dev documents through the real pipeline.
enum StoreFixtures {
    /// Code-point offsets of the seed article (`spec/analysis-format.md` gives the Lukashenko ones).
    static let lukashenkoQuote = (start: 776, end: 1050)
    static let lukashenkoCue = (start: 1053, end: 1061)
    static let lukashenkoSpeaker = (start: 1062, end: 1072)

    static let seedText: String = (try? String(contentsOfFile: Fixtures.seedTextPath, encoding: .utf8)) ?? ""

    /// The text layer (language, tokens, sentences) from the real pipeline.
    static func textLayer(id: String, text: String, metadata: DocumentMetadata) throws -> Document {
        try Pipeline([TextLayerComponent()]).analyze(id: id, text: text, metadata: metadata)
    }

    /// Builds mentions, entities and quotes from code-point offsets, checking each span's text.
    struct Builder {
        var doc: Document
        let index: OffsetIndex
        let scalars: [Unicode.Scalar]

        init(_ doc: Document) {
            self.doc = doc
            index = OffsetIndex(doc.text)
            scalars = Array(doc.text.unicodeScalars)
        }

        func range(_ start: Int, _ end: Int, expect: String) -> TextRange {
            let actual = String(String.UnicodeScalarView(scalars[start..<end]))
            precondition(actual == expect, "fixture span [\(start),\(end)) is '\(actual)', not '\(expect)'")
            return TextRange(startUTF8: index.utf8Offset(scalar: start), endUTF8: index.utf8Offset(scalar: end))
        }

        /// The code-point offset of the `occurrence`-th `needle`.
        func find(_ needle: String, occurrence: Int = 1) -> (Int, Int) {
            let n = Array(needle.unicodeScalars)
            var seen = 0
            precondition(scalars.count >= n.count, "'\(needle)' is longer than the text (is ../shared there?)")
            for i in 0...(scalars.count - n.count) where Array(scalars[i..<(i + n.count)]) == n {
                seen += 1
                if seen == occurrence { return (i, i + n.count) }
            }
            preconditionFailure("'\(needle)' not found")
        }

        @discardableResult
        mutating func entity(_ type: EntityType, _ name: String, kb: String?, mentions: [(String, Int, MentionForm)]) -> Int {
            var ids: [Int] = []
            for (text, occurrence, form) in mentions {
                let (s, e) = find(text, occurrence: occurrence)
                doc.mentions.append(Mention(range: range(s, e, expect: text), type: type, form: form))
                ids.append(doc.mentions.count - 1)
            }
            doc.entities.append(Entity(type: type, name: name, kb: kb, mentions: ids))
            return doc.entities.count - 1
        }

        mutating func quote(_ kind: Quote.Kind, content: (Int, Int), cue: (Int, Int)?, speaker: (Int, Int)?, entity: Int?) {
            func r(_ p: (Int, Int)) -> TextRange {
                range(p.0, p.1, expect: String(String.UnicodeScalarView(scalars[p.0..<p.1])))
            }
            let q = Quote(
                kind: kind, content: r(content), cue: cue.map(r), speaker: speaker.map { Quote.Speaker(entity: entity, range: r($0)) })
            doc.quotes.append(q)
        }
    }

    /// The seed article, analysed by hand at its real offsets.
    static func seedDocument() throws -> Document {
        var b = Builder(
            try textLayer(
                id: "000_193cd34c33125298", text: seedText,
                metadata: DocumentMetadata(
                    title: "Lukashenko: attacco alla Nato è una bugia", published: "2024-04-12", source: "ansa", declaredLanguage: "it")))
        let luka = b.entity(
            .person, "Aleksander Lukashenko", kb: "Q2866",
            mentions: [
                ("Aleksander Lukashenko", 1, .name), ("lo stesso presidente bielorusso", 1, .nominal), ("Lukashenko", 3, .name)
            ])
        b.entity(.person, "Vladimir Putin", kb: "Q7747", mentions: [("Vladimir Putin", 1, .name), ("Putin", 2, .name)])
        let sejourne = b.entity(
            .person, "Stèphane Sèjournè", kb: nil, mentions: [("Stèphane Sèjournè", 1, .name), ("il quale", 1, .pronoun)])
        b.entity(.location, "Russia", kb: "Q159", mentions: [("Russia", 1, .name), ("Russia", 2, .name)])
        b.entity(.location, "Mosca", kb: "Q649", mentions: [("Mosca", 1, .name)])
        b.quote(.direct, content: lukashenkoQuote, cue: lukashenkoCue, speaker: lukashenkoSpeaker, entity: luka)
        let parigi = b.find("Parigi non ha più"), mosca = b.find("con Mosca. ")
        let affermato = b.find("ha affermato che Parigi").0
        b.quote(.mixed, content: (parigi.0, mosca.0 + 9), cue: (affermato, affermato + 12), speaker: b.find("il quale"), entity: sejourne)
        let comunicato = b.find("ha affermato in un comunicato").0
        b.quote(
            .direct, content: (b.find("L’ ambasciatore francese è").0, b.find("con la realtà").1), cue: (comunicato, comunicato + 12),
            speaker: b.find("il ministero degli Esteri russo"), entity: nil)
        b.doc.layers.formUnion([.mentions, .entities, .quotes])
        return try withAbout(b.doc)
    }

    /// A second, short article: another Lukashenko quote, another date and source.
    static let secondText =
        "Minsk, 5 gennaio. Il presidente Aleksander Lukashenko ha dichiarato: «Non firmeremo nessun accordo con l’Unione europea». Lo riferisce l’agenzia Belta."

    static func secondDocument() throws -> Document {
        var b = Builder(
            try textLayer(
                id: "belta-2023-01-05", text: secondText,
                metadata: DocumentMetadata(
                    title: "Lukashenko e l'Unione europea", published: "2023-01-05", source: "Belta", declaredLanguage: "it")))
        let luka = b.entity(.person, "Aleksander Lukashenko", kb: "Q2866", mentions: [("Aleksander Lukashenko", 1, .name)])
        b.entity(.location, "Minsk", kb: "Q2280", mentions: [("Minsk", 1, .name)])
        b.entity(.organization, "Unione europea", kb: "Q458", mentions: [("Unione europea", 1, .name)])
        b.quote(
            .direct, content: b.find("Non firmeremo nessun accordo con l’Unione europea"), cue: b.find("ha dichiarato"),
            speaker: b.find("Aleksander Lukashenko"), entity: luka)
        b.doc.layers.formUnion([.mentions, .entities, .quotes])
        return try withAbout(b.doc)
    }

    /// The second article corrected: the same id, another quote, another place.
    static let correctedSecondText =
        "Minsk, 6 gennaio. Il presidente Aleksander Lukashenko ha dichiarato: «Non venderemo mai ornitorinchi a Varsavia». Lo riferisce l’agenzia Belta."

    static func correctedSecondDocument() throws -> Document {
        var b = Builder(
            try textLayer(
                id: "belta-2023-01-05", text: correctedSecondText,
                metadata: DocumentMetadata(
                    title: "Lukashenko e la Polonia", published: "2023-01-06", source: "Belta", declaredLanguage: "it")))
        let luka = b.entity(.person, "Aleksander Lukashenko", kb: "Q2866", mentions: [("Aleksander Lukashenko", 1, .name)])
        b.entity(.location, "Minsk", kb: "Q2280", mentions: [("Minsk", 1, .name)])
        b.entity(.location, "Varsavia", kb: "Q270", mentions: [("Varsavia", 1, .name)])
        b.quote(
            .direct, content: b.find("Non venderemo mai ornitorinchi a Varsavia"), cue: b.find("ha dichiarato"),
            speaker: b.find("Aleksander Lukashenko"), entity: luka)
        b.doc.layers.formUnion([.mentions, .entities, .quotes])
        return b.doc
    }

    /// Names in Cyrillic and KB ids that are not Wikidata ids, with punctuation in them.
    static let foreignText = "Mosca. «Никаких переговоров», ha detto Сергей Лавров. Il Cremlino non commenta."

    static func foreignDocument() throws -> Document {
        var b = Builder(
            try textLayer(
                id: "tass-2024-03-02", text: foreignText,
                metadata: DocumentMetadata(published: "2024-03-02", source: "Tass", declaredLanguage: "it")))
        let lavrov = b.entity(.person, "Сергей Лавров", kb: "kb:per/lavrov-s", mentions: [("Сергей Лавров", 1, .name)])
        b.entity(.organization, "Cremlino", kb: "kb:loc/kremlin", mentions: [("Cremlino", 1, .name)])
        b.quote(.direct, content: b.find("Никаких переговоров"), cue: b.find("ha detto"), speaker: b.find("Сергей Лавров"), entity: lavrov)
        b.doc.layers.formUnion([.mentions, .entities, .quotes])
        return try withAbout(b.doc)
    }

    /// Names spelled in ways that must find each other: an abbreviation with periods, accents,
    /// a typographic apostrophe and an en dash; a Cyrillic speaker that is no entity.
    static let spellingText =
        "Gli U.N. chiedono una tregua. «Nessun accordo», ha detto Сергей Шойгу. Stéphane Séjourné ha incontrato Massimo D’Alema in Emilia–Romagna. «Serve pazienza», ha detto D’Alema."

    static func spellingDocument() throws -> Document {
        var b = Builder(
            try textLayer(
                id: "spelling-2024-05-01", text: spellingText,
                metadata: DocumentMetadata(published: "2024-05-01", source: "test", declaredLanguage: "it")))
        b.entity(.organization, "U.N.", kb: nil, mentions: [("U.N.", 1, .name)])
        b.entity(.person, "Stéphane Séjourné", kb: nil, mentions: [("Stéphane Séjourné", 1, .name)])
        let dalema = b.entity(.person, "Massimo D’Alema", kb: nil, mentions: [("Massimo D’Alema", 1, .name), ("D’Alema", 2, .name)])
        b.entity(.location, "Emilia–Romagna", kb: nil, mentions: [("Emilia–Romagna", 1, .name)])
        b.quote(.direct, content: b.find("Nessun accordo"), cue: b.find("ha detto"), speaker: b.find("Сергей Шойгу"), entity: nil)
        b.quote(
            .direct, content: b.find("Serve pazienza"), cue: b.find("ha detto", occurrence: 2), speaker: b.find("D’Alema", occurrence: 2),
            entity: dalema)
        b.doc.layers.formUnion([.mentions, .entities, .quotes])
        return try withAbout(b.doc)
    }

    /// The document with each quote's `about` from its mentions, as the engine's step sets it
    /// (no knowledge base: these documents have no demonym of one of their entities).
    static func withAbout(_ d: Document) throws -> Document {
        var d = d
        try QuoteAboutComponent(kb: nil, packs: nil).process(&d)
        return d
    }

    /// Documents for the migrations that derive `about` for stored quotes: the hand-built ones and
    /// the dev documents, each quote's `about` from its mentions only (what a migration can derive).
    static func aboutMigrationDocuments() throws -> [StorableDocument] {
        var docs = [try seedDocument(), try secondDocument(), try foreignDocument(), try spellingDocument()]
        docs += devDocuments
        return try docs.map { try storable(try withAbout($0)) }
    }

    static func storable(_ d: Document) throws -> StorableDocument {
        try StorableDocument(document: d, analysisJSON: d.analysisJSON())
    }

    /// The Italian Wikinews dev documents through the standard engine (analysed once per process).
    static let devDocuments: [Document] = {
        guard let engine = try? Engine(), let lines = try? Fixtures.read("data/quotes/it-wikinews/dev.docs.jsonl") else { return [] }
        var out: [Document] = []
        for (i, line) in lines.split(separator: "\n").enumerated() {
            guard
                let input = try? DocumentInput.parse(
                    jsonLine: Array(line.utf8), file: "dev.docs.jsonl", line: i + 1, defaultID: "dev-\(i + 1)"),
                let doc = try? engine.analyze(input)
            else { continue }
            out.append(doc)
        }
        return out
    }()

    /// Code-point slice of a text, the way the JSON contract's consumers slice it.
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let s = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(s[start..<end]))
    }
}
