/// Why a page could not be turned into a record.
public struct ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// The page has no bytes, or only white space.
        case empty
        /// The bytes are not text (images, archives, executables).
        case binary
        /// The page is bigger than the extractor accepts.
        case tooLarge
        /// The page parsed, but held no text at all.
        case noContent
    }

    /// The kind of failure.
    public let code: Code
    /// The page concerned.
    public let pageID: String
    /// A sentence a person can act on.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, pageID: String, detail: String) {
        self.code = code
        self.pageID = pageID
        self.detail = detail
    }

    /// The code and detail, and the page when it is known .
    public var description: String {
        pageID.isEmpty ? "\(code.rawValue): \(detail)" : "\(code.rawValue): \(detail) (page \(pageID))"
    }
}
