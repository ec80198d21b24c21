import ArgumentParser
import Cluster
import Extraction
import Foundation
import LoadTest
import Logging
import PageGenerator
import PageInput
import PageModel
import Store
import Synchronization
import WireProtocol
import ZeroMQ

/// The load tester: the whole cluster on generated (or given) pages held in memory, closed
/// loop or open loop, with throughput, end-to-end latency percentiles and CPU per role.
struct ClusterBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Load-test the cluster: throughput, end-to-end latency and CPU per role.",
        discussion: """
            Runs a producer and a collector in this process and worker processes beside them, on \
            pages held in memory: generated (a pool of --distinct pages cycled under fresh ids) or \
            read from the inputs given. Closed loop by default (as fast as it goes); --rate makes it \
            an open loop, where each page's latency counts from the time it was due, so a stall is \
            not hidden. Prints a line a second on standard error, then a summary; --json prints the \
            summary as one JSON object. --workers 1,2,4 runs one test per count and a scaling table. \
            With --producer/--collector the roles bind those endpoints, and workers started \
            elsewhere (--workers 0 for none here) can take part.

            Examples:
              pagemill bench --pages 20000 --workers 2 --json
              pagemill bench --workers 1,2,4 --pages 5000
              pagemill bench --rate 300 --pages 6000 --workers 2
            """
    )

    @Argument(help: "Files, folders or JSON Lines files to send instead of generated pages (read into memory).")
    var inputs: [String] = []

    @Option(help: "Pages to send.")
    var pages: Int = 10_000

    @Option(help: "Distinct generated pages, cycled through under fresh ids.")
    var distinct: Int = 2_000

    @Option(help: "The seed of the generated pages.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Smallest generated page, in bytes.", valueName: "bytes"))
    var minSize: Int = 5_000

    @Option(
        help: ArgumentHelp("Largest generated page, in bytes (sizes spread evenly on a log scale).", valueName: "bytes")
    )
    var maxSize: Int = 200_000

    @Option(
        help: ArgumentHelp(
            "The share of generated pages that are HTML, 0 to 1; the rest are plain text.", valueName: "share"))
    var htmlShare: Double = 0.75

    @Option(
        help: ArgumentHelp(
            "Languages of the generated pages, comma-separated (\(PageGenerator.availableLanguages.joined(separator: ","))).",
            valueName: "codes"))
    var languages: String?

    @Option(
        help: ArgumentHelp(
            "Worker processes, or a comma-separated list for a sweep (default: the number of cores).",
            valueName: "counts"))
    var workers: String = String(ProcessInfo.processInfo.activeProcessorCount)

    @Option(
        help: ArgumentHelp(
            "Open loop: pages offered a second. Without it, the test runs closed loop.", valueName: "pages/s"))
    var rate: Double?

    @Option(help: ArgumentHelp("Pages each worker holds at most.", valueName: "count"))
    var credit: Int = 4

    @Option(help: ArgumentHelp("Endpoint the producer binds (default: a private ipc:// one).", valueName: "endpoint"))
    var producer: String?

    @Option(help: ArgumentHelp("Endpoint the collector binds (default: a private ipc:// one).", valueName: "endpoint"))
    var collector: String?

    @Option(
        help:
            "The SQLite database to write (default: a temporary one, removed after); a sweep appends -N for N workers.")
    var db: String?

    @Option(help: ArgumentHelp("Pages read but not yet committed, at most.", valueName: "count"))
    var maxInFlight: Int = 1024

    @Flag(
        help: ArgumentHelp(
            "Measure the message path alone: workers send an empty record for each page.", visibility: .hidden))
    var noOpWorkers = false

    @Flag(help: "Print the summary as one JSON object on standard output.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    var workerCounts: [Int] {
        workers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        guard !workerCounts.isEmpty, workerCounts.allSatisfy({ $0 >= 0 }),
            workerCounts.count == workers.split(separator: ",").count
        else {
            throw ValidationError("--workers takes a count or a list of counts, such as 1,2,4")
        }
        if workerCounts.contains(0) && (producer == nil || collector == nil) {
            throw ValidationError("--workers 0 needs --producer and --collector, for workers started elsewhere")
        }
        guard pages >= 1, distinct >= 1, maxInFlight >= 1 else {
            throw ValidationError("--pages, --distinct and --max-in-flight must be at least 1")
        }
        guard minSize >= 100, maxSize >= minSize else {
            throw ValidationError("sizes: 100 <= --min-size <= --max-size")
        }
        guard (0...1).contains(htmlShare) else { throw ValidationError("--html-share is between 0 and 1") }
        if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
        if let languages {
            let unknown = Set(languages.split(separator: ",").map(String.init)).subtracting(
                PageGenerator.availableLanguages)
            guard unknown.isEmpty else {
                throw ValidationError("unknown languages: \(unknown.sorted().joined(separator: ", "))")
            }
        }
        for endpoint in [producer, collector].compactMap({ $0 }) {
            if let problem = Endpoint.problem(with: endpoint) { throw ValidationError(problem) }
        }
    }

    func run() throws {
        let pool = try loadPool()
        let logger = logging.makeLogger("pagemill.bench", defaultLevel: .warning)
        var runs: [LoadTestRun] = []
        for count in workerCounts {
            let databasePath = db.map { workerCounts.count > 1 ? "\($0)-\(count)" : $0 }
            let session = LoadTestSession(
                workers: count, pages: pages, pool: pool, rate: rate, credit: credit,
                maximumInFlight: maxInFlight, noOpWorkers: noOpWorkers,
                producerEndpoint: producer, collectorEndpoint: collector,
                database: databasePath, logger: logger)
            runs.append(try session.run())
        }
        let report = LoadTestReport(runs: runs)
        print(json ? report.json : report.text)
    }

    /// The pages to cycle through: read from the inputs, or generated.
    private func loadPool() throws -> [RawPage] {
        guard !inputs.isEmpty else {
            let chosen = languages.map { Set($0.split(separator: ",").map(String.init)) }
            let generator = PageGenerator(
                seed: seed, htmlShare: htmlShare, sizeRange: minSize...maxSize, languages: chosen)
            return GeneratedFeed.pool(size: min(distinct, pages), generator: generator)
        }
        let pool = try pagesInMemory(from: inputs, limit: pages)
        guard !pool.isEmpty else { throw failBeforeStart("no readable page in \(inputs.joined(separator: " "))") }
        return pool
    }
}
