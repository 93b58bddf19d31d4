import CronistaCore
import Foundation

/// Per-document views the clause layer and quote extraction read many times: token forms, each
/// token's word classes in the document's language (looked up once), sentence of every token, and
/// which mention or entity covers a token.
struct ClauseContext {
    let doc: Document
    let pack: LanguagePack
    let n: Int
    /// Lower-cased token forms with `’` written `'`.
    let forms: [String]
    /// Each token's word classes in ``pack`` (one look-up per token, then bit tests).
    let classes: [WordClasses]
    let sentenceOf: [Int32]
    /// Index of the mention covering each token, or -1 (name mentions win over descriptions).
    let mentionAt: [Int32]
    /// Token range of each mention.
    let mentionTokens: [Range<Int>]
    /// Entity of each mention, or -1.
    let entityOfMention: [Int32]

    init(_ doc: Document, pack: LanguagePack) {
        self.init(doc, pack: pack, forms: Self.forms(of: doc))
    }

    /// With the document's ``forms(of:)`` already computed (and its word classes, when a component
    /// kept them: ``classes(of:pack:forms:)``).
    init(_ doc: Document, pack: LanguagePack, forms: [String], classes: [WordClasses]? = nil) {
        self.doc = doc
        self.pack = pack
        n = doc.tokens.count
        self.forms = forms
        self.classes = classes ?? forms.map { pack.classes(of: $0) }
        var sentenceOf = [Int32](repeating: 0, count: n)
        for (si, s) in doc.sentences.enumerated() {
            for t in s.tokenRange where t < n { sentenceOf[t] = Int32(si) }
        }
        self.sentenceOf = sentenceOf
        var mentionAt = [Int32](repeating: -1, count: n)
        var mentionTokens: [Range<Int>] = []
        mentionTokens.reserveCapacity(doc.mentions.count)
        for (mi, m) in doc.mentions.enumerated() {
            let a = doc.tokens.firstToken(endingAfter: m.range.startUTF8)
            var b = a
            while b < n && doc.tokens.starts[b] < m.range.endUTF8 { b += 1 }
            mentionTokens.append(a..<max(a, b))
            for t in a..<b {
                let cur = mentionAt[t]
                if cur < 0 || (doc.mentions[Int(cur)].form != .name && m.form == .name) { mentionAt[t] = Int32(mi) }
            }
        }
        self.mentionAt = mentionAt
        self.mentionTokens = mentionTokens
        var entityOfMention = [Int32](repeating: -1, count: doc.mentions.count)
        for (ei, e) in doc.entities.enumerated() { for m in e.mentions { entityOfMention[m] = Int32(ei) } }
        self.entityOfMention = entityOfMention
    }

    /// Every token's ``form(of:)``, straight from the UTF-8 bytes: ASCII tokens are lower-cased
    /// in a scratch buffer and become small inline strings (no Substring, no index validation).
    /// The forms of `doc`'s tokens, from ``Document/tokenForms`` when a component already computed
    /// them, else computed and kept there.
    static func forms(of doc: inout Document) -> [String] {
        if doc.tokenForms.count != doc.tokens.count || doc.tokenForms.isEmpty { doc.tokenForms = forms(of: doc) }
        return doc.tokenForms
    }

    /// The word classes of `doc`'s tokens in `pack`, from ``Document/tokenClassBits`` when a
    /// component already looked them up, else looked up and kept there.
    static func classes(of doc: inout Document, pack: LanguagePack, forms: [String]) -> [WordClasses] {
        if doc.tokenClassBits.count != forms.count || doc.tokenClassBits.isEmpty {
            doc.tokenClassBits = forms.map { pack.classes(of: $0).rawValue }
        }
        return doc.tokenClassBits.map { WordClasses(rawValue: $0) }
    }

    static func forms(of doc: Document) -> [String] {
        let n = doc.tokens.count
        var forms: [String] = []
        forms.reserveCapacity(n)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(32)
        var text = doc.text
        text.withUTF8 { bytes in
            for i in 0..<n {
                let start = Int(doc.tokens.starts[i]), end = Int(doc.tokens.ends[i])
                scratch.removeAll(keepingCapacity: true)
                var ascii = true
                for k in start..<end {
                    let b = bytes[k]
                    if b >= 0x80 { ascii = false; break }
                    scratch.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                }
                forms.append(ascii ? String(decoding: scratch, as: UTF8.self) : form(of: doc.tokenText(i)))
            }
        }
        return forms
    }

    /// A token's form: lower-cased, `’` written `'` (the Unicode path of ``forms(of:)``).
    static func form(of token: some StringProtocol) -> String {
        let lower = token.lowercased()
        // Scalars, not `String.contains(_:)`: with Foundation imported that resolves to a
        // bridging search that allocated for every non-ASCII token (+27 allocations an article,
        // flagged by the benchmark thresholds).
        return lower.unicodeScalars.contains("\u{2019}") ? lower.replacingOccurrences(of: "’", with: "'") : lower
    }

    /// Whether token `i` is in any of `c` (false outside the document).
    @inline(__always)
    func `is`(_ i: Int, _ c: WordClasses) -> Bool { i >= 0 && i < n && !classes[i].isDisjoint(with: c) }

    func sentenceRange(ofToken t: Int) -> Range<Int> { doc.sentences[Int(sentenceOf[t])].tokenRange }

    func isQuoteMark(_ i: Int) -> Bool { i >= 0 && i < n && doc.tokens.flags[i].contains(.quoteMark) }
    func isPunct(_ i: Int) -> Bool { doc.tokens.flags[i].contains(.punctuation) }
    func isCapitalized(_ i: Int) -> Bool { doc.tokens.flags[i].contains(.capitalized) }
    func isTerminal(_ i: Int) -> Bool {
        let f = forms[i]
        return f == "." || f == "!" || f == "?" || f == "…" || f == "..." || f == "?!" || f == "!?"
    }

    /// A paragraph or line break between token `i` and the next.
    func breakAfter(_ i: Int) -> Bool {
        doc.tokens.flags[i].contains(.newlineAfter) || doc.tokens.flags[i].contains(.paragraphAfter)
    }

    func range(_ tokens: Range<Int>) -> TextRange {
        TextRange(startUTF8: doc.tokens.starts[tokens.lowerBound], endUTF8: doc.tokens.ends[tokens.upperBound - 1])
    }

    /// An infinitive (the pack's rules), the start of a `di` + infinitive clause; where the marker
    /// makes it (English `to`), a lower-case word after the marker that no function-word class holds.
    func isInfinitive(_ i: Int) -> Bool {
        guard i < n else { return false }
        if pack.rules.isInfinitive(forms[i]) { return true }
        guard pack.rules.markerMakesInfinitive, i > 0, `is`(i - 1, .infinitiveMarker) || `is`(i - 1, .negation) else { return false }
        let flags = doc.tokens.flags[i]
        return flags.contains(.word) && !flags.contains(.capitalized)
            && !`is`(i, [.article, .preposition, .determiner, .personalPronoun, .nounPhraseOpener, .firstPerson])
    }

    /// A gerund (the pack's rules).
    func isGerund(_ i: Int) -> Bool { pack.rules.isGerund(forms[i]) }
}
