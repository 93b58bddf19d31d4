import CronistaCore
import Testing

@testable import CronistaNLP

/// What the event suites share: one engine, a document analysed as Italian news of a fixed date
/// (its invariants checked), and the text of participants.
protocol EventFixture {}

enum EventFixtureEngine {
    static let engine: Engine? = try? Engine()
}

extension EventFixture {
    func analyze(_ text: String) throws -> Document {
        let engine = try #require(EventFixtureEngine.engine)
        let doc = try engine.analyze(
            DocumentInput(
                id: "e", text: text, metadata: DocumentMetadata(published: "2024-05-10", declaredLanguage: "it"), origin: "test"))
        #expect(doc.invariantViolations().isEmpty)
        return doc
    }

    func texts(_ doc: Document, _ ps: [Event.Participant]) -> [String] { ps.map { String(doc.text(in: $0.range)) } }
}
