import ArgumentParser
import Cluster
import Foundation

/// Where a role keeps its heartbeat for probes: `--health-file` (env PAGEMILL_HEALTH_FILE).
struct HealthOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A file this role rewrites every second with the time its loop last turned, for `pagemill health`. "
                + "(env: PAGEMILL_HEALTH_FILE)",
            valueName: "path"))
    var healthFile: String?

    /// Starts keeping the file for `heartbeat`, if one was asked for; `note` says what is
    /// wrong though the loop turns (a collector holding back), or nil.
    func start(_ heartbeat: Heartbeat, note: @escaping @Sendable () -> String? = { nil }) -> HealthFileWriter? {
        (healthFile ?? ProcessInfo.processInfo.environment["PAGEMILL_HEALTH_FILE"]).map {
            HealthFileWriter(path: $0, heartbeat: heartbeat, note: note)
        }
    }
}

extension HealthFileWriter? {
    /// The writer as a service beside a role, when there is one.
    var companion: RoleRunner.Companion? {
        self.map { writer in RoleRunner.Companion("health file") { writer.stop() } }
    }
}
