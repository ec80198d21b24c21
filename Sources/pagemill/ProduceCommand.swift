import ArgumentParser
import Cluster
import Foundation
import PageInput
import ZeroMQ

struct ProduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Hand pages out to workers; exit once every page is committed or recorded as failed.",
        discussion: """
            Binds --producer. Inputs: files and folders (recursively: .html, .htm, .txt, with or \
            without .gz), JSON Lines files (.jsonl, .jsonl.gz: one page a line with id, url, html \
            or text, fetched_at), or - for JSON Lines on standard input. Inputs are streamed.

            The journal (default ./pagemill-journal.sqlite) records what the collector committed: \
            run the same command again after a crash and only the rest is sent. --fresh starts over.

            Example: pagemill produce crawl/ --producer tcp://0.0.0.0:5557 --collector tcp://collector-host:5558
            """
    )

    @Argument(help: "Files, folders, JSON Lines files or crawl archives to read; - reads JSON Lines from stdin.")
    var inputs: [String]

    @OptionGroup var endpoints: EndpointOptions
    @OptionGroup var journalOptions: JournalOptions
    @OptionGroup var limits: PageLimitOptions
    @OptionGroup var archives: ArchiveOptions
    @OptionGroup var timing: TimingOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var health: HealthOptions
    @OptionGroup var curve: CurveOptions
    @OptionGroup var metrics: MetricsOptions

    @Option(help: ArgumentHelp("Pages read but not yet committed, at most (bounds memory).", valueName: "count"))
    var maxInFlight: Int = 1024

    @Option(
        help: ArgumentHelp(
            "Bytes of pages read but not yet committed, at most (bounds memory when pages are large).",
            valueName: "bytes"))
    var maxInFlightBytes: Int = 256 << 20

    @Option(help: ArgumentHelp("Pages one worker may hold at once, whatever credit it asks for.", valueName: "count"))
    var maxCredit: Int = 64

    func validate() throws {
        guard maxInFlight >= 1 else { throw ValidationError("--max-in-flight must be at least 1") }
        guard maxInFlightBytes >= 1 else { throw ValidationError("--max-in-flight-bytes must be at least 1") }
        guard maxCredit >= 1 else { throw ValidationError("--max-credit must be at least 1") }
    }

    func run() throws {
        let source: PageSource
        do {
            source = try archives.source(inputs: inputs, maximumPageBytes: limits.maxPageBytes)
        } catch {
            throw failBeforeStart("\(error)")
        }
        let journal = try journalOptions.open(defaultPath: "pagemill-journal.sqlite")
        let logger = logging.makeLogger("pagemill.produce")
        if let journal, journal.startedOver {
            logger.warning("the journal was of an older format; starting over")
        }
        let runner = RoleRunner(logger: logger)
        // Counted on the side, for the ETA `pagemill status` shows.
        let totalPages = StatisticsBox<Int?>(nil)
        if !inputs.contains("-") {
            let inputs = self.inputs
            Thread.detachNewThread { totalPages.publish(PageCounter.count(inputs)) }
        }
        var configuration = Producer.Configuration(
            endpoint: endpoints.producer, maximumPageBytes: limits.maxPageBytes,
            maximumInFlight: maxInFlight, timing: timing.timing, maximumCreditPerWorker: maxCredit)
        configuration.maximumInFlightBytes = maxInFlightBytes
        configuration.curve = try curve.settings(binds: true, connects: false)
        CurveOptions.warnIfExposed(endpoints.producer, curve: configuration.curve, logger: logger)
        if let settings = configuration.curve, settings.collectorKeys.isEmpty {
            logger.warning(
                "CURVE without --curve-collector-key: any allowed key may act as the collector and acknowledge pages")
        }
        let producer = Producer(
            configuration: configuration,
            source: source, journal: journal, logger: logger, shutdown: runner.shutdown, totalPages: totalPages)
        let statistics = producer.statistics
        let metricsServer = try metrics.start(logger: logger) { ClusterMetrics.producer(statistics.snapshot) }
        let healthFile = health.start(producer.heartbeat)
        let context = try Context()
        let outcome = try runner.run(alongside: [metricsServer.companion, healthFile.companion]) {
            () throws(ClusterError) in try producer.run(context: context)
        }
        let summary = producer.statistics.snapshot
        print(
            "produced: \(summary.stored) stored, \(summary.failed) failed, \(summary.duplicates) duplicate ids "
                + "(already stored), \(summary.redelivered) redelivered, \(summary.resumed) committed in an earlier run"
        )
        if summary.unreadableArchiveRecords > 0 { print("damaged records: \(summary.unreadableArchiveRecords)") }
        if summary.resumedArchives > 0 {
            print("archives resumed: \(summary.resumedArchives) (\(summary.resumedArchiveBytes) bytes not read again)")
        }
        if !summary.skippedRecords.isEmpty {
            let counts = summary.skippedRecords.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            print("not pages: " + counts.joined(separator: ", ") + " (archive records, not failures)")
        }
        if summary.forgedAcknowledgements > 0 {
            print("ignored: \(summary.forgedAcknowledgements) acknowledgements from peers that are not the collector")
        }
        print(
            "bad traffic: rejected: \(summary.rejectedMessages) messages, \(summary.failedHandshakes) failed "
                + "handshakes, \(summary.closedConnections) connections closed, \(summary.refusedPeers) peers refused "
                + "(CURVE key not allowed)"
        )
        if outcome == .interrupted {
            throw ExitCode(1)
        }
    }
}
