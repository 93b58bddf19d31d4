// The PostgreSQL backend is built only with the package trait `Postgres` (`--traits Postgres`).
#if Postgres
    public import CronistaStorage
    import Logging
    import PostgresNIO

    extension PostgresDocumentStore {
        /// Writes documents' events with their participants and their time expressions, one
        /// statement per table (arrays bound and `unnest`ed); the store's insert and migration v6
        /// share it.
        static func insertEvents(
            _ docs: [(id: String, events: [StorableDocument.EventRow], times: [StorableDocument.TimeRow])], on conn: PostgresConnection,
            logger: Logger
        ) async throws {
            var vDoc: [String] = [], vOrd: [Int] = [], vType: [String] = [], vMode: [String] = [], vStart: [Int] = [], vEnd: [Int] = []
            var vText: [String] = [], vDate: [String] = [], vCameo: [String] = [], vQuad: [Int] = [], vQuote: [Int] = []
            var vRole: [String] = [], vcStart: [Int] = [], vcEnd: [Int] = [], vcText: [String] = []
            var pDoc: [String] = [], pEvent: [Int] = [], pPos: [Int] = [], pRole: [String] = [], pEntity: [Int] = [], pStart: [Int] = []
            var pEnd: [Int] = [], pText: [String] = [], pKey: [String] = [], pCountry: [String] = [], pSector: [String] = []
            var tDoc: [String] = [], tOrd: [Int] = [], tStart: [Int] = [], tEnd: [Int] = [], tText: [String] = [], tType: [String] = []
            var tValue: [String] = [], tDay: [String] = []
            for d in docs {
                for e in d.events {
                    vDoc.append(d.id); vOrd.append(e.ordinal); vType.append(e.type); vMode.append(e.mode ?? "")
                    vStart.append(e.trigger.startScalar); vEnd.append(e.trigger.endScalar); vText.append(e.trigger.text)
                    vDate.append(e.date ?? ""); vCameo.append(e.cameo ?? ""); vQuad.append(e.quad ?? -1);
                    vQuote.append(e.quoteOrdinal ?? -1)
                    vRole.append(e.quoteRole ?? ""); vcStart.append(e.claim?.startScalar ?? -1); vcEnd.append(e.claim?.endScalar ?? -1)
                    vcText.append(e.claim?.text ?? "")
                    for (position, p) in e.participants.enumerated() {
                        pDoc.append(d.id); pEvent.append(e.ordinal); pPos.append(position); pRole.append(p.role);
                        pEntity.append(p.entity ?? -1)
                        pStart.append(p.span.startScalar); pEnd.append(p.span.endScalar); pText.append(p.span.text);
                        pKey.append(p.key ?? "")
                        pCountry.append(p.country ?? ""); pSector.append(p.sector ?? "")
                    }
                }
                for t in d.times {
                    tDoc.append(d.id); tOrd.append(t.ordinal); tStart.append(t.span.startScalar); tEnd.append(t.span.endScalar)
                    tText.append(t.span.text); tType.append(t.type); tValue.append(t.value); tDay.append(t.day ?? "")
                }
            }
            if !vDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO event (document_id, ordinal, type, mode, trigger_start_cp, trigger_end_cp, trigger_text, date, cameo, quad,
                                       quote_ordinal, quote_role, claim_start_cp, claim_end_cp, claim_text)
                    SELECT d, o, t, NULLIF(m, ''), s, x, tx, NULLIF(dt, ''), NULLIF(c, ''), NULLIF(qd, -1), NULLIF(q, -1), NULLIF(r, ''),
                           NULLIF(cs, -1), NULLIF(ce, -1), CASE WHEN cs < 0 THEN NULL ELSE ct END
                    FROM unnest(\(try b.add(vDoc))::text[], \(try b.add(vOrd))::int8[], \(try b.add(vType))::text[], \(try b.add(vMode))::text[],
                                \(try b.add(vStart))::int8[], \(try b.add(vEnd))::int8[], \(try b.add(vText))::text[], \(try b.add(vDate))::text[],
                                \(try b.add(vCameo))::text[], \(try b.add(vQuad))::int8[], \(try b.add(vQuote))::int8[], \(try b.add(vRole))::text[],
                                \(try b.add(vcStart))::int8[], \(try b.add(vcEnd))::int8[], \(try b.add(vcText))::text[])
                         AS u(d, o, t, m, s, x, tx, dt, c, qd, q, r, cs, ce, ct)
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
            if !pDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO event_participant (document_id, event_ordinal, position, role, entity_ordinal, start_cp, end_cp, text, key,
                                                   country, sector)
                    SELECT d, ev, p, r, NULLIF(e, -1), s, x, t, NULLIF(k, ''), NULLIF(c, ''), NULLIF(sc, '')
                    FROM unnest(\(try b.add(pDoc))::text[], \(try b.add(pEvent))::int8[], \(try b.add(pPos))::int8[], \(try b.add(pRole))::text[],
                                \(try b.add(pEntity))::int8[], \(try b.add(pStart))::int8[], \(try b.add(pEnd))::int8[], \(try b.add(pText))::text[],
                                \(try b.add(pKey))::text[], \(try b.add(pCountry))::text[], \(try b.add(pSector))::text[])
                         AS u(d, ev, p, r, e, s, x, t, k, c, sc)
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
            if !tDoc.isEmpty {
                var b = Binds()
                let sql = """
                    INSERT INTO time_expression (document_id, ordinal, start_cp, end_cp, text, type, value, day)
                    SELECT d, o, s, x, t, ty, v, NULLIF(dy, '')
                    FROM unnest(\(try b.add(tDoc))::text[], \(try b.add(tOrd))::int8[], \(try b.add(tStart))::int8[], \(try b.add(tEnd))::int8[],
                                \(try b.add(tText))::text[], \(try b.add(tType))::text[], \(try b.add(tValue))::text[], \(try b.add(tDay))::text[])
                         AS u(d, o, s, x, t, ty, v, dy)
                    """
                try await conn.query(b.query(sql), logger: logger)
            }
        }

        public func events(_ query: EventQuery) async throws -> [EventHit] {
            var b = Binds()
            var conditions: [String] = []
            if let t = query.type { conditions.append("ev.type = \(try b.add(t.uppercased()))") }
            if let m = query.mode { conditions.append("ev.mode = \(try b.add(m.lowercased()))") }
            func role() throws -> String {
                guard let r = query.role else { return "" }
                return " AND p.role = \(try b.add(r.rawValue))"
            }
            if let a = query.actor {
                let key = try b.add(StorableDocument.searchKey(a))
                let r = try role()
                // Participants that are entities with this key, and participants that are not
                // entities by their folded text.
                conditions.append(
                    """
                    (ev.document_id, ev.ordinal) IN (
                        SELECT p.document_id, p.event_ordinal FROM entity_alias a JOIN event_participant p
                          ON p.document_id = a.document_id AND p.entity_ordinal = a.entity_ordinal
                        WHERE a.key = \(key)\(r)
                        UNION ALL SELECT p.document_id, p.event_ordinal FROM event_participant p WHERE p.key = \(key)\(r))
                    """)
            }
            if let key = query.actorEntity {
                let c = try key.sqlCondition(alias: "e2") { try b.add($0) }
                conditions.append(
                    """
                    (ev.document_id, ev.ordinal) IN (
                        SELECT p.document_id, p.event_ordinal FROM event_participant p
                        JOIN entity e2 ON e2.document_id = p.document_id AND e2.ordinal = p.entity_ordinal WHERE \(c)\(try role()))
                    """)
            }
            if query.actor == nil && query.actorEntity == nil, query.role != nil {
                conditions.append(
                    "(ev.document_id, ev.ordinal) IN (SELECT p.document_id, p.event_ordinal FROM event_participant p WHERE TRUE\(try role()))"
                )
            }
            if let f = query.from { conditions.append("\(EventHit.daySQL) >= \(try b.add(f))") }
            if let t = query.to { conditions.append("\(EventHit.daySQL) <= \(try b.add(t))") }
            if let d = query.documentID { conditions.append("d.id = \(try b.add(d))") }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let sql = """
                \(EventHit.selectSQL(documentKey: "id", childKey: "document_id", participants: Self.participantsColumn))
                \(whereClause)
                \(EventHit.orderSQL)
                LIMIT \(try b.add(max(0, query.limit))) OFFSET \(try b.add(max(0, query.offset)))
                """
            var out: [EventHit] = []
            do {
                for try await row in try await client.query(b.query(sql), logger: logger) {
                    let r = row.makeRandomAccess()
                    out.append(
                        EventHit(
                            documentID: try r[0].decode(String.self), title: try r[1].decode(String?.self),
                            published: try r[2].decode(String?.self), source: try r[3].decode(String?.self),
                            ordinal: Int(try r[4].decode(Int32.self)), type: try r[5].decode(String.self),
                            mode: try r[6].decode(String?.self),
                            trigger: try r.scalarSpan(7, 8, 9)!, date: try r[10].decode(String?.self),
                            cameo: try r[11].decode(String?.self),
                            quad: try r[12].decode(Int32?.self).map(Int.init), quoteOrdinal: try r[13].decode(Int32?.self).map(Int.init),
                            quoteRole: try r[14].decode(String?.self), claim: try r.scalarSpan(15, 16, 17),
                            participantsJSON: try r[18].decode(String?.self)))
                }
            } catch {
                throw Self.wrap(error, .query, "event search failed")
            }
            return out
        }

        /// An event's participants as ``EventHit/participants(json:)`` reads them (NULL when none).
        static let participantsColumn = """
            (SELECT json_agg(json_build_array(p3.role, p3.start_cp, p3.end_cp, p3.text, e3.name, e3.type, e3.kb, p3.country, p3.sector)
                             ORDER BY p3.position)::text
             FROM event_participant p3 LEFT JOIN entity e3 ON e3.document_id = p3.document_id AND e3.ordinal = p3.entity_ordinal
             WHERE p3.document_id = ev.document_id AND p3.event_ordinal = ev.ordinal)
            """
    }

    extension PostgresSchema {
        /// The body of migration v6: each stored document's event, participant and time rows and
        /// its quotes' dates, read from its stored analysis JSON
        /// (``CronistaStorage/StorableDocument/eventRows(analysisJSON:)``), a page of documents at a time.
        static func deriveEvents(on conn: PostgresConnection, logger: Logger) async throws {
            var last = ""
            while true {
                var page = Binds()
                let sql = """
                    SELECT id, analysis FROM document
                    WHERE id > \(try page.add(last))
                      AND (analysis LIKE '%"events":[{%' OR analysis LIKE '%"times":[{%' OR analysis LIKE '%"date":"%')
                    ORDER BY id LIMIT \(try page.add(rekeyPage))
                    """
                var docs: [(id: String, events: [StorableDocument.EventRow], times: [StorableDocument.TimeRow])] = []
                var qDoc: [String] = [], qOrd: [Int] = [], qDate: [String] = []
                var count = 0
                for try await (id, analysis) in try await conn.query(page.query(sql), logger: logger).decode((String, String).self) {
                    let rows = try StorableDocument.eventRows(analysisJSON: analysis)
                    docs.append((id, rows.events, rows.times))
                    for (q, d) in rows.quoteDates { qDoc.append(id); qOrd.append(q); qDate.append(d) }
                    last = id
                    count += 1
                }
                try await PostgresDocumentStore.insertEvents(docs, on: conn, logger: logger)
                if !qDoc.isEmpty {
                    var b = Binds()
                    let update = """
                        UPDATE quote q SET date = u.dt
                        FROM unnest(\(try b.add(qDoc))::text[], \(try b.add(qOrd))::int8[], \(try b.add(qDate))::text[]) AS u(d, o, dt)
                        WHERE q.document_id = u.d AND q.ordinal = u.o
                        """
                    try await conn.query(b.query(update), logger: logger)
                }
                if count < rekeyPage { break }
            }
        }
    }
#endif
