import CronistaStorage
import CronistaStorageSQLite
import Foundation
import Testing

/// The contract suite on the embedded backend, one temporary database file per test.
@Suite struct SQLiteStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cronista-test-\(UUID().uuidString).sqlite").path
    }

    let contract = StoreContract { try SQLiteDocumentStore(path: SQLiteStoreTests.temporaryPath()) }

    @Test func roundTrip() async throws { try await contract.roundTrip() }
    @Test func speakerSearch() async throws { try await contract.speakerSearch() }
    @Test func fullTextAndFilters() async throws { try await contract.fullTextAndFilters() }
    @Test func entitiesAndCoMentions() async throws { try await contract.entitiesAndCoMentions() }
    @Test func entityPagesAndCursors() async throws { try await contract.entityPagesAndCursors() }
    @Test func idempotency() async throws { try await contract.idempotency() }
    @Test func failedBatchRollsBack() async throws { try await contract.failedBatchRollsBack() }
    @Test func invariantsInTheDatabase() async throws { try await contract.invariantsInTheDatabase() }

    @Test func migrationsAreNamedAndReopeningIsANoOp() async throws {
        let path = Self.temporaryPath()
        let store = try SQLiteDocumentStore(path: path)
        #expect(try store.appliedMigrations() == ["v1-documents-entities-mentions-quotes", "v2-checks-without-in-lists"])
        _ = try await store.store([try StoreFixtures.storable(try StoreFixtures.seedDocument())])
        try await store.close()
        let reopened = try SQLiteDocumentStore(path: path)
        #expect(try reopened.appliedMigrations() == ["v1-documents-entities-mentions-quotes", "v2-checks-without-in-lists"])
        #expect(try await reopened.statistics().quotes == 3)
        #expect(try reopened.pragma("journal_mode") == "wal")
        #expect(try reopened.pragma("foreign_keys") == "1")
        try await reopened.close()
    }

    @Test func locationPicksTheBackend() throws {
        #expect(try StoreLocation(nil) == .sqlite(path: "cronista.sqlite"))
        #expect(try StoreLocation("archivio.db") == .sqlite(path: "archivio.db"))
        guard case .postgres(let url) = try StoreLocation("postgres://ana:s%40greto@db.example:6543/news") else {
            Issue.record("not postgres")
            return
        }
        #expect(url.user == "ana" && url.password == "s@greto" && url.host == "db.example" && url.port == 6543 && url.database == "news")
        #expect(throws: StoreError.self) { try StoreLocation("postgres://db.example/news") }
    }

    @Test func contentHashIsSHA256() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func foldingIgnoresCaseAndAccents() {
        #expect(TextFolding.fold("Stèphane Sèjournè") == "stephane sejourne")
        #expect(TextFolding.fold("  SÉJOURNÉ, l’Europa ") == "sejourne l europa")
    }

    /// The ASCII fast path folds exactly as the Unicode path: every ASCII character, alone and
    /// between letters, and the seed's names.
    @Test func asciiFoldingAgreesWithUnicodeFolding() {
        var samples = ["Vladimir Putin", "  Associated Press (AP) ", "L'Aquila", "G7/G20 summit", "O'Neill-Smith, Jr.", ""]
        for b in UInt8(0)..<0x80 {
            let c = String(UnicodeScalar(b))
            samples += [c, "a\(c)b", "\(c)Z9\(c)"]
        }
        for s in samples {
            #expect(TextFolding.foldASCII(s) == TextFolding.foldUnicode(s), "\(s.debugDescription)")
        }
        #expect(TextFolding.foldASCII("Sèjournè") == nil)
    }
}
