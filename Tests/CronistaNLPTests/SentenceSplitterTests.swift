import CronistaCore
import CronistaNLP
import CronistaTestSupport
import Foundation
import Testing

/// The sentences of `text` as strings.
func sentenceStrings(_ text: String) -> [String] {
    let tokens = Tokenizer().tokenize(text)
    let u = Array(text.utf8)
    return SentenceSplitter().split(text, tokens: tokens).map {
        String(decoding: u[$0.range.lowerBound..<$0.range.upperBound], as: UTF8.self)
    }
}

struct SplitterCase: CustomTestStringConvertible, Sendable {
    let input: String
    let sentences: [String]
    var testDescription: String { input }
    init(_ input: String, _ sentences: [String]) { self.input = input; self.sentences = sentences }
}

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    static let cases: [SplitterCase] = [
        .init("Primo. Secondo! Terzo? Quarto… Quinto", ["Primo.", "Secondo!", "Terzo?", "Quarto…", "Quinto"]),
        .init("Ha parlato il Sig. Rossi. Poi il dott. Bianchi.", ["Ha parlato il Sig. Rossi.", "Poi il dott. Bianchi."]),
        .init("Lo disse J. F. Kennedy a Berlino. Fine.", ["Lo disse J. F. Kennedy a Berlino.", "Fine."]),
        .init("Mr. Smith went to Washington. He left.", ["Mr. Smith went to Washington.", "He left."]),
        .init("Costa 3.5 euro. Alle 8.30 parte.", ["Costa 3.5 euro.", "Alle 8.30 parte."]),
        .init("libri, quaderni ecc. Poi è uscito.", ["libri, quaderni ecc.", "Poi è uscito."]),
        .init("\"Non è vero. Lo nego\", ha detto Rossi.", ["\"Non è vero.", "Lo nego\", ha detto Rossi."]),
        .init("Lee ha detto: «Muoiono. È logico.» Poi ha taciuto.", ["Lee ha detto: «Muoiono.", "È logico.»", "Poi ha taciuto."]),
        .init("È finita \"una bugia\". Il presidente parla.", ["È finita \"una bugia\".", "Il presidente parla."]),
        .init("Ha detto (come sempre.) Ecco.", ["Ha detto (come sempre.)", "Ecco."]),
        .init("Titolo senza punto\nIl testo comincia qui. E continua.", ["Titolo senza punto", "Il testo comincia qui.", "E continua."]),
        .init("Primo paragrafo senza punto\n\nsecondo paragrafo minuscolo", ["Primo paragrafo senza punto", "secondo paragrafo minuscolo"]),
        .init("Titolo\nuna riga che va a capo\nnel mezzo della frase.", ["Titolo", "una riga che va a capo\nnel mezzo della frase."]),
        .init("Titolo\nTesto che elenca, \nAlberto e Marco.", ["Titolo", "Testo che elenca, \nAlberto e Marco."]),
        .init("Titolo\nSottotitolo breve\nIl testo.", ["Titolo", "Sottotitolo breve", "Il testo."]),
        .init("Omissione (...) nel testo. Fine.", ["Omissione (...) nel testo.", "Fine."]),
        .init("Vedi l'elenco:\n1. Introduzione\n2. Metodo", ["Vedi l'elenco:", "1. Introduzione", "2. Metodo"]),
        .init("Ha vinto 2 a 1. Poi è partito.", ["Ha vinto 2 a 1.", "Poi è partito."]),
        .init("Perché? perché sì.", ["Perché? perché sì."]),
        .init("Dove sei?!? Qui.", ["Dove sei?!?", "Qui."]),
        .init("Fine.\r\n\r\nNuovo paragrafo.", ["Fine.", "Nuovo paragrafo."]),
        .init("", []),
        .init("  . ", ["."])
    ]

    @Test("cases", arguments: cases)
    func splitCases(_ c: SplitterCase) { #expect(sentenceStrings(c.input) == c.sentences) }

    @Test("the 18 gold sentences of the seed article")
    func seedSentences() throws {
        let text = try Fixtures.read("data/quotes/seed/000_193cd34c33125298.txt")
        let gold = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Fixtures.sharedPath("data/quotes/seed/seed.sentences.json")))) as? [String: Any]
        )
        let goldSpans = try #require(gold["sentences"] as? [[String: Int]]).map { [$0["start"]!, $0["end"]!] }
        #expect(goldSpans.count == 18)
        let tokens = Tokenizer().tokenize(text)
        let sentences = SentenceSplitter().split(text, tokens: tokens)
        let index = OffsetIndex(text)
        let spans = sentences.map { s in
            let r = index.scalarRange(s.range); return [r.start, r.end]
        }
        #expect(spans == goldSpans)
        var doc = Document(id: "seed", text: text)
        doc.tokens = tokens
        doc.sentences = sentences
        #expect(doc.invariantViolations().isEmpty)
    }

    @Test("sentences partition the tokens")
    func partition() throws {
        let text = try Fixtures.read("data/quotes/seed/000_193cd34c33125298.txt")
        let tokens = Tokenizer().tokenize(text)
        let sentences = SentenceSplitter().split(text, tokens: tokens)
        var next: Int32 = 0
        for s in sentences {
            #expect(s.tokens.lowerBound == next)
            #expect(!s.tokens.isEmpty)
            next = s.tokens.upperBound
        }
        #expect(Int(next) == tokens.count)
    }

    @Test("KIND headlines: the first line is a sentence of its own")
    func kindHeadlines() throws {
        let docs = try Fixtures.jsonLines("data/ner/kind/docs/wikinews_dev.docs.jsonl")
        #expect(docs.count > 10)
        for d in docs {
            let text = try #require(d["text"] as? String)
            guard let nl = text.firstIndex(of: "\n") else { continue }
            let headline = String(text[..<nl]).trimmingCharacters(in: .whitespaces)
            let first = try #require(sentenceStrings(text).first)
            #expect(first == headline, "\(d["id"] ?? "?")")
        }
    }
}
