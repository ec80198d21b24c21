import Cluster
import Enrichment
import Foundation
import PageModel
import Store

/// What the near-duplicate index costs at scale: a store with `--dedup near` fed many pages of
/// tiny texts with synthetic signatures (random values; every hundredth a near copy of the one
/// before), then measured: the LSH buckets' memory, the process's growth in resident memory,
/// the index's tables on disk (`dbstat`), and the time a restarted collector takes to rebuild
/// the buckets when it opens the database.
public struct DuplicateIndexScale: Sendable {
    public var pages: Int
    public var folder: String?

    public init(pages: Int = 1_000_000, folder: String? = nil) {
        self.pages = pages
        self.folder = folder
    }

    public struct Result: BenchmarkResult {
        public var pages: Int
        public var groupedPages: Int
        public var storeSeconds: Double
        public var bucketBytes: Int
        public var residentGrowthBytes: Int
        /// Bytes on disk by table or index: the signatures, the pairs, the group index.
        public var indexDiskBytes: [String: Int]
        public var reopenSeconds: Double

        public var text: String {
            let million = 1_000_000 / Double(max(pages, 1))
            func perMillion(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) * million / 1e6) }
            let disk = indexDiskBytes.values.reduce(0, +)
            var lines = [
                "pages:          \(pages) stored with --dedup near in \(format(storeSeconds, 1)) s "
                    + "(\(format(Double(pages) / max(storeSeconds, 0.001), 0)) rows/s), \(groupedPages) in groups",
                "buckets:        \(format(Double(bucketBytes) / 1e6, 1)) MB in memory (\(perMillion(bucketBytes)) "
                    + "per million pages); resident memory grew \(format(Double(residentGrowthBytes) / 1e6, 1)) MB",
                "on disk:        \(format(Double(disk) / 1e6, 1)) MB for the index (\(perMillion(disk)) per million):",
            ]
            for (name, bytes) in indexDiskBytes.sorted(by: { $0.key < $1.key }) {
                lines.append("                \(name) \(format(Double(bytes) / 1e6, 1)) MB")
            }
            lines.append("reopened:       buckets rebuilt from the signatures in \(format(reopenSeconds, 2)) s")
            return lines.joined(separator: "\n")
        }
    }

    public func run(progress: (Int) -> Void = { _ in }) throws -> Result {
        let scratch = try PrivateFolder(inside: folder)
        let path = scratch.path + "/scale.sqlite"
        let residentBefore = Self.residentBytes()
        var store: PageStore? = try PageStore(path: path)
        let started = ContinuousClock.now
        var random = SystemRandomNumberGenerator()
        var previous: [UInt32] = []
        for start in stride(from: 0, to: pages, by: 512) {
            let batch = (start..<min(pages, start + 512)).map { number -> PageOutcome in
                var signature = (0..<112).map { _ in UInt32.random(in: 0...UInt32.max, using: &random) }
                if number % 100 == 99 {
                    // About 0.9 of the values kept: a near copy, grouped.
                    signature = previous.enumerated().map { $0 % 10 == 0 ? signature[$0] : $1 }
                }
                previous = signature
                var record = PageRecord(
                    id: "page-\(number)", text: "page \(number)", wordCount: 2,
                    contentHash: String(UInt64.random(in: 0...UInt64.max, using: &random), radix: 16))
                record.minhash = signature
                return .stored(record, worker: nil, extractionMilliseconds: 0)
            }
            try store?.store(batch)
            if start % 100_000 == 0 { progress(start) }
        }
        let storeSeconds = (ContinuousClock.now - started).inSeconds
        let bucketBytes = store?.duplicateIndexMemoryBytes ?? 0
        let residentGrowth = Self.residentBytes() - residentBefore
        let sizes = try store?.bytesByTable() ?? [:]
        let grouped = try store.map { try Self.count("SELECT count(*) FROM pages WHERE group_id IS NOT NULL", $0) }
        store = nil
        let reopening = ContinuousClock.now
        _ = try PageStore(path: path)
        return Result(
            pages: pages, groupedPages: grouped ?? 0, storeSeconds: storeSeconds, bucketBytes: bucketBytes,
            residentGrowthBytes: residentGrowth,
            indexDiskBytes: sizes.filter {
                ["page_signatures", "duplicate_pairs", "duplicate_pairs_b", "pages_group"]
                    .contains($0.key)
            },
            reopenSeconds: (ContinuousClock.now - reopening).inSeconds)
    }

    private static func count(_ sql: String, _ store: PageStore) throws -> Int {
        let statement = try store.database.prepare(sql)
        return try statement.step() ? statement.int(at: 0) : 0
    }

    /// This process's resident memory (VmRSS), in bytes.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
}
