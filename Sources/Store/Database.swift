import CSQLite

/// An open SQLite connection. Not thread-safe: use it from one thread (the collector's, say).
/// Closed when released.
public final class Database {
    let handle: OpaquePointer
    /// The file the connection is open on.
    public let path: String

    /// Opens (creating if needed) the database at `path`, in WAL mode with a busy timeout.
    public init(path: String, readOnly: Bool = false) throws(StoreError) {
        _ = Self.configureOnce
        var connection: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let result = sqlite3_open_v2(path, &connection, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard result == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let connection { sqlite3_close_v2(connection) }
            throw StoreError(.open, resultCode: result, message: message, path: path)
        }
        self.handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, 5000)
        if !readOnly {
            try enableWriteAheadLog()
            try execute("PRAGMA synchronous = NORMAL")
        }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// How long a statement waits for a lock another connection holds before it fails busy.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Process-wide settings, applied before the first connection initializes SQLite: without
    /// memory statistics, allocations take no global lock.
    private static let configureOnce: Int32 = pagemill_sqlite_disable_memory_statistics()

    /// Switching a new database to WAL needs it to itself, and SQLite reports "locked" at once,
    /// without waiting, when another connection is opening it at the same moment (a collector
    /// and a reader starting together): try again for as long as the busy timeout.
    private func enableWriteAheadLog() throws(StoreError) {
        var attempts = 0
        while true {
            do {
                try execute("PRAGMA journal_mode = WAL")
                return
            } catch {
                let primary = error.resultCode & 0xFF
                guard primary == SQLITE_BUSY || primary == SQLITE_LOCKED, attempts < 100 else { throw error }
                attempts += 1
                sqlite3_sleep(50)
            }
        }
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(StoreError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard result == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorMessage)
            throw StoreError(.step, resultCode: result, message: message, sql: sql, path: path)
        }
    }

    /// Compiles a statement for repeated use.
    public func prepare(_ sql: String) throws(StoreError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<Result>(_ body: () throws(StoreError) -> Result) throws(StoreError) -> Result {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// The schema version kept in `PRAGMA user_version`.
    public var userVersion: Int {
        get throws(StoreError) {
            let statement = try prepare("PRAGMA user_version")
            guard try statement.step() else { return 0 }
            return statement.int(at: 0)
        }
    }

    /// The number of rows the last statement changed.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows inserted, changed or deleted on this connection since it opened.
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// The rowid of the row the last INSERT on this connection wrote.
    public var lastInsertedRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
