import CZeroMQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits until any of several sockets has a message to read.
///
/// Like the sockets it polls, a poller belongs to one thread.
public struct Poller {
    private let sockets: [Socket]
    private var items: [zmq_pollitem_t]

    /// Creates a poller for input on `sockets`.
    public init(_ sockets: [Socket]) {
        self.sockets = sockets
        self.items = sockets.map { zmq_pollitem_t(socket: $0.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
    }

    /// Waits up to `timeoutMilliseconds` (-1 forever) and returns, for each socket in the
    /// order given, whether it has a message. A signal interrupting the wait returns early
    /// with nothing readable, so the caller can check its stop flag.
    public mutating func poll(timeoutMilliseconds: Int) throws(ZeroMQError) -> [Bool] {
        let result = items.withUnsafeMutableBufferPointer {
            zmq_poll($0.baseAddress, Int32($0.count), timeoutMilliseconds)
        }
        if result < 0 {
            let code = zmq_errno()
            if code == EINTR { return Array(repeating: false, count: items.count) }
            throw ZeroMQError(code: code, operation: "zmq_poll")
        }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }
}
