import CronistaCore
import CronistaNLP
import CronistaTestSupport
import Foundation
import Testing

struct NormalizerCase: CustomTestStringConvertible, Sendable {
    let input: String
    let output: String
    var testDescription: String { input.debugDescription }
    init(_ input: String, _ output: String) { self.input = input; self.output = output }
}

/// The original text of `r`.
func slice(_ text: String, _ r: TextRange) -> String {
    String(decoding: Array(text.utf8)[r.lowerBound..<r.upperBound], as: UTF8.self)
}

@Suite("Normalizer")
struct NormalizerTests {
    static let cases: [NormalizerCase] = [
        .init("l’Europa e l‘altro", "l'Europa e l'altro"),
        .init("lʼaltro, l´altro, l`altro", "l'altro, l'altro, l'altro"),
        .init("“virgolette” „basse“ «caporali»", "\"virgolette\" \"basse\" \"caporali\""),
        .init("l’ ambasciatore e L' Europa", "l'ambasciatore e L'Europa"),
        .init("dell’  ambasciatore", "dell'ambasciatore"),
        .init("un po’ di tempo", "un po' di tempo"),
        .init("dell’ 80%", "dell' 80%"),
        .init("a\u{00A0}b\u{2009}c\u{3000}d\u{202F}e", "a b c d e"),
        .init("Ma\u{00AD}ria zero\u{200B}width\u{200C}x\u{2060}y\u{FEFF}", "Maria zerowidthxy"),
        .init("a\u{200D}b 👨\u{200D}👩\u{200D}👧", "ab 👨\u{200D}👩\u{200D}👧"),
        .init("Se\u{301}journe\u{301} citta\u{300}", "Séjourné città"),
        .init("A\u{30A}ngstro\u{308}m", "Ångström"),
        .init("e\u{323}\u{302}", "ệ"),
        .init("perchÃ© Ã¨ cosÃ¬", "perché è così"),
        .init("lâ€™Europa â€œsÃ¬â€\u{9D}", "l'Europa \"sì\""),
        .init("CittÃ  di MÃ¼nchen", "Città di München"),
        .init("Ã normale", "Ã normale"),
        .init("già è così", "già è così"),
        .init("", ""),
    ]

    @Test("cases", arguments: cases)
    func normalize(_ c: NormalizerCase) {
        #expect(Normalizer().normalize(c.input).text == c.output)
    }

    @Test("every normalised byte maps back inside the original, in order", arguments: cases)
    func mapIsMonotone(_ c: NormalizerCase) {
        let n = Normalizer().normalize(c.input)
        let count = UInt32(c.input.utf8.count)
        #expect(n.originStarts.count == n.text.utf8.count)
        var previous: UInt32 = 0
        for k in 0..<n.originStarts.count {
            #expect(n.originStarts[k] >= previous)
            #expect(n.originStarts[k] < n.originEnds[k] && n.originEnds[k] <= count)
            previous = n.originStarts[k]
        }
        #expect(n.originalOffset(normalizedUTF8: n.utf8Count) == count)
    }

    @Test func mapBackElision() throws {
        let text = "Intanto la Russia ha convocato l’ ambasciatore francese"
        let n = Normalizer().normalize(text)
        #expect(n.text == "Intanto la Russia ha convocato l'ambasciatore francese")
        let r = try #require(n.text.range(of: "l'ambasciatore"))
        let original = n.originalRange(r)
        #expect(slice(text, original) == "l’ ambasciatore")
        let word = try #require(n.text.range(of: "ambasciatore"))
        #expect(slice(text, n.originalRange(word)) == "ambasciatore")
    }

    @Test func mapBackMojibakeAndComposition() throws {
        let text = "Il ministro SÃ¨journÃ¨ e Se\u{301}journe\u{301}."
        let n = Normalizer().normalize(text)
        #expect(n.text == "Il ministro Sèjournè e Séjourné.")
        let a = try #require(n.text.range(of: "Sèjournè"))
        #expect(slice(text, n.originalRange(a)) == "SÃ¨journÃ¨")
        let b = try #require(n.text.range(of: "Séjourné"))
        #expect(slice(text, n.originalRange(b)) == "Se\u{301}journe\u{301}")
        let e = try #require(n.text.range(of: "é"))
        #expect(slice(text, n.originalRange(e)) == "e\u{301}")
    }

    @Test func mapBackRemovedCharacters() throws {
        let text = "x Ma\u{00AD}ria\u{200B} y"
        let n = Normalizer().normalize(text)
        #expect(n.text == "x Maria y")
        let r = try #require(n.text.range(of: "Maria"))
        #expect(slice(text, n.originalRange(r)) == "Ma\u{00AD}ria")
        #expect(n.originalRange(normalizedUTF8: 2..<2).isEmpty)
    }

    @Test func normalisedSeedMatchesOriginalLength() throws {
        let text = try Fixtures.read("data/quotes/seed/000_193cd34c33125298.txt")
        let n = Normalizer().normalize(text)
        #expect(!n.text.contains("’"))
        #expect(n.text.contains("l'ambasciatore francese"))
        #expect(n.originalRange(normalizedUTF8: 0..<n.utf8Count) == TextRange(0, text.utf8.count))
    }

    struct FoldCase: Sendable, CustomTestStringConvertible {
        let variants: [String]
        let key: String
        var testDescription: String { variants.joined(separator: " / ") }
    }

    static let folds: [FoldCase] = [
        .init(variants: ["Sèjournè", "Séjourné", "SEJOURNE", "Se\u{301}journe\u{301}", "sejourne"], key: "sejourne"),
        .init(variants: ["Łukašenka", "LUKASENKA", "Lukašenka"], key: "lukasenka"),
        .init(variants: ["Straße", "STRASSE"], key: "strasse"),
        .init(variants: ["D’Alema", "D'Alema", "d`alema"], key: "d'alema"),
        .init(variants: ["U.S.A.", "usa", "U.S.A"], key: "usa"),
        .init(variants: ["Jean-Luc  Mélenchon", "jean luc melenchon", "Jean–Luc Mélenchon"], key: "jean luc melenchon"),
        .init(variants: ["Ærø", "aero"], key: "aero"),
        .init(variants: ["Nguyễn", "NGUYEN"], key: "nguyen"),
        .init(variants: ["ПУТИН", "путин", "Путин"], key: "путин"),
        .init(variants: ["ΑΘΗΝΑ", "αθηνα"], key: "αθηνα"),
        .init(variants: [" Ma\u{00AD}ria\u{00A0}Rossi "], key: "maria rossi"),
    ]

    @Test("fold keys", arguments: folds)
    func foldKeys(_ c: FoldCase) {
        for v in c.variants {
            #expect(v.foldedKey == c.key, "\(v)")
            #expect(FoldedKey(v) == FoldedKey(c.key))
        }
    }
}
