import CZeroMQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Watches the TCP connections of a bound socket, so that a role can log and count peers
/// libzmq drops on its own — a peer that sent a frame over `ZMQ_MAXMSGSIZE`, bytes that are
/// not ZMTP, or that never finished its handshake — with the peer's address.
///
/// Belongs to the thread of the socket it watches; poll `socket` with the others.
public final class ConnectionMonitor {
    /// What happened to one connection.
    public enum Event: Sendable, Equatable {
        /// A peer connected from `peer`.
        case accepted(peer: String)
        /// The connection from `peer` closed; `reason` says why when libzmq said
        /// (a failed handshake), and is nil for an ordinary close or a dropped connection.
        case disconnected(peer: String, reason: String?)
    }

    /// The socket on which libzmq reports events: poll it for input, then call `nextEvent()`.
    public let socket: Socket
    /// Peer addresses by file descriptor, learnt when each connection is accepted.
    private var peers: [Int32: String] = [:]
    /// A handshake failure seen just before the disconnection it causes.
    private var pendingReason: String?

    /// Starts watching `watched`, which must come from `context`.
    public init(watching watched: Socket, context: Context) throws(ZeroMQError) {
        let address = "inproc://pagemill-monitor-\(UInt(bitPattern: watched.handle))"
        let events =
            ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
            | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
        guard zmq_socket_monitor(watched.handle, address, events) == 0 else {
            throw .last("zmq_socket_monitor", endpoint: address)
        }
        socket = try context.socket(.pair)
        try socket.setLinger(milliseconds: 0)
        try socket.connect(address)
    }

    /// The next event, or nil when none is waiting. Events that concern no peer are skipped.
    public func nextEvent() throws(ZeroMQError) -> Event? {
        while let message = try socket.receive(wait: false) {
            guard let header = message.frames.first, header.count >= 6 else { continue }
            let event = Int32(UInt16(header[0]) | UInt16(header[1]) << 8)
            let value = header[2...5].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            switch event {
            case ZMQ_EVENT_ACCEPTED:
                let descriptor = Int32(bitPattern: value)
                let peer = Self.peerAddress(of: descriptor) ?? "fd \(descriptor)"
                peers[descriptor] = peer
                return .accepted(peer: peer)
            case ZMQ_EVENT_DISCONNECTED:
                let descriptor = Int32(bitPattern: value)
                let peer = peers.removeValue(forKey: descriptor) ?? "fd \(descriptor)"
                defer { pendingReason = nil }
                return .disconnected(peer: peer, reason: pendingReason)
            case ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL:
                pendingReason = "ZMTP protocol error 0x\(String(value, radix: 16))"
            case ZMQ_EVENT_HANDSHAKE_FAILED_AUTH:
                pendingReason = "authentication failed (status \(value))"
            case ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL:
                pendingReason = "handshake failed: \(String(cString: strerror(Int32(bitPattern: value))))"
            default:
                continue
            }
        }
        return nil
    }

    /// `address:port` of the far end of a connected TCP socket.
    private static func peerAddress(of descriptor: Int32) -> String? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        if Int32(storage.ss_family) == AF_UNIX { return "ipc" }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        let flags = NI_NUMERICHOST | NI_NUMERICSERV
        let named = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, length, &host, socklen_t(host.count), &service, socklen_t(service.count), Int32(flags))
            }
        }
        guard named == 0 else { return nil }
        let hostText = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let serviceText = String(decoding: service.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return hostText.contains(":") ? "[\(hostText)]:\(serviceText)" : "\(hostText):\(serviceText)"
    }
}
