/// Why an input, or one page of it, could not be read.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of problem.
    public enum Code: String, Sendable {
        /// The path does not exist.
        case missing
        /// The path exists but could not be opened or read.
        case unreadable
        /// A page is larger than the configured limit.
        case tooLarge
        /// A JSON Lines line is not a JSON object with a page in it.
        case malformed
    }

    /// The kind of problem.
    public let code: Code
    /// The file (and line, for JSON Lines) concerned.
    public let location: String
    /// What went wrong, for a person.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, location: String, detail: String) {
        self.code = code
        self.location = location
        self.detail = detail
    }

    public var description: String { "\(location): \(detail)" }

    /// The description for a message that already names `pageID`: the location only when it
    /// says more than the id ("stdin:2: stdin:2: …" helps nobody).
    public func description(besides pageID: String) -> String {
        location == pageID ? detail : description
    }
}
