import CronistaCore
import Foundation
import Testing

@testable import CronistaNLP

/// Event participants found through phrases around the trigger, on our own sentences: a
/// correlative pair, `nei confronti di`, a participle's agent after a noun, a purpose clause.
@Suite("Event arguments")
struct EventArgumentTests: EventFixture {
    /// One case of an argument rule: the sentence, the trigger, and the source and target words expected.
    struct ArgumentCase: Sendable, CustomStringConvertible {
        let text: String, trigger: String, source: [String], target: [String]
        var description: String { text }
    }

    @Test(
        "Arguments read through settings, relatives, comparisons, quantities and rejected requests",
        arguments: [
            // An age after the noun ends the phrase on the noun: the man, not "41 anni".
            ArgumentCase(
                text: "Nel Sud Dakota un uomo di 41 anni è stato arrestato dalla polizia.", trigger: "è stato arrestato",
                source: ["polizia"], target: ["un uomo"]),
            // A place phrase the clause layer took for the subject is a setting.
            ArgumentCase(
                text: "Negli Stati Uniti circa 1400 persone sono state arrestate dalla polizia.", trigger: "sono state arrestate",
                source: ["polizia"], target: ["persone"]),
            // A list of titled names whose first member has its title before the name.
            ArgumentCase(
                text:
                    "La cancelliera Angela Merkel, il presidente della Commissione Europea, Barroso, e il presidente del Parlamento Europeo, Hans Gert Poettering, hanno firmato la dichiarazione di Berlino.",
                trigger: "hanno firmato", source: ["Angela Merkel", "Barroso", "Hans Gert Poettering"], target: []),
            // An inherited subject whose place is the head's "di" complement: the name in apposition acts.
            ArgumentCase(
                text: "Il vescovo di Washington, Mariann E. Budde, ha parlato ai giornalisti. Ha inoltre criticato la Guardia Nazionale.",
                trigger: "Ha inoltre criticato", source: ["Mariann E. Budde"], target: ["Guardia Nazionale"]),
            // The object past a short phrase of manner or cause.
            ArgumentCase(
                text: "Il ministro ha criticato con durezza il sindaco Mario Rossi.", trigger: "ha criticato", source: ["ministro"],
                target: ["Mario Rossi"]),
            ArgumentCase(
                text: "La polizia ha arrestato per rapina gli uomini.", trigger: "ha arrestato", source: ["polizia"], target: ["uomini"]),
            // A passive's subject after the participle, past a place phrase.
            ArgumentCase(text: "Arrestato Mario Neri, il sindaco di Bari.", trigger: "Arrestato", source: ["Bari"], target: ["Mario Neri"]),
            // A passive opening its sentence names its subject last, past its complements; not a
            // name in apposition in the agent phrase, nor a noun a participle governs.
            ArgumentCase(
                text: "È stato arrestato ieri dalla polizia con l'accusa di truffa ai danni dello Stato il cardiochirurgo Carlo Neri.",
                trigger: "È stato arrestato", source: ["polizia"], target: ["Carlo Neri"]),
            ArgumentCase(
                text: "È stato ucciso da due uomini ritenuti agenti segreti.", trigger: "È stato ucciso", source: ["uomini"], target: []),
            // A parenthesis between dashes holds no subject; nor does an aside opened by a gerund.
            ArgumentCase(
                text: "Gli Stati Uniti e la Cina - che hanno diritto di veto in quanto membri permanenti - si sono opposti all'intervento.",
                trigger: "si sono opposti", source: ["Stati Uniti", "Cina"], target: []),
            ArgumentCase(
                text:
                    "Il sindaco Paolo Neri, appena eletto, promettendo un processo al prefetto Marco Bianchi, ha incontrato i ministri.",
                trigger: "ha incontrato", source: ["Paolo Neri", "ministri"], target: []),
            // Militias, troops and guerrillas are actors.
            ArgumentCase(
                text: "Paolo Neri ha invitato le proprie milizie a sciogliersi.", trigger: "ha invitato",
                source: ["Paolo Neri"], target: ["milizie"]),
            // Bracketed affiliations split no compound actor and are no pronoun's antecedent.
            ArgumentCase(
                text:
                    "Anna Neri ha criticato il giornalista Marco Travaglio, mentre Mario Adinolfi (PD) e Antonio Di Pietro (IdV) lo hanno sostenuto.",
                trigger: "hanno sostenuto", source: ["Mario Adinolfi", "Antonio Di Pietro"], target: ["Marco Travaglio"]),
            // A relative pronoun after "N di X," stands for the phrase's head, not its complement.
            ArgumentCase(
                text: "L'esecuzione è stata rinviata per l'appello alla Corte Suprema degli Stati Uniti, che ha respinto la richiesta.",
                trigger: "ha respinto", source: ["Corte Suprema"], target: []),
            // Coordinated "di" complements belong to one head, as subject and as a relative's antecedent.
            ArgumentCase(
                text: "Il ministro dell'università e della Ricerca ha criticato il governo.", trigger: "ha criticato",
                source: ["ministro"], target: ["governo"]),
            ArgumentCase(
                text: "Un altro attacco alla Finanziaria viene dal ministro dell'università e della Ricerca, che spara a zero sulle norme.",
                trigger: "spara a zero", source: ["ministro"], target: []),
            // The person named after a title's "di" complement is the participant.
            ArgumentCase(
                text: "In merito alle critiche ricevute dal sindaco di Genova, Marta Vincenzi (Partito Democratico), Maroni ha risposto.",
                trigger: "critiche", source: ["Marta Vincenzi"], target: []),
            // A title in apposition to a name is one mention with it: named once, the person is no
            // topic a passive without a subject would be about.
            ArgumentCase(
                text:
                    "La DIGOS ha filmato la banda: secondo il Ministro dell'Interno, Giuliano Amato, probabilmente è stato sventato "
                    + "un attentato. L'operazione è stata coordinata dal procuratore Ilda Boccassini. Fra gli arrestati anche Alfredo "
                    + "D'Avanzo, 49 anni: rifugiatosi in Francia, l'uomo fu arrestato nel 1998. Oggi è stato arrestato nei pressi di Udine.",
                trigger: "Oggi è stato arrestato", source: ["Francia"], target: []),
            // An act of authority with no actor in a sentence that names no country: a country last named
            // sentences before yields to the one the text names most, its cities counting for it.
            ArgumentCase(
                text:
                    "La polizia di Parigi ha arrestato tre uomini. A Parigi si giocava la partita tra le nazionali di Francia e "
                    + "Germania. Il presidente ha chiuso le frontiere. Ulteriori indagini sono in corso.",
                trigger: "indagini", source: ["Francia"], target: []),
            // A passive whose clause carries its subject over names its own right after the participle.
            ArgumentCase(
                text:
                    "Negli Stati Uniti l'unico sparatore, un ex marine di 29 anni, è stato ucciso, ma sono state arrestate altre due persone.",
                trigger: "sono state arrestate", source: ["Stati Uniti"], target: ["persone"]),
            // A phrase that runs on into a clause boundary is no participant ("il percorso quando").
            ArgumentCase(
                text:
                    "Il ranger era sceso per rimuovere un tronco che ostruiva il percorso quando fu aggredito da almeno cinque uomini mascherati.",
                trigger: "fu aggredito", source: ["uomini"], target: []),
            // A place phrase right before the verb is its setting; the subject follows the verb.
            ArgumentCase(
                text: "Sabato la televisione iraniana ha annunciato che a Teheran sono stati arrestati tre cittadini statunitensi.",
                trigger: "sono stati arrestati", source: ["Teheran"], target: ["cittadini"]),
            // Investigating takes an object only in the passive: in the active the phrase after the
            // verb is who investigates.
            ArgumentCase(
                text: "Sull'episodio indagano gli uomini dei carabinieri di Bari.", trigger: "indagano", source: ["uomini"], target: []),
            ArgumentCase(
                text: "I due ragazzi sono indagati dalla procura di Napoli per diffamazione.", trigger: "sono indagati",
                source: ["procura"], target: ["ragazzi"]),
            // A verb without an object names its subject after it, a title with the name after it.
            ArgumentCase(
                text: "Con queste parole si è dimesso ieri il ministro Paolo Neri.", trigger: "si è dimesso", source: ["Paolo Neri"],
                target: []),
            // Congratulations received come from whose they are and from the agent after them; a
            // hyphenated title is an actor noun.
            ArgumentCase(
                text:
                    "Il neo-segretario ha già ricevuto le congratulazioni del presidente Giorgio Napolitano e dallo stesso Silvio Berlusconi.",
                trigger: "congratulazioni", source: ["Giorgio Napolitano", "Silvio Berlusconi"], target: ["neo-segretario"]),
            // Criticism of an agreement is aimed at its sides.
            ArgumentCase(
                text: "L'associazione Software Libero ha criticato l'accordo fra la Microsoft e il Governo italiano.",
                trigger: "ha criticato", source: ["associazione Software Libero"], target: ["Microsoft", "Governo italiano"]),
            // One lower-case modifier may stand between a side and the coordinator.
            ArgumentCase(
                text: "Il sindaco Paolo Neri ha criticato l'accordo tra il segretario dem e il presidente di Forza Italia.",
                trigger: "ha criticato", source: ["Paolo Neri"], target: ["segretario", "presidente"]),
            // Praise drawn by a subject is aimed at it; solidarity is support.
            ArgumentCase(
                text: "Il governo ha attirato il plauso del commissario europeo Joaquín Almunia.", trigger: "plauso",
                source: ["commissario"], target: ["governo"]),
            ArgumentCase(
                text: "Il ministro Franco Frattini ha espresso solidarietà ai magistrati.", trigger: "solidarietà",
                source: ["Franco Frattini"], target: ["magistrati"]),
            // A participle after "e" shares the auxiliary and the actor of the act before it.
            ArgumentCase(
                text: "Ieri le forze di polizia hanno occupato la sede della televisione e invitato la popolazione a scendere in piazza.",
                trigger: "invitato", source: ["forze"], target: ["popolazione"]),
            // Adverbs inside a form of several words ("si sono spesso scagliati").
            ArgumentCase(
                text: "Nelle ultime ore gli esponenti della Lega si sono spesso scagliati contro Marco Follini.",
                trigger: "si sono spesso scagliati", source: ["esponenti"], target: ["Marco Follini"]),
            ArgumentCase(
                text: "Marco Follini e i ministri dell'Udc lasciano il governo.", trigger: "lasciano",
                source: ["Marco Follini", "ministri"],
                target: []),
            ArgumentCase(
                text: "Sono stati incarcerati a Bari due esponenti del partito.", trigger: "Sono stati incarcerati", source: ["Bari"],
                target: ["esponenti"]),
            // Whoever judges an act is not its actor; the act's own "di" complement is.
            ArgumentCase(
                text: "Il patriarca di Belgrado Irinej ha definito la manifestazione dei tifosi una vergogna.", trigger: "manifestazione",
                source: ["tifosi"], target: []),
            // A participle after a quantity is a noun, no verb governing the act after it.
            ArgumentCase(
                text: "In Tunisia diversi manifestanti si sono scontrati con le forze dell'ordine, con diversi feriti e arresti.",
                trigger: "arresti", source: ["Tunisia"], target: []),
            // An agent phrase coordinated with its preposition repeated is one compound source.
            ArgumentCase(
                text: "Dopo le levate di scudi proclamate dai sindaci e dai presidenti delle Province, il governo ha ceduto.",
                trigger: "levate di scudi", source: ["sindaci", "presidenti"], target: []),
            // ... also when the preposition's form changes ("da" and "dall'").
            ArgumentCase(
                text: "Il governo di Paolo Neri è stato criticato da Marco Ferri e dall'ONU.", trigger: "è stato criticato",
                source: ["Marco Ferri", "ONU"], target: ["Paolo Neri"]),
            // A verb coordinated after a speech act has its actor, and "ne" its target.
            ArgumentCase(
                text: "Il senatore Marco Ferri ha accusato la GdF di aver mentito e ne ha chiesto lo scioglimento.", trigger: "ha chiesto",
                source: ["Marco Ferri"], target: ["GdF"]),
            // A target after its preposition is looked for in the trigger's own clause only.
            ArgumentCase(
                text:
                    "Il sindaco di Varese ha chiesto di avere spiegazioni sul decesso, che secondo la polizia sarebbe stato un collasso.",
                trigger: "ha chiesto", source: ["Il sindaco di Varese"], target: []),
            // A relative pronoun's antecedent with an adjective after the actor noun.
            ArgumentCase(
                text:
                    "Il nome suscitò forti critiche da parte dei cittadini greci, che accusarono i macedoni di essersi appropriati dell'identità.",
                trigger: "accusarono", source: ["cittadini"], target: ["macedoni"]),
            // "lo stato di emergenza" is a noun, no clause whose subject the gerund would take.
            ArgumentCase(
                text:
                    "Il presidente Putin ha accolto la proposta di decretare lo stato di emergenza, chiedendo di prendere delle iniziative.",
                trigger: "chiedendo", source: ["Putin"], target: []),
            // A gerund after a subject relative pronoun has the antecedent for its subject.
            ArgumentCase(
                text: "La polizia ha disperso la folla, che stava protestando contro il governo.", trigger: "stava protestando",
                source: ["folla"], target: ["governo"]),
            // A comparison's agent acts; the sentence's subject is not its target.
            ArgumentCase(
                text: "Marco Ferri e Paolo Neri sono stati assolti, come richiesto dal pubblico ministero.", trigger: "richiesto",
                source: ["pubblico ministero"], target: []),
            // An investigator after an inquiry noun investigates.
            ArgumentCase(
                text: "Lo hanno messo in luce le indagini della Guardia di Finanza.", trigger: "indagini",
                source: ["Guardia di Finanza"], target: []),
            // A quantity and its "di" lead to the target.
            ArgumentCase(
                text: "Ieri a Milano la polizia ha sparato gas lacrimogeno contro centinaia di manifestanti.", trigger: "gas lacrimogeno",
                source: ["polizia"], target: ["manifestanti"]),
            // A rejected request was made to the one who rejects it.
            ArgumentCase(
                text: "Il giudice di Roma, Valerio Sarti, ha rigettato l'istanza presentata dalla difesa.", trigger: "istanza",
                source: ["difesa"], target: ["Valerio Sarti"]),
            // The other side of talks before the verb.
            ArgumentCase(
                text: "È un attacco a Luigi Ferri, che con Mario Bassi tratta da oltre un mese.", trigger: "tratta",
                source: ["Luigi Ferri", "Mario Bassi"], target: []),
            // A simple past governs the noun after it: its subject is the actor.
            ArgumentCase(
                text: "Mario Bassi iniziò un difficile periodo di negoziato con il governo.", trigger: "negoziato",
                source: ["Mario Bassi", "governo"], target: []),
            // "insieme a X" after a target: one more target.
            ArgumentCase(
                text: "Mario Bassi ha accusato Luigi Ferri, insieme a Paolo Neri, di corruzione.", trigger: "ha accusato",
                source: ["Mario Bassi"], target: ["Luigi Ferri", "Paolo Neri"]),
            // A verbal attack: a person's name right after the noun's preposition.
            ArgumentCase(
                text: "Dal partito arriva l'attacco di Mario Bassi a Luigi Ferri.", trigger: "attacco",
                source: ["Mario Bassi"], target: ["Luigi Ferri"]),
            // A bracketed aside between the antecedent and its relative pronoun.
            ArgumentCase(
                text: "Lavorava lì Mario Bassi, il poliziotto (in seguito arrestato) che ha picchiato Luigi Ferri.",
                trigger: "ha picchiato",
                source: ["Mario Bassi"], target: ["Luigi Ferri"]),
            // A visit's purpose names whom it visits.
            ArgumentCase(
                text: "Il premier Mario Bassi è salito al Quirinale per incontrare il Presidente della Repubblica.",
                trigger: "è salito al Quirinale", source: ["Mario Bassi"], target: ["Presidente"]),
            // A participle after an adverb, with its agent, is a passive.
            ArgumentCase(
                text: "Luca Neri fu arrestato a Parigi e subito liberato dalla polizia francese.",
                trigger: "subito liberato", source: ["polizia francese"], target: ["Luca Neri"]),
            // "invitato … a" + an infinitive asks, with a name between them counted as one word.
            ArgumentCase(
                text: "Giulio Rossi era stato invitato lunedì dal Presidente della Repubblica Mario Bassi a riferire in aula.",
                trigger: "era stato invitato", source: ["Mario Bassi"], target: ["Giulio Rossi"]),
            // A noun phrase that names no known actor yields to the actor before it in its clause.
            ArgumentCase(
                text: "Il PM sentendo la sentenza della corte chiede la pena di morte.", trigger: "chiede",
                source: ["PM"], target: []),
            ArgumentCase(
                text: "La Corte di Cassazione con le motivazioni della sentenza ha rigettato il ricorso della Procura.",
                trigger: "ha rigettato", source: ["Corte di Cassazione"], target: ["Procura"]),
            // Whoever receives the act is its target; its actor follows "da".
            ArgumentCase(
                text: "Il ministro Elena Russo ha ricevuto dure critiche dal sindaco Dario Gentile.", trigger: "dure critiche",
                source: ["Dario Gentile"], target: ["Elena Russo"]),
            // A place phrase or a sentence adverb between the verb and its object.
            ArgumentCase(
                text: "La polizia ha arrestato a Torino il sindaco Nino Ferri.", trigger: "ha arrestato",
                source: ["polizia"], target: ["Nino Ferri"]),
            ArgumentCase(
                text: "Mario Bassi ha lasciato il governo accusando anche la premier di tradimento.", trigger: "accusando",
                source: ["Mario Bassi"], target: ["premier"]),
            // A verb in the first person inside a quotation is the speaker's act.
            ArgumentCase(
                text: "Il premier Mario Bassi ha ricordato che «il dialogo lo abbiamo offerto subito all'opposizione».",
                trigger: "abbiamo offerto", source: ["Mario Bassi"], target: ["opposizione"]),
            // "da parte di" names a noun's actor; the "di" complement before it is the target.
            ArgumentCase(
                text: "Sono iniziati i bombardamenti della Libia da parte dell'esercito francese.", trigger: "bombardamenti",
                source: ["esercito francese"], target: ["Libia"]),
            // A sentence passed by an agent: the court acts on the one before the verb.
            ArgumentCase(
                text: "Mario Rossi è stato condannato all'ergastolo da un tribunale di Milano.", trigger: "è stato condannato all'",
                source: ["tribunale"], target: ["Mario Rossi"]),
            // A numbered agent phrase ("da 27 capi di Stato") is the agent of its participle, not the
            // subject of the next one; a signed text is a treaty's support, ratified by states.
            ArgumentCase(
                text: "Un testo firmato da 27 capi di Stato e ratificato da 18 Paesi.", trigger: "ratificato",
                source: ["Paesi"], target: []),
            ArgumentCase(
                text: "Un testo firmato da 27 capi di Stato e ratificato da 18 Paesi.", trigger: "firmato",
                source: ["capi"], target: []),
            // A gerund's subject is the inverted subject of the clause it hangs on, not the subject
            // the clause layer carried over from the sentence before.
            ArgumentCase(
                text:
                    "Insieme al PD hanno votato Scelta Civica e i Popolari. Non ha partecipato alla votazione Forza Italia, chiedendo chiarezza al governo.",
                trigger: "chiedendo", source: ["Forza Italia"], target: ["governo"]),
            // Force named in a gerund phrase: the gerund's subject uses it on whom the verb it hangs on
            // acts on (not the object read as its actor).
            ArgumentCase(
                text:
                    "A Minneapolis gli agenti in tenuta antisommossa hanno sfidato i manifestanti, allontanandoli dalla caserma lanciando lacrimogeni.",
                trigger: "lacrimogeni", source: ["agenti"], target: ["manifestanti"]),
            // The object of a first-person verb inside a quotation names the speaker's own act.
            ArgumentCase(
                text: "«Abbiamo già presentato istanza di riesame al Tribunale della libertà», ha detto l'avvocato Sergio Rastrelli.",
                trigger: "istanza", source: ["Sergio Rastrelli"], target: ["Tribunale della libertà"]),
            // A gerund after a participle in apposition hangs on the actor the participle describes.
            ArgumentCase(
                text:
                    "Beppe Grillo parla di coraggio di conigli rivolto a Forza Italia, uscita dall'aula per non votare chiedendo chiarezza al governo.",
                trigger: "chiedendo", source: ["Forza Italia"], target: ["governo"]),
            // A country a request is made to is its target, not where it was made.
            ArgumentCase(
                text: "Pegah Emambakhsh, la donna iraniana che aveva chiesto asilo al Regno Unito, è stata scarcerata.",
                trigger: "aveva chiesto", source: ["la donna iraniana"], target: ["Regno Unito"]),
            // A bare participle right after a noun is about that noun, and a noun in apposition to a
            // name is that name (not the person the text named most).
            ArgumentCase(
                text:
                    "Brianna Agyemang ha lanciato l'iniziativa. Il Blackout Tuesday è nato per la morte di George Floyd, l'afroamericano ucciso da un agente della polizia di Minneapolis.",
                trigger: "ucciso", source: ["agente"], target: ["George Floyd"]),
            // The leadership of a body is an actor.
            ArgumentCase(
                text: "I due parlamentari hanno confermato la loro partecipazione, polemizzando con la dirigenza della Rai.",
                trigger: "polemizzando", source: ["parlamentari"], target: ["dirigenza"]),
            // Clashes between two sides: both are sources.
            ArgumentCase(
                text: "Ieri a Tunisi diversi manifestanti si sono scontrati con le forze dell'ordine.",
                trigger: "si sono scontrati", source: ["manifestanti", "forze"], target: []),
            // A bare conjunct inside a "di" complement is no second actor; a person after it is.
            ArgumentCase(
                text: "I presidenti di Camera e Senato hanno criticato il governo.", trigger: "hanno criticato", source: ["presidenti"],
                target: ["governo"]),
            ArgumentCase(
                text: "I leader di Francia e Germania hanno criticato Zelensky.", trigger: "hanno criticato", source: ["leader"],
                target: ["Zelensky"]),
            // Coordinated actors past the first one's complement or adjective.
            ArgumentCase(
                text: "Il ministro dell'Interno e il ministro della Difesa hanno criticato il governo.", trigger: "hanno criticato",
                source: ["ministro", "ministro"], target: ["governo"]),
            ArgumentCase(
                text: "Il presidente francese e il cancelliere tedesco hanno criticato il governo.", trigger: "hanno criticato",
                source: ["presidente", "cancelliere"], target: ["governo"]),
            // A reciprocal act's sides past a complement and past a relative clause between commas.
            ArgumentCase(
                text: "Nell'occasione erano sorti tafferugli tra le forze dell'ordine e i giovani dei centri sociali.",
                trigger: "tafferugli", source: ["forze", "giovani"], target: []),
            ArgumentCase(
                text: "L'hotel è stato teatro di scontri a fuoco tra i ribelli, che presidiavano la zona, e le truppe governative.",
                trigger: "scontri", source: ["ribelli", "truppe"], target: []),
            // An object the clause layer stopped at the coordinator, with the name after the second title.
            ArgumentCase(
                text: "Il presidente Paolo Neri ha ringraziato il premier Mario Rossi e il presidente Luca Bianchi.",
                trigger: "ha ringraziato", source: ["Paolo Neri"], target: ["Mario Rossi", "Luca Bianchi"]),
            // A singular verb after a relative pronoun agrees with the last conjunct alone.
            ArgumentCase(
                text: "La linea è al centro di una discussione tra la regione e il comune, che ne chiede la cessione.",
                trigger: "chiede", source: ["comune"], target: ["regione"]),
            ArgumentCase(
                text: "La linea è al centro di una discussione tra la regione e il comune, che ne chiedono la cessione.",
                trigger: "chiedono", source: ["regione", "comune"], target: []),
            // An offer needs an actor; a first-person verb inside a quotation has the speaker for one.
            ArgumentCase(
                text: "Berlusconi ha ricordato che «il dialogo lo abbiamo offerto subito dopo le elezioni».", trigger: "abbiamo offerto",
                source: ["Berlusconi"], target: []),
            // The first-person clitic inside a quotation is the object: the speaker is the target.
            ArgumentCase(
                text: "In Italia Oreste Scalzone ha raccontato: «Quando il 7 aprile del '79 mi hanno arrestato ero a casa».",
                trigger: "hanno arrestato", source: ["Italia"], target: ["Oreste Scalzone"]),
            // An object pronoun stands for a person named before, not for a name inside the subject's phrase.
            ArgumentCase(
                text: "Il ministro Paolo Neri è stato criticato dall'opposizione. Il segretario del Pd lo ha accusato di mentire.",
                trigger: "ha accusato", source: ["Il segretario del Pd"], target: ["Paolo Neri"]),
            // "ne" before a verb whose object names nobody: whose the object is; after a coordinated act, its target.
            ArgumentCase(
                text: "Dopo le critiche, il ministro Paolo Neri ha risposto. Il sindaco Carlo Bianchi ne ha chiesto le dimissioni.",
                trigger: "ha chiesto", source: ["Carlo Bianchi"], target: ["Paolo Neri"]),
            ArgumentCase(
                text:
                    "L'ex ministro Maurizio Gasparri ha accusato Visco di aver usato la GdF per fini propri e ne ha chiesto le dimissioni.",
                trigger: "ha chiesto", source: ["Maurizio Gasparri"], target: ["Visco"]),
            // An actor noun that is an adjective after its noun names nobody ("fonti ufficiali"); commanders act.
            ArgumentCase(
                text: "In Iran fonti ufficiali iraniane hanno riferito dell'arresto di 16 persone.", trigger: "arresto",
                source: ["Iran"], target: ["persone"]),
            ArgumentCase(
                text: "I comandanti militari hanno arrestato dieci manifestanti.", trigger: "hanno arrestato", source: ["comandanti"],
                target: ["manifestanti"]),
            // A visit to a country whose host nobody names is the country's.
            ArgumentCase(
                text: "Il presidente Barack Obama, in visita istituzionale in Polonia, ha parlato ai giornalisti.", trigger: "in visita",
                source: ["Barack Obama"], target: ["Polonia"]),
            // An actor right before a cue, after a clause opener the speaker named before it is not in.
            ArgumentCase(
                text:
                    "La polizia ha arrestato Anatoly Lebedko, che si era allontanato dalla piazza, dove migliaia di manifestanti chiedono che vengano indette nuove elezioni.",
                trigger: "chiedono", source: ["manifestanti"], target: []),
            // A phrase up to a subordinator right before the verb is the clause before it, no subject.
            ArgumentCase(
                text:
                    "Un gruppo di militanti di Greenpeace, partiti da una nave, sono stati arrestati dalla polizia mentre manifestavano.",
                trigger: "manifestavano", source: ["Greenpeace"], target: []),
            // Where someone comes from is neither jurisdiction nor target; nor is a prison named with an adjective.
            ArgumentCase(
                text: "Un impiegato originario di Vetralla era stato arrestato a Viterbo nel 2004.", trigger: "era stato arrestato",
                source: ["Viterbo"], target: ["Un impiegato originario di Vetralla"]),
            // A relative pronoun whose verb comes after an aside between commas.
            ArgumentCase(
                text:
                    "Fu noto per la lite con la casa editrice Einaudi, che, dopo le critiche di Saramago a Silvio Berlusconi, rifiutò di pubblicare il libro.",
                trigger: "rifiutò", source: ["Einaudi"], target: []),
            // A plain noun phrase right after a passive participle of coercion is whom it was done to.
            ArgumentCase(
                text: "In Iraq è stato arrestato un collaboratore vicino ad al-Zarqawi.", trigger: "è stato arrestato",
                source: ["Iraq"], target: ["collaboratore"]),
            // A sentence adverb opening the sentence is no subject: the subject is the one before.
            ArgumentCase(
                text: "Il presidente Donald Trump ha parlato con i giornalisti. Successivamente ha minacciato il governatore.",
                trigger: "ha minacciato", source: ["Donald Trump"], target: ["governatore"]),
            // A subject carried over from inside a quotation to a verb outside it: the speaker.
            ArgumentCase(
                text:
                    "Il presidente Donald Trump ha dichiarato: «Abbiamo una Guardia nazionale molto forte». Successivamente minaccia i governatori.",
                trigger: "minaccia", source: ["Donald Trump"], target: ["governatori"]),
            // An agentless arrest reported by an investigating authority is that authority's; a ministry
            // reporting it is no investigator (the place it happened stands for the jurisdiction).
            ArgumentCase(
                text: "Secondo la polizia, a Milano sono state arrestate venti persone.", trigger: "sono state arrestate",
                source: ["polizia"], target: ["persone"]),
            ArgumentCase(
                text: "Secondo il Ministero degli Esteri, a Mosca sono state arrestate venti persone.", trigger: "sono state arrestate",
                source: ["Mosca"], target: ["persone"]),
            // Named by the text, it carries the act a headline told without its actor.
            ArgumentCase(
                text: "Gli arresti\nSecondo le autorità statunitensi, sono state arrestate tre persone a Orlando.",
                trigger: "sono state arrestate", source: ["le autorità statunitensi"], target: ["persone"]),
            // Talks named in a phrase no verb governs are also the clause subject's: before the phrase's
            // comma, or of the clause after it.
            ArgumentCase(
                text: "Berlusconi, dopo i colloqui con Fini, critica Prodi.", trigger: "colloqui", source: ["Berlusconi", "Fini"],
                target: []),
            ArgumentCase(
                text: "Durante l'incontro con Obama, Renzi ha parlato di economia.", trigger: "incontro", source: ["Renzi", "Obama"],
                target: []),
            // A building is no jurisdiction, in Italian or in an English name.
            ArgumentCase(
                text: "Nella città di Washington il coprifuoco inizia alle 19, vicino alla Casa Bianca.", trigger: "coprifuoco",
                source: ["Washington"], target: []),
            ArgumentCase(
                text: "A New York sono state arrestate 200 persone, riferisce il Bellevue Hospital.", trigger: "sono state arrestate",
                source: ["New York"], target: ["persone"]),
            // A list of actor nouns over commas is one compound source.
            ArgumentCase(
                text: "Gli studenti, gli operai e gli intellettuali protestarono in piazza.", trigger: "protestarono",
                source: ["studenti", "operai", "intellettuali"], target: []),
            // A place phrase of an earlier clause, before a colon, is no subject carried over.
            ArgumentCase(
                text: "In Cina è un tabù: molti documenti, video e articoli sono stati censurati dal governo cinese.",
                trigger: "sono stati censurati", source: ["governo cinese"], target: []),
            // A measure a public figure announces in the future tense is the announcer's.
            ArgumentCase(
                text:
                    "Il presidente Donald Trump ha parlato ai giornalisti. Ha anche affermato che verranno sanzionati i funzionari che «danneggiano l'autonomia di Hong Kong».",
                trigger: "verranno sanzionati", source: ["Donald Trump"], target: ["funzionari"]),
            // An elided "d'" and "ad" govern the place after them: it is no subject.
            ArgumentCase(
                text: "Il Papa ha pregato sulla tomba del Patrono d'Italia e ha incontrato il premier Enrico Letta.",
                trigger: "ha incontrato", source: ["Papa", "Enrico Letta"], target: []),
            ArgumentCase(
                text: "Papa Bergoglio si è recato ad Assisi, dove, oltre ad aver pregato, ha incontrato il premier Enrico Letta.",
                trigger: "ha incontrato", source: ["Bergoglio", "Enrico Letta"], target: []),
            // A place named past "mentre" is another clause's jurisdiction.
            ArgumentCase(
                text: "In Francia tre persone sono state arrestate, mentre in Germania sei uomini sono stati arrestati.",
                trigger: "sono state arrestate", source: ["Francia"], target: ["persone"]),
            ArgumentCase(
                text: "In Francia tre persone sono state arrestate, mentre in Germania sei uomini sono stati arrestati.",
                trigger: "sono stati arrestati", source: ["Germania"], target: ["uomini"]),
            // "per mano di" names a passive's agent.
            ArgumentCase(
                text: "Un tifoso laziale è stato ucciso per mano di un agente della polizia.", trigger: "è stato ucciso",
                source: ["agente"], target: ["Un tifoso laziale"]),
            // A compound subject of a passive undergoes the act whole (the clause layer's subject is one speaker).
            ArgumentCase(
                text: "In India, il giorno 7 febbraio 2010 Tommaso ed Elisabetta sono stati arrestati con l'accusa di omicidio.",
                trigger: "sono stati arrestati", source: ["India"], target: ["Tommaso", "Elisabetta"]),
            ArgumentCase(
                text: "In Italia si era costituito Raffaele Delle Donne ed erano stati fermati Guglielmo Corsi ed Andrea Vesentini.",
                trigger: "erano stati fermati", source: ["Italia"], target: ["Guglielmo Corsi", "Andrea Vesentini"]),
            // A plural participle without a subject is about the several people the sentence before names,
            // not the one person the text is about; a participle sharing its auxiliary after "e" too.
            ArgumentCase(
                text:
                    "In Italia Giuseppe Giordano ha perso la moglie. Giuseppe Giordano era sotto shock. "
                    + "I proprietari della villetta, Antonino Pace e Concetta Scurria, volevano intervenire ai funerali. "
                    + "Nel 2010 erano stati processati e condannati a tre mesi di arresto per abusivismo edilizio.",
                trigger: "erano stati processati", source: ["Italia"], target: ["Antonino Pace", "Concetta Scurria"]),
            ArgumentCase(
                text:
                    "In Italia Giuseppe Giordano ha perso la moglie. Giuseppe Giordano era sotto shock. "
                    + "I proprietari della villetta, Antonino Pace e Concetta Scurria, volevano intervenire ai funerali. "
                    + "Nel 2010 erano stati processati e condannati a tre mesi di arresto per abusivismo edilizio.",
                trigger: "condannati a", source: ["Italia"], target: ["Antonino Pace", "Concetta Scurria"]),
            // A title, its complement, then the name of whom it names: that person (not another the title
            // was read as).
            ArgumentCase(
                text:
                    "Successivamente, il Presidente Obama ha incontrato il Presidente della Repubblica Giorgio Napolitano con un colloquio.",
                trigger: "ha incontrato", source: ["Obama", "Giorgio Napolitano"], target: []),
            ArgumentCase(
                text: "Il centrodestra ha duramente criticato il Presidente del Senato Piero Grasso per le sue parole.",
                trigger: "ha duramente criticato", source: ["centrodestra"], target: ["Piero Grasso"]),
            // (Not past words of a clause: "i dipendenti della banca manifestano in favore di Arpe".)
            ArgumentCase(
                text: "Alla notizia i dipendenti della banca manifestano in favore di Matteo Arpe.", trigger: "manifestano",
                source: ["dipendenti"], target: []),
            // A title in an apposition before the verb that governs a noun yields to the name the clause has for subject.
            ArgumentCase(
                text: "Mancino, già Presidente del Senato, ha espresso sincera ammirazione per il Capo dello Stato.",
                trigger: "ammirazione", source: ["Mancino"], target: ["Capo"]),
            // What only the state does (acquit, execute) is the jurisdiction's when no actor is named; an
            // acquittal named by a noun is about whom the arrest before it in the sentence was done to.
            ArgumentCase(
                text: "In Egitto quattro dirigenti della polizia sono stati assolti insieme a due direttori regionali.",
                trigger: "sono stati assolti", source: ["Egitto"], target: ["dirigenti"]),
            ArgumentCase(
                text: "Negli Stati Uniti Troy Davis è stato giustiziato nella prigione di Jackson.", trigger: "è stato giustiziato",
                source: ["Stati Uniti"], target: ["Troy Davis"]),
            ArgumentCase(
                text:
                    "In Sudafrica Nelson Mandela venne arrestato con l'accusa di tradimento in un processo che si concluderà con l'assoluzione.",
                trigger: "assoluzione", source: ["Sudafrica"], target: ["Nelson Mandela"]),
            // A charge of a crime without its accuser is the jurisdiction's; with one, the accuser's.
            ArgumentCase(
                text: "In Italia Mario Rossi è stato accusato di corruzione.", trigger: "è stato accusato di", source: ["Italia"],
                target: ["Mario Rossi"]),
            ArgumentCase(
                text: "In Italia Mario Rossi è accusato di corruzione dalla procura di Milano.", trigger: "è accusato di",
                source: ["procura"], target: ["Mario Rossi"]),
            ArgumentCase(
                text: "In Iran oltre 100 tra attivisti e dimostranti sono sul banco degli imputati, accusati di rivolta e cospirazione.",
                trigger: "accusati di", source: ["Iran"], target: ["attivisti", "dimostranti"]),
            // A country named in brackets after a time of day is the reader's time zone, no jurisdiction.
            ArgumentCase(
                text:
                    "La notte scorsa alle 20:45 ora locale (le 3:45 della mattina in Italia), a Dallas, in Texas, una sparatoria "
                    + "ha causato la morte di cinque agenti. Dopo lo scontro a fuoco altri due uomini sono stati arrestati.",
                trigger: "sono stati arrestati", source: ["Texas"], target: ["uomini"]),
            // An investigator named by title, complement and name investigates.
            ArgumentCase(
                text: "Lo hanno messo in luce le indagini del pubblico ministero di Milano Elio Ramondini.", trigger: "indagini",
                source: ["Elio Ramondini"], target: []),
            // The object past a time expression right after the verb; a bracketed age before the coordinator.
            ArgumentCase(
                text: "Gli uomini della Digos hanno fermato nella notte Federico Perini (20) e Nicolò Veneri (19) al loro arrivo.",
                trigger: "hanno fermato", source: ["uomini"], target: ["Federico Perini", "Nicolò Veneri"]),
            // A measure received past a time phrase and the word for the measure: its target is who receives it.
            ArgumentCase(
                text: "In Italia Mamadou Gara aveva ricevuto un anno fa un provvedimento di espulsione.", trigger: "espulsione",
                source: ["Italia"], target: ["Mamadou Gara"]),
            // Stopping a person named after the participle is detaining them; being put in jail too.
            ArgumentCase(
                text: "In Galles, martedì 2 ottobre 2012 è stato fermato l'ex soldato Mark Bridger, di 46 anni.",
                trigger: "è stato fermato", source: ["Galles"], target: ["Mark Bridger"]),
            ArgumentCase(
                text: "In Italia un terzo uomo, Chima Alinno, è stato rinchiuso nel carcere di Regina Coeli.",
                trigger: "è stato rinchiuso", source: ["Italia"], target: ["un terzo uomo"]),
            // An indictment is the judge's act; with no judge named, the state's whose authority the
            // text named by nationality, not the country named since as where a man was taken. The
            // title's holder named past four words.
            ArgumentCase(
                text: "Venerdì un giudice ha rinviato a giudizio 26 cittadini statunitensi.", trigger: "ha rinviato a giudizio",
                source: ["giudice"], target: ["cittadini"]),
            ArgumentCase(
                text:
                    "Venerdì un giudice italiano ha rinviato a giudizio 26 cittadini statunitensi per il rapimento di Abu Omar. L'uomo era stato portato in Egitto. È stato rinviato a giudizio anche l'ex capo dei servizi segreti Nicolò Pollari. Omar vorrebbe tornare in Italia.",
                trigger: "È stato rinviato a giudizio", source: ["Italia"], target: ["Nicolò Pollari"]),
            // A title with a lower-case complement, then the name.
            ArgumentCase(
                text: "Il ministro del lavoro Cesare Damiano ha invocato i sindacati a ritirare lo sciopero.", trigger: "ha invocato",
                source: ["Cesare Damiano"], target: ["sindacati"]),
            ArgumentCase(
                text: "Un manifestante è stato preso in custodia dalla polizia di Brooklyn.", trigger: "è stato preso in custodia",
                source: ["polizia"], target: ["manifestante"]),
            // A release from jail on bail is the state's; its subject past "su cauzione", a
            // nationality adjective read past like an adverb.
            ArgumentCase(
                text: "In Iran il 16 agosto è stata rilasciata su cauzione anche la ricercatrice francese Clotilde Reiss.",
                trigger: "è stata rilasciata", source: ["Iran"], target: ["Clotilde Reiss"]),
            // Whoever a relative clause before the verb names as its object is not who is convicted.
            ArgumentCase(
                text: "Nel Regno Unito un uomo che aveva picchiato il sindaco è stato condannato a nove mesi di carcere.",
                trigger: "è stato condannato a", source: ["Regno Unito"], target: ["un uomo"]),
            // A country in brackets after a time zone's name is the reader's clock, no jurisdiction.
            ArgumentCase(
                text:
                    "La donna è morta in Sudafrica, nei dintorni di Pretoria, intorno alle 4 locali (UTC + 2, le 3 in Italia). Il portavoce Katlego Mogale ha dichiarato che è stato arrestato un uomo di 26 anni.",
                trigger: "è stato arrestato", source: ["Sudafrica"], target: ["uomo"]),
            // The title repeated later is the person the text named with it.
            ArgumentCase(
                text:
                    "Arrivano proteste dal Ministro dell'università e della Ricerca, Fabio Mussi. Poi il ministro dell'università e della Ricerca ha criticato le norme sulla scuola.",
                trigger: "ha criticato", source: ["Fabio Mussi"], target: []),
            // A number after an article, with no noun after it, names people.
            ArgumentCase(
                text: "Da lì a poco i due vengono accusati di omicidio dalla procura di Goa.", trigger: "vengono accusati di",
                source: ["procura"], target: ["i due"]),
            // An act that "comes from" an actor: the "da" phrase after the verb of coming, or opening the clause.
            ArgumentCase(
                text: "Critiche al governo sono arrivate anche dal sindaco Marco Ferri.", trigger: "Critiche", source: ["Marco Ferri"],
                target: ["governo"]),
            ArgumentCase(
                text: "Dalle forze di opposizione arrivano duri attacchi al presidente Giorgio Napolitano.", trigger: "attacchi",
                source: ["forze"], target: ["Giorgio Napolitano"]),
            // A headline's agentless act, whose place the body names as a town: the town's country,
            // named further on, is the jurisdiction.
            ArgumentCase(
                text:
                    "Un agricoltore assolto dopo una falsa accusa\nManhattan – Un giovane agricoltore australiano, David Green, è stato assolto ieri dall'accusa di violenza sessuale. Green aveva trascorso per questo un anno in carcere. Tornerà in Australia dopo aver lasciato gli Stati Uniti.",
                trigger: "assolto", source: ["Stati Uniti"], target: ["Un agricoltore"])
        ])
    func argumentRules(_ c: ArgumentCase) throws {
        let doc = try analyze(c.text)
        let e = try #require(doc.events.first { doc.text(in: $0.trigger) == c.trigger }, "\(doc.events.map { doc.text(in: $0.trigger) })")
        #expect(texts(doc, e.source) == c.source)
        #expect(texts(doc, e.target) == c.target)
    }

    @Test("Two verbs of one kind joined by \"e\" tell one act; its target is the one either names")
    func coordinatedVerbsAreOneAct() throws {
        let doc = try analyze("La polizia ha arrestato e incarcerato due esponenti dei Khmer rossi.")
        let e = try #require(doc.events.first)
        #expect(doc.events.count == 1)
        #expect(e.type == "COERCE" && e.mode == "arrest")
        #expect(texts(doc, e.source) == ["polizia"])
        #expect(texts(doc, e.target) == ["esponenti"])
        #expect(e.coref.map { doc.text(in: $0) } == ["ha arrestato"])
        // The first verb already a mention of a headline's act.
        let headline = try analyze(
            "Arrestati due esponenti dei Khmer rossi\nSono stati arrestati e incarcerati a Phnom Penh due esponenti dei Khmer rossi.")
        #expect(headline.events.map { headline.text(in: $0.trigger) } == ["Arrestati"])
        #expect(headline.events.first.map { $0.coref.map { headline.text(in: $0) } } == ["Sono stati arrestati", "incarcerati"])
        // Acts of different modes stay two, the first sharing the second's object: an arrest and a search.
        let two = try analyze("La polizia ha arrestato e perquisito due attivisti stranieri.")
        #expect(two.events.map { two.text(in: $0.trigger) } == ["ha arrestato", "perquisito"])
        #expect(two.events.map { texts(two, $0.target) } == [["attivisti"], ["attivisti"]])
    }

    @Test("Postponed, prepared, believed or authorised acts are nobody's act; one someone went to do is")
    func actsNotYetDoneOrDoneByOthers() throws {
        let postponed = try analyze("I leader dell'opposizione hanno optato per rinviare la manifestazione contro il presidente.")
        #expect(postponed.events.isEmpty)
        let prepared = try analyze("Gli studenti hanno raccontato gli scontri durante i preparativi della protesta.")
        #expect(!prepared.events.contains { $0.type == "PROTEST" })
        let believed = try analyze("Il ministro ha detto: «Ho l'impressione che i cittadini chiedono cose concrete».")
        #expect(believed.events.isEmpty)
        // Ordering is a request only with "di" and an infinitive after it, not a massacre's agent.
        let massacre = try analyze("Era diretto a Katyn per la commemorazione dell'eccidio di 22 ufficiali ordinato da Stalin.")
        #expect(massacre.events.isEmpty)
        let order = try analyze("Il ministro ha ordinato ai soldati di ritirarsi.")
        #expect(order.events.map(\.type) == ["REQUEST"])
        // Nor is whoever explains how protests must be run: after "che" the noun opens a clause of its own.
        let explained = try analyze(
            "Vladimir Putin ha spiegato che le proteste «devono essere organizzate in modo tale da non causare danni agli altri cittadini»."
        )
        #expect(!explained.events.contains { $0.type == "PROTEST" && texts(explained, $0.source) == ["Vladimir Putin"] })
        // A place after "perché" is that clause's, not the criticism's.
        let because = try analyze(
            "Il presidente del Venezuela Hugo Chávez ha criticato Barack Obama perché sta portando avanti un'altra guerra, come in Iraq e Afghanistan."
        )
        let criticism = try #require(because.events.first)
        #expect(criticism.location == nil)
        // Nor whoever speaks while it goes on: after "mentre" or "perché" the noun opens a clause of its own.
        for text in [
            "Il ministro è intervenuto mentre gli scontri proseguivano in piazza.",
            "Il governo ha spiegato perché le proteste sono state vietate."
        ] {
            let ongoing = try analyze(text)
            #expect(ongoing.events.isEmpty, "\(text)")
        }
        // A place after "di" and an infinitive is that infinitive's, not the criticism's.
        let deport = try analyze(
            "L'arcivescovo Agostino Marchetto ha criticato la decisione del governo francese di rimpatriare i rom in Romania.")
        let critic = try #require(deport.events.first { $0.type == "ACCUSE" })
        #expect(critic.location == nil)
        // Nor is whoever arouses it: the outrage is the prelates', not the patriarch's.
        let aroused = try analyze(
            "Il patriarca Crisostomo II ha firmato il documento, suscitando lo sdegno di un gruppo di prelati.")
        #expect(!aroused.events.contains { $0.type == "ACCUSE" && texts(aroused, $0.source) == ["Crisostomo II"] })
        // Whoever authorises a protest is not its protester.
        let authorised = try analyze("La protesta non era autorizzata dalla polizia.")
        #expect(authorised.events.isEmpty)
        let went = try analyze("Migliaia di cittadini sono andati a protestare nelle strade.")
        let protest = try #require(went.events.first)
        #expect(went.events.map(\.type) == ["PROTEST"])
        #expect(texts(went, protest.source) == ["cittadini"])
        // Force used as the instrument of a clause's act: its subject's, against its object.
        let dispersed = try analyze("La polizia ha disperso i manifestanti con i lacrimogeni.")
        let force = try #require(dispersed.events.first)
        #expect(force.type == "ASSAULT" && force.mode == "crowd-control")
        #expect(texts(dispersed, force.source) == ["polizia"])
        #expect(texts(dispersed, force.target) == ["manifestanti"])
        // Pushing back a crowd is no rejection.
        let pushed = try analyze("La polizia ha respinto i manifestanti con i lacrimogeni.")
        #expect(pushed.events.map(\.type) == ["ASSAULT"])
        // An act a verb avoids did not happen, a noun's "di" complement included.
        let avoided = try analyze("Il presidente Pervez Musharraf si è dimesso per evitare la procedura di impeachment.")
        #expect(avoided.events.map(\.type) == ["RETREAT"])
        // A regional construct PLOVER does not code is nobody's actor.
        let west = try analyze("La donna è accusata di complotto da parte dell'Occidente.")
        #expect(west.events.isEmpty)
    }

    @Test("A speech act in the first person singular inside a quotation is the speaker's; outside one it is a diary")
    func firstPersonSingular() throws {
        let condemn = try analyze("«Condanno l'attacco contro i civili», ha detto il ministro degli Esteri Javad Zarif.")
        let accuse = try #require(condemn.events.first)
        #expect(condemn.events.map(\.type) == ["ACCUSE"])
        #expect(texts(condemn, accuse.source) == ["Javad Zarif"])
        let ask = try analyze("«Chiedo al governo di dimettersi», ha detto Mario Rossi.")
        #expect(ask.events.map(\.type) == ["REQUEST"])
        let diary = try analyze("Dopo un po' appare una tenda, chiedo ai proprietari di poter mangiare all'ombra.")
        #expect(diary.events.isEmpty)
        // Calling something madness inside a quotation condemns it.
        let madness = try analyze("L'ex premier Thaksin Shinawatra ha definito la costituzione «una follia».")
        #expect(madness.events.map(\.type) == ["ACCUSE"])
    }

    @Test("A perfect infinitive a verb of saying or claiming governs reports a done act; one a denial or a charge governs does not")
    func reportedPerfectInfinitives() throws {
        let arrest = try analyze("La polizia ha reso noto di aver arrestato tre uomini.")
        let a = try #require(arrest.events.first)
        #expect(a.type == "COERCE" && a.mode == "arrest")
        #expect(texts(arrest, a.source) == ["polizia"])
        let rockets = try analyze("Hamas ha rivendicato di aver lanciato 20 razzi contro Israele.")
        let r = try #require(rockets.events.first)
        #expect(r.type == "ASSAULT" && r.mode == "heavy-weapons")
        #expect(texts(rockets, r.target) == ["Israele"])
        let denied = try analyze("Il ministro ha negato di aver incontrato il presidente russo Putin.")
        #expect(denied.events.isEmpty)
        let charged = try analyze("La Russia accusa la Georgia di aver sparato colpi di mortaio nel territorio dell'Ossezia del Sud.")
        #expect(!charged.events.contains { $0.type == "ASSAULT" })
        // Launching rockets is an attack; launching tear gas is crowd control, not artillery.
        let jihad = try analyze("In nottata la Jihad islamica ha annunciato il lancio di sette razzi.")
        #expect(jihad.events.map(\.type) == ["ASSAULT"])
        let gas = try analyze("Gli agenti hanno allontanato i manifestanti lanciando lacrimogeni e granate stordenti.")
        #expect(!gas.events.contains { $0.mode == "heavy-weapons" || $0.mode == "explosives" })
    }

    @Test("Words a speaker ascribes to another actor are that actor's act, reported")
    func ascribedJudgements() throws {
        let ascribed = try analyze("Il ministro ha detto che la riforma, secondo l'opposizione, sarebbe una vergogna.")
        let a = try #require(ascribed.events.first)
        #expect(texts(ascribed, a.source) == ["opposizione"])
        #expect(a.target.isEmpty)
        #expect(a.quote?.role == .report)
        // A purpose "per" ascribes nothing.
        let own = try analyze("Pierluigi Bersani ha commentato: «Bisogna reagire insieme per colpire gli infami».")
        let o = try #require(own.events.first)
        #expect(texts(own, o.source) == ["Pierluigi Bersani"])
    }

    @Test("A trigger that ends the text, with no full stop after it, is read without running off the end")
    func triggerAtTheEnd() throws {
        let doc = try analyze("Ieri il ministro Mario Rossi ha criticato")
        let e = try #require(doc.events.first)
        #expect(e.type == "ACCUSE")
        #expect(texts(doc, e.source) == ["Mario Rossi"])
    }

    @Test("Inquiries, suspended relations, mobilised men and requests made by letter")
    func inquiriesRelationsAndLetters() throws {
        let inquiry = try analyze("La Procura di Roma ha iscritto nel registro degli indagati sette agenti dei servizi egiziani.")
        let i = try #require(inquiry.events.first)
        #expect(i.type == "ACCUSE" && i.mode == "investigate")
        #expect(texts(inquiry, i.target) == ["agenti"])
        let relations = try analyze(
            "Roberto Fico ha annunciato che la Camera sospenderà ogni tipo di relazione diplomatica con il Parlamento egiziano.")
        let r = try #require(relations.events.first)
        #expect(r.type == "SANCTION" && r.mode == "discontinue")
        #expect(texts(relations, r.target) == ["Parlamento egiziano"])
        let men = try analyze("Breedlove ha dichiarato che la Russia ha mobilitato abbastanza uomini.")
        #expect(men.events.map(\.type) == ["MOBILIZE"])
        // A speech act a letter is sent for is made; a trip made for one is only a purpose.
        let letter = try analyze("Nancy Pelosi ha inviato una lettera al presidente Bush per esortarlo a stornare quei fondi.")
        let l = try #require(letter.events.first)
        #expect(l.type == "REQUEST")
        #expect(texts(letter, l.source) == ["Nancy Pelosi"])
        let trip = try analyze("Nancy Pelosi è andata a Washington per esortarlo a stornare quei fondi.")
        #expect(trip.events.isEmpty)
    }

    @Test("A light verb or a state governs its event noun: 'compie una visita', 'è in visita presso'")
    func lightVerbsAndStates() throws {
        let trip = try analyze("Il presidente iraniano Ahmadinejad compie una visita storica in Iraq.")
        let visit = try #require(trip.events.first)
        #expect(visit.type == "CONSULT" && visit.mode == "visit")
        #expect(texts(trip, visit.source) == ["Ahmadinejad"])
        #expect(texts(trip, visit.target) == ["Iraq"])
        let staying = try analyze("Il presidente Ahmadinejad è in visita presso il premier Nuri al-Maliki.")
        let host = try #require(staying.events.first)
        #expect(texts(staying, host.target) == ["Nuri al-Maliki"])
        // A relative whose antecedent is a thing acts for nobody, the speaker neither.
        let law = try analyze("«È una legge che chiede sacrifici a tutti», ha detto il ministro Paolo Ferrero.")
        #expect(law.events.isEmpty)
        // Movements and associations are actors; an organisation's name after its noun names it.
        let blind = try analyze(
            "Si era creata una situazione che aveva suscitato una vivace protesta da parte di alcune associazioni dei ciechi.")
        let p = try #require(blind.events.first)
        #expect(texts(blind, p.source) == ["associazioni"])
        let blm = try analyze("Non si sono fermate le proteste del movimento Black Lives Matter, che si estendono in Europa.")
        let m = try #require(blm.events.first)
        #expect(texts(blm, m.source) == ["Black Lives Matter"])
        let test = try analyze("La Corea del Nord effettua un test nucleare.")
        #expect(test.events.map(\.type) == ["MOBILIZE"])
    }

    @Test("An acquittal is a concession by the court; a bare participle after a name is that name's act")
    func acquittalsAndAppositions() throws {
        // PLOVER's manual: acquittals are CONCEDE. The court keeps acting past "mentre".
        let court = try analyze("Il tribunale aveva condannato Agricola a un anno di reclusione mentre aveva assolto Giraudo.")
        #expect(court.events.map(\.type) == ["SANCTION", "CONCEDE"])
        let acquittal = try #require(court.events.last)
        #expect(texts(court, acquittal.source) == ["tribunale"])
        #expect(texts(court, acquittal.target) == ["Giraudo"])
        let passive = try analyze("Gli imputati sono stati assolti dalla Corte d'Assise di Roma.")
        let p = try #require(passive.events.first)
        #expect(p.type == "CONCEDE")
        #expect(texts(passive, p.source) == ["Corte d'Assise"])
        // Fulfilling a duty is no acquittal.
        let duty = try analyze("Il ministro ha assolto il suo compito con diligenza.")
        #expect(duty.events.isEmpty)
        // "…, che succede a Musharraf, dimessosi in agosto": Musharraf resigned, not the relative's antecedent.
        let resigned = try analyze("Il parlamento ha eletto Asif Ali Zardari, che succede a Pervez Musharraf, dimessosi in agosto.")
        let r = try #require(resigned.events.first { $0.type == "RETREAT" })
        #expect(texts(resigned, r.source) == ["Pervez Musharraf"])
    }

    @Test("Electoral rallies are no protest; a request by someone named only by where they are from is private")
    func ralliesAndOrigins() throws {
        let rally = try analyze("Il sindaco ha detto che le piazze per le manifestazioni elettorali sono state distribuite tra i partiti.")
        #expect(!rally.events.contains { $0.type == "PROTEST" })
        let origin = try analyze("Il sessantenne di Varese ha chiesto di avere spiegazioni sul motivo del decesso.")
        #expect(origin.events.isEmpty)
        let named = try analyze("Il sindaco di Varese ha chiesto di avere spiegazioni sul motivo del decesso.")
        #expect(named.events.map(\.type) == ["REQUEST"])
    }

    @Test("After a plural determiner a singular verb form is a noun; a request by someone named by their town is private")
    func determinerNounsAndTowns() throws {
        let churches = try analyze("Numerosi i crolli, e si riscontrano danni ingenti su molte chiese e campanili.")
        #expect(churches.events.isEmpty)
        let two = try analyze("Il PM, sentendo la sentenza di colpevolezza dei due, chiede la pena di morte.")
        #expect(two.events.map(\.type) == ["REQUEST"])
        let town = try analyze("Una donna di Merano, nella Val Venosta, ha richiesto il test di paternità.")
        #expect(town.events.isEmpty)
    }

    @Test("A driver who stops, a train standing still, a conditional sentence and a body shut in a closet are no arrests")
    func stopsThatAreNoArrests() throws {
        for text in [
            "In Brasile Kimi Raikkonen si è fermato ai box dopo il terzo giro.",
            "Il treno Roma - Campobasso ha tamponato il treno Roma - Cassino, mentre quest'ultimo era fermo alla stazione.",
            "In Iran, qualora i sedici fossero ritenuti colpevoli di apostasia, verrebbero condannati a morte.",
            "In India, dopo un quarto d'ora il corpo viene rinchiuso in uno sgabuzzino."
        ] {
            let doc = try analyze(text)
            #expect(!doc.events.contains { $0.type == "COERCE" || $0.type == "SANCTION" }, "\(text)")
        }
        // A criticism worded as a charge, with no crime named, is no charge by the state.
        let criticised = try analyze("In Italia l'ex ministro degli Esteri è stato accusato di «bulimia e ansia da prestazione».")
        #expect(criticised.events.isEmpty)
        // Asked-for, expected or place-bound acts of the state are none.
        for text in [
            "In Iraq l'imputato aveva chiesto di essere giustiziato come un soldato.",
            "In India l'opinione pubblica è concorde con il fatto che i due saranno scarcerati al più presto.",
            "Solamente una persona in Connecticut è stata giustiziata dal 1976."
        ] {
            let doc = try analyze(text)
            #expect(!doc.events.contains { $0.type == "ASSAULT" || $0.type == "RETREAT" }, "\(text)")
        }
        // A protest after a complex preposition is no object of the verb before it (not averted by it).
        let postponed = try analyze("Il corteo è stato rinviato a causa delle proteste dei sindacati.")
        #expect(postponed.events.map(\.type) == ["PROTEST"])
        #expect(postponed.events.first.map { texts(postponed, $0.source) } == ["sindacati"])
        // The detention "di" names.
        let held = try analyze("In Italia, dopo il fermo di due persone ritenute responsabili, un terzo uomo è stato rinchiuso in carcere.")
        #expect(held.events.contains { $0.type == "COERCE" && held.text(in: $0.trigger) == "fermo di" })
    }

    @Test("A passive gerund is about the subject of the clause it hangs on")
    func passiveGerundTarget() throws {
        let doc = try analyze("Tre persone hanno ricevuto il Battesimo in una chiesa evangelica a Teheran, venendo poi arrestate.")
        let e = try #require(doc.events.first { doc.text(in: $0.trigger).hasSuffix("arrestate") })
        #expect(texts(doc, e.target) == ["persone"])
    }

    @Test("An offer by what is no actor is no event; the next meeting is only agreed")
    func offersAndNextMeetings() throws {
        let episode = try analyze("Il poco edificante episodio reso noto oggi offre uno spaccato sul microcosmo amministrativo cinese.")
        #expect(episode.events.isEmpty)
        let next = try analyze(
            "Il ministro ha lasciato l'incarico per prepararsi in vista della prossima riunione della Conferenza ministeriale.")
        let e = try #require(next.events.first { next.text(in: $0.trigger) == "riunione" })
        #expect(e.type == "AGREE")
    }

    @Test("A question is no request; high offices are no police charges; a street is no jurisdiction; 'chi' is nobody known")
    func notActsNotActors() throws {
        // "chi ha sparato": an unknown actor, not the subject of the clause around it.
        let unknown = try analyze("Il senatore Marco Ferri promette di mettere in galera chi ha sparato.")
        #expect(!unknown.events.contains { $0.type == "ASSAULT" })
        let asked = try analyze("Un giornalista chiede al ministro Dario Gentile: «È la sua Bibbia?»")
        #expect(!asked.events.contains { $0.type == "REQUEST" })
        let demanded = try analyze("Il sindacato chiede al ministro Dario Gentile: «Ritiri subito il decreto!»")
        #expect(demanded.events.contains { $0.type == "REQUEST" })
        let offices = try analyze("Messaggi di cordoglio sono giunti dalle più alte cariche dello Stato.")
        #expect(offices.events.isEmpty)
        let charges = try analyze("Le cariche della polizia hanno disperso il corteo degli studenti.")
        #expect(charges.events.contains { $0.type == "ASSAULT" })
        let street = try analyze("In viale Roma è stato arrestato un uomo di 40 anni.")
        #expect(!street.events.contains { e in e.source.contains { street.text(in: $0.range).contains("viale") } })
        let city = try analyze("A Catania è stato arrestato il sindaco Nino Ferri.")
        let arrest = try #require(city.events.first { $0.type == "COERCE" })
        #expect(texts(city, arrest.source) == ["Catania"])
    }

    @Test("A charge between private persons is no event; one by a political side or a named person is; denying a charge is no refusal")
    func privateChargesAndDenials() throws {
        let lover = try analyze("Il poeta Apollinaire venne accusato da un amante di aver rubato alcune statuette.")
        #expect(!lover.events.contains { $0.type == "ACCUSE" }, "\(lover.events.map { lover.text(in: $0.trigger) })")
        let mother = try analyze("Una donna aveva falsamente accusato il vicino di averla accoltellata.")
        #expect(!mother.events.contains { $0.type == "ACCUSE" })
        // So is a private request or promise; a public body's is an event.
        let neighbour = try analyze("Un vicino della famiglia ha chiesto più volte di farsi aprire la porta.")
        #expect(neighbour.events.isEmpty, "\(neighbour.events)")
        let town = try analyze("Il comune ha chiesto alla regione la cessione della ferrovia.")
        #expect(town.events.map(\.type) == ["REQUEST"], "\(town.events)")
        let side = try analyze("Il centrodestra accusa il centrosinistra di appoggiare i teppisti.")
        let charge = try #require(side.events.first { $0.type == "ACCUSE" })
        #expect(texts(side, charge.source) == ["Il centrodestra"] || texts(side, charge.source) == ["centrodestra"])
        #expect(texts(side, charge.target) == ["centrosinistra"])
        let named = try analyze(
            "«Siamo tornati a una nuova era di segregazione. I neri di questo Stato conoscono la sensazione», ha accusato il reverendo Raphael Warnock."
        )
        #expect(named.events.contains { $0.type == "ACCUSE" })
        let denial = try analyze("Per voce di Manlio Di Stefano, il M5S respinge le accuse del sindaco Ignazio Marino.")
        #expect(!denial.events.contains { $0.type == "REJECT" })
        let refusal = try analyze("Il M5S respinge la proposta del sindaco Ignazio Marino.")
        #expect(refusal.events.contains { $0.type == "REJECT" })
    }

    @Test("A speech act named by the noun that opens a quotation right after its cue is the speakers' act")
    func openingNounAct() throws {
        let doc = try analyze(
            "I presidenti delle Camere, Fausto Bertinotti e Franco Marini, hanno espresso «piena fiducia nella Corte Costituzionale».")
        let e = try #require(doc.events.first { $0.type == "SUPPORT" })
        #expect(doc.text(in: e.trigger) == "fiducia")
        #expect(texts(doc, e.source) == ["Fausto Bertinotti", "Franco Marini"])
        #expect(texts(doc, e.target) == ["Corte Costituzionale"])
        #expect(e.quote?.role == .act)
        // Words of the quotation farther in, or not right after the cue, stay a report of the content.
        let far = try analyze(
            "Il sindaco Mario Neri ha detto: «Dopo quanto accaduto non possiamo che esprimere solidarietà alla famiglia».")
        #expect(!far.events.contains { $0.type == "SUPPORT" && $0.quote?.role == .act })
    }

    @Test("Violence is aimed at whoever its object names; between private persons it is a crime, no event")
    func violenceTargetsAndPrivateCrime() throws {
        let driver = try analyze("Gli aggressori hanno ucciso l'autista e picchiato gli italiani.")
        let killing = try #require(driver.events.first { $0.type == "ASSAULT" })
        #expect(texts(driver, killing.source) == ["aggressori"])
        #expect(texts(driver, killing.target) == ["autista"])
        let family = try analyze("Enrico Brandimarte, un noto chirurgo di Taranto, ha ucciso la moglie e le due figlie.")
        #expect(!family.events.contains { $0.type == "ASSAULT" }, "\(family.events)")
        // A person the text titles with an actor noun acts in a public role.
        let officer = try analyze("Arrestato Derek Chauvin, il poliziotto che ha ucciso George Floyd.")
        let death = try #require(officer.events.first { $0.type == "ASSAULT" })
        #expect(texts(officer, death.source) == ["Derek Chauvin"])
        #expect(texts(officer, death.target) == ["George Floyd"])
    }

    @Test("A government's formal protest is a complaint; an invitation to act asks; consulting papers is no meeting")
    func protestInvitationConsultation() throws {
        let note = try analyze("Il governo giapponese ha mosso una protesta formale contro la Cina.")
        let complaint = try #require(note.events.first)
        #expect(complaint.type == "ACCUSE" && note.events.count == 1, "\(note.events)")
        #expect(texts(note, complaint.target) == ["Cina"])
        let call = try analyze("Il sindacato ha lanciato un invito ad approvare la legge.")
        #expect(call.events.map(\.type) == ["REQUEST"])
        let papers = try analyze("Il professor Giuseppe Pallanti ha consultato alcune carte custodite in un archivio.")
        #expect(papers.events.isEmpty, "\(papers.events)")
        let parties = try analyze("Il premier Mario Neri ha consultato i partiti della maggioranza.")
        #expect(parties.events.map(\.type) == ["CONSULT"])
    }

    @Test("Force used 'per disperdere la folla' is aimed at the crowd")
    func purposeTarget() throws {
        let doc = try analyze("Gli agenti hanno usato gas lacrimogeni per disperdere la folla davanti al municipio.")
        let e = try #require(doc.events.first { $0.type == "ASSAULT" })
        #expect(texts(doc, e.source) == ["agenti"])
        #expect(texts(doc, e.target) == ["folla"])
    }

    @Test("A purpose clause gives no target to an act that is not force")
    func purposeOnlyForForce() throws {
        let doc = try analyze("Il sindaco Laura Fontana ha criticato la riforma per difendere i pendolari.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(e.target.isEmpty)
    }

    @Test("'nei confronti di X' names the target when the frame's own place is empty")
    func towardTarget() throws {
        let doc = try analyze("Il consigliere Dario Gentile ha presentato una denuncia nei confronti del ministro Elena Russo.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(texts(doc, e.target).contains { $0.contains("Elena Russo") || $0 == "ministro" })
        #expect(texts(doc, e.source).contains { $0.contains("Dario Gentile") })
    }

    @Test("A noun trigger's actor is the agent of the participle after it")
    func participleAgentSource() throws {
        let doc = try analyze("Il tribunale ha respinto ieri l'istanza di scarcerazione presentata dai legali di Bruno Sala.")
        let e = try #require(doc.events.first { $0.type == "REQUEST" })
        #expect(texts(doc, e.source) == ["legali"])
    }

    @Test("A gerund that goes on with the same act joins it; signing one's name is no support")
    func gerundJoinsAndSigning() throws {
        let doc = try analyze("Il deputato Fabio Greco ha contestato il voto del consiglio, denunciando irregolarità nello spoglio.")
        let accusations = doc.events.filter { $0.type == "ACCUSE" }
        #expect(accusations.count == 1)
        #expect(accusations.first?.coref.map { String(doc.text(in: $0)) } == ["denunciando"])
        let signed = try analyze(
            "Il pittore Aldo Serra si firma con uno pseudonimo. Il ministro Carla Fabbri ha firmato l'accordo con Mario Landi.")
        #expect(signed.events.filter { $0.type == "SUPPORT" }.count == 1)
    }

    @Test("A passive without a subject of its own is about the person the text keeps naming")
    func passiveTopicTarget() throws {
        let doc = try analyze(
            "Il sindacalista Piero Galli nacque a Genova nel 1931. Galli studiò legge a Pisa con la sorella. "
                + "Nel 1970 venne arrestato e condannato a tre anni di carcere.")
        let arrest = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, arrest.target) == ["Galli"])
        let sentence = try #require(doc.events.first { $0.type == "SANCTION" })
        #expect(sentence.mode == "convict")
        #expect(texts(doc, sentence.target) == ["Galli"])
        // Named once only, a person is not yet what the text is about.
        let once = try analyze("Il sindacalista Piero Galli nacque a Genova nel 1931. Nel 1970 venne arrestato.")
        #expect(once.events.allSatisfy { $0.target.isEmpty })
    }

    @Test("A trigger word inside a title or a sports fixture is no event ('not=' in the lexicon)")
    func notWords() throws {
        let title = try analyze("Il giudice per le indagini preliminari di Milano, Sara Monti, ha fissato l'udienza.")
        #expect(!title.events.contains { $0.type == "ACCUSE" })
        // The same words without the title's head are an investigation of the jurisdiction.
        let inquiry = try analyze("Il magistrato per le indagini preliminari di Milano, Sara Monti, ha fissato l'udienza.")
        #expect(inquiry.events.contains { $0.type == "ACCUSE" && $0.mode == "investigate" })
        let match = try analyze("Cento tifosi sono partiti per Genova per assistere all'incontro di calcio.")
        #expect(!match.events.contains { $0.type == "CONSULT" })
        let talks = try analyze("Il ministro Sara Monti ha avuto un incontro con il sindaco Marco Pini.")
        #expect(talks.events.contains { $0.type == "CONSULT" })
    }

    @Test("A victim is no source: 'è stato ucciso' without an agent is no event")
    func irregularParticipleVictim() throws {
        let doc = try analyze(
            "Il giornalista Carlo Ferri è stato ucciso ieri sera a Napoli. Cinque agenti sono rimasti uccisi in una sparatoria.")
        #expect(!doc.events.contains { $0.type == "ASSAULT" })
        let agent = try analyze("Il giornalista Carlo Ferri è stato ucciso ieri sera dai miliziani del gruppo armato.")
        let e = try #require(agent.events.first { $0.type == "ASSAULT" })
        #expect(texts(agent, e.source) == ["miliziani"])
        #expect(texts(agent, e.target).contains { $0.contains("Carlo Ferri") })
    }

    @Test("'quest'ultima' is the last actor named; the object of an infinitive is no subject")
    func latterAndInfinitiveObject() throws {
        let doc = try analyze("La polizia è arrivata in piazza. Quest'ultima ha lanciato lacrimogeni contro i manifestanti.")
        let e = try #require(doc.events.first { $0.type == "ASSAULT" })
        #expect(texts(doc, e.source) == ["Quest'ultima"])
        let purpose = try analyze("Gli agenti, per disperdere la folla, hanno dovuto lanciare lacrimogeni.")
        let p = try #require(purpose.events.first { $0.type == "ASSAULT" })
        #expect(texts(purpose, p.source) == ["agenti"])
        // A title in -iere is no infinitive: "il consigliere Dario Gentile" stays a subject.
        let title = try analyze("Il consigliere Dario Gentile ha presentato una denuncia contro il sindaco.")
        let t = try #require(title.events.first { $0.type == "ACCUSE" })
        #expect(texts(title, t.source).contains { $0.contains("Dario Gentile") })
    }

    @Test("A name in apposition to an agent phrase is neither the speaker nor the source")
    func agentPhraseApposition() throws {
        let doc = try analyze(
            "I capigruppo della Lega, Marco Bianchi e Luca Verdi, sostenuti dal capogruppo del Pd al Senato, Paolo Neri, "
                + "hanno chiesto al governo di riferire in aula sulla vicenda.")
        let e = try #require(doc.events.first { $0.type == "REQUEST" })
        let sources = texts(doc, e.source)
        #expect(sources.contains { $0.contains("Marco Bianchi") } && sources.contains { $0.contains("Luca Verdi") })
        #expect(!sources.contains { $0.contains("Paolo Neri") })
        #expect(!sources.contains { $0 == "Lega" })
        let q = try #require(doc.quotes.first)
        #expect(q.speaker.map { String(doc.text(in: $0.range)) } != "Paolo Neri")
    }

    @Test("An agentless arrest named with a city is its country's, when the text names that country")
    func cityJurisdiction() throws {
        let doc = try analyze(
            "La Serbia ha chiesto spiegazioni all'Italia. I giornali di Belgrado hanno riferito dell'arresto di dodici attivisti.")
        let e = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, e.source) == ["Serbia"])
    }

    @Test("Phrases and sentence adverbs inside a verb group belong to the trigger")
    func verbGroupAdverbs() throws {
        let praise = try analyze("Il presidente della Commissione, Paolo Neri, ha a sua volta esaltato l'accordo con la Francia.")
        let e = try #require(praise.events.first { $0.type == "SUPPORT" })
        #expect(String(praise.text(in: e.trigger)) == "ha a sua volta esaltato")
        let refusal = try analyze("Il governo ha invece respinto la proposta dei sindacati.")
        let r = try #require(refusal.events.first { $0.type == "REJECT" })
        #expect(String(refusal.text(in: r.trigger)) == "ha invece respinto")
        // An adverb before the verb with no auxiliary stays out.
        let bare = try analyze("Il governo invece respinge la proposta dei sindacati.")
        let b = try #require(bare.events.first { $0.type == "REJECT" })
        #expect(String(bare.text(in: b.trigger)) == "respinge")
    }

    @Test("Condemning words in a quotation take the subject of their 'che' clause as target; a trailing gerund keeps the speaker")
    func condemnationTarget() throws {
        let doc = try analyze(
            "Il senatore Marco Ferri risponde al ministro, accusandolo di voler usare l'esercito contro i cittadini: "
                + "«È inaccettabile che la polizia aumenti la violenza», aggiungendo che serve calma.")
        let q = try #require(doc.quotes.first { String(doc.text(in: $0.content)).hasPrefix("È inaccettabile") })
        let ferri = try #require(doc.entities.firstIndex { $0.name == "Marco Ferri" })
        #expect(q.speaker?.entity == ferri)
        let e = try #require(doc.events.first { String(doc.text(in: $0.trigger)).contains("inaccettabile") })
        #expect(e.source.map(\.entity) == [ferri])
        #expect(texts(doc, e.target) == ["polizia"])
    }

    @Test("A mention running past the clause argument it ends does not stop the analysis")
    func mentionPastArgument() throws {
        let doc = try analyze(
            "Il New York Post sottolinea, però, che l'offerta sarebbe stata respinta dal gruppo dirigente di Yahoo!. "
                + "Oggi il Wall Street Journal ha scritto che i contatti si sono interrotti.")
        #expect(!doc.sentences.isEmpty)
    }

    @Test("A government that obtains confidence is supported by the chamber that gives it ('recv' frame)")
    func confidenceVote() throws {
        let doc = try analyze("Il nuovo esecutivo ha ottenuto la fiducia del Parlamento.")
        let e = try #require(doc.events.first { $0.type == "SUPPORT" })
        #expect(texts(doc, e.source) == ["Parlamento"])
        #expect(texts(doc, e.target) == ["esecutivo"])
        // "prima di aver incassato": a perfect infinitive after "prima di" happened; its subject
        // is that of the clause it precedes.
        let before = try analyze(
            "Già in mattinata, prima di aver incassato la fiducia al Senato, il premier Marco Ferri si era mostrato fiducioso.")
        let b = try #require(before.events.first { $0.type == "SUPPORT" })
        #expect(texts(before, b.source) == ["Senato"])
        #expect(b.target.count == 1)
        // Before doing it, it is not done.
        let purpose = try analyze("Prima di incassare la fiducia al Senato, il premier Marco Ferri ha incontrato i sindacati.")
        #expect(!purpose.events.contains { $0.type == "SUPPORT" })
    }

    @Test("A charge 'a loro carico' is against them; a denunciation names whose act it denounces")
    func chargeAndDenunciationTargets() throws {
        let doc = try analyze("L'agenzia ha parlato con cinque ufficiali. Tutti hanno procedimenti penali a loro carico in Russia.")
        let charge = try #require(doc.events.first { $0.type == "ACCUSE" && $0.mode == "allege" })
        #expect(texts(doc, charge.source) == ["Russia"])
        #expect(texts(doc, charge.target) == ["loro"])
        let act = try analyze(
            "Gli oppositori hanno contestato il risultato elettorale, denunciando brogli in favore di Mario Rossi.")
        let e = try #require(act.events.first { $0.type == "ACCUSE" })
        #expect(act.events.filter { $0.type == "ACCUSE" }.count == 1)
        #expect(texts(act, e.target).contains { $0.contains("Mario Rossi") })
        // "accusare di" + a clause: the charge names no one.
        let clause = try analyze("Il senatore Marco Ferri ha accusato il governo di voler fare dell'Italia un paese chiuso.")
        let c = try #require(clause.events.first { $0.type == "ACCUSE" })
        #expect(texts(clause, c.target) == ["governo"])
    }

    @Test("'I capi di stato' after two leaders' talks are those leaders; members named after a colon are the group")
    func pluralGroupAndColonMembers() throws {
        let doc = try analyze(
            "Il presidente francese, Paolo Neri, e il presidente tedesco, Karl Weber, stanno conducendo negoziati a Berlino. "
                + "I capi di stato dovrebbero incontrare oggi i membri della spedizione sulla stazione spaziale: "
                + "gli astronauti Luca Verdi e Anna Bruni.")
        let e = try #require(doc.events.first { $0.type == "AGREE" })
        let sources = texts(doc, e.source)
        #expect(sources.count == 2)
        #expect(sources.contains { $0.contains("Paolo Neri") } && sources.contains { $0.contains("Karl Weber") })
        let targets = texts(doc, e.target)
        #expect(targets.count == 2)
        #expect(targets.contains { $0.contains("Luca Verdi") } && targets.contains { $0.contains("Anna Bruni") })
    }

    @Test("'Ha attaccato' a person by name is an accusation against them; a simple tense before a name is left alone")
    func attackedByName() throws {
        let doc = try analyze("Marco Ferri ha poi attaccato sia Paolo Neri che Anna Bianchi durante il comizio.")
        let accuse = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(String(doc.text(in: accuse.trigger)) == "ha poi attaccato")
        #expect(texts(doc, accuse.source) == ["Marco Ferri"])
        #expect(texts(doc, accuse.target) == ["Paolo Neri", "Anna Bianchi"])
        // `in salita attacca Gilbert`: the name after a simple tense is as often its subject.
        let race = try analyze("A dieci chilometri dall'arrivo, in salita attacca Philippe Gilbert, tutto solo.")
        #expect(!race.events.contains { $0.type == "ACCUSE" })
    }

    @Test("A cleft names the actor of a real act: 'è proprio X a invocare', 'non è solo X a criticare'")
    func cleft() throws {
        let doc = try analyze("Non a caso, è proprio Marco Ferri a invocare le elezioni anticipate.")
        let request = try #require(doc.events.first { $0.type == "REQUEST" })
        #expect(String(doc.text(in: request.trigger)) == "invocare")
        #expect(texts(doc, request.source) == ["Marco Ferri"])
        let criticism = try analyze("Non è solo la Chiesa a criticare la scelta del governo.")
        let accuse = try #require(criticism.events.first { $0.type == "ACCUSE" })
        #expect(texts(criticism, accuse.source) == ["Chiesa"])
        #expect(texts(criticism, accuse.target) == ["governo"])
        // A verb phrase is no cleft's actor: `fu poi costretto dal regime a rinunciare a ritirare`.
        let forced = try analyze("Lo scrittore fu poi costretto dal regime sovietico a rinunciare a ritirare il premio.")
        #expect(forced.events.isEmpty, "\(forced.events)")
        // An infinitive after `a` with no cleft stays no event: `è pronto a criticare` is a readiness.
        let ready = try analyze("Il ministro Marco Ferri è pronto a criticare il governo.")
        #expect(!ready.events.contains { $0.type == "ACCUSE" })
    }

    @Test("A decision is a plan: 'ha deciso di ritirare' an announced concession, 'ha deciso di stanziare' an agreement")
    func decided() throws {
        let withdraw = try analyze("Il governo ha deciso di ritirare il decreto sulla scuola.")
        let concede = try #require(withdraw.events.first)
        #expect(concede.type == "CONCEDE")
        #expect(String(withdraw.text(in: concede.trigger)) == "ritirare")
        #expect(texts(withdraw, concede.source) == ["governo"])
        let aid = try analyze("Il governo ha deciso di stanziare cinquanta milioni di euro per la Calabria.")
        #expect(aid.events.first?.type == "AGREE", "\(aid.events)")
        // What is decided but is no cooperation nor retreat has not happened yet.
        let criticise = try analyze("Il partito ha deciso di criticare il governo.")
        #expect(criticise.events.isEmpty, "\(criticise.events)")
    }

    @Test("A participle with only adverbs before it is bare: 'Derek Chauvin, già incriminato' is no act of his")
    func adverbBareParticiple() throws {
        let doc = try analyze("Derek Chauvin, già precedentemente incriminato, è in prigione dalla scorsa settimana.")
        #expect(doc.events.isEmpty, "\(doc.events)")
        // With an agent it is a passive act of the agent.
        let agent = try analyze("Derek Chauvin, già incriminato dalla procura di Minneapolis, è in prigione.")
        let accuse = try #require(agent.events.first { $0.type == "ACCUSE" })
        #expect(texts(agent, accuse.target) == ["Derek Chauvin"])
    }

    @Test("A name inside an agent phrase is no subject: 'gli agenti coordinati da X hanno perquisito'")
    func subjectBeforeAgentPhrase() throws {
        let doc = try analyze("Gli agenti di polizia coordinati da Fabio Zampaglione hanno perquisito diverse abitazioni.")
        let seize = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, seize.source) == ["agenti"])
        let army = try analyze("I militari guidati dal generale Mario Rossi hanno attaccato il villaggio.")
        let assault = try #require(army.events.first { $0.type == "ASSAULT" })
        #expect(texts(army, assault.source) == ["militari"])
    }

    @Test("A people stands for its country: 'accusarono i macedoni', 'i francesi'; investigators are actors")
    func demonymsAndInvestigators() throws {
        let doc = try analyze("I cittadini greci accusarono i macedoni di essersi appropriati della loro identità.")
        let accuse = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(texts(doc, accuse.target) == ["macedoni"])
        let french = try analyze("Il presidente Aleksander Lukashenko ha accusato i francesi di voler conquistare l'Europa.")
        let accuseFrench = try #require(french.events.first { $0.type == "ACCUSE" })
        #expect(texts(french, accuseFrench.target) == ["francesi"])
        // An adjective after its noun is no people: `i soldati francesi` stays the soldiers.
        let soldiers = try analyze("La polizia ha arrestato i soldati francesi.")
        let arrest = try #require(soldiers.events.first { $0.type == "COERCE" })
        #expect(texts(soldiers, arrest.target) == ["soldati"])
        let inquiry = try analyze("Il marito ha chiamato subito la polizia a Bari. Gli investigatori stanno ancora indagando.")
        let investigate = try #require(inquiry.events.first { $0.type == "ACCUSE" })
        #expect(texts(inquiry, investigate.source) == ["investigatori"])
    }

    @Test("A name right after a transitive trigger is its object, not an inverted subject, unless the verb cues a quotation")
    func nameAfterTransitiveVerb() throws {
        for text in [
            "Il presidente francese ha parlato ieri. Ha accusato Lukashenko.", "Il ministro è arrivato ieri. Ha incontrato Lukashenko.",
            "Il presidente è arrivato ieri. Ha visitato Varsavia."
        ] {
            let doc = try analyze(text)
            #expect(
                !doc.events.contains { texts(doc, $0.source) == ["Lukashenko"] || texts(doc, $0.source) == ["Varsavia"] },
                "\(text): \(doc.events)")
        }
        // Its subject is then the previous clause's.
        let inherited = try analyze("Il presidente Macron ha parlato ieri. Ha accusato Lukashenko.")
        let charge = try #require(inherited.events.first { $0.type == "ACCUSE" })
        #expect(texts(inherited, charge.source) == ["Macron"])
        #expect(texts(inherited, charge.target) == ["Lukashenko"])
        // A speaker the quotation layer read in the object's place is the target; the actor before acts.
        let lawyer = try analyze(
            "L'avvocato e amico della famiglia del giovane morto ha accusato la polizia di aver effettuato un vero tiro a segno.")
        let lawyerCharge = try #require(lawyer.events.first { $0.type == "ACCUSE" })
        #expect(texts(lawyer, lawyerCharge.source) == ["avvocato"])
        #expect(texts(lawyer, lawyerCharge.target) == ["polizia"])
        let quoted = try analyze("«Ha mentito agli italiani», ha accusato Salvini.")
        let accuse = try #require(quoted.events.first { $0.type == "ACCUSE" })
        #expect(texts(quoted, accuse.source) == ["Salvini"])
    }

    @Test("A thing is no actor, nor is the place a headline opens with: 'India, frana uccide 20 persone'")
    func thingsAndHeadlinePlaces() throws {
        for text in [
            "India, frana uccide 20 persone", "Caserta, ubriaco al volante uccide tre bambini",
            "Un ordigno è caduto su una casa, uccidendo due sorelle."
        ] {
            let doc = try analyze(text)
            #expect(!doc.events.contains { $0.type == "ASSAULT" }, "\(text): \(doc.events)")
        }
        // A place before a comma and a preposition can still be the subject's own sentence opener.
        let moscow = try analyze("Mosca, dal canto suo, ha condannato l'attacco.")
        let accuse = try #require(moscow.events.first { $0.type == "ACCUSE" })
        #expect(texts(moscow, accuse.source) == ["Mosca"])
    }

    @Test("A wished or feared act is none ('desiderano che le armi siano vietate'); nor are protests someone tries to stifle theirs")
    func wishesAndStifledProtests() throws {
        let wish = try analyze("Molti statunitensi desiderano che le armi da fuoco siano vietate dal governo.")
        #expect(!wish.events.contains { $0.type == "COERCE" }, "\(wish.events)")
        let stifle = try analyze("Le autorità stanno cercando di soffocare le proteste ad Hong Kong.")
        #expect(!stifle.events.contains { $0.type == "PROTEST" && texts(stifle, $0.source) == ["autorità"] }, "\(stifle.events)")
    }

    @Test("An event noun after a preposition is no object of the verb before it: 'dei tre caduti nell'attentato', 'durante le proteste'")
    func nounAfterPrepositionUngoverned() throws {
        for text in [
            "Il presidente ride durante i solenni funerali dei tre caduti nell'attentato a Nassiriya del 27 aprile 2006.",
            "Sarà istituita una commissione per indagare sugli attacchi registrati durante le proteste.",
            "Salvatore Sottile, il portavoce di Gianfranco Fini, è agli arresti domiciliari."
        ] {
            let doc = try analyze(text)
            #expect(doc.events.isEmpty, "\(text): \(doc.events)")
        }
        // A vehicle does not act; opening a show is no protest.
        let car = try analyze("Un poliziotto è stato ferito, investito da un suv nero.")
        #expect(!car.events.contains { texts(car, $0.source) == ["un suv nero"] }, "\(car.events)")
        let show = try analyze("La presidente della Camera Laura Boldrini ha inaugurato la prima manifestazione del mese.")
        #expect(!show.events.contains { $0.type == "PROTEST" }, "\(show.events)")
        // A protest that only anchors a time takes no protesters from around it; after one told
        // before, it is that protest again.
        let anchor = try analyze(
            "A Minneapolis i manifestanti hanno bloccato le strade. Durante le proteste, gli agenti sono stati attaccati.")
        #expect(!anchor.events.contains { $0.type == "PROTEST" }, "\(anchor.events)")
        let again = try analyze(
            "A Minneapolis i manifestanti hanno sfilato in corteo contro il sindaco. Durante le proteste, gli agenti sono stati attaccati.")
        let protest = try #require(again.events.first { $0.type == "PROTEST" })
        #expect(protest.coref.map { again.text(in: $0) } == ["proteste"])
        // A noun after a demonstrative points back: it joins an act told before or is nothing.
        let alone = try analyze(
            "Le statuette erano state rubate dal Louvre. Tale accusa si rivelò poi una ripicca del ministro Mario Neri.")
        #expect(!alone.events.contains { $0.type == "ACCUSE" }, "\(alone.events)")
        let back = try analyze(
            "Migliaia di manifestanti hanno sfilato in corteo contro il governo a Roma. Questa protesta si è svolta senza incidenti.")
        #expect(back.events.filter { $0.type == "PROTEST" }.count == 1)
        let march = try #require(back.events.first { $0.type == "PROTEST" })
        #expect(march.coref.map { back.text(in: $0) } == ["protesta"])
    }

    @Test("An infinitive someone went as far as is a real act of theirs: 'arrivando a minacciare le dimissioni'")
    func reachedInfinitive() throws {
        let doc = try analyze("Il ministro Fabio Mussi ha criticato le norme, arrivando a minacciare le dimissioni.")
        let threat = try #require(doc.events.first { $0.type == "THREATEN" })
        #expect(String(doc.text(in: threat.trigger)) == "minacciare")
        #expect(texts(doc, threat.source) == ["Fabio Mussi"])
        // Without it an infinitive stays no act: `pronto a minacciare`.
        let ready = try analyze("Il ministro Fabio Mussi è pronto a minacciare le dimissioni.")
        #expect(!ready.events.contains { $0.type == "THREATEN" }, "\(ready.events)")
    }

    @Test("A place after a comma and a finite verb of its own is another clause's: neither jurisdiction nor location")
    func placeOfLaterClause() throws {
        let doc = try analyze("A Teheran tre escursionisti americani sono stati arrestati, il quarto è rimasto in Iraq.")
        let arrest = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, arrest.source) == ["Teheran"])
        #expect(arrest.location == nil, "\(arrest.location.map { doc.text(in: $0.range) } ?? "")")
    }

    @Test("After a preposition a relative pronoun is no subject: 'i sindacati, ai quali ha promesso' is the minister's promise to them")
    func obliqueRelative() throws {
        let doc = try analyze("Il ministro Marco Ferri ha incontrato i sindacati, ai quali ha promesso nuovi fondi.")
        let promise = try #require(doc.events.first { $0.type == "AGREE" })
        #expect(texts(doc, promise.source) == ["Marco Ferri"])
        #expect(texts(doc, promise.target) == ["sindacati"])
        let ask = try analyze("Il ministro Marco Ferri ha incontrato Mario Rossi, al quale ha chiesto le dimissioni.")
        let request = try #require(ask.events.first { $0.type == "REQUEST" })
        #expect(texts(ask, request.source) == ["Marco Ferri"])
        #expect(texts(ask, request.target) == ["Mario Rossi"])
        // An impersonal act in such a clause has no actor: no event.
        let plea = try analyze("La strage è avvenuta trent'anni fa, eppure ci sono fatti per i quali s'implora di far chiarezza.")
        #expect(plea.events.isEmpty, "\(plea.events)")
    }

    @Test("A disease or a quake right before the verb does not act; months of 'arresto' are a penalty; the authorities investigate")
    func thingSubjectsAndPenalties() throws {
        for text in [
            "A Mogadiscio il colera ha ucciso più di 180 persone nel 2011.",
            "Nel 1976 a Tangshan il terremoto ha ucciso quasi 300.000 persone.",
            "La pena inflitta a Palermo è stata di tre mesi di arresto, con la condizionale."
        ] {
            let doc = try analyze(text)
            #expect(doc.events.isEmpty, "\(text): \(doc.events)")
        }
        // A subject with an actor in it still acts ("la polizia di Roma ha arrestato").
        let police = try analyze("La polizia di Roma ha arrestato due uomini.")
        #expect(police.events.first?.type == "COERCE", "\(police.events)")
        let inquiry = try analyze("La bambina è morta a Brescia. Le indagini delle autorità hanno stabilito la causa.")
        let investigate = try #require(inquiry.events.first { $0.type == "ACCUSE" })
        #expect(texts(inquiry, investigate.source) == ["autorità"])
    }

    @Test("Assailants, killers and gunmen are actors: 'uccisi da assalitori a Kashgar' is their act, not the town's")
    func perpetratorNouns() throws {
        let doc = try analyze("Sedici poliziotti sono stati uccisi da assalitori a Kashgar, nella regione dello Xinjiang.")
        let assault = try #require(doc.events.first { $0.type == "ASSAULT" })
        #expect(texts(doc, assault.source) == ["assalitori"])
        #expect(texts(doc, assault.target) == ["poliziotti"])
    }

    @Test("A passive's actor after 'da parte di' is the actor, not the phrase 'parte di…'")
    func passiveByPartOf() throws {
        let doc = try analyze("Il ministro Marco Ferri è stato criticato da parte della Santa Sede per la legge.")
        let accuse = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(texts(doc, accuse.source) == ["Santa Sede"])
        #expect(texts(doc, accuse.target) == ["Marco Ferri"])
        let opposition = try analyze("Il ministro Marco Ferri è stato criticato da parte dell'opposizione.")
        let byOpposition = try #require(opposition.events.first { $0.type == "ACCUSE" })
        #expect(texts(opposition, byOpposition.source) == ["opposizione"])
    }

    @Test("Receiving a visitor is the visitor's visit to the host ('recv' with the object as actor)")
    func receivingAVisitor() throws {
        let doc = try analyze("Papa Benedetto XVI ha ricevuto il teologo ribelle Hans Küng in Vaticano.")
        let visit = try #require(doc.events.first { $0.type == "CONSULT" })
        #expect(visit.mode == "visit")
        #expect(texts(doc, visit.source) == ["Hans Küng"])
        #expect(texts(doc, visit.target) == ["Benedetto XVI"])
        // A sentence received is no visit.
        let sentence = try analyze("Stessa pena, con stessa colpa, ha ricevuto il ministro dell'Interno Habib al-Adli.")
        #expect(!sentence.events.contains { $0.type == "CONSULT" }, "\(sentence.events)")
    }

    @Test("During consultations a meeting with the head of state is the others' visit to the host")
    func consultationsAtTheQuirinale() throws {
        let doc = try analyze(
            "Sono iniziate le consultazioni al Quirinale con il Presidente della Repubblica Giorgio Napolitano. "
                + "Durante la mattinata Napolitano ha incontrato i partiti minori.")
        let visit = try #require(doc.events.first { $0.type == "CONSULT" })
        #expect(visit.mode == "visit")
        #expect(texts(doc, visit.source) == ["partiti"])
        #expect(texts(doc, visit.target) == ["Napolitano"])
        // Without consultations a meeting stays reciprocal.
        let talks = try analyze("Il presidente della Repubblica Giorgio Napolitano ha incontrato il premier Enrico Letta.")
        let meeting = try #require(talks.events.first { $0.type == "CONSULT" })
        #expect(meeting.target.isEmpty)
        #expect(meeting.source.count == 2)
    }

    @Test("Cooperation told in the future is a promise: the announcer's when reported; aid to a place is aid to it")
    func promisedCooperation() throws {
        let doc = try analyze(
            "Il presidente del Consiglio Romano Prodi ha ribadito che l'Italia parteciperà alla missione di pace in Libano.")
        let agree = try #require(doc.events.first { $0.type == "AGREE" })
        #expect(texts(doc, agree.source) == ["Romano Prodi"])
        let aid = try analyze("Il governo invierà aiuti alla Sardegna.")
        let promise = try #require(aid.events.first)
        #expect(promise.type == "AGREE")
        #expect(texts(aid, promise.source) == ["governo"])
        #expect(texts(aid, promise.target) == ["Sardegna"])
        let sent = try analyze("Il governo ha inviato aiuti alla Sardegna.")
        let given = try #require(sent.events.first)
        #expect(given.type == "AID")
        #expect(texts(sent, given.target) == ["Sardegna"])
    }

    @Test("A coordination inside a complement is no member of the list: 'I Presidenti di Camera e Senato, A e B'")
    func coordinatedComplementNotMembers() throws {
        let doc = try analyze(
            "I Presidenti di Camera e Senato, Fausto Bertinotti e Franco Marini, hanno espresso piena fiducia nella Consulta.")
        let support = try #require(doc.events.first { $0.type == "SUPPORT" })
        #expect(texts(doc, support.source) == ["Fausto Bertinotti", "Franco Marini"])
    }

    @Test("A pronoun after an act stands for its target when the nearest actor did that act; violence told twice is one act")
    func pronounForTheVictim() throws {
        let doc = try analyze(
            "A Baton Rouge un afroamericano era stato ucciso dalla polizia; dopo essere stato immobilizzato a terra, "
                + "uno dei poliziotti gli aveva sparato.")
        let assaults = doc.events.filter { $0.type == "ASSAULT" }
        #expect(assaults.count == 1)
        let e = try #require(assaults.first)
        #expect(texts(doc, e.target) == ["un afroamericano"])
        #expect(e.coref.map { String(doc.text(in: $0)) } == ["aveva sparato"])
    }

    @Test("Whoever has or obtains support receives it: 'il Carroccio avrà il sostegno del Pdl' is the Pdl's support")
    func supportReceived() throws {
        let doc = try analyze("In Lombardia il Carroccio avrà il sostegno del Pdl.")
        let support = try #require(doc.events.first { $0.type == "SUPPORT" })
        #expect(texts(doc, support.source) == ["Pdl"])
        #expect(texts(doc, support.target) == ["Carroccio"])
        // "avere" as an auxiliary keeps the subject the actor.
        let given = try analyze("Il governo ha espresso il sostegno alla Lega.")
        let expressed = try #require(given.events.first { $0.type == "SUPPORT" })
        #expect(texts(given, expressed.source) == ["governo"])
    }
}
