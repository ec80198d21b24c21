import Foundation
import Logging
import Synchronization

/// Ends a worker whose extraction of one page runs past the time limit. A thread cannot be
/// stopped from outside, so the process exits; the producer notices the silence, hands the page
/// to another worker after a back-off, and records it as failed once its attempts are spent.
/// Its own thread stops when the watchdog is released.
final class PageWatchdog: Sendable {
    private let startedAt = Atomic<Int64>(0)
    private let pageID = Mutex<String>("")
    private let limit: Duration
    private let logger: Logger

    /// The exit status of a worker stopped by its watchdog.
    static let exitStatus: Int32 = 3

    init(limit: Duration, logger: Logger) {
        self.limit = limit
        self.logger = logger
        // The thread holds the watchdog only weakly, between two looks: releasing the watchdog
        // is what stops it (within a second).
        let thread = Thread { [weak self] in
            while let watchdog = self, watchdog.watchOnce() {}
        }
        thread.name = "page-watchdog"
        thread.start()
    }

    /// Marks the start of a page's extraction.
    func begin(_ id: String) {
        pageID.withLock { $0 = id }
        startedAt.store(Self.now(), ordering: .releasing)
    }

    /// Marks its end.
    func end() {
        startedAt.store(0, ordering: .releasing)
    }

    /// Sleeps a while, then ends the process if the page at hand is overdue.
    private func watchOnce() -> Bool {
        let limitNanoseconds = Int64(limit.inSeconds * 1e9)
        Thread.sleep(forTimeInterval: max(0.05, min(1, Double(limitNanoseconds) / 4e9)))
        let started = startedAt.load(ordering: .acquiring)
        guard started != 0, Self.now() - started > limitNanoseconds else { return true }
        let id = pageID.withLock { $0 }
        logger.critical(
            "page took longer than the time limit; exiting so that it is retried elsewhere",
            metadata: ["page": "\(id)", "limit": "\(limit)"])
        _exit(Self.exitStatus)
    }

    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
