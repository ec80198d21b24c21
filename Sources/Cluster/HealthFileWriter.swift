import Foundation
import Synchronization

/// Rewrites the health file every second with the heartbeat's last beat (seconds since 1970)
/// and, on a second line, the role's note, atomically (a temporary file renamed over it), on a
/// thread of its own that stops with `stop()` or when the writer is released.
public final class HealthFileWriter: Sendable {
    /// Shared with the thread, which outlives nothing: released, the writer stops it and waits.
    private final class StopFlag: Sendable {
        let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .relaxed) }
    }

    private let stopping = StopFlag()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts rewriting the file at `path` for `heartbeat`; `note` says what is wrong though
    /// the loop turns (a collector holding back), or nil.
    public init(path: String, heartbeat: Heartbeat, note: @escaping @Sendable () -> String? = { nil }) {
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

    /// Stops rewriting the file and waits for the thread to end; later calls do nothing.
    public func stop() {
        guard !stopping.value.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    deinit {
        stop()
    }
}
