import Foundation
import Testing
import ZeroMQ

/// Hostile peers at both bound endpoints while a cluster works: a flood of garbage, a wrong
/// protocol version, frames over the size limit, bytes that are not ZMTP, a client that asks
/// for a million pages and never reads, and TCP connections that never say anything. The
/// roles must log them with their address, count them, ignore them, and still store every
/// page exactly once, with their memory bounded.
extension EndToEndTests {
    @Suite(.serialized) struct BadTrafficTests {
        static let pageCount = 600

        @Test func hostilePeersAreLoggedIgnoredAndDoNotStopTheRun() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(Self.pageCount, into: "pages")
            let producerPort = try freePort()
            let collectorPort = try freePort()
            let shared = [
                "--producer", "tcp://127.0.0.1:\(producerPort)", "--collector", "tcp://127.0.0.1:\(collectorPort)",
                "--peer-timeout", "1", "--lease", "5",
            ]
            let database = folder.file("pages.sqlite")
            try logWrites(database)
            let collector = try RoleProcess(["collect", "--db", database] + shared, log: folder.file("collector.log"))
            let producer = try RoleProcess(
                ["produce", pages, "--no-journal"] + shared, log: folder.file("producer.log"))
            // The rogues go first, so that they compete with the workers from the start.
            let rogues = RogueClients(producerPort: producerPort, collectorPort: collectorPort)
            rogues.start()
            let workers = try (1...2).map {
                try RoleProcess(["work", "--name", "worker-\($0)"] + shared, log: folder.file("worker-\($0).log"))
            }

            var producerPeak = 0
            let finished = waitUntil(timeout: .seconds(300)) {
                producerPeak = max(producerPeak, peakResidentMegabytes(producer.pid) ?? 0)
                return !producer.isAlive
            }
            rogues.stop()
            #expect(finished, "the producer never finished: \(producer.log.suffix(3000))")
            #expect(producer.waitForExit(timeout: .seconds(5)) == 0, "producer: \(producer.log.suffix(3000))")
            let collectorPeak = peakResidentMegabytes(collector.pid) ?? 0

            let ids = try storedIDs(database)
            #expect(ids.count == Self.pageCount, "stored \(ids.count) of \(Self.pageCount)")
            #expect(try secondWrites(database) == 0, "a page was stored twice")
            #expect(storedCounts(database)?.failures == 0)

            // Logged with the peer's address, and counted.
            let producerLog = producer.log
            #expect(producerLog.contains("peer=127.0.0.1"), "producer log: \(producerLog.suffix(3000))")
            #expect(producerLog.contains("rejected a message"))
            #expect(producerLog.contains("handshake failed") || producerLog.contains("connection closed"))
            #expect(
                producerLog.contains("worker=greedy") && producerLog.contains("credit=64"),
                "the greedy client's credit was not capped")
            #expect(producerLog.contains("rejected: "), "the summary does not count rejected messages")
            let collectorLog = collector.log
            #expect(
                collectorLog.contains("rejected a message") && collectorLog.contains("peer=127.0.0.1"),
                "collector log: \(collectorLog.suffix(3000))")
            // Bounded: the flood and the oversized frames are not buffered.
            #expect(producerPeak < 200, "producer peak memory \(producerPeak) MB")
            #expect(collectorPeak < 200, "collector peak memory \(collectorPeak) MB")
            for line in (producerLog + collectorLog).split(separator: "\n")
            where line.contains("peer=") || line.contains("rejected: ") {
                print(line.prefix(300))
            }
            print(
                "bad traffic: producer peak \(producerPeak) MB, collector peak \(collectorPeak) MB; stored "
                    + "\(ids.count); flood messages sent \(rogues.floodSent)"
            )

            for worker in workers { worker.signal(SIGTERM) }
            collector.signal(SIGTERM)
            for worker in workers {
                #expect(worker.waitForExit(timeout: .seconds(15)) == 0, "worker: \(worker.log.suffix(2000))")
            }
            #expect(collector.waitForExit(timeout: .seconds(15)) == 0, "collector: \(collector.log.suffix(2000))")
        }
    }
}

/// The peak resident memory of a running process, from /proc, in megabytes.
func peakResidentMegabytes(_ pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return nil }
    return kilobytes / 1024
}

/// Misbehaving clients, each on a thread of its own (ZeroMQ sockets stay on one thread).
final class RogueClients: @unchecked Sendable {
    private let producer: String
    private let collector: String
    private let ports: [Int]
    private let state = NSCondition()
    private var stopping = false
    private var running = 0
    private var sent = 0

    init(producerPort: Int, collectorPort: Int) {
        producer = "tcp://127.0.0.1:\(producerPort)"
        collector = "tcp://127.0.0.1:\(collectorPort)"
        ports = [producerPort, collectorPort]
    }

    /// Garbage messages the flood got queued.
    var floodSent: Int { state.lock(); defer { state.unlock() }; return sent }

    func start() {
        launch { [self] in try flood() }
        launch { [self] in try greedyNeverReading() }
        launch { [self] in try oversized() }
        for port in ports {
            launch { [self] in notZeroMQ(port: port) }
            launch { [self] in silentConnection(port: port) }
        }
    }

    /// Tells every rogue to stop, and waits until they have.
    func stop() {
        state.lock()
        stopping = true
        state.broadcast()
        while running > 0 { state.wait() }
        state.unlock()
    }

    private func launch(_ body: @escaping @Sendable () throws -> Void) {
        state.lock()
        running += 1
        state.unlock()
        Thread.detachNewThread { [self] in
            try? body()
            state.lock()
            running -= 1
            state.broadcast()
            state.unlock()
        }
    }

    /// Waits until `stop()` or `seconds` pass; true when stopping.
    private func pause(seconds: Double) -> Bool {
        state.lock()
        defer { state.unlock() }
        let deadline = Date(timeIntervalSinceNow: seconds)
        while !stopping, state.wait(until: deadline) {}
        return stopping
    }

    /// Garbage, a wrong version and impossible requests, as fast as the sockets take them.
    private func flood() throws {
        let (toProducer, toCollector) = try connectToBoth()
        let garbage: [Message] = [
            Message([[0xFF, 0x00, 0x13]]),
            Message(strings: ["pagemill/9", "HELLO", "worker", "rogue", "1000"]),
            Message(strings: ["pagemill/1", "CREDIT", "not-a-number"]),
            Message(strings: ["pagemill/1", "RESULT", "1", "rogue", "0", "{not json"]),
        ]
        var count = 0
        var round = 0
        while true {
            let message = garbage[round % garbage.count]
            round += 1
            let queued = [try toProducer.send(message, wait: false), try toCollector.send(message, wait: false)]
            count += queued.filter { $0 }.count
            // Full queues: the roles read no faster than they can. Try again shortly.
            if !queued.contains(true) || round % 1_000 == 0, pause(seconds: queued.contains(true) ? 0 : 0.001) { break }
        }
        state.lock()
        sent += count
        state.unlock()
    }

    /// Claims a million pages of credit, keeps its session alive with heartbeats, never reads.
    private func greedyNeverReading() throws {
        let context = try Context()
        let socket = try context.socket(.dealer)
        try socket.setLinger(milliseconds: 0)
        try socket.connect(producer)
        try socket.send(strings: ["pagemill/1", "HELLO", "worker", "greedy", "1000000"])
        for _ in 0..<15 {
            guard try socket.send(strings: ["pagemill/1", "HEARTBEAT"], wait: false) else { break }
            if pause(seconds: 0.2) { return }
        }
    }

    /// A frame far over the size limit, at both endpoints.
    private func oversized() throws {
        let (toProducer, toCollector) = try connectToBoth()
        let huge = Message([Array(repeating: 0x41, count: 64 << 20)])
        _ = try toProducer.send(huge, wait: false)
        _ = try toCollector.send(huge, wait: false)
        _ = pause(seconds: 600)
    }

    /// A DEALER to the producer and a PUSH to the collector, as a worker has.
    private func connectToBoth() throws -> (producer: Socket, collector: Socket) {
        let context = try Context()
        let toProducer = try context.socket(.dealer)
        let toCollector = try context.socket(.push)
        for socket in [toProducer, toCollector] { try socket.setLinger(milliseconds: 0) }
        try toProducer.connect(producer)
        try toCollector.connect(collector)
        return (toProducer, toCollector)
    }

    /// Bytes that are not ZMTP, over plain TCP.
    private func notZeroMQ(port: Int) {
        guard let descriptor = connectTCP(port: port) else { return }
        defer { close(descriptor) }
        let junk =
            [UInt8]("GET / HTTP/1.1\r\nHost: pagemill\r\n\r\n".utf8)
            + (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        _ = junk.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        _ = pause(seconds: 600)
    }

    /// Connects and then says and reads nothing at all.
    private func silentConnection(port: Int) {
        guard let descriptor = connectTCP(port: port) else { return }
        defer { close(descriptor) }
        _ = pause(seconds: 600)
    }

    private func connectTCP(port: Int) -> Int32? {
        // Close-on-exec: processes started meanwhile must not hold the connection open.
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { close(descriptor); return nil }
        return descriptor
    }
}
