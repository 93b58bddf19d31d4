import CronistaCore
import Foundation
import Testing

@testable import CronistaNLP

/// The time expressions of the times issue on our own sentences, normalised against a fixed
/// `published` (Friday 12 April 2024, ISO week 15), and each quote's date.
@Suite("Time expressions")
struct TimeExpressionTests {
    static let engine: Engine? = try? Engine()
    static let published = "2024-04-12"

    /// Metadata of an Italian document published on `published`.
    func italian(_ published: String?) -> DocumentMetadata { DocumentMetadata(published: published, declaredLanguage: "it") }

    /// (extent, type, value) of every time expression of `text`.
    func times(_ text: String, published: String? = TimeExpressionTests.published) throws -> [(String, String, String)] {
        let engine = try #require(Self.engine)
        let doc = try engine.analyze(DocumentInput(id: "t", text: text, metadata: italian(published), origin: "test"))
        #expect(doc.layers.contains(.times))
        return doc.times.map { (String(doc.text(in: $0.range)), $0.kind.label, $0.value) }
    }

    /// Each construction in a sentence of its own: (text, extent, type, value).
    static let constructions: [(String, String, String, String)] = [
        ("Il mercato coperto apre oggi le sue porte.", "oggi", "DATE", "2024-04-12"),
        ("La giunta si è riunita ieri sera in municipio.", "ieri sera", "TIME", "2024-04-11TEV"),
        ("Il furgone è stato ritrovato ieri mattina vicino al fiume.", "ieri mattina", "TIME", "2024-04-11TMO"),
        ("I due fratelli sono partiti l'altro ieri per la Spagna.", "l'altro ieri", "DATE", "2024-04-10"),
        ("La biblioteca resterà chiusa domani per un guasto.", "domani", "DATE", "2024-04-13"),
        ("Stasera la banda suonerà in piazza.", "Stasera", "TIME", "2024-04-12TEV"),
        ("Martedì scorso il consiglio ha approvato il bilancio.", "Martedì scorso", "DATE", "2024-04-09"),
        ("Il cantiere ripartirà martedì prossimo.", "martedì prossimo", "DATE", "2024-04-16"),
        ("Il contratto è stato firmato il 3 marzo 2019 dal sindaco.", "il 3 marzo 2019", "DATE", "2019-03-03"),
        ("La scuola era stata chiusa a marzo per lavori.", "marzo", "DATE", "2024-03"),
        ("Il ponte è crollato maggio scorso dopo la piena.", "maggio scorso", "DATE", "2023-05"),
        ("Il negozio ha aperto nel 2019 in centro.", "2019", "DATE", "2019"),
        ("Le lezioni riprenderanno tra due settimane.", "due settimane", "DATE", "2024-W17"),
        ("Lavora in quella bottega da tre anni.", "tre anni", "DURATION", "P3Y"),
        ("Negli ultimi tre anni i furti sono aumentati.", "ultimi tre anni", "DURATION", "P3Y"),
        ("La fabbrica ha chiuso due anni fa.", "due anni fa", "DATE", "2022"),
        ("La squadra ha vinto la settimana scorsa contro i rivali.", "la settimana scorsa", "DATE", "2024-W14"),
        ("Nel fine settimana sono stati rubati tre motorini.", "fine settimana", "DATE", "2024-W14-WE"),
        ("Il sindaco ha incontrato i commercianti in mattinata.", "mattinata", "TIME", "2024-04-12TMO"),
        ("Il treno passa ogni giorno alla stessa ora.", "ogni giorno", "SET", "P1D"),
        ("La riunione comincerà alle 18.30 in sala.", "18.30", "TIME", "2024-04-12T18:30"),
        ("La festa è finita verso le 3.15 del mattino.", "le 3.15 del mattino", "TIME", "2024-04-12T03:15"),
        ("Il furto è avvenuto nella notte tra sabato e domenica in via Roma.", "notte tra sabato e domenica", "TIME", "2024-04-06TNI"),
        ("La scorsa estate il lago era quasi asciutto.", "La scorsa estate", "DATE", "2023-SU"),
        ("Negli anni settanta il paese contava mille abitanti.", "anni settanta", "DATE", "197"),
        ("Il presepe sarà pronto per Natale.", "Natale", "DATE", "2024-12-25"),
        ("Il viaggio dura due ore in pullman.", "due ore", "DURATION", "PT2H"),
        ("È stato condannato a 2 anni e 6 mesi di reclusione.", "2 anni e 6 mesi", "DURATION", "P2Y6M"),
        ("Il ragazzo, un 25enne del posto, è stato fermato.", "25enne", "DURATION", "P25Y"),
        ("Adesso la strada è di nuovo percorribile.", "Adesso", "DATE", "PRESENT_REF"),
        ("In passato la piazza ospitava il mercato del bestiame.", "In passato", "DATE", "PAST_REF"),
        ("Nei giorni scorsi sono arrivate molte segnalazioni.", "giorni scorsi", "DATE", "PAST_REF"),
        ("Qualche tempo fa la situazione era tranquilla.", "Qualche tempo fa", "DATE", "PAST_REF"),
        ("Nel Capodanno del 2020 la piazza era piena.", "Capodanno del 2020", "DATE", "2020-01-01"),
        ("Il ventiduenne è stato fermato dai carabinieri.", "ventiduenne", "DURATION", "P22Y"),
        ("Si è trasferita qui cinquant'anni fa.", "cinquant'anni fa", "DATE", "1974"),
        ("Abita nel borgo da trent'anni.", "trent'anni", "DURATION", "P30Y"),
        ("Anni fa qui è stato investito un bambino.", "Anni fa", "DATE", "PAST_REF"),
        ("Lo ha dichiarato il 6 giugno scorso al giudice.", "il 6 giugno scorso", "DATE", "2023-06-06"),
        ("I danni della tromba d'aria dello scorso 27 aprile non sono stati riparati.", "scorso 27 aprile", "DATE", "2023-04-27"),
        ("Ha rubato tra l'inizio di novembre 2018 e l'estate.", "inizio di novembre 2018", "DATE", "2018-11"),
        ("Alla sera il parco è pieno di spacciatori.", "sera", "SET", "XXXX-XX-XXTEV"),
        ("Ci sarà una nuova manifestazione nei prossimi giorni.", "prossimi giorni", "DATE", "FUTURE_REF"),
        ("Questa mattina un incendio è scoppiato in via Roma.", "Questa mattina", "TIME", "2024-04-12TMO"),
        ("Il corteo è partito alle ore 16:00 da piazza Grande.", "ore 16:00", "TIME", "2024-04-12T16:00"),
        ("Il seggio resta aperto dalle ore 8 fino a sera.", "ore 8", "TIME", "2024-04-12T08:00"),
        ("Il cantiere sarà chiuso entro la fine dell'anno.", "fine dell'anno", "DATE", "2024"),
        ("L'uragano è arrivato nella tarda serata di ieri.", "tarda serata di ieri", "TIME", "2024-04-11TEV"),
        ("La ricercatrice è in carcere dal primo di marzo.", "primo di marzo", "DATE", "2024-03-01"),
        ("Il primo luglio 2019 è entrata in vigore la legge.", "Il primo luglio 2019", "DATE", "2019-07-01")
    ]

    @Test("each construction has its extent, type and value", arguments: 0..<constructions.count)
    func construction(_ i: Int) throws {
        let (text, extent, type, value) = Self.constructions[i]
        let found = try times(text)
        let hit = found.first { $0.0 == extent }
        #expect(hit != nil, "no \(extent.debugDescription) in \(found) for \(text.debugDescription)")
        if let hit {
            #expect(hit.1 == type, "\(text)")
            #expect(hit.2 == value, "\(text)")
        }
    }

    @Test("ora is PRESENT_REF as an adverb, not as the noun hour")
    func oraNounOrAdverb() throws {
        let adverb = try times("Ora il parco è di nuovo aperto.")
        #expect(adverb.map(\.2) == ["PRESENT_REF"])
        let noun = try times("Ha aspettato un'ora alla fermata e a quell'ora non passava nessuno.")
        #expect(noun.map(\.0) == ["un'ora"])
        #expect(noun.map(\.2) == ["PT1H"])
    }

    @Test("the tense around a bare weekday or date chooses past or future")
    func tenseChoice() throws {
        #expect(try times("Giovedì il sindaco ha incontrato i residenti.").map(\.2) == ["2024-04-11"])
        #expect(try times("Giovedì il sindaco incontrerà i residenti.").map(\.2) == ["2024-04-18"])
        #expect(try times("Il 20 maggio la giunta ha approvato il piano.").map(\.2) == ["2023-05-20"])
        #expect(try times("Il 20 maggio la giunta approverà il piano.").map(\.2) == ["2024-05-20"])
        #expect(try times("Il museo è aperto da ottobre.").map(\.2) == ["2023-10"])
    }

    @Test("a range is split in its two ends, the first taking the second's month")
    func range() throws {
        let found = try times("La mostra sarà aperta dal 17 al 24 luglio nel castello.")
        #expect(found.map(\.0) == ["17", "24 luglio"])
        #expect(found.map(\.2) == ["2024-07-17", "2024-07-24"])
    }

    @Test("a clock time after midnight in a night takes the next day")
    func clockInNight() throws {
        let found = try times("Nella notte tra sabato e domenica, all'1.40, è scattato l'allarme.")
        #expect(found.map(\.2) == ["2024-04-06TNI", "2024-04-07T01:40"])
    }

    @Test("without published a relative expression keeps an underspecified value")
    func underspecified() throws {
        let found = try times(
            "Il 3 marzo il comitato ha votato; ieri ha parlato, martedì scorso ha taciuto; nel 2019 era nato.", published: nil)
        #expect(found.map(\.2) == ["XXXX-03-03", "XXXX-XX-XX", "XXXX-WXX-2", "2019"])
    }

    @Test("extents leave out the governing and the articulated preposition")
    func extents() throws {
        let found = try times("Dal 26 aprile alle 9 e nell'ottobre del 2019 negli ultimi due giorni.")
        #expect(found.map(\.0) == ["26 aprile", "9", "ottobre del 2019", "ultimi due giorni"])
    }

    @Test("offsets are code points: an emoji and accented letters before the expression")
    func codePointOffsets() throws {
        let engine = try #require(Self.engine)
        let text = "😀 Perché è così? Città in festa ieri sera."
        let doc = try engine.analyze(
            DocumentInput(id: "t", text: text, metadata: italian(Self.published), origin: "test"))
        let t = try #require(doc.times.first)
        let index = OffsetIndex(text)
        let (start, end) = index.scalarRange(t.range)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "ieri sera")
        #expect(start == 32)
        #expect(t.value == "2024-04-11TEV")
    }

    @Test("a quote's date: the time expression on its cue, else published for a present perfect")
    func quoteDates() throws {
        let engine = try #require(Self.engine)
        func dates(_ text: String) throws -> [String?] {
            let doc = try engine.analyze(
                DocumentInput(id: "q", text: text, metadata: italian(Self.published), origin: "test"))
            return doc.quotes.map(\.date)
        }
        #expect(try dates("«Il ponte riaprirà entro l'estate», ha detto ieri il sindaco Mario Rossi.") == ["2024-04-11"])
        #expect(try dates("«Il ponte riaprirà entro l'estate», ha detto il sindaco Mario Rossi.") == ["2024-04-12"])
        #expect(try dates("Ieri il sindaco Mario Rossi ha dichiarato che il ponte riaprirà entro l'estate.") == ["2024-04-11"])
    }

    @Test("a malformed grammar line throws the pack's error naming file and line")
    func malformedGrammar() throws {
        let text = "table month: gennaio=01\n# a comment\nrule m=@month => DATE nosuch $m\n"
        do {
            _ = try TimeGrammar(text: text, file: "Languages/it/time-grammar.txt")
            Issue.record("no error for an unknown function")
        } catch let e as LanguagePackError {
            #expect(e.file == "Languages/it/time-grammar.txt")
            #expect(e.line == 3)
            #expect(e.description.contains("nosuch"))
        }
        #expect(throws: LanguagePackError.self) { try TimeGrammar(text: "rule m=@nowhere => DATE month $m -", file: "g") }
        #expect(throws: LanguagePackError.self) { try TimeGrammar(text: "table month gennaio=01", file: "g") }
    }

    @Test("the bundled Italian grammar loads")
    func bundledGrammar() throws {
        let engine = try #require(Self.engine)
        let grammar = try #require(engine.packs["it"]?.timeGrammar)
        #expect(grammar.rules.count > 50)
    }
}
