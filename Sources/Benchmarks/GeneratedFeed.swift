import Extraction
import PageGenerator
import PageInput
import PageModel

/// Pages held in memory for a load test, handed to the producer as fast as it takes them
/// (closed loop) or each at its scheduled time (open loop, `rate` pages a second).
///
/// A pool of distinct pages is generated once and cycled through under fresh ids, so that a
/// long test needs neither the memory of all its pages nor generation on the hot path.
public final class GeneratedFeed: PageFeed {
    private let pool: [RawPage]
    private let count: Int
    private let interval: Duration?
    private var index = 0
    private var start: ContinuousClock.Instant?

    /// `count` pages from a pool of `pool`, released at `rate` pages a second when given.
    public init(count: Int, pool: [RawPage], rate: Double? = nil) {
        self.count = count
        self.pool = pool
        self.interval = rate.map { .nanoseconds(Int64(1e9 / max($0, 0.001))) }
    }

    /// Generates a pool of `size` distinct pages.
    public static func pool(size: Int, generator: PageGenerator) -> [RawPage] {
        (0..<max(1, size)).map { index in
            let page = generator.page(index)
            return RawPage(id: page.fileName, body: page.body, format: page.isHTML ? .html : .text)
        }
    }

    /// The pages' total size, for throughput in bytes.
    public var totalBytes: Int {
        guard !pool.isEmpty else { return 0 }
        let perCycle = pool.reduce(0) { $0 + $1.body.count }
        let cycles = count / pool.count, rest = count % pool.count
        return perCycle * cycles + pool.prefix(rest).reduce(0) { $0 + $1.body.count }
    }

    /// When page `ticket` (1 for the first) was due: the start of its latency in an open-loop test,
    /// so that a stall delays the clock of every page behind it (no coordinated omission).
    public func scheduledTime(ofTicket ticket: UInt64) -> ContinuousClock.Instant? {
        guard let interval, let start else { return nil }
        return start + interval * Int(ticket - 1)
    }

    /// The clock starts when the producer first asks, that is when a worker is ready.
    public var nextAvailable: ContinuousClock.Instant? {
        guard let interval else { return nil }
        if start == nil { start = ContinuousClock.now }
        return start.map { $0 + interval * index }
    }

    public func next(passingOver isStored: ((String) -> Bool)?) -> InputItem? {
        guard index < count, !pool.isEmpty else { return nil }
        if start == nil { start = ContinuousClock.now }
        let template = pool[index % pool.count]
        index += 1
        let id = "bench-\(index)-" + template.id
        if let isStored, isStored(id) { return .alreadyStored(id: id) }
        return .page(RawPage(id: id, body: template.body, format: template.format))
    }
}
