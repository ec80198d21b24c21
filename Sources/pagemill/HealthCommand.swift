import ArgumentParser
import Cluster
import Foundation
import Synchronization

/// Where a role keeps its heartbeat for probes: `--health-file` (env PAGEMILL_HEALTH_FILE).
struct HealthOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A file this role rewrites every second with the time its loop last turned, for `pagemill health`. (env: PAGEMILL_HEALTH_FILE)",
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

/// Rewrites the health file every second with the heartbeat's last beat (seconds since 1970)
/// and, on a second line, the role's note, atomically (a temporary file renamed over it), on a
/// thread of its own that stops when the writer is released.
final class HealthFileWriter: Sendable {
    /// Shared with the thread, which outlives nothing: released, the writer stops it and waits.
    private final class StopFlag: Sendable {
        let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .relaxed) }
    }

    private let stopping = StopFlag()
    private let finished = DispatchSemaphore(value: 0)

    init(path: String, heartbeat: Heartbeat, note: @escaping @Sendable () -> String?) {
        let thread = Thread { [stopping, finished] in
            let temporary = path + ".tmp"
            while !stopping.isSet {
                let beat = heartbeat.lastBeat
                let text = "\(beat)\n" + (note().map { $0.replacingOccurrences(of: "\n", with: " ") + "\n" } ?? "")
                if beat > 0, FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) {
                    _ = rename(temporary, path)
                }
                for _ in 0..<10 where !stopping.isSet { Thread.sleep(forTimeInterval: 0.1) }
            }
            finished.signal()
        }
        thread.name = "health-file"
        thread.start()
    }

    deinit {
        stopping.value.store(true, ordering: .relaxed)
        finished.wait()
    }
}

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
