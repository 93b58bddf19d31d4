#if Postgres
    public import CronistaStorage
    import PostgresNIO

    /// Paged listings of everything in the store (keyset pagination), for exports without a filter.
    extension PostgresDocumentStore {
        public func entityPage(after: EntityListCursor?, limit: Int) async throws -> ListingPage<EntityHit, EntityListCursor> {
            let limit = max(1, limit)
            var rows: [EntityHit] = []
            var last: EntityListCursor?
            do {
                // One type at a time (an equality and a range on `entity_group`), from the cursor's.
                for type in EntityListCursor.typeOrder where after.map({ type >= $0.type }) ?? true {
                    var b = Binds()
                    var condition = "e.type = \(try b.add(type))"
                    if let a = after, a.type == type { condition += " AND COALESCE(e.kb, e.name_key) > \(try b.add(a.group))" }
                    let sql = """
                        SELECT COALESCE(e.kb, e.name_key), MAX(e.name), MAX(e.kb), COUNT(DISTINCT e.document_id), SUM(e.mention_count)::int8
                        FROM entity e
                        WHERE \(condition)
                        GROUP BY COALESCE(e.kb, e.name_key)
                        ORDER BY COALESCE(e.kb, e.name_key)
                        LIMIT \(try b.add(limit - rows.count))
                        """
                    for try await (g, n, kb, docs, mentions) in try await client.query(b.query(sql), logger: logger).decode(
                        (String, String, String?, Int64, Int64).self)
                    {
                        rows.append(EntityHit(name: n, type: type, kb: kb, documents: Int(docs), mentions: Int(mentions)))
                        last = EntityListCursor(type: type, group: g)
                    }
                    if rows.count == limit { break }
                }
            } catch {
                throw Self.wrap(error, .query, "entity listing failed")
            }
            return ListingPage(rows: rows, next: rows.count == limit ? last : nil)
        }

        public func documentPage(after: String?, limit: Int) async throws -> ListingPage<DocumentHit, String> {
            let limit = max(1, limit)
            var b = Binds()
            let condition = try after.map { "WHERE id > \(try b.add($0))" } ?? ""
            let sql = "SELECT id, title, published, source, language FROM document \(condition) ORDER BY id LIMIT \(try b.add(limit))"
            var rows: [DocumentHit] = []
            do {
                for try await (id, t, p, s, l) in try await client.query(b.query(sql), logger: logger).decode(
                    (String, String?, String?, String?, String).self)
                {
                    rows.append(DocumentHit(id: id, title: t, published: p, source: s, language: l))
                }
            } catch {
                throw Self.wrap(error, .query, "document listing failed")
            }
            return ListingPage(rows: rows, next: rows.count == limit ? rows.last?.id : nil)
        }
    }
#endif
