import CronistaCore
import CronistaTestSupport
import Foundation
import Testing
@testable import CronistaNLP

/// `kb build --wikidata` on a synthetic dump (Tests/Fixtures/wikidata/dump.json): people, places and
/// organisations typed through P31/P279 (classes after their instances, a P279 cycle, a deprecated
/// edge), `mul`-only labels, `novalue`/`somevalue` snaks, deprecated ranks, P39 with start and end
/// qualifiers, junk and a broken line, and a trailing comma before `]`.
@Suite("Wikidata import")
struct WikidataImporterTests {
    static let dump = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/wikidata/dump.json").path

    /// Imports the fixture and parses the KB file written.
    func build(minSitelinks: Int = 1) throws -> (WikidataImporter.Summary, [KBEntity], String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("wikidata-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let fd = open(Self.dump, O_RDONLY)
        try #require(fd >= 0)
        let summary = try WikidataImporter.run(input: fd, path: Self.dump, outputPath: out, options: .init(minSitelinks: minSitelinks))
        return (summary, try KnowledgeBase.parseEntities(path: out), try String(contentsOfFile: out, encoding: .utf8))
    }

    @Test func keepsExactlyTheTypedEntitiesWithEnoughSitelinks() throws {
        let (summary, entities, _) = try build()
        // Not kept: Q900003 (no sitelinks), Q900004 (fictional human), Q900005 (no it/en/mul label),
        // Q900012 (its class reaches human only through a deprecated P279), Q900040 (disambiguation),
        // Q900041 (no sitelinks: the prefilter skips it), positions and classes, the property P900.
        #expect(
            entities.map(\.id) == [
                "Q900001", "Q900002", "Q900006", "Q900010", "Q900011", "Q900020", "Q900030", "Q900031", "Q900032", "Q900008",
                "Q900009", "Q900013", "Q900007"
            ])
        #expect(
            entities.map(\.type.label) == ["PER", "PER", "PER", "LOC", "LOC", "LOC", "ORG", "ORG", "ORG", "PER", "PER", "PER", "PER"])
        #expect(summary.written == ["PER": 7, "LOC": 3, "ORG": 3])
        #expect(summary.lines == 38)
        // The broken line is reported with its number and the import goes on.
        #expect(summary.brokenLines.map(\.line) == [15])
        #expect(summary.brokenLines.first?.path == Self.dump)
        // With no budget the person without sitelinks is kept too.
        let (_, all, _) = try build(minSitelinks: 0)
        #expect(all.map(\.id).contains("Q900003"))
        #expect(all.count == entities.count + 1)
    }

    @Test func labelsAliasesAndMulFallback() throws {
        let (_, entities, text) = try build()
        let byID = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
        let ferraresi = try #require(byID["Q900001"])
        #expect(ferraresi.names == ["it": ["Giulia Ferraresi"], "en": ["Giulia Ferraresi"]])
        // German aliases are not kept; the surname, which no other person has, is.
        #expect(ferraresi.aliases == ["G. Ferraresi", "Ferraresi"])
        // A `mul` label stands for both languages; `mul` aliases are kept.
        let lindqvist = try #require(byID["Q900002"])
        #expect(lindqvist.names == ["it": ["Arvo Lindqvist"], "en": ["Arvo Lindqvist"]])
        #expect(lindqvist.aliases == ["Arvo K. Lindqvist", "A. Lindqvist", "Lindqvist"])
        // An escaped quote survives the round trip; a \u escape in the dump is decoded. `Ruggeri`
        // is the surname of two people (Elena and Paolo): an alias of neither.
        #expect(byID["Q900006"]?.aliases == ["Elena \"Lena\" Ruggeri"])
        #expect(byID["Q900008"]?.aliases == [])
        #expect(byID["Q900010"]?.aliases == ["Città di Vallombrosa"])
        #expect(byID["Q900020"]?.names["en"] == ["Examplia"])
        #expect(text.contains("\"sitelinks\":4"))
    }

    @Test func placesAndOrganisationsThroughTheClassClosure() throws {
        let (_, entities, _) = try build()
        let byID = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
        // City through two subclass steps listed after it; its country's ISO code through P17
        // (the deprecated P17 is ignored) and the country's P297.
        #expect(byID["Q900010"]?.subtype == "city")
        #expect(byID["Q900010"]?.countryCode == "EX")
        // Through a P279 cycle that also reaches geographic region.
        #expect(byID["Q900011"]?.subtype == "region")
        #expect(byID["Q900020"]?.subtype == "country")
        #expect(byID["Q900020"]?.iso == "EX")
        // A football club is an organisation of kind sports_club, not a place, even when named after its town.
        #expect(byID["Q900030"]?.kind == "sports_club")
        #expect(byID["Q900030"]?.aliases.contains("Vallombrosa") == true)
        #expect(byID["Q900031"]?.type == .organization)
        #expect(byID["Q900031"]?.kind == nil)
        #expect(byID["Q900032"]?.kind == "news_agency")
    }

    @Test func surnameAliasesAndOccupations() throws {
        let (_, entities, _) = try build()
        let byID = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
        // The particles before the last word belong to the surname.
        #expect(byID["Q900009"]?.aliases == ["van der Meer"])
        // A regnal name has no surname; a double surname given as an alias is not cut to its last word.
        #expect(byID["Q900013"]?.aliases == [])
        #expect(byID["Q900007"]?.aliases == ["Orsini Valle"])
        // P106: the occupation's kind, through P279 (a subclass of politician listed in the dump);
        // the deprecated P106 (footballer, which the class table puts first) is ignored; an
        // occupation the table does not reach gives no kind.
        #expect(byID["Q900001"]?.kind == "politician")
        #expect(byID["Q900006"]?.kind == "journalist")
        #expect(byID["Q900009"]?.kind == "politician")
        #expect(byID["Q900013"]?.kind == nil)
        // With no budget the person without sitelinks counts too, and keeps its surname.
        let (_, all, _) = try build(minSitelinks: 0)
        #expect(all.first { $0.id == "Q900003" }?.aliases == ["Senzapagine"])
    }

    @Test func surnamesOfNames() {
        #expect(WikidataImporter.surname(of: "Giulia Ferraresi") == "Ferraresi")
        #expect(WikidataImporter.surname(of: "Ursula von der Leyen") == "von der Leyen")
        #expect(WikidataImporter.surname(of: "Abdel-Aziz bin Habtour") == "bin Habtour")
        #expect(WikidataImporter.surname(of: "Mark T. Esper") == "Esper")
        for none in ["Madonna", "Carlo III", "Margrethe II of Denmark", "David Wolfson, Baron Wolfson", "Martin Luther King Jr.", "Jan de"]
        {
            #expect(WikidataImporter.surname(of: none) == nil, "\(none)")
        }
    }

    @Test func positionsHeldWithDates() throws {
        let (_, entities, _) = try build()
        let byID = Dictionary(uniqueKeysWithValues: entities.map { ($0.id, $0) })
        // The deprecated P39 and the somevalue one are dropped; the month-precision end widens to the month's end.
        let ferraresi = try #require(byID["Q900001"]?.roles)
        #expect(ferraresi.count == 1)
        #expect(ferraresi.first?.labels == ["it": "sindaco di Vallombrosa", "en": "mayor of Vallombrosa"])
        #expect(ferraresi.first?.country == "Q900020")
        #expect(ferraresi.first?.from == KBDate("2015-06-14"))
        #expect(ferraresi.first?.to == KBDate("2020-09", asEnd: true))
        // A year-precision start and a novalue end: open-ended; the position is labelled though it
        // comes later in the dump, typed through a subclass of position.
        let lindqvist = try #require(byID["Q900002"]?.roles.first)
        #expect(lindqvist.labels["it"] == "primo ministro di Esempia")
        #expect(lindqvist.from == KBDate("1998"))
        #expect(lindqvist.to == .distantFuture)
        let ruggeri = try #require(byID["Q900006"]?.roles)
        #expect(
            ruggeri.map(\.labels) == [
                ["it": "primo ministro di Esempia", "en": "Prime Minister of Examplia"],
                ["it": "UN Special Envoy for Examplia", "en": "UN Special Envoy for Examplia"]
            ])
        #expect(ruggeri.map(\.to) == [KBDate("2022-10-22")!, .distantFuture])
    }

    @Test func wikidataTimesBecomeKBDates() {
        #expect(WikidataRecord.kbDate("+2015-06-14T00:00:00Z", precision: 11) == "2015-06-14")
        #expect(WikidataRecord.kbDate("+2015-06-00T00:00:00Z", precision: 11) == "2015-06")
        #expect(WikidataRecord.kbDate("+2015-06-14T00:00:00Z", precision: 10) == "2015-06")
        #expect(WikidataRecord.kbDate("+2015-00-00T00:00:00Z", precision: 9) == "2015")
        #expect(WikidataRecord.kbDate("+2015-00-00T00:00:00Z", precision: 8) == nil)
        #expect(WikidataRecord.kbDate("-0044-03-15T00:00:00Z", precision: 11) == nil)
        #expect(WikidataRecord.kbDate("+12015-00-00T00:00:00Z", precision: 9) == nil)
    }

    @Test func theEngineLinksWithTheBuiltKB() throws {
        let (_, entities, _) = try build()
        let engine = try Engine(options: .init(knowledgeBase: KnowledgeBase.build(entities), events: false))
        let doc = try engine.analyze(
            DocumentInput(
                id: "t", text: "Ieri a Vallombrosa la sindaca Giulia Ferraresi ha ricevuto il primo ministro Arvo Lindqvist.",
                metadata: DocumentMetadata(published: "2018-05-02"), origin: "test"))
        let links = Dictionary(doc.entities.map { ($0.name, $0.kb) }, uniquingKeysWith: { a, _ in a })
        #expect(links["Giulia Ferraresi"] == "Q900001")
        #expect(links["Arvo Lindqvist"] == "Q900002")
        #expect(links["Vallombrosa"] == "Q900010")
        // A person named by surname alone, through the surname alias (the KB's full name is the entity's).
        let later = try engine.analyze(
            DocumentInput(
                id: "t2", text: "Lindqvist ha parlato a lungo con i giornalisti.", metadata: DocumentMetadata(published: "2018-05-02"),
                origin: "test"))
        #expect(later.entities.map(\.kb) == ["Q900002"] && later.entities.first?.name == "Arvo Lindqvist", "\(later.entities)")
    }
}
