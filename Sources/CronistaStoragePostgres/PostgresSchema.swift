// The PostgreSQL backend is built only with the package trait `Postgres` (`--traits Postgres`).
#if Postgres
    import CronistaStorage
    import Logging
    import PostgresNIO

    /// The PostgreSQL schema as named, append-only migrations (recorded in `schema_migrations`):
    /// never edit a shipped migration, add one. Each is a list of single statements (the extended
    /// protocol runs one statement per query).
    enum PostgresSchema {
        struct Migration {
            var name: String
            var statements: [String]
            /// Work SQL alone cannot do (keys folded in Swift), run after `statements` in the same
            /// transaction.
            var run: (@Sendable (PostgresConnection, Logger) async throws -> Void)? = nil
        }

        static let migrations: [Migration] = [
            Migration(
                name: "v1-documents-entities-mentions-quotes",
                statements: [
                    """
                    CREATE TABLE document (
                        id TEXT PRIMARY KEY CHECK (length(id) > 0),
                        content_hash TEXT NOT NULL UNIQUE CHECK (length(content_hash) = 64),
                        language TEXT NOT NULL,
                        title TEXT,
                        published TEXT,
                        source TEXT,
                        url TEXT,
                        text TEXT NOT NULL,
                        analysis TEXT NOT NULL CHECK (json_typeof(analysis::json) = 'object'),
                        events JSONB NOT NULL DEFAULT '[]'::jsonb,
                        stored_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """,
                    "CREATE INDEX document_published ON document (published)",
                    "CREATE INDEX document_source ON document (lower(source))",
                    """
                    CREATE TABLE entity (
                        document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),
                        name TEXT NOT NULL,
                        name_key TEXT NOT NULL,
                        kb TEXT,
                        mention_count INTEGER NOT NULL CHECK (mention_count >= 0),
                        PRIMARY KEY (document_id, ordinal)
                    )
                    """,
                    "CREATE INDEX entity_kb ON entity (kb)",
                    """
                    CREATE TABLE entity_alias (
                        document_id TEXT NOT NULL,
                        entity_ordinal INTEGER NOT NULL,
                        key TEXT NOT NULL CHECK (length(key) > 0),
                        PRIMARY KEY (key, document_id, entity_ordinal),
                        FOREIGN KEY (document_id, entity_ordinal) REFERENCES entity (document_id, ordinal) ON DELETE CASCADE
                    )
                    """,
                    "CREATE INDEX entity_alias_entity ON entity_alias (document_id, entity_ordinal)",
                    """
                    CREATE TABLE mention (
                        document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        entity_ordinal INTEGER,
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),
                        form TEXT NOT NULL CHECK (form IN ('name', 'nominal', 'pronoun')),
                        PRIMARY KEY (document_id, ordinal),
                        CHECK (start_cp <= end_cp),
                        FOREIGN KEY (document_id, entity_ordinal) REFERENCES entity (document_id, ordinal) ON DELETE CASCADE
                    )
                    """,
                    "CREATE INDEX mention_entity ON mention (document_id, entity_ordinal)",
                    """
                    CREATE TABLE quote (
                        id BIGSERIAL PRIMARY KEY,
                        document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
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
                        ts_config REGCONFIG NOT NULL,
                        -- Typographic apostrophes split words (l’Europa → l Europa), as ASCII ones do.
                        tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector(ts_config, translate(text, '’‘', '  '))) STORED,
                        UNIQUE (document_id, ordinal),
                        CHECK (start_cp <= end_cp),
                        CHECK (cue_start_cp IS NULL OR (cue_start_cp <= cue_end_cp AND cue_text IS NOT NULL)),
                        CHECK (speaker_start_cp IS NULL OR (speaker_start_cp <= speaker_end_cp AND speaker_text IS NOT NULL)),
                        CHECK (sentence_start_cp <= start_cp AND end_cp <= sentence_end_cp),
                        FOREIGN KEY (document_id, speaker_entity) REFERENCES entity (document_id, ordinal) ON DELETE CASCADE
                    )
                    """,
                    "CREATE INDEX quote_speaker ON quote (document_id, speaker_entity)",
                    "CREATE INDEX quote_speaker_key ON quote (speaker_key) WHERE speaker_key IS NOT NULL",
                    "CREATE INDEX quote_tsv ON quote USING GIN (tsv)"
                ]),
            Migration(
                name: "v2-ingest-queue",
                statements: [
                    // Work for `cronista ingest --queue` workers: each row is claimed by exactly one worker
                    // (`FOR UPDATE SKIP LOCKED`); a claim older than the lease is taken over (worker died).
                    """
                    CREATE TABLE ingest_queue (
                        seq BIGSERIAL UNIQUE,
                        id TEXT PRIMARY KEY CHECK (length(id) > 0),
                        text TEXT NOT NULL,
                        title TEXT,
                        published TEXT,
                        source TEXT,
                        url TEXT,
                        language TEXT,
                        origin TEXT NOT NULL,
                        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'done', 'failed')),
                        claimed_by TEXT,
                        claimed_at TIMESTAMPTZ,
                        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                        error TEXT,
                        CHECK (state <> 'claimed' OR (claimed_by IS NOT NULL AND claimed_at IS NOT NULL))
                    )
                    """,
                    "CREATE INDEX ingest_queue_open ON ingest_queue (seq) WHERE state IN ('pending', 'claimed')"
                ]),
            // An entity page (and its quotes and co-mentions) of an entity without a KB id looks the
            // entity up by type and folded name: without this index, a scan of every entity row.
            Migration(
                name: "v3-entity-name-index",
                statements: [
                    "CREATE INDEX entity_name ON entity (name_key, type) WHERE kb IS NULL"
                ]),
            // The store's keys become NameFolding's words mode (the knowledge base's fold): `U.N.` is
            // `un`, not `u n`, and `й` stays `й`. Every stored key is derived again from the stored
            // names, mentions and speaker texts (``PostgresSchema/rederiveKeys(on:logger:)``); the
            // same change as SQLite's `v5-name-keys-from-name-folding`.
            Migration(
                name: "v4-name-keys-from-name-folding", statements: ["TRUNCATE entity_alias"],
                run: { conn, logger in
                    try await rederiveKeys(on: conn, logger: logger)
                }),
            // Whom each quote is about (`Quote.about`): one row per quote and entity, in order of
            // first mention (`position`), found by entity through `quote_about_entity` for `about`
            // searches. The quotes already stored get theirs from their stored mentions, by the
            // rule the analysis uses (``PostgresSchema/deriveAboutSQL``); the same change as
            // SQLite's `v6-quote-about`.
            Migration(
                name: "v5-quote-about",
                statements: [
                    """
                    CREATE TABLE quote_about (
                        document_id TEXT NOT NULL,
                        quote_ordinal INTEGER NOT NULL,
                        position INTEGER NOT NULL CHECK (position >= 0),
                        entity_ordinal INTEGER NOT NULL,
                        PRIMARY KEY (document_id, quote_ordinal, position),
                        UNIQUE (document_id, quote_ordinal, entity_ordinal),
                        FOREIGN KEY (document_id, quote_ordinal) REFERENCES quote (document_id, ordinal) ON DELETE CASCADE,
                        FOREIGN KEY (document_id, entity_ordinal) REFERENCES entity (document_id, ordinal) ON DELETE CASCADE
                    )
                    """,
                    "CREATE INDEX quote_about_entity ON quote_about (document_id, entity_ordinal)",
                    deriveAboutSQL
                ]),
            // The events layer (PLOVER events with their sources, targets and location in
            // `event_participant`), the times layer (`time_expression`) and each quote's `date`;
            // the same change as SQLite's `v7-events-times`. The documents already stored get their
            // rows from their stored analysis JSON (``PostgresSchema/deriveEvents(on:logger:)``).
            Migration(
                name: "v6-events-times",
                statements: [
                    "ALTER TABLE quote ADD COLUMN date TEXT",
                    """
                    CREATE TABLE event (
                        document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        type TEXT NOT NULL CHECK (length(type) > 0),
                        mode TEXT,
                        trigger_start_cp INTEGER NOT NULL CHECK (trigger_start_cp >= 0),
                        trigger_end_cp INTEGER NOT NULL,
                        trigger_text TEXT NOT NULL,
                        date TEXT,
                        cameo TEXT,
                        quad INTEGER CHECK (quad BETWEEN 1 AND 4),
                        quote_ordinal INTEGER,
                        quote_role TEXT CHECK (quote_role IN ('act', 'report')),
                        claim_start_cp INTEGER,
                        claim_end_cp INTEGER,
                        claim_text TEXT,
                        PRIMARY KEY (document_id, ordinal),
                        CHECK (trigger_start_cp <= trigger_end_cp),
                        CHECK ((quote_ordinal IS NULL) = (quote_role IS NULL)),
                        CHECK (claim_start_cp IS NULL OR (claim_start_cp <= claim_end_cp AND claim_text IS NOT NULL)),
                        FOREIGN KEY (document_id, quote_ordinal) REFERENCES quote (document_id, ordinal) ON DELETE CASCADE
                    )
                    """,
                    "CREATE INDEX event_type ON event (type, date)",
                    """
                    CREATE TABLE event_participant (
                        document_id TEXT NOT NULL,
                        event_ordinal INTEGER NOT NULL,
                        position INTEGER NOT NULL CHECK (position >= 0),
                        role TEXT NOT NULL CHECK (role IN ('source', 'target', 'location')),
                        entity_ordinal INTEGER,
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        key TEXT,
                        country TEXT,
                        sector TEXT,
                        PRIMARY KEY (document_id, event_ordinal, position),
                        CHECK (start_cp <= end_cp),
                        FOREIGN KEY (document_id, event_ordinal) REFERENCES event (document_id, ordinal) ON DELETE CASCADE,
                        FOREIGN KEY (document_id, entity_ordinal) REFERENCES entity (document_id, ordinal) ON DELETE CASCADE
                    )
                    """,
                    "CREATE INDEX event_participant_entity ON event_participant (document_id, entity_ordinal) WHERE entity_ordinal IS NOT NULL",
                    "CREATE INDEX event_participant_key ON event_participant (key) WHERE key IS NOT NULL",
                    """
                    CREATE TABLE time_expression (
                        document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                        ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                        start_cp INTEGER NOT NULL CHECK (start_cp >= 0),
                        end_cp INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        type TEXT NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
                        value TEXT NOT NULL,
                        day TEXT,
                        PRIMARY KEY (document_id, ordinal),
                        CHECK (start_cp <= end_cp)
                    )
                    """,
                    "CREATE INDEX time_expression_day ON time_expression (day) WHERE day IS NOT NULL"
                ],
                run: { conn, logger in
                    try await deriveEvents(on: conn, logger: logger)
                }),
            // Stories (near-duplicate groups): each document's MinHash signature and story, and its
            // LSH band keys; new stories take their keys from `story_key`.
            Migration(
                name: "v8-stories",
                statements: [
                    "CREATE SEQUENCE story_key",
                    """
                    CREATE TABLE story_member (
                        document_id TEXT PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
                        story BIGINT NOT NULL,
                        signature BYTEA NOT NULL CHECK (length(signature) = \(StorySignature.byteCount))
                    )
                    """,
                    "CREATE INDEX story_member_story ON story_member (story)",
                    """
                    CREATE TABLE story_band (
                        band BIGINT NOT NULL,
                        document_id TEXT NOT NULL REFERENCES document (id) ON DELETE CASCADE,
                        PRIMARY KEY (band, document_id)
                    )
                    """,
                    "CREATE INDEX story_band_document ON story_band (document_id)"
                ],
                run: { conn, logger in
                    try await PostgresDocumentStore.deriveStories(on: conn, logger: logger)
                }),
            // Followed sources with their validators and schedule (`claimed_until` keeps other
            // watchers off a source being polled), and the article pages seen through them.
            Migration(
                name: "v9-sources",
                statements: [
                    """
                    CREATE TABLE source (
                        url TEXT PRIMARY KEY CHECK (length(url) > 0),
                        name TEXT,
                        kind TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page')),
                        etag TEXT,
                        last_modified TEXT,
                        next_poll TIMESTAMPTZ,
                        failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
                        last_error TEXT,
                        last_fetched TIMESTAMPTZ,
                        claimed_until TIMESTAMPTZ,
                        added TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """,
                    """
                    CREATE TABLE seen_article (
                        url TEXT PRIMARY KEY,
                        content_hash TEXT,
                        source TEXT NOT NULL REFERENCES source (url) ON DELETE CASCADE ON UPDATE CASCADE,
                        seen TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """,
                    "CREATE INDEX seen_article_source ON seen_article (source)"
                ]),
            // The listing of every entity (`export entities` without a filter) pages through
            // entities grouped by type and KB id or folded name: this index finds each page by
            // seeking to the cursor (SQLite's `v11-entity-listing`).
            Migration(
                name: "v10-entity-listing",
                statements: [
                    "CREATE INDEX entity_group ON entity (type, (COALESCE(kb, name_key)))"
                ])
        ]

        /// Each stored quote's `about` rows from the stored mentions: the entities with a mention
        /// inside the quote's content, leaving out the speaker's own mention and the speaker's
        /// pronouns, ordered by their first mention there (then by entity): what `Quote.about`
        /// holds without demonyms.
        static let deriveAboutSQL = """
            INSERT INTO quote_about (document_id, quote_ordinal, position, entity_ordinal)
            SELECT document_id, quote_ordinal,
                   (ROW_NUMBER() OVER (PARTITION BY document_id, quote_ordinal ORDER BY first_cp, entity_ordinal) - 1)::int, entity_ordinal
            FROM (
                SELECT q.document_id, q.ordinal AS quote_ordinal, m.entity_ordinal, MIN(m.start_cp) AS first_cp
                FROM quote q JOIN mention m ON m.document_id = q.document_id
                WHERE m.entity_ordinal IS NOT NULL AND m.start_cp >= q.start_cp AND m.end_cp <= q.end_cp
                  AND NOT (q.speaker_start_cp IS NOT NULL AND m.start_cp = q.speaker_start_cp AND m.end_cp = q.speaker_end_cp)
                  AND NOT (q.speaker_entity IS NOT NULL AND m.entity_ordinal = q.speaker_entity AND m.form = 'pronoun')
                GROUP BY q.document_id, q.ordinal, m.entity_ordinal
            ) x
            """
    }
#endif
