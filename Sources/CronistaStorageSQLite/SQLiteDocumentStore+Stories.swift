public import CronistaStorage
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteDocumentStore {
    /// Groups documents into stories as they are stored (``StoryGrouping``), inside the caller's
    /// transaction: each document's candidates are the stored documents sharing a band key with it,
    /// documents stored earlier in the same transaction included.
    struct StoryInserter {
        let candidates: Statement
        let next: Statement
        let member: RawInsert
        let band: RawInsert

        init(_ db: Database) throws {
            let marks = Array(repeating: "?", count: StorySignature.bandCount).joined(separator: ", ")
            candidates = try db.cachedStatement(
                sql: """
                    SELECT m.story, m.signature FROM story_member m
                    WHERE m.doc IN (SELECT doc FROM story_band WHERE band IN (\(marks)))
                    """)
            // A new story's key: one more than the largest (a story keeps its key while any of its
            // documents is stored, so a key is never given to two stories at once).
            next = try db.cachedStatement(sql: "SELECT COALESCE(MAX(story), 0) + 1 FROM story_member")
            member = try RawInsert(db, "INSERT INTO story_member (doc, story, signature) VALUES (?, ?, ?)")
            band = try RawInsert(db, "INSERT OR IGNORE INTO story_band (band, doc) VALUES (?, ?)")
        }

        /// Places document `doc` in a story and records its signature and band keys; returns the story.
        @discardableResult
        func add(doc: Int64, signature: StorySignature) throws -> Int64 {
            let keys = signature.bandKeys
            var found: [StoryGrouping.Candidate<Int64>] = []
            if !keys.isEmpty {
                // Through the C API: boxing 32 keys into StatementArguments and each row into a
                // Row cost more than the lookup itself.
                let h = candidates.sqliteStatement
                sqlite3_reset(h)
                for (i, k) in keys.enumerated() { sqlite3_bind_int64(h, Int32(i + 1), k) }
                defer { sqlite3_reset(h) }
                while true {
                    let rc = sqlite3_step(h)
                    if rc == SQLITE_DONE { break }
                    guard rc == SQLITE_ROW else {
                        throw RawInsert.Failure(message: "story candidates: SQLite error \(rc)")
                    }
                    let n = Int(sqlite3_column_bytes(h, 1))
                    guard n == StorySignature.byteCount, let p = sqlite3_column_blob(h, 1) else { continue }
                    let bytes = UnsafeRawBufferPointer(start: p, count: n)
                    if let s = StorySignature(bytes: bytes) { found.append(.init(story: sqlite3_column_int64(h, 0), signature: s)) }
                }
            }
            // -1: no candidate close enough, a story of its own.
            var story = StoryGrouping.assign([(own: Int64(-1), signature: signature)], candidates: [found])[0]
            if story == -1 { story = try Int64.fetchOne(next) ?? 1 }
            member.bind(1, doc)
            member.bind(2, story)
            member.bind(3, signature.bytes)
            try member.run()
            for k in keys {
                band.bind(1, k)
                band.bind(2, doc)
                try band.run()
            }
            return story
        }
    }

    /// Removes the band keys of the stored document `id` (its `story_member` row goes with the
    /// document by cascade; `story_band` has no foreign key, so that it needs no second index by
    /// document). Run before the document is deleted.
    static func removeStoryBands(of id: String, _ db: Database) throws {
        try removeStoryBands(storyBands(of: id, db), db)
    }

    /// The stored document `id`'s `doc` and band keys (`nil` when it is not stored).
    static func storyBands(of id: String, _ db: Database) throws -> (doc: Int64, keys: [Int64])? {
        let find = try db.cachedStatement(
            sql: "SELECT m.doc, m.signature FROM story_member m JOIN document d ON d.doc = m.doc WHERE d.id = ?")
        guard let r = try Row.fetchOne(find, arguments: [id]), let bytes: Data = r[1], let signature = StorySignature(bytes: bytes)
        else { return nil }
        return (r[0], signature.bandKeys)
    }

    static func removeStoryBands(_ bands: (doc: Int64, keys: [Int64])?, _ db: Database) throws {
        guard let bands else { return }
        let delete = try db.cachedStatement(sql: "DELETE FROM story_band WHERE band = ? AND doc = ?")
        for k in bands.keys { try delete.execute(arguments: [k, bands.doc]) }
    }

    /// The body of migration v9: every stored document placed in a story, in storing order, as
    /// if ingested again.
    static func deriveStories(_ db: Database) throws {
        let inserter = try StoryInserter(db)
        let rows = try Row.fetchCursor(db, sql: "SELECT doc, text FROM document ORDER BY doc")
        while let r = try rows.next() {
            let text: String = r[1]
            try inserter.add(doc: r[0], signature: StorySignature(text: text))
        }
    }

    public func story(of documentID: String, limit: Int) async throws -> Story? {
        try await read { db in
            guard
                let story = try Int64.fetchOne(
                    db, sql: "SELECT m.story FROM story_member m JOIN document d ON d.doc = m.doc WHERE d.id = ?", arguments: [documentID])
            else { return nil }
            let size = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story_member WHERE story = ?", arguments: [story]) ?? 0
            let documents = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.title, d.published, d.source, d.language FROM story_member m JOIN document d ON d.doc = m.doc
                    WHERE m.story = ? ORDER BY d.published IS NULL, d.published, d.id LIMIT ?
                    """, arguments: [story, max(0, limit)]
            ).map { r in DocumentHit(id: r[0], title: r[1], published: r[2], source: r[3], language: r[4]) }
            return Story(id: String(story), size: size, documents: documents)
        }
    }
}

extension RawInsert {
    /// Binds a blob (SQLite copies it).
    func bind(_ i: Int32, _ value: [UInt8]) {
        value.withUnsafeBytes { b in
            _ = sqlite3_bind_blob(handle, i, b.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(b.count), Self.transientBlob)
        }
    }

    static let transientBlob = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
