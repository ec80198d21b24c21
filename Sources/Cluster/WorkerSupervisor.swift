import Foundation
import Logging

/// Starts worker processes of this same executable, restarts any that dies (with backoff),
/// and stops them all at the end. Used from one thread: the one that runs the local cluster.
public final class WorkerSupervisor {
    private struct Slot {
        var process: ChildProcess
        var restarts: Int
        var restartAt: Date?
    }

    private let launches: (Int) -> WorkerLaunch
    private let logger: Logger
    private var slots: [Slot] = []
    /// Worker deaths seen, for the summary.
    public private(set) var restarts = 0
    /// CPU time of the workers that have exited, restarted ones included.
    private var cpuSecondsOfExited = 0.0

    /// Starts `count` workers; `launch(i)` gives the settings of worker `i`.
    public init(count: Int, logger: Logger, launch: @escaping (Int) -> WorkerLaunch) throws(ClusterError) {
        self.launches = launch
        self.logger = logger
        for index in 0..<count {
            slots.append(Slot(process: try self.launch(index), restarts: 0, restartAt: nil))
        }
    }

    private func launch(_ index: Int) throws(ClusterError) -> ChildProcess {
        try ChildProcess(executable: Self.executablePath, arguments: launches(index).arguments)
    }

    /// Restarts workers that died; call it regularly.
    public func superviseOnce() {
        let now = Date()
        for index in slots.indices {
            if slots[index].process.isRunning { continue }
            if let restartAt = slots[index].restartAt {
                guard now >= restartAt else { continue }
                do {
                    cpuSecondsOfExited += slots[index].process.cpuSeconds
                    slots[index].process = try launch(index)
                    slots[index].restartAt = nil
                } catch {
                    logger.error("cannot restart worker", metadata: ["worker": "\(index)", "error": "\(error)"])
                    slots[index].restartAt = now.addingTimeInterval(5)
                }
                continue
            }
            let status = slots[index].process.exitStatus ?? -1
            restarts += 1
            slots[index].restarts += 1
            // Back off 0.1 s, 0.2 s, … up to 5 s for a worker that keeps dying.
            let delay = min(5, 0.1 * pow(2, Double(min(slots[index].restarts - 1, 6))))
            logger.warning(
                "worker died; restarting",
                metadata: ["worker": "\(index)", "status": "\(status)", "in_seconds": "\(delay)"])
            slots[index].restartAt = now.addingTimeInterval(delay)
        }
    }

    /// Asks every worker to stop (SIGTERM), without waiting: they drain while other work goes on.
    public func signalAll() {
        for slot in slots where slot.process.isRunning { slot.process.signal(SIGTERM) }
    }

    /// Sends SIGTERM to every worker, waits up to `grace` seconds, then SIGKILLs the rest.
    public func stopAll(grace: TimeInterval) {
        signalAll()
        let deadline = Date().addingTimeInterval(grace)
        while slots.contains(where: { $0.process.isRunning }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        for slot in slots where slot.process.isRunning {
            slot.process.signal(SIGKILL)
            slot.process.waitUntilExit()
        }
    }

    /// CPU seconds all workers used; complete once they have stopped (after `stopAll`).
    public var cpuSeconds: Double { cpuSecondsOfExited + slots.reduce(0) { $0 + $1.process.cpuSeconds } }

    /// This executable's path, so workers run the very same build.
    public static var executablePath: String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return CommandLine.arguments[0]
    }
}
