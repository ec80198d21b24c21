import Benchmarks
import Foundation
import PageGenerator
import Testing

/// Each benchmark's result is a value: measured in this process, printed as text, and read
/// back from its JSON under the keys `Benchmarks/suite.py` reads.
@Suite struct BenchmarkResultTests {
    private func decoded<Result: BenchmarkResult>(_ result: Result) throws -> Result {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Result.self, from: Data(try result.json().utf8))
    }

    @Test func extractionMeasuresEveryPageEveryRound() throws {
        let pool = GeneratedFeed.pool(size: 6, generator: PageGenerator(seed: 3, sizeRange: 2_000...4_000))
        let result = ExtractionBenchmark(pages: pool, rounds: 2, threads: 2).run()
        #expect(result.pages == 6 && result.rounds == 2 && result.threads == 2 && result.refused == 0)
        #expect(result.pagesPerSecond > 0 && result.bestPagesPerSecond >= result.pagesPerSecond * 0.999)
        #expect(try result.json().contains("\"best_pages_per_second\":"))
        #expect(try decoded(result).bytes == pool.reduce(0) { $0 + $1.body.count })
        #expect(result.text.contains("6 (") && result.text.contains("2 threads"))
    }

    @Test func theStoreBenchmarkStoresEveryRowInBothRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var rounds: [StoreBenchmark.Round] = []
        let result = try StoreBenchmark(rows: 300, rowBytes: 512, folder: folder.path, rounds: 1).run {
            rounds.append($1)
        }
        #expect(rounds.count == 1 && result.roundShares.count == 1)
        #expect(result.plainSqliteRowsPerSecond > 0 && result.collectorRowsPerSecond > 0)
        #expect(abs(result.collectorShare - rounds[0].share) < 1e-9)
        #expect(try result.json().contains("\"collector_share\":"))
        #expect(try decoded(result).rows == 300)
    }
}
