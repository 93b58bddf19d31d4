import CronistaCore
@testable import CronistaNLP
import Testing

/// The clause layer on short sentences written for these tests, in the constructions of the seed
/// article and the Italian quote dev set (reporting verb + `che`, `di` + infinitive, passives with
/// `da`, pro-drop, modals and negation, relatives).
@Suite("Clauses")
struct ClauseLayerTests {
    static let engine: Engine? = try? Engine(options: Engine.Options(clauses: true))

    struct Row: Sendable, CustomTestStringConvertible {
        var text: String
        /// The verb group's head, as written.
        var head: String
        var lemma: String?
        var subject: String?
        var inherited = false
        var complement: String?
        var agent: String?
        var passive = false
        var negated = false
        var modal: String?
        var testDescription: String { text }
    }

    static let rows: [Row] = [
        Row(
            text: "Il ministro degli Esteri ha detto che la proposta non sarà accettata.", head: "detto", lemma: "dire",
            subject: "Il ministro degli Esteri", complement: "la proposta non sarà accettata"),
        // Two coordinated "di" complements stay in the subject's phrase.
        Row(
            text: "Il ministro dell'università e della Ricerca ha detto che la riforma è necessaria.", head: "detto", lemma: "dire",
            subject: "Il ministro dell'università e della Ricerca", complement: "la riforma è necessaria"),
        Row(
            text: "Mario Rossi ha annunciato di voler lasciare il partito.", head: "annunciato", lemma: "annunciare",
            subject: "Mario Rossi", complement: "voler lasciare il partito"),
        Row(
            text: "La decisione è stata criticata dal sindaco di Roma.", head: "criticata",
            subject: "La decisione", agent: "sindaco di Roma", passive: true),
        Row(
            text: "Il portavoce non ha voluto commentare la notizia.", head: "commentare", lemma: "commentare",
            subject: "Il portavoce", negated: true, modal: "voluto"),
        Row(
            text: "Il premier, che ha parlato ieri, ha ribadito che la riforma è necessaria.", head: "parlato", lemma: "parlare",
            subject: "Il premier"),
        Row(
            text: "Anna Verdi è arrivata a Milano. Ha spiegato che il treno era in ritardo.", head: "spiegato", lemma: "spiegare",
            subject: "Anna Verdi", inherited: true, complement: "il treno era in ritardo"),
        // The object of a relative clause right before the verb is not its subject; the antecedent is.
        Row(
            text: "Una donna che aveva accusato il vicino è stata condannata a nove mesi.", head: "condannata",
            subject: "Una donna", passive: true)
    ]

    @Test("Verb group, subject, complement and agent", arguments: rows)
    func clause(_ row: Row) throws {
        let engine = try #require(Self.engine)
        let d = try engine.analyze(
            DocumentInput(id: "c", text: row.text, metadata: DocumentMetadata(declaredLanguage: "it"), origin: "test"))
        func text(_ r: Range<Int>) -> String {
            String(d.text(in: TextRange(startUTF8: d.tokens.starts[r.lowerBound], endUTF8: d.tokens.ends[r.upperBound - 1])))
        }
        let c = try #require(
            d.clauses.first { d.tokenText($0.verb.head) == row.head },
            "no clause headed by \(row.head): \(d.clauses.map { d.tokenText($0.verb.head) })")
        #expect(c.verb.lemma == row.lemma)
        #expect(c.subject.map(text) == row.subject)
        #expect(c.subjectIsInherited == row.inherited)
        #expect(c.complement.map { text($0.tokens) } == row.complement)
        #expect(c.passiveAgent.map(text) == row.agent)
        #expect(c.verb.passive == row.passive)
        #expect((c.verb.negation != nil) == row.negated)
        #expect(c.verb.modal.map { String(d.tokenText($0)) } == row.modal)
    }

    @Test("Coordinated clauses: the second shares the first one's subject")
    func coordination() throws {
        let engine = try #require(Self.engine)
        let d = try engine.analyze(
            DocumentInput(
                id: "c", text: "Il sindaco ha criticato la giunta e ha annunciato che si dimetterà.",
                metadata: DocumentMetadata(declaredLanguage: "it"), origin: "test"))
        let second = try #require(d.clauses.first { d.tokenText($0.verb.head) == "annunciato" })
        #expect(second.coordinatedWith != nil)
        #expect(second.subjectIsInherited)
        #expect(
            second.subject.map {
                String(d.text(in: TextRange(startUTF8: d.tokens.starts[$0.lowerBound], endUTF8: d.tokens.ends[$0.upperBound - 1])))
            } == "Il sindaco")
    }

    @Test("The clause layer is not part of the JSON contract")
    func notInJSON() throws {
        let engine = try #require(Self.engine)
        let d = try engine.analyze(
            DocumentInput(
                id: "c", text: "Mario Rossi ha detto che piove.", metadata: DocumentMetadata(declaredLanguage: "it"), origin: "test"))
        #expect(!d.clauses.isEmpty)
        #expect(!String(decoding: d.analysisJSON(), as: UTF8.self).contains("clause"))
    }
}
