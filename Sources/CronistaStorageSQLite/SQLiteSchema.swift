import CronistaStorage
import GRDB

/// The SQLite schema as named, append-only migrations: never edit a registered migration, add one.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-documents-entities-mentions-quotes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE document (
                        id TEXT PRIMARY KEY NOT NULL CHECK (length(id) > 0),
                        content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64),
                        language TEXT NOT NULL,
                        title TEXT,
                        published TEXT,
                        source TEXT,
                        url TEXT,
                        text TEXT NOT NULL,
                        analysis TEXT NOT NULL CHECK (json_valid(analysis)),
                        events TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(events)),
                        stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    CREATE INDEX document_published ON document(published);
                    CREATE INDEX document_source ON document(source COLLATE NOCASE);

                    CREATE TABLE entity (
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        kb TEXT,
                        mention_count INTEGER NOT NULL CHECK (mention_count >= 0),
                        PRIMARY KEY (document_id, ordinal)
                    ) WITHOUT ROWID;
                    CREATE INDEX entity_kb ON entity(kb);

                    CREATE TABLE entity_alias (
                        document_id TEXT NOT NULL,
                        entity_ordinal INTEGER NOT NULL,
                        key TEXT NOT NULL CHECK (length(key) > 0),
                        PRIMARY KEY (key, document_id, entity_ordinal),
                        FOREIGN KEY (document_id, entity_ordinal) REFERENCES entity(document_id, ordinal) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX entity_alias_entity ON entity_alias(document_id, entity_ordinal);

                    CREATE TABLE mention (
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        entity_ordinal INTEGER,
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),
                        form TEXT NOT NULL CHECK (form IN ('name', 'nominal', 'pronoun')),
                        PRIMARY KEY (document_id, ordinal),
                        CHECK (start_cp <= end_cp),
                        FOREIGN KEY (document_id, entity_ordinal) REFERENCES entity(document_id, ordinal) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX mention_entity ON mention(document_id, entity_ordinal);

                    CREATE TABLE quote (
                        id INTEGER PRIMARY KEY,
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        cue_start_cp INTEGER,
                        cue_end_cp INTEGER,
                        cue_text TEXT,
                        speaker_entity INTEGER,
                        speaker_start_cp INTEGER,
                        speaker_end_cp INTEGER,
                        speaker_text TEXT,
                        speaker_key TEXT,
                        sentence_start_cp INTEGER NOT NULL,
                        sentence_end_cp INTEGER NOT NULL,
                        UNIQUE (document_id, ordinal),
                        CHECK (start_cp <= end_cp),
                        CHECK (cue_start_cp IS NULL OR (cue_start_cp <= cue_end_cp AND cue_text IS NOT NULL)),
                        CHECK (speaker_start_cp IS NULL OR (speaker_start_cp <= speaker_end_cp AND speaker_text IS NOT NULL)),
                        CHECK (sentence_start_cp <= start_cp AND end_cp <= sentence_end_cp),
                        FOREIGN KEY (document_id, speaker_entity) REFERENCES entity(document_id, ordinal) ON DELETE CASCADE
                    );
                    CREATE INDEX quote_speaker ON quote(document_id, speaker_entity);
                    CREATE INDEX quote_speaker_key ON quote(speaker_key) WHERE speaker_key IS NOT NULL;

                    CREATE VIRTUAL TABLE quote_fts USING fts5(
                        text, content = 'quote', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
                    );
                    CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
                        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
                    END;
                    CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
                        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
                    END;
                    """)
        }
        // SQLite evaluates `x IN ('a', 'b', 'c')` in a CHECK by building an ephemeral table for
        // every row: 8 µs of a mention's 10 µs insert (measured on 15 k KIND mentions, SQLite
        // 3.40). The same constraints written with OR cost nothing; the tables are rebuilt with them
        // (the SQLite way to change a CHECK: new table, copy, drop, rename).
        m.registerMigration("v2-checks-without-in-lists") { db in
            try db.execute(
                sql: """
                    CREATE TABLE new_entity (
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        type TEXT NOT NULL CHECK (type = 'PER' OR type = 'ORG' OR type = 'LOC'),
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        kb TEXT,
                        mention_count INTEGER NOT NULL CHECK (mention_count >= 0),
                        PRIMARY KEY (document_id, ordinal)
                    ) WITHOUT ROWID;
                    INSERT INTO new_entity SELECT document_id, ordinal, type, name, name_key, kb, mention_count FROM entity;
                    DROP TABLE entity;
                    ALTER TABLE new_entity RENAME TO entity;
                    CREATE INDEX entity_kb ON entity(kb);

                    CREATE TABLE new_mention (
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        entity_ordinal INTEGER,
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        type TEXT NOT NULL CHECK (type = 'PER' OR type = 'ORG' OR type = 'LOC'),
                        form TEXT NOT NULL CHECK (form = 'name' OR form = 'nominal' OR form = 'pronoun'),
                        PRIMARY KEY (document_id, ordinal),
                        CHECK (start_cp <= end_cp),
                        FOREIGN KEY (document_id, entity_ordinal) REFERENCES entity(document_id, ordinal) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    INSERT INTO new_mention SELECT document_id, ordinal, entity_ordinal, start_cp, end_cp, text, type, form FROM mention;
                    DROP TABLE mention;
                    ALTER TABLE new_mention RENAME TO mention;
                    CREATE INDEX mention_entity ON mention(document_id, entity_ordinal);

                    CREATE TABLE new_quote (
                        id INTEGER PRIMARY KEY,
                        document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        kind TEXT NOT NULL CHECK (kind = 'direct' OR kind = 'indirect' OR kind = 'mixed'),
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        cue_start_cp INTEGER,
                        cue_end_cp INTEGER,
                        cue_text TEXT,
                        speaker_entity INTEGER,
                        speaker_start_cp INTEGER,
                        speaker_end_cp INTEGER,
                        speaker_text TEXT,
                        speaker_key TEXT,
                        sentence_start_cp INTEGER NOT NULL,
                        sentence_end_cp INTEGER NOT NULL,
                        UNIQUE (document_id, ordinal),
                        CHECK (start_cp <= end_cp),
                        CHECK (cue_start_cp IS NULL OR (cue_start_cp <= cue_end_cp AND cue_text IS NOT NULL)),
                        CHECK (speaker_start_cp IS NULL OR (speaker_start_cp <= speaker_end_cp AND speaker_text IS NOT NULL)),
                        CHECK (sentence_start_cp <= start_cp AND end_cp <= sentence_end_cp),
                        FOREIGN KEY (document_id, speaker_entity) REFERENCES entity(document_id, ordinal) ON DELETE CASCADE
                    );
                    INSERT INTO new_quote SELECT id, document_id, ordinal, kind, start_cp, end_cp, text, cue_start_cp, cue_end_cp, cue_text,
                        speaker_entity, speaker_start_cp, speaker_end_cp, speaker_text, speaker_key, sentence_start_cp, sentence_end_cp FROM quote;
                    DROP TABLE quote;
                    ALTER TABLE new_quote RENAME TO quote;
                    CREATE INDEX quote_speaker ON quote(document_id, speaker_entity);
                    CREATE INDEX quote_speaker_key ON quote(speaker_key) WHERE speaker_key IS NOT NULL;
                    CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
                        INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
                    END;
                    CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
                        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
                    END;
                    """)
        }
        // Ingest profile on the 1,310 KIND articles (store CPU per table, thread clock):
        // - the FTS row written by the AFTER INSERT trigger cost 20 µs a quote against 5 µs for the
        //   same row inserted by its own statement (the trigger opens the FTS5 table for every
        //   firing): the store now inserts it next to the quote, in the same transaction. The
        //   delete trigger stays, so a deleted quote still leaves the index.
        // - `mention_entity` and `quote_speaker` repeat a prefix that the primary key and
        //   UNIQUE (document_id, ordinal) already give: the foreign-key checks and the speaker
        //   joins narrow to one document through those, and writing the two extra B-trees cost
        //   7 % of the store's time.
        m.registerMigration("v3-fts-rows-by-the-store-no-redundant-indexes") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER quote_fts_insert;
                    DROP INDEX mention_entity;
                    DROP INDEX quote_speaker;
                    """)
        }
        // v4, a leaner layout for ingest (store CPU on the 1,310 KIND articles: 154 → 88 ms in a
        // harness replaying the same rows, 43 % less):
        // - documents get an integer key, `doc`, which every other table uses in place of the
        //   text id: shorter rows and integer comparisons in every B-tree;
        // - the `entity_alias` table (20 rows and two B-tree entries per document) becomes
        //   `entity_key`, an FTS5 table with one row per entity whose tokens are the entity's keys
        //   (spaces written `_`). FTS5 buffers a batch's tokens and writes them once at commit.
        //   It answers "which entities have this key" as the table's primary key did.
        //   Its rowid is `doc * 1048576 + ordinal` (``SQLiteSchema/entityRowid``), and a trigger
        //   removes the row with its entity;
        // - mentions become a JSON column of their entity, `[[start_cp, end_cp, form], …]`: no
        //   query read the `mention` table but the statistics, and it was a fifth of the rows.
        //   Every mention's text, type and id stay in the analysis JSON;
        // - `entity_kb` leaves out the entities without a KB id (three in four on KIND).
        m.registerMigration("v4-integer-document-keys-entity-keys-in-fts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE new_document (
                        doc INTEGER PRIMARY KEY,
                        id TEXT NOT NULL UNIQUE CHECK (length(id) > 0),
                        content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64),
                        language TEXT NOT NULL,
                        title TEXT,
                        published TEXT,
                        source TEXT,
                        url TEXT,
                        text TEXT NOT NULL,
                        analysis TEXT NOT NULL CHECK (json_valid(analysis)),
                        events TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(events)),
                        stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    INSERT INTO new_document (doc, id, content_hash, language, title, published, source, url, text, analysis, events, stored_at)
                        SELECT rowid, id, content_hash, language, title, published, source, url, text, analysis, events, stored_at FROM document;

                    CREATE TABLE new_entity (
                        doc INTEGER NOT NULL REFERENCES document(doc) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0 AND ordinal < 1048576),
                        type TEXT NOT NULL CHECK (type = 'PER' OR type = 'ORG' OR type = 'LOC'),
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        kb TEXT,
                        mention_count INTEGER NOT NULL CHECK (mention_count >= 0),
                        -- json_array_length refuses text that is not JSON (one parse, not two with json_valid).
                        mentions TEXT NOT NULL CHECK (json_array_length(mentions) = mention_count),
                        PRIMARY KEY (doc, ordinal)
                    ) WITHOUT ROWID;
                    INSERT INTO new_entity (doc, ordinal, type, name, name_key, kb, mention_count, mentions)
                        SELECT doc, ordinal, type, name, name_key, kb, json_array_length(mentions), mentions FROM (
                            SELECT d.doc AS doc, e.ordinal AS ordinal, e.type AS type, e.name AS name, e.name_key AS name_key, e.kb AS kb,
                                   (SELECT json_group_array(json_array(m.start_cp, m.end_cp, m.form))
                                      FROM (SELECT start_cp, end_cp, form FROM mention
                                            WHERE document_id = e.document_id AND entity_ordinal = e.ordinal ORDER BY ordinal) m) AS mentions
                            FROM entity e JOIN new_document d ON d.id = e.document_id);

                    -- The keys are folded already (lower case, no accents; letters and digits, one
                    -- space between words): the ascii tokenizer, with `_` as a token character, keeps
                    -- each key one token (it treats every non-ASCII character as part of a token).
                    CREATE VIRTUAL TABLE entity_key USING fts5(keys, detail = none, columnsize = 0, tokenize = "ascii tokenchars '_'");
                    """)
            // The keys as the store writes them (`token`), so in Swift.
            var rowid: Int64?, keys = ""
            func flush() throws {
                guard let r = rowid else { return }
                try db.execute(sql: "INSERT INTO entity_key (rowid, keys) VALUES (?, ?)", arguments: [r, keys])
            }
            let aliases = try Row.fetchCursor(
                db,
                sql: """
                    SELECT d.doc, a.entity_ordinal, a.key FROM entity_alias a JOIN new_document d ON d.id = a.document_id
                    ORDER BY d.doc, a.entity_ordinal, a.key
                    """)
            while let a = try aliases.next() {
                let r = entityRowid(doc: a[0], ordinal: a[1])
                if r != rowid {
                    try flush()
                    rowid = r
                    keys = ""
                }
                keys += (keys.isEmpty ? "" : " ") + token(a[2])
            }
            try flush()
            try db.execute(
                sql: """

                    CREATE TABLE new_quote (
                        id INTEGER PRIMARY KEY,
                        doc INTEGER NOT NULL REFERENCES document(doc) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        kind TEXT NOT NULL CHECK (kind = 'direct' OR kind = 'indirect' OR kind = 'mixed'),
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        cue_start_cp INTEGER,
                        cue_end_cp INTEGER,
                        cue_text TEXT,
                        speaker_entity INTEGER,
                        speaker_start_cp INTEGER,
                        speaker_end_cp INTEGER,
                        speaker_text TEXT,
                        speaker_key TEXT,
                        sentence_start_cp INTEGER NOT NULL,
                        sentence_end_cp INTEGER NOT NULL,
                        UNIQUE (doc, ordinal),
                        CHECK (start_cp <= end_cp),
                        CHECK (cue_start_cp IS NULL OR (cue_start_cp <= cue_end_cp AND cue_text IS NOT NULL)),
                        CHECK (speaker_start_cp IS NULL OR (speaker_start_cp <= speaker_end_cp AND speaker_text IS NOT NULL)),
                        CHECK (sentence_start_cp <= start_cp AND end_cp <= sentence_end_cp),
                        FOREIGN KEY (doc, speaker_entity) REFERENCES entity(doc, ordinal) ON DELETE CASCADE
                    );
                    INSERT INTO new_quote (id, doc, ordinal, kind, start_cp, end_cp, text, cue_start_cp, cue_end_cp, cue_text, speaker_entity,
                                           speaker_start_cp, speaker_end_cp, speaker_text, speaker_key, sentence_start_cp, sentence_end_cp)
                        SELECT q.id, d.doc, q.ordinal, q.kind, q.start_cp, q.end_cp, q.text, q.cue_start_cp, q.cue_end_cp, q.cue_text, q.speaker_entity,
                               q.speaker_start_cp, q.speaker_end_cp, q.speaker_text, q.speaker_key, q.sentence_start_cp, q.sentence_end_cp
                        FROM quote q JOIN new_document d ON d.id = q.document_id;

                    DROP TABLE entity_alias;
                    DROP TABLE mention;
                    DROP TABLE quote;
                    DROP TABLE entity;
                    DROP TABLE document;
                    ALTER TABLE new_document RENAME TO document;
                    ALTER TABLE new_entity RENAME TO entity;
                    ALTER TABLE new_quote RENAME TO quote;
                    CREATE INDEX document_published ON document(published);
                    CREATE INDEX document_source ON document(source COLLATE NOCASE);
                    -- Three entities in four have no KB id: a partial index skips them (`kb = ?` implies NOT NULL).
                    CREATE INDEX entity_kb ON entity(kb) WHERE kb IS NOT NULL;
                    CREATE INDEX quote_speaker_key ON quote(speaker_key) WHERE speaker_key IS NOT NULL;
                    -- quote_fts keeps its rows: the quote ids are the same.
                    CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
                        INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
                    END;
                    CREATE TRIGGER entity_key_delete AFTER DELETE ON entity BEGIN
                        DELETE FROM entity_key WHERE rowid = old.doc * 1048576 + old.ordinal;
                    END;
                    """)
        }
        // v5: the store's keys become NameFolding's words mode (the knowledge base's fold), where
        // they were a fold of their own: periods are dropped, not word breaks (`U.N.` was `u n`,
        // so a search for `UN` missed it; it is `un` now), and letters the old fold decomposed
        // stay whole (`й` was `и`). Every stored key is derived again from the stored data, as the
        // store writes it today: entity name keys from the names, `entity_key` rows from the
        // names, the name forms of the mentions (the document text at their code-point offsets;
        // SQLite's substr counts code points) and the KB ids, and the speaker keys of speakers
        // that are not entities from their text.
        m.registerMigration("v5-name-keys-from-name-folding") { db in
            try rederiveKeys(db)
        }
        // v6: whom each quote is about (`Quote.about`): one row per quote and entity, in order of
        // first mention (`position`), found by entity through `quote_about_entity` for `--about`
        // searches. The quotes already stored get theirs from their stored mentions, by the rule
        // the analysis uses (``deriveAboutSQL``); a demonym (`i francesi` → France) needs the
        // knowledge base and the tokens, so only documents analysed again have those.
        m.registerMigration("v6-quote-about") { db in
            try db.execute(
                sql: """
                    CREATE TABLE quote_about (
                        doc INTEGER NOT NULL,
                        quote_ordinal INTEGER NOT NULL,
                        position INTEGER NOT NULL CHECK (position >= 0),
                        entity_ordinal INTEGER NOT NULL,
                        PRIMARY KEY (doc, quote_ordinal, position),
                        UNIQUE (doc, quote_ordinal, entity_ordinal),
                        FOREIGN KEY (doc, quote_ordinal) REFERENCES quote(doc, ordinal) ON DELETE CASCADE,
                        FOREIGN KEY (doc, entity_ordinal) REFERENCES entity(doc, ordinal) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX quote_about_entity ON quote_about(doc, entity_ordinal);
                    """)
            try db.execute(sql: deriveAboutSQL)
        }
        // v7: the events layer (PLOVER events, one row each, with their sources, targets and
        // location in `event_participant`), the times layer (`time_expression`) and each quote's
        // `date`. Actor searches go from `entity_key` to `event_participant_entity`, or through the
        // folded text of participants that are not entities (`event_participant_key`); type and
        // date searches through `event_type`. The documents already stored get their rows from
        // their stored analysis JSON (``deriveEvents(_:)``), which holds these layers when the
        // engine that analysed them wrote them.
        m.registerMigration("v7-events-times") { db in
            try db.execute(
                sql: """
                    ALTER TABLE quote ADD COLUMN date TEXT;
                    CREATE TABLE event (
                        doc INTEGER NOT NULL REFERENCES document(doc) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        type TEXT NOT NULL CHECK (length(type) > 0),
                        mode TEXT,
                        trigger_start_cp INTEGER NOT NULL CHECK (trigger_start_cp >= 0),
                        trigger_end_cp INTEGER NOT NULL,
                        trigger_text TEXT NOT NULL,
                        date TEXT,
                        cameo TEXT,
                        quad INTEGER CHECK (quad IS NULL OR (quad >= 1 AND quad <= 4)),
                        quote_ordinal INTEGER,
                        quote_role TEXT CHECK (quote_role IS NULL OR quote_role = 'act' OR quote_role = 'report'),
                        claim_start_cp INTEGER,
                        claim_end_cp INTEGER,
                        claim_text TEXT,
                        PRIMARY KEY (doc, ordinal),
                        CHECK (trigger_start_cp <= trigger_end_cp),
                        CHECK ((quote_ordinal IS NULL) = (quote_role IS NULL)),
                        CHECK (claim_start_cp IS NULL OR (claim_start_cp <= claim_end_cp AND claim_text IS NOT NULL)),
                        FOREIGN KEY (doc, quote_ordinal) REFERENCES quote(doc, ordinal) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX event_type ON event(type, date);

                    CREATE TABLE event_participant (
                        doc INTEGER NOT NULL,
                        event_ordinal INTEGER NOT NULL,
                        position INTEGER NOT NULL CHECK (position >= 0),
                        role TEXT NOT NULL CHECK (role = 'source' OR role = 'target' OR role = 'location'),
                        entity_ordinal INTEGER,
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        key TEXT,
                        country TEXT,
                        sector TEXT,
                        PRIMARY KEY (doc, event_ordinal, position),
                        CHECK (start_cp <= end_cp),
                        FOREIGN KEY (doc, event_ordinal) REFERENCES event(doc, ordinal) ON DELETE CASCADE,
                        FOREIGN KEY (doc, entity_ordinal) REFERENCES entity(doc, ordinal) ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE INDEX event_participant_entity ON event_participant(doc, entity_ordinal) WHERE entity_ordinal IS NOT NULL;
                    CREATE INDEX event_participant_key ON event_participant(key) WHERE key IS NOT NULL;

                    CREATE TABLE time_expression (
                        doc INTEGER NOT NULL REFERENCES document(doc) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        type TEXT NOT NULL CHECK (type = 'DATE' OR type = 'TIME' OR type = 'DURATION' OR type = 'SET'),
                        value TEXT NOT NULL,
                        day TEXT,
                        PRIMARY KEY (doc, ordinal),
                        CHECK (start_cp <= end_cp)
                    ) WITHOUT ROWID;
                    CREATE INDEX time_expression_day ON time_expression(day) WHERE day IS NOT NULL;
                    """)
            try deriveEvents(db)
        }
        // Stories (near-duplicate groups): each document's MinHash signature and story, and its
        // LSH band keys. `story_band` has no foreign key (it would need a second index, by
        // document): the store removes a document's bands before deleting it.
        m.registerMigration("v9-stories") { db in
            try db.execute(
                sql: """
                    CREATE TABLE story_member (
                        doc INTEGER PRIMARY KEY REFERENCES document(doc) ON DELETE CASCADE,
                        story INTEGER NOT NULL,
                        signature BLOB NOT NULL CHECK (length(signature) = \(StorySignature.byteCount))
                    );
                    CREATE INDEX story_member_story ON story_member(story);
                    CREATE TABLE story_band (
                        band INTEGER NOT NULL,
                        doc INTEGER NOT NULL,
                        PRIMARY KEY (band, doc)
                    ) WITHOUT ROWID;
                    """)
            try SQLiteDocumentStore.deriveStories(db)
        }
        // Followed sources (feeds, news sitemaps, pages) with their validators and schedule, and
        // the article pages seen through them (canonical URL, content hash), so that a second
        // `update` fetches nothing it has seen. Times are Unix seconds.
        m.registerMigration("v10-sources") { db in
            try db.execute(
                sql: """
                    CREATE TABLE source (
                        url TEXT PRIMARY KEY CHECK (length(url) > 0),
                        name TEXT,
                        kind TEXT NOT NULL CHECK (kind = 'feed' OR kind = 'sitemap' OR kind = 'page'),
                        etag TEXT,
                        last_modified TEXT,
                        next_poll REAL,
                        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                        last_error TEXT,
                        last_fetched REAL,
                        claimed_until REAL,
                        added REAL NOT NULL
                    );
                    CREATE TABLE seen_article (
                        url TEXT PRIMARY KEY,
                        content_hash TEXT,
                        source TEXT NOT NULL REFERENCES source(url) ON DELETE CASCADE ON UPDATE CASCADE,
                        seen REAL NOT NULL
                    );
                    CREATE INDEX seen_article_source ON seen_article(source);
                    """)
        }
        // The listing of every entity (`export entities` without a filter) pages through entities
        // grouped by type and KB id or folded name: this index finds each page by seeking to the
        // cursor, so a page costs the same however deep the listing is.
        m.registerMigration("v11-entity-listing") { db in
            try db.execute(sql: "CREATE INDEX entity_group ON entity(type, COALESCE(kb, name_key))")
        }
        return m
    }

    /// The body of migration v7: each stored document's event, participant and time rows and its
    /// quotes' dates, read from its stored analysis JSON
    /// (``CronistaStorage/StorableDocument/eventRows(analysisJSON:)``), written as the store writes them.
    static func deriveEvents(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db,
            sql:
                "SELECT doc, analysis FROM document WHERE analysis LIKE '%\"events\":[{%' OR analysis LIKE '%\"times\":[{%' OR analysis LIKE '%\"date\":\"%'"
        )
        let quoteDate = try db.makeStatement(sql: "UPDATE quote SET date = ? WHERE doc = ? AND ordinal = ?")
        var inserter = try SQLiteDocumentStore.EventInserter(db)
        while let r = try rows.next() {
            let doc: Int64 = r[0]
            let (events, times, dates) = try StorableDocument.eventRows(analysisJSON: r[1])
            for (q, d) in dates { try quoteDate.execute(arguments: [d, doc, q]) }
            try inserter.insert(doc: doc, events: events, times: times)
        }
    }

    /// Each stored quote's `about` rows from its document's stored mentions (`entity.mentions`,
    /// `[[start_cp, end_cp, form], …]`): the entities with a mention inside the quote's content,
    /// leaving out the speaker's own mention and the speaker's pronouns, ordered by their first
    /// mention there (then by entity): what `Quote.about` holds without demonyms.
    static let deriveAboutSQL = """
        INSERT INTO quote_about (doc, quote_ordinal, position, entity_ordinal)
        SELECT doc, quote_ordinal, ROW_NUMBER() OVER (PARTITION BY doc, quote_ordinal ORDER BY first_cp, entity_ordinal) - 1, entity_ordinal
        FROM (
            SELECT q.doc AS doc, q.ordinal AS quote_ordinal, e.ordinal AS entity_ordinal, MIN(json_extract(m.value, '$[0]')) AS first_cp
            FROM quote q JOIN entity e ON e.doc = q.doc JOIN json_each(e.mentions) m
            WHERE json_extract(m.value, '$[0]') >= q.start_cp AND json_extract(m.value, '$[1]') <= q.end_cp
              AND NOT (q.speaker_start_cp IS NOT NULL AND json_extract(m.value, '$[0]') = q.speaker_start_cp
                       AND json_extract(m.value, '$[1]') = q.speaker_end_cp)
              AND NOT (q.speaker_entity IS NOT NULL AND e.ordinal = q.speaker_entity AND json_extract(m.value, '$[2]') = 'pronoun')
            GROUP BY q.doc, q.ordinal, e.ordinal
        )
        """

    /// The body of migration v5 (see there).
    static func rederiveKeys(_ db: Database) throws {
        let fold = DatabaseFunction("cronista_name_key", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map { StorableDocument.nameKey($0) }
        }
        db.add(function: fold)
        try db.execute(
            sql: """
                UPDATE entity SET name_key = cronista_name_key(name);
                UPDATE quote SET speaker_key = cronista_name_key(speaker_text) WHERE speaker_entity IS NULL AND speaker_text IS NOT NULL;
                DELETE FROM entity_key;
                """)
        // Removed while no statement runs (SQLite refuses otherwise).
        db.remove(function: fold)
        // One row per entity with its name forms (NULL when it has none), entities in order.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.doc, e.ordinal, e.name, e.kb,
                       substr(d.text, json_extract(m.value, '$[0]') + 1, json_extract(m.value, '$[1]') - json_extract(m.value, '$[0]'))
                FROM entity e JOIN document d ON d.doc = e.doc
                LEFT JOIN json_each(e.mentions) m ON json_extract(m.value, '$[2]') = 'name'
                ORDER BY e.doc, e.ordinal
                """)
        let insert = try db.makeStatement(sql: "INSERT INTO entity_key (rowid, keys) VALUES (?, ?)")
        var current: (rowid: Int64, name: String, kb: String?)?
        var forms: [Substring] = []
        func flush() throws {
            guard let c = current else { return }
            let keys = StorableDocument.entityKeys(name: c.name, kb: c.kb, nameForms: forms)
            // An entity without a key (a name of punctuation only) has no row, as on insert.
            guard !keys.isEmpty else { return }
            try insert.execute(arguments: [c.rowid, keys.map(token).joined(separator: " ")])
        }
        while let r = try rows.next() {
            let rowid = entityRowid(doc: r[0], ordinal: r[1])
            if current?.rowid != rowid {
                try flush()
                current = (rowid, r[2], r[3])
                forms.removeAll(keepingCapacity: true)
            }
            if let form: String = r[4] { forms.append(Substring(form)) }
        }
        try flush()
    }

    /// The `entity_key` rowid of an entity: its document's `doc` times 2^20, plus its ordinal.
    static func entityRowid(doc: Int64, ordinal: Int) -> Int64 { doc << 20 | Int64(ordinal) }

    /// A search key (``StorableDocument/searchKey(_:)``: folded words separated by single spaces)
    /// as one `entity_key` token: every ASCII character but a letter or a digit, which the ascii
    /// tokenizer would take for a separator, becomes `_` (a store from before v4 also holds
    /// lower-cased KB ids such as `kb:loc/kremlin`, which become `kb_loc_kremlin` like the key
    /// `kb loc kremlin` of today).
    static func token(_ key: String) -> String {
        func separates(_ b: UInt8) -> Bool {
            b < 0x80 && !(b >= 0x61 && b <= 0x7A) && !(b >= 0x41 && b <= 0x5A) && !(b >= 0x30 && b <= 0x39)
        }
        guard key.utf8.contains(where: separates) else { return key }
        return String(decoding: key.utf8.map { separates($0) ? 0x5F : $0 }, as: UTF8.self)
    }

    /// An FTS5 query matching the one token of `key`, or `nil` when the key has none. A token
    /// holds no `"` (``token(_:)`` wrote it `_`), so quoting it needs no escape.
    static func keyQuery(_ key: String) -> String? {
        let t = token(key)
        guard t.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
        return "\"" + t + "\""
    }
}
