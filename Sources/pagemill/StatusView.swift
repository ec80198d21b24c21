import Foundation
import WireProtocol

/// The status as a person reads it, rates from two answers.
struct StatusView {
    let endpoint: String
    let previous: ClusterStatus
    let current: ClusterStatus

    var text: String {
        let seconds = max(0.001, current.uptimeSeconds - previous.uptimeSeconds)
        let rate = Double(current.done - previous.done) / seconds
        var lines = ["producer \(endpoint), up \(ProgressDisplay.duration(current.uptimeSeconds))"]
        var pages = "pages: \(current.done) done"
        if let total = current.total, total > 0 {
            pages += " of \(total) (\(current.done * 100 / total) %)"
        }
        pages += ": \(current.stored) stored, \(current.failed) failed"
        if let duplicates = current.duplicates, duplicates > 0 { pages += ", \(duplicates) duplicate ids" }
        if current.resumed > 0 { pages += ", \(current.resumed) in an earlier run" }
        lines.append(pages)
        if let reason = current.collectorHoldingBack {
            lines.append("collector: HOLDING BACK, its commits fail (no page is charged meanwhile): \(reason)")
        }
        if let skipped = current.skippedRecords, !skipped.isEmpty {
            let counts = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            lines.append("not pages: \(counts) (archive records)")
        }
        if let forged = current.forgedAcknowledgements, forged > 0 {
            lines.append("ignored: \(forged) acknowledgements from peers that are not the collector")
        }
        var flow =
            "in flight \(current.inFlight), queued \(current.queued), redelivered \(current.redelivered); "
            + String(format: "%.1f pages/s", rate)
        if let total = current.total, rate > 0 {
            flow += "; ETA " + ProgressDisplay.duration(Double(max(0, total - current.done)) / rate)
        } else if current.inputExhausted {
            flow += "; every input read"
        }
        lines.append(flow)
        lines.append("workers (\(current.workers.count)):")
        lines.append(
            "  " + pad("name", 24) + pad("finished", 10, right: true) + pad("holding", 9, right: true)
                + pad("pages/s", 9, right: true) + pad("last heard", 12, right: true))
        for worker in current.workers {
            let before = previous.workers.first { $0.name == worker.name }?.finished ?? worker.finished
            let workerRate = Double(worker.finished - before) / seconds
            lines.append(
                "  " + pad(worker.name, 24) + pad(String(worker.finished), 10, right: true)
                    + pad(String(worker.holding), 9, right: true)
                    + pad(String(format: "%.1f", workerRate), 9, right: true)
                    + pad(String(format: "%.1f s", worker.silentSeconds), 12, right: true))
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(1, width - text.count))
        return right ? padding + text : text + padding
    }
}
