import Enrichment
import Extraction
import Foundation
import PageGenerator
import PageInput
import Store
import Testing
import ZeroMQ

/// The fault-injection harness: `produce`, `collect` and three `work` processes over
/// tcp://127.0.0.1 on generated pages with poison pages mixed in, under a seeded schedule of
/// faults (SIGKILL and restart of a worker, of the collector and of the producer; SIGSTOP and
/// SIGCONT of a worker; a network cut between a worker and the rest; a rogue client sending
/// garbage; a client that takes pages and forges their acknowledgements; the database's disk
/// filling up, then freed). Each worker reaches the producer and the collector through a
/// `NetworkLink`. Afterwards every good page must be stored exactly once, every poison page
/// recorded as failed, and no page be both; and the duplicate groups (copies and edited copies
/// are mixed in) must be those the same pages give without faults.
///
/// `make test` runs three schedules; any number: `PAGEMILL_CHAOS_SCHEDULES=50 swift test --filter ChaosTests`
/// (`PAGEMILL_CHAOS_FIRST_SEED` to start the series elsewhere).
extension EndToEndTests {
    @Suite(.serialized) struct ChaosTests {
        static let schedules = Int(ProcessInfo.processInfo.environment["PAGEMILL_CHAOS_SCHEDULES"] ?? "") ?? 3
        /// The first seed, to continue an interrupted series: PAGEMILL_CHAOS_FIRST_SEED=20.
        static let firstSeed = Int(ProcessInfo.processInfo.environment["PAGEMILL_CHAOS_FIRST_SEED"] ?? "") ?? 1
        static let goodPages = 1000

        enum Fault: CaseIterable {
            case killWorker, stopWorker, cutNetwork, killCollector, killProducer, rogueClient, forgedAcknowledgements,
                diskFull
        }

        @Test(arguments: firstSeed..<(firstSeed + schedules))
        func everyPageIsStoredExactlyOnceWhateverFails(seed: Int) throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(Self.goodPages, into: "pages", seed: UInt64(seed))
            let poison = ["poison-hang.html": "PAGEMILL-POISON-HANG", "poison-crash.html": "PAGEMILL-POISON-CRASH"]
            for (name, marker) in poison {
                try Data("<html><body><p>A page that \(marker) its worker, every time.</p></body></html>".utf8)
                    .write(to: URL(fileURLWithPath: pages + "/" + name))
            }
            try Self.addCopies(of: pages)
            let cluster = try ChaosCluster(folder: folder, pages: pages)
            var random = SeededRandom(seed: UInt64(seed))
            var faults = Fault.allCases
            faults.shuffle(using: &random)

            // Each fault fires once the store has grown by another share of the pages.
            for (index, fault) in faults.enumerated() {
                let threshold = Self.goodPages * (index + 1) / (faults.count + 2)
                waitUntil(timeout: .seconds(120)) {
                    cluster.restartDeadWorkers()
                    return cluster.storedPages >= threshold || !cluster.producer.isAlive
                }
                try cluster.inject(fault, random: &random)
            }
            let finished = waitUntil(timeout: .seconds(300)) {
                cluster.restartDeadWorkers()
                return !cluster.producer.isAlive
            }
            let status = cluster.producer.waitForExit(timeout: .seconds(10))
            #expect(finished, "the producer never finished: \(cluster.producer.log.suffix(2000))")
            #expect(status == 0, "producer: \(cluster.producer.log.suffix(2000))")

            let store = try cluster.store()
            let stored = Set(try store.pageIDs())
            let failed = Set(try store.failures().map { $0.id })
            let expected = Set(try FileManager.default.contentsOfDirectory(atPath: pages)).subtracting(poison.keys)
            let missing = expected.subtracting(stored).sorted().prefix(10)
            let extra = stored.subtracting(expected).sorted().prefix(10)
            #expect(stored == expected, "lost: \(missing), extra: \(extra)")
            #expect(failed == Set(poison.keys), "failures: \(failed)")
            #expect(stored.isDisjoint(with: failed))
            let lost = expected.subtracting(stored).count
            // Measured on the writes themselves, not on the primary key (which cannot repeat):
            // a page written twice (inserted, then replaced or updated) shows as a second write.
            let (writes, attempts) = try writeCounts(cluster.database)
            let duplicated = writes - stored.count
            #expect(duplicated == 0, "\(duplicated) second writes of one page")
            let groups = try Self.groups(in: store)
            let expectedGroups = try Self.groupsWithoutFaults(pages, excluding: Set(poison.keys), folder: folder)
            #expect(groups.count > 20, "copies grouped: \(groups.count) pages in groups")
            #expect(groups == expectedGroups, "groups differ from a run without faults")
            let faultList = faults.map { "\($0)" }.joined(separator: ",")
            print(
                "chaos schedule \(seed) (\(cluster.storeFault)): faults \(faultList); "
                    + "\(groups.count) pages in duplicate groups, as without faults; "
                    + "pages \(expected.count + poison.count), stored "
                    + "\(stored.count), failed \(failed.count), lost \(lost), duplicated \(duplicated) (writes "
                    + "\(writes)); results committed again and caught by the key \(attempts - writes)"
            )
        }
    }
}

extension EndToEndTests.ChaosTests {
    /// Copies of some pages (the same bytes) and edited copies (a sentence added), for the
    /// collector to group.
    static func addCopies(of pages: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: pages).sorted().prefix(40)
        for (index, name) in names.enumerated() {
            var body = try String(contentsOfFile: pages + "/" + name, encoding: .utf8)
            if index % 2 == 1, let end = body.range(of: "</p>") {
                body.replaceSubrange(end, with: " Updated later in the day with one more remark.</p>")
            }
            try Data(body.utf8).write(to: URL(fileURLWithPath: pages + "/copy-\(index)-" + name))
        }
    }

    /// Each grouped page's group, and the pairs found.
    static func groups(in store: PageStore) throws -> [String: String] {
        let rows = try store.database.prepare("SELECT id, group_id FROM pages WHERE group_id IS NOT NULL")
        var groups: [String: String] = [:]
        while try rows.step() { groups[rows.string(at: 0) ?? ""] = rows.string(at: 1) ?? "" }
        return groups
    }

    /// The groups of the same pages extracted and stored in order, in this process: no faults,
    /// no cluster.
    static func groupsWithoutFaults(
        _ pages: String, excluding poison: Set<String>, folder: TemporaryFolder
    ) throws -> [String: String] {
        let store = try PageStore(path: folder.file("without-faults.sqlite"))
        let source = try PageSource(inputs: [pages], maximumPageBytes: 32 << 20)
        let (extractor, enricher) = (Extractor(), Enricher())
        var outcomes: [PageOutcome] = []
        while let item = source.next() {
            guard case let .page(page) = item, !poison.contains(page.id) else { continue }
            outcomes.append(
                .stored(enricher.enrich(try extractor.extract(page)), worker: nil, extractionMilliseconds: 0))
        }
        try store.store(outcomes)
        return try groups(in: store)
    }

    /// `pagemill run` itself dies, by SIGKILL, at seeded moments, three times: each time its
    /// workers end with it, and the same command, run again, finishes the work from its journal;
    /// its last run removes the ipc folders the killed ones left.
    @Test(arguments: firstSeed..<(firstSeed + schedules))
    func aRunKilledAtAnyMomentLosesNothing(seed: Int) throws {
        let folder = try TemporaryFolder()
        let temporary = folder.file("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let total = 1500
        let pages = try folder.generatePages(total, into: "pages", seed: UInt64(seed))
        let database = folder.file("run.sqlite")
        let command = ["run", pages, "--db", database, "--workers", "2"]
        var random = SeededRandom(seed: UInt64(seed))
        for kill in 1...3 {
            let threshold = total * kill / 4 + Int(random.next() % UInt64(total / 8))
            let run = try RoleProcess(command, log: folder.file("run-\(kill).log"), environment: ["TMPDIR": temporary])
            var workers: [pid_t] = []
            let reached = waitUntil(timeout: .seconds(120)) {
                workers = childProcesses(of: run.pid)
                return (storedCounts(database)?.pages ?? 0) >= threshold || !run.isAlive
            }
            #expect(reached && run.isAlive, "run \(kill) ended before its kill: \(run.log.suffix(1000))")
            run.signal(SIGKILL)
            #expect(run.wasKilledBySignal)
            let ended = waitUntil(timeout: .seconds(20)) { !workers.contains(where: processRuns) }
            #expect(ended, "workers still running after their run was killed: \(workers.filter(processRuns))")
        }
        let last = try RoleProcess(command, log: folder.file("run-last.log"), environment: ["TMPDIR": temporary])
        #expect(last.waitForExit(timeout: .seconds(300)) == 0, "\(last.log)")
        let store = try PageStore(path: database)
        let expected = Set(try FileManager.default.contentsOfDirectory(atPath: pages))
        let stored = Set(try store.pageIDs())
        #expect(stored == expected, "lost: \(expected.subtracting(stored).sorted().prefix(10))")
        #expect(try store.failures().isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty,
            "the killed runs' ipc folders remain")
        print(
            "chaos run-death schedule \(seed): run SIGKILLed 3 times; pages \(total), stored \(stored.count), "
                + "lost \(expected.subtracting(stored).count)"
        )
    }
}

/// The processes of one chaos run, restarted as the schedule says.
final class ChaosCluster {
    let folder: TemporaryFolder
    let pages: String
    let endpoints: [String]
    /// For each worker, its links to the producer and to the collector.
    let links: [(producer: NetworkLink, collector: NetworkLink)]
    let database: String
    var producer: RoleProcess
    var collector: RoleProcess
    var workers: [RoleProcess]
    private var restarts = 0
    /// A small disk of its own for the database (a tmpfs), where the harness may mount one.
    private let disk: String?
    /// What the disk-full phase does here: fill a disk, or (without one) hold the write lock.
    var storeFault: String { disk == nil ? "store fault: write lock held" : "store fault: disk full" }

    init(folder: TemporaryFolder, pages: String) throws {
        self.folder = folder
        self.pages = pages
        let producerPort = try freePort()
        let collectorPort = try freePort()
        let endpoints =
            ["--producer", "tcp://127.0.0.1:\(producerPort)", "--collector", "tcp://127.0.0.1:\(collectorPort)"]
            + Self.timing
        self.endpoints = endpoints
        let links = try (0..<3).map { _ in (try NetworkLink(to: producerPort), try NetworkLink(to: collectorPort)) }
        self.links = links
        let disk = folder.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        self.disk = shell("mount -t tmpfs -o size=512m pagemill-chaos \(disk)") ? disk : nil
        database = (self.disk ?? folder.path) + "/pages.sqlite"
        try logWrites(database)
        collector = try RoleProcess(["collect", "--db", database] + endpoints, log: folder.file("collector-0.log"))
        workers = try (0..<3).map { try Self.startWorker($0, folder: folder, links: links, generation: 0) }
        producer = try Self.startProducer(pages: pages, folder: folder, endpoints: endpoints, generation: 0)
    }

    deinit {
        for link in links {
            link.producer.stop()
            link.collector.stop()
        }
        // The database's disk goes last, once nothing has it open.
        for role in [producer, collector] + workers where role.isAlive {
            role.signal(SIGKILL)
            _ = role.waitForExit(timeout: .seconds(10))
        }
        if let disk { _ = shell("umount -l \(disk)") }
    }

    static let timing = ["--peer-timeout", "1", "--lease", "10", "--max-attempts", "3", "--drain-grace", "2"]

    var storedPages: Int { storedCounts(database)?.pages ?? 0 }

    func store() throws -> PageStore { try PageStore(path: database) }

    private static func startWorker(
        _ index: Int, folder: TemporaryFolder, links: [(producer: NetworkLink, collector: NetworkLink)],
        generation: Int
    ) throws -> RoleProcess {
        let endpoints =
            [
                "--producer", "tcp://127.0.0.1:\(links[index].producer.port)",
                "--collector", "tcp://127.0.0.1:\(links[index].collector.port)",
            ] + timing
        return try RoleProcess(
            ["work", "--name", "worker-\(index)", "--inject-faults", "--page-timeout", "2"] + endpoints,
            log: folder.file("worker-\(index)-\(generation).log"))
    }

    private static func startProducer(
        pages: String, folder: TemporaryFolder, endpoints: [String], generation: Int
    ) throws -> RoleProcess {
        try RoleProcess(
            ["produce", pages, "--journal", folder.file("journal.sqlite")] + endpoints,
            log: folder.file("producer-\(generation).log"))
    }

    private func startWorker(_ index: Int) throws -> RoleProcess {
        restarts += 1
        return try Self.startWorker(index, folder: folder, links: links, generation: restarts)
    }

    private func startProducer() throws -> RoleProcess {
        restarts += 1
        return try Self.startProducer(pages: pages, folder: folder, endpoints: endpoints, generation: restarts)
    }

    /// Workers that died (a poison page, a fault) come back, as a supervisor would bring them.
    func restartDeadWorkers() {
        for index in workers.indices where !workers[index].isAlive {
            if let replacement = try? startWorker(index) { workers[index] = replacement }
        }
    }

    func inject(_ fault: EndToEndTests.ChaosTests.Fault, random: inout SeededRandom) throws {
        if ProcessInfo.processInfo.environment["PAGEMILL_KEEP_TEST_FOLDERS"] != nil {
            print("\(Date()) injecting \(fault) at \(storedPages) stored")
        }
        switch fault {
        case .killWorker:
            let victim = Int(random.next() % UInt64(workers.count))
            workers[victim].signal(SIGKILL)
            _ = workers[victim].waitForExit(timeout: .seconds(10))
            workers[victim] = try startWorker(victim)
        case .stopWorker:
            let victim = Int(random.next() % UInt64(workers.count))
            let dropped = timesDropped(victim)
            workers[victim].signal(SIGSTOP)
            // Until the producer drops it and hands its pages to others.
            waitUntil(timeout: .seconds(10)) { timesDropped(victim) > dropped }
            workers[victim].signal(SIGCONT)
        case .cutNetwork:
            let victim = Int(random.next() % UInt64(workers.count))
            let dropped = timesDropped(victim)
            if ProcessInfo.processInfo.environment["PAGEMILL_KEEP_TEST_FOLDERS"] != nil {
                print("cutting worker-\(victim)")
            }
            let reconnections = workers[victim].log.components(separatedBy: "producer silent").count
            links[victim].producer.cut()
            links[victim].collector.cut()
            // Until the worker, hearing nothing, reconnects (its new connection waits at the cut,
            // its results are held there) and the producer, if it knew the worker, drops it.
            // (A worker hanging on the poison page meanwhile dies instead: as cut off as can be.)
            let reconnected = waitUntil(timeout: .seconds(10)) {
                workers[victim].log.components(separatedBy: "producer silent").count > reconnections
                    || !workers[victim].isAlive
            }
            let separated = waitUntil(timeout: .seconds(3)) { timesDropped(victim) > dropped } || reconnected
            #expect(
                separated || !producer.isAlive,
                "the cut did not separate worker-\(victim) from the producer (\(folder.path))")
            links[victim].producer.mend()
            links[victim].collector.mend()
        case .killCollector:
            collector.signal(SIGKILL)
            _ = collector.waitForExit(timeout: .seconds(10))
            restarts += 1
            collector = try RoleProcess(
                ["collect", "--db", database] + endpoints, log: folder.file("collector-\(restarts).log"))
        case .killProducer:
            guard producer.isAlive else { return }
            producer.signal(SIGKILL)
            _ = producer.waitForExit(timeout: .seconds(10))
            producer = try startProducer()
        case .rogueClient:
            try sendGarbage()
        case .forgedAcknowledgements:
            try forgeAcknowledgements()
        case .diskFull:
            try failTheStore()
        }
    }

    /// A client that takes pages as a worker, says they are committed (as does a stranger), and
    /// goes silent: the pages must come back from the producer and be stored.
    private func forgeAcknowledgements() throws {
        let context = try Context()
        let forger = try context.socket(.dealer)
        try forger.setLinger(milliseconds: 0)
        try forger.connect(endpoints[1])
        _ = try forger.send(strings: ["pagemill/1", "HELLO", "worker", "forger", "8"])
        var leased: [String] = []
        waitUntil(timeout: .seconds(5)) {
            while let message = try? forger.receive(wait: false) {
                let frames = message.frames.map { String(decoding: $0, as: UTF8.self) }
                if frames.count >= 5, frames[1] == "PAGE" { leased += [frames[2], frames[4], "stored"] }
            }
            return leased.count >= 24 || !producer.isAlive
        }
        let stranger = try context.socket(.dealer)
        try stranger.setLinger(milliseconds: 500)
        try stranger.connect(endpoints[1])
        for socket in [forger, stranger] { _ = try socket.send(strings: ["pagemill/1", "ACK"] + leased) }
        Thread.sleep(forTimeInterval: 0.2)  // Let the stranger's message leave before its socket closes.
    }

    /// The database's disk fills up (or, without a disk of its own, another connection holds
    /// the write lock past the busy timeout) until the collector holds back; then it is freed.
    private func failTheStore() throws {
        let held = collector.log.components(separatedBy: "holding back").count
        var blocker: Database?
        if let disk {
            // SQLite reuses the space of its write-ahead log once a checkpoint has caught up, and
            // a full disk would go unnoticed: empty the log first, so that the next commit grows it.
            // The collector's own checkpoints and commits make a truncating one busy now and then:
            // try until one gets through.
            let connection = try Database(path: database)
            let emptied = waitUntil(timeout: .seconds(30)) {
                guard let checkpoint = try? connection.prepare("PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
                return (try? checkpoint.step()) == true && checkpoint.int(at: 0) == 0  // busy = 0: the log is empty
            }
            #expect(emptied, "the write-ahead log could not be emptied")
            // tmpfs cannot shrink below what it holds, which grows as the collector writes: try
            // again, a little higher each time.
            let filled = (1...8).contains { attempt in
                var info = statvfs()
                guard statvfs(disk, &info) == 0 else { return false }
                let used = (UInt64(info.f_blocks) - UInt64(info.f_bfree)) * UInt64(info.f_bsize)
                return shell("mount -o remount,size=\(used + UInt64(attempt) * 128 * 1024) \(disk)")
            }
            guard filled else { throw HarnessError("cannot fill \(disk)") }
            // And take what is left, to the last block.
            if let filler = FileHandle(forWritingAtPath: disk + "/filler")
                ?? {
                    FileManager.default.createFile(atPath: disk + "/filler", contents: nil)
                    return FileHandle(forWritingAtPath: disk + "/filler")
                }()
            {
                let block = Data(count: 16 * 1024)
                while (try? filler.write(contentsOf: block)) != nil {}
                try? filler.close()
            }
        } else {
            blocker = try Database(path: database)
            try blocker?.execute("BEGIN IMMEDIATE")
        }
        // A collector just restarted (a fault before this one) may get no result to commit
        // until a lease runs out elsewhere: give it several leases' time.
        let heldBack = waitUntil(timeout: .seconds(60)) {
            collector.log.components(separatedBy: "holding back").count > held || !producer.isAlive
                || !collector.isAlive
        }
        #expect(heldBack || !producer.isAlive, "the collector never held back: \(collector.log.suffix(1000))")
        Thread.sleep(forTimeInterval: 2)  // The fault lasts a while: leases run out meanwhile.
        if let disk {
            try? FileManager.default.removeItem(atPath: disk + "/filler")
            #expect(shell("mount -o remount,size=512m \(disk)"))
        } else {
            try blocker?.execute("ROLLBACK")
        }
    }

    /// How many times the current producer has dropped worker `index` for silence.
    private func timesDropped(_ index: Int) -> Int {
        producer.log.components(separatedBy: "\n").filter {
            $0.contains("worker silent") && $0.contains("worker-\(index)")
        }.count
    }

    /// Garbage frames, a wrong protocol version and an oversized message at both endpoints.
    private func sendGarbage() throws {
        let context = try Context()
        let toProducer = try context.socket(.dealer)
        try toProducer.setLinger(milliseconds: 500)
        try toProducer.connect(endpoints[1])
        let toCollector = try context.socket(.push)
        try toCollector.setLinger(milliseconds: 500)
        try toCollector.connect(endpoints[3])
        let garbage: [Message] = [
            Message([[0xFF, 0x00, 0x13]]),
            Message(strings: ["pagemill/2", "HELLO", "worker", "rogue", "1000"]),
            Message(strings: ["pagemill/1", "CREDIT", "not-a-number"]),
            Message(strings: ["pagemill/1", "ACK", "1", "page-000000.html", "stored"]),
            Message(strings: ["pagemill/1", "RESULT", "1", "rogue", "0", "{not json"]),
            Message([Array(repeating: 0x41, count: 64 << 20)]),
        ]
        for message in garbage {
            _ = try toProducer.send(message, wait: false)
            _ = try toCollector.send(message, wait: false)
        }
    }
}

/// Runs a shell command quietly; true when it succeeded.
func shell(_ command: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command + " >/dev/null 2>&1"]
    do { try process.run() } catch { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}
