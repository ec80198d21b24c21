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
