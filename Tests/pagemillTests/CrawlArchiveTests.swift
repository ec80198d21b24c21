import Foundation
import Testing

/// `pagemill run` on crawl archives, as crawlers write them, with damage mixed in.
extension EndToEndTests {
    @Suite(.serialized) struct CrawlArchiveTests {
        @Test func aCrawlIsStoredOnceWithDamagedRecordsAsFailuresAndTheRestCounted() throws {
            let folder = try TemporaryFolder()
            let crawl = folder.file("crawl")
            try FileManager.default.createDirectory(atPath: crawl, withIntermediateDirectories: true)
            let generate = try RoleProcess(
                ["generate", "--format", "warc", "--pages", "2500", "--out", crawl, "--seed", "4"],
                log: folder.file("generate.log"))
            #expect(generate.waitForExit(timeout: .seconds(120)) == 0, "\(generate.log)")
            // A crawler killed mid-write: the last archive's last record is cut short.
            let last = crawl + "/crawl-2.warc.gz"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: last))
            try bytes.prefix(bytes.count - 200).write(to: URL(fileURLWithPath: last))
            let database = folder.file("crawl.sqlite")
            try logWrites(database)
            let run = try RoleProcess(["run", crawl, "--db", database, "--workers", "2"], log: folder.file("run.log"))
            #expect(run.waitForExit(timeout: .seconds(300)) == 0, "run: \(run.log)")
            let counts = try #require(storedCounts(database), "\(run.log)")
            // The last page's response was the cut record: 2,499 pages stored, one failure row.
            #expect(counts.pages == 2499, "\(run.log)")
            #expect(counts.failures == 1, "the damaged record is a failure row: \(run.log)")
            #expect(try secondWrites(database) == 0, "a page was stored twice")
            #expect(run.log.contains("not pages:") && run.log.contains("request") && run.log.contains("redirect"))
        }
    }
}
