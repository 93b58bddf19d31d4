import Testing
@testable import CronistaNLP

@Suite("Tokenizer data from the language packs")
struct TokenizerDataTests {
    func kind(_ s: String) -> Abbreviations.Kind? { Abbreviations.kind(of: s) }

    @Test("abbreviations are the union of the Italian and English files, a title winning over the other classes")
    func union() throws {
        #expect(kind("Sig.") == .title)  // it
        #expect(kind("Mr.") == .title)  // en
        #expect(kind("ecc.") == .general)  // it
        #expect(kind("etc.") == .general)  // en
        #expect(kind("set.") == .beforeNameOrNumber)  // it month
        #expect(kind("sept.") == .beforeNameOrNumber)  // en month
        #expect(kind("gen.") == .title)  // a title in it and en, a month in it
        #expect(kind("d.c.") == .title)  // title and general
        #expect(kind("casa.") == nil)
        #expect(Abbreviations.maxLength == "dott.ssa".utf8.count)
    }

    @Test("elision stems come from Languages/it/elisions.txt")
    func elisions() {
        func has(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { ElisionLexicon.contains($0, 0, $0.count) } }
        #expect(has("dell") && has("L") && has("quest"))
        #expect(!has("po") && !has("casa"))
    }

    @Test("a bad class in an abbreviation list names its file and line")
    func badLine() {
        #expect(throws: LanguagePackError.self) {
            _ = try LanguagePack.parseClasses(
                "title: sig.\nacronym: u.s.\n", file: "Languages/xx/abbreviations.txt", as: Abbreviations.FileClass.self)
        }
        do {
            _ = try LanguagePack.parseClasses(
                "title: sig.\nacronym: u.s.\n", file: "Languages/xx/abbreviations.txt", as: Abbreviations.FileClass.self)
        } catch let e as LanguagePackError {
            #expect(e.description == "Languages/xx/abbreviations.txt:2: unknown class \"acronym\"")
        } catch { Issue.record("unexpected \(error)") }
    }
}
