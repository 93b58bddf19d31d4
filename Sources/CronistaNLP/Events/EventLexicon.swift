import Foundation

/// The words that express PLOVER events in one language, read from a language pack's
/// `event-triggers.tsv` (`Resources/Languages/<code>/`; data, not code: see the file's header for its format).
public struct EventLexicon: Sendable {
    /// What kind of word a trigger is.
    public enum Kind: String, Sendable {
        /// A verb, conjugated by the pack's rules or listed form by form.
        case verb = "v"
        /// An event noun.
        case noun = "n"
        /// A content word that performs a speech act only inside a quotation (`bugia`).
        case content = "c"
    }

    /// The PLOVER 2.0 event types.
    static let types: Set<String> = [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"
    ]

    /// One trigger form (possibly several tokens) with its event and argument frame.
    struct Entry: Sendable {
        var tokens: [String]
        var kind: Kind
        var lemma: String
        var type: String
        var mode: String?
        /// Where the target is: `obj` or a preposition (see the `@prep-X` lists).
        var targets: [String]
        var reciprocal: Bool
        /// Words one of which must follow the trigger closely; empty when none is needed.
        var need: Set<String>
        /// `need=…,@person`: a person's name after the trigger (in a compound tense) will do too.
        var needPersonName = false
        /// A bare participle of this verb is passive (`arrestato ieri`).
        var passive: Bool
        /// The subject receives the act and the actor follows a `tgt=` preposition (`il governo ha
        /// ottenuto la fiducia al Senato`: the Senate supports the government).
        var receives = false
        /// Words right around the trigger that make it part of a name or of something else than
        /// an act (`giudice per le indagini preliminari`, `incontro di calcio`).
        var not: Set<String> = []
        /// Words one of which, followed by an infinitive, must come soon after the trigger
        /// (`invita il governo a ritirare`: a request, not an invitation); empty when none is needed.
        var infinitiveAfter: Set<String> = []
        /// Only when negated, the negation making it the act (`non ha riconosciuto il risultato`,
        /// `non accetta la proposta`: a refusal worded as a negation is REJECT).
        var negated = false
        /// `state`: an act only the state does (`sono stati assolti`, `è stato giustiziato`): without an
        /// actor of its own, the jurisdiction's, as for the acts of authority.
        var byState = false
        /// Only with a target (`le minacce ad altri paesi`: a threat noun alone is mostly a danger, `una minaccia per`).
        var needsTarget = false
        /// `objpassive`: the object only in the passive (`sono indagati dalla procura`); in the active the
        /// noun phrase after the verb is its subject (`Sull'episodio indagano i carabinieri`).
        var objectOnlyInPassive = false
        /// Words right after the trigger that make it something else (`ha manifestato il cordoglio`: an article, an object).
        var notAfter: Set<String> = []
        /// Only when the subject named before the verb is an actor (`la Procura richiede`; `la
        /// situazione richiede un'iniziativa` needs, it asks nothing).
        var needsActor = false
        /// The `@` list whose words, two or more different ones in the document, say the text is
        /// about something else (`notin=sport`: `l'incontro` of a boxing report is a match).
        var notInDocumentWith: String?
    }

    /// Entries by their first token, longest first.
    let entries: [String: [Entry]]
    /// The `@` word lists, by name without the `@`.
    let lists: [String: Set<String>]
    /// `@enclitic` as bytes, longest first (looked up on every long word).
    let encliticBytes: [[UInt8]]
    /// The `@prep-X` lists by X.
    let prepositions: [String: Set<String>]
    /// Actor nouns of several words (`pubblico_ministero` in `@actor`), by each of their words: the
    /// words in order and the position of that word among them.
    let actorPhrases: [String: [(words: [String], at: Int)]]
    /// The titles of `@head-of-state`, each as its words (`capo dello stato`).
    let headOfState: [[String]]
    /// Articles of each gender and number (`@article-ms` …) with the noun endings that agree with
    /// them (`@noun-ending-ms` …).
    let agreement: [(articles: Set<String>, endings: Set<String>)]
    /// The `@` lists sorted (endings searched in order), made once here rather than per document.
    let sortedLists: [String: [String]]
    /// Every preposition that puts a phrase out of subject position: `@location`, `@agent`,
    /// `@source-of` and the forms of con, su, contro, per.
    let anyPreposition: Set<String>

    /// Parses the lexicon; lemmas without `forms=` are conjugated by `rules`. Errors name `file` and the line.
    ///
    /// - Throws: ``LanguagePackError`` for a malformed line.
    package init(text: String, rules: any LanguageRules, file: String) throws {
        var byFirst: [String: [Entry]] = [:]
        var lists: [String: Set<String>] = [:]
        var lineNumber = 0
        // The first line that names each `notin=` list, to name it if the list is missing.
        var notInLine: [String: Int] = [:]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            // Comment lines are most of the file: skip them before any copying.
            if raw.first == "#" { continue }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ problem: String) -> LanguagePackError { LanguagePackError(file: file, line: lineNumber, problem: problem) }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if line.hasPrefix("@") {
                guard cols.count >= 2, cols[0].count > 1 else { throw fail("expected '@NAME<TAB>WORD…', got \(line.debugDescription)") }
                lists[String(cols[0].dropFirst()), default: []].formUnion(cols.dropFirst().map { Self.normalise($0) })
                continue
            }
            guard cols.count == 5 else {
                throw fail("expected 5 tab-separated columns 'KIND LEMMA TYPE MODE FRAME', got \(cols.count): \(line.debugDescription)")
            }
            guard let kind = Kind(rawValue: cols[0]) else { throw fail("unknown kind \(cols[0].debugDescription) (v, n or c)") }
            guard Self.types.contains(cols[2]) else { throw fail("unknown PLOVER type \(cols[2].debugDescription)") }
            let lemma = cols[1]
            var entry = Entry(
                tokens: [], kind: kind, lemma: lemma, type: cols[2], mode: cols[3] == "-" ? nil : cols[3], targets: [],
                reciprocal: false, need: [], passive: false)
            var forms: [String] = []
            if cols[4] != "-" && !cols[4].isEmpty {
                for item in cols[4].split(separator: ";") {
                    let kv = item.split(separator: "=", maxSplits: 1).map { String($0) }
                    let values = kv.count == 2 ? kv[1].split(separator: ",").map { Self.normalise(String($0)) } : []
                    switch kv[0] {
                    case "tgt": entry.targets = values
                    case "need":
                        entry.need = Set(values.filter { $0 != "@person" })
                        entry.needPersonName = values.contains("@person")
                    case "not": entry.not = Set(values)
                    case "inf": entry.infinitiveAfter = Set(values)
                    case "forms": forms = values
                    case "recip": entry.reciprocal = true
                    case "passive": entry.passive = true
                    case "objpassive": entry.objectOnlyInPassive = true
                    case "recv": entry.receives = true
                    case "needtgt": entry.needsTarget = true
                    case "state": entry.byState = true
                    case "negated": entry.negated = true
                    case "actor": entry.needsActor = true
                    case "notin":
                        guard let name = values.first, values.count == 1 else { throw fail("notin= takes one list name") }
                        entry.notInDocumentWith = name
                        if notInLine[name] == nil { notInLine[name] = lineNumber }
                    case "notafter": entry.notAfter = Set(values)
                    case "-": break
                    default: throw fail("unknown frame item \(String(item).debugDescription)")
                    }
                }
            }
            if forms.isEmpty {
                guard kind == .verb else { throw fail("a noun or content word needs forms=") }
                forms = rules.conjugate(lemma)
                if forms.isEmpty { throw fail("cannot conjugate \(lemma.debugDescription); list its forms with forms=") }
            }
            for form in forms {
                var e = entry
                e.tokens = form.split(separator: "_").map(String.init)
                byFirst[e.tokens[0], default: []].append(e)
            }
        }
        // Longest first; among equals, the file's order (the first line wins).
        entries = byFirst.mapValues { list in
            list.enumerated().sorted { ($0.element.tokens.count, -$0.offset) > ($1.element.tokens.count, -$1.offset) }.map(\.element)
        }
        self.lists = lists
        for (n, line) in notInLine.sorted(by: { $0.value < $1.value }) where lists[n] == nil {
            throw LanguagePackError(file: file, line: line, problem: "notin=\(n) names no @\(n) list")
        }
        agreement = ["ms", "fs", "mp", "fp"].map { (lists["article-" + $0] ?? [], lists["noun-ending-" + $0] ?? []) }
        sortedLists = lists.mapValues { $0.sorted() }
        var any = (lists["location"] ?? []).union(lists["agent"] ?? []).union(lists["source-of"] ?? [])
        for p in ["con", "su", "contro", "per"] { any.formUnion(lists["prep-" + p] ?? []) }
        anyPreposition = any
        encliticBytes = (lists["enclitic"] ?? []).map { Array($0.utf8) }.sorted { $0.count > $1.count }
        var prepositions: [String: Set<String>] = [:]
        for (name, words) in lists where name.hasPrefix("prep-") { prepositions[String(name.dropFirst(5))] = words }
        self.prepositions = prepositions
        var phrases: [String: [(words: [String], at: Int)]] = [:]
        for a in lists["actor"] ?? [] where a.contains("_") {
            let words = a.split(separator: "_").map(String.init)
            for (i, w) in words.enumerated() { phrases[w, default: []].append((words, i)) }
        }
        actorPhrases = phrases
        headOfState = (lists["head-of-state"] ?? []).sorted().map { $0.split(separator: "_").map(String.init) }
    }

    /// Lower case, with the typographic apostrophe as `'`.
    static func normalise(_ s: String) -> String {
        let lower = s.lowercased()
        // Most words hold no typographic apostrophe (its first UTF-8 byte is 0xE2): skip the search.
        guard lower.utf8.contains(0xE2) else { return lower }
        return lower.replacingOccurrences(of: "’", with: "'")
    }

    /// The word list `@name` in sorted order (empty when the file has none).
    func sortedList(_ name: String) -> [String] { sortedLists[name] ?? [] }

    /// The word list `@name` (empty when the file has none).
    func list(_ name: String) -> Set<String> { lists[name] ?? [] }
}

/// PLOVER type and mode → CAMEO code and quad class, read from `Resources/Events/plover-cameo.tsv`.
public struct CameoTable: Sendable {
    struct Row: Sendable {
        var cameo: String
        var quad: Int
    }

    let rows: [String: Row]

    /// - Throws: ``LanguagePackError`` for a malformed line.
    package init(text: String, file: String) throws {
        var rows: [String: Row] = [:]
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t").map(String.init)
            guard cols.count == 4, let quad = Int(cols[3]), (1...4).contains(quad), EventLexicon.types.contains(cols[0]) else {
                throw LanguagePackError(
                    file: file, line: lineNumber, problem: "expected 'TYPE MODE CAMEO QUAD' (quad 1–4), got \(line.debugDescription)")
            }
            rows[cols[0] + " " + cols[1]] = Row(cameo: cols[2], quad: quad)
        }
        self.rows = rows
    }

    /// The code and quad of `type` with `mode` (the type's own row when the mode has none).
    func project(type: String, mode: String?) -> (cameo: String, quad: Int)? {
        if let mode, let r = rows[type + " " + mode] { return (r.cameo, r.quad) }
        return rows[type + " -"].map { ($0.cameo, $0.quad) }
    }

    /// The bundled table.
    static func bundled() throws -> CameoTable {
        let path = ResourceFiles.Path.cameoTable
        return try CameoTable(text: ResourceFiles.text(path), file: path)
    }
}
