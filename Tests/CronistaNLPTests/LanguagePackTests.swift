import CronistaCore
@testable import CronistaNLP
import Foundation
import Synchronization
import Testing

/// The language seam: generic components work from a pack's data, and nothing Italian runs on a
/// language without a pack.
@Suite("Language packs")
struct LanguagePackTests {
    /// A made-up language: `vek` = to say, `zo` = that (complementiser), `ba` = an article.
    struct XXRules: LanguageRules {
        func isInfinitive(_ form: String) -> Bool { form.hasSuffix("ek") && form.count > 3 }
        func isGerund(_ form: String) -> Bool { false }
        func isParticiple(_ form: String) -> Bool { false }
        var participleNeedsAuxiliary: Bool { false }
        func conjugate(_ lemma: String) -> [String] { [] }
    }

    static func xxPack() throws -> LanguagePack {
        let cues = """
            xx say vek : vek veki
            xx say plom : plom
            """
        return LanguagePack(
            code: "xx", rules: XXRules(),
            wordClasses: [.complementiser: ["zo"], .article: ["ba", "bi"], .preposition: ["nu"], .coordinator: ["ka"]],
            quoteLexicon: try QuoteLexicon(text: cues, languages: ["xx"], rules: XXRules()))
    }

    @Test("A made-up pack (two cues, five function words) gives a quote and its speaker")
    func madeUpLanguage() throws {
        let packs = LanguagePacks([try Self.xxPack()])
        var d = Document(
            id: "xx", text: "Ba Zorgon veki zo ba mela nu orto si rossa ka dolce.",
            metadata: DocumentMetadata(declaredLanguage: "xx"))
        try TextLayerComponent().process(&d)
        #expect(d.language == "xx")
        d.mentions = []
        d.entities = []
        try QuoteExtractor(packs: packs).process(&d)
        let q = try #require(d.quotes.first)
        #expect(q.kind == .indirect)
        #expect(d.text(in: q.content) == "ba mela nu orto si rossa ka dolce")
        #expect(q.cue.map { d.text(in: $0) } == "veki")
        #expect(q.speaker.map { d.text(in: $0.range) } == "Ba Zorgon")
        // The same text read as Italian (no such cue there) and as a language without a pack: no quote.
        var other = d
        other.language = "de"
        try QuoteExtractor(packs: packs).process(&other)
        #expect(other.quotes.isEmpty)
    }

    @Test("An English document goes through the English pack: no Italian word or cue applies")
    func englishDocument() throws {
        let engine = try #require(QuoteExtractorTests.engine)
        let text = """
            The minister said on Tuesday that the talks would resume next week. "We are ready to sign," \
            she told reporters in London, according to the Associated Press. Critics said the plan was late.
            """
        let d = try engine.analyze(DocumentInput(id: "en", text: text, origin: "test"))
        #expect(d.language == "en")
        #expect(!d.tokens.isEmpty && !d.sentences.isEmpty)
        let en = try #require(try LanguagePacks.bundled()["en"])
        // Every cue found is an English reporting word, none an Italian one (`ha detto`, `secondo`).
        for q in d.quotes {
            let cue = q.cue.map { d.text(in: $0).lowercased() } ?? ""
            #expect(["said", "told", "according to"].contains(cue), "cue \(cue)")
        }
        #expect(en.classes(of: "che").isEmpty && en.classes(of: "secondo").isEmpty)
        // English has its own NER model and entity words: the names are found and typed.
        #expect(en.hasNERModel && en.entityWords != nil)
        let names = d.mentions.filter { $0.form == .name }.map { "\($0.type.label) \(d.text(in: $0.range))" }
        #expect(names.contains("LOC London") && names.contains("ORG Associated Press"), "\(names)")
        // The same words declared Italian do go through the Italian pack (the engine picks per document).
        let it = try engine.analyze(
            DocumentInput(
                id: "it", text: "Mario Draghi ha detto che i colloqui riprenderanno.",
                metadata: DocumentMetadata(declaredLanguage: "it"), origin: "test"))
        #expect(!it.mentions.isEmpty)
        #expect(it.quotes.count == 1)
    }

    @Test("A pack's NER model is parsed on its language's first document, once, and not for other languages")
    func lazyModels() throws {
        let engine = try Engine(options: Engine.Options(times: false, events: false))
        let it = try #require(engine.packs["it"]?.lazyNERModel)
        let en = try #require(engine.packs["en"]?.lazyNERModel)
        #expect(!it.isLoaded && !en.isLoaded)
        let d = try engine.analyze(
            DocumentInput(
                id: "it", text: "La sindaca di Genova, Paola Neri, ha incontrato i tecnici dell'Enel a Savona.",
                metadata: DocumentMetadata(declaredLanguage: "it"), origin: "test"))
        #expect(d.mentions.contains { $0.form == .name })
        #expect(it.isLoaded && !en.isLoaded)
        // Many threads asking at once get the one model.
        let models = Mutex<[ObjectIdentifier]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let m = try? en.model() { models.withLock { $0.append(ObjectIdentifier(m)) } }
        }
        let ids = models.withLock { $0 }
        #expect(ids.count == 8 && Set(ids).count == 1 && en.isLoaded)
    }

    @Test("A model that fails to load throws to every caller, with the loader's error")
    func lazyModelFailure() throws {
        let calls = Mutex(0)
        let lazy = LanguagePack.LazyNERModel {
            calls.withLock { $0 += 1 }
            return try NERModel(bytes: Data("CRNER003".utf8), name: "Languages/xx/ner.crner")
        }
        for _ in 0..<2 {
            #expect(throws: CronistaError.self) { try lazy.model() }
        }
        #expect(calls.withLock { $0 } == 1 && !lazy.isLoaded)
    }

    @Test("The Italian pack's data: classes split by language, cues and model from Languages/it/")
    func italianPack() throws {
        let packs = try LanguagePacks.bundled()
        let it = try #require(packs["it"])
        let en = try #require(packs["en"])
        #expect(en.classes(of: "that").contains(.complementiser) && !en.classes(of: "che").contains(.complementiser))
        #expect(!en.words(in: .article).contains("il"))
        #expect(it.classes(of: "che").contains(.complementiser))
        #expect(it.classes(of: "dal").contains(.agentPreposition))
        #expect(!it.words(in: .article).contains("the"))
        #expect(it.quoteLexicon != nil && it.hasNERModel && it.entityWords != nil)
    }

    @Test("A bad line in a pack file names the file and the line")
    func badLine() throws {
        let text = "# comment\narticle: il lo\nnot-a-class: x\n"
        do {
            _ = try LanguagePack.parseClasses(text, file: "Languages/xx/word-classes.txt", as: WordClass.self)
            Issue.record("no error")
        } catch let e as LanguagePackError {
            #expect(e.file == "Languages/xx/word-classes.txt")
            #expect(e.line == 3)
            #expect(e.description.hasPrefix("Languages/xx/word-classes.txt:3: unknown class"))
        }
    }
}
