import CronistaTestSupport
import Foundation
import Testing

/// `cronista ner` and `eval ner` through the binary: `--language` tags as `analyze` does (the pack's model
/// and its name conventions); an unknown language is refused naming the bundled ones.
@Suite("ner: languages")
struct NERCommandTests {
    /// Two English sentences as pre-tokenised CoNLL: an honorific the open corpora rarely show without its
    /// stop, and an organisation's acronym in parentheses.
    static let english = """
        But\tO
        Ms\tO
        Pugh\tB-PER
        said\tO
        the\tO
        trial\tO
        had\tO
        ended\tO
        .\tO

        He\tO
        joined\tO
        the\tO
        Real\tB-ORG
        Estate\tI-ORG
        Council\tI-ORG
        of\tI-ORG
        Ontario\tI-ORG
        (\tO
        RECO\tB-ORG
        )\tO
        .\tO

        """

    func tags(_ out: String) -> [String: String] {
        var tags: [String: String] = [:]
        for line in out.split(separator: "\n") {
            let p = line.split(separator: "\t")
            if p.count == 2 { tags[String(p[0])] = String(p[1]) }
        }
        return tags
    }

    @Test("--language en: the English model with the pack's conventions, one output line per input token")
    func englishConventions() async throws {
        let r = try await CLIRunner.run(["ner", "--language", "en", "--conll", "-"], stdin: Data(Self.english.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == Self.english.split(separator: "\n").count)
        let t = tags(r.stdout)
        #expect(t["Ms"] == "O")
        #expect(t["Pugh"] == "B-PER")
        #expect(t["Real"] == "B-ORG" && t["Ontario"] == "I-ORG")
        #expect(t["RECO"] == "B-ORG")
    }

    @Test("eval ner --language en scores the same tags against the gold column")
    func evaluateEnglish() async throws {
        let dir = try TemporaryDirectory()
        let gold = dir.file("gold.tsv")
        try Self.english.write(to: gold, atomically: true, encoding: .utf8)
        let r = try await CLIRunner.run(["eval", "ner", "--language", "en", "--conll", gold.path])
        #expect(r.status == 0, "\(r.stderr)")
        // Pugh, the council and RECO: three gold names, all found.
        let micro = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("micro") })
        #expect(micro.contains("tp 3, fp 0, fn 0"), "\(r.stdout)")
    }

    @Test("an unknown --language is refused with the bundled codes, before any input is read")
    func unknownLanguage() async throws {
        let r = try await CLIRunner.run(["ner", "--language", "xx", "--conll", "unread.tsv"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("\"xx\"") && r.stderr.contains("it, en"), "\(r.stderr)")
    }
}
