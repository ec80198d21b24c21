import Foundation
import Extraction
import Logging
import Store
import Synchronization
import WireProtocol
import ZeroMQ

/// Receives records from workers, commits them to SQLite in batches, and only then
/// acknowledges them to the producer. Binds the collector endpoint (PULL) and connects a
/// DEALER to the producer endpoint for the acknowledgements.
///
/// `run()` blocks its thread (ZeroMQ calls): give it a thread of its own. The commits run on a
/// second thread (`BatchCommitter`), one batch at a time, while this one gathers the next.
public final class Collector {
    /// What the collector needs to know.
    public struct Configuration: Sendable {
        public var producerEndpoint: String
        public var collectorEndpoint: String
        /// The largest message accepted from a worker.
        public var maximumMessageBytes: Int
        /// Results per transaction, at most.
        public var batchSize: Int
        /// Bytes of results gathered for one transaction, at most (past one message): with
        /// large pages, a batch of `batchSize` would hold gigabytes.
        public var maximumBatchBytes: Int = 64 << 20
        /// How long a result may wait for its batch to fill. A commit writes whole pages, so a
        /// row costs SQLite far more in a small transaction: batches wait a little rather than
        /// go at once (committing at once doubled the collector's SQLite time at 1,300 pages/s).
        public var batchDelay: Duration
        /// The protocol's clocks.
        public var timing: ClusterTiming
        /// CURVE encryption and the keys let in; nil: plain TCP, for trusted networks only.
        public var curve: CurveSettings?

        public init(
            producerEndpoint: String, collectorEndpoint: String, maximumMessageBytes: Int,
            batchSize: Int = 512, batchDelay: Duration = .milliseconds(20), timing: ClusterTiming = ClusterTiming()
        ) {
            self.producerEndpoint = producerEndpoint
            self.collectorEndpoint = collectorEndpoint
            self.maximumMessageBytes = maximumMessageBytes
            self.batchSize = batchSize
            self.batchDelay = batchDelay
            self.timing = timing
        }
    }

    private let configuration: Configuration
    /// Handed to the committer when `run` starts.
    private var store: PageStore?
    private var logger: Logger
    private let shutdown: ShutdownRequest
    private let clock = ContinuousClock()
    /// The statistics, for other threads.
    public let statistics: StatisticsBox<CollectorStatistics>
    private var stats = CollectorStatistics()
    private var badTraffic = BadTrafficLog()

    private var batch: [PageOutcome] = []
    /// Bytes of the messages whose results are in `batch`.
    private var batchBytes = 0
    private var acknowledgements: [WireMessage.Acknowledgement] = []
    /// When the oldest result in `batch` arrived.
    private var batchStarted: ContinuousClock.Instant?
    /// The acknowledgements of the batch being committed, sent once it is.
    private var committing: [WireMessage.Acknowledgement]?
    /// The batch being committed, kept until its commit succeeds: a commit that fails (a full
    /// disk, a lock held elsewhere) is tried again, and its pages are never dropped for it.
    private var committingBatch: [PageOutcome] = []
    /// While commits fail: why, and when to try again. The collector then takes no results.
    private var holdingBack: (reason: String, retryAt: ContinuousClock.Instant, delay: Duration)?
    /// The id of the database written, announced to the producer in `HELLO`.
    private let databaseID: String
    /// Fewer results than this in one wake-up is a trickle.
    private static let trickle = 16
    /// A name for the inproc endpoint between this collector and its committer.
    private static let committerNumber = Atomic<Int>(0)
    private var lastHeardFromProducer: ContinuousClock.Instant

    /// Beats once a turn of the loop, for health probes.
    public let heartbeat: Heartbeat

    /// Creates a collector writing to `store`.
    public init(
        configuration: Configuration, store: PageStore, logger: Logger, shutdown: ShutdownRequest,
        statistics: StatisticsBox<CollectorStatistics> = StatisticsBox(CollectorStatistics()),
        heartbeat: Heartbeat = Heartbeat()
    ) {
        self.heartbeat = heartbeat
        self.statistics = statistics
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.logger[metadataKey: "role"] = "collector"
        self.shutdown = shutdown
        self.lastHeardFromProducer = ContinuousClock().now
        self.databaseID = store.databaseID
    }

    /// Runs until shutdown is requested, then commits what it holds and stops.
    public func run(context: Context) throws(ClusterError) {
        guard let store else { throw ClusterError(.store, "a collector runs once: its store went to the first run") }
        self.store = nil
        // The collector commits all the time: its checkpoints run beside the commits, not in them.
        do throws(StoreError) { try store.checkpointInBackground() } catch { throw ClusterError(error) }
        do throws(ZeroMQError) {
            let results = try context.socket(.pull)
            try results.setLinger(milliseconds: 0)
            // Messages a worker's connection queues, not bytes: a message may be megabytes.
            try results.setHighWaterMarks(send: 1000, receive: 32)
            try results.setMaximumMessageSize(bytes: Int64(configuration.maximumMessageBytes))
            let monitor = try ConnectionMonitor(watching: results, context: context)
            let authenticator = try configuration.curve.map { curve throws(ZeroMQError) in
                try curve.startAuthenticator(context, logger: logger)
            }
            defer { authenticator?.stop() }
            let committed = try context.socket(.pair)
            let committerEndpoint =
                "inproc://pagemill-committer-\(Self.committerNumber.add(1, ordering: .relaxed).newValue)"
            try committed.bind(committerEndpoint)
            let doneSignal = try context.socket(.pair)
            try doneSignal.setLinger(milliseconds: 0)
            try doneSignal.connect(committerEndpoint)
            let committer = BatchCommitter(store: store, doneSignal: doneSignal)
            defer { committer.stop() }
            try configuration.curve?.secureBound(results)
            try results.bind(configuration.collectorEndpoint)
            var producer = try connectToProducer(context)
            logger.info("collector listening", metadata: ["endpoint": "\(configuration.collectorEndpoint)"])
            var lastHeartbeat = clock.now
            // Under load, enough to commit without waiting for the delay: the committer is kept
            // busy and the next batch grows while it works. Half a batch, not less: each commit
            // has a cost of its own, and at 60,000 results a second batches of 64 spent 7 % more
            // CPU than batches of 512.
            let busyBatch = max(1, configuration.batchSize / 2)
            var incoming = Message(reservingFrames: 8, bytes: 1024)

            while shutdown.stage == .running {
                heartbeat.beat()
                // A full batch waits for the committer; meanwhile results queue in libzmq.
                // While commits fail, results wait in libzmq and at the workers: nothing is charged.
                let accepting =
                    batch.count < configuration.batchSize && batchBytes < configuration.maximumBatchBytes
                    && holdingBack == nil
                var poller = Poller(
                    accepting ? [producer, monitor.socket, committed, results] : [producer, monitor.socket, committed])
                var waitLimit = 100
                if committing == nil, let started = batchStarted {
                    waitLimit = max(0, (configuration.batchDelay - (clock.now - started)).milliseconds)
                }
                if let holdingBack {
                    waitLimit = min(waitLimit, max(0, (holdingBack.retryAt - clock.now).milliseconds))
                }
                let ready = try poller.poll(timeoutMilliseconds: waitLimit)
                let batchBefore = batch.count
                if accepting, ready[3] {
                    // Bounded, so that a flood of garbage cannot starve the producer's socket.
                    var messages = 0
                    while batch.count < configuration.batchSize, batchBytes < configuration.maximumBatchBytes,
                        messages < 4 * configuration.batchSize,
                        try results.receive(into: &incoming, wait: false)
                    {
                        take(incoming)
                        messages += 1
                    }
                }
                let taken = max(0, batch.count - batchBefore)
                if ready[0] {
                    while let message = try producer.receive(wait: false) {
                        hearFromProducer(message, producer: producer)
                    }
                }
                if ready[1] {
                    try badTraffic.watch(monitor, logger: logger) {
                        stats.closedConnections += 1
                        if $0 { stats.failedHandshakes += 1 }
                    }
                }
                if ready[2] { while try committed.receive(wait: false) != nil {} }
                stats.refusedPeers = authenticator?.refused ?? 0
                if let outcome = committer.takeOutcome() { try finish(outcome, producer: producer) }
                retryFailedCommit(on: committer)
                if committing == nil, let started = batchStarted,
                    batch.count >= busyBatch || batchBytes >= configuration.maximumBatchBytes / 2
                        || clock.now - started >= configuration.batchDelay
                {
                    handOver(to: committer)
                }
                // Results trickling in one at a time would wake this thread once each; a batch
                // waits for its delay anyway, so let a few gather first.
                if taken > 0, taken < Self.trickle { Thread.sleep(forTimeInterval: 0.001) }
                let now = clock.now
                if now - lastHeartbeat >= configuration.timing.heartbeatInterval {
                    lastHeartbeat = now
                    try producer.send(WireMessage.heartbeat(holdingBack: holdingBack?.reason).encoded(), wait: false)
                    badTraffic.summarize(logger: logger, now: now)
                }
                if now - lastHeardFromProducer > configuration.timing.peerTimeout * 2 {
                    logger.warning("producer silent; reconnecting")
                    producer = try connectToProducer(context)
                }
            }
            // Drain: commit and acknowledge what has arrived; anything still queued is redelivered.
            if shutdown.stage == .drain {
                if let outcome = committer.waitForOutcome() { try finish(outcome, producer: producer) }
                if holdingBack != nil {
                    // One last try; what still fails is redelivered to the next collector.
                    holdingBack?.retryAt = clock.now
                    retryFailedCommit(on: committer)
                    if let outcome = committer.waitForOutcome() { try finish(outcome, producer: producer) }
                }
                if holdingBack == nil {
                    handOver(to: committer)
                    if let outcome = committer.waitForOutcome() { try finish(outcome, producer: producer) }
                }
            }
            logger.notice(
                "stopped",
                metadata: [
                    "stored": "\(stats.stored)", "failed": "\(stats.failed)",
                    "rejected": "\(stats.rejectedMessages)", "failed_handshakes": "\(stats.failedHandshakes)",
                    "closed_connections": "\(stats.closedConnections)",
                ])
        } catch {
            if error.isContextTerminated { return }
            throw ClusterError(error)
        }
    }

    private func connectToProducer(_ context: Context) throws(ZeroMQError) -> Socket {
        let socket = try context.socket(.dealer)
        try socket.setLinger(milliseconds: 2000)
        try socket.setReconnectInterval(milliseconds: 100, maximum: 5000)
        try configuration.curve?.secureConnected(socket)
        try socket.connect(Endpoint.connectable(configuration.producerEndpoint))
        try socket.send(hello.encoded())
        lastHeardFromProducer = clock.now
        return socket
    }

    private func take(_ message: Message) {
        stats.bytesReceived += message.byteCount
        batchBytes += message.byteCount
        do throws(WireError) {
            switch try WireMessage(decoding: message) {
            case let .result(ticket, worker, milliseconds, record):
                stats.received += 1
                stats.extractionLatency.record(seconds: milliseconds / 1000)
                add(
                    .stored(record, worker: worker, extractionMilliseconds: milliseconds),
                    WireMessage.Acknowledgement(ticket: ticket, pageID: record.id, status: .stored))
            case let .results(worker, results):
                stats.received += results.count
                for result in results {
                    stats.extractionLatency.record(seconds: result.extractionMilliseconds / 1000)
                    add(
                        .stored(result.record, worker: worker, extractionMilliseconds: result.extractionMilliseconds),
                        WireMessage.Acknowledgement(ticket: result.ticket, pageID: result.record.id, status: .stored))
                }
            case let .failed(ticket, pageID, reporter, attempts, error):
                stats.received += 1
                add(
                    .failed(id: pageID, error: error, attempts: attempts, worker: reporter),
                    WireMessage.Acknowledgement(ticket: ticket, pageID: pageID, status: .failed))
            case .heartbeat:
                break  // Workers may keep their connection warm; nothing to do.
            default:
                stats.rejectedMessages += 1
                badTraffic.rejected(
                    from: message.peerAddress, reason: "a message the collector does not take", logger: logger)
            }
        } catch {
            stats.rejectedMessages += 1
            badTraffic.rejected(from: message.peerAddress, reason: "\(error)", logger: logger)
        }
    }

    private func add(_ outcome: PageOutcome, _ acknowledgement: WireMessage.Acknowledgement) {
        if batchStarted == nil { batchStarted = clock.now }
        batch.append(outcome)
        acknowledgements.append(acknowledgement)
    }

    private func hearFromProducer(_ message: Message, producer: Socket) {
        lastHeardFromProducer = clock.now
        let decoded: WireMessage
        do throws(WireError) {
            decoded = try WireMessage(decoding: message)
        } catch {
            stats.rejectedMessages += 1
            badTraffic.rejected(from: message.peerAddress ?? "the producer", reason: "\(error)", logger: logger)
            return
        }
        switch decoded {
        case let .refused(reason):
            logger.error("the producer refused this collector", metadata: ["reason": "\(reason)"])
        case .reset:
            do throws(ZeroMQError) {
                _ = try producer.send(hello.encoded(), wait: false)
            } catch {
                logger.warning("cannot introduce itself to the producer again", metadata: ["error": "\(error)"])
            }
        case let .failed(ticket, pageID, reporter, attempts, error):
            add(
                .failed(id: pageID, error: error, attempts: attempts, worker: reporter),
                WireMessage.Acknowledgement(ticket: ticket, pageID: pageID, status: .failed))
        default:
            break
        }
    }

    /// Gives the batch gathered so far to the committer.
    private func handOver(to committer: BatchCommitter) {
        batchStarted = nil
        guard !batch.isEmpty else { return }
        committer.submit(batch)
        committingBatch = batch
        committing = acknowledgements
        batch.removeAll(keepingCapacity: true)
        acknowledgements.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    private var hello: WireMessage {
        .hello(role: .collector, name: "collector", credit: 0, database: databaseID)
    }

    /// Acknowledges a committed batch: never before its commit. A batch whose commit failed is
    /// kept, and the collector holds back (takes no results) until it commits.
    private func finish(_ outcome: BatchCommitter.Outcome, producer: Socket) throws(ZeroMQError) {
        guard var committed = committing else { return }
        switch outcome {
        case let .committed(report, duration):
            committing = nil
            committingBatch = []
            if let holdingBack {
                logger.notice(
                    "commits succeed again; taking results", metadata: ["held_back_because": "\(holdingBack.reason)"])
                self.holdingBack = nil
                stats.holdingBack = nil
            }
            for position in report.duplicates { committed[position].status = .duplicate }
            stats.stored += report.newRows
            stats.duplicates += report.duplicates.count
            stats.commitLatency.record(duration)
            stats.failed += committed.lazy.filter { $0.status == .failed }.count
            stats.commits += 1
            try producer.send(WireMessage.acknowledge(committed).encoded(), wait: false)
            statistics.publish(stats)
        case let .failed(error):
            // Not the pages' fault: keep the batch and try it again, taking nothing new meanwhile.
            stats.failedCommits += 1
            let delay = min((holdingBack?.delay ?? .milliseconds(100)) * 2, .seconds(5))
            if holdingBack == nil {
                logger.error(
                    "commit failed; holding back until the database takes writes again (pages will be redelivered if this collector stops)",
                    metadata: ["error": "\(error)", "pages": "\(committed.count)"])
            }
            holdingBack = ("\(error)", clock.now + delay, delay)
            stats.holdingBack = "\(error)"
            statistics.publish(stats)
        }
    }

    /// Submits the failed batch again once its back-off has passed.
    private func retryFailedCommit(on committer: BatchCommitter) {
        guard let holdingBack, committing != nil, !committer.isBusy, clock.now >= holdingBack.retryAt else { return }
        committer.submit(committingBatch)
    }
}
