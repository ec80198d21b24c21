/// Durations counted into fixed buckets, as a Prometheus histogram reports them: cheap to
/// record on a role's thread and to copy into a statistics snapshot.
public struct LatencyHistogram: Sendable, Equatable {
    /// Upper bounds of the buckets, in seconds; a last, unbounded bucket holds the rest.
    public static let bounds: [Double] = [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]

    /// Observations per bucket (not cumulative), the last one for those over every bound.
    public private(set) var counts = [UInt64](repeating: 0, count: bounds.count + 1)
    /// The sum of all observations, in seconds.
    public private(set) var sum = 0.0
    /// The number of observations.
    public private(set) var count: UInt64 = 0

    public init() {}

    /// Counts one duration.
    public mutating func record(seconds: Double) {
        var index = 0
        while index < Self.bounds.count, seconds > Self.bounds[index] { index += 1 }
        counts[index] += 1
        sum += seconds
        count += 1
    }

    /// Counts one duration.
    public mutating func record(_ duration: Duration) {
        record(seconds: duration.inSeconds)
    }
}
