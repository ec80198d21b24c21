import Cluster
import Foundation
import Logging
import PageInput
import PageModel
import Store
import Synchronization

/// One load-test run on the local cluster: `pages` pages cycled from `pool`, closed loop or,
/// with a `rate`, open loop, where each page's latency counts from the time it was due, so a
/// stall is not hidden. Throughput is measured from the first dispatch to the last commit.
public struct LoadTest: Sendable {
    /// Worker processes to start (0: workers elsewhere, connected to the endpoints).
    public var workers: Int
    /// Pages to send.
    public var pages: Int
    /// The distinct pages cycled through under fresh ids.
    public var pool: [RawPage]
    /// Open loop: pages offered a second; nil for closed loop.
    public var rate: Double?
    /// Pages each worker holds at most.
    public var credit = 4
    /// Pages read but not yet committed, at most.
    public var maximumInFlight = 1024
    /// Workers send an empty record for each page: the message path alone.
    public var noOpWorkers = false
    /// Endpoints the roles bind; nil for private `ipc://` ones.
    public var producerEndpoint: String?
    /// Endpoints the roles bind; nil for private `ipc://` ones.
    public var collectorEndpoint: String?
    /// The database to write; nil for a temporary one, removed after.
    public var databasePath: String?
    /// Inputs the producer reads as `run` does (crawl archives included), instead of `pool`:
    /// its own reading is part of what is measured. `pages` is then what they hold.
    public var streamedInputs: [String]?
    /// With `streamedInputs`: `.warc.gz` pages go to the workers as stored, not inflated.
    public var pagesAsStored = true

    /// A closed-loop test of `pages` pages from `pool` with `workers` workers.
    public init(workers: Int, pages: Int, pool: [RawPage], rate: Double? = nil) {
        self.workers = workers
        self.pages = pages
        self.pool = pool
        self.rate = rate
    }

    /// What the producer's thread observes as the test runs.
    private final class Observations: Sendable {
        /// The first dispatch and the last commit: the span throughput is measured over.
        struct Span {
            var first: ContinuousClock.Instant?
            var last: ContinuousClock.Instant?
        }

        let latencies = LatencyRecorder()
        let span = Mutex(Span())
        let feedBytes = Mutex(0)
    }

    /// Runs the test, calling `progress` about once a second.
    public func run(logger: Logger, progress: (LoadTestProgress) -> Void = { _ in }) throws -> LoadTestRun {
        let scratch = try PrivateFolder()
        let databasePath = self.databasePath ?? scratch.path + "/bench.sqlite"
        do {
            _ = try PageStore(path: databasePath)
        } catch {
            throw BenchmarkError(.failed, "cannot use the database \(databasePath): \(error)")
        }
        let maximumPageBytes = max(16 << 20, pool.map(\.body.count).max() ?? 0)
        let cluster = LocalCluster(
            configuration: .init(
                workers: workers, databasePath: databasePath, maximumPageBytes: maximumPageBytes,
                producerEndpoint: producerEndpoint, collectorEndpoint: collectorEndpoint,
                workerLaunch: workerLaunch(maximumPageBytes: maximumPageBytes)),
            logger: logger)
        let observed = Observations()
        var meter = LoadTestProgress.Meter()
        let outcome = try cluster.run(
            makeProducer: makeProducer(maximumPageBytes: maximumPageBytes, logger: logger, observed: observed),
            watch: { statistics in meter.tick(statistics, latency: observed.latencies).map(progress) })
        guard outcome.producer == .completed else {
            throw BenchmarkError(.interrupted, "interrupted before every page was stored")
        }
        let span = observed.span.withLock { $0 }
        return report(
            outcome, seconds: span.first.flatMap { first in span.last.map { ($0 - first).inSeconds } } ?? 0,
            bytes: streamedInputs == nil ? observed.feedBytes.withLock { $0 } : outcome.producerStatistics.bytesRead,
            latency: observed.latencies.summary)
    }

    private func makeProducer(
        maximumPageBytes: Int, logger: Logger, observed: Observations
    ) -> @Sendable (LocalCluster.ProducerParts) throws -> Producer {
        let (pages, pool, rate, maximumInFlight, credit) = (pages, pool, rate, maximumInFlight, credit)
        let (streamedInputs, pagesAsStored) = (streamedInputs, pagesAsStored)
        return { parts in
            let feed = GeneratedFeed(count: streamedInputs == nil ? pages : 0, pool: pool, rate: rate)
            observed.feedBytes.withLock { $0 = feed.totalBytes }
            var source: any PageFeed = feed
            if let streamedInputs {
                let reader = try PageSource(inputs: streamedInputs, maximumPageBytes: maximumPageBytes)
                reader.pagesAsStored = pagesAsStored
                source = reader
            }
            return Producer(
                configuration: .init(
                    endpoint: parts.endpoint, maximumPageBytes: maximumPageBytes, maximumInFlight: maximumInFlight,
                    // The credit asked for is granted in full.
                    maximumCreditPerWorker: max(64, credit)),
                source: source, logger: logger, shutdown: parts.shutdown, statistics: parts.statistics,
                commitObserver: { ticket, dispatched, committed in
                    // Open loop: from when the page was due, however late it left.
                    observed.latencies.record(committed - (feed.scheduledTime(ofTicket: ticket) ?? dispatched))
                    observed.span.withLock { span in
                        span.first = min(span.first ?? dispatched, dispatched)
                        span.last = committed
                    }
                })
        }
    }

    private func workerLaunch(maximumPageBytes: Int) -> @Sendable (Int, String, String) -> WorkerLaunch {
        let (credit, noOp, parent) = (credit, noOpWorkers, getpid())
        return { index, producer, collector in
            WorkerLaunch(
                producer: producer, collector: collector, name: "bench-worker-\(index + 1)", credit: credit,
                maximumPageBytes: maximumPageBytes, logLevel: "warning", noOp: noOp, parentPID: parent)
        }
    }

    private func report(
        _ outcome: LocalCluster.Outcome, seconds: Double, bytes: Int, latency: LatencySummary
    )
        -> LoadTestRun
    {
        let statistics = outcome.producerStatistics
        let dispatchSeconds =
            statistics.firstDispatchAt.flatMap { first in statistics.lastDispatchAt.map { ($0 - first).inSeconds } }
        return LoadTestRun(
            workers: workers, mode: rate == nil ? "closed" : "open", rate: rate,
            pages: streamedInputs == nil ? pages : statistics.stored + statistics.failed,
            stored: statistics.stored, failed: statistics.failed, seconds: seconds,
            dispatchSeconds: dispatchSeconds ?? 0,
            bytes: bytes, latency: latency,
            cpuSeconds: .init(
                producer: outcome.cpuSeconds.producer, collector: outcome.cpuSeconds.collector,
                workers: outcome.cpuSeconds.workers),
            errors: .init(
                failedPages: statistics.failed, redelivered: statistics.redelivered,
                workerRestarts: outcome.workerRestarts,
                rejectedMessages: statistics.rejectedMessages + outcome.collectorStatistics.rejectedMessages))
    }
}

/// A second of a load test: elapsed, sent/s, stored/s, MB/s, in flight, p50 and p99.
public struct LoadTestProgress: Sendable {
    /// The figures as one line for people.
    public let line: String

    /// Turns the producer's statistics into one progress value a second.
    struct Meter {
        private let started = ContinuousClock.now
        private var lastLine = ContinuousClock.now
        private var last = ProducerStatistics()

        mutating func tick(_ statistics: ProducerStatistics, latency: LatencyRecorder) -> LoadTestProgress? {
            let now = ContinuousClock.now
            let interval = (now - lastLine).inSeconds
            guard interval >= 1 else { return nil }
            let summary = latency.summary
            let sent = Double(statistics.read - last.read) / interval
            let stored = Double(statistics.done - last.done) / interval
            let megabytes = Double(statistics.bytesDone - last.bytesDone) / 1e6 / interval
            lastLine = now
            last = statistics
            return LoadTestProgress(
                line: String(
                    format:
                        "%6.1f s  sent %7.1f/s  stored %7.1f/s  %6.2f MB/s  in flight %4d  p50 %7.1f ms  p99 %7.1f ms",
                    (now - started).inSeconds, sent, stored, megabytes, statistics.inFlight, summary.p50, summary.p99))
        }
    }
}
