import Foundation
import Testing

/// `pagemill health` against a real role: healthy while its loop turns, unhealthy once stopped.
extension EndToEndTests {
    @Suite(.serialized) struct HealthCommandTests {
        func probe(_ file: String, maxAge: Int, folder: TemporaryFolder) throws -> Int32? {
            let health = try RoleProcess(
                ["health", "--file", file, "--max-age", String(maxAge)], log: folder.file("health.log"))
            return health.waitForExit(timeout: .seconds(10))
        }

        @Test func aStoppedRoleTurnsUnhealthy() throws {
            let folder = try TemporaryFolder()
            let file = folder.file("collector.health")
            #expect(try probe(file, maxAge: 2, folder: folder) == 1, "no file yet: unhealthy")
            let collector = try RoleProcess(
                [
                    "collect", "--db", folder.file("h.sqlite"), "--health-file", file,
                    "--producer", "tcp://127.0.0.1:\(try freePort())", "--collector",
                    "tcp://127.0.0.1:\(try freePort())",
                ],
                log: folder.file("collector.log"))
            let healthy = waitUntil(timeout: .seconds(20)) { (try? probe(file, maxAge: 2, folder: folder)) == 0 }
            #expect(healthy, "collector: \(collector.log)")
            collector.signal(SIGSTOP)
            let unhealthy = waitUntil(timeout: .seconds(20)) { (try? probe(file, maxAge: 2, folder: folder)) == 1 }
            #expect(unhealthy, "a stopped collector still looked healthy")
            collector.signal(SIGCONT)
            collector.signal(SIGTERM)
            #expect(collector.waitForExit(timeout: .seconds(15)) == 0)
        }
    }
}
