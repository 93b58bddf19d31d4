import CronistaCore
import CronistaTestSupport
import Foundation
import Testing
@testable import CronistaNLP

/// A document whose name mentions come from a gold file (code-point offsets), as NER would give them.
func goldDocument(_ o: [String: Any]) -> Document {
    let text = o["text"] as! String
    var d = Document(id: o["id"] as! String, text: text, metadata: DocumentMetadata(published: o["published"] as? String))
    let idx = OffsetIndex(text)
    var ms: [Mention] = []
    for e in o["entities"] as? [[String: Any]] ?? [] {
        let r = TextRange(startUTF8: idx.utf8Offset(scalar: e["start"] as! Int), endUTF8: idx.utf8Offset(scalar: e["end"] as! Int))
        ms.append(Mention(range: r, type: EntityType(label: e["type"] as! String)!))
    }
    d.mentions = ms.sorted { $0.range < $1.range }
    d.layers = [.mentions]
    return d
}

@Suite("Entity clustering and linking")
struct EntityComponentTests {
    let component = EntityComponent(kb: SharedKB.kb)

    func seed() throws -> Document {
        var d = goldDocument(try Fixtures.jsonLines("data/quotes/seed/seed.gold.jsonl")[0])
        try component.process(&d)
        return d
    }

    func entity(_ d: Document, kb id: String) -> Entity? { d.entities.first { $0.kb == id } }
    func texts(_ d: Document, _ e: Entity) -> [String] { e.mentions.map { String(d.text(in: d.mentions[$0].range)) } }

    @Test func seedLukashenkoIsOneEntity() throws {
        let d = try seed()
        let luk = try #require(entity(d, kb: "Q2866"))
        let t = texts(d, luk)
        #expect(luk.type == .person)
        #expect(luk.name == "Aleksander Lukashenko")
        #expect(t.contains("Aleksander Lukashenko"))
        #expect(t.filter { $0 == "Lukashenko" }.count == 2)
        #expect(t.contains("lo stesso presidente bielorusso"))
        #expect(t.contains("leader di Minsk"))
        #expect(t.contains("il presidente della Bielorussia"))
        #expect(d.entities.filter { $0.kb == "Q2866" }.count == 1)
        // The descriptions are nominal mentions, the names stay names.
        for m in luk.mentions {
            let s = String(d.text(in: d.mentions[m].range))
            #expect(d.mentions[m].form == (s.contains("Lukashenko") ? .name : .nominal))
        }
    }

    @Test func seedOtherEntities() throws {
        let d = try seed()
        let sej = try #require(entity(d, kb: "Q48321355"))
        #expect(texts(d, sej).contains("Stèphane Sèjournè"))
        #expect(texts(d, sej).contains("capo della diplomazia francese"))
        #expect(sej.mentions.contains { d.mentions[$0].form == .pronoun && d.text(in: d.mentions[$0].range) == "il quale" })
        #expect(entity(d, kb: "Q7747").map { texts(d, $0) }?.contains("Putin") == true)
        #expect(entity(d, kb: "Q649").map { texts(d, $0).count } == 5)  // every "Mosca"
        #expect(entity(d, kb: "Q184") != nil)
        #expect(entity(d, kb: "Q7184") != nil)
        let ap = try #require(entity(d, kb: "Q40469"))
        #expect(Set(texts(d, ap)).isSuperset(of: ["Associated Press", "Ap"]))
        // Unknown people stay unlinked, each its own entity.
        let zarubin = try #require(d.entities.first { $0.name == "Pavel Zarubin" })
        #expect(zarubin.kb == nil)
        #expect(d.entities.first { $0.name == "Europa" }?.kb == nil)
    }

    @Test func seedDocumentStaysConsistent() throws {
        let d = try seed()
        #expect(d.invariantViolations().isEmpty)
        // Mentions sorted; every mention in exactly one entity at most; the 33 gold names kept.
        #expect(zip(d.mentions, d.mentions.dropFirst()).allSatisfy { $0.range <= $1.range })
        var seen = Set<Int>()
        for e in d.entities { for m in e.mentions { #expect(seen.insert(m).inserted) } }
        #expect(d.mentions.filter { $0.form == .name }.count == 33)
        // The JSON writer carries the entities.
        let json = String(decoding: d.analysisJSON(), as: UTF8.self)
        #expect(json.contains("\"kb\":\"Q2866\""))
        #expect(json.contains("\"form\":\"nominal\""))
    }

    @Test func relativePronounAndAppositionInDevDocument() throws {
        let docs = try Fixtures.jsonLines("data/quotes/it-wikinews/dev.docs.jsonl")
        var d = goldDocument(try #require(docs.first { $0["id"] as? String == "wn-train-0184" }))
        try component.process(&d)
        let medvedev = try #require(entity(d, kb: "Q23530"))
        #expect(texts(d, medvedev).contains("il quale"))
        let conte = try #require(entity(d, kb: "Q53844829"))
        #expect(conte.name == "Giuseppe Conte")
        #expect(texts(d, conte).filter { $0 == "Conte" }.count == 5)
    }

    @Test func datedDescriptionPicksTheHolderThen() throws {
        // "il presidente russo" with both Putin and Medvedev in the text: the date decides.
        let text = "Vladimir Putin e Dmitrij Medvedev si sono incontrati. Il presidente russo ha parlato per primo."
        let names = ["Vladimir Putin", "Dmitrij Medvedev"]
        for (date, expected) in [("2010-05-01", "Q23530"), ("2015-05-01", "Q7747")] {
            var d = Document(id: "t", text: text, metadata: DocumentMetadata(published: date))
            d.mentions = names.map { n in
                let r = text.range(of: n)!
                let a = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
                return Mention(range: TextRange(a, a + n.utf8.count), type: .person)
            }
            try component.process(&d)
            let holder = d.entities.first { e in e.mentions.contains { d.mentions[$0].form == .nominal } }
            #expect(holder?.kb == expected, "published \(date)")
        }
    }

    @Test func linkingEvaluationMeetsTargets() throws {
        let goldPath = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/linking-gold.jsonl").path
        let lines = try String(contentsOfFile: goldPath, encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        var docs: [String: Document] = [:]
        var indexes: [String: OffsetIndex] = [:]
        for file in ["data/quotes/it-wikinews/dev.docs.jsonl", "data/ner/kind/docs/wikinews_dev.docs.jsonl"] {
            for o in try Fixtures.jsonLines(file) {
                let d = goldDocument(o)
                docs[d.id] = d
                indexes[d.id] = OffsetIndex(d.text)
            }
        }
        var gold: [LinkingGoldMention] = []
        for o in lines {
            guard let id = o["doc"] as? String, let idx = indexes[id] else { continue }
            gold.append(
                LinkingGoldMention(
                    document: id,
                    range: TextRange(
                        startUTF8: idx.utf8Offset(scalar: o["start"] as! Int), endUTF8: idx.utf8Offset(scalar: o["end"] as! Int)),
                    text: o["text"] as! String, kb: o["kb"] as? String))
        }
        #expect(gold.count >= 150)
        let wanted = Set(gold.map { $0.document })
        let score = try LinkingScore.evaluate(documents: docs.values.filter { wanted.contains($0.id) }, gold: gold, component: component)
        print("linking: \(score.judged) judged, P \(score.precision) R \(score.recall)")
        #expect(score.judged == gold.count)
        #expect(score.precision >= 0.95)
        #expect(score.recall >= 0.80)
    }

    /// An organisation acronym the tagger left out is still found, linked and clustered; a capital
    /// at a sentence start or an unknown word is not taken for one.
    @Test func untaggedOrganisationAcronyms() throws {
        var d = Document(
            id: "t", text: "Ora i ministri dei Paesi Nato e i delegati Onu si sono riuniti a Bruxelles. Nato da poco, il comitato tace.")
        try TextLayerComponent().process(&d)
        d.layers.insert(.mentions)
        try component.process(&d)
        let nato = try #require(entity(d, kb: "Q7184"))
        #expect(texts(d, nato) == ["Nato"])
        #expect(entity(d, kb: "Q1065").map { texts(d, $0) } == ["Onu"])
        let names = d.mentions.filter { $0.form == .name }.map { String(d.text(in: $0.range)) }
        #expect(names == ["Nato", "Onu"])
        #expect(d.invariantViolations().isEmpty)
    }

    /// Issue 4's seed checks through the whole pipeline (NER, not gold mentions): Nato is Q7184.
    @Test func seedThroughThePipeline() throws {
        let engine = try #require(QuoteExtractorTests.engine)
        let text = try String(contentsOfFile: Fixtures.sharedPath("data/quotes/seed/000_193cd34c33125298.txt"), encoding: .utf8)
        let d = try engine.pipeline.analyze(id: "seed", text: text)
        for id in ["Q2866", "Q48321355", "Q7747", "Q649", "Q184", "Q40469", "Q7184"] {
            #expect(entity(d, kb: id) != nil, "no entity linked to \(id)")
        }
    }
}
