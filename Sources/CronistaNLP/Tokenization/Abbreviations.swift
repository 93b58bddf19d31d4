/// Abbreviations that keep their period as part of the token (data, lower case, with the final
/// period). Matching is case-insensitive on ASCII letters.
///
/// - ``titles``: come before a name or a number (`Sig. Rossi`, `dott. Bianchi`, `Mr. Smith`, `U.S. Army`):
///   they never end a sentence.
/// - ``general``: may end a sentence (`... ecc. Poi`): a following capitalised word starts a new one.
/// - ``beforeNameOrNumber``: also ordinary words (`on.`, `no.`, `art.`, `set.`): abbreviations only
///   when a capitalised word or a digit follows; then they behave as titles.
enum Abbreviations {
    static let titles: [String] = [
        // Italian titles and forms of address
        "sig.", "sigg.", "sig.ra", "sig.na", "dott.", "dott.ssa", "dr.", "dott.sa", "prof.", "prof.ssa", "avv.", "ing.", "arch.",
        "geom.", "rag.", "sen.", "mons.", "rev.", "gen.", "col.", "magg.", "ten.", "cap.", "serg.", "amm.", "c.te",
        "comm.", "cav.", "gr.uff.", "egr.", "gent.", "spett.", "sen.", "onn.", "sac.", "mgr.", "ss.", "sant.", "s.e.", "s.s.",
        "pres.", "segr.", "cons.", "dep.",
        // English titles
        "mr.", "mrs.", "ms.", "messrs.", "dr.", "prof.", "rev.", "hon.", "sr.", "jr.", "gov.", "rep.", "sen.", "lt.", "capt.",
        "sgt.", "cpl.", "maj.", "brig.", "adm.", "cmdr.", "pres.", "supt.", "insp.", "det.", "gen.", "col.", "st.", "mt.", "ft.",
        "pt.", "ave.", "blvd.", "rd.",
        // Before numbers and references
        "nr.", "nn.", "n.ro", "artt.", "pagg.", "pp.", "vol.", "voll.", "cap.", "capp.", "par.", "tab.", "fig.", "figg.",
        "tel.", "fax.", "vs.", "v.", "cf.", "cfr.", "ca.", "approx.",
        // Acronyms written with periods that usually precede a noun
        "u.s.", "u.k.", "u.n.", "e.u.", "d.c.",
    ]

    static let general: [String] = [
        "ecc.", "etc.", "ndr.", "n.d.r.", "n.d.t.", "p.es.", "es.", "cit.", "op.", "ibid.", "ivi.", "sec.", "secc.",
        "a.c.", "d.c.", "a.c.", "ca.", "ecc.", "al.", "i.e.", "e.g.", "inc.", "ltd.", "co.", "corp.", "bros.",
        "ph.d.", "u.s.a.", "u.r.s.s.", "s.p.a.", "s.r.l.", "s.n.c.", "s.a.s.", "p.iva", "c.a.p.", "c.so", "v.le",
        "p.zza", "p.za", "l.go", "v.lo", "km.", "kg.", "mln.", "mld.", "mrd.", "tel.", "a.m.", "p.m.", "min.",
    ]

    static let beforeNameOrNumber: [String] = [
        "on.", "no.", "nos.", "art.", "pag.", "p.", "s.", "n.", "set.", "mar.", "mag.", "giu.", "lug.", "ago.", "ott.", "nov.",
        "dic.", "feb.", "apr.", "jan.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "dec.", "fig.", "op.", "gen.",
    ]

    enum Kind: UInt8 { case title, general, beforeNameOrNumber }

    struct Entry { let bytes: [UInt8]; let kind: Kind }

    /// Look-up table: FNV-1a hash of the lower-cased bytes → entries.
    static let table: [UInt64: [Entry]] = {
        var d: [UInt64: [Entry]] = [:]
        var seen: Set<String> = []
        // Order matters: a form listed as a title wins over the same form in `general`.
        for (list, kind) in [(titles, Kind.title), (beforeNameOrNumber, .beforeNameOrNumber), (general, .general)] {
            for s in list where seen.insert(s).inserted {
                let bytes = Array(s.utf8)
                d[hash(bytes), default: []].append(Entry(bytes: bytes, kind: kind))
            }
        }
        return d
    }()

    static let maxLength: Int = (titles + general + beforeNameOrNumber).map(\.utf8.count).max() ?? 0

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for c in bytes { h = (h ^ UInt64(c >= 0x41 && c <= 0x5A ? c | 0x20 : c)) &* 0x100000001b3 }
        return h
    }

    /// The kind of `b[start..<end]` if it is a listed abbreviation (case-insensitive).
    static func lookup(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Kind? {
        let n = end - start
        guard n >= 2 && n <= maxLength else { return nil }
        let slice = UnsafeBufferPointer(rebasing: b[start..<end])
        guard let entries = table[hash(slice)] else { return nil }
        outer: for e in entries where e.bytes.count == n {
            for k in 0..<n {
                let c = slice[k]
                if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != e.bytes[k] { continue outer }
            }
            return e.kind
        }
        return nil
    }

    /// The kind of an abbreviation token's text (for the sentence splitter).
    static func kind<S: StringProtocol>(of text: S) -> Kind? {
        var copy = String(text)
        return copy.withUTF8 { lookup($0, 0, $0.count) }
    }
}
