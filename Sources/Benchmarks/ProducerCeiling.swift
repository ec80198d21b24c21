import Foundation
import Logging

/// The producer's ceiling on crawl archives: it reads them as `run` does and hands every page
/// to no-op workers (an empty record back for each), once with `.warc.gz` pages sent as stored
/// (the worker would inflate them) and once decoded by the producer, alternating over
/// `rounds`. The figure that says how many workers one producer can feed is pages per second
/// of the producer's own CPU time, which the other roles on the machine do not move.
public struct ProducerCeiling: Sendable {
    public var inputs: [String]
    public var workers: Int
    public var rounds: Int

    public init(inputs: [String], workers: Int, rounds: Int) {
        self.inputs = inputs
        self.workers = workers
        self.rounds = rounds
    }

    /// Runs `rounds` of each way, and keeps each way's best round (most pages a CPU second).
    public func run(logger: Logger, progress: (String) -> Void) throws -> ProducerCeilingReport {
        var best: [String: ProducerCeilingReport.Way] = [:]
        for round in 1...rounds {
            for stored in [true, false] {
                var test = LoadTest(workers: workers, pages: 0, pool: [])
                (test.noOpWorkers, test.streamedInputs, test.pagesAsStored) = (true, inputs, stored)
                test.credit = 32
                let run = try test.run(logger: logger)
                let way = ProducerCeilingReport.Way(
                    name: stored ? "stored" : "decoded", pages: run.stored + run.failed,
                    pagesPerSecond: run.pagesPerSecond, wireMegabytesPerSecond: run.megabytesPerSecond,
                    producerCPUSeconds: run.cpuSeconds.producer)
                progress("round \(round), \(way.name): \(format(way.pagesPerProducerCPUSecond, 0)) pages/CPU-s")
                if way.pagesPerProducerCPUSecond > best[way.name]?.pagesPerProducerCPUSecond ?? 0 {
                    best[way.name] = way
                }
            }
        }
        return ProducerCeilingReport(ways: ["stored", "decoded"].compactMap { best[$0] })
    }
}

/// The producer's ceiling, each way of sending archive pages.
public struct ProducerCeilingReport: BenchmarkResult {
    /// One way of sending pages: `stored` (gzip members as they are) or `decoded`.
    public struct Way: Codable, Sendable {
        public var name: String
        public var pages: Int
        /// Pages a second through the whole machine (every role sharing its cores).
        public var pagesPerSecond: Double
        /// Bytes of page bodies on the wire, a second, in MB.
        public var wireMegabytesPerSecond: Double
        public var producerCPUSeconds: Double
        /// Pages the producer hands out per second of its own CPU time: its ceiling on one core.
        public var pagesPerProducerCPUSecond: Double {
            producerCPUSeconds > 0 ? Double(pages) / producerCPUSeconds : 0
        }
        /// Bytes of page bodies the producer sends per second of its CPU time, in MB.
        public var wireMegabytesPerProducerCPUSecond: Double {
            pagesPerSecond > 0 ? wireMegabytesPerSecond / pagesPerSecond * pagesPerProducerCPUSecond : 0
        }
    }

    public var ways: [Way]

    public var text: String {
        var lines = [
            "| pages sent | pages | pages/s (machine) | producer CPU s | pages/s a producer core "
                + "| MB/s on the wire a producer core |",
            "|---|---|---|---|---|---|",
        ]
        for way in ways {
            lines.append(
                "| \(way.name) | \(way.pages) | \(format(way.pagesPerSecond, 0)) "
                    + "| \(format(way.producerCPUSeconds, 2)) | \(format(way.pagesPerProducerCPUSecond, 0)) "
                    + "| \(format(way.wireMegabytesPerProducerCPUSecond, 1)) |")
        }
        return lines.joined(separator: "\n")
    }
}
