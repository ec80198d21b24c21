import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The proof of life a role gives from inside its loop: each turn it beats, and a probe
/// (`pagemill health`, through a file the executable keeps) sees when it last did. A role
/// stuck in a call never beats, so a probe notices what a running process would hide.
public final class Heartbeat: Sendable {
    private let last = Atomic<Int64>(0)

    public init() {}

    /// Records that the loop is turning; cheap enough for every turn.
    public func beat() {
        last.store(Self.wallClockSeconds(), ordering: .relaxed)
    }

    /// When the role last beat, in seconds since 1970; 0 before the first beat.
    public var lastBeat: Int64 { last.load(ordering: .relaxed) }

    static func wallClockSeconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec)
    }
}
