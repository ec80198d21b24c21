import ArgumentParser
import Cluster
import Extraction
import Foundation
import LoadTest
import Logging
import PageInput
import PageModel
import Store
import Synchronization
import ZeroMQ

/// One load-test run: producer and collector on threads of this process, `workers` worker
/// processes, a line of progress a second on standard error, and the figures at the end.
struct LoadTestSession {
    let workers: Int
    let pages: Int
    let pool: [RawPage]
    let rate: Double?
    let credit: Int
    let maximumInFlight: Int
    let noOpWorkers: Bool
    let producerEndpoint: String?
    let collectorEndpoint: String?
    let database: String?
    let logger: Logger

    /// The first dispatch and the last commit: the span throughput is measured over.
    private struct Span {
        var first: ContinuousClock.Instant?
        var last: ContinuousClock.Instant?
    }

    func run() throws -> LoadTestRun {
        let folder = try PrivateFolder()
        let producerEndpoint = self.producerEndpoint ?? "ipc://\(folder.path)/producer"
        let collectorEndpoint = self.collectorEndpoint ?? "ipc://\(folder.path)/collector"
        let databasePath = database ?? folder.path + "/bench.sqlite"
        do {
            _ = try PageStore(path: databasePath)
        } catch {
            throw failBeforeStart("cannot use --db \(databasePath): \(error)")
        }
        let shutdown = LocalClusterShutdown()
        defer { withExtendedLifetime(shutdown) {} }
        let (producerShutdown, collectorShutdown) = (shutdown.producer, shutdown.collector)

        let context = try Context()
        let timing = ClusterTiming()
        let maximumPageBytes = max(16 << 20, pool.map(\.body.count).max() ?? 0)
        let producerStatistics = StatisticsBox(ProducerStatistics())
        let collectorStatistics = StatisticsBox(CollectorStatistics())
        let latencies = LatencyRecorder()
        let span = Mutex(Span())
        let (logger, pages, pool, rate, maximumInFlight) = (
            self.logger, self.pages, self.pool, self.rate, self.maximumInFlight
        )

        let collectorThread = RoleThread(name: "collector") { () throws -> Double in
            let collector = Collector(
                configuration: .init(
                    producerEndpoint: producerEndpoint, collectorEndpoint: collectorEndpoint,
                    maximumMessageBytes: maximumPageBytes * 2 + (1 << 20), timing: timing),
                store: try PageStore(path: databasePath), logger: logger, shutdown: collectorShutdown,
                statistics: collectorStatistics)
            try collector.run(context: context)
            return Self.threadCPUSeconds()
        }
        let feedBytes = Mutex(0)
        let producerThread = RoleThread(name: "producer") { () throws -> (Producer.Outcome, Double) in
            let feed = GeneratedFeed(count: pages, pool: pool, rate: rate)
            feedBytes.withLock { $0 = feed.totalBytes }
            let producer = Producer(
                configuration: .init(
                    endpoint: producerEndpoint, maximumPageBytes: maximumPageBytes,
                    maximumInFlight: maximumInFlight, timing: timing,
                    // The credit asked for on the command line is granted in full.
                    maximumCreditPerWorker: max(64, credit)),
                source: feed, logger: logger, shutdown: producerShutdown, statistics: producerStatistics,
                commitObserver: { ticket, dispatched, committed in
                    // Open loop: from when the page was due, however late it left.
                    latencies.record(committed - (feed.scheduledTime(ofTicket: ticket) ?? dispatched))
                    span.withLock { span in
                        span.first = min(span.first ?? dispatched, dispatched)
                        span.last = committed
                    }
                })
            let outcome = try producer.run(context: context)
            return (outcome, Self.threadCPUSeconds())
        }

        let workerArguments = { (index: Int) -> [String] in
            WorkerLaunch(
                producer: producerEndpoint, collector: collectorEndpoint, name: "bench-worker-\(index + 1)",
                credit: credit, maximumPageBytes: maximumPageBytes, logLevel: "warning", noOp: noOpWorkers,
                parentPID: getpid()
            ).arguments
        }
        let supervisor = try WorkerSupervisor(count: workers, logger: logger, arguments: workerArguments)
        let progress = ProgressLine()
        while !producerThread.isFinished {
            if producerShutdown.stage == .running { supervisor.superviseOnce() }
            progress.tick(producerStatistics.snapshot, latency: latencies)
            Thread.sleep(forTimeInterval: 0.05)
        }
        let outcome: Producer.Outcome
        let producerCPU: Double
        do {
            (outcome, producerCPU) = try producerThread.join()
        } catch {
            collectorShutdown.request(.immediate)
            supervisor.stopAll(grace: 1)
            throw failBeforeStart("\(error)")
        }
        collectorShutdown.request(.drain)
        let collectorCPU = try collectorThread.join()
        supervisor.stopAll(grace: 5)
        if outcome == .interrupted { throw ExitCode(1) }

        let statistics = producerStatistics.snapshot
        let measured = span.withLock { $0 }
        let seconds = measured.first.flatMap { first in measured.last.map { ($0 - first).inSeconds } } ?? 0
        return LoadTestRun(
            workers: workers, mode: rate == nil ? "closed" : "open", rate: rate, pages: pages,
            stored: statistics.stored, failed: statistics.failed, seconds: seconds,
            dispatchSeconds: statistics.firstDispatchAt.flatMap { first in
                statistics.lastDispatchAt.map { ($0 - first).inSeconds }
            } ?? 0,
            bytes: feedBytes.withLock { $0 }, latency: latencies.summary,
            cpuSeconds: .init(producer: producerCPU, collector: collectorCPU, workers: supervisor.cpuSeconds),
            errors: .init(
                failedPages: statistics.failed, redelivered: statistics.redelivered,
                workerRestarts: supervisor.restarts,
                rejectedMessages: statistics.rejectedMessages + collectorStatistics.snapshot.rejectedMessages))
    }

    /// CPU time the calling thread has used.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// One line a second on standard error: elapsed, sent/s, stored/s, MB/s, in flight, p50 and p99.
final class ProgressLine {
    private let started = ContinuousClock.now
    private var lastLine = ContinuousClock.now
    private var last = ProducerStatistics()

    func tick(_ statistics: ProducerStatistics, latency: LatencyRecorder) {
        let now = ContinuousClock.now
        let interval = (now - lastLine).inSeconds
        guard interval >= 1 else { return }
        let summary = latency.summary
        let sent = Double(statistics.read - last.read) / interval
        let stored = Double(statistics.done - last.done) / interval
        let megabytes = Double(statistics.bytesDone - last.bytesDone) / 1e6 / interval
        let line = String(
            format: "%6.1f s  sent %7.1f/s  stored %7.1f/s  %6.2f MB/s  in flight %4d  p50 %7.1f ms  p99 %7.1f ms\n",
            (now - started).inSeconds, sent, stored, megabytes, statistics.inFlight, summary.p50, summary.p99)
        FileHandle.standardError.write(Data(line.utf8))
        lastLine = now
        last = statistics
    }
}
