import PageModel
import Foundation
import Synchronization
import Testing
@testable import Store

@Suite struct PageStoreTests {
    let scratch: StoreTestFolder
    var folder: String { scratch.path }

    init() throws {
        scratch = try StoreTestFolder("store")
    }

    func record(_ id: String, text: String = "some text") -> PageRecord {
        PageRecord(
            id: id, title: "Title \(id)", authors: ["A"], tags: ["t"], text: text, wordCount: 2, contentHash: "0")
    }

    @Test func migratesANewDatabase() throws {
        let store = try PageStore(path: folder + "/new.sqlite")
        #expect(try store.database.userVersion == Migrations.latestVersion)
        // Opening it again applies nothing and loses nothing.
        try store.store([.stored(record("a"), worker: "w", extractionMilliseconds: 1)])
        let again = try PageStore(path: folder + "/new.sqlite")
        #expect(try again.counts() == StoreCounts(pages: 1, failures: 0))
    }

    @Test func qualitySignalsAndPersonalDataAreStoredForAWhere() throws {
        let store = try PageStore(path: folder + "/quality.sqlite")
        var kept = record("kept")
        kept.quality = [
            "gopher_quality_pass": 1, "gopher_repetition_pass": 1, "c4_pass": 1, "fineweb_pass": 1, "gopher_words": 812,
        ]
        kept.pii = ["email": 1]
        kept.piiSpans = ["email 0 17"]
        var dropped = record("dropped")
        dropped.quality = ["gopher_quality_pass": 1, "gopher_repetition_pass": 0, "c4_pass": 0, "fineweb_pass": 1]
        try store.store([
            .stored(kept, worker: "w", extractionMilliseconds: 1),
            .stored(dropped, worker: "w", extractionMilliseconds: 1),
            .stored(record("unmeasured"), worker: "w", extractionMilliseconds: 1),
        ])
        let query = try store.database.prepare(
            """
            SELECT id, gopher_pass, c4_pass, fineweb_pass, json_extract(quality, '$.gopher_words'),
                json_extract(pii, '$.email'), pii_spans ->> 0
            FROM pages ORDER BY id
            """)
        var rows: [String] = []
        while try query.step() {
            rows.append((0..<7).map { query.string(at: $0) ?? "null" }.joined(separator: " "))
        }
        #expect(
            rows == [
                "dropped 0 0 1 null null null", "kept 1 1 1 812 1 email 0 17",
                "unmeasured null null null null null null",
            ])
    }

    @Test func connectionsOpeningANewDatabaseAtOnceMigrateItOnce() throws {
        // A collector and a reader (or two collectors) starting together: one migrates, the
        // others see the schema it made.
        for round in 0..<10 {
            let path = folder + "/race-\(round).sqlite"
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try PageStore(path: path) } catch { failures.withLock { $0.append("\(error)") } }
            }
            #expect(failures.withLock { $0 }.isEmpty)
        }
    }

    @Test func backgroundCheckpointsBringTheLogBackIntoTheDatabase() throws {
        let path = folder + "/checkpointed.sqlite"
        let store = try PageStore(path: path)
        try store.checkpointInBackground()
        let autocheckpoint = try store.database.prepare("PRAGMA wal_autocheckpoint")
        #expect(
            try autocheckpoint.step() && autocheckpoint.int(at: 0) == 0,
            "the writer no longer checkpoints in its commits")
        let text = String(repeating: "word ", count: 800)
        for batch in 0..<20 {
            try store.store(
                (0..<50).map { .stored(record("p\(batch)-\($0)", text: text), worker: "w", extractionMilliseconds: 1) })
        }
        store.finishBackgroundCheckpoints()
        // Everything in the log is in the database: a checkpoint now finds nothing left to copy.
        let checkpoint = try Database(path: path).prepare("PRAGMA wal_checkpoint(PASSIVE)")
        #expect(try checkpoint.step())
        #expect(checkpoint.int(at: 0) == 0 && checkpoint.int(at: 1) == checkpoint.int(at: 2))
        #expect(try store.counts().pages == 1000)
    }

    /// A writer that never stops committing still gets its log started over: a passive
    /// checkpoint alone never catches up with it, and the log then grows by every page committed.
    /// Each start-over bumps the checkpoint sequence number in the log's header (bytes 12–15).
    @Test func theLogStartsOverWhileTheWriterKeepsCommitting() throws {
        let path = folder + "/restarted.sqlite"
        let store = try PageStore(path: path)
        try store.checkpointInBackground(minimumInterval: 0.01)
        let text = String(repeating: "word ", count: 800)
        func startOvers() throws -> UInt32 {
            let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: path + "-wal")).readData(ofLength: 16)
            return header.count == 16 ? header[12...15].reduce(0) { $0 << 8 | UInt32($1) } : 0
        }
        var batch = 0
        // Batches until the log has started over three times (or a budget many times what that
        // takes runs out): a condition, not a time. Under a loaded machine one run in ten had
        // seen a single start-over by batch 400, so the budget is 2,000.
        while batch < 2_000, try startOvers() < 3 {
            try store.store(
                (0..<20).map { .stored(record("p\(batch)-\($0)", text: text), worker: "w", extractionMilliseconds: 1) })
            batch += 1
        }
        let seen = try startOvers()
        store.finishBackgroundCheckpoints()
        #expect(seen >= 3, "after \(batch) batches the log started over \(seen) times")
        #expect(try store.counts().pages == batch * 20)
    }

    @Test func storingTwiceLeavesOneRow() throws {
        let store = try PageStore(path: folder + "/twice.sqlite")
        #expect(try store.store([.stored(record("a"), worker: "w1", extractionMilliseconds: 1)]) == 1)
        #expect(
            try store.store([
                .stored(record("a", text: "other"), worker: "w2", extractionMilliseconds: 1),
                .stored(record("b"), worker: "w2", extractionMilliseconds: 1),
            ]) == 1)
        #expect(try store.pageIDs() == ["a", "b"])
    }

    @Test func aStoredPageIsNeverAlsoAFailure() throws {
        let store = try PageStore(path: folder + "/failures.sqlite")
        try store.store([.failed(id: "x", error: "timeout", attempts: 1, worker: "w")])
        try store.store([.failed(id: "x", error: "timeout again", attempts: 2, worker: "w")])
        #expect(try store.failures().map(\.attempts) == [2])
        try store.store([.stored(record("x"), worker: "w", extractionMilliseconds: 1)])
        #expect(try store.counts() == StoreCounts(pages: 1, failures: 0))
        try store.store([.failed(id: "x", error: "late failure", attempts: 3, worker: "w")])
        #expect(try store.counts() == StoreCounts(pages: 1, failures: 0))
    }

    @Test func errorsCarryTheSQL() throws {
        let database = try Database(path: folder + "/errors.sqlite")
        let error = #expect(throws: StoreError.self) { try database.prepare("SELECT nothing FROM nowhere") }
        #expect(error?.sql == "SELECT nothing FROM nowhere")
        #expect(error?.code == .prepare)
        #expect(error?.description.contains("nowhere") == true)
    }

    /// Step 9 rebuilds `pages` as a rowid table: every column of a page stored before it
    /// reads the same after, and the view and indexes are back.
    @Test func pagesOfAStepEightDatabaseSurviveTheRowidRebuild() throws {
        let path = folder + "/step8.sqlite"
        do {
            let database = try Database(path: path)
            for step in Migrations.steps.prefix(8) { try database.execute(step) }
            try database.execute("PRAGMA user_version = 8")
            try database.execute(
                """
                INSERT INTO pages (id, url, title, text, word_count, content_hash, fetched_at, archive, archive_offset,
                    group_id, quality, pii) VALUES ('old', 'https://a.example/x', 'Old', 'old text', 2, 'h1',
                    '2024-01-02T03:04:05Z', 'crawl.warc.gz', 1234, 'old', '{"gopher_quality_pass":1,
                    "gopher_repetition_pass":1,"c4_pass":0,"fineweb_pass":1}', '{"email":1}')
                """)
        }
        let store = try PageStore(path: path)
        #expect(try store.database.userVersion == Migrations.latestVersion)
        let row = try store.database.prepare(
            """
            SELECT (SELECT rowid FROM pages WHERE id = 'old'), url, title, text, word_count, content_hash, fetched_at,
                archive, archive_offset, gopher_pass, c4_pass, fineweb_pass, pii FROM distinct_pages WHERE id = 'old'
            """)
        #expect(try row.step())
        #expect(row.int(at: 0) == 1, "pages has rowids now")
        #expect(
            row.string(at: 1) == "https://a.example/x" && row.string(at: 2) == "Old" && row.string(at: 3) == "old text")
        #expect(row.int(at: 4) == 2 && row.string(at: 5) == "h1" && row.string(at: 6) == "2024-01-02T03:04:05Z")
        #expect(row.string(at: 7) == "crawl.warc.gz" && row.int(at: 8) == 1234)
        #expect(
            row.int(at: 9) == 1 && row.int(at: 10) == 0 && row.int(at: 11) == 1 && row.string(at: 12) == #"{"email":1}"#
        )
        let indexes = try store.database.prepare(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('pages_content_hash', 'pages_group')")
        #expect(try indexes.step() && indexes.int(at: 0) == 2)
        // Storing goes on as before: the id stays unique.
        try store.store([.stored(record("old"), worker: "w", extractionMilliseconds: 1)])
        try store.store([.stored(record("new"), worker: "w", extractionMilliseconds: 1)])
        #expect(try store.counts() == StoreCounts(pages: 2, failures: 0))
    }

    /// Damage found while opening (here in the signatures the duplicate index reads back) is
    /// said to be damage, as `verifyIntegrity` says it, not as the failed statement.
    @Test func damageFoundOnOpenIsCalledDamage() throws {
        let path = folder + "/damaged.sqlite"
        let root: Int
        do {
            let store = try PageStore(path: path)
            try store.store(DuplicateIndexTests.records.map { .stored($0, worker: "w", extractionMilliseconds: 1) })
            let query = try store.database.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'page_signatures'")
            #expect(try query.step())
            root = query.int(at: 0)
        }  // Closed: the log is back in the file.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(root - 1) * 4096)
        try handle.write(contentsOf: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        try handle.close()
        let error = #expect(throws: StoreError.self) { try PageStore(path: path) }
        #expect(error?.code == .corrupt && error?.isDamage == true)
        #expect(error?.description.contains("the database is damaged") == true, "\(String(describing: error))")
    }

    @Test func anUnusablePathIsAnOpenError() {
        let error = #expect(throws: StoreError.self) { try PageStore(path: folder + "/missing-folder/x.sqlite") }
        #expect(error?.code == .open)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let path = folder + "/future.sqlite"
        try Database(path: path).execute("PRAGMA user_version = 999")
        let error = #expect(throws: StoreError.self) { try PageStore(path: path) }
        #expect(error?.code == .migration)
    }

    /// The name indexes of an empty database are left out while it loads and built at the end;
    /// a database with rows keeps them up, and gets back any a load cut short left out.
    @Test func nameIndexesAreBuiltOnceAfterALoadIntoEmptyTables() throws {
        let path = folder + "/names.sqlite"
        func indexes(_ store: PageStore) throws -> [String] {
            let query = try store.database.prepare(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN "
                    + "('entities_name', 'keywords_phrase', 'quotes_speaker') ORDER BY name")
            var names: [String] = []
            while try query.step() { names.append(query.string(at: 0) ?? "") }
            return names
        }
        let all = ["entities_name", "keywords_phrase", "quotes_speaker"]
        var named = record("a")
        named.entities = [PageEntity(name: "Rosa Delgado", kind: .person, forms: ["Rosa Delgado"], count: 1)]
        let store = try PageStore(path: path)
        #expect(try indexes(store) == all)
        #expect(try store.deferNameIndexesWhileEmpty())
        #expect(try indexes(store).isEmpty)
        try store.store([.stored(named, worker: "w", extractionMilliseconds: 1)])
        try store.buildDeferredNameIndexes()
        #expect(try indexes(store) == all)
        do {  // The plan's statement is finalized before the index is dropped below.
            let plan = try store.database.prepare(
                "EXPLAIN QUERY PLAN SELECT page_id FROM entities WHERE name = 'rosa delgado'")
            #expect(try plan.step())
            #expect(plan.string(at: 3)?.contains("entities_name") == true, "\(plan.string(at: 3) ?? "")")
        }
        // Rows and every index: they are kept up.
        let again = try PageStore(path: path)
        #expect(try !again.deferNameIndexesWhileEmpty())
        #expect(try indexes(again) == all)
        // A load cut short: the tables hold rows, an index is gone; the next load builds it at
        // its end, writing nothing before its first commit (its disk may be full).
        try store.database.execute("DROP INDEX entities_name")
        let next = try PageStore(path: path)
        #expect(try next.deferNameIndexesWhileEmpty())
        #expect(try indexes(next) == ["keywords_phrase", "quotes_speaker"])
        try next.buildDeferredNameIndexes()
        #expect(try indexes(next) == all)
    }
}
