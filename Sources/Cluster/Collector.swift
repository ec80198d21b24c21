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
        /// How long, in milliseconds, what is still unsent to the producer when the collector
        /// has drained (its last acknowledgements, a heartbeat) may wait for it: a producer that
        /// runs on would redeliver the pages of lost acknowledgements. The local cluster drains
        /// its collector only once its producer has finished, with every page acknowledged, so
        /// it waits for nothing: else the process's exit waited up to this long for a producer
        /// already gone (in two runs of five on 5,810 pages).
        public var producerLingerAfterDrainMilliseconds: Int32 = 2000

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
    var logger: Logger
    private let shutdown: ShutdownRequest
    let clock = ContinuousClock()
    /// The statistics, for other threads.
    public let statistics: StatisticsBox<CollectorStatistics>
    var stats = CollectorStatistics()
    private var badTraffic = BadTrafficLog()

    var batch: [PageOutcome] = []
    /// Bytes of the messages whose results are in `batch`.
    var batchBytes = 0
    var acknowledgements: [WireMessage.Acknowledgement] = []
    /// When the oldest result in `batch` arrived.
    var batchStarted: ContinuousClock.Instant?
    /// The batch being committed and its acknowledgements, sent once it is. Kept until the
    /// commit succeeds: a commit that fails (a full disk, a lock held elsewhere) is tried again,
    /// and its pages are never dropped for it.
    var committing: (batch: [PageOutcome], acknowledgements: [WireMessage.Acknowledgement])?
    /// While commits fail: why, and when to try again. The collector then takes no results.
    var holdingBack: (reason: String, retryAt: ContinuousClock.Instant, delay: Duration)? {
        didSet { stats.holdingBack = holdingBack?.reason }
    }
    /// The id of the database written, announced to the producer in `HELLO`.
    let databaseID: String
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
        // A load into empty tables builds their name indexes once at the end, not row by row;
        // a store that cannot say or drop them (a full disk) keeps them as they are.
        do throws(StoreError) { try store.deferNameIndexesWhileEmpty() } catch {
            logger.warning(
                "name indexes kept as they are", metadata: ["error": "\(error)", "path": "\(store.database.path)"])
        }
        do throws(ZeroMQError) {
            var sockets = try openSockets(context, store: store)
            defer {
                sockets.committer.stop()
                if let error = sockets.committer.indexBuildError {
                    logger.warning(
                        "name indexes not built; the next load builds them",
                        metadata: ["error": "\(error)", "path": "\(store.database.path)"])
                }
                sockets.authenticator?.stop()
            }
            logger.info("collector listening", metadata: ["endpoint": "\(configuration.collectorEndpoint)"])
            var loop = LoopState(now: clock.now)
            while shutdown.stage == .running {
                heartbeat.beat()
                try turn(&sockets, &loop, context: context)
            }
            if shutdown.stage == .drain { try drain(sockets) }
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

    /// The collector's sockets, and the committer that signals on one of them.
    struct Sockets {
        /// Where workers push their results (PULL, bound).
        let results: Socket
        let monitor: ConnectionMonitor
        let authenticator: CurveAuthenticator?
        /// Where the committer says a batch is done (inproc PAIR).
        let committed: Socket
        let committer: BatchCommitter
        /// To the producer, for acknowledgements (DEALER); replaced when the producer goes silent.
        var producer: Socket
    }

    /// What the loop keeps from one turn to the next.
    struct LoopState {
        var lastHeartbeat: ContinuousClock.Instant
        var incoming = Message(reservingFrames: 8, bytes: 1024)

        init(now: ContinuousClock.Instant) { lastHeartbeat = now }
    }

    /// Which sockets have something, read by name from one poll.
    private struct Readiness {
        var producer = false, events = false, committer = false, results = false
    }

    private func openSockets(_ context: Context, store: PageStore) throws(ZeroMQError) -> Sockets {
        let results = try context.socket(.pull)
        try results.setLinger(milliseconds: 0)
        // Messages a worker's connection queues, not bytes: a message may be megabytes.
        try results.setHighWaterMarks(send: 1000, receive: 32)
        try results.setMaximumMessageSize(bytes: Int64(configuration.maximumMessageBytes))
        let monitor = try ConnectionMonitor(watching: results, context: context)
        let authenticator = try configuration.curve.map { curve throws(ZeroMQError) in
            try curve.startAuthenticator(context, logger: logger)
        }
        let committed = try context.socket(.pair)
        let committerEndpoint =
            "inproc://pagemill-committer-\(Self.committerNumber.add(1, ordering: .relaxed).newValue)"
        try committed.bind(committerEndpoint)
        let doneSignal = try context.socket(.pair)
        try doneSignal.setLinger(milliseconds: 0)
        try doneSignal.connect(committerEndpoint)
        let committer = BatchCommitter(store: store, doneSignal: doneSignal)
        try configuration.curve?.secureBound(results)
        try results.bind(configuration.collectorEndpoint)
        return Sockets(
            results: results, monitor: monitor, authenticator: authenticator, committed: committed,
            committer: committer, producer: try connectToProducer(context))
    }

    /// One turn: take results while the batch has room, hear the producer, commit when due,
    /// keep in touch.
    private func turn(_ sockets: inout Sockets, _ loop: inout LoopState, context: Context) throws(ZeroMQError) {
        // A full batch waits for the committer; meanwhile results queue in libzmq. While commits
        // fail, results wait in libzmq and at the workers: nothing is charged.
        let accepting =
            batch.count < configuration.batchSize && batchBytes < configuration.maximumBatchBytes && holdingBack == nil
        let ready = try poll(sockets, accepting: accepting)
        let taken = ready.results ? try takeResults(from: sockets.results, into: &loop.incoming) : 0
        if ready.producer {
            while let message = try sockets.producer.receive(wait: false) {
                hearFromProducer(message, producer: sockets.producer)
            }
        }
        if ready.events {
            try badTraffic.watch(sockets.monitor, logger: logger) {
                stats.closedConnections += 1
                if $0 { stats.failedHandshakes += 1 }
            }
        }
        if ready.committer { while try sockets.committed.receive(wait: false) != nil {} }
        stats.refusedPeers = sockets.authenticator?.refused ?? 0
        try commitWhenDue(sockets)
        // Results trickling in one at a time would wake this thread once each; a batch waits for
        // its delay anyway, so let a few gather first.
        if taken > 0, taken < Self.trickle { Thread.sleep(forTimeInterval: 0.001) }
        try keepInTouch(&sockets, &loop, context: context)
    }

    /// Waits for any socket, at most until the batch is due or a failed commit is to be retried.
    private func poll(_ sockets: Sockets, accepting: Bool) throws(ZeroMQError) -> Readiness {
        let watched =
            [sockets.producer, sockets.monitor.socket, sockets.committed] + (accepting ? [sockets.results] : [])
        var poller = Poller(watched)
        var waitLimit = 100
        if committing == nil, let started = batchStarted {
            waitLimit = max(0, (configuration.batchDelay - (clock.now - started)).milliseconds)
        }
        if let holdingBack { waitLimit = min(waitLimit, max(0, (holdingBack.retryAt - clock.now).milliseconds)) }
        let ready = try poller.poll(timeoutMilliseconds: waitLimit)
        return Readiness(producer: ready[0], events: ready[1], committer: ready[2], results: accepting && ready[3])
    }

    /// Takes what has arrived, while the batch has room; returns how many results it added.
    private func takeResults(from results: Socket, into incoming: inout Message) throws(ZeroMQError) -> Int {
        let before = batch.count
        // Bounded, so that a flood of garbage cannot starve the producer's socket.
        var messages = 0
        while batch.count < configuration.batchSize, batchBytes < configuration.maximumBatchBytes,
            messages < 4 * configuration.batchSize,
            try results.receive(into: &incoming, wait: false)
        {
            take(incoming)
            messages += 1
        }
        return max(0, batch.count - before)
    }

    /// Acknowledges what the committer has finished, retries a failed commit when its back-off
    /// is over, and hands the batch over once it is large or old enough.
    private func commitWhenDue(_ sockets: Sockets) throws(ZeroMQError) {
        if let outcome = sockets.committer.takeOutcome() { try finish(outcome, producer: sockets.producer) }
        retryFailedCommit(on: sockets.committer)
        // Under load, enough to commit without waiting for the delay: the committer is kept busy
        // and the next batch grows while it works. Half a batch, not less: each commit has a cost
        // of its own, and at 60,000 results a second batches of 64 spent 7 % more CPU than 512.
        let busyBatch = max(1, configuration.batchSize / 2)
        if committing == nil, let started = batchStarted,
            batch.count >= busyBatch || batchBytes >= configuration.maximumBatchBytes / 2
                || clock.now - started >= configuration.batchDelay
        {
            handOver(to: sockets.committer)
        }
    }

    /// Heartbeats to the producer (saying why it holds back, if it does), and a new connection
    /// when the producer has gone silent.
    private func keepInTouch(_ sockets: inout Sockets, _ loop: inout LoopState, context: Context) throws(ZeroMQError) {
        let now = clock.now
        if now - loop.lastHeartbeat >= configuration.timing.heartbeatInterval {
            loop.lastHeartbeat = now
            try sockets.producer.send(WireMessage.heartbeat(holdingBack: holdingBack?.reason).encoded(), wait: false)
            badTraffic.summarize(logger: logger, now: now)
        }
        if now - lastHeardFromProducer > configuration.timing.peerTimeout * 2 {
            logger.warning("producer silent; reconnecting")
            sockets.producer = try connectToProducer(context)
        }
    }

    /// Commits and acknowledges what has arrived; anything still queued is redelivered.
    private func drain(_ sockets: Sockets) throws(ZeroMQError) {
        defer {
            do throws(ZeroMQError) {
                try sockets.producer.setLinger(milliseconds: configuration.producerLingerAfterDrainMilliseconds)
            } catch {
                logger.warning("producer socket's linger not set", metadata: ["error": "\(error)"])
            }
        }
        let committer = sockets.committer
        if let outcome = committer.waitForOutcome() { try finish(outcome, producer: sockets.producer) }
        if holdingBack != nil {
            // One last try; what still fails is redelivered to the next collector.
            holdingBack?.retryAt = clock.now
            retryFailedCommit(on: committer)
            if let outcome = committer.waitForOutcome() { try finish(outcome, producer: sockets.producer) }
        }
        if holdingBack == nil {
            handOver(to: committer)
            if let outcome = committer.waitForOutcome() { try finish(outcome, producer: sockets.producer) }
        }
    }

    private func connectToProducer(_ context: Context) throws(ZeroMQError) -> Socket {
        let socket = try ProducerSession.open(
            context, endpoint: configuration.producerEndpoint, curve: configuration.curve,
            options: .init(lingerMilliseconds: 2000, maximumMessageBytes: nil), hello: hello.encoded())
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
}
