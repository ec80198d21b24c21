/// The schema, as a list of steps: step N brings a database from `user_version` N to N+1.
/// Append new steps; never edit one that has shipped.
enum Migrations {
    static let steps: [String] = [
        """
        CREATE TABLE pages (
            id TEXT PRIMARY KEY,
            url TEXT,
            canonical_url TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            language TEXT,
            description TEXT,
            site_name TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            image TEXT,
            text TEXT NOT NULL,
            word_count INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            worker TEXT,
            extraction_ms REAL,
            stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) WITHOUT ROWID;
        CREATE INDEX pages_content_hash ON pages(content_hash);
        CREATE TABLE failures (
            id TEXT PRIMARY KEY,
            error TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            worker TEXT,
            failed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) WITHOUT ROWID;
        """,
        // The database's own identity, made once with it: a producer's journal records which
        // database it describes, and starts over when the collector announces another one
        // (a database deleted and made again, another file).
        """
        CREATE TABLE pagemill_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO pagemill_meta (key, value) VALUES ('database_id', lower(hex(randomblob(16))));
        """,
        // When a page was fetched, and where a page from a crawl archive lies in it (the file
        // and its record's offset), so that a user can find the record again.
        """
        ALTER TABLE pages ADD COLUMN fetched_at TEXT;
        ALTER TABLE pages ADD COLUMN archive TEXT;
        ALTER TABLE pages ADD COLUMN archive_offset INTEGER;
        """,
        // Duplicates: each page's group (named by its representative), the pairs found, and the
        // pages' MinHash signatures, from which the collector rebuilds its LSH index in memory.
        // `distinct_pages` holds one page a group.
        """
        ALTER TABLE pages ADD COLUMN group_id TEXT;
        CREATE INDEX pages_group ON pages(group_id) WHERE group_id IS NOT NULL;
        CREATE TABLE duplicate_pairs (
            a TEXT NOT NULL, b TEXT NOT NULL, similarity REAL NOT NULL, kind TEXT NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE TABLE page_signatures (id TEXT PRIMARY KEY, signature BLOB NOT NULL);
        CREATE VIEW distinct_pages AS SELECT * FROM pages WHERE group_id IS NULL OR group_id = id;
        """,
        // Signatures under a number, in the order stored (one B-tree appended to, where step 4's
        // keyed by id wrote two in random order), with the hash of the text signed, so that the
        // signature of a text since replaced is recognised; pairs found from either side; and
        // `page_versions`, the earlier fetches of pages stored with `--on-existing version`.
        """
        CREATE TABLE page_signatures_numbered (
            number INTEGER PRIMARY KEY, id TEXT NOT NULL, content_hash TEXT NOT NULL, signature BLOB NOT NULL
        );
        INSERT INTO page_signatures_numbered (id, content_hash, signature)
            SELECT s.id, p.content_hash, s.signature FROM page_signatures s JOIN pages p ON p.id = s.id
            ORDER BY s.rowid;
        DROP TABLE page_signatures;
        ALTER TABLE page_signatures_numbered RENAME TO page_signatures;
        CREATE INDEX duplicate_pairs_b ON duplicate_pairs(b);
        CREATE TABLE page_versions AS
            SELECT id, url, canonical_url, title, authors, published, language, description, site_name, tags,
                image, text, word_count, content_hash, worker, extraction_ms, stored_at, fetched_at, archive,
                archive_offset
            FROM pages WHERE 0;
        CREATE INDEX page_versions_id ON page_versions(id, fetched_at);
        """,
        // Quality signals as the workers computed them (a JSON object of numbers), and each
        // rule set's verdict read from it, for a WHERE that needs no JSON: NULL when a page
        // was stored without signals. Personal data found: counts by kind, and where each
        // piece (or its replacement) lies in the text.
        """
        ALTER TABLE pages ADD COLUMN quality TEXT;
        ALTER TABLE page_versions ADD COLUMN quality TEXT;
        ALTER TABLE pages ADD COLUMN pii TEXT;
        ALTER TABLE page_versions ADD COLUMN pii TEXT;
        ALTER TABLE pages ADD COLUMN pii_spans TEXT;
        ALTER TABLE page_versions ADD COLUMN pii_spans TEXT;
        ALTER TABLE pages ADD COLUMN gopher_pass INTEGER GENERATED ALWAYS AS
            (json_extract(quality, '$.gopher_quality_pass') * json_extract(quality, '$.gopher_repetition_pass'))
            VIRTUAL;
        ALTER TABLE pages ADD COLUMN c4_pass INTEGER GENERATED ALWAYS AS (json_extract(quality, '$.c4_pass')) VIRTUAL;
        ALTER TABLE pages ADD COLUMN fineweb_pass INTEGER GENERATED ALWAYS AS
            (json_extract(quality, '$.fineweb_pass')) VIRTUAL;
        """,
        // The pages' outbound links, resolved and told by where they stand (content,
        // navigation, boilerplate): the link graph, a row a link, in the page's order.
        """
        CREATE TABLE links (
            page_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            anchor_text TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (page_id, position)
        ) WITHOUT ROWID;
        """,
        // What the workers found in each page's text for its readers: key phrases, best
        // (lowest score) first; the people, organisations and places named, most named
        // first, with every form used for each (a JSON array); direct quotations in order,
        // with the speaker's name as `entities.name` has it (NULL when the text does not say).
        """
        CREATE TABLE entities (
            page_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            forms TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (page_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
        CREATE TABLE quotes (
            page_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            quote TEXT NOT NULL,
            speaker TEXT,
            PRIMARY KEY (page_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);
        CREATE TABLE keywords (
            page_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            phrase TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (page_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX keywords_phrase ON keywords(phrase COLLATE NOCASE);
        """,
        // `pages` as a rowid table: a row holds kilobytes of text, and in a table keyed by the
        // id (in random order) each one cost a B-tree split and its overflow chain moved; now
        // a row goes on the end and only the id's index takes the random key. The same
        // columns in the same order, the rows copied.
        """
        DROP VIEW distinct_pages;
        CREATE TABLE pages_appended (
            id TEXT PRIMARY KEY,
            url TEXT,
            canonical_url TEXT,
            title TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            language TEXT,
            description TEXT,
            site_name TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            image TEXT,
            text TEXT NOT NULL,
            word_count INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            worker TEXT,
            extraction_ms REAL,
            stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
            fetched_at TEXT,
            archive TEXT,
            archive_offset INTEGER,
            group_id TEXT,
            quality TEXT,
            pii TEXT,
            pii_spans TEXT,
            gopher_pass INTEGER GENERATED ALWAYS AS
                (json_extract(quality, '$.gopher_quality_pass') * json_extract(quality, '$.gopher_repetition_pass'))
                VIRTUAL,
            c4_pass INTEGER GENERATED ALWAYS AS (json_extract(quality, '$.c4_pass')) VIRTUAL,
            fineweb_pass INTEGER GENERATED ALWAYS AS (json_extract(quality, '$.fineweb_pass')) VIRTUAL
        );
        INSERT INTO pages_appended (
                id, url, canonical_url, title, authors, published, language, description, site_name, tags,
                image, text, word_count, content_hash, worker, extraction_ms, stored_at, fetched_at, archive,
                archive_offset, group_id, quality, pii, pii_spans)
            SELECT
                id, url, canonical_url, title, authors, published, language, description, site_name, tags,
                image, text, word_count, content_hash, worker, extraction_ms, stored_at, fetched_at, archive,
                archive_offset, group_id, quality, pii, pii_spans
            FROM pages;
        DROP TABLE pages;
        ALTER TABLE pages_appended RENAME TO pages;
        CREATE INDEX pages_content_hash ON pages(content_hash);
        CREATE INDEX pages_group ON pages(group_id) WHERE group_id IS NOT NULL;
        CREATE VIEW distinct_pages AS SELECT * FROM pages WHERE group_id IS NULL OR group_id = id;
        """,
        // A page's rows in other tables under its number, not its id: numbers only grow, so the
        // rows go on the end of their tables, where keyed by the id (random) each page's rows
        // dirtied a page of each table, a commit (the log grew seven times the database). Every
        // page gets a number (`pages.number`, its rowid here: a VACUUM may renumber rowids, not
        // numbers); `links`, `keywords`, `entities` and `quotes` are views of the rows with
        // their page's id, read as the tables were; deleting a page deletes its rows, and a
        // page inserted without a number (by another program) is given the next one.
        """
        ALTER TABLE pages ADD COLUMN number INTEGER;
        UPDATE pages SET number = rowid;
        CREATE UNIQUE INDEX pages_number ON pages(number);
        CREATE TABLE link_rows (
            page INTEGER NOT NULL,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            anchor_text TEXT NOT NULL,
            kind TEXT NOT NULL,
            PRIMARY KEY (page, position)
        ) WITHOUT ROWID;
        INSERT INTO link_rows SELECT p.number, r.position, r.url, r.anchor_text, r.kind
            FROM links r JOIN pages p ON p.id = r.page_id ORDER BY p.number, r.position;
        CREATE TABLE entity_rows (
            page INTEGER NOT NULL,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            forms TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (page, position)
        ) WITHOUT ROWID;
        INSERT INTO entity_rows SELECT p.number, r.position, r.name, r.kind, r.forms, r.mentions
            FROM entities r JOIN pages p ON p.id = r.page_id ORDER BY p.number, r.position;
        CREATE TABLE quote_rows (
            page INTEGER NOT NULL,
            position INTEGER NOT NULL,
            quote TEXT NOT NULL,
            speaker TEXT,
            PRIMARY KEY (page, position)
        ) WITHOUT ROWID;
        INSERT INTO quote_rows SELECT p.number, r.position, r.quote, r.speaker
            FROM quotes r JOIN pages p ON p.id = r.page_id ORDER BY p.number, r.position;
        CREATE TABLE keyword_rows (
            page INTEGER NOT NULL,
            position INTEGER NOT NULL,
            phrase TEXT NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (page, position)
        ) WITHOUT ROWID;
        INSERT INTO keyword_rows SELECT p.number, r.position, r.phrase, r.score
            FROM keywords r JOIN pages p ON p.id = r.page_id ORDER BY p.number, r.position;
        DROP TABLE links;
        DROP TABLE entities;
        DROP TABLE quotes;
        DROP TABLE keywords;
        CREATE INDEX entities_name ON entity_rows(name COLLATE NOCASE);
        CREATE INDEX quotes_speaker ON quote_rows(speaker COLLATE NOCASE);
        CREATE INDEX keywords_phrase ON keyword_rows(phrase COLLATE NOCASE);
        CREATE VIEW links AS SELECT p.id AS page_id, r.position AS position, r.url AS url,
            r.anchor_text AS anchor_text, r.kind AS kind FROM link_rows r JOIN pages p ON p.number = r.page;
        CREATE VIEW entities AS SELECT p.id AS page_id, r.position AS position, r.name AS name, r.kind AS kind,
            r.forms AS forms, r.mentions AS mentions FROM entity_rows r JOIN pages p ON p.number = r.page;
        CREATE VIEW quotes AS SELECT p.id AS page_id, r.position AS position, r.quote AS quote,
            r.speaker AS speaker FROM quote_rows r JOIN pages p ON p.number = r.page;
        CREATE VIEW keywords AS SELECT p.id AS page_id, r.position AS position, r.phrase AS phrase,
            r.score AS score FROM keyword_rows r JOIN pages p ON p.number = r.page;
        CREATE TRIGGER pages_numbered AFTER INSERT ON pages WHEN new.number IS NULL BEGIN
            UPDATE pages SET number = (SELECT coalesce(max(number), 0) + 1 FROM pages) WHERE rowid = new.rowid;
        END;
        CREATE TRIGGER pages_rows_deleted AFTER DELETE ON pages BEGIN
            DELETE FROM link_rows WHERE page = old.number;
            DELETE FROM entity_rows WHERE page = old.number;
            DELETE FROM quote_rows WHERE page = old.number;
            DELETE FROM keyword_rows WHERE page = old.number;
        END;
        """,
    ]

    /// The version a fully migrated database has.
    static var latestVersion: Int { steps.count }

    /// Applies the steps the database has not had yet, each in its own transaction.
    static func migrate(_ database: Database) throws(StoreError) {
        let current = try database.userVersion
        guard current <= latestVersion else {
            throw StoreError(
                .migration, resultCode: 0,
                message: "database schema version \(current) is newer than this pagemill knows (\(latestVersion))",
                path: database.path)
        }
        for version in current..<latestVersion {
            try database.transaction { () throws(StoreError) in
                // Another process (a second collector, a reader) may have migrated since we
                // looked: the version read under the write lock is the one that counts.
                guard try database.userVersion == version else { return }
                try database.execute(steps[version])
                try database.execute("PRAGMA user_version = \(version + 1)")
            }
        }
    }
}
