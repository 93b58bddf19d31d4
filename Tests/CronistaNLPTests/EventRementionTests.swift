import CronistaCore
import Testing

@testable import CronistaNLP

/// When a later trigger is the same event said again (`coref`) and when it is another one, on our
/// own sentences.
@Suite("Event re-mentions")
struct EventRementionTests: EventFixture {
    @Test("The same act in sentences dated differently is two events, not a restatement")
    func datedDifferently() throws {
        let doc = try analyze(
            "Il sindacalista Piero Galli nacque a Genova nel 1931. Nel 1956 Galli venne arrestato dalla polizia. "
                + "Nel 1962 Galli venne arrestato dalla polizia.")
        let arrests = doc.events.filter { $0.type == "COERCE" }
        #expect(arrests.count == 2)
        #expect(arrests.allSatisfy { $0.coref.isEmpty })
        // Without the years, the second sentence says the first again.
        let again = try analyze(
            "Il sindacalista Piero Galli nacque a Genova nel 1931. Galli venne arrestato dalla polizia. "
                + "Galli venne arrestato dalla polizia.")
        #expect(again.events.filter { $0.type == "COERCE" }.count == 1)
    }

    @Test("A headline restated by the body's first sentence is one event, a city within the headline's country included")
    func headlineRestated() throws {
        let doc = try analyze(
            "Bielorussia, arrestati esponenti dell'opposizione\nLa polizia bielorussa ha arrestato ieri a Minsk quattro esponenti dell'opposizione."
        )
        let arrests = doc.events.filter { $0.type == "COERCE" }
        #expect(arrests.count == 1)
        let e = try #require(arrests.first)
        #expect(texts(doc, e.source) == ["polizia bielorussa"])
        #expect(texts(doc, e.target) == ["esponenti"])
        #expect(e.coref.map { String(doc.text(in: $0)) } == ["arrestati"])
        let apology = try analyze(
            "La Virginia si scusa per la schiavitù\nL'assemblea generale della Virginia si scusa formalmente per la schiavitù.")
        #expect(apology.events.count == 1)
        // Two criticisms of one lede are not folded into one by their mode alone.
        let critics = try analyze(
            "Finanziaria, protesta l'opposizione\nDopo le levate di scudi dei sindaci, il ministro Fabio Mussi ha criticato la manovra.")
        #expect(critics.events.filter { $0.type == "ACCUSE" }.count == 3)
    }

    @Test("'Un altro corteo' is another protest, not the one before")
    func another() throws {
        let doc = try analyze(
            "A Milano un corteo di studenti ha attraversato il centro. Un altro corteo di studenti ha raggiunto la prefettura.")
        #expect(doc.events.filter { $0.type == "PROTEST" }.count == 2)
        let same = try analyze(
            "A Milano un corteo di studenti ha attraversato il centro. Il corteo ha poi raggiunto la prefettura.")
        #expect(same.events.filter { $0.type == "PROTEST" }.count == 1)
    }

    @Test("Clashes between two sides are all sources, and no re-mention of a shooting before them")
    func reciprocalClash() throws {
        let doc = try analyze(
            "Un agente ha sparato contro un tifoso davanti allo stadio. Poco dopo ci sono stati violenti scontri tra tifosi e polizia.")
        let assaults = doc.events.filter { $0.type == "ASSAULT" }
        #expect(assaults.count == 2)
        let clash = try #require(assaults.first { String(doc.text(in: $0.trigger)) == "scontri" })
        #expect(texts(doc, clash.source) == ["tifosi", "polizia"])
        #expect(clash.target.isEmpty)
        // A political clash is no assault.
        let politics = try analyze("Alla Camera è scontro politico tra maggioranza e opposizione sulla riforma.")
        #expect(!politics.events.contains { $0.type == "ASSAULT" })
    }

    @Test("Arrests in two cities are two events; with no country named, an agentless arrest is 'il Paese''s")
    func placedDifferently() throws {
        let doc = try analyze(
            "A Louisville la polizia ha arrestato venti manifestanti. A Los Angeles le rivolte hanno portato all'arresto di "
                + "più di cinquecento persone.")
        #expect(doc.events.filter { $0.type == "COERCE" }.count == 2)
        let country = try analyze("Nel Paese le proteste continuano da giorni. Circa mille persone sono state arrestate.")
        let e = try #require(country.events.first { $0.type == "COERCE" })
        #expect(texts(country, e.source) == ["Paese"])
    }
    @Test("A headline and the body telling one arrest are one event, with the body's actor and target")
    func headlineAndBody() throws {
        let doc = try analyze(
            "Azienda ospedaliera di Palermo, arrestato il primario Neri\nÈ stato arrestato stamane dalla polizia con l'accusa di truffa il "
                + "cardiochirurgo Carlo Neri.")
        let arrests = doc.events.filter { $0.type == "COERCE" }
        let e = try #require(arrests.first)
        #expect(arrests.count == 1)
        #expect(String(doc.text(in: e.trigger)) == "È stato arrestato")
        #expect(texts(doc, e.source) == ["polizia"])
        #expect(texts(doc, e.target) == ["Carlo Neri"])
        #expect(e.coref.map { String(doc.text(in: $0)) } == ["arrestato"])
        // The charge brought with the arrest: the police's, against the same man.
        let charge = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(texts(doc, charge.source) == ["polizia"])
        #expect(texts(doc, charge.target) == ["Carlo Neri"])
    }

    @Test("A headline's agentless arrest and the body's: one event, unnamed groups of targets alike, the body's jurisdiction")
    func headlineAgentlessArrest() throws {
        let doc = try analyze(
            "Arrestati tre cittadini statunitensi\nIeri la televisione iraniana ha annunciato che a Teheran sono stati arrestati tre "
                + "cittadini statunitensi che avevano attraversato il confine dal nord dell'Iraq. Il governo dell'Iran non ha commentato.")
        let arrests = doc.events.filter { $0.type == "COERCE" }
        #expect(arrests.count == 1, "\(arrests.map { doc.text(in: $0.trigger) })")
        let e = try #require(arrests.first)
        #expect(texts(doc, e.source) == ["Iran"])
        let unnamed = try analyze(
            "Lukashenko attacca, arrestati quattro dell'opposizione\nQuesta notte la polizia bielorussa ha arrestato quattro esponenti "
                + "dell'opposizione.")
        let both = unnamed.events.filter { $0.type == "COERCE" }
        #expect(both.count == 1, "\(both.map { unnamed.text(in: $0.trigger) })")
        #expect(both.first.map { texts(unnamed, $0.source) } == ["polizia bielorussa"])
    }

    @Test("A noun in the headline and the same noun in the next sentence, neither with a target, are one act; two verbs are not")
    func headlineNounAndBody() throws {
        let doc = try analyze(
            "Avviata un'inchiesta sui presunti evasori del Liechtenstein\nÈ stata aperta un'inchiesta da parte della procura di Roma "
                + "sul caso dei presunti evasori fiscali con conti in Liechtenstein.")
        let inquiries = doc.events.filter { $0.type == "ACCUSE" }
        let e = try #require(inquiries.first)
        #expect(inquiries.count == 1)
        #expect(texts(doc, e.source) == ["procura"])
        #expect(e.coref.count == 1)
        let arrests = try analyze(
            "A Prato i carabinieri hanno arrestato una donna con l'accusa di usura. Nel pratense invece è stato arrestato un "
                + "commerciante con l'accusa di usura.")
        #expect(arrests.events.filter { $0.type == "COERCE" }.count == 2)
    }

    @Test("An agentless arrest in a headline that names no place takes the place the body names first; elsewhere it does not")
    func headlineJurisdictionAhead() throws {
        let doc = try analyze(
            "Arrestate quattro persone\nQuattro arresti e due etti di droga sequestrata: questo il bilancio dell'operazione condotta ieri a Viterbo."
        )
        let arrests = doc.events.filter { $0.type == "COERCE" }
        let e = try #require(arrests.first)
        #expect(arrests.count == 1)
        #expect(String(doc.text(in: e.trigger)) == "Arrestate")
        #expect(texts(doc, e.source) == ["Viterbo"])
        #expect(texts(doc, e.target) == ["persone"])
        let body = try analyze(
            "Il sindaco ha parlato ai cittadini.\nArrestate quattro persone. Il bilancio dell'operazione condotta ieri a Viterbo è buono.")
        #expect(!body.events.contains { $0.type == "COERCE" })
    }

    @Test("A later noun naming the same arrested man joins the arrest however far it comes")
    func sameNamedTarget() throws {
        let filler = String(repeating: "La città è rimasta tranquilla per tutta la giornata. ", count: 8)
        let doc = try analyze(
            "In Costa d'Avorio la polizia ha arrestato Laurent Gbagbo. " + filler
                + "La televisione ha mostrato le immagini dell'arresto di Gbagbo.")
        let arrests = doc.events.filter { $0.type == "COERCE" }
        #expect(arrests.count == 1)
        #expect(arrests.first?.coref.map { String(doc.text(in: $0)) } == ["arresto"])
        // Another man's arrest as far away is another event.
        let other = try analyze(
            "In Costa d'Avorio la polizia ha arrestato Laurent Gbagbo. " + filler
                + "La televisione ha mostrato le immagini dell'arresto di Charles Blé Goudé.")
        #expect(other.events.filter { $0.type == "COERCE" }.count == 2)
    }
    @Test("A resignation told again with its subject carried over is the one told before; an arrest is not")
    func resignationRetold() throws {
        let doc = try analyze(
            "Con queste parole si è dimesso ieri il presidente Mario Neri. La polizia ha occupato la sede della televisione. "
                + "Successivamente, consigliato dai militari, si è dimesso.")
        let resign = doc.events.filter { $0.type == "RETREAT" }
        #expect(resign.count == 1)
        #expect(resign.first.map { texts(doc, $0.source) } == ["Mario Neri"])
        #expect(resign.first?.coref.count == 1)
    }

    @Test("The person a headline names is whom an agentless arrest is about, on a tie with one named later")
    func headlineTopic() throws {
        let doc = try analyze(
            "Scarcerata Anna Verdi\nAnna Verdi aveva chiesto asilo al Regno Unito. I governi hanno sollecitato "
                + "Paolo Neri. Il caso di Paolo Neri è noto. Arrestata per immigrazione clandestina, ne era stato disposto il rimpatrio.")
        let arrest = try #require(doc.events.first { String(doc.text(in: $0.trigger)) == "Arrestata" })
        #expect(texts(doc, arrest.target) == ["Anna Verdi"])
    }
}
