import Foundation

/// The figures of one load-test run: one worker count.
public struct LoadTestRun: BenchmarkResult {
    /// Worker processes started for the run (0: workers elsewhere, connected to the endpoints).
    public var workers: Int
    /// "closed" (as fast as it goes) or "open" (pages released at `rate`).
    public var mode: String
    /// Pages a second offered in an open-loop run.
    public var rate: Double?
    public var pages: Int
    public var stored: Int
    public var failed: Int
    public var seconds: Double
    public var pagesPerSecond: Double
    public var megabytesPerSecond: Double
    /// Fresh pages the producer handed out a second, from the first to the last.
    public var dispatchPerSecond: Double
    /// From each page's first dispatch (closed loop) or scheduled time (open loop) to the
    /// producer hearing that it is committed.
    public var latency: LatencySummary
    public var cpuSeconds: CPUSeconds
    public var errors: Errors

    /// CPU time each role used during the run.
    public struct CPUSeconds: Codable, Sendable {
        public var producer: Double
        public var collector: Double
        /// All worker processes together, restarted ones included.
        public var workers: Double

        public init(producer: Double, collector: Double, workers: Double) {
            self.producer = producer
            self.collector = collector
            self.workers = workers
        }
    }

    /// What went wrong, counted.
    public struct Errors: Codable, Sendable {
        public var failedPages: Int
        public var redelivered: Int
        public var workerRestarts: Int
        public var rejectedMessages: Int

        public init(failedPages: Int, redelivered: Int, workerRestarts: Int, rejectedMessages: Int) {
            self.failedPages = failedPages
            self.redelivered = redelivered
            self.workerRestarts = workerRestarts
            self.rejectedMessages = rejectedMessages
        }
    }

    public init(
        workers: Int, mode: String, rate: Double?, pages: Int, stored: Int, failed: Int, seconds: Double,
        dispatchSeconds: Double = 0, bytes: Int, latency: LatencySummary, cpuSeconds: CPUSeconds, errors: Errors
    ) {
        self.workers = workers
        self.mode = mode
        self.rate = rate
        self.pages = pages
        self.stored = stored
        self.failed = failed
        self.seconds = seconds
        self.pagesPerSecond = Double(stored + failed) / max(seconds, 1e-9)
        self.megabytesPerSecond = Double(bytes) / 1e6 / max(seconds, 1e-9)
        self.dispatchPerSecond = dispatchSeconds > 0 ? Double(pages) / dispatchSeconds : 0
        self.latency = latency
        self.cpuSeconds = cpuSeconds
        self.errors = errors
    }
}

/// A whole load test: its runs, and for a sweep over worker counts, how throughput scaled.
public struct LoadTestReport: BenchmarkResult {
    public var runs: [LoadTestRun]
    public var scaling: [ScalingRow]

    /// One row of the scaling table: throughput against the run with the fewest workers.
    public struct ScalingRow: Codable, Sendable {
        public var workers: Int
        public var pagesPerSecond: Double
        public var speedUp: Double
        /// Speed-up divided by the worker ratio: 1 is perfect scaling.
        public var efficiency: Double
    }

    public init(runs: [LoadTestRun]) {
        self.runs = runs
        let base = runs.filter { $0.workers > 0 }.min { $0.workers < $1.workers }
        scaling =
            runs.count < 2
            ? []
            : runs.compactMap { run in
                guard let base, run.workers > 0, base.pagesPerSecond > 0 else { return nil }
                let speedUp = run.pagesPerSecond / base.pagesPerSecond
                return ScalingRow(
                    workers: run.workers, pagesPerSecond: run.pagesPerSecond, speedUp: speedUp,
                    efficiency: speedUp / (Double(run.workers) / Double(base.workers)))
            }
    }

    /// The report for people.
    public var text: String {
        var lines = runs.map(\.text)
        if !scaling.isEmpty {
            lines += ["", "| workers | pages/s | speed-up | efficiency |", "|---|---|---|---|"]
            for row in scaling {
                let pagesPerSecond = format(row.pagesPerSecond, 1), speedUp = format(row.speedUp, 2)
                lines.append(
                    "| \(row.workers) | \(pagesPerSecond) | \(speedUp)× | \(format(row.efficiency * 100, 0)) % |")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension LoadTestRun {
    /// The run for people: a few lines.
    public var text: String {
        let rateText = rate.map { " at \(format($0, 0)) pages/s" } ?? ""
        let throughput = "\(format(pagesPerSecond, 1)) pages/s, \(format(megabytesPerSecond, 2)) MB/s"
        let percentiles = [("p50", latency.p50), ("p90", latency.p90), ("p99", latency.p99), ("p99.9", latency.p999)]
            .map { "\($0) \(format($1, 1))" }.joined(separator: "  ")
        let cpu = [
            ("producer", cpuSeconds.producer), ("collector", cpuSeconds.collector), ("workers", cpuSeconds.workers),
        ]
        .map { "\($0) \(format($1, 2))" }.joined(separator: ", ")
        return [
            "workers \(workers), \(mode) loop\(rateText)",
            "  pages:       \(stored) stored, \(failed) failed of \(pages) in \(format(seconds, 2)) s",
            "  throughput:  \(throughput); dispatch \(format(dispatchPerSecond, 1)) pages/s",
            "  latency ms:  \(percentiles)  max \(format(latency.max, 1))",
            "  cpu seconds: \(cpu)",
            "  errors:      \(errors.failedPages) failed pages, \(errors.redelivered) redelivered, "
                + "\(errors.workerRestarts) worker restarts, \(errors.rejectedMessages) rejected messages",
        ].joined(separator: "\n")
    }
}
