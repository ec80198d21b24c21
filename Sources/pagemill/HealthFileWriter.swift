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
