import ArgumentParser
import Cluster
import Foundation
import Logging
import Metrics

/// `--metrics-port`: Prometheus metrics of this role at http://HOST:PORT/metrics.
struct MetricsOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Serve Prometheus metrics at http://0.0.0.0:PORT/metrics. (env: PAGEMILL_METRICS_PORT)", valueName: "port"))
    var metricsPort: Int?

    /// Starts serving `render`, when a port was asked for.
    func start(logger: Logger, render: @escaping @Sendable () -> String) throws -> MetricsServer? {
        guard
            let port = metricsPort ?? ProcessInfo.processInfo.environment["PAGEMILL_METRICS_PORT"].flatMap({ Int($0) })
        else { return nil }
        do {
            let server = try MetricsServer(port: port, render: render)
            logger.info("serving metrics", metadata: ["url": "http://0.0.0.0:\(server.port)/metrics"])
            return server
        } catch {
            throw failBeforeStart("--metrics-port \(port): \(error)")
        }
    }
}

extension MetricsServer? {
    /// The server as a service beside a role, when there is one.
    var companion: RoleRunner.Companion? {
        self.map { server in RoleRunner.Companion("metrics") { server.stop() } }
    }
}

/// The roles' statistics as Prometheus metrics, named by its conventions.
enum ClusterMetrics {
    static func producer(_ statistics: ProducerStatistics) -> String {
        var text = PrometheusText()
        text.counter(
            "pagemill_pages_dispatched_total", "Pages read from the inputs and handed out for the first time.",
            Double(statistics.read))
        text.counter(
            "pagemill_pages_stored_total", "Pages the collector committed as records.", Double(statistics.stored))
        text.counter("pagemill_pages_failed_total", "Pages recorded as failed.", Double(statistics.failed))
        text.counter(
            "pagemill_pages_redelivered_total", "Pages handed out again after a worker died, hung or handed them back.",
            Double(statistics.redelivered))
        text.counter(
            "pagemill_pages_resumed_total", "Pages an earlier run committed, passed over.", Double(statistics.resumed))
        text.counter(
            "pagemill_archive_records_damaged_total", "Archive records cut short, corrupt or too large: failures.",
            Double(statistics.unreadableArchiveRecords))
        text.counter(
            "pagemill_pages_duplicate_total",
            "Pages whose id the database already held: acknowledged, not stored again.", Double(statistics.duplicates))
        text.counter(
            "pagemill_forged_acknowledgements_total",
            "Acknowledgements ignored because they came from a peer that is not the collector.",
            Double(statistics.forgedAcknowledgements))
        text.counter(
            "pagemill_archive_records_skipped_total", "Crawl-archive records that were not pages, by reason.",
            label: "reason", values: statistics.skippedRecords.mapValues(Double.init))
        text.gauge(
            "pagemill_collector_holding_back", "1 while the collector says its commits fail.",
            statistics.collectorHoldingBack == nil ? 0 : 1)
        text.gauge("pagemill_pages_in_flight", "Pages read but not yet committed.", Double(statistics.inFlight))
        text.gauge("pagemill_queue_depth", "Pages waiting to be handed (again) to a worker.", Double(statistics.queued))
        text.gauge("pagemill_workers", "Workers connected.", Double(statistics.workers))
        text.counter("pagemill_bytes_in_total", "Bytes of pages read from the inputs.", Double(statistics.bytesRead))
        text.counter("pagemill_bytes_out_total", "Bytes of pages committed.", Double(statistics.bytesDone))
        badTraffic(&text, rejected: statistics.rejectedMessages, refused: statistics.refusedPeers)
        histogram(
            &text, "pagemill_end_to_end_seconds", "From a page's first dispatch to the acknowledgement of its commit.",
            statistics.endToEndLatency)
        return text.text
    }

    static func collector(_ statistics: CollectorStatistics) -> String {
        var text = PrometheusText()
        text.counter(
            "pagemill_results_received_total", "Results received from workers, duplicates included.",
            Double(statistics.received))
        text.counter("pagemill_pages_stored_total", "New rows written to pages.", Double(statistics.stored))
        text.counter("pagemill_pages_failed_total", "Failures recorded.", Double(statistics.failed))
        text.counter("pagemill_commits_total", "Transactions committed.", Double(statistics.commits))
        text.counter(
            "pagemill_commits_failed_total", "Commits that failed and were tried again.",
            Double(statistics.failedCommits))
        text.gauge(
            "pagemill_collector_holding_back", "1 while commits fail and the collector takes no results.",
            statistics.holdingBack == nil ? 0 : 1)
        text.counter(
            "pagemill_pages_duplicate_total", "Records whose id the database already held: nothing written.",
            Double(statistics.duplicates))
        text.counter(
            "pagemill_pages_replaced_total", "Stored pages replaced by a later fetch (--on-existing).",
            Double(statistics.replaced))
        text.counter(
            "pagemill_page_versions_total", "Earlier fetches kept in page_versions (--on-existing version).",
            Double(statistics.versioned))
        text.counter("pagemill_bytes_in_total", "Bytes of results received.", Double(statistics.bytesReceived))
        badTraffic(&text, rejected: statistics.rejectedMessages, refused: statistics.refusedPeers)
        histogram(
            &text, "pagemill_commit_seconds", "How long each transaction took to commit.", statistics.commitLatency)
        histogram(
            &text, "pagemill_extraction_seconds", "How long workers took to extract each page, as they report it.",
            statistics.extractionLatency)
        return text.text
    }

    /// What both roles count of traffic they turned away.
    private static func badTraffic(_ text: inout PrometheusText, rejected: Int, refused: Int) {
        text.counter(
            "pagemill_rejected_messages_total", "Messages ignored because they broke the protocol.", Double(rejected))
        text.counter(
            "pagemill_refused_peers_total", "Peers refused because their CURVE key is not allowed.", Double(refused))
    }

    private static func histogram(
        _ text: inout PrometheusText, _ name: String, _ help: String, _ histogram: LatencyHistogram
    ) {
        text.histogram(
            name, help, bounds: LatencyHistogram.bounds, counts: histogram.counts, sum: histogram.sum,
            count: histogram.count)
    }
}
