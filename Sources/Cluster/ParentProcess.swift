import CProcessControl
import Foundation

/// A worker started by a local cluster ends with the process that started it, whatever ends
/// that one (SIGKILL included), so that no worker outlives its `run` or `bench`.
public enum ParentProcess {
    /// Asks the kernel to SIGKILL this process when its parent dies, then checks that the
    /// parent is still `expected` (it may have died before the request was made). Throws when
    /// it is gone; a system without the request is logged by the caller, and the worker loop
    /// still looks at its parent each heartbeat.
    public static func endWithParent(_ expected: Int32) throws(ClusterError) -> String? {
        var warning: String?
        if pagemill_set_parent_death_signal(SIGKILL) != 0 {
            warning = "cannot ask to be stopped with the parent: \(String(cString: strerror(errno)))"
        }
        guard getppid() == expected else {
            throw ClusterError(.process, "the process that started this worker is already gone", context: "\(expected)")
        }
        return warning
    }
}
