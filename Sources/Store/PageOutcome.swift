import PageModel

/// What a worker made of one page, ready to store: a record, or the reason there is none.
public enum PageOutcome: Sendable {
    /// The page was extracted.
    case stored(PageRecord, worker: String?, extractionMilliseconds: Double)
    /// The page could not be processed.
    case failed(id: String, error: String, attempts: Int, worker: String?)

    /// The page's identity.
    public var pageID: String {
        switch self {
        case let .stored(record, _, _): record.id
        case let .failed(id, _, _, _): id
        }
    }
}

/// Counts of what the store holds.
public struct StoreCounts: Sendable, Equatable {
    /// Rows in `pages`.
    public var pages: Int
    /// Rows in `failures`.
    public var failures: Int

    public init(pages: Int, failures: Int) {
        self.pages = pages
        self.failures = failures
    }
}
