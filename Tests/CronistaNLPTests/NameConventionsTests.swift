import CronistaCore
import Foundation
import Testing
@testable import CronistaNLP

/// The English pack bounds names as CoNLL-2003, OntoNotes and Universal NER annotate them: a person's
/// title or honorific stays outside (`Ms [Pugh]`, `Pope [Francis]`), a generational suffix inside, an
/// organisation's acronym in parentheses is one too; the Italian pack lists no convention.
@Suite("Name conventions")
struct NameConventionsTests {
    static let packs: LanguagePacks? = try? LanguagePacks.bundled()

    /// `tokens` with their BIO labels (`Ms/B-LOC Pugh/I-LOC`), after the English convention.
    func released(_ tagged: String, language: String = "en") throws -> String {
        let titles = try #require(Self.packs?[language]).nameConventions
        let pairs = tagged.split(separator: " ").map { $0.split(separator: "/", maxSplits: 1) }
        let tokens = pairs.map { String($0[0]) }
        var tags = pairs.map { NERTag(label: $0[1]).rawValue }
        titles.apply(to: &tags, in: 0..<tags.count) { tokens[$0].utf8 }
        return zip(tokens, tags).map { "\($0)/\(NERTag(rawValue: $1))" }.joined(separator: " ")
    }

    @Test func honorificsLeaveTheNameAPerson() throws {
        // The tagger's output on UNER-PUD and PolNeAR sentences: the honorific inside a place, inside a
        // person, and before a place.
        #expect(try released("Ms/B-LOC Pugh/I-LOC 's/O lung/O") == "Ms/O Pugh/B-PER 's/O lung/O")
        #expect(try released("Ms/B-PER Hopley/I-PER added/O") == "Ms/O Hopley/B-PER added/O")
        #expect(try released("Mr./O Van/B-LOC Voorhis/I-LOC said/O") == "Mr./O Van/B-PER Voorhis/I-PER said/O")
        #expect(try released("Mrs./B-PER Clinton/B-PER said/O") == "Mrs./O Clinton/B-PER said/O")
        // An honorific tagged alone, with no name after it, is left to the tagger.
        #expect(try released("Dr/B-PER ./O") == "Dr/B-PER ./O")
    }

    @Test func titlesLeaveAPersonsName() throws {
        #expect(try released("Pope/B-PER Francis/B-PER met/O") == "Pope/O Francis/B-PER met/O")
        #expect(
            try released("Senator/B-PER John/I-PER McCain/I-PER and/O Chancellor/B-PER Angela/I-PER Merkel/I-PER")
                == "Senator/O John/B-PER McCain/I-PER and/O Chancellor/O Angela/B-PER Merkel/I-PER")
        // A title word inside an organisation's or a place's name is part of it; a person's name that
        // is no title keeps its first word; a lower-case title is no span start to mend.
        #expect(try released("General/B-ORG Motors/I-ORG") == "General/B-ORG Motors/I-ORG")
        #expect(try released("King/B-LOC Street/I-LOC") == "King/B-LOC Street/I-LOC")
        #expect(try released("Lady/B-PER Gaga/I-PER") == "Lady/B-PER Gaga/I-PER")
        #expect(try released("the/O president/O Macron/B-PER") == "the/O president/O Macron/B-PER")
    }

    @Test func suffixesJoinAndAcronymsFollow() throws {
        #expect(try released("killed/O Andre/B-PER Price/I-PER III/O by/O") == "killed/O Andre/B-PER Price/I-PER III/I-PER by/O")
        #expect(
            try released("Martin/B-PER Luther/I-PER King/I-PER Jr./O said/O") == "Martin/B-PER Luther/I-PER King/I-PER Jr./I-PER said/O")
        // After a title taken out, the suffix still joins the name; after no person it stays outside.
        #expect(try released("Pope/B-PER John/I-PER XXIII/O") == "Pope/O John/B-PER XXIII/O")
        #expect(try released("Ramses/B-LOC II/O") == "Ramses/B-LOC II/O")
        #expect(
            try released("the/O Real/B-ORG Estate/I-ORG Council/I-ORG of/I-ORG Ontario/I-ORG (/O RECO/O )/O ,/O")
                == "the/O Real/B-ORG Estate/I-ORG Council/I-ORG of/I-ORG Ontario/I-ORG (/O RECO/B-ORG )/O ,/O")
        // Only an organisation's, only capitals, only between parentheses.
        #expect(
            try released("United/B-LOC Arab/I-LOC Emirates/I-LOC (/O UAE/O )/O") == "United/B-LOC Arab/I-LOC Emirates/I-LOC (/O UAE/O )/O")
        #expect(try released("Reuters/B-ORG (/O Tuesday/O )/O") == "Reuters/B-ORG (/O Tuesday/O )/O")
        #expect(try released("Reuters/B-ORG (/O AP/O ./O") == "Reuters/B-ORG (/O AP/O ./O")
    }

    @Test func italianNamesAreLeftAlone() throws {
        let it = try #require(Self.packs?["it"]).nameConventions
        #expect(it.isEmpty)
        #expect(try released("Papa/B-PER Francesco/I-PER", language: "it") == "Papa/B-PER Francesco/I-PER")
    }

    /// Through `analyze`: the mention is the name alone, a person.
    @Test func analyzedEnglishMentionsLeaveTheTitleOut() throws {
        let engine = try Engine(options: .init(events: false))
        let doc = try engine.analyze(
            DocumentInput(
                id: "t", text: "Ms Pugh said the trial had been hard. Pope Francis met Senator John McCain in Rome.",
                metadata: DocumentMetadata(declaredLanguage: "en"), origin: "test"))
        var mentions: [String: EntityType] = [:]
        for m in doc.mentions where m.form == .name { mentions[String(doc.text(in: m.range))] = m.type }
        #expect(mentions["Pugh"] == .person)
        #expect(mentions["Francis"] == .person)
        #expect(mentions["John McCain"] == .person)
        #expect(mentions["Ms Pugh"] == nil && mentions["Pope"] == nil && mentions["Senator John McCain"] == nil)
    }
}
