import Extraction
import Foundation
import Logging
import PageGenerator
import PageModel
import PageInput
import Store
import WireProtocol
import Testing
import ZeroMQ

@testable import Cluster

/// The three roles in one process, over inproc:// sockets, each on a thread of its own: their
/// logic tested in well under a second, without processes or ports.
@Suite struct InProcessClusterTests {
    /// Runs `body` on a thread of its own; `wait` returns its result, or nil after the timeout.
    final class RoleRun<Result: Sendable>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result?

        init(_ name: String, _ body: @escaping @Sendable () -> Result) {
            let thread = Thread { [self] in
                result = body()
                done.signal()
            }
            thread.name = name
            thread.start()
        }

        func wait(seconds: Double) -> Result? {
            guard done.wait(timeout: .now() + seconds) == .success else { return nil }
            done.signal()
            return result
        }
    }

    struct Cluster {
        let folder: String
        let database: String
        let producerEndpoint = "inproc://producer-\(UUID().uuidString)"
        let collectorEndpoint = "inproc://collector-\(UUID().uuidString)"
    }

    func makeCluster(pages: Int) throws -> Cluster {
        let folder = NSTemporaryDirectory() + "/pagemill-inproc-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/pages", withIntermediateDirectories: true)
        let generator = PageGenerator(seed: 11, sizeRange: 2_000...6_000)
        for index in 0..<pages {
            let page = generator.page(index)
            try Data(page.body).write(to: URL(fileURLWithPath: folder + "/pages/" + page.fileName))
        }
        return Cluster(folder: folder, database: folder + "/pages.sqlite")
    }

    @Test func theRolesStoreEveryPageOnceAndTheJournalRemembersThem() throws {
        let cluster = try makeCluster(pages: 120)
        defer { try? FileManager.default.removeItem(atPath: cluster.folder) }
        let context = try Context()
        var timing = ClusterTiming()
        timing.peerTimeout = .seconds(2)
        let logger = Logger(label: "in-process")
        let shutdowns = (collector: ShutdownRequest(), worker: ShutdownRequest(), producer: ShutdownRequest())

        nonisolated(unsafe) let collector = Collector(
            configuration: .init(
                producerEndpoint: cluster.producerEndpoint, collectorEndpoint: cluster.collectorEndpoint,
                maximumMessageBytes: 8 << 20, timing: timing),
            store: try PageStore(path: cluster.database), logger: logger, shutdown: shutdowns.collector)
        nonisolated(unsafe) let worker = Worker(
            configuration: .init(
                producerEndpoint: cluster.producerEndpoint, collectorEndpoint: cluster.collectorEndpoint,
                name: "inproc-worker", maximumPageBytes: 4 << 20, timing: timing, pageTimeLimit: nil),
            extractor: Extractor(), logger: logger, shutdown: shutdowns.worker)
        let journal = try ProducerJournal(path: cluster.folder + "/journal.sqlite")
        nonisolated(unsafe) let producer = Producer(
            configuration: .init(endpoint: cluster.producerEndpoint, maximumPageBytes: 4 << 20, timing: timing),
            source: try PageSource(inputs: [cluster.folder + "/pages"], maximumPageBytes: 4 << 20),
            journal: journal, logger: logger, shutdown: shutdowns.producer)

        let producerRun = RoleRun("producer") { () -> Producer.Outcome? in try? producer.run(context: context) }
        let collectorRun = RoleRun("collector") { (try? collector.run(context: context)) != nil }
        let workerRun = RoleRun("worker") { (try? worker.run(context: context)) != nil }

        let outcome = producerRun.wait(seconds: 60)
        #expect(outcome == .some(.completed))
        shutdowns.worker.request(.drain)
        shutdowns.collector.request(.drain)
        #expect(workerRun.wait(seconds: 30) == true)
        #expect(collectorRun.wait(seconds: 30) == true)

        let store = try PageStore(path: cluster.database)
        #expect(try store.counts() == StoreCounts(pages: 120, failures: 0))
        #expect(producer.statistics.snapshot.stored == 120)
        #expect(journal.committedCount == 120, "the journal holds every page by id")
        #expect(journal.databaseID == store.databaseID, "and the database it describes")
    }

    /// A worker written in another language, which did not say in its `HELLO` that it reads
    /// crawl-archive records as stored, is sent them decoded by the producer.
    @Test func aWorkerThatDoesNotReadArchivedRecordsIsSentThemDecoded() throws {
        let folder = NSTemporaryDirectory() + "/pagemill-foreign-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = PageGenerator(seed: 5, sizeRange: 2_000...6_000)
        let writer = CrawlRecordWriter(seed: 5, contentEncoders: [("gzip", GzipMember.compress)])
        let page = generator.page(1)  // sent gzip-encoded: the producer must undo it
        try Data(writer.records(for: page, index: 1).flatMap(GzipMember.compress))
            .write(to: URL(fileURLWithPath: folder + "/a.warc.gz"))
        let context = try Context()
        let endpoint = "inproc://producer-\(UUID().uuidString)"
        let source = try PageSource(inputs: [folder + "/a.warc.gz"], maximumPageBytes: 4 << 20)
        source.pagesAsStored = true
        let shutdown = ShutdownRequest()
        nonisolated(unsafe) let producer = Producer(
            configuration: .init(endpoint: endpoint, maximumPageBytes: 4 << 20, timing: ClusterTiming()),
            source: source, logger: Logger(label: "foreign"), shutdown: shutdown)
        let producerRun = RoleRun("producer") { () -> Producer.Outcome? in try? producer.run(context: context) }
        defer {
            shutdown.request(.immediate)
            _ = producerRun.wait(seconds: 10)
        }
        let foreign = try context.socket(.dealer)
        try foreign.setReceiveTimeout(milliseconds: 10_000)
        try foreign.connect(endpoint)
        _ = try foreign.send(strings: ["pagemill/1", "HELLO", "worker", "py-1", "1"])
        var received: WireMessage?
        while let message = try foreign.receive() {
            let decoded = try WireMessage(decoding: message)
            if case .page = decoded {
                received = decoded
                break
            }
        }
        guard case let .page(_, _, sent) = received else {
            Issue.record("no page came: \(String(describing: received))")
            return
        }
        #expect(sent.format == (page.isHTML ? .html : .text), "decoded, not a warc-record")
        #expect(sent.body == page.body, "the page as the generator wrote it, its gzip coding undone")
        #expect(sent.id == writer.responseID(index: 1) && sent.origin?.archive == folder + "/a.warc.gz")
    }
}
