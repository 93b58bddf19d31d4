/// Italian word shapes and regular conjugation (``LanguageRules``).
public struct ItalianRules: LanguageRules {
    public init() {}

    public func isInfinitive(_ f: String) -> Bool {
        if f.count < 4 { return false }
        for suffix in ["are", "ere", "ire", "rsi", "rlo", "rla", "rli", "rle", "rne", "rci", "rvi", "rmi", "rti", "rre"]
        where f.hasSuffix(suffix) {
            return true
        }
        return f == "aver" || f == "esser" || f == "poter" || f == "dover" || f == "voler"
    }

    public func isGerund(_ f: String) -> Bool {
        f.count > 5 && (f.hasSuffix("ando") || f.hasSuffix("endo") || f.hasSuffix("endosi") || f.hasSuffix("andosi"))
    }

    /// First person plural endings (`abbiamo`, `avevamo`, `vincemmo`): no noun of six letters or more ends so.
    public func isFirstPersonVerb(_ f: String) -> Bool {
        f.count >= 6 && (f.hasSuffix("iamo") || f.hasSuffix("vamo") || f.hasSuffix("emmo"))
    }

    static let irregularParticiples: Set<String> = [
        "detto", "detta", "detti", "dette", "scritto", "scritta", "chiesto", "chiesta", "risposto", "risposta",
        "concluso", "conclusa", "aggiunto", "aggiunta", "ammesso", "ammessa", "promesso", "promessa", "proposto",
        "proposta", "imposto", "imposta", "sostenuto", "sostenuta", "espresso", "espressa", "riconosciuto", "riconosciuta"
    ]

    public func isParticiple(_ f: String) -> Bool {
        if Self.irregularParticiples.contains(f) { return true }
        for suffix in ["ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute"]
        where f.hasSuffix(suffix) && f.count > 5 {
            return true
        }
        return false
    }

    public var participleNeedsAuxiliary: Bool { true }

    /// Third-person, participle, gerund, imperfect, conditional and infinitive forms of a regular
    /// verb in `-are` or `-ire` (with `-isc-`).
    public func conjugate(_ lemma: String) -> [String] {
        if lemma.hasSuffix("are") {
            let s = String(lemma.dropLast(3))
            let future =
                (s.hasSuffix("c") || s.hasSuffix("g")) ? s + "h" : (s.hasSuffix("ci") || s.hasSuffix("gi") ? String(s.dropLast()) : s)
            return ["a", "ano", "ato", "ata", "ati", "ate", "ò", "arono", "ando", "ava", "avano", "are"].map { s + $0 }
                + ["erà", "eranno", "erebbe", "erebbero"].map { future + $0 }
        }
        if lemma.hasSuffix("ire") {
            let s = String(lemma.dropLast(3))
            return ["isce", "iscono", "ì", "irono", "ito", "ita", "endo", "iva", "ivano", "ire"].map { s + $0 }
        }
        return []
    }

    /// The plurals of a country adjective the knowledge base lists in the singular: `-o` → `-i`,
    /// `-a` → `-e`, `-e` → `-i` (`russo` → `russi`, `russa` → `russe`, `francese` → `francesi`), with
    /// the `h` of `-co`/`-ca`, `-go`/`-ga` (`tedesco` → `tedeschi`, `tedesca` → `tedesche`).
    public func adjectiveForms(_ base: String) -> [String] {
        guard base.count > 3, let last = base.last else { return [] }
        let stem = String(base.dropLast())
        let hard = stem.hasSuffix("c") || stem.hasSuffix("g")
        switch last {
        case "o": return hard ? [stem + "hi", stem + "i"] : [stem + "i"]
        case "a": return [stem + (hard ? "he" : "e")]
        case "e": return [stem + "i"]
        default: return []
        }
    }
}
