import PageModel

/// Writes what the workers found in a page's text under the page's number: its key phrases into
/// `keyword_rows`, its entities into `entity_rows`, its quotations into `quote_rows` (which a
/// reader sees with the page's id as the views `keywords`, `entities` and `quotes`).
/// A page replaced by a later fetch has its rows replaced.
final class AnnotationWriter {
    private let keywords: PageRowTable
    private let entities: PageRowTable
    private let quotes: PageRowTable

    init(_ database: Database) throws(StoreError) {
        keywords = try PageRowTable(database, table: "keyword_rows", columns: ["phrase", "score"])
        entities = try PageRowTable(database, table: "entity_rows", columns: ["name", "kind", "forms", "mentions"])
        quotes = try PageRowTable(database, table: "quote_rows", columns: ["quote", "speaker"])
    }

    /// Writes `record`'s rows under `page`, its number; `replacing`: the page's earlier rows go first.
    func write(_ record: PageRecord, page: Int, replacing: Bool = false) throws(StoreError) {
        if replacing {
            for table in [keywords, entities, quotes] { try table.deleteRows(of: page) }
        }
        for (position, keyword) in record.keywords.enumerated() {
            try keywords.insertRow(of: page, at: position) { statement throws(StoreError) in
                try statement.bind(keyword.phrase, at: 3)
                try statement.bind(keyword.score, at: 4)
            }
        }
        for (position, entity) in record.entities.enumerated() {
            try entities.insertRow(of: page, at: position) { statement throws(StoreError) in
                try statement.bind(entity.name, at: 3)
                try statement.bind(entity.kind.rawValue, at: 4)
                try statement.bind(PageRecord.jsonArray(entity.forms), at: 5)
                try statement.bind(entity.count, at: 6)
            }
        }
        for (position, quote) in record.quotes.enumerated() {
            try quotes.insertRow(of: page, at: position) { statement throws(StoreError) in
                try statement.bind(quote.text, at: 3)
                try statement.bind(quote.speaker, at: 4)
            }
        }
    }
}
