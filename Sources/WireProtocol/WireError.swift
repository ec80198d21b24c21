/// A message that breaks pagemill's wire protocol: what is wrong, and the ticket, page or peer
/// it concerns when known.
public struct WireError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public enum Code: String, Sendable {
        /// A message that does not follow the wire protocol.
        case malformedMessage
        /// A message from a protocol version this build does not speak.
        case unsupportedVersion
    }

    /// What is wrong.
    public let code: Code
    /// A sentence for a person.
    public let detail: String
    /// The ticket, page or peer concerned.
    public let context: String?

    /// Creates an error.
    public init(_ code: Code, _ detail: String, context: String? = nil) {
        self.code = code
        self.detail = detail
        self.context = context
    }

    public var description: String {
        context.map { "\(detail) (\($0))" } ?? detail
    }
}
