import Foundation
import Testing

/// A worker heartbeats while it extracts: a page slower than `--peer-timeout` (but within
/// `--page-timeout`) neither gets its worker dropped nor goes out again.
extension EndToEndTests {
    @Suite(.serialized) struct SlowPageTests {
        @Test func aSlowPageKeepsItsWorker() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(20, into: "pages")
            for index in 0..<3 {
                try Data("<p>A page that takes its time: PAGEMILL-POISON-SLOW, number \(index).</p>".utf8)
                    .write(to: URL(fileURLWithPath: pages + "/slow-\(index).html"))
            }
            let database = folder.file("pages.sqlite")
            let producerEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let collectorEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let shared = ["--producer", producerEndpoint, "--collector", collectorEndpoint, "--peer-timeout", "1"]
            let collector = try RoleProcess(["collect", "--db", database] + shared, log: folder.file("collector.log"))
            let worker = try RoleProcess(
                ["work", "--inject-faults", "--credit", "2"] + shared, log: folder.file("worker.log"))
            let producer = try RoleProcess(
                ["produce", pages, "--no-journal"] + shared, log: folder.file("producer.log"))
            #expect(producer.waitForExit(timeout: .seconds(120)) == 0, "\(producer.log)")
            collector.signal(SIGTERM)
            worker.signal(SIGTERM)
            _ = collector.waitForExit(timeout: .seconds(30))
            #expect(storedCounts(database)?.pages == 23, "\(producer.log)")
            #expect(!producer.log.contains("worker silent, dropped"), "\(producer.log)")
            #expect(producer.log.contains("0 redelivered"), "\(producer.log)")
        }
    }
}
