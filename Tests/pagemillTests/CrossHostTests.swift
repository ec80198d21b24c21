import Foundation
import Store
import Testing

/// The cluster across hosts: producer, collector and workers each in a network namespace of
/// its own, over TCP with CURVE on; one worker's link is cut mid-run and restored. Every page
/// must be stored once, and a worker without an allowed key must store nothing.
extension EndToEndTests {
    @Suite(.serialized) struct CrossHostTests {
        static let availability = VirtualHosts.availability()

        @Test(.enabled(if: availability.0, "skipped: \(availability.1)"))
        func everyPageOnceAcrossHostsWithALinkCutAndCURVE() throws {
            let folder = try TemporaryFolder()
            for name in ["cluster", "worker", "intruder"] {
                let keygen = try RoleProcess(["keygen", folder.file(name)], log: folder.file("keygen-\(name).log"))
                #expect(keygen.waitForExit(timeout: .seconds(10)) == 0)
            }
            let allowed =
                try String(contentsOfFile: folder.file("worker.pub"), encoding: .utf8)
                + String(contentsOfFile: folder.file("cluster.pub"), encoding: .utf8)
            try allowed.write(toFile: folder.file("allowed.pub"), atomically: true, encoding: .utf8)

            let hosts = try VirtualHosts(["producer", "collector", "worker1", "worker2", "intruder"])
            let producerHost = hosts.addresses[0], collectorHost = hosts.addresses[1]
            let endpoints = [
                "--producer", "tcp://\(producerHost):5557", "--collector", "tcp://\(collectorHost):5558",
                "--peer-timeout", "1", "--lease", "10",
            ]
            let server = ["--curve-key", folder.file("cluster.key"), "--curve-allow", folder.file("allowed.pub")]
            let client = ["--curve-server-key", folder.file("cluster.pub")]
            let pages = try folder.generatePages(1000, into: "pages")
            let database = folder.file("pages.sqlite")

            try logWrites(database)
            let collector = try RoleProcess(
                ["collect", "--db", database] + server + client + endpoints,
                log: folder.file("collector.log"), namespace: hosts.names[1])
            let producer = try RoleProcess(
                ["produce", pages, "--no-journal"] + server + endpoints,
                log: folder.file("producer.log"), namespace: hosts.names[0])
            let workers = try [2, 3].map { index in
                try RoleProcess(
                    ["work", "--name", "worker-\(index)", "--curve-key", folder.file("worker.key")] + client
                        + endpoints,
                    log: folder.file("worker-\(index).log"), namespace: hosts.names[index])
            }
            let intruder = try RoleProcess(
                ["work", "--name", "intruder", "--curve-key", folder.file("intruder.key")] + client + endpoints,
                log: folder.file("intruder.log"), namespace: hosts.names[4])
            defer { for role in workers + [intruder, collector, producer] { role.signal(SIGKILL) } }

            // Mid-run, worker 1's cable is pulled until the producer gives it up, then put back.
            let midRun = waitUntil(timeout: .seconds(120)) { (storedCounts(database)?.pages ?? 0) >= 300 }
            #expect(midRun, "producer: \(producer.log.suffix(2000))")
            try hosts.setLink(of: 2, up: false)
            let dropped = waitUntil(timeout: .seconds(20)) { producer.log.contains("worker silent, dropped") }
            try hosts.setLink(of: 2, up: true)
            #expect(dropped, "the cut went unnoticed: \(producer.log.suffix(2000))")

            #expect(producer.waitForExit(timeout: .seconds(300)) == 0, "producer: \(producer.log.suffix(2000))")
            let ids = try storedIDs(database)
            #expect(ids.count == 1000, "stored \(ids.count) of 1000")
            #expect(try secondWrites(database) == 0, "a page was stored twice")
            #expect(storedCounts(database)?.failures == 0)
            #expect(producer.log.contains("refused a peer whose key is not allowed"), "the intruder was not refused")
            #expect(try PageStoreWorkers.workers(database).isDisjoint(with: ["intruder"]), "the intruder stored pages")
            print(
                "across hosts: stored \(ids.count) of 1000 once each; worker-2's link cut and restored; intruder "
                    + "refused"
            )
        }
    }
}

/// Which workers stored rows, read from the database.
enum PageStoreWorkers {
    static func workers(_ path: String) throws -> Set<String> {
        let statement = try Database(path: path, readOnly: true).prepare("SELECT DISTINCT worker FROM pages")
        var workers: Set<String> = []
        while try statement.step() {
            if let worker = statement.string(at: 0) { workers.insert(worker) }
        }
        return workers
    }
}
