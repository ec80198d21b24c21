import ArgumentParser
import Benchmarks
import Foundation
import WireProtocol

/// The load tester: the whole cluster on generated (or given) pages held in memory, closed
/// loop or open loop, with throughput, end-to-end latency percentiles and CPU per role.
struct BenchClusterCommand: ParsableCommand {
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

    @OptionGroup var generated: GeneratedPageOptions

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
        guard pages >= 1, maxInFlight >= 1 else {
            throw ValidationError("--pages and --max-in-flight must be at least 1")
        }
        if let rate, rate <= 0 { throw ValidationError("--rate must be positive") }
        for endpoint in [producer, collector].compactMap({ $0 }) {
            if let problem = Endpoint.problem(with: endpoint) { throw ValidationError(problem) }
        }
    }

    func run() throws {
        let pool =
            inputs.isEmpty
            ? generated.pool(pages: pages)
            : try failingBeforeStart { () throws(BenchmarkError) in
                try BenchmarkPages.read(from: inputs, limit: pages)
            }
        let logger = logging.makeLogger("pagemill.bench", defaultLevel: .warning)
        let runs = try workerCounts.map { count in
            var test = LoadTest(workers: count, pages: pages, pool: pool, rate: rate)
            (test.credit, test.maximumInFlight, test.noOpWorkers) = (credit, maxInFlight, noOpWorkers)
            (test.producerEndpoint, test.collectorEndpoint) = (producer, collector)
            test.databasePath = db.map { workerCounts.count > 1 ? "\($0)-\(count)" : $0 }
            do {
                return try test.run(logger: logger) { FileHandle.standardError.write(Data(($0.line + "\n").utf8)) }
            } catch let error as BenchmarkError where error.code == .interrupted {
                throw ExitCode(1)
            } catch {
                throw failBeforeStart("\(error)")
            }
        }
        try printResult(LoadTestReport(runs: runs), json: json)
    }
}
