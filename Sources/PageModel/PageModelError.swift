/// Why bytes could not be read as the page model: JSON that is not well formed, or a record
/// that lacks what every record has.
public struct PageModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// The bytes break JSON's grammar (RFC 8259), or nest deeper than the reader goes.
        case malformedJSON
        /// Well-formed JSON that is not a record: not an object, or no `id` or `text` string.
        case malformedRecord
    }

    /// The kind of failure.
    public let code: Code
    /// The page concerned, when the bytes got as far as naming it; empty otherwise.
    public let pageID: String
    /// A sentence a person can act on, with the byte offset where reading stopped.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, pageID: String = "", detail: String) {
        self.code = code
        self.pageID = pageID
        self.detail = detail
    }

    /// The same failure, now that the page it concerns is known.
    public func about(pageID: String) -> PageModelError {
        PageModelError(code, pageID: pageID, detail: detail)
    }

    /// The code and detail, and the page when it is known.
    public var description: String {
        pageID.isEmpty ? "\(code.rawValue): \(detail)" : "\(code.rawValue): \(detail) (page \(pageID))"
    }
}
