import PageModel

/// Writes what the workers found in a page's text into the tables a reader joins on `page_id`:
/// its key phrases into `keywords`. A page replaced by a later fetch has its rows replaced.
final class AnnotationWriter {
    private let keywords: PageRowTable

    init(_ database: Database) throws(StoreError) {
        keywords = try PageRowTable(database, table: "keywords", columns: ["phrase", "score"])
    }

    /// Writes `record`'s rows; `replacing`: the page's earlier rows go first.
    func write(_ record: PageRecord, replacing: Bool = false) throws(StoreError) {
        if replacing { try keywords.deleteRows(of: record.id) }
        for (position, keyword) in record.keywords.enumerated() {
            try keywords.insertRow(of: record.id, at: position) { statement throws(StoreError) in
                try statement.bind(keyword.phrase, at: 3)
                try statement.bind(keyword.score, at: 4)
            }
        }
    }
}
