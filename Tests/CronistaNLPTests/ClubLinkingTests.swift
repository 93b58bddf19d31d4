import CronistaCore
import Foundation
import Testing
@testable import CronistaNLP

/// A town's name used for its club (`il Torino`, `sul Napoli`) is not linked to the city; the city
/// itself, and cities whose name has the article (`al Cairo`, `L'Aquila`), still are.
@Suite("Club names are not cities")
struct ClubLinkingTests {
    static let engine: Engine? = try? Engine(options: .init(events: false))

    func links(_ text: String, language: String? = nil) throws -> [String: String?] {
        let engine = try #require(Self.engine)
        let doc = try engine.analyze(
            DocumentInput(
                id: "t", text: text, metadata: DocumentMetadata(published: "2023-03-05", declaredLanguage: language), origin: "test"))
        var out: [String: String?] = [:]
        for e in doc.entities { for m in e.mentions { out[String(doc.text(in: doc.mentions[m].range))] = e.kb } }
        return out
    }

    @Test func clubsAfterAnArticleAreNotTheCity() throws {
        let sport = try links("Dopo la netta vittoria sul Napoli, i giocatori del Livorno sono rientrati in pullman.")
        #expect(sport["Napoli"] == .some(nil))
        #expect(sport["Livorno"] == .some(nil))
    }

    @Test func citiesStayLinked() throws {
        let city = try links("Il sindaco ha inaugurato a Napoli una nuova linea del tram. Domani sarà a Livorno.")
        #expect(city["Napoli"] == .some("Q2634"))
        // The article is the city's own (`Il Cairo`, `L'Aquila`) or the place is a state (`il Vaticano`).
        let own = try links("Il ministro è volato al Cairo, poi è rientrato a L'Aquila. La reazione del Vaticano è arrivata ieri.")
        #expect(own["Cairo"] == .some("Q85"))
        #expect(own["Vaticano"] == .some("Q237"))
    }

    /// English clubs take no article: a result's verb or `v` before the name, or a result's verb or
    /// a team role (`manager`) after it, marks the club (the English pack's data).
    @Test func englishClubsAreNotTheCity() throws {
        let manager = try links("The Swansea manager praised his players after the match.", language: "en")
        #expect(manager["Swansea"] == .some(nil))
        let result = try links("Cardiff drew with Bristol after Bristol beat Swansea last week.", language: "en")
        #expect(result["Bristol"] == .some(nil))
        #expect(result["Swansea"] == .some(nil))
    }

    @Test func englishCitiesStayLinked() throws {
        let city = try links("The mayor of Swansea opened a new bridge in Leeds on Monday.", language: "en")
        #expect(city["Swansea"] == .some("geonames:2636432"))
        #expect(city["Leeds"] == .some("geonames:2644688"))
        let weather = try links("Heavy rain hit Bristol overnight, and the council closed two roads.", language: "en")
        #expect(weather["Bristol"] == .some("geonames:2654675"))
    }
}
