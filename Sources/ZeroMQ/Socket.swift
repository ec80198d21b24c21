import CZeroMQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A libzmq socket. Not thread-safe, as libzmq sockets are not: create it, use it and let
/// it go on one thread. Closed when released.
public final class Socket {
    let handle: UnsafeMutableRawPointer
    /// Keeps the context alive as long as the socket: libzmq requires it.
    private let context: Context
    /// The kind the socket was created as.
    public let kind: SocketKind
    /// The endpoints bound or connected, for error messages.
    public private(set) var endpoints: [String] = []

    init(context: Context, kind: SocketKind) throws(ZeroMQError) {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else {
            throw .last("zmq_socket(\(kind))")
        }
        self.handle = handle
        self.context = context
        self.kind = kind
    }

    deinit {
        zmq_close(handle)
    }

    private var endpointDescription: String? { endpoints.isEmpty ? nil : endpoints.joined(separator: ",") }

    // MARK: Endpoints

    /// Binds to an endpoint such as `tcp://127.0.0.1:5557` or `ipc:///tmp/x`.
    public func bind(_ endpoint: String) throws(ZeroMQError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw .last("zmq_bind", endpoint: endpoint) }
        endpoints.append(endpoint)
    }

    /// Connects to an endpoint; libzmq reconnects by itself when the peer goes away.
    public func connect(_ endpoint: String) throws(ZeroMQError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw .last("zmq_connect", endpoint: endpoint) }
        endpoints.append(endpoint)
    }

    /// The endpoint last bound, with the port libzmq chose for a `:*` or `:0` wildcard.
    public var lastEndpoint: String? {
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return nil }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: Sending and receiving

    /// Sends a multipart message. Returns false when `wait` is false and the message could
    /// not be queued at once (high-water mark reached, or no peer for a ROUTER's identity).
    @discardableResult
    public func send(_ message: Message, wait: Bool = true) throws(ZeroMQError) -> Bool {
        let last = message.count - 1
        guard last >= 0 else { return true }
        for index in 0...last {
            var flags: Int32 = index < last ? ZMQ_SNDMORE : 0
            if !wait { flags |= ZMQ_DONTWAIT }
            while true {
                let result: Int32
                switch message.parts[index] {
                case let .inline(start, end):
                    result = message.withSmallFrame(start, end) { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                case let .shared(frame):
                    result =
                        frame.count >= Self.lentFrameBytes
                        ? sendLent(frame, flags: flags)
                        : frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                }
                if result >= 0 { break }
                let code = zmq_errno()
                if code == EINTR { continue }
                // A multipart message is atomic: only the first frame can fail with EAGAIN.
                if code == EAGAIN && index == 0 { return false }
                throw ZeroMQError(code: code, operation: "zmq_send", endpoint: endpointDescription)
            }
        }
        return true
    }

    /// Frames at least this large are lent to libzmq rather than copied: a page of 174 KB
    /// copied into each message cost the producer two fifths of its time.
    static let lentFrameBytes = 32 * 1024

    /// Sends `frame` without copying it: libzmq gets the array's bytes, kept alive by a box it
    /// releases (from its I/O thread) once the bytes are written out. The array is never
    /// mutated, so its storage stays where it is.
    private func sendLent(_ frame: [UInt8], flags: Int32) -> Int32 {
        let box = Unmanaged.passRetained(LentFrame(frame))
        let bytes = box.takeUnretainedValue().bytes.withUnsafeBytes {
            UnsafeMutableRawPointer(mutating: $0.baseAddress!)
        }
        var part = zmq_msg_t()
        let created = zmq_msg_init_data(
            &part, bytes, frame.count,
            { _, hint in
                if let hint { Unmanaged<LentFrame>.fromOpaque(hint).release() }
            }, box.toOpaque())
        guard created == 0 else {
            box.release()
            return -1
        }
        let result = zmq_msg_send(&part, handle, flags)
        // Sent, the message belongs to libzmq; unsent, closing it returns the box.
        if result < 0 {
            let code = zmq_errno()
            zmq_msg_close(&part)
            errno = code
        }
        return result
    }

    /// Sends a message made of UTF-8 strings.
    @discardableResult
    public func send(strings: [String], wait: Bool = true) throws(ZeroMQError) -> Bool {
        try send(Message(strings: strings), wait: wait)
    }

    /// Receives a whole multipart message. Returns nil when `wait` is false and none is
    /// waiting, or when a receive timeout set with `setReceiveTimeout` expires.
    public func receive(wait: Bool = true) throws(ZeroMQError) -> Message? {
        var message = Message(reservingFrames: 8, bytes: 256)
        return try receive(into: &message, wait: wait) ? message : nil
    }

    /// Receives a whole multipart message into `message`, replacing what it held and reusing
    /// its buffers: for loops that receive many messages. Returns false when `wait` is false
    /// and none is waiting, or when a receive timeout set with `setReceiveTimeout` expires.
    public func receive(into message: inout Message, wait: Bool = true) throws(ZeroMQError) -> Bool {
        message.removeAll()
        var part = zmq_msg_t()
        zmq_msg_init(&part)
        defer { zmq_msg_close(&part) }
        while true {
            let flags: Int32 = (wait || message.count > 0) ? 0 : ZMQ_DONTWAIT
            let size = zmq_msg_recv(&part, handle, flags)
            if size < 0 {
                let code = zmq_errno()
                if code == EINTR { continue }
                if code == EAGAIN && message.count == 0 { return false }
                throw ZeroMQError(code: code, operation: "zmq_msg_recv", endpoint: endpointDescription)
            }
            // A ROUTER's first frame is the routing id it made up, which carries no metadata:
            // the peer's address is on the frames that came over the wire.
            if message.peerAddress == nil, let address = zmq_msg_gets(&part, "Peer-Address") {
                message.peerAddress = String(cString: address)
            }
            if message.peerUserID == nil, let user = zmq_msg_gets(&part, "User-Id") {
                message.peerUserID = String(cString: user)
            }
            message.appendReceived(UnsafeRawBufferPointer(start: zmq_msg_data(&part), count: Int(size)))
            if zmq_msg_more(&part) == 0 { return true }
        }
    }

    /// True when a message can be received right now without blocking.
    public var hasIncoming: Bool {
        (try? integerOption(ZMQ_EVENTS)).map { $0 & ZMQ_POLLIN != 0 } ?? false
    }

    // MARK: Options

    /// How long, in milliseconds, unsent messages may linger after close. -1 is forever.
    public func setLinger(milliseconds: Int32) throws(ZeroMQError) {
        try setIntegerOption(ZMQ_LINGER, milliseconds, "ZMQ_LINGER")
    }

    /// The high-water marks: how many messages may queue per peer in each direction.
    public func setHighWaterMarks(send: Int32, receive: Int32) throws(ZeroMQError) {
        try setIntegerOption(ZMQ_SNDHWM, send, "ZMQ_SNDHWM")
        try setIntegerOption(ZMQ_RCVHWM, receive, "ZMQ_RCVHWM")
    }

    /// The largest inbound message accepted; a peer that sends a bigger one is disconnected.
    public func setMaximumMessageSize(bytes: Int64) throws(ZeroMQError) {
        var value = bytes
        try setOption(ZMQ_MAXMSGSIZE, &value, MemoryLayout<Int64>.size, "ZMQ_MAXMSGSIZE")
    }

    /// When true, messages queue only to completed connections, not to peers not yet there.
    public func setImmediate(_ on: Bool) throws(ZeroMQError) {
        try setIntegerOption(ZMQ_IMMEDIATE, on ? 1 : 0, "ZMQ_IMMEDIATE")
    }

    /// The reconnection interval, first and largest, for connected sockets (exponential backoff).
    public func setReconnectInterval(milliseconds: Int32, maximum: Int32) throws(ZeroMQError) {
        try setIntegerOption(ZMQ_RECONNECT_IVL, milliseconds, "ZMQ_RECONNECT_IVL")
        try setIntegerOption(ZMQ_RECONNECT_IVL_MAX, maximum, "ZMQ_RECONNECT_IVL_MAX")
    }

    /// A receive timeout in milliseconds; -1 waits forever.
    public func setReceiveTimeout(milliseconds: Int32) throws(ZeroMQError) {
        try setIntegerOption(ZMQ_RCVTIMEO, milliseconds, "ZMQ_RCVTIMEO")
    }

    /// A send timeout in milliseconds; -1 waits forever.
    public func setSendTimeout(milliseconds: Int32) throws(ZeroMQError) {
        try setIntegerOption(ZMQ_SNDTIMEO, milliseconds, "ZMQ_SNDTIMEO")
    }

    /// The identity a ROUTER peer sees for this socket.
    public func setRoutingIdentity(_ identity: [UInt8]) throws(ZeroMQError) {
        var bytes = identity
        try setOption(ZMQ_ROUTING_ID, &bytes, bytes.count, "ZMQ_ROUTING_ID")
    }

    /// For a ROUTER: fail a send to an unknown identity with EHOSTUNREACH instead of dropping it.
    public func setRouterMandatory(_ on: Bool) throws(ZeroMQError) {
        try setIntegerOption(ZMQ_ROUTER_MANDATORY, on ? 1 : 0, "ZMQ_ROUTER_MANDATORY")
    }

    func setIntegerOption(_ option: Int32, _ value: Int32, _ name: String) throws(ZeroMQError) {
        var value = value
        try setOption(option, &value, MemoryLayout<Int32>.size, name)
    }

    func setStringOption(_ option: Int32, _ value: String, _ name: String) throws(ZeroMQError) {
        var bytes = Array(value.utf8)
        try setOption(option, &bytes, bytes.count, name)
    }

    private func setOption(_ option: Int32, _ value: UnsafeRawPointer, _ size: Int, _ name: String) throws(ZeroMQError)
    {
        guard zmq_setsockopt(handle, option, value, size) == 0 else {
            throw .last("zmq_setsockopt(\(name))", endpoint: endpointDescription)
        }
    }

    private func integerOption(_ option: Int32) throws(ZeroMQError) -> Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, option, &value, &size) == 0 else {
            throw .last("zmq_getsockopt", endpoint: endpointDescription)
        }
        return value
    }
}

/// A frame's bytes while libzmq holds them.
private final class LentFrame {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}
