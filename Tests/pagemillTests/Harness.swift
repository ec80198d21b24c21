import Foundation
import PageGenerator
import Store
import Testing

/// The `pagemill` executable built beside this test bundle (or named by PAGEMILL_BINARY).
let pagemillBinary: String = {
    if let path = ProcessInfo.processInfo.environment["PAGEMILL_BINARY"] { return path }
    let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: me).deletingLastPathComponent()
    // The test bundle may sit inside a .xctest folder.
    while folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
    return folder.appendingPathComponent("pagemill").path
}()

/// A private temporary folder, removed however the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "/pagemill-test-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    /// Writes `count` small generated pages into `subfolder`.
    func generatePages(_ count: Int, into subfolder: String, seed: UInt64 = 3) throws -> String {
        let folder = file(subfolder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let generator = PageGenerator(seed: seed, sizeRange: 3_000...20_000)
        for index in 0..<count {
            let page = generator.page(index)
            try Data(page.body).write(to: URL(fileURLWithPath: folder + "/" + page.fileName))
        }
        return folder
    }
}

/// A `pagemill` process, killed (SIGKILL) if still running when released.
final class RoleProcess {
    let process = Process()
    let logPath: String

    init(_ arguments: [String], log: String) throws {
        logPath = log
        guard FileManager.default.isExecutableFile(atPath: pagemillBinary) else {
            throw HarnessError("no pagemill executable at \(pagemillBinary): run `swift build` first")
        }
        FileManager.default.createFile(atPath: log, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.executableURL = URL(fileURLWithPath: pagemillBinary)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var pid: Int32 { process.processIdentifier }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to exit and returns its status, or nil after `timeout`.
    func waitForExit(timeout: Duration) -> Int32? {
        let stopped = waitUntil(timeout: timeout) { !self.process.isRunning }
        return stopped ? process.terminationStatus : nil
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` until it holds or `timeout` passes; true when it held.
@discardableResult
func waitUntil(timeout: Duration, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return condition()
}

/// A TCP port nobody listens on right now.
func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw HarnessError("socket() failed") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
        }
    }
    guard bound else { throw HarnessError("cannot find a free port") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Rows in the database, read without disturbing a collector that writes it.
func storedCounts(_ path: String) -> StoreCounts? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try? PageStore(path: path).counts()
}

/// The ids in `pages`, to compare with the inputs.
func storedIDs(_ path: String) throws -> [String] {
    try PageStore(path: path).pageIDs()
}

/// Every end-to-end suite nests in this one, so that they run one after another: they all
/// start several processes, and the machine has two cores.
@Suite(.serialized) enum EndToEndTests {}
