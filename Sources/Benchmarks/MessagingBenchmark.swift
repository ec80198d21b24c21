import Cluster
import Foundation
import ZeroMQ

/// Raw libzmq between two processes, PUSH to PULL over TCP: the ceiling the cluster's own
/// message path is compared with. The receiver binds and times; a second process of this
/// executable, started with `senderArguments`, connects and sends.
public struct MessagingBenchmark: Sendable {
    /// Messages to send.
    public var messages: Int
    /// Bytes a message.
    public var size: Int

    /// What one benchmark measured.
    public struct Result: BenchmarkResult {
        public var messages: Int
        public var size: Int
        public var seconds: Double
        public var messagesPerSecond: Double
        public var megabytesPerSecond: Double

        public var text: String {
            [
                "messages:       \(messages) of \(size) bytes, PUSH to PULL over tcp://127.0.0.1, two processes",
                "time:           \(format(seconds, 3)) s",
                "throughput:     \(Int(messagesPerSecond)) messages/s, \(format(megabytesPerSecond, 1)) MB/s",
            ].joined(separator: "\n")
        }
    }

    /// A benchmark of `messages` messages of `size` bytes.
    public init(messages: Int, size: Int) {
        self.messages = max(2, messages)
        self.size = max(1, size)
    }

    /// The sender's side: connects to `endpoint` and sends every message.
    public func send(to endpoint: String) throws(ZeroMQError) {
        let context = try Context()
        let push = try context.socket(.push)
        try push.setLinger(milliseconds: -1)
        try push.connect(endpoint)
        let payload = Message([[UInt8](repeating: 0x61, count: size)])
        for _ in 0..<messages { try push.send(payload) }
    }

    /// The receiver's side: binds, starts the sender with `senderArguments(endpoint)`, and
    /// times the messages from the first one on, so that the sender's start-up does not count.
    public func run(senderArguments: (String) -> [String]) throws -> Result {
        let context = try Context()
        let pull = try context.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        guard let endpoint = pull.lastEndpoint else { throw BenchmarkError(.failed, "cannot learn the bound port") }
        let sender = try ChildProcess(
            executable: WorkerSupervisor.executablePath, arguments: senderArguments(endpoint))
        defer {
            sender.signal(SIGKILL)
            sender.waitUntilExit()
        }
        guard try pull.receive() != nil else { throw BenchmarkError(.failed, "the sender sent nothing") }
        let started = ContinuousClock.now
        for _ in 1..<messages { _ = try pull.receive() }
        let seconds = (ContinuousClock.now - started).inSeconds
        let rate = Double(messages - 1) / max(seconds, 1e-9)
        return Result(
            messages: messages, size: size, seconds: seconds, messagesPerSecond: rate,
            megabytesPerSecond: rate * Double(size) / 1e6)
    }
}
