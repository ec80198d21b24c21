import Foundation

/// A child process of this executable, spawned with posix_spawn and reaped with waitpid.
/// Foundation's `Process` can miss a child's exit when children come and go, and then reports
/// it running forever; a supervisor must see every death.
public final class ChildProcess {
    /// The child's process id.
    public let pid: pid_t
    /// The exit code, or 128 + the signal's number, once the child has been reaped.
    public private(set) var exitStatus: Int32?
    /// CPU time (user and system) the child used, known once it has been reaped.
    public private(set) var cpuSeconds: Double = 0

    /// Starts `executable` with `arguments`, sharing this process's standard streams.
    public init(executable: String, arguments: [String]) throws(ClusterError) {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, nil, nil, argv, environ)
        guard result == 0 else {
            throw ClusterError(.process, "cannot start it: \(String(cString: strerror(result)))", context: executable)
        }
        pid = child
    }

    /// True while the child runs; reaps it, and records its status, once it has exited.
    public var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var raw: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &raw, WNOHANG, &usage)
        guard result == pid else { return result == 0 }
        reaped(raw, usage)
        return false
    }

    /// Sends signal `number` to the child, if it still runs.
    public func signal(_ number: Int32) {
        if isRunning { kill(pid, number) }
    }

    /// Waits for the child's exit.
    public func waitUntilExit() {
        guard isRunning else { return }
        var raw: Int32 = 0
        var usage = rusage()
        while wait4(pid, &raw, 0, &usage) == -1 && errno == EINTR {}
        reaped(raw, usage)
    }

    private func reaped(_ raw: Int32, _ usage: rusage) {
        // The exit code, or 128 + the signal's number, as shells report it.
        exitStatus = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        cpuSeconds =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
