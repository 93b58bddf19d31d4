import CronistaCore
import CronistaNLP
import CronistaResources
import CronistaStorage
import CronistaTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CronistaServer

/// The pages' findings of the first hour (issue 22): headline titles, a legend, labels that do not
/// wrap, a ranked and cut "Appears with", KB ids linked to Wikidata, Italian and English.
@Suite("Web pages: titles, legend, Wikidata, languages")
struct WebPageLanguageTests {
    static func get(_ client: some TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> (String, HTTPFields) {
        var h = headers
        h[.accept] = "text/html"
        let r = try await client.execute(uri: uri, method: .get, headers: h)
        #expect(r.status == .ok, "\(uri)")
        return (String(buffer: r.body), r.headers)
    }

    @Test("A document stored without a title shows its headline; the legend explains the colours; quote labels do not wrap")
    func titleAndLegend() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        let text = "Il sindaco annuncia un piano per le periferie\n\nIl sindaco Mario Rossi ha detto: «Si parte»."
        let doc = try ServerFixtures.engine.analyze(DocumentInput(id: "piano", text: text, origin: "test"))
        _ = try await store.store([try StorableDocument(document: doc, analysisJSON: doc.analysisJSON())])
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let (html, _) = try await Self.get(client, "/documents/piano")
            #expect(html.contains("<h1>Il sindaco annuncia un piano per le periferie</h1>"))
            #expect(html.contains("<title>Il sindaco annuncia un piano per le periferie · Cronista</title>"))
            let (seed, _) = try await Self.get(client, "/documents/\(ServerFixtures.seedID)")
            #expect(seed.contains("<p class=\"legend\""))
            for swatch in ["sw PER", "sw ORG", "sw LOC", "sw q", "sw spk"] { #expect(seed.contains("class=\"\(swatch)\""), "\(swatch)") }
            #expect(seed.contains("person") && seed.contains("organisation") && seed.contains("place"))
            #expect(WebPage.style.contains("sup.qs a{white-space:nowrap"))
        }
        try await store.close()
    }

    @Test("KB ids link to Wikidata on the document, entity and search pages; other ids stay text")
    func wikidataLinks() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let link = "<a class=\"kb\" href=\"https://www.wikidata.org/wiki/Q2866\" rel=\"noopener noreferrer\">Q2866</a>"
            for uri in ["/documents/\(ServerFixtures.seedID)", "/entities/Q2866", "/?speaker=Lukashenko"] {
                let (html, _) = try await Self.get(client, uri)
                #expect(html.contains(link), "\(uri)")
            }
        }
        #expect(HTML.kbLink("kb:per/lavrov-s") == "kb:per/lavrov-s")
        #expect(HTML.kbLink("Q12a") == "Q12a")
        try await store.close()
    }

    @Test("Appears with: names only, one entry per name, most shared documents first, at most 12")
    func appearsWithRankedAndCut() {
        func hit(_ name: String, _ type: String, kb: String? = nil, documents: Int, mentions: Int) -> EntityHit {
            EntityHit(name: name, type: type, kb: kb, documents: documents, mentions: mentions)
        }
        var hits = [
            hit("esercito", "ORG", documents: 9, mentions: 20), hit("Libia", "LOC", kb: "Q1016", documents: 3, mentions: 5),
            hit("Libia", "ORG", documents: 2, mentions: 2), hit("Roma", "LOC", kb: "Q220", documents: 5, mentions: 9),
            hit("Mario Rossi", "PER", documents: 5, mentions: 12)
        ]
        for i in 0..<20 { hits.append(hit("Nome\(i)", "PER", documents: 1, mentions: 1)) }
        let ranked = EntityPage.appearsWith(hits)
        #expect(!ranked.contains { $0.name == "esercito" })
        #expect(ranked.filter { $0.name == "Libia" }.count == 1)
        #expect(ranked.prefix(3).map(\.name) == ["Roma", "Mario Rossi", "Libia"], "documents, then linked first")
        #expect(EntityPage.appearsWithLimit == 12)
    }

    @Test("Italian from Accept-Language, English by default, ?lang= switches and is remembered; the catalogue is complete")
    func languages() async throws {
        let store = try #require(try await ServerFixtures.seededStore())
        try await ServerFixtures.application(ServerFixtures.state(store)).test(.router) { client in
            let (en, _) = try await Self.get(client, "/entities/Q2866")
            #expect(en.contains("<html lang=\"en\">") && en.contains("Quotes over time") && en.contains("Appears with"))
            let (it, itHeaders) = try await Self.get(client, "/entities/Q2866", headers: [.acceptLanguage: "it-IT,it;q=0.9,en;q=0.8"])
            #expect(it.contains("<html lang=\"it\">"))
            #expect(itHeaders[.contentLanguage] == "it")
            #expect(it.contains("Citazioni nel tempo") && it.contains("Compare con"))
            #expect(!it.contains("Quotes over time") && !it.contains("Appears with") && !it.contains(" mentions"))
            #expect(it.contains("href=\"/entities/Q2866?lang=en\" hreflang=\"en\""), "the switch")
            let (home, _) = try await Self.get(client, "/", headers: [.acceptLanguage: "en;q=0.5, it;q=0.8"])
            #expect(home.contains("Chi ha detto cosa") && home.contains("Ultime citazioni") && home.contains(">Cerca</button>"))
            let (doc, _) = try await Self.get(client, "/documents/\(ServerFixtures.seedID)?lang=it")
            #expect(doc.contains("Citazioni") && doc.contains("diretta") && doc.contains("nel testo") && doc.contains("persona"))
            // The switch: ?lang=en wins over Accept-Language and sets the cookie; the cookie then decides.
            let (switched, h) = try await Self.get(client, "/?lang=en", headers: [.acceptLanguage: "it"])
            #expect(switched.contains("Latest quotes"))
            #expect(h[.setCookie]?.hasPrefix("lang=en;") == true)
            let (remembered, _) = try await Self.get(client, "/", headers: [.acceptLanguage: "en", .cookie: "theme=x; lang=it"])
            #expect(remembered.contains("Ultime citazioni"))
        }
        try await store.close()
        // Every key of the catalogue has an English and an Italian text.
        let text = try ResourceSet.server.text("web-strings.tsv")
        let catalogue = WebStrings.parse(text)
        #expect(catalogue.count >= 40)
        for (key, texts) in catalogue { #expect(texts.count == 2 && texts.allSatisfy { !$0.isEmpty }, "\(key)") }
    }
}
