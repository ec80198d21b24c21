import Foundation
import Testing

/// The roles as separate processes over tcp://127.0.0.1, as users deploy them.
extension EndToEndTests {
    @Suite(.serialized) struct ClusterProcessTests {
        static let pageCount = 2000

        /// Starts a collector, three workers and a producer; returns them and the database path.
        func startCluster(
            in folder: TemporaryFolder, pages: String, workers: Int = 3
        )
            throws -> (
                producer: RoleProcess, collector: RoleProcess, workers: [RoleProcess], database: String,
                endpoints: [String]
            )
        {
            let producerEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let collectorEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let database = folder.file("pages.sqlite")
            let shared = [
                "--producer", producerEndpoint, "--collector", collectorEndpoint, "--peer-timeout", "1", "--lease",
                "20",
            ]
            try logWrites(database)
            let collector = try RoleProcess(["collect", "--db", database] + shared, log: folder.file("collector.log"))
            let workerProcesses = try (1...workers).map {
                try RoleProcess(["work", "--name", "worker-\($0)"] + shared, log: folder.file("worker-\($0).log"))
            }
            let producer = try RoleProcess(
                ["produce", pages, "--journal", folder.file("journal.sqlite")] + shared,
                log: folder.file("producer.log"))
            return (producer, collector, workerProcesses, database, shared)
        }

        @Test func threeWorkersStoreEveryPageExactlyOnce() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(Self.pageCount, into: "pages")
            let cluster = try startCluster(in: folder, pages: pages)
            let status = cluster.producer.waitForExit(timeout: .seconds(300))
            #expect(status == 0, "producer: \(cluster.producer.log)")
            #expect(storedCounts(cluster.database)?.pages == Self.pageCount)
            #expect(storedCounts(cluster.database)?.failures == 0)
            let ids = try storedIDs(cluster.database)
            #expect(try secondWrites(cluster.database) == 0, "a page was stored twice")
            #expect(ids.first == "page-000000.html" || ids.first == "page-000000.txt")

            // SIGTERM drains: every role leaves on its own, and cleanly.
            for worker in cluster.workers { worker.signal(SIGTERM) }
            cluster.collector.signal(SIGTERM)
            for worker in cluster.workers {
                #expect(worker.waitForExit(timeout: .seconds(15)) == 0, "worker: \(worker.log)")
            }
            #expect(cluster.collector.waitForExit(timeout: .seconds(15)) == 0, "collector: \(cluster.collector.log)")
        }

        @Test func aWorkerKilledMidRunLosesNothingAndDuplicatesNothing() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(Self.pageCount, into: "pages")
            let cluster = try startCluster(in: folder, pages: pages)
            let midRun = waitUntil(timeout: .seconds(120)) {
                (storedCounts(cluster.database)?.pages ?? 0) >= Self.pageCount / 5
            }
            #expect(midRun, "the cluster never got going: \(cluster.producer.log)")
            cluster.workers[0].signal(SIGKILL)
            let status = cluster.producer.waitForExit(timeout: .seconds(300))
            #expect(status == 0, "producer: \(cluster.producer.log)")
            let counts = storedCounts(cluster.database)
            #expect(counts?.pages == Self.pageCount)
            #expect(counts?.failures == 0)
            #expect(cluster.workers[0].wasKilledBySignal)
        }

        @Test func aProducerKilledAndRestartedResumesWhereItWas() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(Self.pageCount, into: "pages")
            let cluster = try startCluster(in: folder, pages: pages)
            let midRun = waitUntil(timeout: .seconds(120)) {
                (storedCounts(cluster.database)?.pages ?? 0) >= Self.pageCount / 3
            }
            #expect(midRun, "the cluster never got going: \(cluster.producer.log)")
            cluster.producer.signal(SIGKILL)
            _ = cluster.producer.waitForExit(timeout: .seconds(10))
            let storedBefore = storedCounts(cluster.database)?.pages ?? 0

            // The same command line again: it must send only what was not committed.
            let restarted = try RoleProcess(
                ["produce", pages, "--journal", folder.file("journal.sqlite")] + cluster.endpoints,
                log: folder.file("producer-2.log"))
            #expect(restarted.waitForExit(timeout: .seconds(300)) == 0, "producer: \(restarted.log)")
            let counts = storedCounts(cluster.database)
            #expect(counts?.pages == Self.pageCount)
            #expect(counts?.failures == 0)
            // "produced: N stored, N failed, N redelivered, N committed in an earlier run"
            let resumed = restarted.log.components(separatedBy: "redelivered, ").last?.split(separator: " ").first
                .flatMap { Int($0) }
            // Most of what was stored before the kill is skipped; the last batches may be sent again.
            #expect((resumed ?? 0) > 0 && (resumed ?? 0) <= storedBefore, "restarted producer: \(restarted.log)")
        }
    }
}
