/// What the collector has done so far.
public struct CollectorStatistics: Sendable, Equatable {
    /// Results received from workers (duplicates included).
    public var received = 0
    /// New rows written to `pages`.
    public var stored = 0
    /// Failures recorded.
    public var failed = 0
    /// Records whose id the database already held: acknowledged, nothing written.
    public var duplicates = 0
    /// Stored pages replaced by a later fetch (`--on-existing replace` or `version`).
    public var replaced = 0
    /// Earlier fetches kept in `page_versions` (`--on-existing version`).
    public var versioned = 0
    /// Commits that failed (and were tried again).
    public var failedCommits = 0
    /// Why the collector is holding back, while its commits fail; nil when it is not.
    public var holdingBack: String?
    /// Transactions committed.
    public var commits = 0
    /// How long each transaction took to commit.
    public var commitLatency = LatencyHistogram()
    /// How long workers took to extract each page, as they report it.
    public var extractionLatency = LatencyHistogram()
    /// Bytes of results received from workers.
    public var bytesReceived = 0
    /// Messages ignored because they broke the protocol.
    public var rejectedMessages = 0
    /// Connections that closed: workers leaving, or peers dropped by libzmq for an oversized frame.
    public var closedConnections = 0
    /// Connections whose ZMTP handshake failed: not ZeroMQ, or a wrong mechanism.
    public var failedHandshakes = 0
    /// Peers refused because their CURVE key is not allowed.
    public var refusedPeers = 0

    public init() {}
}
