import Foundation
import Store
import Testing

/// The producer's journal passes over a page only when the database it feeds holds it: by the
/// page's id, tied to that database, whatever happened to the inputs in between.
extension EndToEndTests {
    @Suite(.serialized) struct JournalTests {
        /// `pagemill run INPUTS --db DATABASE`, to its end; returns its log.
        @discardableResult
        func run(
            _ inputs: [String], database: String, in folder: TemporaryFolder, name: String,
            standardInput: String = "/dev/null"
        ) throws -> String {
            let process = try RoleProcess(
                ["run"] + inputs + ["--db", database, "--workers", "2"],
                log: folder.file(name + ".log"), standardInput: standardInput)
            let status = process.waitForExit(timeout: .seconds(300))
            #expect(status == 0, "\(name): \(process.log)")
            return process.log
        }

        func writeLines(_ path: String, ids: [String]) throws {
            let lines = ids.map {
                #"{"id": "\#($0)", "html": "<p>Page \#($0), with a sentence or two of text in it.</p>"}"#
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }

        @Test func filesAddedThatSortFirstAreStored() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(60, into: "pages")
            let database = folder.file("pages.sqlite")
            try run([pages], database: database, in: folder, name: "first")
            // New files ahead of every old one: positions in the inputs all shift by twenty.
            for index in 0..<20 {
                try Data("<p>A page added later, number \(index), with some words.</p>".utf8)
                    .write(to: URL(fileURLWithPath: pages + "/aaa-new-\(index).html"))
            }
            let log = try run([pages], database: database, in: folder, name: "second")
            #expect(storedCounts(database)?.pages == 80, "\(log)")
            #expect(log.contains("already stored: 60"), "\(log)")
            #expect(log.contains("pages stored:   20"), "\(log)")
        }

        @Test func aDumpReplacedByTheNextOneIsStored() throws {
            let folder = try TemporaryFolder()
            let dump = folder.file("dump.jsonl")
            let database = folder.file("pages.sqlite")
            try writeLines(dump, ids: (1...50).map { "monday-\($0)" })
            try run([dump], database: database, in: folder, name: "monday")
            try writeLines(dump, ids: (1...50).map { "tuesday-\($0)" })
            let log = try run([dump], database: database, in: folder, name: "tuesday")
            #expect(storedCounts(database)?.pages == 100, "\(log)")
        }

        @Test func anotherStreamOnStandardInputIsStored() throws {
            let folder = try TemporaryFolder()
            let database = folder.file("pages.sqlite")
            try writeLines(folder.file("a.jsonl"), ids: (1...30).map { "a-\($0)" })
            try writeLines(folder.file("b.jsonl"), ids: (1...30).map { "b-\($0)" } + (1...10).map { "a-\($0)" })
            try run(["-"], database: database, in: folder, name: "a", standardInput: folder.file("a.jsonl"))
            let log = try run(["-"], database: database, in: folder, name: "b", standardInput: folder.file("b.jsonl"))
            #expect(storedCounts(database)?.pages == 60, "\(log)")
            #expect(log.contains("already stored: 10"), "the ten pages of the first stream are passed over: \(log)")
        }

        @Test func aDatabaseMadeAgainStartsTheJournalOver() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(40, into: "pages")
            let database = folder.file("pages.sqlite")
            try run([pages], database: database, in: folder, name: "first")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
            let log = try run([pages], database: database, in: folder, name: "rebuild")
            #expect(storedCounts(database)?.pages == 40, "\(log)")
            #expect(log.contains("the journal described another database; starting over"), "\(log)")
            #expect(!log.contains("already stored"), "\(log)")
        }

        @Test func aJournalOfTheOldFormatIsStartedOver() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(30, into: "pages")
            let database = folder.file("pages.sqlite")
            // The old journal kept positions: a watermark of 10^9 once passed over every page.
            let old = try Database(path: database + ".producer-journal")
            try old.execute(
                """
                CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE committed (ticket INTEGER PRIMARY KEY);
                INSERT INTO run VALUES ('inputs', '\(pages)'), ('watermark', '1000000000');
                """)
            let log = try run([pages], database: database, in: folder, name: "run")
            #expect(storedCounts(database)?.pages == 30, "\(log)")
        }

        @Test func databasesThatVanishOnCloseAreRefused() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(3, into: "pages")
            for database in ["", ":memory:", "file::memory:?cache=shared"] {
                for command in [["run", pages, "--db", database], ["collect", "--db", database]] {
                    let process = try RoleProcess(command, log: folder.file("refused.log"))
                    #expect(process.waitForExit(timeout: .seconds(30)) == 2, "\(command): \(process.log)")
                    #expect(process.log.hasPrefix("pagemill: error: cannot use --db"), "\(process.log)")
                    #expect(process.log.split(separator: "\n").count == 1, "\(process.log)")
                }
            }
        }

        @Test func aDamagedDatabaseIsRefusedBeforeTheRun() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(200, into: "pages")
            let database = folder.file("pages.sqlite")
            try run([pages], database: database, in: folder, name: "first")
            // Garbage over pages in the middle of the file, as a disk error would leave.
            let handle = try #require(FileHandle(forUpdatingAtPath: database))
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: size / 2 / 4096 * 4096)
            try handle.write(contentsOf: Data((0..<(4096 * 4)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
            try handle.close()
            let process = try RoleProcess(["run", pages, "--db", database], log: folder.file("damaged.log"))
            #expect(process.waitForExit(timeout: .seconds(60)) == 2, "\(process.log)")
            #expect(process.log.contains("damaged"), "\(process.log)")
        }
    }
}
