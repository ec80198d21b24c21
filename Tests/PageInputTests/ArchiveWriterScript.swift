import Foundation
import Testing

/// Writes a test archive with a writer in Python's standard library, so that its bytes are
/// not pagemill's own: `script` is run with the archive's `kind` and `path` as its arguments.
func writeArchive(with script: String, kind: String, to path: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, kind, path]
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "the archive writer failed (\(kind), \(path))")
}
