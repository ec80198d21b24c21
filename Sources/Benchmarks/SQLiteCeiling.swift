import PageModel
import Store

/// The plain SQLite limit for storing records: the collector's own table (its schema, its
/// index), filled by one prepared INSERT of every column in batched transactions, WAL mode, on
/// a fresh file: what SQLite can do with these rows, without messages, decoding or bookkeeping.
/// SQLite's own checkpoints run inside the commits, and a last one ends the measurement.
public enum SQLiteCeiling {
    /// Rows a second inserting `records` into a new database at `path`, `batch` rows a transaction.
    public static func rowsPerSecond(path: String, records: [PageRecord], batch: Int = 512) throws(StoreError) -> Double
    {
        _ = try PageStore(path: path)
        let database = try Database(path: path)
        let insert = try database.prepare(PageStore.insertSQL)
        // Encoded beforehand: the ceiling measures SQLite, not JSON.
        let authors = records.map { PageRecord.jsonArray($0.authors) }
        let tags = records.map { PageRecord.jsonArray($0.tags) }
        let started = ContinuousClock.now
        var index = 0
        while index < records.count {
            let end = min(records.count, index + batch)
            try database.transaction { () throws(StoreError) in
                let storedAt = PageStore.timestamp()
                for (offset, record) in records[index..<end].enumerated() {
                    try insert.bind(record.id, at: 1)
                    try insert.bind(record.url, at: 2)
                    try insert.bind(record.canonicalURL, at: 3)
                    try insert.bind(record.title, at: 4)
                    try insert.bind(authors[index + offset], at: 5)
                    try insert.bind(record.published, at: 6)
                    try insert.bind(record.language, at: 7)
                    try insert.bind(record.description, at: 8)
                    try insert.bind(record.siteName, at: 9)
                    try insert.bind(tags[index + offset], at: 10)
                    try insert.bind(record.image, at: 11)
                    try insert.bind(record.text, at: 12)
                    try insert.bind(record.wordCount, at: 13)
                    try insert.bind(record.contentHash, at: 14)
                    try insert.bind("bench", at: 15)
                    try insert.bind(0.0, at: 16)
                    try insert.bind(storedAt, at: 17)
                    _ = try insert.step()
                    insert.reset()
                }
            }
            index = end
        }
        // Until the log is back in the database, as for the collector, whose checkpoints run on
        // a thread of their own and finish before it stops.
        try database.execute("PRAGMA wal_checkpoint(PASSIVE)")
        let elapsed = ContinuousClock.now - started
        return Double(records.count)
            / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// `count` records of about `textBytes` bytes of text each, as a worker would send them.
    public static func sampleRecords(count: Int, textBytes: Int) -> [PageRecord] {
        let words = [
            "river", "storm", "market", "council", "harbour", "season", "morning", "bridge", "garden", "station",
        ]
        var text = ""
        var index = 0
        while text.utf8.count < textBytes {
            text += words[index % words.count] + (index % 12 == 11 ? ".\n\n" : " ")
            index += 1
        }
        return (0..<count).map { number in
            PageRecord(
                id: "row-\(number)", url: "https://example.com/\(number)", title: "Title \(number)",
                authors: ["Ann Lee"],
                language: "en", text: text, wordCount: index, contentHash: String(number, radix: 16))
        }
    }
}
