import CSQLite

/// SQLite's "copy the bytes now" destructor, which Swift cannot import as a constant.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A compiled SQL statement, finalized when released. Bind with 1-based indices, step, read
/// columns with 0-based ones, reset to run again.
public final class Statement {
    private let handle: OpaquePointer
    private let database: Database
    /// The SQL text, for error messages.
    public let sql: String

    init(database: Database, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard result == SQLITE_OK, let statement else {
            throw StoreError(.prepare, resultCode: result, message: database.lastMessage, sql: sql, path: database.path)
        }
        self.handle = statement
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds a value to the 1-based parameter `index`; nil binds NULL.
    public func bind(_ value: String?, at index: Int32) throws(StoreError) {
        let result: Int32
        if var value {
            // The bytes and their length straight from the string: no C string built, no strlen.
            result = value.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { text in
                    // A null pointer would bind NULL: the empty string needs a real one.
                    guard let start = text.baseAddress else {
                        return sqlite3_bind_text(handle, index, "", 0, transient)
                    }
                    return sqlite3_bind_text(handle, index, start, Int32(clamping: text.count), transient)
                }
            }
        } else {
            result = sqlite3_bind_null(handle, index)
        }
        try check(result, .bind)
    }

    /// Binds an integer to the 1-based parameter `index`.
    public func bind(_ value: Int, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_int64(handle, index, Int64(value)), .bind)
    }

    /// Binds an integer to the 1-based parameter `index`; nil binds NULL.
    public func bind(_ value: Int?, at index: Int32) throws(StoreError) {
        guard let value else { return try check(sqlite3_bind_null(handle, index), .bind) }
        try bind(value, at: index)
    }

    /// Binds a real number to the 1-based parameter `index`.
    public func bind(_ value: Double, at index: Int32) throws(StoreError) {
        try check(sqlite3_bind_double(handle, index, value), .bind)
    }

    /// Advances: true when a row is ready to read, false when the statement is done.
    @discardableResult
    public func step() throws(StoreError) -> Bool {
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw StoreError(.step, resultCode: result, message: database.lastMessage, sql: sql, path: database.path)
        }
    }

    /// Makes the statement ready to run again, clearing its bindings.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The integer in column `index` of the current row.
    public func int(at index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    /// The real number in column `index` of the current row.
    public func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    /// Binds 32-bit values as a blob of their little-endian bytes.
    public func bind(values: [UInt32], at index: Int32) throws(StoreError) {
        // Little-endian hosts (all pagemill runs on) bind the values' own bytes, uncopied.
        let little = 1.littleEndian == 1 ? values : values.map { $0.littleEndian }
        let result = little.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transient)
        }
        try check(result, .bind)
    }

    /// The blob in column `index` read as little-endian 16-bit values, widened; a blob of 32-bit
    /// values (`bind(values:at:)`) of `count` values is read as the low halves of its values.
    public func lowHalves(at index: Int32, count: Int) -> [UInt32] {
        let bytes = Int(sqlite3_column_bytes(handle, index))
        guard bytes == count * 2 || bytes == count * 4, count > 0, let blob = sqlite3_column_blob(handle, index) else {
            return []
        }
        let width = bytes / count
        return [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            for position in 0..<count {
                let half = UInt16(littleEndian: blob.loadUnaligned(fromByteOffset: position * width, as: UInt16.self))
                buffer[position] = UInt32(half)
            }
            initialized = count
        }
    }

    /// Binds the low 16 bits of each value as a blob of little-endian 16-bit values.
    public func bind(lowHalves values: [UInt32], at index: Int32) throws(StoreError) {
        let halves = values.map { UInt16(truncatingIfNeeded: $0).littleEndian }
        let result = halves.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), transient)
        }
        try check(result, .bind)
    }

    /// The text in column `index` of the current row, nil for NULL.
    public func string(at index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: text)
    }

    private func check(_ result: Int32, _ code: StoreError.Code) throws(StoreError) {
        guard result == SQLITE_OK else {
            throw StoreError(code, resultCode: result, message: database.lastMessage, sql: sql, path: database.path)
        }
    }
}
