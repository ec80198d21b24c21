import ArgumentParser
import Benchmarks
import Store

/// The collector against the plain SQLite limit: the same rows, the same disk, the same run.
struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure the collector's stored rows/s against plain batched SQLite inserts of the same rows.",
        discussion: """
            First the ceiling: a bare prepared INSERT of the rows in transactions of 512, WAL mode, on a \
            fresh file. Then the collector itself, fed RESULT messages as fast as it takes them over \
            ZeroMQ, with this command standing in for the producer and counting acknowledgements: so \
            decoding, idempotent storing and acknowledging all count. Both end once the write-ahead \
            log is back in the database, with a last checkpoint (the collector's run on a thread of \
            their own as it goes). Dirty pages are flushed (sync) before each, so that neither pays \
            for the other's writeback.

            Example: pagemill bench store --rows 20000 --row-bytes 4096
            """
    )

    @Option(help: "Rows to store.")
    var rows: Int = 20_000

    @Option(help: ArgumentHelp("Bytes of text a row.", valueName: "bytes"))
    var rowBytes: Int = 4096

    @Option(
        help: ArgumentHelp(
            "Folder for the databases, on the disk to measure (default: a temporary folder).", valueName: "path"))
    var folder: String?

    @Option(
        help: ArgumentHelp(
            "Pairs of runs (plain SQLite, then the collector, each on new files); the median pair is reported.",
            valueName: "count"))
    var rounds: Int = 3

    @Option(
        help: ArgumentHelp(
            "Measure the collector grouping duplicates this way (exact or near) against itself with --dedup off, "
                + "on records of distinct texts with signatures, instead of against plain SQLite.",
            valueName: "mode"))
    var dedup: DeduplicationOptions.Mode?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard rows >= 1, rowBytes >= 1 else { throw ValidationError("--rows and --row-bytes must be at least 1") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        var benchmark = StoreBenchmark(rows: rows, rowBytes: rowBytes, folder: folder, rounds: rounds)
        benchmark.deduplication = dedup.map {
            PageStore.Deduplication(mode: $0.rawValue, threshold: PageStore.Deduplication.defaultThreshold)
        }
        let (json, rounds) = (self.json, self.rounds)
        let result = try failingBeforeStart {
            try benchmark.run { number, round in
                guard !json, rounds > 1 else { return }
                let share = String(format: "%.1f", round.share * 100)
                let baseline = dedup == nil ? "plain" : "dedup off"
                print(
                    "round \(number):        \(baseline) \(Int(round.plainRowsPerSecond)) rows/s, "
                        + "collector \(Int(round.collectorRowsPerSecond)) rows/s, \(share) %")
            }
        }
        try printResult(result, json: json)
    }
}
