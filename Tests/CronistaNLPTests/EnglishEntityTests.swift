import CronistaCore
import CronistaTestSupport
import Foundation
import Testing
@testable import CronistaNLP

/// The entity step on English text whose names are given (as NER would find them): descriptions with
/// the country adjective before the head, `who` after a person, English role phrases of the KB.
@Suite("English entities")
struct EnglishEntityTests {
    let component = EntityComponent(kb: SharedKB.kb, packs: LanguagePacks.bundledWithoutModels, defaultLanguage: "en")

    /// `text` with a name mention of `type` at the first occurrence of each name (ASCII text).
    func document(_ text: String, names: [(String, EntityType)], published: String = "2023-06-09") -> Document {
        var d = Document(id: "en", text: text, metadata: DocumentMetadata(published: published))
        d.mentions = names.map { name, type in
            let r = text.range(of: name)!
            let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
            return Mention(range: TextRange(startUTF8: UInt32(start), endUTF8: UInt32(start + name.utf8.count)), type: type)
        }.sorted { $0.range < $1.range }
        d.layers = [.mentions]
        return d
    }

    func mentions(_ d: Document, kb id: String) -> [String] {
        guard let e = d.entities.first(where: { $0.kb == id }) else { return [] }
        return e.mentions.map { String(d.text(in: d.mentions[$0].range)) }
    }

    @Test("the Belarusian leader and the Russian president join the holders of those roles")
    func adjectiveBeforeHead() throws {
        var d = document(
            "Alexander Lukashenko met Vladimir Putin in Sochi on Friday. The Belarusian leader called the talks useful, "
                + "and the Russian president agreed.",
            names: [("Alexander Lukashenko", .person), ("Vladimir Putin", .person), ("Sochi", .location)])
        try component.process(&d)
        #expect(mentions(d, kb: "Q2866").contains("The Belarusian leader"))
        #expect(mentions(d, kb: "Q7747").contains("the Russian president"))
        #expect(!mentions(d, kb: "Q2866").contains("the Russian president"))
    }

    @Test("`who` after a person's name and a comma is that person; after a place it is nothing")
    func relativeWho() throws {
        var d = document(
            "The talks in Geneva, who knows for how long, went on. Vladimir Putin, who landed late, spoke first.",
            names: [("Geneva", .location), ("Vladimir Putin", .person)])
        try component.process(&d)
        #expect(mentions(d, kb: "Q7747") == ["Vladimir Putin", "who"])
        #expect(!mentions(d, kb: "Q71").contains("who"))
    }

    @Test("`he`/`she` after a quotation's closing mark is its speaker: the nearest person before the quotation of that gender")
    func pronounAfterQuotation() throws {
        var d = document(
            "Anna Smith arrived early. Tom Hughes spoke. “Reyes is wrong,” he said. “It is late,” she said.",
            names: [("Anna Smith", .person), ("Tom Hughes", .person), ("Reyes", .person)])
        try component.process(&d)
        func cluster(_ name: String) -> [String] {
            guard let e = d.entities.first(where: { $0.name == name }) else { return [] }
            return e.mentions.map { String(d.text(in: d.mentions[$0].range)) }
        }
        // `he` is not Reyes, named inside the quotation; `she` is not Tom Hughes, nearer but a man.
        #expect(cluster("Tom Hughes") == ["Tom Hughes", "he"])
        #expect(cluster("Anna Smith") == ["Anna Smith", "she"])
        #expect(cluster("Reyes") == ["Reyes"])
        // Inside a quotation a pronoun is the speaker's own word, not a reference.
        var inside = document(
            "Tom Hughes spoke. “He is wrong,” said Anna Smith.", names: [("Tom Hughes", .person), ("Anna Smith", .person)])
        try component.process(&inside)
        #expect(inside.entities.allSatisfy { e in e.mentions.allSatisfy { inside.mentions[$0].form != .pronoun } })
    }

    @Test("the same words read as Italian find no English description")
    func notInItalian() throws {
        let italian = EntityComponent(kb: SharedKB.kb, packs: LanguagePacks.bundledWithoutModels, defaultLanguage: "it")
        var d = document(
            "Alexander Lukashenko met Vladimir Putin. The Belarusian leader, who spoke first, left.",
            names: [("Alexander Lukashenko", .person), ("Vladimir Putin", .person)])
        try italian.process(&d)
        #expect(mentions(d, kb: "Q2866") == ["Alexander Lukashenko"])
    }

    @Test("A person's full name tagged as a place is the KB's person; a place named like no person stays a place")
    func personTypedAsPlace() throws {
        var d = document(
            "We can not let the presidency go to Donald Trump, someone so unqualified. The review met in Ontario.",
            names: [("Donald Trump", .location), ("Ontario", .location)])
        try component.process(&d)
        let trump = try #require(d.entities.first { $0.kb == "Q22686" })
        #expect(trump.type == .person)
        #expect(d.mentions[trump.mentions[0]].type == .person)
        #expect(d.entities.first { d.text(in: d.mentions[$0.mentions[0]].range) == "Ontario" }?.type == .location)
        // A surname alone keeps the tagger's type: too many namesakes.
        var one = document("The issue might not be over for Barroso.", names: [("Barroso", .location)])
        try component.process(&one)
        #expect(one.entities.first?.type == .location)
    }
}
