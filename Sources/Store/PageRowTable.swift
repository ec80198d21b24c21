/// A table of rows that belong to a page (`page_id`, `position`, then its own columns): the
/// page's rows are written in order after the page, and replaced with it.
final class PageRowTable {
    private let insert: Statement
    private let delete: Statement

    /// Statements for `table`, whose columns after `page_id` and `position` are `columns`.
    init(_ database: Database, table: String, columns: [String]) throws(StoreError) {
        let names = (["page_id", "position"] + columns).joined(separator: ", ")
        let values = (1...columns.count + 2).map { "?\($0)" }.joined(separator: ", ")
        insert = try database.prepare("INSERT OR REPLACE INTO \(table) (\(names)) VALUES (\(values))")
        delete = try database.prepare("DELETE FROM \(table) WHERE page_id = ?1")
    }

    /// Deletes the page's rows.
    func deleteRows(of pageID: String) throws(StoreError) {
        try delete.bind(pageID, at: 1)
        defer { delete.reset() }
        try delete.step()
    }

    /// Inserts the page's row at `position`; `bind` binds the other columns, from parameter 3.
    func insertRow(
        of pageID: String, at position: Int, _ bind: (Statement) throws(StoreError) -> Void
    ) throws(StoreError) {
        try insert.bind(pageID, at: 1)
        try insert.bind(position, at: 2)
        defer { insert.reset() }
        try bind(insert)
        try insert.step()
    }
}
