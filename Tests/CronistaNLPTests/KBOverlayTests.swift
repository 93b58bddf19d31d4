import CronistaCore
import Foundation
import Testing
@testable import CronistaNLP

/// `kb add`: a desk's own entities in an overlay file, added and updated one at a time, then used
/// by the linker next to the bundled KB.
@Suite("KB overlay")
struct KBOverlayTests {
    func tempPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("overlay-\(UUID().uuidString).jsonl").path
    }

    static let councillor = KBOverlay.Entry(
        id: KBOverlay.Entry.localID(for: "Ottavio Brambillasca"), type: .person,
        names: [("it", "Ottavio Brambillasca")], aliases: ["Brambillasca"],
        roles: [.init(labels: [("it", "assessore allo sport di Lodi")], country: "Q38", from: "2021-10", to: "2026")])

    @Test func entryLineRoundTrips() throws {
        #expect(Self.councillor.id == "kb:user/ottavio-brambillasca")
        #expect(KBOverlay.Entry.localID(for: "Società Ciclistica Valtellinese") == "kb:user/societa-ciclistica-valtellinese")
        let e = try #require(try KnowledgeBase.parseEntities(Self.councillor.line).first)
        #expect(e.names == ["it": ["Ottavio Brambillasca"]])
        #expect(e.aliases == ["Brambillasca"])
        #expect(e.roles.first?.labels == ["it": "assessore allo sport di Lodi"])
        #expect(e.roles.first?.from == KBDate("2021-10"))
        #expect(e.roles.first?.to == KBDate("2026", asEnd: true))
    }

    @Test func upsertAddsThenReplacesByID() throws {
        let path = tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let overlay = KBOverlay(path: path)
        let club = KBOverlay.Entry(
            id: "kb:user/ac-borgoverde", type: .organization, names: [("it", "AC Borgoverde")], subtype: "sports_club")
        #expect(try overlay.upsert(line: Self.councillor.line) == false)
        #expect(try overlay.upsert(line: club.line) == false)
        var updated = Self.councillor
        updated.aliases.append("O. Brambillasca")
        #expect(try overlay.upsert(line: updated.line) == true)
        let entities = try KnowledgeBase.parseEntities(path: path)
        #expect(entities.map(\.id) == ["kb:user/ottavio-brambillasca", "kb:user/ac-borgoverde"])
        #expect(entities[0].aliases == ["Brambillasca", "O. Brambillasca"])
        #expect(entities[1].kind == "sports_club")
        // A broken line is refused and the file is left as it was.
        #expect(throws: KnowledgeBaseError.self) { try overlay.upsert(line: "{\"id\":\"kb:user/x\"") }
        #expect(try KnowledgeBase.parseEntities(path: path).count == 2)
    }

    @Test func linkingUsesTheOverlay() throws {
        let path = tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "L'assessore Ottavio Brambillasca ha presentato ieri il nuovo palazzetto. Brambillasca ha detto che aprirà a marzo."
        let before = try Engine(options: .init(events: false)).analyze(
            DocumentInput(id: "t", text: text, metadata: DocumentMetadata(published: "2023-02-01"), origin: "test"))
        #expect(before.entities.first { $0.name == "Ottavio Brambillasca" }?.kb == nil)
        try KBOverlay(path: path).upsert(line: Self.councillor.line)
        let after = try Engine(options: .init(kbExtraPath: path, events: false)).analyze(
            DocumentInput(id: "t", text: text, metadata: DocumentMetadata(published: "2023-02-01"), origin: "test"))
        #expect(after.entities.first { $0.name == "Ottavio Brambillasca" }?.kb == "kb:user/ottavio-brambillasca")
    }
}
