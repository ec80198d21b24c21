import Enrichment
import Extraction
import Foundation
import Logging
import PageInput
import PageModel
import WireProtocol
import ZeroMQ

/// Takes pages from the producer on credit, extracts them, and sends the records to the
/// collector. Connects a DEALER to the producer endpoint and a PUSH to the collector endpoint.
///
/// `run()` blocks its thread: call it from a thread of its own, never from Swift concurrency's pool.
public final class Worker {
    /// What the worker needs to know.
    public struct Configuration: Sendable {
        public var producerEndpoint: String
        public var collectorEndpoint: String
        /// The name the worker logs and stores its records under.
        public var name: String
        /// How many pages it holds at most (the one it works on included).
        public var credit: Int
        /// The largest message accepted from the producer.
        public var maximumPageBytes: Int
        /// The protocol's clocks.
        public var timing: ClusterTiming
        /// CURVE encryption and the keys let in; nil: plain TCP, for trusted networks only.
        public var curve: CurveSettings?
        /// The longest one page's extraction may take; past it the worker exits (nil: no limit).
        public var pageTimeLimit: Duration?
        /// For fault-injection runs only: a page holding `PAGEMILL-POISON-HANG` hangs the
        /// extraction, one holding `PAGEMILL-POISON-CRASH` kills the worker.
        public var injectFaults = false
        /// For load tests of the message path only: send an empty record for each page, without
        /// extracting it.
        public var skipExtraction = false
        /// The process that started this worker (`pagemill run`, `pagemill bench`), when it
        /// must not outlive it: once the parent is gone the worker stops, whatever killed it.
        public var parentProcess: Int32?
        /// What the worker adds to each record: its near-duplicate signature, with these parameters.
        public var enricher = Enricher()

        public init(
            producerEndpoint: String, collectorEndpoint: String, name: String, credit: Int = 4,
            maximumPageBytes: Int, timing: ClusterTiming = ClusterTiming(), pageTimeLimit: Duration? = .seconds(30)
        ) {
            self.pageTimeLimit = pageTimeLimit
            self.producerEndpoint = producerEndpoint
            self.collectorEndpoint = collectorEndpoint
            self.name = name
            self.credit = max(1, credit)
            self.maximumPageBytes = maximumPageBytes
            self.timing = timing
        }
    }

    private let configuration: Configuration
    private let extractor: Extractor
    private var logger: Logger
    private let shutdown: ShutdownRequest
    private let clock = ContinuousClock()

    private var held: [WireMessage.LeasedPage] = []
    /// Results the collector's queue had no room for yet, oldest first.
    private var outbox: [(tickets: [UInt64], message: Message)] = []
    /// The records of the turn so far, sent as one message at its end.
    private var turnResults: [WireMessage.WorkerResult] = []
    private var turnResultBytes = 0
    private var finishedTickets: [UInt64] = []
    private var lastHeardFromProducer: ContinuousClock.Instant
    private var silenceAllowed: Duration
    private let watchdog: PageWatchdog?
    /// Where pages are extracted, apart from the socket thread; nil for no-op load tests.
    private let lane: ExtractionLane?
    /// Extracts one page on the lane.
    private let extractOne: @Sendable (WireMessage.LeasedPage) -> ExtractionLane.Outcome

    /// At most this many pages, and about this long, between two looks at the sockets: quick
    /// pages share one CREDIT, and slow ones still report each on its own.
    static let maximumPagesPerTurn = 32
    static let turnDuration: Duration = .milliseconds(2)

    /// Pages processed so far (records and failures).
    public private(set) var processed = 0

    /// Beats once a turn of the loop, for health probes.
    public let heartbeat: Heartbeat

    /// Creates a worker.
    public init(
        configuration: Configuration, extractor: Extractor, logger: Logger, shutdown: ShutdownRequest,
        heartbeat: Heartbeat = Heartbeat()
    ) {
        self.heartbeat = heartbeat
        self.configuration = configuration
        self.extractor = extractor
        self.logger = logger
        self.logger[metadataKey: "worker"] = "\(configuration.name)"
        self.shutdown = shutdown
        self.lastHeardFromProducer = ContinuousClock().now
        self.silenceAllowed = configuration.timing.peerTimeout
        let watchdog = configuration.pageTimeLimit.map { PageWatchdog(limit: $0, logger: logger) }
        self.watchdog = watchdog
        let extractOne: @Sendable (WireMessage.LeasedPage) -> ExtractionLane.Outcome = { lease in
            Self.extract(lease, configuration: configuration, extractor: extractor, watchdog: watchdog)
        }
        self.extractOne = extractOne
        self.lane =
            configuration.skipExtraction ? nil : ExtractionLane(turnDuration: Self.turnDuration, extract: extractOne)
    }

    /// Runs until shutdown is requested; then hands back what it has not started and leaves.
    public func run(context: Context) throws(ClusterError) {
        do throws(ZeroMQError) {
            let results = try connectToCollector(context)
            var producer = try connectToProducer(context)
            var loop = LoopState(now: clock.now)
            logger.info(
                "worker started",
                metadata: [
                    "producer": "\(configuration.producerEndpoint)", "collector": "\(configuration.collectorEndpoint)",
                ])
            while shutdown.stage == .running {
                heartbeat.beat()
                try turn(results: results, producer: producer, &loop)
                guard try keepInTouch(&producer, &loop, context: context) else { return }
            }
            try drain(results: results, producer: producer)
        } catch {
            if error.isContextTerminated { return }
            throw ClusterError(error)
        }
    }

    /// What the loop keeps from one turn to the next.
    private struct LoopState {
        var lastHeartbeat: ContinuousClock.Instant
        var incoming = Message(reservingFrames: 10, bytes: 256)

        init(now: ContinuousClock.Instant) { lastHeartbeat = now }
    }

    private func connectToCollector(_ context: Context) throws(ZeroMQError) -> Socket {
        let results = try context.socket(.push)
        try results.setLinger(milliseconds: Int32(configuration.timing.drainGrace.milliseconds))
        // Messages, not bytes: a few, as a message may carry megabytes of records. While the
        // collector takes nothing, results wait here, in the outbox, and then not at all: the
        // worker stops taking pages.
        try results.setHighWaterMarks(send: 16, receive: 16)
        try configuration.curve?.secureConnected(results)
        try results.connect(Endpoint.connectable(configuration.collectorEndpoint))
        return results
    }

    /// One turn: take what the producer sent, pass results on, extract a turn's pages.
    private func turn(results: Socket, producer: Socket, _ loop: inout LoopState) throws(ZeroMQError) {
        // With pages in hand, take what has arrived without waiting; idle, wait a while.
        let busy = !held.isEmpty && outbox.isEmpty
        var readable = busy
        if !busy {
            var poller = Poller([producer])
            readable = try poller.poll(timeoutMilliseconds: 50)[0]
        }
        if readable {
            while try producer.receive(into: &loop.incoming, wait: false) { handle(loop.incoming, producer: producer) }
        }
        try flushOutbox(results, producer: producer)
        guard outbox.isEmpty, !held.isEmpty else { return }
        // Several pages a turn, for a short while: one CREDIT then covers them all, which halves
        // the messages per page when pages are quick.
        let pages = Array(held.prefix(Self.maximumPagesPerTurn))
        held.removeFirst(pages.count)
        let (outcomes, rest) = try runTurn(
            pages, producer: producer, lastHeartbeat: &loop.lastHeartbeat, incoming: &loop.incoming)
        held.insert(contentsOf: rest, at: 0)
        for outcome in outcomes { take(outcome) }
        queueTurnResults()
        try flushOutbox(results, producer: producer)
    }

    /// Heartbeats, and a new session when the producer has gone silent. False once the process
    /// that started this worker is gone: then the worker stops.
    private func keepInTouch(
        _ producer: inout Socket, _ loop: inout LoopState, context: Context
    ) throws(ZeroMQError)
        -> Bool
    {
        let now = clock.now
        if now - loop.lastHeartbeat >= configuration.timing.heartbeatInterval {
            loop.lastHeartbeat = now
            if let parent = configuration.parentProcess, getppid() != parent {
                // Its producer and collector lived in the parent: nothing held here can be committed.
                logger.warning(
                    "the process that started this worker is gone; stopping", metadata: ["parent": "\(parent)"])
                return false
            }
            try producer.send(WireMessage.heartbeat().encoded(), wait: false)
        }
        if now - lastHeardFromProducer > silenceAllowed {
            // The producer died or restarted: start a fresh session, backing off while it stays away.
            logger.warning("producer silent; reconnecting", metadata: ["after": "\(silenceAllowed)"])
            held.removeAll()
            producer = try connectToProducer(context)
            silenceAllowed = min(silenceAllowed * 2, .seconds(60))
        }
        return true
    }

    /// The worker's introduction: its first credit, and a turn's worth of pages a message.
    private var hello: Message {
        WireMessage.hello(
            role: .worker, name: configuration.name, credit: configuration.credit,
            pagesPerMessage: Self.maximumPagesPerTurn, readsArchivedRecords: true
        ).encoded()
    }

    private func connectToProducer(_ context: Context) throws(ZeroMQError) -> Socket {
        let options = ProducerSession.Options(
            lingerMilliseconds: 1000, maximumMessageBytes: Int64(configuration.maximumPageBytes) + 1 << 20)
        let socket = try ProducerSession.open(
            context, endpoint: configuration.producerEndpoint, curve: configuration.curve, options: options,
            hello: hello)
        lastHeardFromProducer = clock.now
        return socket
    }

    private func handle(_ message: Message, producer: Socket) {
        lastHeardFromProducer = clock.now
        silenceAllowed = configuration.timing.peerTimeout
        do throws(WireError) {
            switch try WireMessage(decoding: message) {
            case let .page(ticket, attempt, page):
                held.append(WireMessage.LeasedPage(ticket: ticket, attempt: attempt, page: page))
            case let .pages(leases):
                held.append(contentsOf: leases)
            case .reset:
                // The producer restarted and forgot us: whatever we hold is leased to nobody.
                logger.info("producer asked for a new session")
                held.removeAll()
                _ = try? producer.send(hello)
            case .heartbeat:
                break
            case let .refused(reason):
                // Not retried at once: the producer would say the same; reconnecting later may find another.
                logger.error("the producer refused this worker", metadata: ["reason": "\(reason)"])
            default:
                logger.warning("ignored a message a worker does not take")
            }
        } catch {
            logger.warning("rejected a message from the producer", metadata: ["error": "\(error)"])
        }
    }

    /// Results go to the collector in one message a turn, or in more when their texts pass this size.
    static let resultBytesPerMessage = 1 << 20

    /// Extracts a turn's pages: on the extraction lane, heartbeating and reading the producer's
    /// messages while it works; in place for no-op load tests, whose pages take no time.
    private func runTurn(
        _ turn: [WireMessage.LeasedPage], producer: Socket, lastHeartbeat: inout ContinuousClock.Instant,
        incoming: inout Message
    ) throws(ZeroMQError) -> ExtractionLane.TurnResult {
        guard let lane else { return ExtractionLane.run(turn, turnDuration: Self.turnDuration, extract: extractOne) }
        lane.submit(turn)
        let pause = min(configuration.timing.heartbeatInterval / 2, .milliseconds(100))
        while true {
            if let result = lane.wait(timeout: pause) { return result }
            let now = clock.now
            if now - lastHeartbeat >= configuration.timing.heartbeatInterval {
                lastHeartbeat = now
                try producer.send(WireMessage.heartbeat().encoded(), wait: false)
            }
            while try producer.receive(into: &incoming, wait: false) { handle(incoming, producer: producer) }
        }
    }

    /// What the worker adds to each record after extraction (its near-duplicate signature).

    /// Extracts one page (on the lane's thread: touches nothing of the worker's but what is Sendable).
    private static func extract(
        _ lease: WireMessage.LeasedPage, configuration: Configuration, extractor: Extractor,
        watchdog: PageWatchdog?
    ) -> ExtractionLane.Outcome {
        let started = ContinuousClock.now
        watchdog?.begin(lease.page.id)
        defer { watchdog?.end() }
        if configuration.injectFaults { FaultInjection.apply(to: lease.page) }
        if configuration.skipExtraction {
            let record = PageRecord(id: lease.page.id, text: "", wordCount: 0, contentHash: "")
            return .record(WireMessage.WorkerResult(ticket: lease.ticket, extractionMilliseconds: 0, record: record))
        }
        var page = lease.page
        if page.format == .warcRecord {
            // A crawl archive's record as stored: inflated and decoded here, not by the producer.
            do throws(InputError) {
                page = try ArchivedRecord.page(from: page, maximumPageBytes: extractor.maximumPageBytes)
            } catch {
                return .failed(lease, error.description)
            }
        }
        do throws(ExtractionError) {
            let record = configuration.enricher.enrich(try extractor.extract(page))
            let elapsed = ContinuousClock.now - started
            return .record(
                WireMessage.WorkerResult(
                    ticket: lease.ticket, extractionMilliseconds: elapsed.inSeconds * 1000,
                    record: record))
        } catch {
            return .failed(lease, error.description)
        }
    }

    /// A page's outcome: its record joins the turn's results, a failure goes out on its own.
    private func take(_ outcome: ExtractionLane.Outcome) {
        processed += 1
        switch outcome {
        case let .record(result):
            turnResults.append(result)
            turnResultBytes += result.record.text.utf8.count
            if turnResultBytes >= Self.resultBytesPerMessage { queueTurnResults() }
        case let .failed(lease, error):
            logger.info("page failed", metadata: ["page": "\(lease.page.id)", "error": "\(error)"])
            outbox.append(
                (
                    [lease.ticket],
                    WireMessage.failed(
                        ticket: lease.ticket, pageID: lease.page.id, reporter: configuration.name,
                        attempts: lease.attempt, error: error
                    ).encoded()
                ))
        }
    }

    /// Puts the turn's records in the outbox, as one message.
    private func queueTurnResults() {
        guard !turnResults.isEmpty else { return }
        outbox.append(
            (turnResults.map(\.ticket), WireMessage.results(worker: configuration.name, turnResults).encoded()))
        turnResults.removeAll(keepingCapacity: true)
        turnResultBytes = 0
    }

    /// Sends what the collector can take now; each sent result frees a credit at the producer.
    private func flushOutbox(_ results: Socket, producer: Socket) throws(ZeroMQError) {
        while let next = outbox.first {
            guard try results.send(next.message, wait: false) else { break }
            outbox.removeFirst()
            finishedTickets.append(contentsOf: next.tickets)
        }
        if !finishedTickets.isEmpty {
            try producer.send(
                WireMessage.credit(finishedTickets.count, finished: finishedTickets).encoded(), wait: false)
            finishedTickets.removeAll()
        }
    }

    private func drain(results: Socket, producer: Socket) throws(ZeroMQError) {
        logger.notice("draining", metadata: ["held": "\(held.count)", "unsent": "\(outbox.count)"])
        // With nothing to hand back, the goodbye only saves a live producer a lease timeout:
        // it may wait a moment for delivery, not the second a hand-back gets (at the end of a
        // local run the producer has gone already, and every worker would wait that second out).
        if held.isEmpty { try producer.setLinger(milliseconds: 100) }
        if !held.isEmpty {
            try producer.send(WireMessage.handBack(tickets: held.map(\.ticket)).encoded(), wait: false)
            held.removeAll()
        }
        let deadline = clock.now + configuration.timing.drainGrace
        while !outbox.isEmpty, shutdown.stage != .immediate, clock.now < deadline {
            try flushOutbox(results, producer: producer)
            if !outbox.isEmpty { Thread.sleep(forTimeInterval: 0.01) }
        }
        try producer.send(WireMessage.goodbye.encoded(), wait: false)
        if shutdown.stage == .immediate {
            try results.setLinger(milliseconds: 0)
            try producer.setLinger(milliseconds: 0)
        }
        logger.notice("stopped", metadata: ["processed": "\(processed)"])
    }
}
