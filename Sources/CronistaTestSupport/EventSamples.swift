public import Foundation

/// Two analysed documents with events and time expressions (our own sentences, offsets found in
/// the text), as JSON Lines for `cronista ingest --analysed`: Tajani accuses Russia (yesterday),
/// will meet Kallas in Brussels (Thursday) and says Moscow lies (a speech act, quote q1);
/// Lukashenko accuses Poland, which masses troops at the border.
public enum EventSamples {
    public static let tajaniID = "ev-tajani-2024-03-05"
    public static let minskID = "ev-minsk-2023-11-20"

    public static let tajaniText =
        "Roma, 5 marzo. Ieri il ministro degli Esteri Antonio Tajani ha accusato la Russia di violare la tregua. Giovedì Tajani incontrerà a Bruxelles Kaja Kallas. «Mosca mente sulla tregua», ha detto Tajani."

    public static let minskText =
        "Minsk, 20 novembre. Aleksander Lukashenko ha accusato la Polonia di ammassare truppe al confine. Secondo il presidente, migliaia di soldati polacchi sono pronti a entrare."

    /// `{"start", "end", "text"}` of the `occurrence`-th `needle` in `text`, in code points.
    public static func span(_ text: String, _ needle: String, _ occurrence: Int = 1) -> [String: Any] {
        let s = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        var seen = 0
        for i in 0...(s.count - n.count) where Array(s[i..<(i + n.count)]) == n {
            seen += 1
            if seen == occurrence { return ["start": i, "end": i + n.count, "text": needle] }
        }
        preconditionFailure("'\(needle)' #\(occurrence) is not in the text")
    }

    static func merged(_ a: [String: Any], _ b: [String: Any]) -> [String: Any] { a.merging(b) { x, _ in x } }

    static func entity(_ text: String, _ id: String, _ type: String, _ name: String, _ kb: String, _ mentions: [(String, Int)]) -> [String:
        Any]
    {
        ["id": id, "type": type, "name": name, "kb": kb, "mentions": mentions.map { merged(span(text, $0.0, $0.1), ["form": "name"]) }]
    }

    static func participant(
        _ text: String, _ entity: String?, _ needle: String, _ occurrence: Int = 1, _ country: String? = nil,
        _ sector: String? = nil
    ) -> [String: Any] {
        var p = merged(span(text, needle, occurrence), ["entity": entity.map { $0 as Any } ?? NSNull()])
        if let country { p["country"] = country }
        if let sector { p["sector"] = sector }
        return p
    }

    static func event(
        _ text: String, _ id: String, _ type: String, _ mode: String?, _ trigger: String, source: [[String: Any]],
        target: [[String: Any]] = [],
        location: [String: Any]? = nil, date: String?, quote: [String: Any]? = nil, claim: String? = nil
    ) -> [String: Any] {
        [
            "id": id, "type": type, "mode": mode.map { $0 as Any } ?? NSNull(), "trigger": span(text, trigger), "coref": [] as [Any],
            "source": source, "target": target, "location": location.map { $0 as Any } ?? NSNull(),
            "date": date.map { $0 as Any } ?? NSNull(), "quote": quote.map { $0 as Any } ?? NSNull(),
            "claim": claim.map { span(text, $0) as Any } ?? NSNull()
        ]
    }

    public static var tajani: [String: Any] {
        let t = tajaniText
        return [
            "id": tajaniID, "text": t, "language": "it", "title": "Tajani accusa la Russia", "published": "2024-03-05", "source": "agenzia",
            "sentences": [] as [Any],
            "entities": [
                entity(t, "e1", "PER", "Antonio Tajani", "Q440710", [("Antonio Tajani", 1), ("Tajani", 2), ("Tajani", 3)]),
                entity(t, "e2", "LOC", "Russia", "Q159", [("Russia", 1)]),
                entity(t, "e3", "LOC", "Bruxelles", "Q239", [("Bruxelles", 1)]),
                entity(t, "e4", "PER", "Kaja Kallas", "Q11869065", [("Kaja Kallas", 1)]),
                entity(t, "e5", "LOC", "Mosca", "Q649", [("Mosca", 1)])
            ],
            "quotes": [
                merged(
                    span(t, "Mosca mente sulla tregua"),
                    [
                        "id": "q1", "kind": "direct", "cue": span(t, "ha detto"), "speaker": participant(t, "e1", "Tajani", 3),
                        "about": ["e5"], "date": "2024-03-05"
                    ])
            ],
            "events": [
                event(
                    t, "ev1", "ACCUSE", "disapprove", "ha accusato", source: [participant(t, "e1", "Antonio Tajani", 1, "ITA", "GOV")],
                    target: [participant(t, "e2", "Russia", 1, "RUS", "GOV")], date: "2024-03-04", claim: "violare la tregua"),
                event(
                    t, "ev2", "CONSULT", "meet", "incontrerà", source: [participant(t, "e1", "Tajani", 2, "ITA", "GOV")],
                    target: [participant(t, "e4", "Kaja Kallas", 1, "EUR", "GOV")], location: participant(t, "e3", "Bruxelles"),
                    date: "2024-03-07"),
                event(
                    t, "ev3", "ACCUSE", "allege", "mente", source: [participant(t, "e1", "Tajani", 3, "ITA", "GOV")],
                    target: [participant(t, "e5", "Mosca", 1, "RUS", "GOV")], date: "2024-03-05", quote: ["id": "q1", "role": "act"])
            ],
            "times": [
                merged(span(t, "5 marzo"), ["id": "t1", "type": "DATE", "value": "2024-03-05"]),
                merged(span(t, "Ieri"), ["id": "t2", "type": "DATE", "value": "2024-03-04"]),
                merged(span(t, "Giovedì"), ["id": "t3", "type": "DATE", "value": "2024-03-07"])
            ]
        ]
    }

    public static var minsk: [String: Any] {
        let t = minskText
        return [
            "id": minskID, "text": t, "language": "it", "title": "Lukashenko accusa la Polonia", "published": "2023-11-20",
            "source": "Belta",
            "sentences": [] as [Any],
            "entities": [
                entity(t, "e1", "PER", "Aleksander Lukashenko", "Q2866", [("Aleksander Lukashenko", 1)]),
                entity(t, "e2", "LOC", "Polonia", "Q36", [("Polonia", 1)]),
                entity(t, "e3", "LOC", "Minsk", "Q2280", [("Minsk", 1)])
            ],
            "quotes": [] as [Any],
            "events": [
                event(
                    t, "ev1", "ACCUSE", "disapprove", "ha accusato",
                    source: [participant(t, "e1", "Aleksander Lukashenko", 1, "BLR", "GOV")],
                    target: [participant(t, "e2", "Polonia", 1, "POL", "GOV")], date: "2023-11-20"),
                event(
                    t, "ev2", "MOBILIZE", nil, "ammassare truppe", source: [participant(t, "e2", "Polonia", 1, "POL", "GOV")],
                    location: participant(t, nil, "confine"), date: nil),
                event(
                    t, "ev3", "THREATEN", "aggression", "pronti a entrare",
                    source: [participant(t, nil, "migliaia di soldati polacchi", 1, "POL", "MIL")], date: nil)
            ],
            "times": [merged(span(t, "20 novembre"), ["id": "t1", "type": "DATE", "value": "2023-11-20"])]
        ]
    }

    /// Both documents as JSON Lines (one analysed document a line).
    public static func jsonLines() throws -> Data {
        var out = Data()
        for d in [tajani, minsk] {
            out += try JSONSerialization.data(withJSONObject: d, options: [.sortedKeys])
            out.append(0x0A)
        }
        return out
    }
}
