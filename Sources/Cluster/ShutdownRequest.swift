import Synchronization

/// How far a role has been asked to stop. Signal handlers raise it; role loops read it between
/// two polls, so a request is seen within one poll interval.
public final class ShutdownRequest: Sendable {
    /// The stages of stopping.
    public enum Stage: Int, Sendable, Comparable {
        /// Keep working.
        case running = 0
        /// Finish or hand back what is held, commit, then stop.
        case drain = 1
        /// Stop at once; whatever is in flight is redelivered later.
        case immediate = 2

        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private let value = Atomic<Int>(0)

    public init() {}

    /// The current stage.
    public var stage: Stage { Stage(rawValue: value.load(ordering: .acquiring)) ?? .immediate }

    /// Moves to the next stage: the first call asks for a drain, the second for an immediate stop.
    public func escalate() {
        var current = value.load(ordering: .acquiring)
        while current < Stage.immediate.rawValue {
            let (exchanged, original) = value.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if exchanged { return }
            current = original
        }
    }

    /// Moves straight to `stage` unless a later one was already asked for.
    public func request(_ stage: Stage) {
        var current = value.load(ordering: .acquiring)
        while current < stage.rawValue {
            let (exchanged, original) = value.compareExchange(
                expected: current, desired: stage.rawValue, ordering: .acquiringAndReleasing)
            if exchanged { return }
            current = original
        }
    }
}
