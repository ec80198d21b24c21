import Histogram
import Synchronization

/// End-to-end latencies in an HDR histogram (microsecond resolution, three significant digits,
/// up to an hour), safe to record on one thread and read on another.
public final class LatencyRecorder: Sendable {
    private let histogram = Mutex(
        Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three))

    public init() {}

    /// Records one latency; negative ones (a page committed before its slot) count as zero.
    public func record(_ latency: Duration) {
        let microseconds = latency.components.seconds * 1_000_000 + latency.components.attoseconds / 1_000_000_000_000
        let value = UInt64(max(0, min(microseconds, 3_600_000_000)))
        histogram.withLock { _ = $0.record(value) }
    }

    /// The percentiles so far.
    public var summary: LatencySummary {
        histogram.withLock { histogram in
            func milliseconds(_ value: UInt64) -> Double { Double(value) / 1000 }
            return LatencySummary(
                count: Int(histogram.totalCount),
                p50: milliseconds(histogram.valueAtPercentile(50)), p90: milliseconds(histogram.valueAtPercentile(90)),
                p99: milliseconds(histogram.valueAtPercentile(99)),
                p999: milliseconds(histogram.valueAtPercentile(99.9)),
                max: milliseconds(histogram.totalCount == 0 ? 0 : histogram.max), mean: histogram.mean / 1000)
        }
    }
}

/// Latency percentiles, in milliseconds.
public struct LatencySummary: Codable, Sendable, Equatable {
    public var count: Int
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var p999: Double
    public var max: Double
    public var mean: Double

    enum CodingKeys: String, CodingKey {
        case count, p50 = "p50_ms", p90 = "p90_ms", p99 = "p99_ms", p999 = "p99_9_ms", max = "max_ms", mean = "mean_ms"
    }
}
