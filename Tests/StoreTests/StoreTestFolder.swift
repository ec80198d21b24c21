import Foundation

/// A private folder for a suite's databases, removed with the suite whatever its tests do.
final class StoreTestFolder {
    let path: String

    /// A new folder in the system's temporary folder, its name starting `pagemill-<name>-`.
    init(_ name: String) throws {
        path = NSTemporaryDirectory() + "/pagemill-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
