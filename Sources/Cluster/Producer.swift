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

    private struct Peer {
        var name: String
        var credit: Int
        /// The most pages it takes in one message (1: one `PAGE` message each).
        var pagesPerMessage: Int
        var lastSeen: ContinuousClock.Instant
        /// Pages it has passed on since it joined, for `pagemill status`.
        var finished = 0
    }

    private let configuration: Configuration
    private let source: any PageFeed
    private let commitObserver: CommitObserver?
    /// Beats once a turn of the loop, for health probes.
    public let heartbeat: Heartbeat
    private let journal: ProducerJournal?
    private var logger: Logger
    private let shutdown: ShutdownRequest
    /// The statistics, for progress displays on other threads.
    public let statistics: StatisticsBox<ProducerStatistics>

    private let clock = ContinuousClock()
    private let started = ContinuousClock.now
    /// The inputs' page count, once something has counted them (for the ETA of `pagemill status`).
    private let totalPages: StatisticsBox<Int?>?
    private var ledger: DeliveryLedger
    private var workers: [[UInt8]: Peer] = [:]
    private var workerOrder: [[UInt8]] = []
    private var nextWorker = 0
    private var collector: (identity: [UInt8], lastSeen: ContinuousClock.Instant)?
    /// With a journal, pages are read only once a collector has said which database it writes
    /// and the journal is tied to it: the journal must never pass over a page another database holds.
    private var journalAttached = false
    /// Asks the journal whether a page id was committed; built once.
    private var passOver: ((String) -> Bool)?
    private var nextTicket: UInt64 = 1
    private var stats = ProducerStatistics()
    private var lastPublished = ContinuousClock.now - .seconds(1)
    private var badTraffic = BadTrafficLog()

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
        }
    }

    /// Runs until every page is committed, or until a shutdown request has been honoured.
    public func run(context: Context) throws(ClusterError) -> Outcome {
        let socket: Socket
        let monitor: ConnectionMonitor
        var authenticator: CurveAuthenticator?
        defer { authenticator?.stop() }
        do throws(ZeroMQError) {
            socket = try context.socket(.router)
            try socket.setLinger(milliseconds: 1000)
            try socket.setRouterMandatory(true)
            try socket.setMaximumMessageSize(bytes: Int64(configuration.maximumPageBytes) + 1 << 20)
            monitor = try ConnectionMonitor(watching: socket, context: context)
            if let curve = configuration.curve {
                authenticator = try curve.startAuthenticator(context, logger: logger)
                try curve.secureBound(socket)
            }
            try socket.bind(configuration.endpoint)
        } catch {
            throw ClusterError(error)
        }
        logger.info("producer listening", metadata: ["endpoint": "\(configuration.endpoint)"])
        var poller = Poller([socket, monitor.socket])
        let timing = configuration.timing
        var lastHeartbeat = clock.now
        var lastHousekeeping = clock.now
        var drainDeadline: ContinuousClock.Instant?
        var incoming = Message(reservingFrames: 64, bytes: 1024)

        while true {
            heartbeat.beat()
            let stage = shutdown.stage
            if stage == .immediate { publish(final: true); return .interrupted }
            if stage == .drain, drainDeadline == nil {
                drainDeadline = clock.now + timing.drainGrace
                logger.notice(
                    "draining: waiting for pages in flight to be committed", metadata: ["in_flight": "\(ledger.count)"])
            }
            do throws(ZeroMQError) {
                let ready = try poller.poll(timeoutMilliseconds: 50)
                if ready[0] {
                    var handled = 0
                    while handled < 1000, try socket.receive(into: &incoming, wait: false) {
                        handle(incoming, on: socket)
                        handled += 1
                    }
                }
                if ready[1] {
                    try badTraffic.watch(monitor, logger: logger) {
                        stats.closedConnections += 1
                        if $0 { stats.failedHandshakes += 1 }
                    }
                }
                stats.refusedPeers = authenticator?.refused ?? 0
                let now = clock.now
                if now - lastHousekeeping >= .milliseconds(200) {
                    lastHousekeeping = now
                    housekeeping(now: now)
                }
                if now - lastHeartbeat >= timing.heartbeatInterval {
                    lastHeartbeat = now
                    sendHeartbeats(on: socket)
                }
                reportFailures(on: socket, now: now)
                if drainDeadline == nil { dispatch(on: socket, now: now) }
            } catch {
                if error.isContextTerminated { publish(final: true); return .interrupted }
                throw ClusterError(error)
            }
            publish(final: stats.inputExhausted && ledger.count == 0)
            if stats.inputExhausted && ledger.count == 0 {
                logger.info(
                    "every page committed", metadata: ["stored": "\(stats.stored)", "failed": "\(stats.failed)"])
                return .completed
            }
            if let drainDeadline,
                ledger.entries.values.allSatisfy({ $0.state == .queued }) || clock.now >= drainDeadline
            {
                publish(final: true)
                logger.notice("drained", metadata: ["uncommitted": "\(ledger.count)"])
                return .interrupted
            }
        }
    }

    // MARK: Messages

    private func handle(_ message: Message, on socket: Socket) {
        guard message.count >= 2 else { return }
        let identity = message.bytes(at: 0)
        let decoded: WireMessage
        do throws(WireError) {
            decoded = try WireMessage(decoding: message, from: 1)
        } catch {
            stats.rejectedMessages += 1
            badTraffic.rejected(from: message.peerAddress, reason: "\(error)", logger: logger)
            // A peer trying to introduce itself hears why it is not taken, in this version's words.
            if message.count > 2, message.frame(at: 2).elementsEqual("HELLO".utf8) {
                send(.refused(reason: "\(error.detail)"), to: identity, on: socket)
            }
            return
        }
        let now = clock.now
        if workers[identity] != nil { workers[identity]?.lastSeen = now }
        let fromCollector = collector?.identity == identity
        if fromCollector { collector?.lastSeen = now }

        switch decoded {
        case let .hello(.worker, name, credit, pagesPerMessage, _):
            if workers[identity] != nil {
                ledger.releaseAll(heldBy: identity, now: clock.now)
            } else {
                workerOrder.append(identity)
            }
            let granted = min(credit, configuration.maximumCreditPerWorker)
            workers[identity] = Peer(
                name: name, credit: granted, pagesPerMessage: min(pagesPerMessage, Self.maximumPagesPerMessage),
                lastSeen: now)
            logger.info(
                "worker joined",
                metadata: ["worker": "\(name)", "credit": "\(granted)", "peer": "\(message.peerAddress ?? "local")"])
        case let .hello(.collector, name, _, _, database):
            if let curve = configuration.curve, !curve.collectorKeys.isEmpty,
                message.peerUserID != CurveAuthenticator.privilegedUserID
            {
                // With CURVE the collector is known by its key: another allowed key is a worker.
                reject(message, reason: "HELLO as the collector from a key that is not the collector's")
                send(
                    .refused(reason: "only the collector's CURVE key may say HELLO as the collector"), to: identity,
                    on: socket)
                return
            }
            if workers[identity] != nil {
                // One peer, one role: a worker cannot make itself the collector.
                reject(message, reason: "a worker said HELLO as the collector")
                send(
                    .refused(reason: "this peer is a worker; a collector connects on a socket of its own"),
                    to: identity, on: socket)
                return
            }
            collector = (identity, now)
            logger.info(
                "collector joined",
                metadata: [
                    "collector": "\(name)", "database": "\(database ?? "unknown")",
                    "peer": "\(message.peerAddress ?? "local")",
                ])
            attachJournal(toDatabase: database)
        case let .credit(count, finished):
            guard let peer = workers[identity] else { return askToIntroduce(identity, on: socket) }
            workers[identity]?.credit = min(peer.credit + count, configuration.maximumCreditPerWorker)
            workers[identity]?.finished += finished.count
            for ticket in finished { ledger.finished(ticket, by: identity, now: now) }
        case let .handBack(tickets):
            guard workers[identity] != nil else { return askToIntroduce(identity, on: socket) }
            for ticket in tickets { ledger.handBack(ticket, from: identity) }
        case .goodbye:
            if let peer = workers[identity] {
                let released = ledger.handBackAll(heldBy: identity)
                logger.info("worker left", metadata: ["worker": "\(peer.name)", "requeued": "\(released)"])
                removeWorker(identity)
            }
        case let .acknowledge(acknowledgements):
            guard fromCollector else {
                // Only the collector knows what is committed: anyone else's ACK would lose pages.
                stats.forgedAcknowledgements += acknowledgements.count
                reject(message, reason: "an ACK from a peer that is not the collector")
                if workers[identity] == nil { askToIntroduce(identity, on: socket) }
                return
            }
            acknowledge(acknowledgements, now: now)
        case let .heartbeat(holdingBack):
            if workers[identity] == nil && !fromCollector { return askToIntroduce(identity, on: socket) }
            if fromCollector, holdingBack != stats.collectorHoldingBack {
                if let holdingBack {
                    logger.warning(
                        "the collector is holding back: its commits fail; no page is charged meanwhile",
                        metadata: ["reason": "\(holdingBack)"])
                } else {
                    logger.notice("the collector commits again")
                }
                stats.collectorHoldingBack = holdingBack
            }
        case .statusRequest:
            do throws(WireError) {
                send(.status(json: try status(now: now).encoded()), to: identity, on: socket)
            } catch {
                logger.error("cannot answer a status request", metadata: ["error": "\(error)"])
            }
        case .page, .pages, .result, .results, .failed, .reset, .refused, .status:
            reject(message, reason: "a message the producer does not take")
            if workers[identity] == nil && !fromCollector { askToIntroduce(identity, on: socket) }
        }
    }

    private func reject(_ message: Message, reason: String) {
        stats.rejectedMessages += 1
        badTraffic.rejected(from: message.peerAddress, reason: reason, logger: logger)
    }

    /// The collector's acknowledgements: forget each page, count it, and journal it by id.
    private func acknowledge(_ acknowledgements: [WireMessage.Acknowledgement], now: ContinuousClock.Instant) {
        var committed: [String] = []
        for acknowledgement in acknowledgements {
            guard let entry = ledger.acknowledge(acknowledgement.ticket, pageID: acknowledgement.pageID) else {
                stats.unknownAcknowledgements += 1
                continue
            }
            switch acknowledgement.status {
            case .stored: stats.stored += 1
            case .failed: stats.failed += 1
            case .duplicate: stats.duplicates += 1
            }
            if let dispatched = entry.firstDispatched {
                stats.endToEndLatency.record(now - dispatched)
                commitObserver?(acknowledgement.ticket, dispatched, now)
            }
            stats.bytesDone += entry.bytes
            committed.append(entry.pageID)
        }
        do throws(StoreError) {
            try journal?.record(committed)
        } catch {
            // Not fatal: the pages are stored; a restart would only send them again, harmlessly.
            logger.error("cannot write the journal", metadata: ["error": "\(error)"])
        }
    }

    /// Ties the journal to the database the collector writes; a journal of another database
    /// starts over, with a warning.
    private func attachJournal(toDatabase database: String?) {
        guard let journal else { return }
        guard let database else {
            logger.warning(
                "the collector did not say which database it writes: the journal passes nothing over this run")
            passOver = nil
            journalAttached = true
            return
        }
        do throws(StoreError) {
            let forgotten = try journal.attach(toDatabase: database)
            if forgotten > 0 {
                logger.warning(
                    "the journal described another database; starting over",
                    metadata: ["forgotten": "\(forgotten)", "database": "\(database)"])
                if stats.resumed > 0 {
                    logger.warning(
                        "pages passed over earlier in this run are not in the collector's database: run again to send them",
                        metadata: ["passed_over": "\(stats.resumed)"])
                }
            } else if journal.committedCount > 0, !journalAttached {
                logger.notice(
                    "resuming: pages committed in an earlier run will not be sent again",
                    metadata: ["committed": "\(journal.committedCount)"])
            }
        } catch {
            logger.error("cannot use the journal; it passes nothing over this run", metadata: ["error": "\(error)"])
            passOver = nil
        }
        journalAttached = true
    }

    /// How the run stands, for `pagemill status`.
    private func status(now: ContinuousClock.Instant) -> ClusterStatus {
        let holding = ledger.holdingCounts()
        let workerStatuses = workerOrder.compactMap { identity -> ClusterStatus.WorkerStatus? in
            guard let peer = self.workers[identity] else { return nil }
            let silence = now - peer.lastSeen
            return .init(
                name: peer.name, finished: peer.finished, holding: holding[identity] ?? 0,
                silentSeconds: silence.inSeconds)
        }
        let uptime = now - started
        var status = ClusterStatus(
            read: stats.read, stored: stats.stored, failed: stats.failed, resumed: stats.resumed,
            redelivered: stats.redelivered, inFlight: ledger.count, queued: ledger.queuedCount,
            total: totalPages?.snapshot, inputExhausted: stats.inputExhausted,
            uptimeSeconds: uptime.inSeconds,
            workers: workerStatuses)
        status.duplicates = stats.duplicates
        status.collectorHoldingBack = stats.collectorHoldingBack
        status.forgedAcknowledgements = stats.forgedAcknowledgements
        return status
    }

    private func askToIntroduce(_ identity: [UInt8], on socket: Socket) {
        send(.reset, to: identity, on: socket)
    }

    // MARK: Dispatch

    /// Pages go out in messages of at most this many pages, and of at most `bytesPerMessage`
    /// (past one page), to workers that take several in one message.
    static let maximumPagesPerMessage = 64
    static let bytesPerMessage = 1 << 20

    private func dispatch(on socket: Socket, now: ContinuousClock.Instant) {
        guard !workerOrder.isEmpty else { return }
        var idleRounds = 0
        var leases: [WireMessage.LeasedPage] = []
        while idleRounds < workerOrder.count {
            nextWorker = (nextWorker + 1) % workerOrder.count
            let identity = workerOrder[nextWorker]
            guard let peer = workers[identity], peer.credit > 0 else { idleRounds += 1; continue }
            let most = min(peer.credit, peer.pagesPerMessage)
            var bytes = 0
            leases.removeAll(keepingCapacity: true)
            while leases.count < most, bytes < Self.bytesPerMessage,
                let (ticket, page, attempt) = nextPage(for: identity, now: now)
            {
                if attempt > 1 { stats.redelivered += 1 }
                bytes += page.body.count
                leases.append(WireMessage.LeasedPage(ticket: ticket, attempt: attempt, page: page))
            }
            guard let first = leases.first else { return }
            idleRounds = 0
            workers[identity]?.credit -= leases.count
            let message: WireMessage =
                peer.pagesPerMessage > 1
                ? .pages(leases) : .page(ticket: first.ticket, attempt: first.attempt, page: first.page)
            if !send(message, to: identity, on: socket) {
                for lease in leases { ledger.handBack(lease.ticket, from: identity) }
            }
            // Fewer than asked for: the inputs have nothing more to give now.
            if leases.count < most, bytes < Self.bytesPerMessage { return }
        }
    }

    /// A page to lease to `worker`: one to retry first, else a fresh one from the inputs.
    private func nextPage(for worker: [UInt8], now: ContinuousClock.Instant) -> (UInt64, RawPage, Int)? {
        if let retry = ledger.leaseRetry(to: worker, now: now) { return retry }
        while !stats.inputExhausted && ledger.count < configuration.maximumInFlight
            && (ledger.heldBytes < configuration.maximumInFlightBytes || ledger.count == 0)
        {
            // A paced feed (an open-loop load test) releases each page at its time.
            if let due = source.nextAvailable, due > now { return nil }
            // With a journal, nothing is read before it is tied to the collector's database.
            if journal != nil, !journalAttached { return nil }
            guard let item = source.next(passingOver: passOver) else {
                stats.inputExhausted = true
                logger.info("every input read", metadata: ["pages": "\(stats.read)"])
                return nil
            }
            stats.read += 1
            let ticket = nextTicket
            nextTicket += 1
            switch item {
            case let .page(page):
                ledger.addLeased(ticket, page: page, to: worker, now: now)
                stats.bytesRead += page.body.count
                if stats.firstDispatchAt == nil { stats.firstDispatchAt = now }
                stats.lastDispatchAt = now
                return (ticket, page, 1)
            case let .unreadable(id, error):
                logger.warning(
                    "unreadable page", metadata: ["page": "\(id)", "error": "\(error.description(besides: id))"])
                ledger.addFailure(ticket, pageID: id, error: error.description(besides: id), bytes: 0)
            case .alreadyStored:
                // Committed in an earlier run: passed over without being read.
                stats.resumed += 1
            }
        }
        return nil
    }

    private func reportFailures(on socket: Socket, now: ContinuousClock.Instant) {
        guard let collector, !ledger.pendingFailureReports.isEmpty else { return }
        for (ticket, entry) in ledger.takeFailureReports(now: now) {
            send(
                .failed(
                    ticket: ticket, pageID: entry.pageID, reporter: "producer",
                    attempts: entry.attempts, error: entry.failure ?? "unknown error"),
                to: collector.identity, on: socket)
        }
    }

    // MARK: Liveness

    private func housekeeping(now: ContinuousClock.Instant) {
        let timeout = configuration.timing.peerTimeout
        for (identity, peer) in workers where now - peer.lastSeen > timeout {
            let released = ledger.releaseAll(heldBy: identity, now: clock.now)
            logger.warning("worker silent, dropped", metadata: ["worker": "\(peer.name)", "requeued": "\(released)"])
            removeWorker(identity)
        }
        if let collector, now - collector.lastSeen > timeout {
            logger.warning("collector silent; waiting for it to come back")
            self.collector = nil
        }
        badTraffic.summarize(logger: logger, now: now)
        stats.queued = ledger.queuedCount
        let expired = ledger.expireLeases(now: now, storeHoldingBack: stats.collectorHoldingBack != nil)
        if expired > 0 { logger.warning("leases expired; pages requeued", metadata: ["pages": "\(expired)"]) }
    }

    private func sendHeartbeats(on socket: Socket) {
        for identity in workerOrder { send(.heartbeat(), to: identity, on: socket) }
        if let collector { send(.heartbeat(), to: collector.identity, on: socket) }
    }

    private func removeWorker(_ identity: [UInt8]) {
        workers[identity] = nil
        workerOrder.removeAll { $0 == identity }
        if nextWorker >= workerOrder.count { nextWorker = 0 }
    }

    /// Sends without blocking. False when the peer is gone or its queue is full; a peer that is
    /// gone is forgotten, and its pages requeued.
    @discardableResult
    private func send(_ message: WireMessage, to identity: [UInt8], on socket: Socket) -> Bool {
        do throws(ZeroMQError) {
            return try socket.send(message.encoded(to: identity), wait: false)
        } catch {
            if workers[identity] != nil {
                ledger.releaseAll(heldBy: identity, now: clock.now)
                removeWorker(identity)
            }
            if collector?.identity == identity { collector = nil }
            return false
        }
    }

    /// Publishes the statistics for other threads: every 20 ms while running (a copy per turn
    /// of the loop cost the producer a tenth of its time), and always when `final`.
    private func publish(final: Bool = false) {
        let now = clock.now
        guard final || now - lastPublished >= .milliseconds(20) else { return }
        lastPublished = now
        stats.inFlight = ledger.count
        stats.workers = workers.count
        statistics.publish(stats)
    }
}
