import Enrichment
import PageModel
import Foundation

/// pagemill's database: records in `pages`, pages that could not be processed in `failures`.
///
/// Writes are batched into one transaction and idempotent: storing a page twice leaves one
/// row, and a page that is stored is never also a failure. Not thread-safe: one store, one thread.
public final class PageStore {
    /// The connection, for queries beyond the ones here.
    public let database: Database
    private let writer: PageWriter
    private let duplicates: DuplicateIndex
    private let insertFailure: Statement
    private let clearFailure: Statement
    private let anyFailures: Statement
    /// Set by `checkpointInBackground()`.
    private var checkpointer: WALCheckpointer?
    /// Set by `deferNameIndexesWhileEmpty()` when it dropped them.
    private var nameIndexesDeferred = false

    /// How the store groups duplicates as it stores pages.
    public struct Deduplication: Sendable, Equatable {
        /// `off`, `exact` (the same normalised text) or `near` (MinHash signatures too).
        public var mode: String
        /// The share of signature values two pages must agree on to be near duplicates.
        public var threshold: Double
        /// Whether a page that is not its group's representative keeps its text (false: only
        /// its metadata and its `group_id`, for users short of disk).
        public var keepsEveryText: Bool
        /// The signatures' parameters, as the workers computed them: their bands and rows
        /// make the LSH buckets.
        public var minHasher = MinHasher.standard

        /// Near duplicates as FineWeb finds them (14 bands of 8, 5-word shingles: half the pairs
        /// grouped at a Jaccard similarity of about 0.7), once the signatures agree on 0.6 of
        /// their values.
        public static let standard = Deduplication(mode: "near", threshold: defaultThreshold)
        /// The share of values two signatures must agree on, unless told otherwise: under the
        /// bands' own S-curve, so that it only rules out pages sharing a band by chance.
        public static let defaultThreshold = 0.6
        public static let off = Deduplication(mode: "off", threshold: 1)

        public init(mode: String, threshold: Double, keepsEveryText: Bool = true) {
            self.mode = mode
            self.threshold = threshold
            self.keepsEveryText = keepsEveryText
        }
    }

    /// What storing a page whose id the database already holds does.
    public enum ExistingPages: String, Sendable, CaseIterable {
        /// Keep the page stored first; the new one costs nothing.
        case keep
        /// Replace the stored page when the new one was fetched later (`fetched_at`).
        case replace
        /// Keep every fetch: the latest in `pages`, the others in `page_versions`.
        case version
    }

    /// The database's identity, made with it: what the collector announces to the producer,
    /// so that a producer's journal is only ever used with the database it describes.
    public let databaseID: String

    /// The kinds of link a store keeps in `links` unless told otherwise: the content's own.
    public static let defaultStoredLinks: Set<PageLink.Kind> = [.content]

    /// Opens or creates the database at `path` and brings its schema up to date. Refuses a
    /// database that would vanish on close (`""`, `:memory:`, `file::memory:`): the collector
    /// would acknowledge pages that no file holds. `storedLinks`: the kinds of a record's
    /// links written to `links`.
    public init(
        path: String, deduplication: Deduplication = .standard, existingPages: ExistingPages = .keep,
        storedLinks: Set<PageLink.Kind> = defaultStoredLinks
    ) throws(StoreError) {
        if let problem = Self.transientPathProblem(path) {
            throw StoreError(.open, resultCode: 0, message: problem, path: path)
        }
        // Whatever opening reads first (the schema, the signatures) may be where damage shows.
        do throws(StoreError) {
            database = try Database(path: path)
            try Migrations.migrate(database)
            // 32 MB of page cache, not SQLite's 2 MB: the writer looks up signatures, groups and
            // indexes between inserts, and would otherwise read back pages it has just evicted.
            try database.execute("PRAGMA cache_size = -32768")
            let identity = try database.prepare("SELECT value FROM pagemill_meta WHERE key = 'database_id'")
            guard try identity.step(), let databaseID = identity.string(at: 0) else {
                throw StoreError(
                    .migration, resultCode: 0, message: "the database has no pagemill_meta.database_id row", path: path)
            }
            self.databaseID = databaseID
            insertFailure = try database.prepare(
                """
                INSERT INTO failures (id, error, attempts, worker)
                SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM pages WHERE id = ?1)
                ON CONFLICT(id) DO UPDATE SET error = excluded.error,
                    attempts = max(failures.attempts, excluded.attempts), worker = excluded.worker
                """)
            clearFailure = try database.prepare("DELETE FROM failures WHERE id = ?1")
            anyFailures = try database.prepare("SELECT 1 FROM failures LIMIT 1")
            duplicates = try DuplicateIndex(
                database, mode: DuplicateIndex.Mode(rawValue: deduplication.mode) ?? .near,
                threshold: deduplication.threshold, keepsEveryText: deduplication.keepsEveryText,
                hasher: deduplication.minHasher)
            writer = try PageWriter(database, duplicates: duplicates, policy: existingPages, storedLinks: storedLinks)
        } catch  where error.isDamage {
            throw StoreError.damaged([error.message + (error.sql.map { " in: \($0.prefix(80))" } ?? "")], path: path)
        }
    }

    deinit {
        finishBackgroundCheckpoints()
    }

    /// Why `path` names no file that outlives the connection, or nil when it does.
    public static func transientPathProblem(_ path: String) -> String? {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "an empty path opens a temporary database that is deleted on close" }
        let lower = trimmed.lowercased()
        if lower == ":memory:" || lower.hasPrefix("file::memory:") || lower.contains("mode=memory") {
            return "an in-memory database vanishes on close: name a file"
        }
        return nil
    }

    /// Reads the whole database through `PRAGMA quick_check` and throws, with SQLite's own
    /// words, when it is damaged: better refused before a run than failing in the middle of one.
    public func verifyIntegrity() throws(StoreError) {
        let check = try database.prepare("PRAGMA quick_check(5)")
        var problems: [String] = []
        do {
            while try check.step() { if let line = check.string(at: 0), line != "ok" { problems.append(line) } }
        } catch {
            // Garbage can make the check itself fail (a generated column's JSON read from it):
            // damage all the same.
            problems.append(error.message)
        }
        guard problems.isEmpty else { throw StoreError.damaged(problems, path: database.path) }
    }

    /// An INSERT of one row of `pages`, every column a parameter in table order (`?17` is
    /// `stored_at`, `?18` to `?21` are `fetched_at`, `archive`, `archive_offset` and `group_id`,
    /// `?22` to `?24` `quality`, `pii` and `pii_spans`; the page's `number` follows the last
    /// one's): the collector's, and the plain-SQLite ceiling it is measured against.
    public static let insertSQL = """
        INSERT INTO pages (id, url, canonical_url, title, authors, published, language, description,
            site_name, tags, image, text, word_count, content_hash, worker, extraction_ms, stored_at,
            fetched_at, archive, archive_offset, group_id, quality, pii, pii_spans, number)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
            ?23, ?24, (SELECT coalesce(max(number), 0) + 1 FROM pages))
        """

    /// Runs the last background checkpoint and stops its thread; nothing when checkpoints are
    /// not in the background.
    public func finishBackgroundCheckpoints() {
        checkpointer?.stop()
        checkpointer = nil
    }

    /// Moves the write-ahead log's checkpoints off this connection, onto a connection and a
    /// thread of their own, run after commits: for a writer that commits all the time (the
    /// collector), so that copying the log back into the database no longer happens inside
    /// its commits.
    /// `minimumInterval`: seconds at least between two checkpoints.
    public func checkpointInBackground(minimumInterval: TimeInterval = 1.5) throws(StoreError) {
        guard checkpointer == nil else { return }
        checkpointer = try WALCheckpointer(path: database.path, minimumInterval: minimumInterval)
        try database.execute("PRAGMA wal_autocheckpoint = 0")
        // The log grows between checkpoints; once one has caught up, keep its file no larger.
        try database.execute("PRAGMA journal_size_limit = \(64 << 20)")
    }

    /// For a writer about to load many pages (the collector): leaves the name indexes
    /// (`entities_name`, `keywords_phrase`, `quotes_speaker`) out while the tables they index
    /// are empty, to be built in one go by `buildDeferredNameIndexes()` at the end. On a
    /// database that holds rows already, keeps them up; where a load cut short by a crash left
    /// them out, they too are built at the end, not now: a writer starting on a full disk
    /// must not need room before its first commit. Returns whether they were deferred.
    @discardableResult
    public func deferNameIndexesWhileEmpty() throws(StoreError) -> Bool {
        if try NameIndexes.tablesAreEmpty(database) {
            try NameIndexes.drop(database)
        } else if try NameIndexes.allPresent(database) {
            return false
        }
        nameIndexesDeferred = true
        return true
    }

    /// Builds the name indexes `deferNameIndexesWhileEmpty()` left out; nothing when it did not.
    public func buildDeferredNameIndexes() throws(StoreError) {
        guard nameIndexesDeferred else { return }
        try NameIndexes.build(database)
        nameIndexesDeferred = false
    }

    /// Stores a batch of outcomes in one transaction. Returns how many new rows it wrote to `pages`.
    @discardableResult
    public func store(_ outcomes: [PageOutcome]) throws(StoreError) -> Int {
        try storeReporting(outcomes).newRows
    }

    /// What one batch's commit did.
    public struct BatchReport: Sendable, Equatable {
        /// New rows in `pages`.
        public var newRows: Int
        /// The positions in the batch of records whose id the database already held: nothing
        /// was written for them.
        public var duplicates: [Int]
        /// Stored pages replaced by a later fetch (`--on-existing replace` or `version`).
        public var replaced = 0
        /// Earlier fetches of stored pages kept in `page_versions` (`--on-existing version`).
        public var versioned = 0

        public init(newRows: Int, duplicates: [Int], replaced: Int = 0, versioned: Int = 0) {
            (self.newRows, self.duplicates, self.replaced, self.versioned) = (newRows, duplicates, replaced, versioned)
        }
    }

    /// Stores a batch of outcomes in one transaction, and says which records were already there.
    public func storeReporting(_ outcomes: [PageOutcome]) throws(StoreError) -> BatchReport {
        guard !outcomes.isEmpty else { return BatchReport(newRows: 0, duplicates: []) }
        defer { checkpointer?.request() }
        return try database.transaction { () throws(StoreError) -> BatchReport in
            var report = BatchReport(newRows: 0, duplicates: [])
            // A stored page clears any failure recorded for it; most runs have none, so look
            // once a batch rather than once a row.
            var failuresMayExist = try anyFailures.step()
            anyFailures.reset()
            // One time for the batch, bound as a parameter: SQLite's default, strftime() for each
            // row, took about 4 % of the commits' time with small rows.
            let storedAt = Self.timestamp()
            for (position, outcome) in outcomes.enumerated() {
                switch outcome {
                case let .stored(record, worker, milliseconds):
                    switch try writer.write(record, worker: worker, milliseconds: milliseconds, storedAt: storedAt) {
                    case .new: report.newRows += 1
                    case .replaced: report.replaced += 1
                    case .versioned: report.versioned += 1
                    case .alreadyStored: report.duplicates.append(position)
                    }
                    if failuresMayExist {
                        try clearFailure.bind(record.id, at: 1)
                        try clearFailure.step()
                        clearFailure.reset()
                    }
                case let .failed(id, error, attempts, worker):
                    try insertFailure.bind(id, at: 1)
                    try insertFailure.bind(error, at: 2)
                    try insertFailure.bind(attempts, at: 3)
                    try insertFailure.bind(worker, at: 4)
                    try insertFailure.step()
                    insertFailure.reset()
                    failuresMayExist = true
                }
            }
            return report
        }
    }

    /// Now, as `stored_at` and `failed_at` hold it: UTC, ISO 8601, milliseconds.
    public static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_nsec / 1_000_000))
    }

    // MARK: Queries

    /// Bytes of memory the near-duplicate index (its LSH buckets) takes; 0 without `near`.
    public var duplicateIndexMemoryBytes: Int { duplicates.mode == .near ? duplicates.memoryBytes : 0 }

    /// Bytes on disk of each table and index, by name (SQLite's `dbstat`).
    public func bytesByTable() throws(StoreError) -> [String: Int] {
        let statement = try database.prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
        var sizes: [String: Int] = [:]
        while try statement.step() { sizes[statement.string(at: 0) ?? ""] = statement.int(at: 1) }
        return sizes
    }

    /// How many rows each table holds.
    public func counts() throws(StoreError) -> StoreCounts {
        let pages = try database.prepare("SELECT count(*) FROM pages")
        try pages.step()
        let failures = try database.prepare("SELECT count(*) FROM failures")
        try failures.step()
        return StoreCounts(pages: pages.int(at: 0), failures: failures.int(at: 0))
    }

    /// Every stored page id, in id order.
    public func pageIDs() throws(StoreError) -> [String] {
        try strings("SELECT id FROM pages ORDER BY id")
    }

    /// Every failed page id with its error, in id order.
    public func failures() throws(StoreError) -> [(id: String, error: String, attempts: Int)] {
        let statement = try database.prepare("SELECT id, error, attempts FROM failures ORDER BY id")
        var rows: [(String, String, Int)] = []
        while try statement.step() {
            rows.append((statement.string(at: 0) ?? "", statement.string(at: 1) ?? "", statement.int(at: 2)))
        }
        return rows
    }

    /// A few stored rows, for a summary: id, title, language and word count.
    public func sample(limit: Int) throws(StoreError) -> [(id: String, title: String?, language: String?, words: Int)] {
        let statement = try database.prepare("SELECT id, title, language, word_count FROM pages ORDER BY id LIMIT ?1")
        try statement.bind(limit, at: 1)
        var rows: [(String, String?, String?, Int)] = []
        while try statement.step() {
            rows.append(
                (statement.string(at: 0) ?? "", statement.string(at: 1), statement.string(at: 2), statement.int(at: 3)))
        }
        return rows
    }

    private func strings(_ sql: String) throws(StoreError) -> [String] {
        let statement = try database.prepare(sql)
        var values: [String] = []
        while try statement.step() { values.append(statement.string(at: 0) ?? "") }
        return values
    }
}
