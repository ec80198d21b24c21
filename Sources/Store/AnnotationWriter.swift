import PageModel

/// Writes what the workers found in a page's text into the tables a reader joins on `page_id`:
/// its key phrases into `keywords`, its entities into `entities`, its quotations into `quotes`.
/// A page replaced by a later fetch has its rows replaced.
final class AnnotationWriter {
    private let keywords: PageRowTable
    private let entities: PageRowTable
    private let quotes: PageRowTable

    init(_ database: Database) throws(StoreError) {
        keywords = try PageRowTable(database, table: "keywords", columns: ["phrase", "score"])
        entities = try PageRowTable(database, table: "entities", columns: ["name", "kind", "forms", "mentions"])
        quotes = try PageRowTable(database, table: "quotes", columns: ["quote", "speaker"])
    }

    /// Writes `record`'s rows; `replacing`: the page's earlier rows go first.
    func write(_ record: PageRecord, replacing: Bool = false) throws(StoreError) {
        if replacing {
            for table in [keywords, entities, quotes] { try table.deleteRows(of: record.id) }
        }
        for (position, keyword) in record.keywords.enumerated() {
            try keywords.insertRow(of: record.id, at: position) { statement throws(StoreError) in
                try statement.bind(keyword.phrase, at: 3)
                try statement.bind(keyword.score, at: 4)
            }
        }
        for (position, entity) in record.entities.enumerated() {
            try entities.insertRow(of: record.id, at: position) { statement throws(StoreError) in
                try statement.bind(entity.name, at: 3)
                try statement.bind(entity.kind.rawValue, at: 4)
                try statement.bind(PageRecord.jsonArray(entity.forms), at: 5)
                try statement.bind(entity.count, at: 6)
            }
        }
        for (position, quote) in record.quotes.enumerated() {
            try quotes.insertRow(of: record.id, at: position) { statement throws(StoreError) in
                try statement.bind(quote.text, at: 3)
                try statement.bind(quote.speaker, at: 4)
            }
        }
    }
}
