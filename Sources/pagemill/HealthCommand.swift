import ArgumentParser
import Cluster
import Foundation
import Synchronization

/// `pagemill health`: exit 0 when a role's heartbeat is fresh, 1 when it is stale or missing.
/// For container and Kubernetes probes.
struct HealthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Exit 0 if a role's loop turned recently, 1 if not: a liveness probe.",
        discussion: """
            Reads the file a role keeps with --health-file. A role stuck in a call, or gone, stops \
            refreshing it.

            Example (compose, Kubernetes): pagemill health --file /tmp/pagemill.health --max-age 45
            """
    )

    @Option(help: ArgumentHelp("The role's health file. (env: PAGEMILL_HEALTH_FILE)", valueName: "path"))
    var file: String?

    @Option(
        help: ArgumentHelp("Seconds since the last heartbeat beyond which the role is unhealthy.", valueName: "seconds")
    )
    var maxAge: Int = 45

    func run() throws {
        guard let file = file ?? ProcessInfo.processInfo.environment["PAGEMILL_HEALTH_FILE"] else {
            throw ValidationError("--file (or PAGEMILL_HEALTH_FILE) names the role's health file")
        }
        let lines = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n")
        guard let first = lines.first, let beat = Int(first.trimmingCharacters(in: .whitespaces)) else {
            print("unhealthy: no heartbeat in \(file)")
            throw ExitCode(1)
        }
        let age = Int(Date().timeIntervalSince1970) - beat
        guard age <= maxAge else {
            print("unhealthy: last heartbeat \(age) s ago (limit \(maxAge) s)")
            throw ExitCode(1)
        }
        // Alive, but saying what is wrong: a restart would not mend a full disk.
        if lines.count > 1 {
            print("healthy, degraded: \(lines[1]) (last heartbeat \(max(0, age)) s ago)")
            return
        }
        print("healthy: last heartbeat \(max(0, age)) s ago")
    }
}
