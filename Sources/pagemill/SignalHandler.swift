import Cluster
import Dispatch
import Foundation

/// Turns SIGTERM and SIGINT into shutdown requests: the first asks for a drain, the second
/// for an immediate stop. Kept alive for as long as the command runs.
final class SignalHandler {
    private var sources: [DispatchSourceSignal] = []

    init(_ shutdown: ShutdownRequest, onSignal: (@Sendable (Int32) -> Void)? = nil) {
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

/// The shutdown requests of a producer and a collector run in this process (`run`, `bench`),
/// wired to SIGTERM and SIGINT: the first signal lets the producer drain, the second stops
/// the collector too, at once. Kept alive for as long as the command runs.
final class LocalClusterShutdown {
    let producer = ShutdownRequest()
    let collector = ShutdownRequest()
    private var signals: SignalHandler?

    init() {
        let (producer, collector) = (self.producer, self.collector)
        signals = SignalHandler(producer) { _ in
            if producer.stage == .immediate { collector.request(.immediate) }
        }
    }
}
