import ArgumentParser
import Cluster
import Extraction
import Foundation
import LoadTest
import Logging
import PageModel
import Store
import WireProtocol
import ZeroMQ

/// The collector against the plain SQLite limit: the same rows, the same disk, the same run.
struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure the collector's stored rows/s against plain batched SQLite inserts of the same rows.",
        discussion: """
            First the ceiling: a bare prepared INSERT of the rows in transactions of 512, WAL mode, on a \
            fresh file. Then the collector itself, fed RESULT messages as fast as it takes them over \
            ZeroMQ, with this command standing in for the producer and counting acknowledgements: so \
            decoding, idempotent storing and acknowledging all count. Both end once the write-ahead \
            log is back in the database, with a last checkpoint (the collector's run on a thread of \
            their own as it goes). Dirty pages are flushed \
            (sync) before each, so that neither pays for the other's writeback.

            Example: pagemill bench store --rows 20000 --row-bytes 4096
            """
    )

    @Option(help: "Rows to store.")
    var rows: Int = 20_000

    @Option(help: ArgumentHelp("Bytes of text a row.", valueName: "bytes"))
    var rowBytes: Int = 4096

    @Option(
        help: ArgumentHelp(
            "Folder for the databases, on the disk to measure (default: a temporary folder).", valueName: "path"))
    var folder: String?

    @Option(
        help: ArgumentHelp(
            "Pairs of runs (plain SQLite, then the collector, each on new files); the median pair is reported.",
            valueName: "count"))
    var rounds: Int = 3

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard rows >= 1, rowBytes >= 1 else { throw ValidationError("--rows and --row-bytes must be at least 1") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        let records = SQLiteCeiling.sampleRecords(count: rows, textBytes: rowBytes)
        var pairs: [(plain: Double, collector: Double)] = []
        for round in 1...rounds {
            let scratch = try PrivateFolder(inside: folder)
            // Each starts with no dirty pages, or the second would pay for the first's writeback.
            sync()
            let plain = try SQLiteCeiling.rowsPerSecond(path: scratch.path + "/plain.sqlite", records: records)
            // Its files go before the collector's run, and their pages with them: else the
            // kernel reclaims them while the collector writes, and it pays for that.
            for suffix in ["", "-wal", "-shm"] { unlink(scratch.path + "/plain.sqlite" + suffix) }
            sync()
            let collector = try collectorRowsPerSecond(records: records, folder: scratch.path)
            pairs.append((plain, collector))
            if !json, rounds > 1 {
                print(
                    "round \(round):        plain \(Int(plain)) rows/s, collector \(Int(collector)) rows/s, \(String(format: "%.1f", collector / plain * 100)) %"
                )
            }
        }
        let shares = pairs.map { $0.collector / $0.plain }
        let median = pairs.sorted { $0.collector / $0.plain < $1.collector / $1.plain }[pairs.count / 2]
        let share = median.collector / median.plain
        if json {
            let roundShares = shares.map { String(format: "%.3f", $0) }.joined(separator: ",")
            print(
                "{\"rows\":\(rows),\"row_bytes\":\(rowBytes),\"plain_sqlite_rows_per_second\":\(Int(median.plain)),\"collector_rows_per_second\":\(Int(median.collector)),\"collector_share\":\(String(format: "%.3f", share)),\"round_shares\":[\(roundShares)]}"
            )
        } else {
            print("rows:           \(rows) of \(rowBytes) bytes of text; the median of \(rounds) pair(s)")
            print("plain SQLite:   \(Int(median.plain)) rows/s (prepared INSERT, 512 a transaction, WAL)")
            print(
                "collector:      \(Int(median.collector)) rows/s (RESULTS messages of 32 records in, rows committed, ACKs out)"
            )
            print("share:          \(String(format: "%.1f", share * 100)) % of plain SQLite")
        }
    }

    /// Runs a collector on its own thread and feeds it every record, acting as the producer.
    private func collectorRowsPerSecond(records: [PageRecord], folder: String) throws -> Double {
        let context = try Context()
        let producerEndpoint = "ipc://\(folder)/producer", collectorEndpoint = "ipc://\(folder)/collector"
        let standIn = try context.socket(.router)
        try standIn.setLinger(milliseconds: 0)
        try standIn.bind(producerEndpoint)
        let shutdown = ShutdownRequest()
        let path = folder + "/collector.sqlite"
        let logger = {
            var logger = Logger(label: "pagemill.bench.store")
            // Its notices (listening, stopped) would only break up the figures.
            logger.logLevel = .warning
            return logger
        }()
        let collectorThread = RoleThread(name: "collector") {
            let collector = Collector(
                configuration: .init(
                    producerEndpoint: producerEndpoint, collectorEndpoint: collectorEndpoint,
                    maximumMessageBytes: 64 << 20),
                store: try PageStore(path: path), logger: logger, shutdown: shutdown)
            try collector.run(context: context)
        }
        defer {
            shutdown.request(.immediate)
            _ = try? collectorThread.join()
        }
        let push = try context.socket(.push)
        try push.setLinger(milliseconds: 0)
        try push.connect(collectorEndpoint)
        // As workers send them: the records of a turn, up to 32, in one RESULTS message.
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
            guard ContinuousClock.now < deadline else { throw failBeforeStart("the collector stopped acknowledging") }
            while sent < messages.count, collectorIdentity != nil, try push.send(messages[sent], wait: false) {
                if started == nil { started = .now }
                sent += 1
            }
            guard try poller.poll(timeoutMilliseconds: 1)[0] else { continue }
            while let message = try standIn.receive(wait: false), message.count >= 2 {
                guard let decoded = try? WireMessage(decoding: message, from: 1) else { continue }
                switch decoded {
                case .hello: collectorIdentity = message.bytes(at: 0)
                case let .acknowledge(list): acknowledged += list.count
                default: break
                }
            }
            // Keep the collector from taking this stand-in for a dead producer.
            if let collectorIdentity, ContinuousClock.now - lastHeartbeat > .seconds(1) {
                lastHeartbeat = .now
                _ = try standIn.send(WireMessage.heartbeat().encoded(to: collectorIdentity), wait: false)
            }
        }
        // Every row is acknowledged, so committed; the time runs on until the write-ahead log is
        // back in the database, as the ceiling's does.
        try Database(path: path).execute("PRAGMA wal_checkpoint(PASSIVE)")
        let elapsed = ContinuousClock.now - (started ?? .now)
        return Double(records.count) / max(1e-9, elapsed.inSeconds)
    }
}
