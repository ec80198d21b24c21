import Logging

/// Runs one role of the cluster in this process, as `produce`, `collect` and `work` each do:
/// SIGTERM and SIGINT wired to the role's shutdown request (the first drains, the second stops
/// at once), and the services that report on the role (a metrics endpoint, a health file)
/// running beside it, stopped in reverse order once it has returned, however it returned.
/// swift-service-lifecycle's `ServiceGroup` is the model, for roles that are blocking loops
/// on the calling thread rather than async services.
public final class RoleRunner {
    /// A service that runs beside the role on a thread of its own, and how to stop it.
    public struct Companion {
        /// Its name, for the log.
        public let name: String
        let stop: () -> Void

        /// A companion called `name`, stopped by `stop`.
        public init(_ name: String, stop: @escaping () -> Void) {
            self.name = name
            self.stop = stop
        }
    }

    /// The request the role is to watch: hand it to the role's initialiser.
    public let shutdown = ShutdownRequest()
    private let logger: Logger
    private let signals: ShutdownSignals

    /// A runner whose shutdown request SIGTERM and SIGINT escalate from now on.
    public init(logger: Logger) {
        self.logger = logger
        signals = ShutdownSignals(shutdown) { [logger] number in
            logger.notice("signal received", metadata: ["signal": "\(number)"])
        }
    }

    /// Runs `role` to its end with `companions` beside it, then stops them, last started first.
    public func run<Outcome>(
        alongside companions: [Companion?] = [], _ role: () throws(ClusterError) -> Outcome
    ) throws(ClusterError) -> Outcome {
        defer {
            for companion in companions.compactMap({ $0 }).reversed() {
                companion.stop()
                logger.debug("stopped", metadata: ["service": "\(companion.name)"])
            }
        }
        return try role()
    }
}
