import CronistaCore
import CronistaNLP
import CronistaTestSupport
import Testing

/// Every check that must hold for any text after tokenise + split; returns the problems found.
func textLayerProblems(_ text: String, id: String) -> [String] {
    var doc = Document(id: id, text: text)
    doc.tokens = Tokenizer().tokenize(text)
    doc.sentences = SentenceSplitter().split(text, tokens: doc.tokens)
    var problems = doc.invariantViolations().map { "\(id): \($0)" }
    let bytes = Array(text.utf8)
    for i in 0..<doc.tokens.count {
        let r = doc.tokens.range(i)
        if r.isEmpty || r.endUTF8 > UInt32(bytes.count) { problems.append("\(id): token \(i) \(r) empty or outside"); continue }
        // The token's text slices the original exactly and decodes without repair.
        let slice = Array(bytes[r.lowerBound..<r.upperBound])
        guard let s = String(validating: slice, as: UTF8.self), !s.isEmpty else {
            problems.append("\(id): token \(i) \(r) is not a valid UTF-8 slice"); continue
        }
        if s.unicodeScalars.contains(where: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\u{00A0}" }) {
            problems.append("\(id): token \(i) \(s.debugDescription) contains white space")
        }
    }
    // Sentences cover every token exactly once, in order, inside the text.
    var next: Int32 = 0
    for (k, s) in doc.sentences.enumerated() {
        if s.tokens.lowerBound != next || s.tokens.isEmpty { problems.append("\(id): sentence \(k) tokens \(s.tokens) after \(next)") }
        if s.range.endUTF8 > UInt32(bytes.count) { problems.append("\(id): sentence \(k) outside the text") }
        next = s.tokens.upperBound
    }
    if Int(next) != doc.tokens.count { problems.append("\(id): sentences cover \(next) of \(doc.tokens.count) tokens") }
    // Language identification never crashes; name folding never crashes on any text.
    _ = LanguageIdentifier().identify(text)
    _ = NameFolding.fold(text)
    return problems
}

@Suite("Offset properties")
struct OffsetPropertyTests {
    @Test("1,000 random documents of hostile Unicode")
    func randomDocuments() {
        var rng = SeededGenerator(seed: 0xC0FFEE)
        var problems: [String] = []
        for k in 0..<1_000 {
            let text = k % 10 == 9 ? RandomText.scalars(using: &rng, count: 200) : RandomText.document(using: &rng)
            problems += textLayerProblems(text, id: "random-\(k)")
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test("every it-wikinews dev document")
    func itWikinews() throws {
        let docs = try Fixtures.jsonLines("data/quotes/it-wikinews/dev.docs.jsonl")
        #expect(docs.count > 10)
        var problems: [String] = []
        for d in docs { problems += textLayerProblems(d["text"] as? String ?? "", id: d["id"] as? String ?? "?") }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test("every KIND Wikinews document")
    func kind() throws {
        var problems: [String] = []
        var count = 0
        for file in ["data/ner/kind/docs/wikinews_dev.docs.jsonl", "data/ner/kind/docs/wikinews_train.docs.jsonl"] {
            for d in try Fixtures.jsonLines(file) {
                count += 1
                problems += textLayerProblems(d["text"] as? String ?? "", id: d["id"] as? String ?? "?")
            }
        }
        #expect(count > 100)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test("a 5 MB document tokenises and splits in one pass")
    func largeDocument() throws {
        let seed = try Fixtures.read("data/quotes/seed/000_193cd34c33125298.txt")
        var text = ""
        text.reserveCapacity(5_100_000)
        while text.utf8.count < 5_000_000 { text += seed; text += "\n\n" }
        let tokens = Tokenizer().tokenize(text)
        let single = Tokenizer().tokenize(seed).count
        let copies = text.utf8.count / (seed.utf8.count + 2)
        #expect(tokens.count == single * copies)
        let sentences = SentenceSplitter().split(text, tokens: tokens)
        #expect(sentences.count == 18 * copies)
        #expect(LanguageIdentifier().identify(text) == "it")
    }
}
