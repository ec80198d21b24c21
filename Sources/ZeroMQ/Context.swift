import CZeroMQ

/// A libzmq context: owns the I/O threads that every socket created from it shares.
///
/// Thread-safe, as libzmq contexts are. Sockets keep their context alive, so the context
/// is terminated only after the last of its sockets has been closed.
public final class Context: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// Creates a context with `ioThreads` background I/O threads.
    public init(ioThreads: Int32 = 1) throws(ZeroMQError) {
        guard let handle = zmq_ctx_new() else { throw .last("zmq_ctx_new") }
        self.handle = handle
        if ioThreads != 1, zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads) != 0 {
            zmq_ctx_term(handle)
            throw .last("zmq_ctx_set(ZMQ_IO_THREADS)")
        }
    }

    deinit {
        // zmq_ctx_term blocks until sockets are closed; ours are, since each holds the context.
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }

    /// Creates a socket of the given kind. Use it from one thread only.
    public func socket(_ kind: SocketKind) throws(ZeroMQError) -> Socket {
        try Socket(context: self, kind: kind)
    }
}
