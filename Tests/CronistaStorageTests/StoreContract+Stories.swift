import CronistaCore
import CronistaStorage
import Foundation
import Testing

extension StoreContract {
    /// The seed article under another id, from another outlet a day later, with its last
    /// paragraph rewritten: one story with the seed.
    static func seedCopy(id: String = "agi-copy-of-seed") throws -> StorableDocument {
        var paragraphs = StoreFixtures.seedText.components(separatedBy: "\n\n")
        paragraphs[paragraphs.count - 1] =
            "Nel frattempo a Bruxelles i ministri degli Esteri hanno discusso nuove sanzioni, senza trovare un accordo sui tempi."
        let text = paragraphs.joined(separator: "\n\n")
        return try StoreFixtures.storable(
            try StoreFixtures.textLayer(
                id: id, text: text,
                metadata: DocumentMetadata(title: "Minsk e Mosca, nessun piano contro l'Europa", published: "2024-04-13", source: "agi")))
    }

    func stories() async throws {
        let store = try await makeStore()
        defer { Task { try? await store.close() } }
        let seed = try StoreFixtures.storable(try StoreFixtures.seedDocument())
        let second = try StoreFixtures.storable(try StoreFixtures.secondDocument())
        _ = try await store.store([seed, second])
        let copy = try Self.seedCopy()
        #expect(try await store.store([copy]).stored == [copy.id])

        let story = try #require(try await store.story(of: copy.id, limit: 10))
        #expect(story.size == 2)
        // Earliest published first.
        #expect(story.documents.map(\.id) == [seed.id, copy.id])
        #expect(story.others(than: copy.id).map(\.id) == [seed.id])
        #expect(try await store.story(of: seed.id, limit: 10)?.id == story.id)
        let alone = try #require(try await store.story(of: second.id, limit: 10))
        #expect(alone.size == 1 && alone.id != story.id && alone.documents.map(\.id) == [second.id])
        #expect(try await store.story(of: "no-such-document", limit: 10) == nil)
        #expect(try await store.story(of: copy.id, limit: 1)?.documents.count == 1)
        #expect(try await store.statistics().stories == 2)

        // Two copies in one batch group with each other and with the stored ones.
        var third = try Self.seedCopy(id: "third-copy")
        third.text += " Tre."
        third.contentHash = StorableDocument.contentHash(of: third.text)
        var fourth = try Self.seedCopy(id: "fourth-copy")
        fourth.text += " Fine."
        fourth.contentHash = StorableDocument.contentHash(of: fourth.text)
        _ = try await store.store([third, fourth])
        #expect(try await store.story(of: fourth.id, limit: 10)?.id == story.id)
        #expect(try await store.story(of: fourth.id, limit: 10)?.size == 4)

        // The story outlives the document that started it; a new article starts a new story.
        #expect(try await store.delete(ids: [seed.id, third.id, fourth.id]) == [seed.id, third.id, fourth.id])
        let left = try #require(try await store.story(of: copy.id, limit: 10))
        #expect(left.id == story.id && left.size == 1)
        let spelling = try StoreFixtures.storable(try StoreFixtures.spellingDocument())
        _ = try await store.store([spelling])
        let fresh = try #require(try await store.story(of: spelling.id, limit: 10))
        #expect(fresh.size == 1 && fresh.id != story.id && fresh.id != alone.id)
        // The seed stored again joins its copy.
        _ = try await store.store([seed])
        #expect(try await store.story(of: seed.id, limit: 10)?.id == story.id)
        #expect(try await store.statistics().stories == 3)
    }
}
