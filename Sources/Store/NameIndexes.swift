/// The indexes by name of what the workers found in the pages: `entities_name`,
/// `keywords_phrase` and `quotes_speaker`. A page's ten-odd names and phrases land in as many
/// random places in them, so that keeping them up while a run loads an empty database dirties
/// a page of each index a name, a commit (on a 5,810-page crawl, a fifth of the run's CPU);
/// built once at the end they are one sort each.
enum NameIndexes {
    /// Each index's name and the statement that makes it, as the schema's migration made it.
    static let definitions: [(name: String, sql: String)] = [
        ("entities_name", "CREATE INDEX IF NOT EXISTS entities_name ON entity_rows(name COLLATE NOCASE)"),
        ("quotes_speaker", "CREATE INDEX IF NOT EXISTS quotes_speaker ON quote_rows(speaker COLLATE NOCASE)"),
        ("keywords_phrase", "CREATE INDEX IF NOT EXISTS keywords_phrase ON keyword_rows(phrase COLLATE NOCASE)"),
    ]

    /// Whether none of the indexed tables holds a row: a load with nothing to keep in order yet.
    static func tablesAreEmpty(_ database: Database) throws(StoreError) -> Bool {
        let probe = try database.prepare(
            """
            SELECT NOT EXISTS (SELECT 1 FROM entity_rows) AND NOT EXISTS (SELECT 1 FROM quote_rows)
                AND NOT EXISTS (SELECT 1 FROM keyword_rows)
            """)
        guard try probe.step() else { return false }
        return probe.int(at: 0) == 1
    }

    /// Whether every one of the indexes exists (a load cut short by a crash leaves them out).
    static func allPresent(_ database: Database) throws(StoreError) -> Bool {
        let names = definitions.map { "'\($0.name)'" }.joined(separator: ", ")
        let probe = try database.prepare(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (\(names))")
        guard try probe.step() else { return false }
        return probe.int(at: 0) == definitions.count
    }

    /// Drops the indexes (in one transaction).
    static func drop(_ database: Database) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            for (name, _) in definitions { try database.execute("DROP INDEX IF EXISTS \(name)") }
        }
    }

    /// Makes whichever of the indexes is missing (in one transaction).
    static func build(_ database: Database) throws(StoreError) {
        try database.transaction { () throws(StoreError) in
            for (_, sql) in definitions { try database.execute(sql) }
        }
    }
}
