/// Where a producer takes its pages from: files and folders (`PageSource`), or pages held in
/// memory and released on a schedule, as a load test does.
public protocol PageFeed: AnyObject {
    /// The next item, or nil when there are no more.
    func next() -> InputItem?
    /// Passes over the next item without reading it; false at the end.
    func skip() -> Bool
    /// When the next item may be taken; nil means now. A feed paced at a fixed rate (an
    /// open-loop load test) says here when its next page is due.
    var nextAvailable: ContinuousClock.Instant? { get }
}

extension PageFeed {
    public var nextAvailable: ContinuousClock.Instant? { nil }
}

extension PageSource: PageFeed {}
