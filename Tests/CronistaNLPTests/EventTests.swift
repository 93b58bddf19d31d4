import CronistaCore
import Foundation
import Testing

@testable import CronistaNLP

/// The events layer on our own sentences (not news text): frames, exclusions, speech acts, joining
/// re-mentions, derived CAMEO codes, dates, offsets and the lexicon's errors.
@Suite("Events")
struct EventTests {
    static let engine: Engine? = try? Engine()

    func analyze(_ text: String, published: String? = nil) throws -> Document {
        let engine = try #require(Self.engine)
        let doc = try engine.analyze(
            DocumentInput(
                id: "e", text: text, metadata: DocumentMetadata(published: published, declaredLanguage: "it"), origin: "test"))
        #expect(doc.invariantViolations().isEmpty)
        return doc
    }

    func texts(_ doc: Document, _ ps: [Event.Participant]) -> [String] { ps.map { String(doc.text(in: $0.range)) } }

    @Test("A verb's subject is the source, its object the target, a place after 'a' the location")
    func objectFrame() throws {
        let doc = try analyze("Il senatore Marco Ferri ha criticato Paolo Neri durante un comizio a Bologna.")
        let e = try #require(doc.events.first)
        #expect(doc.events.count == 1)
        #expect(e.type == "ACCUSE" && e.mode == "disapprove")
        #expect(doc.text(in: e.trigger) == "ha criticato")
        #expect(texts(doc, e.source) == ["Marco Ferri"])
        #expect(texts(doc, e.target) == ["Paolo Neri"])
        #expect(e.location.map { String(doc.text(in: $0.range)) } == "Bologna")
    }

    @Test("A place the sentence opens on is where its acts happened, unless a verb, a semicolon or 'mentre' comes between")
    func frontedPlace() throws {
        func places(_ text: String) throws -> [String?] {
            let doc = try analyze(text)
            return doc.events.map { e in e.location.map { String(doc.text(in: $0.range)) } }
        }
        #expect(try places("A Chicago i poliziotti hanno lanciato gas lacrimogeni contro i manifestanti.") == ["Chicago"])
        #expect(try places("Nel pomeriggio, a Brooklyn, ci sono stati scontri tra manifestanti e polizia.") == ["Brooklyn"])
        #expect(
            try places("A Roma il sindaco ha incontrato i sindacati; a Milano gli studenti hanno protestato contro il governo.") == [
                "Roma", "Milano"
            ])
        // A place inside a clause before the act is that clause's.
        #expect(
            try places(
                "Dopo le stragi in cui otto cristiani hanno perso la vita a Gorja, nel Pakistan, il Papa ha condannato le violenze dei fondamentalisti."
            )
                == [nil])
    }

    @Test("A passive's subject is the target and its agent the source")
    func passiveFrame() throws {
        let doc = try analyze("Il sindacalista Piero Galli è stato arrestato dalla polizia a Genova.")
        let e = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(e.mode == "arrest")
        #expect(doc.text(in: e.trigger) == "è stato arrestato")
        #expect(texts(doc, e.source) == ["polizia"])
        #expect(texts(doc, e.target).contains { $0.contains("Piero Galli") })
        #expect(e.location.map { String(doc.text(in: $0.range)) } == "Genova")
    }

    @Test("A target after its preposition ('ha protestato contro X')")
    func prepositionFrame() throws {
        let doc = try analyze("Il sindaco Anna Conti ha protestato contro Giulio Moretti.")
        let e = try #require(doc.events.first)
        #expect(e.type == "ACCUSE")
        #expect(texts(doc, e.target) == ["Giulio Moretti"])
    }

    @Test(
        "Negated, conditional and hypothetical events give nothing",
        arguments: [
            "Il senatore Marco Ferri non ha criticato Paolo Neri.",
            "Gli ultras erano visibilmente intenzionati a creare disordini.",
            "Il senatore Marco Ferri criticherebbe Paolo Neri.",
            "Se il senatore Marco Ferri criticasse Paolo Neri, nessuno se ne stupirebbe.",
            "Il senatore Marco Ferri rischia di essere arrestato.",
            // A noun its clause denies, a need, a metaphor, a building, a date ahead, a charge.
            "Il governo di Marco Ferri non aveva fatto alcuna richiesta ai sindacati.",
            "Il senatore Marco Ferri ha affermato che è necessario avviare nuovi colloqui con Paolo Neri.",
            "«Chi spara bordate non si preoccupa del partito», ha detto Marco Ferri.",
            "A Bergamo una scuola è crollata uccidendo dodici persone.",
            "I sindacati hanno presentato la manifestazione contro il governo di sabato prossimo.",
            "Contro l'emendamento si schierano anche diversi senatori della maggioranza.",
            // An act a purpose or a decision makes is not yet; a verb of support that cites claims.
            "Il sindaco Marco Ferri ha negato l'uso della piazza ai sindacati per tenere una manifestazione.",
            "I sindacati hanno deciso di organizzare le proteste contro il governo.",
            "Il rapporto della Brookings è pessimista. Per sperare di fermare la guerra, sostiene lo studio, sarebbero necessari più soldati.",
            "Data la natura ignota del frammento, i tecnici sostengono sia troppo presto per stabilire le conseguenze.",
            // An impersonal verb after a relative pronoun has no actor; opinions held are no support.
            "Eppure ci sono nel mondo fatti per i quali s'implora di far chiarezza da decenni.",
            "Queste sono le fosche previsioni ed opinioni sostenute dallo studio della Brookings.",
            // A threat noun without whom it threatens is a danger; a quotation mark keeps a noun a noun;
            // nobody known shoots in "qualcuno abbia sparato".
            "La NATO ha definito una nuova strategia, identificando le minacce del secolo ed ha aperto le porte alla Russia.",
            "Di Pietro, leader dell'IdV, parla di «difesa della democrazia» e di «minaccia posta dall'esecutivo».",
            "Gli osservatori affermano che non ci sono prove per confermare che qualcuno abbia sparato vicino a Tskhinvali.",
            // Expressing a feeling, uniting, and acts of nobody known.
            "Il senatore Marco Ferri, in un telegramma, ha manifestato il profondo cordoglio per la scomparsa dell'ammiraglio.",
            "Contrario il partito che riunisce la sinistra e i curdi.",
            "Il governo ha messo a disposizione una somma per chi riesca a catturare coloro che hanno ucciso il giudice Paolo Neri.",
            // Asking whether is no request; leadership is no summit; a survey is no inquiry.
            "Il giudice Marco Ferri chiede infatti se la legge sia costituzionale.",
            "Il cambiamento ai vertici del partito è stato subito approvato dal primo ministro Marco Ferri.",
            "Nel centro di Avezzano sono state effettuate dalla Regione indagini geologiche sul terreno.",
            // Hitting one's head, a prayer gathering, demonstrations denied, an inquiry only needed.
            "Il pluricampione tedesco ha picchiato il capo contro una roccia.",
            "A Londra centinaia di persone sono riunite in preghiera nella cattedrale.",
            "Il sindaco Marco Ferri ha dovuto negare lo svolgersi di queste manifestazioni per tutelare l'ordine pubblico.",
            "Il premier Marco Ferri ha parlato della assoluta necessità di istituire un'apposita commissione d'inchiesta che individui i magistrati implicati.",
            // A negation before the verb's pronoun; meeting with obstacles; asking not to be named;
            // a party's leaders; needing rather than asking.
            "I consiglieri del Pd non l'hanno sostenuta.",
            "La tesi della difesa incontra pochi punti di contatto con quella dell'accusa.",
            "Il dirigente del ministero Marco Ferri ha chiesto l'anonimato.",
            "I vertici del partito erano presenti alla cerimonia.",
            "La situazione richiede un'iniziativa politica del governo.",
            "Il medico ha detto che l'infortunio richiede molto tempo.",
            // An attack ruled out; pictures captured.
            "La polizia ha escluso che questa esplosione possa essere un attentato terroristico.",
            "Il Very Large Telescope dell'ESO ha catturato alcune immagini del pianeta.",
            // A sentence passed is no condemnation (its target here no known actor); a heart stopping.
            "Un giudice di Hannover ha condannato un immigrato italiano a tre anni di carcere.",
            "A Mosca è morto Jurij Sapega, stroncato da un arresto cardiaco.",
            // Suffering pain, a boxing match (two sports words in the document), a goal that seals a win.
            "La tennista russa Marta Neri ha accusato un forte dolore alla spalla.",
            "Il cantante Marco Neri ha interrotto il concerto dopo aver accusato un primo malessere.",
            // Balloons released, a ball cleared in a football report; leaning on a ruling is no support.
            "Il sindaco Marco Neri ha acceso le lanterne liberando nell'aria palloncini rosa.",
            "Il portiere Green smanaccia il pallone, che colpisce il palo e viene poi liberato dalla difesa del Milan.",
            "Il presidente dell'associazione Marco Neri ha parlato a lungo, appoggiandosi alle sentenze.",
            "Il pugile Marco Neri ha condotto l'incontro con grande abilità, battendo ai punti il campione del mondo di boxe.",
            "Il difensore Marco Materazzi sigla la vittoria finale segnando la rete dal dischetto.",
            // "una breve visita" is the noun (a doctor's, with no actor), not the verb with "una breve" for subject.
            "Qui il dottore, dopo una breve visita, attesta la morte del paziente.",
            // A disease and chemicals are no actors.
            "Il colera ha ucciso più di 180 persone nel 2011.",
            "Gli estratti chimici del cervello hanno ucciso alcuni batteri resistenti.",
            // "a seguito di" is a preposition, not a participle whose subject investigates.
            "Il giornalista Ján Kuciac è stato ucciso a seguito di indagini troppo profonde.",
            // A speaker phrase read past its verb ("… è in continua espansione e") names no actor.
            "L'epidemia di colera che sta martoriando il paese africano dello Zimbabwe è in continua espansione e minaccia di sconfinare nei paesi vicini.",
            // A town is said to kill only as the place an earthquake struck.
            "Il sisma ha avvicinato il primato del terremoto del 1976, che con i suoi 8 gradi di magnitudo devastò Tangshan uccidendo quasi 300.000 persone.",
            // Shooting oneself is no assault; a defence's own inquiries are no act of authority.
            "Il sospetto è stato ricoverato all'ospedale di Helsinki dopo essersi sparato alla testa.",
            "L'avvocato Marco Neri ha detto che le indagini difensive dimostreranno l'innocenza del suo assistito.",
            // Killing an animal is no assault.
            "Il cacciatore Marco Neri ha ucciso un cane che dava fastidio alla famiglia.",
            // A form between a list's commas is one of the listed nouns ("chiese": churches, not asked).
            "In Mali si parla di distruzioni di scuole, ospedali, chiese e strade da parte dei ribelli.",
            // After a singular determiner a form that is also a noun is the noun: no accusation made.
            "Marco Travaglio ha risposto di non aver lanciato alcuna accusa, ma di aver fatto solo cronaca.",
            // Protests that "come from" mayors are complaints, no demonstration.
            "Proteste sono arrivate anche dai sindaci di Roma e Torino.",
            // Rejecting accusations is a denial, however strongly put, not a REJECT.
            "L'Unione respinge fortemente le accuse del centrodestra.",
            // Being sent out of a courtroom is no deportation.
            "In Iraq, da registrare l'espulsione dall'aula dell'ex ministro della giustizia Usa, Ramsey Clark.",
            // A participle after an article and a number names people, no act.
            "La Cina è il primo paese per numero di esecuzioni legali, con una somma che, aggirandosi intorno ai 5.000 condannati all'anno, supera il numero di tutte le esecuzioni negli altri paesi (Stati Uniti inclusi).",
            // A simple verb with a name after it and no quotation: the name is as often its subject.
            "In salita attacca Gilbert, che vince la tappa.",
            // An act its governing verb averts or ends did not take place.
            "La polizia ha sventato un attentato contro il premier.",
            "Secondo il ministro Giuliano Amato è stato sventato un attentato.",
            "Il sindaco Marco Ferri ha perso il sostegno del partito.",
            // A possibility is no event; a cyber attack whose authors nobody names is nobody's.
            "Secondo la stampa c'è la possibilità che il sindaco Marco Ferri venga arrestato.",
            "Un attacco informatico ha colpito ieri un albergo di Vienna.",
            // A visit with no host named, made by no public figure or body, is private.
            "Dopo una settimana i familiari andarono a fargli visita.",
            "Il medico Marco Neri ha visitato oltre 140 bambini.",
            // "da parte di" after "contro" and a noun of action names that action's actor, not the protesters'.
            "A Dallas si è tenuta una protesta contro le uccisioni di afroamericani da parte delle forze dell'ordine.",
            // Apologies a relative clause says someone asked for are no request.
            "Il sindaco ha citato le scuse continue che Marco Neri ha chiesto per il suo gesto."
        ])
    func excluded(text: String) throws {
        #expect(try analyze(text).events.isEmpty, "\(text)")
    }

    @Test("A negated ban leaves the act it governs, and so do a date behind and a purpose acting on it; an apology is a concession")
    func negationKeepsAndApology() throws {
        let kept = try analyze("A Milano non è stata vietata la manifestazione dei sindacati contro il governo.")
        #expect(kept.events.map(\.type) == ["PROTEST"])
        // So does a negated verb that would avert it.
        let notPrevented = try analyze("La polizia non ha impedito la manifestazione degli studenti.")
        #expect(notPrevented.events.map(\.type) == ["PROTEST"])
        let past = try analyze("I sindacati hanno presentato la manifestazione contro il governo di sabato scorso.")
        #expect(past.events.map(\.type) == ["PROTEST"])
        let dispersed = try analyze("La polizia ha cercato di disperdere il corteo dei sindacati contro il governo.")
        #expect(dispersed.events.map(\.type).contains("PROTEST"))
        let doc = try analyze("Il sindaco Marco Ferri ha ammesso l'errore, chiedendo scusa ai cittadini.")
        let e = try #require(doc.events.first)
        #expect(doc.events.count == 1)
        #expect(e.type == "CONCEDE")
        #expect(String(doc.text(in: e.trigger)) == "chiedendo scusa")
        #expect(texts(doc, e.source) == ["Marco Ferri"])
    }

    @Test(
        "The type and first source: an actor that requires asks; a form that is noun and verb is the noun after an agreeing article and one word, the verb after its subject",
        arguments: [
            ("La Procura di Roma richiede il rinvio a giudizio di Marco Ferri.", ["REQUEST"], ["Procura"]),
            ("La Lega, che richiede le dimissioni del ministro, ha votato contro.", ["REQUEST"], ["Lega"]),
            ("I consiglieri del Pd hanno sostenuto la mozione del sindaco Marco Ferri.", ["SUPPORT"], ["Pd"]),
            ("Il ministro Marco Neri è a Kiev per una breve visita.", ["CONSULT"], ["Marco Neri"]),
            // A masculine article cannot open the feminine noun "accusa".
            ("Il centrodestra accusa il centrosinistra di appoggiare i teppisti.", ["ACCUSE"], ["Il centrodestra"]),
            // A direct quotation's cue with the name after it: the speaker attacks.
            ("«Il governo sbaglia tutto», attacca Marco Neri.", ["ACCUSE"], ["Marco Neri"]),
            // A head of state hosting a premier is the premier's visit; a regime executing a dissident assaults him.
            ("Il presidente Mattarella ha ospitato il premier Modi al Quirinale.", ["CONSULT"], ["Modi"]),
            ("Il regime iraniano ha giustiziato il dissidente Ahmad Reza.", ["ASSAULT"], ["regime iraniano"]),
            // Breaking into computer systems is a cyber attack.
            ("Gli hacker cinesi violano i sistemi informatici del Parlamento inglese.", ["COERCE"], ["Gli hacker cinesi"]),
            // A protest against a policy is by whoever "da parte di" names.
            ("A Roma si è tenuta una protesta contro la riforma da parte degli studenti.", ["PROTEST"], ["studenti"]),
            // A participle after "e" shares the auxiliary of the one before it.
            ("Amnesty ha documentato e denunciato attacchi contro abitazioni civili.", ["ACCUSE"], ["Amnesty"]),
            // Armed groups are actors; attacks they make are received by whom they strike; bombs are dropped.
            ("Il quartiere subisce attacchi dai gruppi armati islamisti.", ["ASSAULT"], ["gruppi armati"]),
            ("Poi gli Stati Uniti hanno sganciato circa 40 bombe su Tripoli.", ["ASSAULT"], ["Stati Uniti"]),
            // A complaint lodged with the prosecutors.
            ("L'ANPI ha presentato un esposto in Procura contro il sindaco.", ["ACCUSE"], ["ANPI"]),
            // An apology asked for "più volte" is still an apology, not a request.
            ("Il comandante Marco Neri ha chiesto più volte scusa per il suo gesto.", ["CONCEDE"], ["Marco Neri"]),
            // A suicide attack: the reflexive is part of the form, which is active; borders closed.
            ("Tre attentatori si sono fatti esplodere nei dintorni dello stadio.", ["ASSAULT"], ["attentatori"]),
            ("Gli attentatori sono entrati nel teatro facendosi poi esplodere.", ["ASSAULT"], ["attentatori"]),
            ("Il governo ha chiuso le frontiere del paese.", ["COERCE"], ["governo"]),
            // A resignation told in the pluperfect or the simple past; house arrest refused; a claim
            // called unfounded; an army's outposts attacked.
            ("Lunedì il ministro Maurizio Lupi si era dimesso in seguito alle pressioni politiche.", ["RETREAT"], ["Maurizio Lupi"]),
            ("Il presidente Hosni Mubarak si dimise l'11 febbraio.", ["RETREAT"], ["Hosni Mubarak"]),
            ("Il giudice nega gli arresti domiciliari all'imprenditore Ercole Incalza.", ["REJECT"], ["giudice"]),
            ("La Georgia ha definito le accuse «infondate e fuorvianti».", ["ACCUSE"], ["Georgia"]),
            ("L'esercito georgiano ha attaccato gli avamposti dell'Ossezia.", ["ASSAULT"], ["esercito georgiano"]),
            // A walkout "in segno di protesta" is its subject's protest; support, admiration; opening fire.
            ("Durante la votazione il PdL ha invece lasciato l'aula in segno di protesta.", ["PROTEST"], ["PdL"]),
            ("Durante la votazione il Partito Democratico e SEL hanno supportato Rosy Bindi.", ["SUPPORT"], ["Partito Democratico", "SEL"]),
            ("Mancino ha espresso sincera ammirazione per il presidente Giorgio Napolitano.", ["SUPPORT"], ["Mancino"]),
            ("Due persone armate hanno aperto il fuoco contro un agente di polizia.", ["ASSAULT"], ["persone"]),
            // Expressed displeasure is disapproval.
            ("Il governo cinese ha espresso forte insoddisfazione per la decisione del Giappone.", ["ACCUSE"], ["governo cinese"]),
            ("Il sindaco Adrian Fenty ha espresso disappunto sull'esito della sentenza.", ["ACCUSE"], ["Adrian Fenty"]),
            // Inviting someone not to do something is a request, like inviting them to do it.
            ("Il ministro ha invitato i sindacati a non scioperare.", ["REQUEST"], ["Il ministro"]),
            // Words that call an act a coup or blackmail, said in a quotation, accuse.
            ("«Questo è un golpe», ha detto il segretario Mario Rossi.", ["ACCUSE"], ["Mario Rossi"]),
            // Armed or political groups named by a plain noun are actors.
            ("I filorussi hanno occupato la sede del governo regionale.", ["COERCE"], ["filorussi"]),
            // Violating a truce is a use of force (CAMEO 196).
            ("Le truppe governative hanno violato la tregua nella notte.", ["ASSAULT"], ["truppe"]),
            // A sense's context words count in the clause's subject, however far: a judge condemning is
            // sentencing; the police stopping people detain them.
            (
                "La giudice della Corte d'appello di Milano Anna Bianchi ha letto il dispositivo, condannando l'ex sindaco Marco Neri.",
                ["SANCTION"], ["Anna Bianchi"]
            ),
            (
                "La polizia ucraina è intervenuta a Kiev fermando centinaia di persone del gruppo nazionalista.", ["COERCE"],
                ["polizia ucraina"]
            ),
            // A title and complement the text gave a name to (here or before) is that person, even when
            // the complement ends in a name of its own.
            (
                "Arrivano proteste dal Ministro dell'università e della Ricerca, Fabio Mussi. Poi il ministro dell'università e della Ricerca ha criticato le norme sulla scuola.",
                ["PROTEST", "ACCUSE"], ["Fabio Mussi"]
            ),
            // Handing back one's mandate is a resignation.
            (
                "Il premier Enrico Letta ha rimesso il proprio mandato nelle mani del presidente Giorgio Napolitano.", ["RETREAT"],
                ["Enrico Letta"]
            )
        ])
    func typeAndFirstSource(text: String, types: [String], source: [String]) throws {
        let doc = try analyze(text)
        #expect(doc.events.map(\.type) == types, "\(text)")
        #expect(texts(doc, try #require(doc.events.first).source) == source, "\(text)")
    }

    @Test("What a charge charges is no act of its own ('accusati di rivolta' is no riot); the charge is the state's")
    func chargeOfRiot() throws {
        let doc = try analyze("Oltre cento dimostranti sono comparsi davanti al giudice a Teheran, in Iran, accusati di rivolta.")
        #expect(!doc.events.contains { $0.type == "PROTEST" })
        let charge = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(charge.mode == "allege")
        #expect(texts(doc, charge.source) == ["Iran"])
        #expect(texts(doc, charge.target) == ["dimostranti"])
    }

    @Test("A bare participle of support after a thing describes the thing: no support given to anyone")
    func supportedThings() throws {
        for text in [
            "Il re aveva promesso elezioni in seguito alle manifestazioni sostenute dai Fratelli Musulmani.",
            "Gran parte del capitale si era espressa a favore del rinvio sostenuto dal presidente della Fondazione Antonella Mansi."
        ] {
            let doc = try analyze(text)
            #expect(!doc.events.contains { $0.type == "SUPPORT" }, "\(text)")
        }
    }

    @Test("Whoever bans a protest is not its protester; its own 'di' complement is")
    func bannedProtest() throws {
        let banned = try analyze("Il governo di Marco Neri ha vietato le proteste.")
        #expect(banned.events.map(\.type) == ["COERCE"])
        let named = try analyze("Il governo ha vietato le proteste dei sindacati.")
        #expect(named.events.map(\.type) == ["COERCE", "PROTEST"])
        #expect(texts(named, named.events[1].source) == ["sindacati"])
    }

    @Test("Found guilty is a conviction by whoever finds it; recognising a government is support")
    func foundGuilty() throws {
        let doc = try analyze("Il senatore Marco Ferri è stato riconosciuto dalla Corte suprema colpevole di frode fiscale.")
        let e = try #require(doc.events.first)
        #expect(doc.events.map(\.type) == ["SANCTION"])
        #expect(e.mode == "convict")
        #expect(texts(doc, e.source) == ["Corte suprema"])
        #expect(texts(doc, e.target) == ["Marco Ferri"])
        let recognised = try analyze("La Francia ha riconosciuto il governo di transizione della Libia.")
        #expect(recognised.events.map(\.type) == ["SUPPORT"])
    }

    @Test("Congratulations given or received are support from whoever gives them")
    func congratulations() throws {
        for text in [
            "Il premier Marco Ferri ha porto le congratulazioni a Paolo Neri per la vittoria.",
            "Il segretario Paolo Neri ha ricevuto le congratulazioni del presidente Marco Ferri."
        ] {
            let doc = try analyze(text)
            let e = try #require(doc.events.first, "\(text)")
            #expect(doc.events.count == 1)
            #expect(e.type == "SUPPORT")
            #expect(texts(doc, e.source) == ["Marco Ferri"])
            #expect(texts(doc, e.target) == ["Paolo Neri"])
        }
    }

    @Test("Whoever criticises an act is not its actor")
    func criticNotActor() throws {
        let doc = try analyze("La Lega Araba ha criticato i bombardamenti sulla Libia.")
        #expect(doc.events.map(\.type) == ["ACCUSE"])
    }

    @Test("A lexicon form that holds its auxiliary is a verb group, not a bare participle")
    func formsWithAuxiliary() throws {
        for (text, type, trigger) in [
            ("Il sindaco Marco Ferri ha chiesto scusa ai cittadini.", "CONCEDE", "ha chiesto scusa"),
            ("Il sindaco Marco Ferri si è scusato con i cittadini.", "CONCEDE", "si è scusato"),
            ("I sindacati hanno manifestato contro il governo a Roma.", "PROTEST", "hanno manifestato")
        ] {
            let doc = try analyze(text)
            let e = try #require(doc.events.first, "\(text)")
            #expect(e.type == type, "\(text)")
            #expect(String(doc.text(in: e.trigger)) == trigger)
        }
    }

    @Test("A quotation calling something a lie is an ACCUSE performed by its speaker")
    func speechAct() throws {
        let doc = try analyze("Il ministro Fabio Greco ha dichiarato: «Quello che raccontano i giornali del Nord è una bugia».")
        let q = try #require(doc.quotes.first)
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(e.quote == Event.QuoteLink(quote: 0, role: .act))
        // The speaker, by the name that follows the title the quote layer took.
        #expect(e.source.first?.entity == q.speaker?.entity)
        #expect(texts(doc, e.source) == ["Fabio Greco"])
        #expect(doc.text(in: e.trigger).hasSuffix("bugia"))
        #expect(e.claim.map { String(doc.text(in: $0)) }?.hasPrefix("Quello che raccontano") == true)
    }

    @Test("'È colpa del governo' in a quotation accuses the government; a bare 'colpa' does not")
    func faultOf() throws {
        let doc = try analyze("Il senatore Marco Ferri ha detto: «La crisi è colpa del governo».")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(doc.text(in: e.trigger) == "è colpa")
        #expect(e.target.map { String(doc.text(in: $0.range)) } == ["governo"])
        let stance = try analyze("Il ministro Marco Ferri ha detto: «È inaccettabile la posizione di Paolo Neri».")
        let s = try #require(stance.events.first { $0.type == "ACCUSE" })
        #expect(s.target.map { String(stance.text(in: $0.range)) } == ["Paolo Neri"])
        let guilt = try analyze("Il senatore Marco Ferri ha detto: «Non deve sentirsi in colpa per l'accaduto».")
        #expect(!guilt.events.contains { $0.type == "ACCUSE" })
        // A speaker that names no known actor performs no act.
        let journalist = try analyze("Il giornalista ha scritto: «È una vergogna».")
        #expect(!journalist.events.contains { $0.type == "ACCUSE" })
    }

    @Test("Protesting in the square is a protest, protesting to a minister a complaint; censuring a remark is criticism")
    func protestAndCensure() throws {
        let square = try analyze("Migliaia di studenti hanno protestato in piazza contro la riforma del ministro Elena Russo.")
        #expect(square.events.first?.type == "PROTEST")
        // A crowd protesting demonstrates.
        let crowd = try analyze("La polizia ha disperso la folla, che stava protestando pacificamente con i cartelli.")
        #expect(crowd.events.contains { $0.type == "PROTEST" })
        #expect(!crowd.events.contains { $0.type == "ACCUSE" })
        let complaint = try analyze("Il sindaco Dario Gentile ha protestato con il ministro Elena Russo per i tagli.")
        #expect(complaint.events.first?.type == "ACCUSE")
        let remark = try analyze("Il presidente della Camera, Mario Bassi, ha censurato l'accaduto.")
        #expect(remark.events.first?.type == "ACCUSE")
        let feeling = try analyze("Il leader Mario Bassi ha manifestato la sua delusione nei confronti del governo.")
        #expect(!feeling.events.contains { $0.type == "PROTEST" })
        let right = try analyze("Russia e Cina, che hanno diritto di veto, si sono opposte.")
        #expect(!right.events.contains { $0.type == "REJECT" })
        let scheduled = try analyze("I sindacati hanno parlato della manifestazione prevista per il 12 giugno a Roma.")
        #expect(!scheduled.events.contains { $0.type == "PROTEST" })
        let threat = try analyze("Le milizie di Mario Bassi minacciano attentati contro il governo.")
        #expect(threat.events.map(\.type) == ["THREATEN"])
        let session = try analyze("In Senato alle 16 si è riunita la seduta presieduta dal presidente Mario Bassi.")
        #expect(!session.events.contains { $0.type == "CONSULT" })
        let received = try analyze("Il ministro Elena Russo ha ricevuto dure critiche dal sindaco Dario Gentile.")
        #expect(!received.events.contains { $0.type == "CONSULT" })
        let press = try analyze("Il governo ha censurato i giornali dell'opposizione.")
        #expect(press.events.first.map { [$0.type, $0.mode ?? ""] } == ["COERCE", "censor"])
    }

    @Test("A later noun mention of a meeting joins it instead of making a new event")
    func coref() throws {
        let doc = try analyze("Il premier Carlo Bianchi ha incontrato Luisa Rinaldi a Torino. I colloqui sono durati tre ore.")
        let meetings = doc.events.filter { $0.type == "CONSULT" }
        #expect(meetings.count == 1)
        let e = try #require(meetings.first)
        #expect(e.coref.map { String(doc.text(in: $0)) } == ["colloqui"])
        // A reciprocal meeting: both are sources, nobody is the target.
        #expect(Set(texts(doc, e.source)) == ["Carlo Bianchi", "Luisa Rinaldi"])
        #expect(e.target.isEmpty)
    }

    @Test("Coordinated subjects with appositions are one compound source")
    func compoundSource() throws {
        let doc = try analyze("Il ministro Mario Rossi e la ministra Lucia Verdi hanno incontrato i sindacati a Roma.")
        let e = try #require(doc.events.first { $0.type == "CONSULT" })
        // A reciprocal meeting: the compound actor and the object are all sources.
        #expect(Set(texts(doc, e.source)).isSuperset(of: ["Mario Rossi", "Lucia Verdi"]))
        #expect(e.target.isEmpty)
    }

    @Test("Talks held during a visit are one CONSULT from the visitor to the host")
    func visit() throws {
        let doc = try analyze(
            "Il presidente Carlo Bianchi e il premier Paolo Neri, stanno conducendo negoziati a Torino, "
                + "nel primo giorno della visita di lavoro del premier Neri in Italia.")
        let consults = doc.events.filter { $0.type == "CONSULT" }
        #expect(consults.count == 1)
        let e = try #require(consults.first)
        #expect(e.mode == "visit")
        #expect(e.coref.map { String(doc.text(in: $0)) } == ["visita"])
        #expect(texts(doc, e.source) == ["Paolo Neri"])
        #expect(texts(doc, e.target) == ["Carlo Bianchi"])
    }

    @Test("A gerund's source is the subject of the clause that governs it")
    func gerund() throws {
        let doc = try analyze("La senatrice Anna Conti ha lasciato l'aula, criticando Giulio Moretti.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(doc.text(in: e.trigger) == "criticando")
        #expect(texts(doc, e.source) == ["Anna Conti"])
        #expect(texts(doc, e.target) == ["Giulio Moretti"])
    }

    @Test("A group named by a plain noun phrase can be the source")
    func plainNounSource() throws {
        let doc = try analyze("I portuali genovesi criticano il governo.")
        let e = try #require(doc.events.first)
        #expect(e.type == "ACCUSE")
        #expect(texts(doc, e.source) == ["I portuali genovesi"])
        #expect(e.source.first?.entity == nil)
    }

    @Test("An agentless arrest takes the country the text names, not the city")
    func jurisdiction() throws {
        let doc = try analyze("Due attivisti sono stati arrestati a Lione, in Francia.")
        let e = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, e.source) == ["Francia"])
    }

    @Test("A lie's target is whom the quotation says made the claim; the claim is the sentence before")
    func lieTarget() throws {
        let doc = try analyze(
            "«Loro raccontano che vogliamo chiudere il confine. Questa è una bugia», ha detto il ministro Fabio Greco.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(e.source.first?.entity == doc.quotes.first?.speaker?.entity)
        #expect(texts(doc, e.source) == ["Fabio Greco"])
        #expect(e.quote?.role == .act)
        #expect(texts(doc, e.target) == ["Loro"])
        #expect(e.claim.map { String(doc.text(in: $0)) } == "Loro raccontano che vogliamo chiudere il confine")
    }

    @Test("A noun is an event when a verb governs it; the thing a request asks for is part of the request")
    func nouns() throws {
        let appeal = try analyze("Il presidente Carlo Bianchi ha espresso un forte appello ai sindacati.")
        let e = try #require(appeal.events.first)
        #expect(appeal.events.count == 1 && e.type == "REQUEST")
        #expect(texts(appeal, e.source) == ["Carlo Bianchi"])
        #expect(try analyze("Il corteo si è concluso in serata.").events.isEmpty)
        let release = try analyze("L'avvocato Paolo Neri chiede la scarcerazione di Gino Sala.")
        #expect(release.events.map(\.type) == ["REQUEST"])
    }

    @Test("Verb morphology: an enclitic object, an adverb inside the verb group, a sentence to prison")
    func morphology() throws {
        let clitic = try analyze("La senatrice Anna Conti ha risposto al ministro Paolo Neri, accusandolo di mentire.")
        let accuse = try #require(clitic.events.first { $0.type == "ACCUSE" })
        #expect(clitic.text(in: accuse.trigger) == "accusandolo")
        #expect(texts(clitic, accuse.source) == ["Anna Conti"])
        #expect(texts(clitic, accuse.target) == ["Paolo Neri"])
        let adverb = try analyze("I sindaci hanno immediatamente condannato Paolo Neri.")
        #expect(adverb.events.map { adverb.text(in: $0.trigger) } == ["hanno immediatamente condannato"])
        let prison = try analyze("Il sindacalista Piero Galli è stato condannato in Francia a tre anni di carcere.")
        #expect(prison.events.map(\.type) == ["SANCTION"])
        #expect(prison.events.first?.mode == "convict")
    }

    @Test("A reported act without its own subject is the speaker's, linked as a report")
    func reportedOwnAct() throws {
        let doc = try analyze("Il premier Carlo Bianchi ha detto che mercoledì chiederà la fiducia al Parlamento.")
        let e = try #require(doc.events.first { $0.type == "REQUEST" })
        #expect(e.source.first?.entity != nil && e.source.first?.entity == doc.quotes.first?.speaker?.entity)
        #expect(e.quote?.role == .report)
    }

    @Test("CAMEO code and quad come from the type and mode")
    func cameo() throws {
        let doc = try analyze("Il senatore Marco Ferri ha criticato Paolo Neri. La polizia ha arrestato Gino Sala.")
        #expect(doc.events.map(\.cameo) == ["111", "17"])
        #expect(doc.events.map(\.quad) == [3, 4])
        let table = try CameoTable.bundled()
        #expect(table.project(type: "CONSULT", mode: "visit")?.cameo == "042")
        #expect(table.project(type: "CONSULT", mode: "multilateral")?.cameo == "04")
        #expect(table.project(type: "ASSAULT", mode: "beat")?.cameo == "18")
        #expect(table.project(type: "ASSAULT", mode: "beat")?.quad == 4)
    }

    @Test("A present-perfect report takes the article's date; a remote past gets none")
    func date() throws {
        let now = try analyze("Il senatore Marco Ferri ha criticato Paolo Neri.", published: "2025-03-02T10:00:00Z")
        #expect(now.events.first?.date == "2025-03-02")
        let then = try analyze("Il senatore Marco Ferri criticò Paolo Neri.", published: "2025-03-02")
        #expect(then.events.count == 1)
        #expect(then.events.first?.date == nil)
        let undated = try analyze("Il senatore Marco Ferri ha criticato Paolo Neri.")
        #expect(undated.events.first?.date == nil)
    }

    @Test("Output offsets are code points into the text")
    func codePoints() throws {
        let text = "Città più 🙂 già: il senatore Marco Ferri ha criticato Paolo Neri."
        let doc = try analyze(text)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(doc.analysisJSON())) as? [String: Any])
        let events = try #require(json["events"] as? [[String: Any]])
        let trigger = try #require(events.first?["trigger"] as? [String: Any])
        let start = try #require(trigger["start"] as? Int)
        let end = try #require(trigger["end"] as? Int)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "ha criticato")
        #expect(events.first?["cameo"] as? String == "111")
    }

    @Test("A malformed lexicon line throws the pack's error with file and line")
    func malformedLine() throws {
        let text = "# a comment\nv\tincontrare\tCONSULT\t-\t-\nv\tincontrare\tMEET\t-\t-\n"
        do {
            _ = try EventLexicon(text: text, rules: ItalianRules(), file: "Languages/it/event-triggers.tsv")
            Issue.record("no error")
        } catch let e as LanguagePackError {
            #expect(e.file == "Languages/it/event-triggers.tsv")
            #expect(e.line == 3)
            #expect(e.description.contains("MEET"))
        }
        #expect(throws: LanguagePackError.self) {
            try EventLexicon(text: "v\tincontrare\tCONSULT\n", rules: ItalianRules(), file: "x.tsv")
        }
        // A document-topic list that is not there is named with the line that asks for it.
        do {
            _ = try EventLexicon(
                text: "@sport\tcalcio\nn\tincontro\tCONSULT\t-\tnotin=sports;forms=incontro\n", rules: ItalianRules(), file: "x.tsv")
            Issue.record("no error")
        } catch let e as LanguagePackError {
            #expect(e.line == 2)
            #expect(e.description.contains("sports"))
        }
        #expect(throws: LanguagePackError.self) {
            try CameoTable(text: "ACCUSE\t-\t11\t7\n", file: "Events/plover-cameo.tsv")
        }
    }

    @Test("The bundled Italian pack has the trigger lexicon")
    func bundled() throws {
        let pack = try #require(try LanguagePacks.bundled()["it"])
        let lexicon = try #require(pack.eventLexicon)
        #expect(lexicon.entries["incontrato"]?.first?.type == "CONSULT")
        #expect(lexicon.list("negation").contains("non"))
    }
    @Test("An event noun after 'di' and a noun of kind is a quality ('uomo di mediazione'), after another noun an act")
    func qualityOf() throws {
        let kind = try analyze(
            "Walter Veltroni, che di solito è dipinto come uomo di mediazione e avvicinamento, non può però ignorare l'intervento di Parisi."
        )
        #expect(!kind.events.contains { $0.type == "CONSULT" })
        let act = try analyze(
            "Walter Veltroni, che di solito è dipinto come maestro di mediazione e avvicinamento, non può però ignorare l'intervento di Parisi."
        )
        #expect(act.events.contains { $0.type == "CONSULT" })
        // One adjective may stand between the noun of kind and "di".
        let named = try analyze(
            "Carla Del Ponte, membro della commissione indipendente d'inchiesta sulla Siria, ha parlato ai giornalisti.")
        #expect(!named.events.contains { $0.mode == "investigate" })
    }
    @Test("A refusal worded as a negation is REJECT ('non ha riconosciuto', 'non accetta'); the same verb unnegated is not")
    func negatedRefusal() throws {
        let doc = try analyze("Il presidente Laurent Gbagbo non ha mai riconosciuto la vittoria di Alassane Ouattara.")
        let e = try #require(doc.events.first)
        #expect(e.type == "REJECT")
        #expect(String(doc.text(in: e.trigger)) == "non ha mai riconosciuto")
        #expect(texts(doc, e.target) == ["Alassane Ouattara"])
        let refused = try analyze("Il governo non accetta la proposta dei sindacati.")
        #expect(refused.events.map(\.type) == ["REJECT"])
        let accepted = try analyze("Il governo accetta la proposta dei sindacati.")
        #expect(accepted.events.map(\.type) == ["AGREE"])
        let recognised = try analyze("Il presidente Laurent Gbagbo ha riconosciuto la vittoria di Alassane Ouattara.")
        #expect(!recognised.events.contains { $0.type == "REJECT" })
    }
    @Test("Chemical weapons used are an unconventional assault; chemical weapons held are none")
    func chemicalWeapons() throws {
        let used = try analyze("Il regime di Assad ha utilizzato armi chimiche contro la popolazione civile.")
        let e = try #require(used.events.first { $0.type == "ASSAULT" })
        #expect(e.mode == "unconventional")
        #expect(String(used.text(in: e.trigger)) == "armi chimiche")
        let held = try analyze("I ribelli erano in possesso di armi chimiche.")
        #expect(!held.events.contains { $0.type == "ASSAULT" })
    }
}
