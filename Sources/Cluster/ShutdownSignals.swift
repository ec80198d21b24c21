import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into shutdown requests: the first asks for a drain, the second for
/// an immediate stop, as swift-service-lifecycle's `ServiceGroup` escalates from graceful
/// shutdown to cancellation. SIGPIPE is ignored (a peer gone is an error to handle, not a
/// reason to die). Stops listening when released.
public final class ShutdownSignals {
    private var sources: [DispatchSourceSignal] = []

    /// Escalates `shutdown` on each signal, then calls `onSignal` with the signal's number.
    public init(_ shutdown: ShutdownRequest, onSignal: (@Sendable (Int32) -> Void)? = nil) {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                shutdown.escalate()
                onSignal?(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
