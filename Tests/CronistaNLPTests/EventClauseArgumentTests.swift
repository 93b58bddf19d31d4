import CronistaCore
import Foundation
import Testing

@testable import CronistaNLP

/// Event participants that the clause around the trigger gives, on our own sentences: relative
/// pronouns (subject and object), object clitics, appositions, a request's `che` clause, a
/// protest's protesters, a participle with its agent, what a refusal refuses.
@Suite("Event clause arguments")
struct EventClauseArgumentTests: EventFixture {
    @Test("A relative pronoun's antecedent is the subject of its clause, even after 'da'")
    func relativeSubject() throws {
        let doc = try analyze("Il premier Carlo Rossi ha criticato il ministro Anna Bianchi, che aveva attaccato il governo francese.")
        let acts = doc.events.filter { $0.type == "ACCUSE" }
        #expect(acts.count == 2)
        #expect(acts.map { texts(doc, $0.source) } == [["Carlo Rossi"], ["Anna Bianchi"]])
        #expect(acts.last.map { texts(doc, $0.target) } == ["governo francese"])
        let quale = try analyze("Il ministro Gino Ferri ha criticato Marta Sala, la quale aveva accusato il governo di incompetenza.")
        #expect(quale.events.filter { $0.type == "ACCUSE" }.map { texts(quale, $0.source) } == [["Gino Ferri"], ["Marta Sala"]])
        // A noun governed by the relative clause's verb: the antecedent, not the actor before "da".
        let noun = try analyze("Il governo è stato sostituito da Marco Bianchi, che il 3 marzo annunciò la liberazione di Luca Verdi.")
        let freed = try #require(noun.events.first { $0.type == "CONCEDE" })
        #expect(texts(noun, freed.source) == ["Marco Bianchi"])
        #expect(texts(noun, freed.target) == ["Luca Verdi"])
    }

    @Test("A relative pronoun with a subject of its own is the object")
    func relativeObject() throws {
        let doc = try analyze("Il deputato Ugo Neri, che la polizia ha arrestato ieri, resta in carcere.")
        let arrest = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, arrest.source) == ["polizia"])
        #expect(texts(doc, arrest.target) == ["Ugo Neri"])
    }

    @Test("An object pronoun before the verb stands for the last other actor named")
    func procliticTarget() throws {
        let doc = try analyze("Il presidente Mario Neri ha incontrato il ministro Gialli. Poi lo ha accusato di tradimento.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(texts(doc, e.source) == ["Mario Neri"])
        #expect(texts(doc, e.target) == ["Gialli"])
    }

    @Test("A name in apposition before the verb is its subject; an actor noun in apposition is the name")
    func appositions() throws {
        let doc = try analyze("Il giudice di Roma, Valerio Sante, ha respinto la richiesta del partito.")
        let e = try #require(doc.events.first { $0.type == "REJECT" })
        #expect(texts(doc, e.source) == ["Valerio Sante"])
        let noun = try analyze("Il poliziotto Derek Mills, il poliziotto che ha ucciso Mario Floyd, è in carcere.")
        let killing = try #require(noun.events.first { $0.type == "ASSAULT" })
        #expect(texts(noun, killing.source) == ["Derek Mills"])
        #expect(texts(noun, killing.target) == ["Mario Floyd"])
    }

    @Test("A request's 'che' clause names its target")
    func requestComplementTarget() throws {
        let doc = try analyze("La Lega è favorevole alla riforma, ma ha chiesto che il governo sia chiaro sulle regole.")
        let e = try #require(doc.events.first { $0.type == "REQUEST" })
        #expect(texts(doc, e.source) == ["Lega"])
        #expect(texts(doc, e.target) == ["governo"])
    }

    @Test("A protest named without its actors is by the protesters named nearby; none named, none")
    func protesters() throws {
        let doc = try analyze(
            "Migliaia di manifestanti hanno sfilato per il centro. In serata ci sono state nuove proteste davanti al parlamento.")
        let e = try #require(doc.events.first { $0.type == "PROTEST" })
        #expect(texts(doc, e.source) == ["manifestanti"])
        let none = try analyze("In serata ci sono state nuove proteste davanti al parlamento.")
        #expect(none.events.isEmpty)
    }

    @Test("A bare participle with its agent is a passive ('firmato dai ministri')")
    func reducedPassive() throws {
        let doc = try analyze("Il testo dell'accordo, firmato dai ministri di Francia e Germania, entra in vigore oggi.")
        let e = try #require(doc.events.first { $0.type == "SUPPORT" })
        #expect(texts(doc, e.source).first == "ministri")
        let bare = try analyze("Il testo dell'accordo firmato entra in vigore oggi.")
        #expect(bare.events.isEmpty)
    }

    @Test("What a refusal refuses did not happen, but a refused request was made")
    func refusals() throws {
        let denied = try analyze("La Corte, pur negando la scarcerazione a Luca Neri, ha ordinato un nuovo processo.")
        #expect(denied.events.contains { $0.type == "REJECT" })
        #expect(!denied.events.contains { $0.type == "RETREAT" || $0.type == "CONCEDE" })
        let request = try analyze("Il giudice Franco Lodi ha rigettato l'istanza presentata dalla difesa.")
        #expect(Set(request.events.map(\.type)) == ["REJECT", "REQUEST"])
        let impeachment = try analyze(
            "Il Senato ha archiviato la richiesta di messa in stato d'accusa presentata dal partito contro il presidente.")
        let charge = try #require(impeachment.events.first { $0.type == "ACCUSE" })
        #expect(charge.mode == "allege")
        #expect(String(impeachment.text(in: charge.trigger)).hasPrefix("richiesta di messa in stato"))
        #expect(!impeachment.events.contains { $0.type == "REQUEST" })
    }

    @Test("What a request asks an infinitive to do is part of it; 'pretendere di' is a claim, not a demand")
    func requestedActs() throws {
        let doc = try analyze("Il ministro Carlo Neri ha chiesto ai sindacati di ritirare lo sciopero della prossima settimana.")
        #expect(doc.events.map(\.type) == ["REQUEST"])
        let claim = try analyze("Il ministro Carlo Neri pretende di rappresentare tutti i lavoratori.")
        #expect(claim.events.isEmpty)
        let demand = try analyze("Il ministro Carlo Neri pretende le scuse del sindacato.")
        #expect(demand.events.map(\.type) == ["REQUEST"])
    }

    @Test("A finite passive auxiliary and a subjunctive one belong to the verb group")
    func auxiliaries() throws {
        let doc = try analyze("Il consigliere Luca Sarti viene arrestato dai carabinieri a Novara.")
        let e = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(String(doc.text(in: e.trigger)) == "viene arrestato")
        #expect(texts(doc, e.source) == ["carabinieri"])
        #expect(texts(doc, e.target) == ["Luca Sarti"])
        let seems = try analyze("Sembra che alcuni manifestanti abbiano attaccato i soldati davanti alla caserma.")
        let attack = try #require(seems.events.first { $0.type == "ASSAULT" })
        #expect(String(seems.text(in: attack.trigger)) == "abbiano attaccato")
        #expect(texts(seems, attack.source) == ["manifestanti"])
    }

    @Test("A refusal's target is whoever made what it refuses; a charge brought with an arrest is against the arrested")
    func ownersAndCharges() throws {
        let doc = try analyze("Il Senato ha archiviato la richiesta di dimissioni presentata dal partito di Paolo Conte.")
        let e = try #require(doc.events.first { $0.type == "REJECT" })
        #expect(texts(doc, e.target) == ["partito"])
        let arrest = try analyze("In Sicilia la polizia ha arrestato il sindaco Nino Ferri con l'accusa di corruzione.")
        let charge = try #require(arrest.events.first { $0.type == "ACCUSE" })
        #expect(texts(arrest, charge.target) == ["Nino Ferri"])
    }

    @Test("A speaker from an earlier sentence yields to an actor before the verb; a gerund goes on with its act's subject")
    func speakersAndGerunds() throws {
        let doc = try analyze(
            "Il premier Romano Bianchi vuole la missione. La Lega è, in linea di massima, favorevole alla missione di pace, "
                + "ma ha chiesto che il governo sia chiaro sulle regole, chiedendo che siano compatibili con la legge.")
        let requests = doc.events.filter { $0.type == "REQUEST" }
        #expect(requests.count == 1)
        #expect(requests.first.map { texts(doc, $0.source) } == ["Lega"])
        #expect(requests.first.map { texts(doc, $0.target) } == ["governo"])
        let relative = try analyze("Il ministro Carlo Neri ha criticato Luigi Di Maio, che con Salvini tratta da un mese.")
        let talks = try #require(relative.events.first { $0.type == "CONSULT" })
        #expect(texts(relative, talks.source).first == "Luigi Di Maio")
    }

    @Test("'invita X a' + infinitive asks (REQUEST); 'invita X a Roma' invites (AGREE); 'invita' is no participle")
    func invitations() throws {
        let asks = try analyze("Il sindacato invita il governo a ritirare la legge.")
        let request = try #require(asks.events.first)
        #expect(request.type == "REQUEST")
        #expect(texts(asks, request.target) == ["governo"])
        let invites = try analyze("Il presidente Mario Neri invita il premier Luca Bassi a Roma.")
        #expect(invites.events.map(\.type) == ["AGREE"])
    }

    @Test("An irregular participle with its agent names a noun's actor ('disposti dal prefetto')")
    func irregularParticipleAgent() throws {
        let doc = try analyze("Sono 35 i decreti di espulsione disposti dal prefetto di Genova.")
        let e = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, e.source) == ["prefetto"])
    }

    @Test("A group followed by its named members is those members ('alcuni esponenti, tra cui A e B')")
    func groupMembers() throws {
        let doc = try analyze(
            "La sinistra italiana ha accusato alcuni esponenti della destra, tra cui Marco Neri e Anna Rossi, di razzismo.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(texts(doc, e.target) == ["Marco Neri", "Anna Rossi"])
        let one = try analyze("La sinistra italiana ha accusato alcuni esponenti della destra, tra cui Marco Neri, di razzismo.")
        let single = try #require(one.events.first { $0.type == "ACCUSE" })
        #expect(texts(one, single.target) == ["esponenti"])
    }
}
