import Extraction
import Logging
import PageInput
import Store
import WireProtocol
import ZeroMQ

/// Hands pages out to workers under leases, on credit, and forgets each only when the
/// collector says it is committed. Binds the producer endpoint (ROUTER); workers and the
/// collector connect to it (DEALER).
///
/// `run()` blocks its thread: call it from a thread of its own, never from Swift concurrency's pool.
public final class Producer {
    /// What the producer needs to know.
    public struct Configuration: Sendable {
        /// The endpoint to bind, e.g. `tcp://0.0.0.0:5557`.
        public var endpoint: String
        /// The largest page handed out; larger ones are recorded as failed.
        public var maximumPageBytes: Int
        /// Pages read but not yet committed, at most: bounds the producer's memory.
        public var maximumInFlight: Int
        /// Bytes of pages read but not yet committed, at most (past one page): bounds the
        /// producer's memory when pages are large.
        public var maximumInFlightBytes: Int = 256 << 20
        /// The protocol's clocks.
        public var timing: ClusterTiming
        /// CURVE encryption and the keys let in; nil: plain TCP, for trusted networks only.
        public var curve: CurveSettings?
        /// The most pages one worker may hold at once, whatever credit it claims: a client that
        /// asks for a million pages and never reads holds this many, until their leases expire.
        public var maximumCreditPerWorker: Int

        public init(
            endpoint: String, maximumPageBytes: Int, maximumInFlight: Int = 1024,
            timing: ClusterTiming = ClusterTiming(), maximumCreditPerWorker: Int = 64
        ) {
            self.endpoint = endpoint
            self.maximumPageBytes = maximumPageBytes
            self.maximumInFlight = maximumInFlight
            self.timing = timing
            self.maximumCreditPerWorker = max(1, maximumCreditPerWorker)
        }
    }

    /// How a run ended.
    public enum Outcome: Sendable, Equatable {
        /// Every page was committed, as a record or as a failure.
        case completed
        /// A shutdown was requested first; pages not committed were not stored.
        case interrupted
    }

    let configuration: Configuration
    let source: any PageFeed
    let commitObserver: CommitObserver?
    /// Beats once a turn of the loop, for health probes.
    public let heartbeat: Heartbeat
    let journal: ProducerJournal?
    var logger: Logger
    private let shutdown: ShutdownRequest
    /// The statistics, for progress displays on other threads.
    public let statistics: StatisticsBox<ProducerStatistics>

    let clock = ContinuousClock()
    let started = ContinuousClock.now
    /// The inputs' page count, once something has counted them (for the ETA of `pagemill status`).
    let totalPages: StatisticsBox<Int?>?
    var ledger: DeliveryLedger
    /// The workers connected, their credit and whose turn it is.
    var roster = WorkerRoster()
    var collector: (identity: [UInt8], lastSeen: ContinuousClock.Instant)?
    /// With a journal, pages are read only once a collector has said which database it writes
    /// and the journal is tied to it: the journal must never pass over a page another database holds.
    var journalAttached = false
    /// Asks the journal whether a page id was committed; built once.
    var passOver: ((String) -> Bool)?
    var nextTicket: UInt64 = 1
    var stats = ProducerStatistics()
    /// Where each crawl archive could be resumed from, written to the journal with commits.
    var archiveProgress = ArchiveProgress()
    private var lastPublished = ContinuousClock.now - .seconds(1)
    var badTraffic = BadTrafficLog()

    /// Told of each page the collector committed: its ticket, when it was first handed out, and
    /// when its acknowledgement arrived. Called on the producer's thread; keep it short.
    public typealias CommitObserver = (
        _ ticket: UInt64, _ firstDispatched: ContinuousClock.Instant, _ committed: ContinuousClock.Instant
    ) -> Void

    /// Creates a producer that reads pages from `source`, and skips and records committed pages
    /// in `journal` when there is one.
    public init(
        configuration: Configuration, source: any PageFeed, journal: ProducerJournal? = nil,
        logger: Logger, shutdown: ShutdownRequest,
        statistics: StatisticsBox<ProducerStatistics> = StatisticsBox(ProducerStatistics()),
        commitObserver: CommitObserver? = nil, heartbeat: Heartbeat = Heartbeat(),
        totalPages: StatisticsBox<Int?>? = nil
    ) {
        self.heartbeat = heartbeat
        self.totalPages = totalPages
        self.statistics = statistics
        self.commitObserver = commitObserver
        self.configuration = configuration
        self.source = source
        self.journal = journal
        self.logger = logger
        self.logger[metadataKey: "role"] = "producer"
        self.shutdown = shutdown
        self.ledger = DeliveryLedger(
            lease: configuration.timing.lease, maximumAttempts: configuration.timing.maximumAttempts)
        if let journal {
            let journalLogger = self.logger
            passOver = { id in
                do throws(StoreError) {
                    return try journal.isCommitted(id)
                } catch {
                    // Sending a committed page again is harmless (storing is idempotent); skipping one is not.
                    journalLogger.error(
                        "cannot read the journal; sending the page", metadata: ["page": "\(id)", "error": "\(error)"])
                    return false
                }
            }
            source.resume { archive in
                do throws(StoreError) {
                    return try journal.resumeOffset(of: archive)
                } catch {
                    journalLogger.error(
                        "cannot read the journal; reading the archive from its start",
                        metadata: ["archive": "\(archive)", "error": "\(error)"])
                    return nil
                }
            }
        }
    }

    /// Runs until every page is committed, or until a shutdown request has been honoured.
    public func run(context: Context) throws(ClusterError) -> Outcome {
        let sockets = try openSockets(context)
        defer { sockets.authenticator?.stop() }
        logger.info("producer listening", metadata: ["endpoint": "\(configuration.endpoint)"])
        var loop = LoopState(now: clock.now)
        while true {
            heartbeat.beat()
            if let outcome = honourShutdown(&loop) { return outcome }
            do throws(ZeroMQError) {
                try turn(sockets, &loop)
            } catch {
                if error.isContextTerminated {
                    publish(final: true)
                    return .interrupted
                }
                throw ClusterError(error)
            }
            if let outcome = finishedOrDrained(loop) { return outcome }
        }
    }

    /// The producer's sockets: the ROUTER everyone connects to, its monitor, and the CURVE
    /// authenticator when there is one.
    struct Sockets {
        let router: Socket
        let monitor: ConnectionMonitor
        let authenticator: CurveAuthenticator?
    }

    /// What the loop keeps from one turn to the next.
    struct LoopState {
        var lastHeartbeat: ContinuousClock.Instant
        var lastHousekeeping: ContinuousClock.Instant
        var drainDeadline: ContinuousClock.Instant?
        var incoming = Message(reservingFrames: 64, bytes: 1024)

        init(now: ContinuousClock.Instant) {
            lastHeartbeat = now
            lastHousekeeping = now
        }
    }

    private func openSockets(_ context: Context) throws(ClusterError) -> Sockets {
        do throws(ZeroMQError) {
            let router = try context.socket(.router)
            try router.setLinger(milliseconds: 1000)
            try router.setRouterMandatory(true)
            try router.setMaximumMessageSize(bytes: Int64(configuration.maximumPageBytes) + 1 << 20)
            let monitor = try ConnectionMonitor(watching: router, context: context)
            var authenticator: CurveAuthenticator?
            if let curve = configuration.curve {
                authenticator = try curve.startAuthenticator(context, logger: logger)
                try curve.secureBound(router)
            }
            try router.bind(configuration.endpoint)
            return Sockets(router: router, monitor: monitor, authenticator: authenticator)
        } catch {
            throw ClusterError(error)
        }
    }

    /// Stops at once on a second signal; on the first, starts the grace period of the drain.
    private func honourShutdown(_ loop: inout LoopState) -> Outcome? {
        let stage = shutdown.stage
        if stage == .immediate {
            publish(final: true)
            return .interrupted
        }
        if stage == .drain, loop.drainDeadline == nil {
            loop.drainDeadline = clock.now + configuration.timing.drainGrace
            logger.notice(
                "draining: waiting for pages in flight to be committed", metadata: ["in_flight": "\(ledger.count)"])
        }
        return nil
    }

    /// One turn: take what has arrived, keep the peers alive, hand pages out.
    private func turn(_ sockets: Sockets, _ loop: inout LoopState) throws(ZeroMQError) {
        var poller = Poller([sockets.router, sockets.monitor.socket])
        let ready = try poller.poll(timeoutMilliseconds: 50)
        let (messagesWaiting, eventsWaiting) = (ready[0], ready[1])
        if messagesWaiting {
            // Bounded, so that a flood on the socket cannot keep the rest of the turn from running.
            var handled = 0
            while handled < 1000, try sockets.router.receive(into: &loop.incoming, wait: false) {
                handle(loop.incoming, on: sockets.router)
                handled += 1
            }
        }
        if eventsWaiting {
            try badTraffic.watch(sockets.monitor, logger: logger) {
                stats.closedConnections += 1
                if $0 { stats.failedHandshakes += 1 }
            }
        }
        stats.refusedPeers = sockets.authenticator?.refused ?? 0
        let now = clock.now
        if now - loop.lastHousekeeping >= .milliseconds(200) {
            loop.lastHousekeeping = now
            housekeeping(now: now)
        }
        if now - loop.lastHeartbeat >= configuration.timing.heartbeatInterval {
            loop.lastHeartbeat = now
            sendHeartbeats(on: sockets.router)
        }
        reportFailures(on: sockets.router, now: now)
        if loop.drainDeadline == nil { dispatch(on: sockets.router, now: now) }
    }

    /// `.completed` once every page is committed; `.interrupted` once a drain is over.
    private func finishedOrDrained(_ loop: LoopState) -> Outcome? {
        let everyPageCommitted = stats.inputExhausted && ledger.count == 0
        publish(final: everyPageCommitted)
        if everyPageCommitted {
            logger.info("every page committed", metadata: ["stored": "\(stats.stored)", "failed": "\(stats.failed)"])
            return .completed
        }
        if let drainDeadline = loop.drainDeadline,
            ledger.entries.values.allSatisfy({ $0.state == .queued }) || clock.now >= drainDeadline
        {
            publish(final: true)
            logger.notice("drained", metadata: ["uncommitted": "\(ledger.count)"])
            return .interrupted
        }
        return nil
    }

    /// Sends without blocking. False when the peer is gone or its queue is full; a peer that is
    /// gone is forgotten, and its pages requeued.
    @discardableResult
    func send(_ message: WireMessage, to identity: [UInt8], on socket: Socket) -> Bool {
        do throws(ZeroMQError) {
            return try socket.send(message.encoded(to: identity), wait: false)
        } catch {
            if roster.contains(identity) {
                ledger.releaseAll(heldBy: identity, now: clock.now)
                roster.remove(identity)
            }
            if collector?.identity == identity { collector = nil }
            return false
        }
    }

    /// Publishes the statistics for other threads: every 20 ms while running (a copy per turn
    /// of the loop cost the producer a tenth of its time), and always when `final`.
    func publish(final: Bool = false) {
        let now = clock.now
        guard final || now - lastPublished >= .milliseconds(20) else { return }
        lastPublished = now
        stats.inFlight = ledger.count
        stats.workers = roster.count
        statistics.publish(stats)
    }
}
