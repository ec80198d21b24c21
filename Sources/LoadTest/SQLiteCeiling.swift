import Extraction
import Store

/// The plain SQLite limit for storing records: one prepared INSERT of the bare columns, in
/// batched transactions, WAL mode, on a fresh file — the ceiling the collector is compared with.
public enum SQLiteCeiling {
    /// Rows a second inserting `records` into a new database at `path`, `batch` rows a transaction.
    public static func rowsPerSecond(path: String, records: [PageRecord], batch: Int = 512) throws(StoreError) -> Double {
        let database = try Database(path: path)
        try database.execute("""
            CREATE TABLE pages (id TEXT PRIMARY KEY, url TEXT, title TEXT, authors TEXT, language TEXT,
                text TEXT NOT NULL, word_count INTEGER NOT NULL, content_hash TEXT NOT NULL) WITHOUT ROWID
            """)
        let insert = try database.prepare("INSERT INTO pages VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        let started = ContinuousClock.now
        var index = 0
        while index < records.count {
            let end = min(records.count, index + batch)
            try database.transaction { () throws(StoreError) in
                for record in records[index..<end] {
                    try insert.bind(record.id, at: 1)
                    try insert.bind(record.url, at: 2)
                    try insert.bind(record.title, at: 3)
                    try insert.bind(record.authors.joined(separator: ", "), at: 4)
                    try insert.bind(record.language, at: 5)
                    try insert.bind(record.text, at: 6)
                    try insert.bind(record.wordCount, at: 7)
                    try insert.bind(record.contentHash, at: 8)
                    _ = try insert.step()
                    insert.reset()
                }
            }
            index = end
        }
        let elapsed = ContinuousClock.now - started
        return Double(records.count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// `count` records of about `textBytes` bytes of text each, as a worker would send them.
    public static func sampleRecords(count: Int, textBytes: Int) -> [PageRecord] {
        let words = ["river", "storm", "market", "council", "harbour", "season", "morning", "bridge", "garden", "station"]
        var text = ""
        var index = 0
        while text.utf8.count < textBytes {
            text += words[index % words.count] + (index % 12 == 11 ? ".\n\n" : " ")
            index += 1
        }
        return (0..<count).map { number in
            PageRecord(id: "row-\(number)", url: "https://example.com/\(number)", title: "Title \(number)", authors: ["Ann Lee"],
                       language: "en", text: text, wordCount: index, contentHash: String(number, radix: 16))
        }
    }
}
