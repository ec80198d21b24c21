import Foundation
import Synchronization

/// Runs a blocking role loop on a thread of its own (not Swift concurrency's pool, which
/// blocking ZeroMQ and SQLite calls would starve), and lets the caller wait for its end.
final class RoleThread<Result: Sendable>: Sendable {
    private let outcome = Mutex<Swift.Result<Result, any Error>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(name: String, _ body: @escaping @Sendable () throws -> Result) {
        let thread = Thread { [self] in
            let result = Swift.Result { try body() }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        thread.name = name
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// True once the body has returned or thrown.
    var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// Waits for the body and returns what it returned, or rethrows what it threw.
    func join() throws -> Result {
        finished.wait()
        finished.signal()
        return try outcome.withLock { $0! }.get()
    }
}
