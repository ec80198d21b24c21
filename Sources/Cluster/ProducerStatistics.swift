import Synchronization

/// What the producer has done so far; a snapshot, safe to read from any thread.
public struct ProducerStatistics: Sendable, Equatable {
    /// Pages read from the inputs (unreadable ones included).
    public var read = 0
    /// Pages the collector committed as records.
    public var stored = 0
    /// Pages the collector recorded as failed.
    public var failed = 0
    /// Pages a journal showed were committed in an earlier run, and so were not sent again.
    public var resumed = 0
    /// Pages whose id the database already held (a repeated id in the inputs, or a page stored
    /// by an earlier run): acknowledged, not stored again.
    public var duplicates = 0
    /// Acknowledgements ignored because they came from a peer that is not the collector.
    public var forgedAcknowledgements = 0
    /// Acknowledgements for tickets the producer has no page for (late repeats, or forged).
    public var unknownAcknowledgements = 0
    /// Why the collector is holding back (its commits failing), as it last said; nil when it is not.
    public var collectorHoldingBack: String?
    /// Pages handed out again after a worker died, hung or handed them back.
    public var redelivered = 0
    /// Pages read but not yet committed.
    public var inFlight = 0
    /// Workers currently connected.
    public var workers = 0
    /// Raw bytes of the pages committed so far.
    public var bytesDone = 0
    /// Raw bytes of the pages read from the inputs so far.
    public var bytesRead = 0
    /// Pages waiting to be handed (again) to a worker.
    public var queued = 0
    /// From a page's first dispatch to the collector's acknowledgement of its commit.
    public var endToEndLatency = LatencyHistogram()
    /// Messages ignored because they broke the protocol.
    public var rejectedMessages = 0
    /// Connections that closed: peers leaving, or dropped by libzmq for an oversized frame.
    public var closedConnections = 0
    /// Connections whose ZMTP handshake failed: not ZeroMQ, or a wrong mechanism.
    public var failedHandshakes = 0
    /// Peers refused because their CURVE key is not allowed.
    public var refusedPeers = 0
    /// True once every input has been read.
    public var inputExhausted = false
    /// Crawl-archive records that were not pages, by reason (not failures: not pages at all).
    public var skippedRecords: [String: Int] = [:]
    /// Crawl archives whose reading began where the journal said an earlier run left off, and
    /// the bytes of them not read again.
    public var resumedArchives = 0
    /// Crawl-archive records found damaged (cut short, a member or frame that will not
    /// decompress, not WARC) or too large while reading: each a failure row.
    public var unreadableArchiveRecords = 0
    public var resumedArchiveBytes = 0
    /// When the first and the latest fresh page were handed out: the producer's dispatch rate.
    public var firstDispatchAt: ContinuousClock.Instant?
    public var lastDispatchAt: ContinuousClock.Instant?

    /// Pages committed either way, in this run or an earlier one.
    public var done: Int { stored + failed + resumed + duplicates }

    public init() {}
}

/// A lock-protected box through which a role publishes its statistics to other threads.
public final class StatisticsBox<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    public init(_ initial: Value) {
        value = Mutex(initial)
    }

    /// The latest snapshot.
    public var snapshot: Value { value.withLock { $0 } }

    /// Replaces the value; for values other threads provide (a page count, say).
    public func publish(_ new: Value) {
        value.withLock { $0 = new }
    }
}
