import Cluster
import Foundation

/// The lines printed at the end of a run.
struct RunSummary {
    let statistics: ProducerStatistics
    var collector = CollectorStatistics()
    let seconds: Double
    let workerRestarts: Int
    let database: String

    var text: String {
        let rate = Double(statistics.done) / max(seconds, 0.001)
        let megabytes = Double(statistics.bytesDone) / 1e6
        var lines = [
            "pages stored:   \(statistics.stored)",
            "pages failed:   \(statistics.failed)",
            "time:           \(String(format: "%.2f", seconds)) s",
            "throughput:     \(String(format: "%.1f", rate)) pages/s, "
                + "\(String(format: "%.2f", megabytes / max(seconds, 0.001))) MB/s",
            "database:       \(database)",
        ]
        if statistics.duplicates > 0 {
            lines.append(
                "duplicate ids:  \(statistics.duplicates) (the database already held a page with the id: not "
                    + "stored again)"
            )
        }
        if collector.replaced > 0 || collector.versioned > 0 {
            lines.append(
                "replaced:       \(collector.replaced) stored pages by a later fetch, "
                    + "\(collector.versioned) earlier fetches kept as versions")
        }
        if statistics.redelivered > 0 { lines.append("redelivered:    \(statistics.redelivered)") }
        if statistics.resumed > 0 {
            // Earlier runs', or this one's: a repeated id read after its first copy was committed.
            lines.append(
                "already stored: \(statistics.resumed) (the journal has their ids in this database: passed over; "
                    + "--fresh starts over)"
            )
        }
        if statistics.unreadableArchiveRecords > 0 {
            lines.append(
                "damaged records: \(statistics.unreadableArchiveRecords) (archive records cut short, corrupt or too "
                    + "large, among the failures: rows named archive@offset)")
        }
        if statistics.resumedArchives > 0 {
            lines.append(
                "archives resumed: \(statistics.resumedArchives), at the journal's offsets "
                    + "(\(statistics.resumedArchiveBytes) bytes not read again)")
        }
        if workerRestarts > 0 { lines.append("worker restarts: \(workerRestarts)") }
        if !statistics.skippedRecords.isEmpty {
            let counts = statistics.skippedRecords.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            lines.append("not pages:      " + counts.joined(separator: ", ") + " (archive records, not failures)")
        }
        return lines.joined(separator: "\n")
    }
}

extension RunSummary {
    /// The summary of a local cluster's run into `database`.
    init(_ outcome: LocalCluster.Outcome, database: String) {
        self.init(
            statistics: outcome.producerStatistics, collector: outcome.collectorStatistics, seconds: outcome.seconds,
            workerRestarts: outcome.workerRestarts, database: database)
    }
}
