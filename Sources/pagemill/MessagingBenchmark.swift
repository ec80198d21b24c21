import ArgumentParser
import Foundation
import ZeroMQ

/// Raw libzmq between two processes, PUSH to PULL over TCP: the ceiling the cluster's own
/// message path is compared with.
struct MessagingBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zmq",
        abstract: "Measure raw libzmq PUSH/PULL between two processes over TCP, for comparison with the cluster.",
        discussion: "Example: pagemill bench zmq --messages 200000 --size 8192"
    )

    @Option(help: "Messages to send.")
    var messages: Int = 200_000

    @Option(help: ArgumentHelp("Bytes a message.", valueName: "bytes"))
    var size: Int = 8192

    @Option(help: ArgumentHelp("Internal: send to this endpoint (the second process).", visibility: .hidden))
    var sendTo: String?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard messages >= 1, size >= 1 else { throw ValidationError("--messages and --size must be at least 1") }
    }

    func run() throws {
        let context = try Context()
        if let sendTo {
            let push = try context.socket(.push)
            try push.setLinger(milliseconds: -1)
            try push.connect(sendTo)
            let payload = Message([[UInt8](repeating: 0x61, count: size)])
            for _ in 0..<messages { try push.send(payload) }
            return
        }
        let pull = try context.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        guard let endpoint = pull.lastEndpoint else { throw failBeforeStart("cannot learn the bound port") }
        let sender = try ChildProcess(
            executable: WorkerSupervisor.executablePath,
            arguments: ["bench", "zmq", "--send-to", endpoint, "--messages", String(messages), "--size", String(size)])
        defer { sender.signal(SIGKILL); sender.waitUntilExit() }
        guard try pull.receive() != nil else { throw failBeforeStart("the sender sent nothing") }
        // Timed from the first message, so the second process's start-up does not count.
        let started = ContinuousClock.now
        for _ in 1..<messages { _ = try pull.receive() }
        let elapsed = ContinuousClock.now - started
        let seconds = elapsed.inSeconds
        let rate = Double(messages - 1) / max(seconds, 1e-9)
        let megabytes = rate * Double(size) / 1e6
        if json {
            print(
                "{\"messages\":\(messages),\"size\":\(size),\"seconds\":\(String(format: "%.3f", seconds)),\"messages_per_second\":\(Int(rate)),\"megabytes_per_second\":\(String(format: "%.1f", megabytes))}"
            )
        } else {
            print("messages:       \(messages) of \(size) bytes, PUSH to PULL over tcp://127.0.0.1, two processes")
            print("time:           \(String(format: "%.3f", seconds)) s")
            print("throughput:     \(Int(rate)) messages/s, \(String(format: "%.1f", megabytes)) MB/s")
        }
    }
}
