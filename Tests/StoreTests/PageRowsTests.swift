import Foundation
import PageModel
import Testing
@testable import Store

/// A page's links, key phrases, entities and quotes are kept under the page's number (schema
/// step 10) and read, through views, with the page's id.
@Suite struct PageRowsTests {
    let scratch: StoreTestFolder

    init() throws { scratch = try StoreTestFolder("rows") }

    func record(_ id: String, _ word: String) -> PageRecord {
        var record = PageRecord(id: id, title: id, text: "\(word) text", wordCount: 2, contentHash: word)
        record.links = [PageLink(url: "https://a.example/\(word)", text: word, kind: .content)]
        record.keywords = [PageKeyword(phrase: word, score: 0.5), PageKeyword(phrase: "\(word) two", score: 1)]
        record.entities = [PageEntity(name: "Ann \(word)", kind: .person, forms: ["Ann"], count: 2)]
        record.quotes = [PageQuote(text: "said \(word)", speaker: "Ann \(word)")]
        return record
    }

    func rows(_ database: Database, _ sql: String) throws -> [String] {
        let query = try database.prepare(sql)
        var rows: [String] = []
        while try query.step() { rows.append(query.string(at: 0) ?? "null") }
        return rows
    }

    /// Every table's rows, one line each, by page id: what a reader of the views sees.
    func everyRow(_ database: Database) throws -> [String] {
        try rows(
            database,
            """
            SELECT 'link ' || page_id || ' ' || position || ' ' || url || ' ' || anchor_text || ' ' || kind FROM links
            UNION ALL SELECT 'keyword ' || page_id || ' ' || position || ' ' || phrase || ' ' || score FROM keywords
            UNION ALL SELECT 'entity ' || page_id || ' ' || position || ' ' || name || ' ' || kind || ' ' || forms
                || ' ' || mentions FROM entities
            UNION ALL SELECT 'quote ' || page_id || ' ' || position || ' ' || quote || ' ' || speaker FROM quotes
            ORDER BY 1
            """)
    }

    @Test func rowsOfAStepNineDatabaseMoveUnderTheirPagesNumbers() throws {
        let path = scratch.path + "/step9.sqlite"
        var before: [String] = []
        do {
            let database = try Database(path: path)
            for step in Migrations.steps.prefix(9) { try database.execute(step) }
            try database.execute("PRAGMA user_version = 9")
            for (id, word) in [("b", "beta"), ("a", "alpha")] {
                try database.execute(
                    """
                    INSERT INTO pages (id, text, word_count, content_hash) VALUES ('\(id)', 't', 1, 'h');
                    INSERT INTO links VALUES ('\(id)', 0, 'https://a.example/\(word)', '\(word)', 'content');
                    INSERT INTO keywords VALUES ('\(id)', 0, '\(word)', 0.5), ('\(id)', 1, '\(word) two', 1);
                    INSERT INTO entities VALUES ('\(id)', 0, 'Ann \(word)', 'person', '["Ann"]', 2);
                    INSERT INTO quotes VALUES ('\(id)', 0, 'said \(word)', 'Ann \(word)');
                    """)
            }
            before = try everyRow(database)
        }
        #expect(before.count == 10)
        let store = try PageStore(path: path)
        #expect(try everyRow(store.database) == before, "the views read as the tables did")
        #expect(try rows(store.database, "SELECT id || ' ' || number FROM pages ORDER BY number") == ["b 1", "a 2"])
        #expect(
            try rows(store.database, "SELECT page || ' ' || phrase FROM keyword_rows ORDER BY page, position") == [
                "1 beta", "1 beta two", "2 alpha", "2 alpha two",
            ])
        #expect(
            try rows(
                store.database,
                """
                SELECT name FROM sqlite_master WHERE type = 'index'
                    AND name IN ('entities_name', 'quotes_speaker', 'keywords_phrase', 'pages_number') ORDER BY name
                """) == ["entities_name", "keywords_phrase", "pages_number", "quotes_speaker"])
        try store.store([.stored(record("c", "gamma"), worker: "w", extractionMilliseconds: 1)])
        #expect(try rows(store.database, "SELECT number FROM pages WHERE id = 'c'") == ["3"])
        #expect(try rows(store.database, "SELECT count(*) FROM keywords WHERE page_id = 'c'") == ["2"])
    }

    @Test func rowsFollowTheirPageThroughAVacuumAndGoWithIt() throws {
        let store = try PageStore(path: scratch.path + "/vacuum.sqlite")
        try store.store(
            [("a", "alpha"), ("b", "beta"), ("c", "gamma")].map {
                .stored(record($0.0, $0.1), worker: "w", extractionMilliseconds: 1)
            })
        #expect(try everyRow(store.database).count == 15)
        try store.database.execute("DELETE FROM pages WHERE id = 'a'")
        #expect(
            try rows(store.database, "SELECT count(*) FROM link_rows WHERE page = 1") == ["0"],
            "a page deleted takes its rows with it")
        try store.database.execute("VACUUM")
        let kept = try everyRow(store.database)
        #expect(kept.count == 10)
        #expect(
            kept.allSatisfy { $0.contains(" b ") ? $0.contains("beta") : $0.contains(" c ") && $0.contains("gamma") })
        // A page another program inserts without a number gets the next one, never a used one.
        try store.database.execute(
            "INSERT INTO pages (id, text, word_count, content_hash) VALUES ('other', 't', 1, 'h')")
        #expect(try rows(store.database, "SELECT number FROM pages WHERE id = 'other'") == ["4"])
        try store.store([.stored(record("d", "delta"), worker: "w", extractionMilliseconds: 1)])
        #expect(try rows(store.database, "SELECT number FROM pages WHERE id = 'd'") == ["5"])
        #expect(try rows(store.database, "SELECT url FROM links WHERE page_id = 'd'") == ["https://a.example/delta"])
    }
}
