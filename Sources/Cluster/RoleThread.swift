import Foundation
import Synchronization

/// Runs a blocking role loop on a thread of its own (not Swift concurrency's pool, which
/// blocking ZeroMQ and SQLite calls would starve), and lets the caller wait for its end.
public final class RoleThread<Result: Sendable>: Sendable {
    private let outcome = Mutex<Swift.Result<Result, any Error>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` on a thread called `name`.
    public init(name: String, _ body: @escaping @Sendable () throws -> Result) {
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
    public var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// Waits for the body and returns what it returned, or rethrows what it threw.
    public func join() throws -> Result {
        finished.wait()
        finished.signal()
        // The body has stored its outcome before signalling.
        guard let result = outcome.withLock({ $0 }) else {
            preconditionFailure("a role thread signalled before it finished")
        }
        return try result.get()
    }
}
