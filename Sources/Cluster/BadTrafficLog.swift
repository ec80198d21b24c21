import Logging
import ZeroMQ

/// Logs traffic a role ignores — messages that break the protocol, connections that fail or
/// are dropped — with the peer's address, without letting a flood flood the log: the first
/// event of each kind from each host is logged at once, repeats as one line every `interval`.
struct BadTrafficLog {
    private struct Key: Hashable {
        var host: String
        var event: String
    }

    /// Repeats since the last summary; bounded, as the peers may be many.
    private var repeats: [Key: (count: Int, peer: String, reason: String)] = [:]
    private var lastSummary: ContinuousClock.Instant
    private let interval: Duration
    private static let maximumKeysTracked = 1024

    init(interval: Duration = .seconds(10), now: ContinuousClock.Instant = ContinuousClock().now) {
        self.interval = interval
        self.lastSummary = now
    }

    /// A message that broke the protocol, from `peer` (nil when libzmq did not say, e.g. over ipc).
    mutating func rejected(from peer: String?, reason: String, logger: Logger) {
        record("rejected a message", peer: peer ?? "local", reason: reason, level: .warning, logger: logger)
    }

    /// A connection that closed. A known `reason` means the handshake failed: the peer was not
    /// speaking ZMTP, or not our security mechanism. Without one, the peer left, or libzmq
    /// dropped it for a frame over the size limit or bytes that are not ZMTP: these look the
    /// same from here.
    mutating func connectionClosed(peer: String, reason: String?, logger: Logger) {
        if let reason {
            record("handshake failed", peer: peer, reason: reason, level: .warning, logger: logger)
        } else {
            record(
                "connection closed", peer: peer,
                reason: "the peer left, or libzmq dropped it: a frame over the size limit, or not ZMTP",
                level: .notice, logger: logger)
        }
    }

    /// Logs what `monitor` reports; calls `closed` for each closed connection, with true when
    /// its handshake had failed.
    mutating func watch(_ monitor: ConnectionMonitor, logger: Logger, closed: (Bool) -> Void) throws(ZeroMQError) {
        while let event = try monitor.nextEvent() {
            switch event {
            case let .accepted(peer):
                logger.debug("connection accepted", metadata: ["peer": "\(peer)"])
            case let .disconnected(peer, reason):
                closed(reason != nil)
                connectionClosed(peer: peer, reason: reason, logger: logger)
            }
        }
    }

    private mutating func record(_ event: String, peer: String, reason: String, level: Logger.Level, logger: Logger) {
        var key = Key(host: Self.host(of: peer), event: event)
        if let seen = repeats[key] {
            repeats[key] = (seen.count + 1, peer, reason)
            return
        }
        logger.log(level: level, "\(event)", metadata: ["peer": "\(peer)", "reason": "\(reason)"])
        if repeats.count >= Self.maximumKeysTracked { key.host = "other hosts" }
        repeats[key] = (0, peer, reason)
    }

    /// Every `interval`, one line for each host and event that repeated.
    mutating func summarize(logger: Logger, now: ContinuousClock.Instant) {
        guard now - lastSummary >= interval else { return }
        lastSummary = now
        for (key, seen) in repeats where seen.count > 0 {
            logger.warning(
                "\(key.event), again",
                metadata: ["peer": "\(seen.peer)", "times": "\(seen.count)", "last_reason": "\(seen.reason)"])
        }
        repeats.removeAll(keepingCapacity: true)
    }

    /// The host part of `host:port` or `[v6]:port`.
    private static func host(of peer: String) -> String {
        if peer.hasPrefix("["), let close = peer.firstIndex(of: "]") { return String(peer[...close]) }
        if let colon = peer.lastIndex(of: ":"), peer.firstIndex(of: ":") == colon { return String(peer[..<colon]) }
        return peer
    }
}
