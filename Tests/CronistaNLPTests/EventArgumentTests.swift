import CronistaCore
import Foundation
import Testing

@testable import CronistaNLP

/// Event participants found through phrases around the trigger, on our own sentences: a
/// correlative pair, `nei confronti di`, a participle's agent after a noun, a purpose clause.
@Suite("Event arguments")
struct EventArgumentTests: EventFixture {
    @Test("Force used 'per disperdere la folla' is aimed at the crowd")
    func purposeTarget() throws {
        let doc = try analyze("Gli agenti hanno usato gas lacrimogeni per disperdere la folla davanti al municipio.")
        let e = try #require(doc.events.first { $0.type == "ASSAULT" })
        #expect(texts(doc, e.source) == ["agenti"])
        #expect(texts(doc, e.target) == ["folla"])
    }

    @Test("A purpose clause gives no target to an act that is not force")
    func purposeOnlyForForce() throws {
        let doc = try analyze("Il sindaco Laura Fontana ha criticato la riforma per difendere i pendolari.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(e.target.isEmpty)
    }

    @Test("'nei confronti di X' names the target when the frame's own place is empty")
    func towardTarget() throws {
        let doc = try analyze("Il consigliere Dario Gentile ha presentato una denuncia nei confronti del ministro Elena Russo.")
        let e = try #require(doc.events.first { $0.type == "ACCUSE" })
        #expect(texts(doc, e.target).contains { $0.contains("Elena Russo") || $0 == "ministro" })
        #expect(texts(doc, e.source).contains { $0.contains("Dario Gentile") })
    }

    @Test("A noun trigger's actor is the agent of the participle after it")
    func participleAgentSource() throws {
        let doc = try analyze("Il tribunale ha respinto ieri l'istanza di scarcerazione presentata dai legali di Bruno Sala.")
        let e = try #require(doc.events.first { $0.type == "REQUEST" })
        #expect(texts(doc, e.source) == ["legali"])
    }

    @Test("A gerund that goes on with the same act joins it; signing one's name is no support")
    func gerundJoinsAndSigning() throws {
        let doc = try analyze("Il deputato Fabio Greco ha contestato il voto del consiglio, denunciando irregolarità nello spoglio.")
        let accusations = doc.events.filter { $0.type == "ACCUSE" }
        #expect(accusations.count == 1)
        #expect(accusations.first?.coref.map { String(doc.text(in: $0)) } == ["denunciando"])
        let signed = try analyze(
            "Il pittore Aldo Serra si firma con uno pseudonimo. Il ministro Carla Fabbri ha firmato l'accordo con Mario Landi.")
        #expect(signed.events.filter { $0.type == "SUPPORT" }.count == 1)
    }

    @Test("A passive without a subject of its own is about the person the text keeps naming")
    func passiveTopicTarget() throws {
        let doc = try analyze(
            "Il sindacalista Piero Galli nacque a Genova nel 1931. Galli studiò legge a Pisa con la sorella. "
                + "Nel 1970 venne arrestato e condannato a tre anni di carcere.")
        let arrest = try #require(doc.events.first { $0.type == "COERCE" })
        #expect(texts(doc, arrest.target) == ["Galli"])
        let sentence = try #require(doc.events.first { $0.type == "SANCTION" })
        #expect(sentence.mode == "convict")
        #expect(texts(doc, sentence.target) == ["Galli"])
        // Named once only, a person is not yet what the text is about.
        let once = try analyze("Il sindacalista Piero Galli nacque a Genova nel 1931. Nel 1970 venne arrestato.")
        #expect(once.events.allSatisfy { $0.target.isEmpty })
    }

    @Test("A trigger word inside a title or a sports fixture is no event ('not=' in the lexicon)")
    func notWords() throws {
        let title = try analyze("Il giudice per le indagini preliminari di Milano, Sara Monti, ha fissato l'udienza.")
        #expect(!title.events.contains { $0.type == "ACCUSE" })
        // The same words without the title's head are an investigation of the jurisdiction.
        let inquiry = try analyze("Il magistrato per le indagini preliminari di Milano, Sara Monti, ha fissato l'udienza.")
        #expect(inquiry.events.contains { $0.type == "ACCUSE" && $0.mode == "investigate" })
        let match = try analyze("Cento tifosi sono partiti per Genova per assistere all'incontro di calcio.")
        #expect(!match.events.contains { $0.type == "CONSULT" })
        let talks = try analyze("Il ministro Sara Monti ha avuto un incontro con il sindaco Marco Pini.")
        #expect(talks.events.contains { $0.type == "CONSULT" })
    }
}
