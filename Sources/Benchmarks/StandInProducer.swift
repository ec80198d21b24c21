import Cluster
import Foundation
import Logging
import PageModel
import Store
import WireProtocol
import ZeroMQ

/// A collector on a thread of its own, fed every record as workers send them, with this type
/// standing in for the producer: it takes the collector's `HELLO`, keeps it from taking the
/// producer for dead, and counts the acknowledgements.
struct StandInProducer {
    let folder: String
    /// How the collector groups duplicates.
    var deduplication = PageStore.Deduplication.off
    private var producerEndpoint: String { "ipc://\(folder)/producer" }
    private var collectorEndpoint: String { "ipc://\(folder)/collector" }
    private var databasePath: String { folder + "/collector.sqlite" }

    /// Rows a second the collector stored, from the first message sent to the last
    /// acknowledgement, with the write-ahead log checkpointed.
    func collectorRowsPerSecond(records: [PageRecord]) throws -> Double {
        let context = try Context()
        let standIn = try context.socket(.router)
        try standIn.setLinger(milliseconds: 0)
        try standIn.bind(producerEndpoint)
        let shutdown = ShutdownRequest()
        let collectorThread = startCollector(context: context, shutdown: shutdown)
        defer {
            shutdown.request(.immediate)
            do { try collectorThread.join() } catch { /* the measurement's own error, if any, is the one thrown */  }
        }
        let push = try context.socket(.push)
        try push.setLinger(milliseconds: 0)
        try push.connect(collectorEndpoint)
        let started = try feed(records, through: push, answering: standIn)
        // Every row is acknowledged, so committed; the time runs on until the write-ahead log
        // is back in the database, as the ceiling's does.
        try Database(path: databasePath).execute("PRAGMA wal_checkpoint(PASSIVE)")
        return Double(records.count) / max(1e-9, (ContinuousClock.now - started).inSeconds)
    }

    private func startCollector(context: Context, shutdown: ShutdownRequest) -> RoleThread<Void> {
        var logger = Logger(label: "pagemill.bench.store")
        // Its notices (listening, stopped) would only break up the figures.
        logger.logLevel = .warning
        let configuration = Collector.Configuration(
            producerEndpoint: producerEndpoint, collectorEndpoint: collectorEndpoint, maximumMessageBytes: 64 << 20)
        let (path, finalLogger, deduplication) = (databasePath, logger, deduplication)
        return RoleThread(name: "collector") {
            let collector = Collector(
                configuration: configuration, store: try PageStore(path: path, deduplication: deduplication),
                logger: finalLogger, shutdown: shutdown)
            try collector.run(context: context)
        }
    }

    /// Sends the records in `RESULTS` messages of 32 once the collector has said `HELLO`, until
    /// every one is acknowledged; returns when the first message went.
    private func feed(
        _ records: [PageRecord], through push: Socket, answering standIn: Socket
    ) throws -> ContinuousClock.Instant {
        let messages = stride(from: 0, to: records.count, by: 32).map { start in
            WireMessage.results(
                worker: "bench",
                records[start..<min(records.count, start + 32)].enumerated().map { offset, record in
                    WireMessage.WorkerResult(
                        ticket: UInt64(start + offset + 1), extractionMilliseconds: 0, record: record)
                }
            ).encoded()
        }
        var poller = Poller([standIn])
        var sent = 0, acknowledged = 0
        var collectorIdentity: [UInt8]?
        var started: ContinuousClock.Instant?
        var lastHeartbeat = ContinuousClock.now
        let deadline = ContinuousClock.now + .seconds(600)
        while acknowledged < records.count {
            guard ContinuousClock.now < deadline else {
                throw BenchmarkError(.failed, "the collector stopped acknowledging")
            }
            while sent < messages.count, collectorIdentity != nil, try push.send(messages[sent], wait: false) {
                if started == nil { started = .now }
                sent += 1
            }
            guard try poller.poll(timeoutMilliseconds: 1)[0] else { continue }
            while let message = try standIn.receive(wait: false), message.count >= 2 {
                switch try WireMessage(decoding: message, from: 1) {
                case .hello: collectorIdentity = message.bytes(at: 0)
                case let .acknowledge(list): acknowledged += list.count
                default: break
                }
            }
            if let collectorIdentity, ContinuousClock.now - lastHeartbeat > .seconds(1) {
                lastHeartbeat = .now
                _ = try standIn.send(WireMessage.heartbeat().encoded(to: collectorIdentity), wait: false)
            }
        }
        return started ?? .now
    }
}
