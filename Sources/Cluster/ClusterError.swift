import Store
import ZeroMQ

/// An error from a cluster role, with the endpoint, peer or page it concerns.
public struct ClusterError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// A socket could not be created, bound or connected.
        case transport
        /// The database could not be written.
        case store
        /// The producer refused this peer (`REFUSED`): another protocol version, a bad `HELLO`.
        case refused
        /// A worker process, or the private folder a local cluster runs in, could not be set up.
        case process
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for a person.
    public let detail: String
    /// The endpoint, peer or page concerned.
    public let context: String?

    /// Creates an error.
    public init(_ code: Code, _ detail: String, context: String? = nil) {
        self.code = code
        self.detail = detail
        self.context = context
    }

    init(_ error: ZeroMQError) {
        self.init(.transport, error.description, context: error.endpoint)
    }

    init(_ error: StoreError) {
        self.init(.store, error.description, context: error.path)
    }

    public var description: String {
        context.map { "\(detail) (\($0))" } ?? detail
    }
}
