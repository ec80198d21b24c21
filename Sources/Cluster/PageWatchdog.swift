import Foundation
import Logging
import Synchronization

/// Ends a worker whose extraction of one page runs past the time limit. A thread cannot be
/// stopped from outside, so the process exits; the producer notices the silence, hands the page
/// to another worker after a back-off, and records it as failed once its attempts are spent.
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
        let thread = Thread { [self] in watch() }
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

    private func watch() {
        let limitNanoseconds = Int64(limit.components.seconds) * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        let interval = max(0.05, min(1, Double(limitNanoseconds) / 4e9))
        while true {
            Thread.sleep(forTimeInterval: interval)
            let started = startedAt.load(ordering: .acquiring)
            guard started != 0, Self.now() - started > limitNanoseconds else { continue }
            let id = pageID.withLock { $0 }
            logger.critical("page took longer than the time limit; exiting so that it is retried elsewhere",
                            metadata: ["page": "\(id)", "limit": "\(limit)"])
            _exit(Self.exitStatus)
        }
    }

    private static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
