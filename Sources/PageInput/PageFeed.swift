import PageModel

/// Where a producer takes its pages from: files and folders (`PageSource`), or pages held in
/// memory and released on a schedule, as a load test does.
public protocol PageFeed: AnyObject {
    /// The next item, or nil when there are no more. An item whose page id `isStored` says is
    /// committed comes back as `.alreadyStored`, read no further than needed to know its id.
    func next(passingOver isStored: ((String) -> Bool)?) -> InputItem?
    /// When the next item may be taken; nil means now. A feed paced at a fixed rate (an
    /// open-loop load test) says here when its next page is due.
    var nextAvailable: ContinuousClock.Instant? { get }
    /// Records of crawl archives read so far that were not pages, by reason ("redirect",
    /// "not HTML", "revisit", "request"): counted, not failures.
    var skippedRecords: [String: Int] { get }
    /// Where the item returned last lies in its crawl archive; nil for items not from one.
    var lastItemOrigin: ArchiveOrigin? { get }
    /// Archives are to start at the offset `offsets` gives for their path (a journal's record
    /// of where a run left off), when it gives one.
    func resume(from offsets: @escaping (String) -> Int?)
    /// The archives whose reading began at such an offset, and the offset.
    var resumedArchives: [(archive: String, offset: Int)] { get }
}

extension PageFeed {
    public var nextAvailable: ContinuousClock.Instant? { nil }
    public var skippedRecords: [String: Int] { [:] }
    public var lastItemOrigin: ArchiveOrigin? { nil }
    public func resume(from offsets: @escaping (String) -> Int?) {}
    public var resumedArchives: [(archive: String, offset: Int)] { [] }

    /// The next item, whether or not it was committed before.
    public func next() -> InputItem? { next(passingOver: nil) }
}

extension PageSource: PageFeed {
    public func resume(from offsets: @escaping (String) -> Int?) {
        resumeOffset = offsets
    }
}
