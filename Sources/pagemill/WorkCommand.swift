import ArgumentParser
import Cluster
import Enrichment
import Extraction
import Foundation
import ZeroMQ

struct WorkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work",
        abstract: "Extract pages handed out by the producer and send the records to the collector.",
        discussion: """
            Connects to both endpoints and runs until SIGTERM or SIGINT: the first signal drains \
            (finishes the page at hand, hands back the rest), a second stops at once. If the \
            producer goes away the worker reconnects by itself, with backoff.

            Example: pagemill work --producer tcp://producer-host:5557 --collector tcp://collector-host:5558
            """
    )

    @OptionGroup var endpoints: EndpointOptions
    @OptionGroup var limits: PageLimitOptions
    @OptionGroup var timing: TimingOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var health: HealthOptions
    @OptionGroup var curve: CurveOptions
    @OptionGroup var minhash: MinHashOptions
    @OptionGroup var quality: QualityOptions
    @OptionGroup var links: LinkOptions
    @OptionGroup var annotations: AnnotationOptions

    @Flag(
        help: ArgumentHelp(
            "Leave out each record's near-duplicate signature (MinHash), for a collector that groups no near "
                + "duplicates (--dedup off or exact); run leaves it out by itself then. A collector with --dedup "
                + "near stores such records as unique."))
    var noSignature = false

    @Option(help: "The name this worker logs and stores records under (default: host-pid).")
    var name: String?

    @Option(help: ArgumentHelp("Pages the worker holds at most, the one at hand included.", valueName: "count"))
    var credit: Int = 4

    @Option(
        help: ArgumentHelp(
            "Seconds one page's extraction may take; past that the worker exits (status 3) and the page is "
                + "retried elsewhere, then recorded as failed. 0: no limit.",
            valueName: "seconds"))
    var pageTimeout: Double = 30

    @Flag(
        help: ArgumentHelp(
            "For fault-injection runs: pages holding PAGEMILL-POISON-HANG hang this worker, PAGEMILL-POISON-CRASH "
                + "kill it, PAGEMILL-POISON-SLOW take 3 s.",
            visibility: .hidden))
    var injectFaults = false

    @Flag(
        help: ArgumentHelp(
            "For load tests of the message path: send an empty record for each page, without extracting it.",
            visibility: .hidden))
    var noOp = false

    @Option(
        help: ArgumentHelp(
            "For workers started by run and bench: the process this worker must not outlive.", visibility: .hidden))
    var parentPid: Int32?

    @Flag(
        help: ArgumentHelp(
            "Print the settings this command line gives, as run and bench describe a worker, and exit.",
            visibility: .hidden))
    var printLaunch = false

    /// These settings as `run` and `bench` would have written them.
    var launch: WorkerLaunch {
        var launch = WorkerLaunch(
            producer: endpoints.producer, collector: endpoints.collector, name: name ?? "", credit: credit,
            maximumPageBytes: limits.maxPageBytes, lease: timing.lease, peerTimeout: timing.peerTimeout,
            drainGrace: timing.drainGrace, pageTimeout: pageTimeout, logLevel: (logging.logLevel ?? .info).rawValue,
            noOp: noOp, parentPID: parentPid, minhash: minhash.launchValues)
        (launch.noQuality, launch.redactPII, launch.links) = (quality.noQuality, quality.redactPii, links.launchValue)
        launch.annotationFlags = annotations.launchFlags
        launch.noSignature = noSignature
        return launch
    }

    func run() throws {
        if printLaunch {
            print(try launch.json())
            return
        }
        let logger = logging.makeLogger("pagemill.work")
        if let parentPid {
            do {
                if let warning = try ParentProcess.endWithParent(parentPid) { logger.warning("\(warning)") }
            } catch {
                logger.warning("\(error.detail)", metadata: ["parent": "\(parentPid)"])
                throw ExitCode(1)
            }
        }
        let runner = RoleRunner(logger: logger)
        let workerName = name ?? "\(ProcessInfo.processInfo.hostName)-\(getpid())"
        var configuration = Worker.Configuration(
            producerEndpoint: endpoints.producer, collectorEndpoint: endpoints.collector,
            name: workerName, credit: credit, maximumPageBytes: limits.maxPageBytes,
            timing: timing.timing,
            pageTimeLimit: pageTimeout > 0 ? .milliseconds(Int(pageTimeout * 1000)) : nil)
        configuration.injectFaults = injectFaults
        configuration.skipExtraction = noOp
        configuration.parentProcess = parentPid
        configuration.enricher = Enricher(minHasher: minhash.hasher, computesQuality: !quality.noQuality)
        (configuration.enricher.findsPII, configuration.enricher.redactsPII) = (!quality.noQuality, quality.redactPii)
        annotations.configure(&configuration.enricher)
        configuration.enricher.signs = !noSignature
        configuration.curve = try curve.settings(binds: false, connects: true)
        let worker = Worker(
            configuration: configuration,
            extractor: Extractor(maximumPageBytes: limits.maxPageBytes, linkKinds: links.storedLinks.kinds),
            logger: logger, shutdown: runner.shutdown)
        let healthFile = health.start(worker.heartbeat)
        let context = try Context()
        try runner.run(alongside: [healthFile.companion]) { () throws(ClusterError) in try worker.run(context: context)
        }
    }
}
