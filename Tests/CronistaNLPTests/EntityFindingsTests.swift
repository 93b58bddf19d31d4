import CronistaCore
import Foundation
import Testing
@testable import CronistaNLP

/// What a fact-checker caught on articles of their own (issue 22), on sentences written for these
/// tests with the same constructions. Where NER's own slip is the point (a name cut at its
/// particles, a surname typed ORG), the name mentions are given as NER gave them.
@Suite("Entity findings of the first hour")
struct EntityFindingsTests {
    let component = EntityComponent(kb: SharedKB.kb)
    static let engine: Engine? = try? Engine()

    /// A document with name mentions at the given occurrences of their text.
    func document(_ text: String, published: String? = nil, _ names: [(String, EntityType, occurrence: Int)]) throws -> Document {
        var d = Document(id: "t", text: text, metadata: DocumentMetadata(published: published))
        var ms: [Mention] = []
        for (name, type, occurrence) in names {
            var from = text.startIndex
            var found: Range<String.Index>?
            for _ in 0..<occurrence {
                found = text.range(of: name, range: from..<text.endIndex)
                if let f = found { from = f.upperBound }
            }
            let r = try #require(found, "\(name) #\(occurrence)")
            let start = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
            ms.append(Mention(range: TextRange(startUTF8: UInt32(start), endUTF8: UInt32(start + name.utf8.count)), type: type))
        }
        d.mentions = ms.sorted { $0.range < $1.range }
        d.layers = [.mentions]
        try component.process(&d)
        return d
    }

    func texts(_ d: Document, _ e: Entity) -> [String] { e.mentions.map { String(d.text(in: d.mentions[$0].range)) } }

    func analyse(_ text: String, published: String? = nil) throws -> Document {
        let engine = try #require(Self.engine)
        return try engine.analyze(DocumentInput(id: "t", text: text, metadata: DocumentMetadata(published: published), origin: "test"))
    }

    // MARK: Particles

    @Test("von der Leyen stays one name: PER Ursula + ORG Leyen are joined, a bare 'von der Leyen' starts at the particle")
    func particlesStayInNames() throws {
        let text = "Ieri Ursula von der Leyen ha incontrato i sindacati. Poi von der Leyen ha detto: «Serve unità»."
        let d = try document(text, [("Ursula", .person, 1), ("Leyen", .organization, 1), ("Leyen", .person, 2)])
        #expect(d.entities.count == 1, "\(d.entities.map(\.name))")
        let e = try #require(d.entities.first)
        #expect(e.type == .person)
        #expect(e.name == "Ursula von der Leyen")
        #expect(texts(d, e) == ["Ursula von der Leyen", "von der Leyen"])
    }

    @Test("Particles: al- with a hyphen, bin; but 'al Cremlino' and 'Mario Rossi di Milano' are not names")
    func particlesAreNotPrepositions() throws {
        let assad = try document(
            "Il presidente Bashar al-Assad ha incontrato Mohammed bin Salman.",
            [("Bashar", .person, 1), ("Assad", .person, 1), ("Mohammed", .person, 1), ("Salman", .organization, 1)])
        #expect(assad.entities.map(\.name) == ["Bashar al-Assad", "Mohammed bin Salman"])
        #expect(assad.entities.first?.kb == "Q44329")
        let kremlin = try document(
            "Il ministro è arrivato al Cremlino con Mario Rossi di Milano.",
            [
                ("Cremlino", .organization, 1), ("Mario Rossi", .person, 1), ("Milano", .location, 1)
            ])
        #expect(kremlin.entities.map(\.name) == ["Cremlino", "Mario Rossi", "Milano"])
        #expect(kremlin.entities.map(\.type) == [.organization, .person, .location])
    }

    @Test("Through the whole engine: the quote of 'La presidente von der Leyen' goes to the whole name")
    func particlesEndToEnd() throws {
        let d = try analyse("Ieri Ursula von der Leyen è arrivata a Roma. Poi von der Leyen ha detto: «L'Europa resterà unita».")
        let e = try #require(d.entities.first { $0.name.hasSuffix("Leyen") })
        #expect(e.name == "Ursula von der Leyen")
        #expect(!d.entities.contains { $0.name == "Leyen" || $0.name == "Ursula" })
        let q = try #require(d.quotes.first)
        #expect(q.speaker?.entity.map { d.entities[$0].name } == "Ursula von der Leyen")
    }

    // MARK: Surnames

    @Test("A surname and the full name are one entity, even typed ORG by NER; two competing full names leave it alone")
    func surnameJoinsTheFullName() throws {
        let d = try document(
            "Matteo Salvini ha visitato il cantiere. Più tardi Salvini ha detto: «Si parte».", published: "2025-03-01",
            [("Matteo Salvini", .person, 1), ("Salvini", .organization, 2)])
        #expect(d.entities.count == 1, "\(d.entities.map { "\($0.name) \($0.type) \($0.kb ?? "-")" })")
        #expect(d.entities.first?.kb == "Q1055449")
        #expect(d.entities.first.map { texts(d, $0) } == ["Matteo Salvini", "Salvini"])
        let before = try document(
            "Salvini ha parlato a Milano. Il segretario Matteo Salvini ha detto: «Avanti».", published: "2025-03-01",
            [("Salvini", .person, 1), ("Milano", .location, 1), ("Matteo Salvini", .person, 1)])
        #expect(
            before.entities.filter { $0.kb == "Q1055449" }.map { texts(before, $0).filter { !$0.contains("segretario") } } == [
                ["Salvini", "Matteo Salvini"]
            ])
        let rossi = try document(
            "Il sindaco Carlo Rossi e l'assessore Paolo Rossi sono arrivati. Rossi ha detto: «Bene».",
            [("Carlo Rossi", .person, 1), ("Paolo Rossi", .person, 1), ("Rossi", .person, 3)])
        #expect(rossi.entities.map(\.name).sorted() == ["Carlo Rossi", "Paolo Rossi", "Rossi"], "two candidates compete: neither gets it")
    }

    // MARK: Titles

    @Test("'il ministro Tajani' is linked as kb lookup Tajani is, with or without a date, and shows the KB's name")
    func titledSurnameIsLinked() throws {
        for published in [nil, "2019-05-01", "2025-03-01"] {
            let d = try analyse("Il ministro Tajani ha detto: «Parleremo con tutti i partner europei».", published: published)
            let e = try #require(d.entities.first { $0.type == .person }, "\(published ?? "no date")")
            #expect(e.kb == "Q440710", "\(published ?? "no date")")
            #expect(e.name == "Antonio Tajani")
            #expect(texts(d, e).contains("Tajani"))
        }
        // A bare surname without a title is still not linked through a little-known bearer.
        let bare = try document("Ieri Tajani è arrivato.", [("Tajani", .person, 1)])
        #expect(bare.entities.first?.kb == nil || bare.entities.first?.kb == "Q440710")
    }

    // MARK: Roles

    @Test("The role shown is the one held on the date, else today's, else the latest")
    func roleShown() throws {
        let kb = SharedKB.kb
        let mattarella = try #require(kb.entities.first { $0.id == "Q3956186" })
        func label(_ date: String?) -> String? {
            mattarella.shownRole(on: date.flatMap { KBDate($0) }, today: KBDate("2026-12-04")!).flatMap {
                mattarella.roles[$0].displayLabel
            }
        }
        #expect(label(nil) == "presidente dell'Italia", "open-ended since 2015, not the first of three")
        #expect(label("2000-06-01") == "ministro della Difesa italiano")
        #expect(label("2010-01-01") == "presidente dell'Italia", "no role then: today's")
        // No role today either: the latest.
        let draghiLike = KBEntity(id: "X", type: .person)
        var e = draghiLike
        e.roles = [
            KBRole(labels: ["it": "primo"], from: KBDate("2001-01-01")!, to: KBDate("2005-01-01")!),
            KBRole(labels: ["it": "secondo"], from: KBDate("2010-01-01")!, to: KBDate("2012-01-01")!)
        ]
        #expect(e.shownRole(on: nil, today: KBDate("2026-01-01")!).map { e.roles[$0].displayLabel } == "secondo")
        #expect(e.shownRole(on: KBDate("2003-01-01"), today: KBDate("2026-01-01")!).map { e.roles[$0].displayLabel } == "primo")
    }

    // MARK: Display names

    @Test("A linked entity shows the KB's spelling; the text's form stays in its mentions")
    func displayNameFromTheKB() throws {
        let d = try document(
            "Il ministro Stèphane Sèjournè ha incontrato i colleghi. Sèjournè ha detto: «Lavoreremo insieme».", published: "2024-03-01",
            [("Stèphane Sèjournè", .person, 1), ("Sèjournè", .person, 2)])
        let e = try #require(d.entities.first)
        #expect(e.kb == "Q48321355")
        #expect(e.name == "Stéphane Séjourné")
        #expect(texts(d, e).contains("Stèphane Sèjournè"))
        // A transliteration the KB lists among its aliases, not as a name spelled otherwise, is kept.
        let l = try document("Aleksander Lukashenko ha parlato.", published: "2024-03-01", [("Aleksander Lukashenko", .person, 1)])
        #expect(l.entities.first?.name == "Aleksander Lukashenko")
    }

    // MARK: Pronouns

    @Test("A subject pronoun ('Lei ha poi aggiunto') joins the nearest person; a 'Lei' inside a quote does not")
    func subjectPronounResolved() throws {
        let d = try analyse(
            "Elly Schlein ha parlato ai giornalisti davanti alla sede. «Lei non ci ascolta», ha detto un militante. Lei ha poi aggiunto che la segreteria resterà unita."
        )
        let e = try #require(d.entities.first { $0.name == "Elly Schlein" })
        let pronouns = e.mentions.filter { d.mentions[$0].form == .pronoun }
        #expect(pronouns.count == 1)
        let p = try #require(pronouns.first)
        #expect(d.text(in: d.mentions[p].range) == "Lei")
        #expect(d.mentions[p].range.startUTF8 > UInt32(d.text.utf8.count / 2), "the subject, not the quoted 'Lei'")
        let q = try #require(d.quotes.first { d.text(in: $0.content).hasPrefix("la segreteria") })
        #expect(q.speaker?.entity.map { d.entities[$0].name } == "Elly Schlein")
        // And after a conjunction inside the sentence.
        let and = try analyse("Il giornalista ha intervistato Giorgia Meloni e lei ha risposto che il governo è unito.")
        let meloni = try #require(and.entities.first { $0.name == "Giorgia Meloni" })
        #expect(meloni.mentions.contains { and.mentions[$0].form == .pronoun && and.text(in: and.mentions[$0].range) == "lei" })
    }
}
