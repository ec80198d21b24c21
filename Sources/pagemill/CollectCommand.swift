import ArgumentParser
import Cluster
import Foundation
import Store
import ZeroMQ

struct CollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Commit records from workers to SQLite, then acknowledge them to the producer.",
        discussion: """
            Binds --collector and connects to --producer. Runs until SIGTERM or SIGINT: the first \
            signal commits what has arrived and stops; what was not committed is redelivered.

            Example: pagemill collect --db pages.sqlite --collector tcp://0.0.0.0:5558 --producer \
            tcp://producer-host:5557
            """
    )

    @Option(help: "The SQLite database to write (created if missing).")
    var db: String

    @OptionGroup var endpoints: EndpointOptions
    @OptionGroup var limits: PageLimitOptions
    @OptionGroup var timing: TimingOptions
    @OptionGroup var logging: LoggingOptions
    @OptionGroup var health: HealthOptions
    @OptionGroup var curve: CurveOptions
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var dedup: DeduplicationOptions
    @OptionGroup var minhash: MinHashOptions
    @OptionGroup var links: LinkOptions

    @Option(help: ArgumentHelp("Records per transaction, at most.", valueName: "count"))
    var batchSize: Int = 512

    func run() throws {
        let store = try openCheckedStore(
            db, deduplication: dedup.deduplication(minhash), existingPages: dedup.onExisting.policy,
            storedLinks: links.storedLinks.kinds)
        let logger = logging.makeLogger("pagemill.collect")
        let runner = RoleRunner(logger: logger)
        var configuration = Collector.Configuration(
            producerEndpoint: endpoints.producer, collectorEndpoint: endpoints.collector,
            maximumMessageBytes: limits.maxPageBytes * 2 + (1 << 20), batchSize: batchSize,
            timing: timing.timing)
        configuration.curve = try curve.settings(binds: true, connects: true)
        CurveOptions.warnIfExposed(endpoints.collector, curve: configuration.curve, logger: logger)
        let collector = Collector(
            configuration: configuration,
            store: store, logger: logger, shutdown: runner.shutdown)
        let statistics = collector.statistics
        let metricsServer = try metrics.start(logger: logger) { ClusterMetrics.collector(statistics.snapshot) }
        let healthFile = health.start(collector.heartbeat) {
            statistics.snapshot.holdingBack.map { "holding back: " + $0 }
        }
        let context = try Context()
        try runner.run(alongside: [metricsServer.companion, healthFile.companion]) { () throws(ClusterError) in
            try collector.run(context: context)
        }
    }
}
