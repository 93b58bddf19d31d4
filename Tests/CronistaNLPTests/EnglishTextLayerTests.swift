import CronistaCore
import CronistaNLP
import CronistaTestSupport
import Testing

/// English text with the English pack's conventions (plural possessives, datelines), and the same
/// text without them, as an Italian document is cut.
@Suite("English text layer")
struct EnglishTextLayerTests {
    static let english = EnglishRules().textConventions

    func tokens(_ text: String, _ conventions: TextConventions = Self.english) -> [String] {
        let t = Tokenizer().tokenize(text, conventions: conventions)
        let u = Array(text.utf8)
        return (0..<t.count).map { String(decoding: u[Int(t.starts[$0])..<Int(t.ends[$0])], as: UTF8.self) }
    }

    func sentences(_ text: String, _ conventions: TextConventions = Self.english) -> [String] {
        let t = Tokenizer().tokenize(text, conventions: conventions)
        let u = Array(text.utf8)
        return SentenceSplitter().split(text, tokens: t, conventions: conventions).map {
            String(decoding: u[$0.range.lowerBound..<$0.range.upperBound], as: UTF8.self)
        }
    }

    static let tokenCases: [TokenizerCase] = [
        .init(
            "The senators' votes didn't change Mr. Kerry's plan.",
            ["The", "senators", "'", "votes", "did", "n't", "change", "Mr.", "Kerry", "'s", "plan", "."]),
        .init("the ministers’ talks won’t end", ["the", "ministers", "’", "talks", "wo", "n’t", "end"]),
        .init(
            "Gov. Ray met Jan. 5 with Acme Inc. staff in the U.S. capital",
            ["Gov.", "Ray", "met", "Jan.", "5", "with", "Acme", "Inc.", "staff", "in", "the", "U.S.", "capital"]),
        .init("Sen. Lee's aides and Lt. Gen. Moss", ["Sen.", "Lee", "'s", "aides", "and", "Lt.", "Gen.", "Moss"]),
        .init("\"I'm not leaving,\" he said.", ["\"", "I", "'m", "not", "leaving", ",", "\"", "he", "said", "."]),
        .init("the Joneses' house", ["the", "Joneses", "'", "house"]),
        // A doubled closing mark after a word is two halves, not the word's apostrophe and one half.
        .init("what he calls ''smart'' is", ["what", "he", "calls", "'", "'", "smart", "'", "'", "is"]),
        .init("Ana's ''very smart'' plan", ["Ana", "'s", "'", "'", "very", "smart", "'", "'", "plan"])
    ]

    @Test("contractions, possessives and abbreviations", arguments: tokenCases)
    func tokenCase(_ c: TokenizerCase) { #expect(tokens(c.input) == c.tokens) }

    @Test("a possessive's offsets are exact, with either apostrophe")
    func possessiveOffsets() {
        let text = "Ana’s and the pilots' union"
        let t = Tokenizer().tokenize(text, conventions: Self.english)
        // UTF-8 offsets: `Ana` 0–3, `’s` 3–7 (`’` is three bytes), `pilots` 16–22, `'` 22–23.
        let ranges = (0..<t.count).map { [Int(t.starts[$0]), Int(t.ends[$0])] }
        #expect(ranges.contains([0, 3]) && ranges.contains([3, 7]))
        #expect(ranges.contains([16, 22]) && ranges.contains([22, 23]))
    }

    @Test("without the English conventions a word-final apostrophe stays with its word (Italian)")
    func italianApostrophes() {
        #expect(tokens("un po' di pane", []) == ["un", "po'", "di", "pane"])
        #expect(tokens("i Rolling Stones' fan", []) == ["i", "Rolling", "Stones'", "fan"])
        #expect(tokens("un po' di pane") == ["un", "po'", "di", "pane"])  // not after an `s`
    }

    static let sentenceCases: [SplitterCase] = [
        .init(
            "OSLO (AP) — Norway's foreign minister flew home on Monday. Talks resume in May.",
            ["OSLO (AP) —", "Norway's foreign minister flew home on Monday.", "Talks resume in May."]),
        .init(
            "NAIROBI, Kenya, June 9 (Reuters) - The court ruled against the plan.",
            ["NAIROBI, Kenya, June 9 (Reuters) -", "The court ruled against the plan."]),
        .init("NEW YORK — A fire closed two subway lines.", ["NEW YORK —", "A fire closed two subway lines."]),
        .init("Lima (AFP) - Peru's president resigned.", ["Lima (AFP) -", "Peru's president resigned."]),
        .init(
            "Flood warning\n\nDHAKA (AP) — Rivers rose again.",
            ["Flood warning", "DHAKA (AP) —", "Rivers rose again."]),
        // Not datelines: a title-case place without an agency, a dash inside a sentence.
        .init("Paris — the city of light — is calm.", ["Paris — the city of light — is calm."]),
        .init("The EU - China summit ended. NATO met.", ["The EU - China summit ended.", "NATO met."]),
        // A sentence that opens with a doubled mark starts after the full stop; a bracket and a mark do not.
        .init(
            "He blamed oil prices. ''After this fall, all indicators slipped,'' he said.",
            ["He blamed oil prices.", "''After this fall, all indicators slipped,'' he said."]),
        .init("A report called \"Who pays?\" (\"Chi paga?\") came out.", ["A report called \"Who pays?\" (\"Chi paga?\") came out."])
    ]

    @Test("a wire-copy dateline is a sentence of its own", arguments: sentenceCases)
    func sentenceCase(_ c: SplitterCase) { #expect(sentences(c.input) == c.sentences) }

    @Test("without the English conventions the dateline stays with the first sentence (Italian)")
    func italianDateline() {
        #expect(sentences("ROMA (ANSA) - Il governo ha deciso.", []) == ["ROMA (ANSA) - Il governo ha deciso."])
    }

    @Test("the engine cuts an English document by the English conventions and an Italian one by its own")
    func engineRouting() throws {
        let engine = try #require(QuoteExtractorTests.engine)
        let en = try engine.analyze(
            DocumentInput(
                id: "en",
                text: "CAIRO (AP) — Egypt's leaders' talks with the opposition ended on Sunday without a deal, officials said. "
                    + "The two sides will meet again next week.",
                origin: "test"))
        #expect(en.language == "en")
        #expect(
            en.sentences.map { en.text(in: $0.range) } == [
                "CAIRO (AP) —", "Egypt's leaders' talks with the opposition ended on Sunday without a deal, officials said.",
                "The two sides will meet again next week."
            ])
        #expect(en.tokens.count == 32)  // `Egypt` `'s`, `leaders` `'`
        let it = try engine.analyze(
            DocumentInput(
                id: "it", text: "ROMA (ANSA) - Il governo dei Rolling Stones' ha deciso.",
                metadata: DocumentMetadata(declaredLanguage: "it"), origin: "test"))
        #expect(it.sentences.count == 1)
        #expect(it.tokens.count == 13)  // `Stones'` one token
    }
}
