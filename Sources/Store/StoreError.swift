/// An error from the store, with SQLite's result code and message and the SQL concerned.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// What the store was doing.
    public enum Code: String, Sendable {
        case open, prepare, bind, step, migration, corrupt
    }

    /// What the store was doing.
    public let code: Code
    /// SQLite's extended result code.
    public let resultCode: Int32
    /// SQLite's message.
    public let message: String
    /// The statement concerned, if any.
    public let sql: String?
    /// The database file.
    public let path: String?

    /// Creates an error.
    public init(_ code: Code, resultCode: Int32, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
        self.path = path
    }

    /// Whether SQLite found the file damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`), whatever it
    /// was doing at the time.
    public var isDamage: Bool {
        code == .corrupt || resultCode & 0xFF == 11 || resultCode & 0xFF == 26
    }

    /// The error that refuses a damaged database: `problems`, in SQLite's words, and what to do.
    static func damaged(_ problems: [String], path: String?) -> StoreError {
        StoreError(
            .corrupt, resultCode: 11,
            message: "the database is damaged: " + problems.joined(separator: "; ")
                + " (restore it from a copy, or name a new file)", path: path)
    }

    public var description: String {
        var text = "SQLite \(code.rawValue) error \(resultCode): \(message)"
        if let path { text += " (database \(path))" }
        if let sql { text += " in: \(sql.prefix(200))" }
        return text
    }
}
