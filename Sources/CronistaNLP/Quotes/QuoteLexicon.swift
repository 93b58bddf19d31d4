import Foundation

/// The reporting expressions quote extraction looks for, read from a language pack's
/// `quote-cues.txt` (`Resources/Languages/<code>/`; data, not code: see the file's header for its format).
public struct QuoteLexicon: Sendable {
    /// What a cue does (the file's CLASS column).
    public enum CueClass: String, Sendable, CaseIterable {
        case say, request, name, judge, after, prep, aux, adv, noun, work, cite, ask
    }

    /// A set of cue classes as a bit mask (tested for every token: no hashing, no allocation).
    public struct CueClasses: OptionSet, Sendable, Hashable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public init(_ c: CueClass) { rawValue = 1 << UInt16(CueClass.allCases.firstIndex(of: c)!) }
        public static let say = CueClasses(.say)
        public static let request = CueClasses(.request)
        public static let name = CueClasses(.name)
        public static let judge = CueClasses(.judge)
        public static let after = CueClasses(.after)
        public static let prep = CueClasses(.prep)
        public static let aux = CueClasses(.aux)
        public static let adv = CueClasses(.adv)
        public static let noun = CueClasses(.noun)
        public static let work = CueClasses(.work)
        public static let cite = CueClasses(.cite)
        public static let ask = CueClasses(.ask)
    }

    /// A cue form, possibly several tokens (`ha fatto sapere`), with its classes.
    struct Entry: Sendable {
        var tokens: [String]
        var classes: CueClasses
        var lemma: String
        var language: String
        /// The lemma's behaviours (the pack's `lemma-classes.txt`).
        var lemmaClasses: CueLemmaClasses = []
    }

    /// Parses cue lines of `languages`; lemmas without forms are conjugated by `rules`, and
    /// `lemmaClasses` gives lemmas their behaviours. Errors name `file` and the line.
    package init(
        text: String, languages: Set<String>, rules: any LanguageRules,
        lemmaClasses: [String: CueLemmaClasses] = [:], file: String = "quote-cues.txt"
    ) throws {
        var lineNumber = 0
        var merged: [String: Entry] = [:]
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let halves = line.split(separator: ":", maxSplits: 1)
            let head = halves[0].split(separator: " ")
            guard head.count == 3, let cls = CueClass(rawValue: String(head[1])) else {
                throw QuoteLexiconError(
                    file: file, line: lineNumber, problem: "expected 'LANG CLASS LEMMA [: FORMS]', got \(line.debugDescription)")
            }
            guard languages.contains(String(head[0])) else { continue }
            let lemma = String(head[2])
            var forms: [String]
            if halves.count == 2 {
                forms = halves[1].split(separator: " ").map(String.init)
            } else {
                forms = rules.conjugate(lemma)
                if forms.isEmpty {
                    throw QuoteLexiconError(file: file, line: lineNumber, problem: "cannot conjugate \(lemma); list its forms after ':'")
                }
            }
            let language = String(head[0])
            for form in forms {
                let key = language + " " + form.lowercased()
                if var e = merged[key] {
                    e.classes.insert(CueClasses(cls)); merged[key] = e
                } else {
                    merged[key] = Entry(
                        tokens: form.lowercased().split(separator: "_").map(String.init), classes: CueClasses(cls), lemma: lemma,
                        language: language, lemmaClasses: lemmaClasses[lemma] ?? [])
                }
            }
        }
        // Entries grouped by their first token (lower-cased, `’` as `'`), longest first.
        var byFirstToken: [String: [Entry]] = [:]
        for e in merged.values { byFirstToken[e.tokens[0], default: []].append(e) }
        listTable = HashTable(capacity: byFirstToken.count, empty: -1)
        for (k, list) in byFirstToken.sorted(by: { $0.key < $1.key }) {
            listTable.insert(FeatureHash.string(k), Int32(lists.count))
            lists.append(list.sorted { $0.tokens.count > $1.tokens.count })
        }
    }

    /// The entries grouped by first token, longest first, numbered: a document looks each token
    /// up once (``listIndex(of:)``) and matches by number afterwards.
    var lists: [[Entry]] = []
    /// First token's byte hash → index in ``lists`` (checked against the token on a hit).
    var listTable = HashTable<Int32>(capacity: 0, empty: -1)

    /// The number of the entries starting with `form`, or -1.
    func listIndex(of form: String) -> Int32 {
        var form = form
        let h = form.withUTF8 { FeatureHash.bytes($0) }
        guard let i = listTable[h], lists[Int(i)][0].tokens[0] == form else { return -1 }
        return i
    }

    /// The longest entry matching the token forms starting at `i`, with the classes wanted;
    /// `list` is the token's entry list (``listIndex(of:)``), looked up once per document.
    @inline(__always)
    func match(list: Int32, _ forms: [String], at i: Int, classes: CueClasses, language: String) -> (length: Int, entry: Entry)? {
        guard list >= 0 else { return nil }
        for e in lists[Int(list)] where e.language == language && !e.classes.isDisjoint(with: classes) {
            let n = e.tokens.count
            if i + n > forms.count { continue }
            var ok = true
            var k = 1
            while k < n { if forms[i + k] != e.tokens[k] { ok = false; break }; k += 1 }
            if ok { return (n, e) }
        }
        return nil
    }
}

/// A malformed line in a quote lexicon.
public struct QuoteLexiconError: Error, CustomStringConvertible, Sendable {
    /// The file, relative to the resources folder (`Languages/it/quote-cues.txt`).
    public var file: String
    public var line: Int
    public var problem: String
    public var description: String { "\(file):\(line): \(problem)" }
}
