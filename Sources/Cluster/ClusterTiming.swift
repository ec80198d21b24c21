/// The clocks of the delivery protocol. Defaults suit a LAN; tests shorten them.
public struct ClusterTiming: Sendable {
    /// How often each peer says it is alive.
    public var heartbeatInterval: Duration = .seconds(1)
    /// Silence after which a peer is taken for dead.
    public var peerTimeout: Duration = .seconds(5)
    /// How long a page may stay with a worker, then with the collector, before it goes to another worker.
    public var lease: Duration = .seconds(60)
    /// How long a draining role may take before it stops regardless.
    public var drainGrace: Duration = .seconds(20)
    /// How many times a page is handed out before it is recorded as failed.
    public var maximumAttempts = 3

    public init() {}
}
