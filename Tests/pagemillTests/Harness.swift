import Foundation
import PageGenerator
import Store
import Synchronization
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

/// A private temporary folder, removed however the test ends (kept, for reading the roles'
/// logs, when PAGEMILL_KEEP_TEST_FOLDERS is set).
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "/pagemill-test-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        if ProcessInfo.processInfo.environment["PAGEMILL_KEEP_TEST_FOLDERS"] != nil {
            print("kept \(path)")
            return
        }
        try? FileManager.default.removeItem(atPath: path)
    }

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

/// A `pagemill` process, killed (SIGKILL) if still running when released. Spawned and reaped
/// with posix_spawn and waitpid directly: Foundation's `Process` can miss a child's exit when
/// many children come and go, and then waits forever.
final class RoleProcess {
    let pid: pid_t
    let logPath: String
    private var status: Int32?

    /// Runs `pagemill ARGUMENTS`, inside network namespace `namespace` when one is given
    /// (through `ip netns exec`, which becomes the pagemill process: signals reach it).
    init(
        _ arguments: [String], log: String, namespace: String? = nil, standardInput: String = "/dev/null",
        environment extra: [String: String] = [:]
    ) throws {
        logPath = log
        guard FileManager.default.isExecutableFile(atPath: pagemillBinary) else {
            throw HarnessError("no pagemill executable at \(pagemillBinary): run `swift build` first")
        }
        let command = namespace.map { ["/usr/sbin/ip", "netns", "exec", $0, pagemillBinary] } ?? [pagemillBinary]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(extra) { $1 }
        let environment = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, command[0], &actions, nil, argv, environment)
        guard result == 0 else { throw HarnessError("posix_spawn failed: \(result)") }
        pid = child
    }

    deinit {
        if isAlive {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        }
    }

    /// Sends a signal while the process runs (never to a process id that may have been reused).
    func signal(_ number: Int32) { if isAlive { kill(pid, number) } }

    /// True while the process runs; reaps it once it has exited.
    var isAlive: Bool {
        guard status == nil else { return false }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        if result == pid {
            // Exit code, or 128 + signal number as shells report it.
            status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
            return false
        }
        return result == 0
    }

    /// True when the process was ended by a signal.
    var wasKilledBySignal: Bool { _ = waitForExit(timeout: .seconds(5)); return (status ?? 0) > 128 }

    /// Waits for the process to exit and returns its status, or nil after `timeout`.
    func waitForExit(timeout: Duration) -> Int32? {
        let stopped = waitUntil(timeout: timeout) { !self.isAlive }
        return stopped ? status : nil
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

/// Ports `freePort()` has handed out in this process.
private let portsHandedOut = Mutex<Set<Int>>([])

/// A TCP port nobody listens on right now, and never handed out before in this process: the
/// kernel may offer a port again once the probe closes, and two parts of one test given the
/// same port cannot both listen on it (a chaos run once lost its collector that way).
func freePort() throws -> Int {
    for _ in 0..<100 {
        let port = try probePort()
        if portsHandedOut.withLock({ $0.insert(port).inserted }) { return port }
    }
    throw HarnessError("cannot find a port not handed out before")
}

/// A TCP port the kernel offers for loopback now.
private func probePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
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

/// Rows in the database, read without disturbing a collector that writes it: a read-only
/// connection, no migrations, no statements prepared for writing. Nil while the database or
/// its tables are not there yet.
func storedCounts(_ path: String) -> StoreCounts? {
    guard FileManager.default.fileExists(atPath: path), let database = try? Database(path: path, readOnly: true) else {
        return nil
    }
    func count(_ table: String) -> Int? {
        guard let statement = try? database.prepare("SELECT count(*) FROM \(table)"), (try? statement.step()) == true
        else { return nil }
        return statement.int(at: 0)
    }
    guard let pages = count("pages"), let failures = count("failures") else { return nil }
    return StoreCounts(pages: pages, failures: failures)
}

/// The ids in `pages`, to compare with the inputs, read through a read-only connection.
func storedIDs(_ path: String) throws -> [String] {
    let statement = try Database(path: path, readOnly: true).prepare("SELECT id FROM pages ORDER BY id")
    var ids: [String] = []
    while try statement.step() { ids.append(statement.string(at: 0) ?? "") }
    return ids
}

/// Every end-to-end suite nests in this one, so that they run one after another: they all
/// start several processes, and the machine has two cores.
@Suite(.serialized) enum EndToEndTests {}

/// The ids of `pid`'s child processes, from /proc.
func childProcesses(of pid: pid_t) -> [pid_t] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.flatMap { task in
        ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
            .split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// Whether a process runs (a zombie waiting to be reaped counts as ended).
func processRuns(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
    return state != "Z" && state != "X"
}

/// Triggers of the harness's own in a test database, made before the collector opens it: every
/// row written to `pages` (inserted, or its content updated: a page joining a duplicate group
/// only has its `group_id` set) and every insert tried, those the primary key turned away included. What `secondWrites` measures, where the primary key cannot.
func logWrites(_ database: String) throws {
    let store = try PageStore(path: database)
    try store.database.execute(
        """
        CREATE TABLE harness_writes (id TEXT NOT NULL, kind TEXT NOT NULL);
        CREATE TRIGGER harness_tried BEFORE INSERT ON pages BEGIN INSERT INTO harness_writes VALUES (new.id, \
        'tried'); END;
        CREATE TRIGGER harness_inserted AFTER INSERT ON pages BEGIN INSERT INTO harness_writes VALUES (new.id, \
        'written'); END;
        CREATE TRIGGER harness_updated AFTER UPDATE OF text, content_hash, fetched_at, stored_at ON pages BEGIN \
        INSERT INTO harness_writes VALUES (new.id, 'written'); END;
        """)
}

/// Rows written to `pages` and inserts tried, from the triggers `logWrites` made.
func writeCounts(_ database: String) throws -> (writes: Int, attempts: Int) {
    let count = try Database(path: database, readOnly: true)
        .prepare("SELECT coalesce(sum(kind = 'written'), 0), coalesce(sum(kind = 'tried'), 0) FROM harness_writes")
    guard try count.step() else { return (0, 0) }
    return (count.int(at: 0), count.int(at: 1))
}

/// Writes to `pages` beyond one a page: a page stored twice (written, then written again).
func secondWrites(_ database: String) throws -> Int {
    let count = try Database(path: database, readOnly: true)
        .prepare("SELECT count(*) - count(DISTINCT id) FROM harness_writes WHERE kind = 'written'")
    guard try count.step() else { return 0 }
    return count.int(at: 0)
}
