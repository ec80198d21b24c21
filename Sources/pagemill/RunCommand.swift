import ArgumentParser
import Cluster
import Foundation
import Logging
import PageInput
import Store

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the whole cluster on this machine: producer, collector and N worker processes.",
        discussion: discussion
    )

    @Argument(help: "Files, folders, JSON Lines files or crawl archives to read; - reads JSON Lines from stdin.")
    var inputs: [String]

    @Option(help: "The SQLite database to write (created if missing).")
    var db: String

    @Option(help: "Worker processes to run (default: the number of cores).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Pages each worker holds at most.", valueName: "count"))
    var credit: Int = 4

    @Option(help: ArgumentHelp("Seconds one page may take before its worker is restarted.", valueName: "seconds"))
    var pageTimeout: Double = 30

    @Flag(help: ArgumentHelp("Print the first worker's settings and command line, and exit.", visibility: .hidden))
    var printWorkerLaunch = false

    @OptionGroup var journalOptions: JournalOptions
    @OptionGroup var limits: PageLimitOptions
    @OptionGroup var archiveOptions: ArchiveOptions
    @OptionGroup var dedup: DeduplicationOptions
    @OptionGroup var minhash: MinHashOptions
    @OptionGroup var quality: QualityOptions
    @OptionGroup var links: LinkOptions
    @OptionGroup var annotations: AnnotationOptions
    @OptionGroup var timing: TimingOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        try failingBeforeStart { () throws(InputError) in try PageSource.validate(self.inputs) }
        _ = try openCheckedStore(db)
        // Opened here to fail early, then again on the producer's thread, which owns it.
        let journalPath = journalOptions.path(defaultPath: db + ".producer-journal")
        _ = try journalOptions.open(defaultPath: db + ".producer-journal")
        if printWorkerLaunch {
            let launch = workerLaunch(0, "ipc://producer", "ipc://collector")
            print(try launch.json())
            print(String(decoding: try JSONEncoder().encode(launch.arguments), as: UTF8.self))
            return
        }
        let logger = logging.makeLogger("pagemill.run", defaultLevel: .warning)
        var configuration = LocalCluster.Configuration(
            workers: workers, databasePath: db, maximumPageBytes: limits.maxPageBytes, timing: timing.timing,
            workerStopGrace: timing.drainGrace, workerLaunch: workerLaunch)
        configuration.deduplication = dedup.deduplication(minhash)
        configuration.existingPages = dedup.onExisting.policy
        configuration.storedLinks = links.storedLinks.kinds
        let cluster = LocalCluster(configuration: configuration, logger: logger)
        let (inputs, maximumPageBytes, clusterTiming) = (self.inputs, limits.maxPageBytes, timing.timing)
        let total = StatisticsBox<Int?>(nil)
        if !inputs.contains("-") {
            Thread.detachNewThread { total.publish(PageCounter.count(inputs)) }
        }
        let progress = ProgressDisplay()
        let outcome: LocalCluster.Outcome
        do {
            outcome = try cluster.run(
                makeProducer: { parts in
                    Producer(
                        configuration: .init(
                            endpoint: parts.endpoint, maximumPageBytes: maximumPageBytes, timing: clusterTiming),
                        source: try archiveOptions.source(inputs: inputs, maximumPageBytes: maximumPageBytes),
                        journal: try journalPath.map { try ProducerJournal(path: $0) },
                        logger: logger, shutdown: parts.shutdown, statistics: parts.statistics)
                },
                watch: { progress.update($0, total: total.snapshot) })
        } catch {
            progress.finish()
            throw failBeforeStart("\(error)")
        }
        progress.finish()
        print(RunSummary(outcome, database: db).text)
        if outcome.producer == .interrupted { throw ExitCode(1) }
    }

    /// Worker `index`'s settings: this command's, and this process as its parent.
    private var workerLaunch: @Sendable (Int, String, String) -> WorkerLaunch {
        let (credit, maximumPageBytes, pageTimeout) = (credit, limits.maxPageBytes, pageTimeout)
        let (lease, peerTimeout, drainGrace) = (timing.lease, timing.peerTimeout, timing.drainGrace)
        let (logLevel, parent, minhash) = ((logging.logLevel ?? .warning).rawValue, getpid(), minhash.launchValues)
        let (noQuality, redactPII, links) = (quality.noQuality, quality.redactPii, links.launchValue)
        let annotationFlags = annotations.launchFlags
        // Only grouping near duplicates reads the signatures: the workers leave them out otherwise.
        let noSignature = dedup.dedup != .near
        return { index, producer, collector in
            var launch = WorkerLaunch(
                producer: producer, collector: collector, name: "worker-\(index + 1)", credit: credit,
                maximumPageBytes: maximumPageBytes, lease: lease, peerTimeout: peerTimeout,
                drainGrace: drainGrace, pageTimeout: pageTimeout, logLevel: logLevel, parentPID: parent,
                minhash: minhash)
            (launch.noQuality, launch.redactPII, launch.links) = (noQuality, redactPII, links)
            launch.annotationFlags = annotationFlags
            launch.noSignature = noSignature
            return launch
        }
    }
}
