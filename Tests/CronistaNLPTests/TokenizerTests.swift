import CronistaCore
import CronistaNLP
import CronistaTestSupport
import Testing

/// The token strings of `text`.
func tokenStrings(_ text: String) -> [String] {
    let t = Tokenizer().tokenize(text)
    let u = Array(text.utf8)
    return (0..<t.count).map { String(decoding: u[Int(t.starts[$0])..<Int(t.ends[$0])], as: UTF8.self) }
}

/// The flags of the token whose text is `token` (first occurrence).
func flags(of token: String, in text: String) -> TokenFlags? {
    let t = Tokenizer().tokenize(text)
    let strings = tokenStrings(text)
    guard let i = strings.firstIndex(of: token) else { return nil }
    return t.flags[i]
}

struct TokenizerCase: CustomTestStringConvertible, Sendable {
    let input: String
    let tokens: [String]
    var testDescription: String { input }
    init(_ input: String, _ tokens: [String]) { self.input = input; self.tokens = tokens }
}

@Suite("Tokenizer")
struct TokenizerTests {
    static let italian: [TokenizerCase] = [
        .init("L'attacco della Russia", ["L'", "attacco", "della", "Russia"]),
        .init("dell’ambasciatore", ["dell’", "ambasciatore"]),
        .init("l’ ambasciatore", ["l’", "ambasciatore"]),
        .init("un’azione consapevole", ["un’", "azione", "consapevole"]),
        .init("All'improvviso nell’ombra", ["All'", "improvviso", "nell’", "ombra"]),
        .init("c'è un po' di tempo", ["c'", "è", "un", "po'", "di", "tempo"]),
        .init("un po’ di più", ["un", "po’", "di", "più"]),
        .init("ne' figli", ["ne'", "figli"]),
        .init("\"è una bugia\".", ["\"", "è", "una", "bugia", "\"", "."]),
        .init("(i francesi, ndr) stanno", ["(", "i", "francesi", ",", "ndr", ")", "stanno"]),
        .init("«Senza cervello muoiono.»", ["«", "Senza", "cervello", "muoiono", ".", "»"]),
        .init("“Sì”, disse;", ["“", "Sì", "”", ",", "disse", ";"]),
        .init("il 10% dei colpiti", ["il", "10", "%", "dei", "colpiti"]),
        .init("crescita del 3,5%.", ["crescita", "del", "3,5", "%", "."]),
        .init("1.000 euro e 1,000.50 dollari", ["1.000", "euro", "e", "1,000.50", "dollari"]),
        .init("alle 8.30 e alle 20:45", ["alle", "8.30", "e", "alle", "20:45"]),
        .init("il 12/04/2024 alle 9", ["il", "12/04/2024", "alle", "9"]),
        .init("la 21esima spedizione, 3° posto, 1st place", ["la", "21esima", "spedizione", ",", "3°", "posto", ",", "1st", "place"]),
        .init("il Sig. Rossi e il dott. Bianchi", ["il", "Sig.", "Rossi", "e", "il", "dott.", "Bianchi"]),
        .init(
            "prof. Verdi, avv. Neri, sen. Monti, on. Meloni",
            ["prof.", "Verdi", ",", "avv.", "Neri", ",", "sen.", "Monti", ",", "on.", "Meloni"]),
        .init("libri, quaderni ecc. Poi", ["libri", ",", "quaderni", "ecc.", "Poi"]),
        .init("cfr. p.es. la nota", ["cfr.", "p.es.", "la", "nota"]),
        .init("negli U.S.A. e negli U.S.", ["negli", "U.S.A.", "e", "negli", "U.S."]),
        .init("J. F. Kennedy", ["J.", "F.", "Kennedy"]),
        .init("la Sig.ra Rossi e la dott.ssa Bianchi", ["la", "Sig.ra", "Rossi", "e", "la", "dott.ssa", "Bianchi"]),
        .init("l'on. Rossi", ["l'", "on.", "Rossi"]),
        .init("anti-Nato e Stati-nazione", ["anti-Nato", "e", "Stati-nazione"]),
        .init("il COVID-19 e il G7", ["il", "COVID-19", "e", "il", "G7"]),
        .init("Poi... forse… no -- basta — fine", ["Poi", "...", "forse", "…", "no", "--", "basta", "—", "fine"]),
        .init("Davvero?! Sì!!!", ["Davvero", "?!", "Sì", "!!!"]),
        .init("Mosca.", ["Mosca", "."]),
        .init("Mosca.Il", ["Mosca", ".", "Il"]),
        .init("parola,parola", ["parola", ",", "parola"]),
        .init("e/o", ["e", "/", "o"]),
        .init("-5 gradi", ["-5", "gradi"])
    ]

    static let english: [TokenizerCase] = [
        .init("don't", ["do", "n't"]),
        .init("John's book", ["John", "'s", "book"]),
        .init(
            "I'm sure they're here, we've seen it, he'll go, she'd know",
            ["I", "'m", "sure", "they", "'re", "here", ",", "we", "'ve", "seen", "it", ",", "he", "'ll", "go", ",", "she", "'d", "know"]),
        .init("Clinton’s team can’t", ["Clinton", "’s", "team", "ca", "n’t"]),
        .init("Mr. Smith and Dr. Jones met St. Peter", ["Mr.", "Smith", "and", "Dr.", "Jones", "met", "St.", "Peter"]),
        .init("the Sept. 11 memorial", ["the", "Sept.", "11", "memorial"]),
        .init("O'Brien said", ["O'Brien", "said"]),
        .init("(what she would do)", ["(", "what", "she", "would", "do", ")"]),
        .init("'single quoted'", ["'", "single", "quoted", "'"])
    ]

    static let web: [TokenizerCase] = [
        .init("vedi https://example.com/a?b=1.", ["vedi", "https://example.com/a?b=1", "."]),
        .init("(www.repubblica.it/politica)", ["(", "www.repubblica.it/politica", ")"]),
        .init("scrivi a mario.rossi@gmail.com, grazie", ["scrivi", "a", "mario.rossi@gmail.com", ",", "grazie"]),
        .init("su corriere.it oggi", ["su", "corriere.it", "oggi"]),
        .init("#Ucraina e @Zelensky", ["#Ucraina", "e", "@Zelensky"]),
        .init("ok 👍🏽 famiglia 👨‍👩‍👧 Italia 🇮🇹🇫🇷", ["ok", "👍🏽", "famiglia", "👨‍👩‍👧", "Italia", "🇮🇹", "🇫🇷"]),
        .init("ciao😀😀", ["ciao", "😀", "😀"]),
        .init("❤️ numero 1️⃣", ["❤️", "numero", "1️⃣"])
    ]

    static let whitespace: [TokenizerCase] = [
        .init("a\u{00A0}b\tc\r\nd\u{2009}e", ["a", "b", "c", "d", "e"]),
        .init("Ma\u{00AD}ria e zero\u{200B}width", ["Ma\u{00AD}ria", "e", "zero\u{200B}width"]),
        .init("\u{FEFF}Inizio \u{200B} fine", ["Inizio", "fine"]),
        .init("", []),
        .init("   \n\n  ", [])
    ]

    @Test("Italian", arguments: italian)
    func italianCases(_ c: TokenizerCase) { #expect(tokenStrings(c.input) == c.tokens) }

    @Test("English", arguments: english)
    func englishCases(_ c: TokenizerCase) { #expect(tokenStrings(c.input) == c.tokens) }

    @Test("URLs, e-mails, social, emoji", arguments: web)
    func webCases(_ c: TokenizerCase) { #expect(tokenStrings(c.input) == c.tokens) }

    @Test("white space and invisible characters", arguments: whitespace)
    func whitespaceCases(_ c: TokenizerCase) { #expect(tokenStrings(c.input) == c.tokens) }

    @Test func flagsOfTokens() throws {
        let text = "L’Europa, dott. Rossi: \"3,5%\" https://x.it #a 😀 fine.\nRiga\n\nParagrafo"
        #expect(flags(of: "L’", in: text) == [.word, .elision, .capitalized])
        #expect(try #require(flags(of: ",", in: text)).isSuperset(of: [.punctuation, .spaceAfter]))
        #expect(try #require(flags(of: "dott.", in: text)).contains(.abbreviation))
        #expect(try #require(flags(of: "\"", in: text)).contains(.quoteMark))
        #expect(try #require(flags(of: "3,5", in: text)).contains(.number))
        #expect(try #require(flags(of: "https://x.it", in: text)).contains(.url))
        #expect(try #require(flags(of: "#a", in: text)).contains(.social))
        #expect(try #require(flags(of: "😀", in: text)).contains(.emoji))
        let period = try #require(flags(of: ".", in: text))
        #expect(period.isSuperset(of: [.terminal, .newlineAfter]) && !period.contains(.paragraphAfter))
        #expect(try #require(flags(of: "Riga", in: text)).isSuperset(of: [.newlineAfter, .paragraphAfter, .capitalized]))
        #expect(try #require(flags(of: "Paragrafo", in: text)).isDisjoint(with: [.spaceAfter, .newlineAfter]))
        #expect(try #require(flags(of: "Rossi", in: text)).isDisjoint(with: [.spaceAfter]))
    }

    @Test func crlfCountsAsOneLineBreak() throws {
        let t = Tokenizer().tokenize("uno\r\ndue\r\n\r\ntre")
        #expect(t.count == 3)
        #expect(t.flags[0].contains(.newlineAfter) && !t.flags[0].contains(.paragraphAfter))
        #expect(t.flags[1].contains(.paragraphAfter))
    }

    @Test func seedArticleTokens() throws {
        let text = try Fixtures.read("data/quotes/seed/000_193cd34c33125298.txt")
        let tokens = tokenStrings(text)
        #expect(tokens.prefix(10) == ["L'", "attacco", "della", "Russia", "ai", "Paesi", "Nato", "\"", "è", "una"])
        #expect(tokens.contains("21esima"))
        #expect(tokens.contains("ndr"))
        #expect(tokens.contains("dell’") && tokens.contains("Europa"))
        #expect(!tokens.contains { $0.contains(" ") })
        // 440 = the count of Python's re.findall(r"\w+['’]|\w+|[^\w\s]", text) on this article.
        #expect(tokens.count == 440)
    }
}
