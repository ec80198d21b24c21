import ArgumentParser
import Benchmarks
import Foundation

/// The producer's ceiling on crawl archives, with pages sent as stored and decoded.
struct BenchProducerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "producer",
        abstract: "The producer's ceiling on crawl archives: pages a second of its CPU, to no-op workers.",
        discussion: """
            Runs the cluster on the archives with workers that send an empty record for each page, \
            once with .warc.gz pages sent as stored (the gzip member as it is) and once decoded by \
            the producer, alternating for --rounds. Reports each way's best round: pages and wire \
            MB per second of the producer's own CPU time (its ceiling on one core; divide by a \
            worker core's extraction rate for the workers one producer can feed).

            Example: pagemill bench producer crawl/ --rounds 3
            """
    )

    @Argument(help: "Crawl archives, or folders of them.")
    var inputs: [String]

    @Option(help: "No-op worker processes.")
    var workers: Int = 2

    @Option(help: "Rounds of each way; the best is reported.")
    var rounds: Int = 3

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard workers >= 1, rounds >= 1 else { throw ValidationError("--workers and --rounds must be at least 1") }
    }

    func run() throws {
        let logger = logging.makeLogger("pagemill.bench", defaultLevel: .warning)
        let ceiling = ProducerCeiling(inputs: inputs, workers: workers, rounds: rounds)
        let report = try ceiling.run(logger: logger) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        try printResult(report, json: json)
    }
}
