import ArgumentParser
import Foundation
import WireProtocol
import ZeroMQ

/// `pagemill status`: asks a running producer how the run stands, and shows it.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a running cluster: pages done, in flight and queued, rate, ETA, and each worker.",
        discussion: """
            Asks the producer (STATUS? on its endpoint) twice, a second apart, to measure rates.
            --watch refreshes every two seconds until interrupted; --json prints the producer's \
            answer as it is.

            Example: pagemill status --producer tcp://10.0.0.1:5557 --watch
            """
    )

    @Option(help: ArgumentHelp("The producer's endpoint. (env: PAGEMILL_PRODUCER)", valueName: "endpoint"))
    var producer: String?

    @Flag(help: "Refresh every two seconds until interrupted.")
    var watch = false

    @Flag(help: "Print the producer's answer as JSON, once.")
    var json = false

    @OptionGroup var curve: CurveOptions

    func run() throws {
        let endpoint = producer ?? ProcessInfo.processInfo.environment["PAGEMILL_PRODUCER"] ?? "tcp://127.0.0.1:5557"
        if let problem = Endpoint.problem(with: endpoint) { throw ValidationError(problem) }
        let context = try Context()
        let socket = try context.socket(.dealer)
        try socket.setLinger(milliseconds: 0)
        if let settings = try curve.settings(binds: false, connects: true), let serverKey = settings.serverKey {
            try socket.makeCurveClient(serverKey: serverKey, secretKey: settings.secretKey)
        }
        try socket.connect(Endpoint.connectable(endpoint))
        try socket.setReceiveTimeout(milliseconds: 5000)

        func ask() throws -> (ClusterStatus, [UInt8]) {
            try socket.send(WireMessage.statusRequest.encoded())
            while true {
                guard let reply = try socket.receive() else {
                    throw failBeforeStart("no answer from the producer at \(endpoint) within 5 s")
                }
                if case let .status(json)? = try? WireMessage(decoding: reply) {
                    return (try ClusterStatus(json: json), json)
                }
            }
        }
        let first = try ask()
        if json {
            print(String(decoding: first.1, as: UTF8.self))
            return
        }
        var previous = first.0
        repeat {
            Thread.sleep(forTimeInterval: watch ? 2 : 1)
            let current = try ask().0
            if watch { print("\u{1B}[H\u{1B}[2J", terminator: "") }
            print(StatusView(endpoint: endpoint, previous: previous, current: current).text)
            previous = current
        } while watch
    }
}

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
