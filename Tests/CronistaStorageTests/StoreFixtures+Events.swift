import CronistaCore
import CronistaStorage
import CronistaTestSupport

/// Documents with events and time expressions placed by hand at their real offsets (our own
/// sentences), for the event search, the timeline and the migration that derives their rows.
extension StoreFixtures {
    static let tajaniText = EventSamples.tajaniText
    static let minskText = EventSamples.minskText

    /// The span of the `occurrence`-th `needle`, as a text range.
    static func at(_ b: Builder, _ needle: String, _ occurrence: Int = 1) -> TextRange {
        let (s, e) = b.find(needle, occurrence: occurrence)
        return b.range(s, e, expect: needle)
    }

    /// Tajani accuses Russia (yesterday), will meet Kallas in Brussels (Thursday), and says Moscow
    /// lies (a speech act, quote q1); published Tuesday 5 March 2024.
    static func tajaniDocument() throws -> Document {
        var b = Builder(
            try textLayer(
                id: "ev-tajani-2024-03-05", text: tajaniText,
                metadata: DocumentMetadata(
                    title: "Tajani accusa la Russia", published: "2024-03-05", source: "agenzia", declaredLanguage: "it")))
        let tajani = b.entity(
            .person, "Antonio Tajani", kb: "Q440710", mentions: [("Antonio Tajani", 1, .name), ("Tajani", 2, .name), ("Tajani", 3, .name)])
        let russia = b.entity(.location, "Russia", kb: "Q159", mentions: [("Russia", 1, .name)])
        let brussels = b.entity(.location, "Bruxelles", kb: "Q239", mentions: [("Bruxelles", 1, .name)])
        let kallas = b.entity(.person, "Kaja Kallas", kb: "Q11869065", mentions: [("Kaja Kallas", 1, .name)])
        let mosca = b.entity(.location, "Mosca", kb: "Q649", mentions: [("Mosca", 1, .name)])
        b.quote(
            .direct, content: b.find("Mosca mente sulla tregua"), cue: b.find("ha detto"), speaker: b.find("Tajani", occurrence: 3),
            entity: tajani)
        b.doc.quotes[0].date = "2024-03-05"
        b.doc.events = [
            Event(
                type: "ACCUSE", mode: "disapprove", trigger: at(b, "ha accusato"),
                source: [.init(entity: tajani, range: at(b, "Antonio Tajani"), country: "ITA", sector: "GOV")],
                target: [.init(entity: russia, range: at(b, "Russia"), country: "RUS", sector: "GOV")], date: "2024-03-04",
                claim: at(b, "violare la tregua"), cameo: "112", quad: 3),
            Event(
                type: "CONSULT", mode: "meet", trigger: at(b, "incontrerà"),
                source: [.init(entity: tajani, range: at(b, "Tajani", 2), country: "ITA", sector: "GOV")],
                target: [.init(entity: kallas, range: at(b, "Kaja Kallas"), country: "EUR", sector: "GOV")],
                location: .init(entity: brussels, range: at(b, "Bruxelles")), date: "2024-03-07", cameo: "043", quad: 1),
            Event(
                type: "ACCUSE", mode: "allege", trigger: at(b, "mente"),
                source: [.init(entity: tajani, range: at(b, "Tajani", 3), country: "ITA", sector: "GOV")],
                target: [.init(entity: mosca, range: at(b, "Mosca"), country: "RUS", sector: "GOV")], date: "2024-03-05",
                quote: .init(quote: 0, role: .act), cameo: "112", quad: 3)
        ]
        b.doc.times = [
            TimeExpression(range: at(b, "5 marzo"), kind: .date, value: "2024-03-05"),
            TimeExpression(range: at(b, "Ieri"), kind: .date, value: "2024-03-04"),
            TimeExpression(range: at(b, "Giovedì"), kind: .date, value: "2024-03-07")
        ]
        b.doc.layers.formUnion([.mentions, .entities, .quotes, .events, .times])
        return try withAbout(b.doc)
    }

    /// Lukashenko accuses Poland of massing troops (no quote); the troops, no entity, threaten to
    /// cross; the second and third events have no date of their own.
    static func minskDocument() throws -> Document {
        var b = Builder(
            try textLayer(
                id: "ev-minsk-2023-11-20", text: minskText,
                metadata: DocumentMetadata(
                    title: "Lukashenko accusa la Polonia", published: "2023-11-20", source: "Belta", declaredLanguage: "it")))
        let luka = b.entity(.person, "Aleksander Lukashenko", kb: "Q2866", mentions: [("Aleksander Lukashenko", 1, .name)])
        let poland = b.entity(.location, "Polonia", kb: "Q36", mentions: [("Polonia", 1, .name)])
        b.entity(.location, "Minsk", kb: "Q2280", mentions: [("Minsk", 1, .name)])
        b.doc.events = [
            Event(
                type: "ACCUSE", mode: "disapprove", trigger: at(b, "ha accusato"),
                source: [.init(entity: luka, range: at(b, "Aleksander Lukashenko"), country: "BLR", sector: "GOV")],
                target: [.init(entity: poland, range: at(b, "Polonia"), country: "POL", sector: "GOV")], date: "2023-11-20",
                cameo: "112", quad: 3),
            Event(
                type: "MOBILIZE", trigger: at(b, "ammassare truppe"),
                source: [.init(entity: poland, range: at(b, "Polonia"), country: "POL", sector: "GOV")],
                location: .init(entity: nil, range: at(b, "confine"))),
            Event(
                type: "THREATEN", mode: "aggression", trigger: at(b, "pronti a entrare"),
                source: [.init(entity: nil, range: at(b, "migliaia di soldati polacchi"), country: "POL", sector: "MIL")])
        ]
        b.doc.times = [TimeExpression(range: at(b, "20 novembre"), kind: .date, value: "2023-11-20")]
        b.doc.layers.formUnion([.mentions, .entities, .quotes, .events, .times])
        return try withAbout(b.doc)
    }
}
