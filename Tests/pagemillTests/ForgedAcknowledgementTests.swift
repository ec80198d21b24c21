import Foundation
import Testing
import ZeroMQ

/// Only the collector may say a page is committed: an ACK from anyone else, a stranger or the
/// worker holding the pages, is ignored, logged and counted, and loses nothing.
extension EndToEndTests {
    @Suite(.serialized) struct ForgedAcknowledgementTests {
        @Test func acknowledgementsFromAnyoneButTheCollectorAreIgnored() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(300, into: "pages")
            let database = folder.file("pages.sqlite")
            let producerEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let collectorEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let shared = [
                "--producer", producerEndpoint, "--collector", collectorEndpoint, "--peer-timeout", "1", "--lease", "3",
            ]
            let collector = try RoleProcess(["collect", "--db", database] + shared, log: folder.file("collector.log"))
            let producer = try RoleProcess(
                ["produce", pages, "--journal", folder.file("journal.sqlite")] + shared,
                log: folder.file("producer.log"))
            let context = try Context()
            // A worker that takes ten pages, then says they are committed, as does a stranger.
            let forger = try context.socket(.dealer)
            try forger.setLinger(milliseconds: 0)
            try forger.connect(producerEndpoint)
            _ = try forger.send(strings: ["pagemill/1", "HELLO", "worker", "forger", "10"])
            var leased: [(ticket: String, id: String)] = []
            let gotPages = waitUntil(timeout: .seconds(30)) {
                while let message = try? forger.receive(wait: false) {
                    let frames = message.frames.map { String(decoding: $0, as: UTF8.self) }
                    if frames.count >= 5, frames[1] == "PAGE" { leased.append((frames[2], frames[4])) }
                }
                return leased.count >= 10
            }
            #expect(gotPages, "the forger got \(leased.count) pages: \(producer.log)")
            let acknowledgement = ["pagemill/1", "ACK"] + leased.flatMap { [$0.ticket, $0.id, "stored"] }
            _ = try forger.send(strings: acknowledgement)
            let stranger = try context.socket(.dealer)
            try stranger.setLinger(milliseconds: 0)
            try stranger.connect(producerEndpoint)
            _ = try stranger.send(strings: acknowledgement)
            // The stranger is told to introduce itself; the forger then goes silent and is dropped.
            let reset = waitUntil(timeout: .seconds(10)) {
                guard let message = try? stranger.receive(wait: false) else { return false }
                return message.frames.count >= 2 && String(decoding: message.frames[1], as: UTF8.self) == "RESET"
            }
            #expect(reset, "a stranger's ACK is answered with RESET")
            let workers = try (1...2).map { index in
                try RoleProcess(["work", "--name", "w\(index)"] + shared, log: folder.file("worker-\(index).log"))
            }
            let status = producer.waitForExit(timeout: .seconds(300))
            #expect(status == 0, "producer: \(producer.log)")
            collector.signal(SIGTERM)
            _ = collector.waitForExit(timeout: .seconds(30))
            workers.forEach { $0.signal(SIGTERM) }
            #expect(storedCounts(database)?.pages == 300, "\(producer.log)")
            #expect(producer.log.contains("produced: 300 stored"), "\(producer.log)")
            let joined = producer.log.split(separator: "\n").filter { $0.contains("worker joined") }
            #expect(
                !joined.isEmpty && joined.allSatisfy { $0.contains("peer=127.0.0.1") },
                "TCP peers are named by address: \(joined)")
            #expect(
                producer.log.contains("ignored: 20 acknowledgements from peers that are not the collector"),
                "\(producer.log)")
        }
    }
}
