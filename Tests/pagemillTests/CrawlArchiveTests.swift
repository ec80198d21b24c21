import Foundation
import Store
import Testing

/// `pagemill run` on crawl archives, as crawlers write them, with damage mixed in, and a
/// producer killed mid-crawl that resumes where its journal says it left off.
extension EndToEndTests {
    @Suite(.serialized) struct CrawlArchiveTests {
        /// A generated crawl of `pages` pages in archives of 1,000, in `folder`/crawl.
        func generateCrawl(_ pages: Int, in folder: TemporaryFolder) throws -> String {
            let crawl = folder.file("crawl")
            try FileManager.default.createDirectory(atPath: crawl, withIntermediateDirectories: true)
            let generate = try RoleProcess(
                ["generate", "--format", "warc", "--pages", "\(pages)", "--out", crawl, "--seed", "4"],
                log: folder.file("generate.log"))
            #expect(generate.waitForExit(timeout: .seconds(120)) == 0, "\(generate.log)")
            return crawl
        }

        /// Each page of `archive` and the offset of its record, as `bench archive --dump` reads them.
        func pageOffsets(
            _ archive: String, in folder: TemporaryFolder
        ) throws -> [(id: String, offset: Int, bytes: Int)] {
            let dump = folder.file("dump.jsonl")
            let bench = try RoleProcess(
                ["bench", "archive", archive, "--rounds", "1", "--dump", dump], log: folder.file("dump.log"))
            #expect(bench.waitForExit(timeout: .seconds(60)) == 0, "\(bench.log)")
            return try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n").compactMap { line in
                let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                guard let id = row?["id"] as? String, let offset = row?["offset"] as? Int,
                    let bytes = row?["bytes"] as? Int
                else { return nil }
                return (id, offset, bytes)
            }
        }

        /// Flips 40 bytes of `archive` from `offset`.
        func damage(_ archive: String, at offset: Int) throws {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: archive)))
            for index in offset..<(offset + 40) { bytes[index] ^= 0xA5 }
            try Data(bytes).write(to: URL(fileURLWithPath: archive))
        }

        func column(_ sql: String, in database: String) throws -> [String] {
            let statement = try Database(path: database, readOnly: true).prepare(sql)
            var values: [String] = []
            while try statement.step() { values.append(statement.string(at: 0) ?? "") }
            return values
        }

        @Test func aCrawlIsStoredOnceWithDamagedRecordsAsFailuresAndTheRestCounted() throws {
            let folder = try TemporaryFolder()
            let crawl = try generateCrawl(5000, in: folder)
            // A disk error in the middle of two archives: one in a member's head (the producer
            // finds it), one in a member's tail (the worker inflating it does).
            let first = try pageOffsets(crawl + "/crawl-1.warc.gz", in: folder)
            let second = try pageOffsets(crawl + "/crawl-2.warc.gz", in: folder)
            let headHit = try #require(first.dropFirst(400).first { $0.bytes > 40_000 })
            let tailHit = try #require(second.dropFirst(600).first { $0.bytes > 40_000 })
            try damage(crawl + "/crawl-1.warc.gz", at: headHit.offset + 40)
            try damage(crawl + "/crawl-2.warc.gz", at: tailHit.offset + 5000)
            // A crawler killed mid-write: the last archive's last record is cut short.
            let last = crawl + "/crawl-4.warc.gz"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: last))
            try bytes.prefix(bytes.count - 200).write(to: URL(fileURLWithPath: last))
            let database = folder.file("crawl.sqlite")
            try logWrites(database)
            let run = try RoleProcess(["run", crawl, "--db", database, "--workers", "2"], log: folder.file("run.log"))
            #expect(run.waitForExit(timeout: .seconds(600)) == 0, "run: \(run.log)")
            let counts = try #require(storedCounts(database), "\(run.log)")
            #expect(counts.pages == 4997, "\(run.log)")
            #expect(counts.failures == 3, "each damaged record is a failure row: \(run.log)")
            #expect(try secondWrites(database) == 0, "a page was stored twice")
            let errors = try column("SELECT id || ' ' || error FROM failures", in: database)
            for (archive, hit) in [("crawl-1", headHit), ("crawl-2", tailHit)] {
                #expect(errors.contains { $0.contains("\(archive).warc.gz@\(hit.offset)") }, "\(errors)")
            }
            #expect(errors.contains { $0.contains("crawl-4.warc.gz@") }, "\(errors)")
            // A stored page names its archive and its record's offset.
            let sample = try #require(first.dropFirst(10).first)
            let origin = try column(
                "SELECT archive || '@' || archive_offset FROM pages WHERE id = '\(sample.id)'", in: database)
            #expect(origin == ["\(crawl)/crawl-1.warc.gz@\(sample.offset)"])
            // The producer finds two (the head hit and the cut record); the worker, the tail hit.
            #expect(run.log.contains("damaged records: 2"), "\(run.log)")
            for reason in ["request", "redirect", "not HTML", "revisit", "metadata", "warcinfo"] {
                #expect(run.log.contains(reason), "the summary counts \(reason) records: \(run.log)")
            }
        }

        @Test func aKilledRunResumesAtTheJournalsOffsetsAndStoresEveryPageOnce() throws {
            let folder = try TemporaryFolder()
            let crawl = try generateCrawl(3000, in: folder)
            let database = folder.file("crawl.sqlite")
            try logWrites(database)
            let arguments = ["run", crawl, "--db", database, "--workers"]
            let killed = try RoleProcess(arguments + ["1"], log: folder.file("killed.log"))
            let started = waitUntil(timeout: .seconds(300)) { (storedCounts(database)?.pages ?? 0) >= 1200 }
            #expect(started, "the first run stored pages: \(killed.log)")
            killed.signal(SIGKILL)
            _ = killed.waitForExit(timeout: .seconds(30))
            // The run's workers notice their parent is gone and leave by themselves.
            let rerun = try RoleProcess(arguments + ["2"], log: folder.file("rerun.log"))
            #expect(rerun.waitForExit(timeout: .seconds(600)) == 0, "rerun: \(rerun.log)")
            #expect(storedCounts(database)?.pages == 3000, "\(rerun.log)")
            #expect(try secondWrites(database) == 0, "a page was stored twice")
            // crawl-0 and, unless the kill came before its first commit was journaled, crawl-1.
            #expect(rerun.log.contains("archives resumed: "), "the second run seeks into the archives: \(rerun.log)")
        }
    }
}
