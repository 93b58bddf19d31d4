import CronistaCore
import CronistaStorage
import Testing

/// Paged listings of everything in a store (``DocumentStore/entityPage(after:limit:)``,
/// ``DocumentStore/documentPage(after:limit:)``): chained pages cover every row exactly once.
extension StoreContract {
    func listingsCoverEverything() async throws {
        // An empty store: one empty page, no cursor.
        let empty = try await makeStore()
        let noEntities = try await empty.entityPage(after: nil, limit: 5)
        #expect(noEntities.rows.isEmpty && noEntities.next == nil)
        let noDocuments = try await empty.documentPage(after: nil, limit: 5)
        #expect(noDocuments.rows.isEmpty && noDocuments.next == nil)
        #expect(try await empty.forEachEntityPage(pageSize: 3) { _ in Issue.record("a page from an empty store") } == 0)
        #expect(try await empty.forEachDocumentPage(pageSize: 3) { _ in Issue.record("a page from an empty store") } == 0)
        try await empty.close()

        let (store, docs) = try await loadedStore()
        defer { Task { try? await store.close() } }
        #expect(docs.count == 55)

        // Documents: every id once, in the store's id order, whatever the page size (55 = 5 × 11:
        // with 11 the last page is full and the next one is empty).
        for size in [1, 7, 11, 55, 1000] {
            var ids: [String] = []
            var pages = 0
            let n = try await store.forEachDocumentPage(pageSize: size) { page in
                #expect(page.count <= size)
                pages += 1
                ids += page.map(\.id)
            }
            #expect(n == docs.count && ids.count == docs.count, "page size \(size)")
            #expect(Set(ids) == Set(docs.map(\.id)), "page size \(size)")
            #expect(pages == (docs.count + size - 1) / size, "page size \(size)")
        }
        // A cursor is the last id of its page, and the next page starts right after it.
        let first = try await store.documentPage(after: nil, limit: 4)
        #expect(first.rows.count == 4 && first.next == first.rows.last?.id)
        let second = try await store.documentPage(after: first.next, limit: 4)
        #expect(second.rows.count == 4 && Set(first.rows.map(\.id)).isDisjoint(with: second.rows.map(\.id)))
        let whole = try await store.documentPage(after: nil, limit: 8)
        #expect(whole.rows == first.rows + second.rows)
        let seed = try #require(whole.rows.first { $0.id == "000_193cd34c33125298" } ?? nil as DocumentHit?)
        #expect(seed.language == "it")

        // Entities: grouped as `entities(named:)` groups them, by type and KB id or folded name,
        // with their document and mention counts; every group exactly once.
        struct Group: Hashable {
            var documents: Set<String> = []
            var mentions = 0
        }
        var expected: [String: Group] = [:]
        for d in docs {
            for e in d.entities {
                let key = e.type + "|" + (e.kb ?? e.nameKey)
                expected[key, default: Group()].documents.insert(d.id)
                expected[key, default: Group()].mentions += e.mentionCount
            }
        }
        #expect(expected.count > 200, "\(expected.count) entities")
        for size in [1, 7, 64, 100_000] {
            var seen: [String: EntityHit] = [:]
            var order: [String] = []
            let n = try await store.forEachEntityPage(pageSize: size) { page in
                #expect(page.count <= size)
                for h in page {
                    let key = h.type + "|" + (h.kb ?? StorableDocument.nameKey(h.name))
                    #expect(seen[key] == nil, "\(key) listed twice (page size \(size))")
                    seen[key] = h
                    order.append(h.type)
                }
            }
            #expect(n == expected.count && seen.count == expected.count, "page size \(size)")
            for (key, g) in expected {
                let h = seen[key]
                #expect(h?.documents == g.documents.count && h?.mentions == g.mentions, "\(key) (page size \(size))")
            }
            // Types in listing order: every LOC, then every ORG, then every PER.
            #expect(order == order.sorted(), "page size \(size)")
        }
        let all = try await store.entityPage(after: nil, limit: 100_000)
        #expect(all.next == nil)
        #expect(all.rows.contains(EntityHit(name: "Aleksander Lukashenko", type: "PER", kb: "Q2866", documents: 2, mentions: 4)))
        // A page's cursor continues where a bigger page would have gone on.
        let head = try await store.entityPage(after: nil, limit: 10)
        let tail = try await store.entityPage(after: head.next, limit: 10)
        #expect(head.rows + tail.rows == Array(all.rows.prefix(20)))
    }
}
