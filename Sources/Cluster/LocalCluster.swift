import Foundation
import Logging
import PageModel
import Store
import ZeroMQ

/// The whole cluster on this machine, as `run` and `bench` start it: the producer and the
/// collector on threads of this process, workers as processes of this same executable,
/// restarted when they die, over `ipc://` endpoints in a private folder unless others are
/// given. SIGTERM or SIGINT lets the producer drain; a second one stops the collector too,
/// at once. Once the producer is done the collector drains, then the workers are stopped.
public final class LocalCluster {
    /// What to start.
    public struct Configuration: Sendable {
        /// Worker processes to keep running.
        public var workers: Int
        /// The database the collector writes.
        public var databasePath: String
        /// The endpoint the producer binds; nil for a private `ipc://` one.
        public var producerEndpoint: String?
        /// The endpoint the collector binds; nil for a private `ipc://` one.
        public var collectorEndpoint: String?
        /// The largest page, which sizes the collector's largest message.
        public var maximumPageBytes: Int
        /// The roles' timing.
        public var timing: ClusterTiming
        /// Seconds the workers get to stop on SIGTERM, once the collector has drained.
        public var workerStopGrace: Double
        /// Worker `i`'s settings, given the two endpoints.
        public var workerLaunch: @Sendable (_ index: Int, _ producer: String, _ collector: String) -> WorkerLaunch
        /// How the collector groups duplicates.
        public var deduplication = PageStore.Deduplication.standard
        /// What the collector does with a page whose id is already stored.
        public var existingPages = PageStore.ExistingPages.keep
        /// The kinds of link the collector writes to `links`.
        public var storedLinks: Set<PageLink.Kind> = PageStore.defaultStoredLinks

        /// Creates a configuration.
        public init(
            workers: Int, databasePath: String, maximumPageBytes: Int, timing: ClusterTiming = ClusterTiming(),
            producerEndpoint: String? = nil, collectorEndpoint: String? = nil, workerStopGrace: Double = 5,
            workerLaunch: @escaping @Sendable (_ index: Int, _ producer: String, _ collector: String) -> WorkerLaunch
        ) {
            self.workers = workers
            self.databasePath = databasePath
            self.maximumPageBytes = maximumPageBytes
            self.timing = timing
            self.producerEndpoint = producerEndpoint
            self.collectorEndpoint = collectorEndpoint
            self.workerStopGrace = workerStopGrace
            self.workerLaunch = workerLaunch
        }
    }

    /// What the producer is made of, given on the producer's own thread: its endpoint, its
    /// shutdown request and its statistics, to build a `Producer` with (the caller chooses
    /// the source, the journal and any commit observer).
    public struct ProducerParts: Sendable {
        /// The endpoint it binds.
        public let endpoint: String
        /// The request it watches.
        public let shutdown: ShutdownRequest
        /// Where it publishes its statistics.
        public let statistics: StatisticsBox<ProducerStatistics>
    }

    /// How a run ended, and what each part did.
    public struct Outcome: Sendable {
        /// Whether every page was committed, or a shutdown came first.
        public var producer: Producer.Outcome
        /// The producer's last statistics.
        public var producerStatistics: ProducerStatistics
        /// The collector's last statistics.
        public var collectorStatistics: CollectorStatistics
        /// Worker deaths seen (each restarted).
        public var workerRestarts: Int
        /// CPU seconds of the producer's and the collector's threads, and of all the workers.
        public var cpuSeconds: (producer: Double, collector: Double, workers: Double)
        /// From the start of the workers to the end of the run.
        public var seconds: Double
    }

    private let configuration: Configuration
    private let logger: Logger
    private let shutdown = (producer: ShutdownRequest(), collector: ShutdownRequest())
    private let statistics = (
        producer: StatisticsBox(ProducerStatistics()), collector: StatisticsBox(CollectorStatistics())
    )
    private var signals: ShutdownSignals?

    /// A local cluster, not yet started; SIGTERM and SIGINT are its from now on.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let (producer, collector) = shutdown
        signals = ShutdownSignals(producer) { _ in
            if producer.stage == .immediate { collector.request(.immediate) }
        }
    }

    /// Runs the cluster until the producer is done, calling `watch` with the producer's
    /// statistics every 50 ms (for progress), then drains the collector and stops the workers.
    /// The producer is built by `makeProducer` on its own thread.
    public func run(
        makeProducer: @escaping @Sendable (ProducerParts) throws -> Producer,
        watch: (ProducerStatistics) -> Void = { _ in }
    ) throws -> Outcome {
        let folder = try PrivateFolder()
        let producerEndpoint = configuration.producerEndpoint ?? "ipc://\(folder.path)/producer"
        let collectorEndpoint = configuration.collectorEndpoint ?? "ipc://\(folder.path)/collector"
        let context = try Context()
        let collectorThread = startCollector(context: context, producer: producerEndpoint, collector: collectorEndpoint)
        let parts = ProducerParts(
            endpoint: producerEndpoint, shutdown: shutdown.producer, statistics: statistics.producer)
        let producerThread = RoleThread(name: "producer") { () throws -> (Producer.Outcome, Double) in
            let outcome = try makeProducer(parts).run(context: context)
            return (outcome, Self.threadCPUSeconds())
        }
        let started = ContinuousClock.now
        let launch = configuration.workerLaunch
        let supervisor: WorkerSupervisor
        do {
            supervisor = try WorkerSupervisor(count: configuration.workers, logger: logger) {
                launch($0, producerEndpoint, collectorEndpoint)
            }
        } catch {
            stopRoles(producerThread, collectorThread)
            throw error
        }
        while !producerThread.isFinished {
            if shutdown.producer.stage == .running { supervisor.superviseOnce() }
            watch(statistics.producer.snapshot)
            Thread.sleep(forTimeInterval: 0.05)
        }
        watch(statistics.producer.snapshot)
        return try finish(producerThread, collectorThread, supervisor, started: started)
    }

    private func startCollector(context: Context, producer: String, collector: String) -> RoleThread<Double> {
        var settings = Collector.Configuration(
            producerEndpoint: producer, collectorEndpoint: collector,
            maximumMessageBytes: self.configuration.maximumPageBytes * 2 + (1 << 20),
            timing: self.configuration.timing)
        // Drained only after the producer has finished, every page acknowledged: nothing left
        // unsent to it is waited for.
        settings.producerLingerAfterDrainMilliseconds = 0
        let configuration = settings
        let (path, logger, shutdown, statistics) = (
            self.configuration.databasePath, logger, shutdown.collector, statistics.collector
        )
        let (deduplication, existingPages, storedLinks) = (
            self.configuration.deduplication, self.configuration.existingPages, self.configuration.storedLinks
        )
        return RoleThread(name: "collector") { () throws -> Double in
            let collector = Collector(
                configuration: configuration,
                store: try PageStore(
                    path: path, deduplication: deduplication, existingPages: existingPages, storedLinks: storedLinks),
                logger: logger,
                shutdown: shutdown, statistics: statistics)
            try collector.run(context: context)
            return Self.threadCPUSeconds()
        }
    }

    /// The producer is done: the collector drains what is left, then the workers stop.
    private func finish(
        _ producerThread: RoleThread<(Producer.Outcome, Double)>, _ collectorThread: RoleThread<Double>,
        _ supervisor: WorkerSupervisor, started: ContinuousClock.Instant
    ) throws -> Outcome {
        let outcome: Producer.Outcome, producerCPU: Double
        do {
            (outcome, producerCPU) = try producerThread.join()
        } catch {
            shutdown.collector.request(.immediate)
            join(collectorThread, "collector")
            supervisor.stopAll(grace: 1)
            throw error
        }
        // A producer that finished on its own saw every page committed: the workers hold
        // nothing, and stop while the collector drains (each waits a moment for a goodbye to
        // the producer that has gone). An interrupted run's workers first send what they hold.
        if outcome == .completed { supervisor.signalAll() }
        shutdown.collector.request(.drain)
        let collectorCPU: Double
        do {
            collectorCPU = try collectorThread.join()
        } catch {
            supervisor.stopAll(grace: 1)
            throw error
        }
        supervisor.stopAll(grace: configuration.workerStopGrace)
        return Outcome(
            producer: outcome, producerStatistics: statistics.producer.snapshot,
            collectorStatistics: statistics.collector.snapshot, workerRestarts: supervisor.restarts,
            cpuSeconds: (producerCPU, collectorCPU, supervisor.cpuSeconds),
            seconds: (ContinuousClock.now - started).inSeconds)
    }

    /// Stops both roles at once, when the workers could not be started.
    private func stopRoles(_ producer: RoleThread<(Producer.Outcome, Double)>, _ collector: RoleThread<Double>) {
        shutdown.producer.request(.immediate)
        shutdown.collector.request(.immediate)
        join(producer, "producer")
        join(collector, "collector")
    }

    /// Waits for a role stopped because of another error, the one to report: its own, if
    /// any, goes to the log.
    private func join<Result>(_ thread: RoleThread<Result>, _ role: String) {
        do {
            _ = try thread.join()
        } catch {
            logger.error("role stopped with an error", metadata: ["role": "\(role)", "error": "\(error)"])
        }
    }

    /// CPU time the calling thread has used.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
