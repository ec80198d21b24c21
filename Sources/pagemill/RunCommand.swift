import ArgumentParser
import Cluster
import Extraction
import Foundation
import Logging
import PageInput
import Store
import Synchronization
import ZeroMQ

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole cluster on this machine: producer, collector and N worker processes.",
        discussion: """
            The producer and the collector run in this process; the workers are separate processes, \
            restarted if they die, talking over ipc:// endpoints in a private temporary folder. \
            Shows progress, then a summary. Exits 0 once every page is stored or recorded as \
            failed; SIGINT or SIGTERM drains, a second one stops at once.

            A journal beside the database (DB.producer-journal) records what was committed: run \
            the same command again after a crash and only the rest is processed. --fresh starts over.

            Example: pagemill run crawl/ dump.jsonl.gz --db pages.sqlite --workers 8
            """
    )

    @Argument(help: "Files, folders or JSON Lines files to read; - reads JSON Lines from standard input.")
    var inputs: [String]

    @Option(help: "The SQLite database to write (created if missing).")
    var db: String

    @Option(help: "Worker processes to run (default: the number of cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Pages each worker holds at most.", valueName: "count"))
    var credit: Int = 4

    @Option(
        help: ArgumentHelp(
            "Seconds one page's extraction may take before its worker is restarted and the page retried.",
            valueName: "seconds"))
    var pageTimeout: Double = 30

    @Flag(help: ArgumentHelp("Print the first worker's settings and command line, and exit.", visibility: .hidden))
    var printWorkerLaunch = false

    @OptionGroup var journalOptions: JournalOptions
    @OptionGroup var limits: PageLimitOptions
    @OptionGroup var timing: TimingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        do {
            try PageSource.validate(inputs)
        } catch {
            throw failBeforeStart("\(error)")
        }
        _ = try openCheckedStore(db)
        // Opened here to fail early, then again on the producer's thread, which owns it.
        let journalPath = journalOptions.path(defaultPath: db + ".producer-journal")
        _ = try journalOptions.open(defaultPath: db + ".producer-journal")
        let logger = logging.makeLogger("pagemill.run", defaultLevel: .warning)
        let folder = try PrivateFolder()
        let producerEndpoint = "ipc://\(folder.path)/producer"
        let collectorEndpoint = "ipc://\(folder.path)/collector"
        let workerLaunch = { (index: Int) -> WorkerLaunch in
            WorkerLaunch(
                producer: producerEndpoint, collector: collectorEndpoint, name: "worker-\(index + 1)", credit: credit,
                maximumPageBytes: limits.maxPageBytes, lease: timing.lease, peerTimeout: timing.peerTimeout,
                drainGrace: timing.drainGrace, pageTimeout: pageTimeout,
                logLevel: (logging.logLevel ?? .warning).rawValue, parentPID: getpid())
        }
        if printWorkerLaunch {
            print(workerLaunch(0).json)
            print(String(decoding: try JSONEncoder().encode(workerLaunch(0).arguments), as: UTF8.self))
            return
        }
        let workerArguments = { (index: Int) -> [String] in workerLaunch(index).arguments }
        let shutdown = LocalClusterShutdown()
        defer { withExtendedLifetime(shutdown) {} }
        let (producerShutdown, collectorShutdown) = (shutdown.producer, shutdown.collector)

        let context = try Context()
        let clusterTiming = timing.timing
        let maximumPageBytes = limits.maxPageBytes
        let (inputs, db) = (self.inputs, self.db)
        let producerStatistics = StatisticsBox(ProducerStatistics())
        let collectorStatistics = StatisticsBox(CollectorStatistics())

        let collectorThread = RoleThread(name: "collector") {
            let collector = Collector(
                configuration: .init(
                    producerEndpoint: producerEndpoint, collectorEndpoint: collectorEndpoint,
                    maximumMessageBytes: maximumPageBytes * 2 + (1 << 20), timing: clusterTiming),
                store: try PageStore(path: db), logger: logger, shutdown: collectorShutdown,
                statistics: collectorStatistics)
            try collector.run(context: context)
        }
        let producerThread = RoleThread(name: "producer") { () throws -> Producer.Outcome in
            let producer = Producer(
                configuration: .init(
                    endpoint: producerEndpoint, maximumPageBytes: maximumPageBytes, timing: clusterTiming),
                source: try PageSource(inputs: inputs, maximumPageBytes: maximumPageBytes),
                journal: try journalPath.map { try ProducerJournal(path: $0) },
                logger: logger, shutdown: producerShutdown, statistics: producerStatistics)
            return try producer.run(context: context)
        }
        let total = Mutex<Int?>(nil)
        if !inputs.contains("-") {
            Thread.detachNewThread { total.withLock { $0 = PageCounter.count(inputs) } }
        }

        let started = Date()
        let supervisor = try WorkerSupervisor(count: workers, logger: logger, arguments: workerArguments)
        let progress = ProgressDisplay()
        while !producerThread.isFinished {
            if producerShutdown.stage == .running { supervisor.superviseOnce() }
            progress.update(producerStatistics.snapshot, total: total.withLock { $0 })
            Thread.sleep(forTimeInterval: 0.05)
        }
        progress.update(producerStatistics.snapshot, total: total.withLock { $0 })
        progress.finish()
        let outcome: Producer.Outcome
        do {
            outcome = try producerThread.join()
        } catch {
            collectorShutdown.request(.immediate)
            supervisor.stopAll(grace: 1)
            throw failBeforeStart("\(error)")
        }
        collectorShutdown.request(.drain)
        try collectorThread.join()
        supervisor.stopAll(grace: timing.drainGrace)

        let elapsed = Date().timeIntervalSince(started)
        let statistics = producerStatistics.snapshot
        print(
            RunSummary(statistics: statistics, seconds: elapsed, workerRestarts: supervisor.restarts, database: db).text
        )
        if outcome == .interrupted { throw ExitCode(1) }
    }
}
