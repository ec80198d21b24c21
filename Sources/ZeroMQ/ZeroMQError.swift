import CZeroMQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error from libzmq, with the errno it set, the call that failed and the endpoint involved.
public struct ZeroMQError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The errno value libzmq reported.
    public let code: Int32
    /// The libzmq call that failed, such as `zmq_bind`.
    public let operation: String
    /// The endpoint the call concerned, when there was one.
    public let endpoint: String?

    /// Creates an error from an explicit errno value.
    public init(code: Int32, operation: String, endpoint: String? = nil) {
        self.code = code
        self.operation = operation
        self.endpoint = endpoint
    }

    /// libzmq's own words for the errno value.
    public var message: String { String(cString: zmq_strerror(code)) }

    /// True when the context was terminated: every blocking call then returns this.
    public var isContextTerminated: Bool { code == ETERM }

    public var description: String {
        var text = "\(operation) failed: \(message) (errno \(code))"
        if let endpoint { text += " on \(endpoint)" }
        return text
    }

    /// The error for the errno libzmq just set.
    static func last(_ operation: String, endpoint: String? = nil) -> ZeroMQError {
        ZeroMQError(code: zmq_errno(), operation: operation, endpoint: endpoint)
    }
}
