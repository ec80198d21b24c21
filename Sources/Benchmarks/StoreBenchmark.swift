import Cluster
import Enrichment
import Foundation
import Logging
import PageModel
import Store
import WireProtocol
import ZeroMQ

/// The collector against the plain SQLite limit: the same rows, the same disk, the same run.
/// First the ceiling (`SQLiteCeiling`); then the collector itself, fed `RESULTS` messages as
/// fast as it takes them, with this benchmark standing in for the producer and counting
/// acknowledgements, so that decoding, idempotent storing and acknowledging all count. Both
/// end once the write-ahead log is back in the database.
public struct StoreBenchmark: Sendable {
    /// Rows to store.
    public var rows: Int
    /// Bytes of text a row.
    public var rowBytes: Int
    /// Folder for the databases, on the disk to measure; nil for a temporary folder.
    public var folder: String?
    /// Pairs of runs; the median pair is reported.
    public var rounds: Int
    /// When set, the pair is the collector grouping duplicates this way against the collector
    /// with `--dedup off`, on records of distinct texts (a tenth near copies) with signatures.
    public var deduplication: PageStore.Deduplication?

    /// One pair of runs.
    public struct Round: Codable, Sendable {
        public var plainRowsPerSecond: Double
        public var collectorRowsPerSecond: Double
        /// The collector's rate as a share of plain SQLite's.
        public var share: Double { collectorRowsPerSecond / max(plainRowsPerSecond, 1e-9) }
    }

    /// What one benchmark measured.
    public struct Result: BenchmarkResult {
        public var rows: Int
        public var rowBytes: Int
        public var plainSqliteRowsPerSecond: Double
        public var collectorRowsPerSecond: Double
        /// The median pair's share: the collector's rows/s over plain SQLite's.
        public var collectorShare: Double
        public var roundShares: [Double]
        /// What the collector was measured against: plain SQLite, or itself without dedup.
        public var baseline = "plain SQLite"

        public var text: String {
            let baselineLine =
                baseline == "plain SQLite"
                ? "plain SQLite:   \(Int(plainSqliteRowsPerSecond)) rows/s (prepared INSERT, 512 a transaction, WAL)"
                : "\(baseline): \(Int(plainSqliteRowsPerSecond)) rows/s"
            return [
                "rows:           \(rows) of \(rowBytes) bytes of text; the median of \(roundShares.count) pair(s)",
                baselineLine,
                "collector:      \(Int(collectorRowsPerSecond)) rows/s "
                    + "(RESULTS messages of 32 records in, rows committed, ACKs out)",
                "share:          \(format(collectorShare * 100, 1)) % of \(baseline)",
            ].joined(separator: "\n")
        }
    }

    /// A benchmark of `rows` rows of `rowBytes` bytes of text.
    public init(rows: Int, rowBytes: Int, folder: String? = nil, rounds: Int = 3) {
        self.rows = max(1, rows)
        self.rowBytes = max(1, rowBytes)
        self.folder = folder
        self.rounds = max(1, rounds)
    }

    /// Runs the pairs, calling `roundFinished` after each, and reports the median pair.
    public func run(roundFinished: (Int, Round) -> Void = { _, _ in }) throws -> Result {
        if let deduplication { return try runAgainstDedupOff(deduplication, roundFinished: roundFinished) }
        let records = SQLiteCeiling.sampleRecords(count: rows, textBytes: rowBytes)
        var pairs: [Round] = []
        for round in 1...rounds {
            let scratch = try PrivateFolder(inside: folder)
            // Each starts with no dirty pages, or the second would pay for the first's writeback.
            sync()
            let plainPath = scratch.path + "/plain.sqlite"
            let plain = try SQLiteCeiling.rowsPerSecond(path: plainPath, records: records)
            // Its files go before the collector's run, and their pages with them: else the
            // kernel reclaims them while the collector writes, and it pays for that.
            for suffix in ["", "-wal", "-shm"] { unlink(plainPath + suffix) }
            sync()
            let collector = try StandInProducer(folder: scratch.path).collectorRowsPerSecond(records: records)
            pairs.append(Round(plainRowsPerSecond: plain, collectorRowsPerSecond: collector))
            roundFinished(round, pairs[pairs.count - 1])
        }
        return result(of: pairs)
    }

    /// The median pair's figures, and every pair's share.
    private func result(of pairs: [Round]) -> Result {
        let median = pairs.sorted { $0.share < $1.share }[pairs.count / 2]
        return Result(
            rows: rows, rowBytes: rowBytes, plainSqliteRowsPerSecond: median.plainRowsPerSecond,
            collectorRowsPerSecond: median.collectorRowsPerSecond, collectorShare: median.share,
            roundShares: pairs.map(\.share))
    }

    /// The collector grouping duplicates against itself with `--dedup off`, alternating.
    private func runAgainstDedupOff(
        _ deduplication: PageStore.Deduplication, roundFinished: (Int, Round) -> Void
    ) throws -> Result {
        let records = Self.signedRecords(count: rows, textBytes: rowBytes)
        var pairs: [Round] = []
        for round in 1...rounds {
            var rates: [Double] = []
            for mode in [PageStore.Deduplication.off, deduplication] {
                let scratch = try PrivateFolder(inside: folder)
                sync()
                var standIn = StandInProducer(folder: scratch.path)
                standIn.deduplication = mode
                rates.append(try standIn.collectorRowsPerSecond(records: records))
            }
            pairs.append(Round(plainRowsPerSecond: rates[0], collectorRowsPerSecond: rates[1]))
            roundFinished(round, pairs[pairs.count - 1])
        }
        var figures = result(of: pairs)
        figures.baseline = "collector, --dedup off"
        return figures
    }

    /// Records of distinct texts, every tenth a near copy of the one before, with signatures.
    static func signedRecords(count: Int, textBytes: Int) -> [PageRecord] {
        var random = SystemRandomNumberGenerator()
        var previous: [String] = []
        return (0..<count).map { number in
            var words: [String]
            if number % 10 == 9, !previous.isEmpty {
                words = previous
                words[words.count / 2] = "edited"
            } else {
                words = []
                var bytes = 0
                while bytes < textBytes {
                    words.append("w\(UInt32.random(in: 0..<200_000, using: &random))")
                    bytes += words[words.count - 1].utf8.count + 1
                }
            }
            previous = words
            let text = words.joined(separator: " ")
            var record = PageRecord(
                id: "row-\(number)", url: "https://example.com/\(number)", title: "Title \(number)",
                language: "en", text: text, wordCount: words.count, contentHash: TextMeasures.contentHash(text),
                fetchedAt: "2024-01-01T00:00:00Z")
            record.minhash = MinHasher.standard.signature(of: text)
            return record
        }
    }
}
