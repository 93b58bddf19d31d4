public import CronistaStorage
import GRDB

/// Paged listings of everything in the store (keyset pagination), for exports without a filter.
extension SQLiteDocumentStore {
    public func entityPage(after: EntityListCursor?, limit: Int) async throws -> ListingPage<EntityHit, EntityListCursor> {
        let limit = max(1, limit)
        return try await read { db in
            var rows: [EntityHit] = []
            var last: EntityListCursor?
            // One type at a time (an equality and a range on `entity_group`), from the cursor's.
            for type in EntityListCursor.typeOrder where after.map({ type >= $0.type }) ?? true {
                let from = after.flatMap { $0.type == type ? $0.group : nil }
                let cursor = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT COALESCE(e.kb, e.name_key), MAX(e.name), MAX(e.kb), COUNT(DISTINCT e.doc), SUM(e.mention_count)
                        FROM entity e
                        WHERE e.type = ? \(from == nil ? "" : "AND COALESCE(e.kb, e.name_key) > ?")
                        GROUP BY COALESCE(e.kb, e.name_key)
                        ORDER BY COALESCE(e.kb, e.name_key)
                        LIMIT ?
                        """,
                    arguments: StatementArguments(
                        [type.databaseValue] + (from.map { [$0.databaseValue] } ?? []) + [(limit - rows.count).databaseValue]))
                while let r = try cursor.next() {
                    rows.append(EntityHit(name: r[1], type: type, kb: r[2], documents: r[3], mentions: r[4]))
                    last = EntityListCursor(type: type, group: r[0])
                }
                if rows.count == limit { break }
            }
            return ListingPage(rows: rows, next: rows.count == limit ? last : nil)
        }
    }

    public func documentPage(after: String?, limit: Int) async throws -> ListingPage<DocumentHit, String> {
        let limit = max(1, limit)
        return try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, title, published, source, language FROM document
                    \(after == nil ? "" : "WHERE id > ?")
                    ORDER BY id
                    LIMIT ?
                    """,
                arguments: StatementArguments((after.map { [$0.databaseValue] } ?? []) + [limit.databaseValue])
            ).map { r in
                DocumentHit(id: r[0], title: r[1], published: r[2], source: r[3], language: r[4])
            }
            return ListingPage(rows: rows, next: rows.count == limit ? rows.last?.id : nil)
        }
    }
}
