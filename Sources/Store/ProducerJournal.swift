/// The producer's memory of what the collector has committed, kept in its own small SQLite
/// file so that a producer restarted after a crash sends only what is not yet stored.
///
/// It remembers pages by their identity (the fetch the collector acknowledged: the page id, and
/// its fetch time when known, `RawPage.fetchKey`), never by their position in the inputs:
/// inputs can change between runs (files added, a dump replaced by the next day's, another
/// stream on standard input) and a page is passed over only when that fetch was committed. It
/// is tied to the database it describes: the collector announces its database's id, and a
/// journal written for another database (deleted and made again, another file) starts over by
/// itself.
///
/// Lookups go to SQLite, not to memory: the producer's memory stays bounded however many
/// pages were committed; the file grows by about one id per page.
///
/// For crawl archives it also keeps, by archive path, an offset before which every record is
/// committed (or was not a page): a restarted producer seeks there instead of reading the
/// archive again from its start, and passes over committed records after it by their ids.
public final class ProducerJournal {
    private let database: Database
    private let insertPage: Statement
    private let lookUp: Statement
    private let writeOffset: Statement
    private let readOffset: Statement
    /// The id of the database this journal describes; nil until a collector has announced one.
    public private(set) var databaseID: String?
    /// How many pages the journal knows to be committed.
    public private(set) var committedCount: Int

    /// The format this build writes; a journal of another format is started over.
    static let format = "2"

    /// Opens the journal at `path`, creating it when missing. A journal of an older format
    /// (which kept positions in the inputs) is started over, and `startedOver` says so.
    public init(path: String) throws(StoreError) {
        database = try Database(path: path)
        try database.execute("CREATE TABLE IF NOT EXISTS run (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        let recordedFormat = try Self.value(of: "format", in: database)
        if recordedFormat != Self.format {
            startedOver = try Self.holdsAnything(database)
            try database.execute(
                """
                DROP TABLE IF EXISTS committed; DROP TABLE IF EXISTS committed_pages; DELETE FROM run;
                INSERT INTO run (key, value) VALUES ('format', '\(Self.format)');
                """)
        } else {
            startedOver = false
        }
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS committed_pages (id TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS archive_resume (archive TEXT PRIMARY KEY, offset INTEGER NOT NULL) WITHOUT ROWID;
            """)
        databaseID = try Self.value(of: "database", in: database)
        let count = try database.prepare("SELECT count(*) FROM committed_pages")
        _ = try count.step()
        committedCount = count.int(at: 0)
        insertPage = try database.prepare("INSERT OR IGNORE INTO committed_pages (id) VALUES (?1)")
        writeOffset = try database.prepare("INSERT OR REPLACE INTO archive_resume (archive, offset) VALUES (?1, ?2)")
        readOffset = try database.prepare("SELECT offset FROM archive_resume WHERE archive = ?1")
        lookUp = try database.prepare("SELECT 1 FROM committed_pages WHERE id = ?1")
    }

    /// True when the file held a journal of an older format and was cleared.
    public let startedOver: Bool

    /// Ties the journal to the database the collector announced. A journal that described
    /// another database is cleared; returns how many pages it forgot (0 when it matched).
    @discardableResult
    public func attach(toDatabase id: String) throws(StoreError) -> Int {
        guard id != databaseID else { return 0 }
        let forgotten = committedCount
        try database.transaction { () throws(StoreError) in
            try database.execute("DELETE FROM committed_pages; DELETE FROM archive_resume")
            let write = try database.prepare("INSERT OR REPLACE INTO run (key, value) VALUES ('database', ?1)")
            try write.bind(id, at: 1)
            try write.step()
        }
        databaseID = id
        committedCount = 0
        return forgotten
    }

    /// Whether the fetch with this key (`RawPage.fetchKey`) was committed to the journal's database.
    public func isCommitted(_ pageID: String) throws(StoreError) -> Bool {
        guard committedCount > 0 else { return false }
        try lookUp.bind(pageID, at: 1)
        defer { lookUp.reset() }
        return try lookUp.step()
    }

    /// Records committed fetches by key, and where archives may now be resumed from, in one
    /// transaction.
    public func record(_ pageIDs: [String], resumeOffsets: [String: Int] = [:]) throws(StoreError) {
        guard !pageIDs.isEmpty || !resumeOffsets.isEmpty else { return }
        try database.transaction { () throws(StoreError) in
            for id in pageIDs {
                try insertPage.bind(id, at: 1)
                try insertPage.step()
                committedCount += database.changes
                insertPage.reset()
            }
            for (archive, offset) in resumeOffsets {
                try writeOffset.bind(archive, at: 1)
                try writeOffset.bind(offset, at: 2)
                try writeOffset.step()
                writeOffset.reset()
            }
        }
    }

    /// The offset in `archive` before which every record is committed; nil when the journal
    /// knows none.
    public func resumeOffset(of archive: String) throws(StoreError) -> Int? {
        try readOffset.bind(archive, at: 1)
        defer { readOffset.reset() }
        return try readOffset.step() ? readOffset.int(at: 0) : nil
    }

    private static func value(of key: String, in database: Database) throws(StoreError) -> String? {
        let read = try database.prepare("SELECT value FROM run WHERE key = ?1")
        try read.bind(key, at: 1)
        return try read.step() ? read.string(at: 0) : nil
    }

    private static func holdsAnything(_ database: Database) throws(StoreError) -> Bool {
        let tables = try database.prepare(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('committed', 'committed_pages') LIMIT 1")
        return try tables.step()
    }
}
