import CronistaCore
import Foundation

/// A language's time-expression grammar (HeidelTime's approach: patterns over tokens plus
/// normalisation functions), read from the pack's `time-grammar.txt`: word tables, tense cues and
/// rules. The file's header documents the format; ``TimeResolver`` implements the functions.
public final class TimeGrammar: @unchecked Sendable {
    /// The number shapes a pattern element can ask for.
    enum NumberShape: String, Sendable, CaseIterable {
        case int, day, year, hour, clock, enne, decade
        /// English: an ordinal day (`3rd`, `21st`) and a decade in the plural (`1990s`, `90s`).
        case nth, decades
        /// A clock time written with a colon only (`18:30`; `6.50` is a price in English).
        case hhmm
    }

    /// One alternative of a pattern element.
    enum Atom: Sendable, Hashable {
        case word(String)
        case table(Int)
        case number(NumberShape)
    }

    struct Element: Sendable {
        var atoms: [Atom]
        /// Capture slot of `name=ELEMENT`, or -1.
        var slot: Int
        var optional: Bool
        /// `<…>`: matched, but outside the extent.
        var context: Bool
        /// `<!…>`: the neighbouring token must not match (or be absent).
        var negated: Bool
    }

    /// A normalisation argument: a literal, a capture slot, or absent (`-`).
    enum Argument: Sendable, Hashable {
        case literal(String)
        case slot(Int)
        case absent
    }

    /// A class, not a struct: the matcher reads rules in its innermost loop, and a class element is
    /// one reference to retain where a struct copied its arrays and sets (immutable once the
    /// grammar is built, hence `@unchecked Sendable`).
    final class Rule: @unchecked Sendable {
        var elements: [Element]
        /// A negated context before the first element / after the last one.
        var notBefore: Element?
        var notAfter: Element?
        var kind: TimeExpression.Kind
        var function: TimeResolver.Function
        var arguments: [Argument]
        var slotCount: Int
        var line: Int
        /// How many context elements come before the extent.
        var leading = 0
        /// A quick test before a walk, for a rule whose extent opens with an optional word
        /// (`il|la? settimana scorsa`): when the token is that word, the next must be one of
        /// ``nextForms`` (or a number, if ``nextNumeric``).
        var optionalOpeners: Set<String> = []
        var nextForms: Set<String>?
        var nextNumeric = false

        init(
            elements: [Element], notBefore: Element?, notAfter: Element?, kind: TimeExpression.Kind, function: TimeResolver.Function,
            arguments: [Argument], slotCount: Int, line: Int
        ) {
            self.elements = elements
            self.notBefore = notBefore
            self.notAfter = notAfter
            self.kind = kind
            self.function = function
            self.arguments = arguments
            self.slotCount = slotCount
            self.line = line
        }
    }

    /// A table entry: its tokens (a multi-word entry has several) and its value.
    struct Entry: Sendable {
        var tokens: [String]
        var value: String
    }

    /// Tense cue classes (`tense CLASS: …` lines).
    enum TenseCue: String, Sendable, CaseIterable {
        case perfectAux = "perfect-aux"
        case pastAux = "past-aux"
        case participleSuffix = "participle-suffix"
        case participle, past
        case pastSuffix = "past-suffix"
        case remoteSuffix = "remote-suffix"
        case futureSuffix = "future-suffix"
        case future, never
        /// A preposition before an expression that points back (`da ottobre`): past.
        case since
        /// What closes a range after an expression (`dal 7 al 14 agosto`): `since` then says nothing of the tense.
        case until
        /// Where a clause ends: the tense is looked for inside the expression's clause first.
        case boundary
    }

    /// Entries of each table keyed by their first token, longest first.
    var tables: [[String: [Entry]]] = []
    var tableNames: [String: Int] = [:]
    var rules: [Rule] = []
    var tenseWords: [TenseCue: Set<String>] = [:]
    var tenseSuffixes: [TenseCue: [String]] = [:]
    /// Each cue word's classes as bits (one look-up per token), and each suffix class in UTF-8.
    var cueBits: [String: UInt16] = [:]
    var suffixBytes: [[[UInt8]]] = []
    /// Rules whose first element can match a token form, by that form.
    var rulesByForm: [String: [Int]] = [:]
    /// Rules whose first element can match a number token.
    var numericRules: [Int] = []
    /// Every form that starts a rule or a table entry, numbered: a document's tokens are looked
    /// up once (``ids(_:)``), and the matcher then indexes arrays instead of hashing strings.
    var formIDs: [String: Int32] = [:]
    /// `rulesByForm` and `tables` by form number.
    var rulesByID: [[Int]] = []
    var tableByID: [[[Entry]]] = []
    /// The most capture slots a rule has.
    var maxSlots = 0

    /// Parses a grammar file; `file` names it in errors (``LanguagePackError``).
    public init(text: String, file: String) throws {
        var lineNumber = 0
        var pendingRules: [(String, Int)] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ problem: String) -> LanguagePackError { LanguagePackError(file: file, line: lineNumber, problem: problem) }
            if line.hasPrefix("table ") || line.hasPrefix("tense ") {
                guard let colon = line.firstIndex(of: ":") else {
                    throw fail("expected '\(line.prefix(5)) NAME: …', got \(line.debugDescription)")
                }
                let name = line[line.index(line.startIndex, offsetBy: 6)..<colon].trimmingCharacters(in: .whitespaces)
                // Words are folded (lower case, `'`); a table entry's value after `=` is kept as written.
                let words = line[line.index(after: colon)...].split(separator: " ").map { w -> String in
                    guard line.hasPrefix("table "), let eq = w.lastIndex(of: "=") else { return Self.form(String(w)) }
                    return Self.form(String(w[..<eq])) + w[eq...]
                }
                if line.hasPrefix("tense ") {
                    guard let cue = TenseCue(rawValue: name) else { throw fail("unknown tense class \(name.debugDescription)") }
                    if cue == .participleSuffix || cue == .pastSuffix || cue == .remoteSuffix || cue == .futureSuffix {
                        tenseSuffixes[cue, default: []].append(contentsOf: words)
                    } else {
                        tenseWords[cue, default: []].formUnion(words)
                    }
                    continue
                }
                guard !name.isEmpty, !name.contains(" ") else { throw fail("a table needs a one-word name, got \(name.debugDescription)") }
                let index = tableNames[name] ?? tables.count
                if index == tables.count {
                    tables.append([:])
                    tableNames[name] = index
                }
                for w in words {
                    guard let eq = w.lastIndex(of: "="), eq != w.startIndex, w.index(after: eq) != w.endIndex else {
                        throw fail("expected 'word=value' in table \(name), got \(w.debugDescription)")
                    }
                    let tokens = w[..<eq].split(separator: "_").map(String.init)
                    tables[index][tokens[0], default: []].append(Entry(tokens: tokens, value: String(w[w.index(after: eq)...])))
                }
                continue
            }
            guard line.hasPrefix("rule ") else { throw fail("expected a 'table', 'tense' or 'rule' line, got \(line.debugDescription)") }
            pendingRules.append((String(line.dropFirst(5)), lineNumber))
        }
        for i in tables.indices {
            for k in tables[i].keys { tables[i][k]!.sort { $0.tokens.count > $1.tokens.count } }
        }
        for (body, number) in pendingRules {
            rules.append(try parseRule(body, line: number, file: file))
        }
        maxSlots = rules.map(\.slotCount).max() ?? 0
        for ri in rules.indices {
            let r = rules[ri]
            guard r.leading + 1 < r.elements.count, r.elements[r.leading].optional else { continue }
            let next = r.elements[r.leading + 1]
            guard !next.optional, !next.context else { continue }
            var forms: Set<String> = []
            var numeric = false
            for a in next.atoms {
                switch a {
                case .word(let w): forms.insert(w)
                case .table(let t): forms.formUnion(tables[t].keys)
                case .number: numeric = true
                }
            }
            var openers: Set<String> = []
            for a in r.elements[r.leading].atoms {
                if case .word(let w) = a, !forms.contains(w) { openers.insert(w) }
            }
            rules[ri].optionalOpeners = openers
            rules[ri].nextForms = forms
            rules[ri].nextNumeric = numeric
        }
        for (bit, cue) in TenseCue.allCases.enumerated() {
            for w in tenseWords[cue] ?? [] { cueBits[w, default: 0] |= 1 << bit }
            suffixBytes.append((tenseSuffixes[cue] ?? []).map { Array($0.utf8) })
        }
        for (ri, r) in rules.enumerated() {
            var numeric = false
            var forms: Set<String> = []
            // The extent's first elements up to and including the first required one can start it;
            // a leading context is matched on the tokens before.
            for e in r.elements.dropFirst(r.leading) {
                for a in e.atoms {
                    switch a {
                    case .word(let w): forms.insert(w)
                    case .table(let t): forms.formUnion(tables[t].keys)
                    case .number: numeric = true
                    }
                }
                if !e.optional { break }
            }
            for f in forms { rulesByForm[f, default: []].append(ri) }
            if numeric { numericRules.append(ri) }
        }
        var vocabulary = Set(rulesByForm.keys)
        for t in tables { vocabulary.formUnion(t.keys) }
        for f in vocabulary.sorted() { formIDs[f] = Int32(formIDs.count) }
        rulesByID = [[Int]](repeating: [], count: formIDs.count)
        for (f, rs) in rulesByForm { rulesByID[Int(formIDs[f]!)] = rs }
        tableByID = tables.map { t in
            var byID = [[Entry]](repeating: [], count: formIDs.count)
            for (f, entries) in t { byID[Int(formIDs[f]!)] = entries }
            return byID
        }
    }

    /// Each token form's number in ``formIDs``, or -1 for a form no rule or table starts with.
    func ids(_ forms: [String]) -> [Int32] { forms.map { formIDs[$0] ?? -1 } }

    private func parseRule(_ body: String, line: Int, file: String) throws -> Rule {
        func fail(_ problem: String) -> LanguagePackError { LanguagePackError(file: file, line: line, problem: problem) }
        let halves = body.components(separatedBy: "=>")
        guard halves.count == 2 else { throw fail("expected 'rule PATTERN => TYPE FUNCTION ARGUMENTS', got \(body.debugDescription)") }
        var slots: [String: Int] = [:]
        var elements: [Element] = []
        var notBefore: Element?
        var notAfter: Element?
        let parts = halves[0].split(separator: " ").map(String.init)
        guard !parts.isEmpty else { throw fail("a rule needs a pattern") }
        for (pi, part) in parts.enumerated() {
            var p = part
            var context = false
            var negated = false
            if p.hasPrefix("<") && p.hasSuffix(">") && p.count > 2 {
                context = true
                p = String(p.dropFirst().dropLast())
                if p.hasPrefix("!") {
                    negated = true
                    p = String(p.dropFirst())
                }
            }
            var optional = false
            if p.hasSuffix("?") && p.count > 1 {
                optional = true
                p.removeLast()
            }
            var slot = -1
            if let eq = p.firstIndex(of: "="), eq != p.startIndex {
                let name = String(p[..<eq])
                guard slots[name] == nil else { throw fail("the name \(name.debugDescription) is used twice") }
                slot = slots.count
                slots[name] = slot
                p = String(p[p.index(after: eq)...])
            }
            var atoms: [Atom] = []
            for alt in p.split(separator: "|").map(String.init) {
                if alt.hasPrefix("@") {
                    guard let t = tableNames[String(alt.dropFirst())] else { throw fail("unknown table \(alt.debugDescription)") }
                    atoms.append(.table(t))
                } else if alt.hasPrefix("#") && alt.count > 1 {
                    guard let s = NumberShape(rawValue: String(alt.dropFirst())) else {
                        throw fail("unknown number shape \(alt.debugDescription)")
                    }
                    atoms.append(.number(s))
                } else {
                    atoms.append(.word(Self.form(alt)))
                }
            }
            guard !atoms.isEmpty else { throw fail("empty pattern element in \(body.debugDescription)") }
            let e = Element(atoms: atoms, slot: slot, optional: optional, context: context, negated: negated)
            if negated {
                if pi == 0 {
                    notBefore = e
                } else if pi == parts.count - 1 {
                    notAfter = e
                } else {
                    throw fail("a negated context '<!…>' must be the first or last element")
                }
                continue
            }
            elements.append(e)
        }
        // Context elements only at either end.
        if elements.prefix(while: \.context).contains(where: \.optional) {
            throw fail("a leading context element '<…>' cannot be optional")
        }
        let inner = elements.drop { $0.context }.reversed().drop { $0.context }
        if inner.contains(where: \.context) { throw fail("a context element '<…>' must be at either end of the pattern") }
        if inner.isEmpty { throw fail("a rule needs at least one element outside '<…>'") }
        let right = halves[1].split(separator: " ").map(String.init)
        guard right.count >= 2 else { throw fail("expected 'TYPE FUNCTION ARGUMENTS' after '=>'") }
        guard let kind = TimeExpression.Kind(label: right[0]) else { throw fail("unknown type \(right[0].debugDescription)") }
        guard let function = TimeResolver.Function(rawValue: right[1]) else { throw fail("unknown function \(right[1].debugDescription)") }
        var arguments: [Argument] = []
        for a in right.dropFirst(2) {
            if a == "-" {
                arguments.append(.absent)
            } else if a.hasPrefix("$") {
                guard let s = slots[String(a.dropFirst())] else { throw fail("the argument \(a) names nothing in the pattern") }
                arguments.append(.slot(s))
            } else {
                arguments.append(.literal(a))
            }
        }
        guard function.arity.contains(arguments.count) else {
            throw fail(
                "\(function.rawValue) takes \(function.arity.lowerBound)–\(function.arity.upperBound) arguments, got \(arguments.count)")
        }
        let rule = Rule(
            elements: elements, notBefore: notBefore, notAfter: notAfter, kind: kind, function: function, arguments: arguments,
            slotCount: slots.count, line: line)
        rule.leading = elements.prefix { $0.context }.count
        return rule
    }

    /// Lower case, `’` written `'`.
    static func form(_ s: String) -> String { s.lowercased().replacingOccurrences(of: "’", with: "'") }
}
