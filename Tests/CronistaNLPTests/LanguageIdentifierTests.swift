import CronistaCore
import CronistaNLP
import CronistaTestSupport
import Testing

struct LanguageCase: CustomTestStringConvertible, Sendable {
    let code: String
    let text: String
    var testDescription: String { "\(code): \(text.prefix(40))" }
    init(_ code: String, _ text: String) { self.code = code; self.text = text }
}

@Suite("LanguageIdentifier")
struct LanguageIdentifierTests {
    static let snippets: [LanguageCase] = [
        .init("it", "Il presidente russo, Vladimir Putin, e il presidente della Bielorussia stanno conducendo negoziati al Cremlino."),
        .init("it", "Ricercatori britannici scoprono il primo antibiotico ricavato dagli insetti"),
        .init("en", "The New York Post reports that Hillary Clinton’s team avoided taking her to the emergency room."),
        .init("en", "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics."),
        .init("fr", "Le ministre des Affaires étrangères a déclaré que la France n'avait plus d'intérêt à discuter avec Moscou."),
        .init("de", "Der russische Präsident sagte, dass die Gespräche mit dem Nachbarland noch nicht beendet sind."),
        .init("es", "El presidente ruso afirmó que las conversaciones con el país vecino todavía no han terminado."),
        .init("pt", "O presidente russo disse que as negociações com o país vizinho ainda não terminaram."),
        .init("nl", "De Russische president zei dat de gesprekken met het buurland nog niet zijn afgerond."),
        .init("ro", "Președintele rus a declarat că negocierile cu țara vecină nu s-au încheiat încă."),
        .init("ru", "Президент России заявил, что переговоры с соседней страной ещё не завершены."),
        .init("uk", "Президент України заявив, що переговори з сусідньою країною ще не завершені."),
        .init("el", "Ο πρόεδρος δήλωσε ότι οι συνομιλίες δεν έχουν ολοκληρωθεί."),
        .init("ar", "قال الرئيس إن المحادثات مع البلد المجاور لم تنته بعد."),
        .init("he", "הנשיא אמר כי השיחות עם המדינה השכנה טרם הסתיימו."),
        .init("zh", "总统表示，与邻国的会谈尚未结束。"),
        .init("ja", "大統領は、隣国との会談はまだ終わっていないと述べた。"),
        .init("ko", "대통령은 이웃 나라와의 회담이 아직 끝나지 않았다고 말했다."),
        .init("und", ""),
        .init("und", "   \n "),
        .init("und", "Putin"),
        .init("und", "12345 67 890 !!!")
    ]

    @Test("snippets", arguments: snippets)
    func identify(_ c: LanguageCase) { #expect(LanguageIdentifier().identify(c.text) == c.code) }

    @Test("the seed article is Italian")
    func seed() throws {
        #expect(LanguageIdentifier().identify(try Fixtures.read("data/quotes/seed/000_193cd34c33125298.txt")) == "it")
    }

    /// KIND cuts documents at title-like lines, so some are fragments of a few words (`Storia`,
    /// `Notizie correlate`, race results): those may be `und`, never another language.
    @Test("KIND Wikinews documents are Italian (≥ 99% of those with 200+ characters, ≥ 90% of all)")
    func kind() throws {
        let docs = try Fixtures.jsonLines("data/ner/kind/docs/wikinews_dev.docs.jsonl").compactMap { $0["text"] as? String }
        let answers = docs.map { LanguageIdentifier().identify($0) }
        let long = zip(docs, answers).filter { $0.0.count >= 200 }
        let longRight = long.filter { $0.1 == "it" }.count
        let right = answers.filter { $0 == "it" }.count
        #expect(long.count > 100)
        #expect(Double(longRight) / Double(long.count) >= 0.99, "\(longRight)/\(long.count)")
        #expect(Double(right) / Double(docs.count) >= 0.90, "\(right)/\(docs.count)")
        #expect(answers.filter { $0 != "it" && $0 != "und" }.count <= 2)
    }

    @Test("PolNeAR documents are English (≥ 99%)")
    func polnear() throws {
        let docs = try Fixtures.jsonLines("data/quotes/polnear/gold/dev.docs.jsonl")
        let right = docs.filter { LanguageIdentifier().identify($0["text"] as? String ?? "") == "en" }.count
        #expect(docs.count > 0)
        #expect(Double(right) / Double(docs.count) >= 0.99, "\(right)/\(docs.count)")
    }

    @Test("only a bounded prefix is read: Italian text followed by megabytes of English")
    func boundedPrefix() {
        let italian = String(repeating: "Il presidente ha detto che la guerra non è finita e che i negoziati continuano. ", count: 60)
        let english = String(repeating: "The president said that the war is not over and that the talks go on. ", count: 30_000)
        #expect(LanguageIdentifier().identify(italian + english) == "it")
        #expect(LanguageIdentifier(prefixBytes: 64).identify(String(repeating: "é", count: 100)) == "und")
    }
}
