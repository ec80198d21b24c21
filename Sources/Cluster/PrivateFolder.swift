import Foundation

/// A temporary folder only this process can use, removed when released. Its name carries the
/// process id, so that a later run can remove the folders of runs that were killed (SIGKILL
/// leaves no chance to clean up).
public final class PrivateFolder {
    /// The folder's path.
    public let path: String
    private static let prefix = "pagemill-run-"

    /// Creates it in `parent`, or in the system's temporary folder.
    public init(inside parent: String? = nil) throws(ClusterError) {
        let location = parent ?? NSTemporaryDirectory()
        if parent == nil { Self.removeAbandoned(in: location) }
        var template = Array((location + "/" + Self.prefix + "\(getpid())-XXXXXX").utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ClusterError(
                .process, "cannot create a temporary folder: \(String(cString: strerror(errno)))", context: location)
        }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes folders left by runs whose process is gone.
    private static func removeAbandoned(in location: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: location) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else { continue }
            // Best effort: another run may be removing it at the same moment.
            try? FileManager.default.removeItem(atPath: location + "/" + name)
        }
    }
}
