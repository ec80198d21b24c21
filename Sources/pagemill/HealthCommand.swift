import ArgumentParser
import Cluster
import Foundation

/// Where a role keeps its heartbeat for probes: `--health-file` (env PAGEMILL_HEALTH_FILE).
struct HealthOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A file this role rewrites every second with the time its loop last turned, for `pagemill health`. (env: PAGEMILL_HEALTH_FILE)",
                               valueName: "path"))
    var healthFile: String?

    /// Starts keeping the file for `heartbeat`, if one was asked for.
    func start(_ heartbeat: Heartbeat) -> HealthFileWriter? {
        (healthFile ?? ProcessInfo.processInfo.environment["PAGEMILL_HEALTH_FILE"]).map { HealthFileWriter(path: $0, heartbeat: heartbeat) }
    }
}

/// Rewrites the health file every second with the heartbeat's last beat (seconds since 1970),
/// atomically (a temporary file renamed over it), on a thread of its own.
final class HealthFileWriter: Sendable {
    init(path: String, heartbeat: Heartbeat) {
        let thread = Thread {
            let temporary = path + ".tmp"
            while true {
                let beat = heartbeat.lastBeat
                if beat > 0, FileManager.default.createFile(atPath: temporary, contents: Data("\(beat)\n".utf8)) {
                    _ = rename(temporary, path)
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
        thread.name = "health-file"
        thread.start()
    }
}

/// `pagemill health`: exit 0 when a role's heartbeat is fresh, 1 when it is stale or missing.
/// For container and Kubernetes probes.
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Exit 0 if a role's loop turned recently, 1 if not: a liveness probe.",
        discussion: """
            Reads the file a role keeps with --health-file. A role stuck in a call, or gone, stops
            refreshing it.

            Example (compose, Kubernetes): pagemill health --file /tmp/pagemill.health --max-age 45
            """
    )

    @Option(help: ArgumentHelp("The role's health file. (env: PAGEMILL_HEALTH_FILE)", valueName: "path"))
    var file: String?

    @Option(help: ArgumentHelp("Seconds since the last heartbeat beyond which the role is unhealthy.", valueName: "seconds"))
    var maxAge: Int = 45

    func run() throws {
        guard let file = file ?? ProcessInfo.processInfo.environment["PAGEMILL_HEALTH_FILE"] else {
            throw ValidationError("--file (or PAGEMILL_HEALTH_FILE) names the role's health file")
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let beat = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            print("unhealthy: no heartbeat in \(file)")
            throw ExitCode(1)
        }
        let age = Int(Date().timeIntervalSince1970) - beat
        guard age <= maxAge else {
            print("unhealthy: last heartbeat \(age) s ago (limit \(maxAge) s)")
            throw ExitCode(1)
        }
        print("healthy: last heartbeat \(max(0, age)) s ago")
    }
}
