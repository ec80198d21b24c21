/// A table of rows that belong to a page (`page`, the page's number, `position`, then its own
/// columns): the page's rows are written in order after the page, and replaced with it.
final class PageRowTable {
    private let insert: Statement
    private let delete: Statement

    /// Statements for `table`, whose columns after `page_id` and `position` are `columns`.
    init(_ database: Database, table: String, columns: [String]) throws(StoreError) {
        let names = (["page", "position"] + columns).joined(separator: ", ")
        let values = (1...columns.count + 2).map { "?\($0)" }.joined(separator: ", ")
        insert = try database.prepare("INSERT OR REPLACE INTO \(table) (\(names)) VALUES (\(values))")
        delete = try database.prepare("DELETE FROM \(table) WHERE page = ?1")
    }

    /// Deletes the rows of the page numbered `page`.
    func deleteRows(of page: Int) throws(StoreError) {
        try delete.bind(page, at: 1)
        defer { delete.reset() }
        try delete.step()
    }

    /// Inserts the row at `position` of the page numbered `page`; `bind` binds the other
    /// columns, from parameter 3.
    func insertRow(
        of page: Int, at position: Int, _ bind: (Statement) throws(StoreError) -> Void
    ) throws(StoreError) {
        try insert.bind(page, at: 1)
        try insert.bind(position, at: 2)
        defer { insert.reset() }
        try bind(insert)
        try insert.step()
    }
}
