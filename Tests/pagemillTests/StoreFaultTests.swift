import Foundation
import Store
import Testing

/// The store failing for a while is not the pages' fault: the collector holds back, keeps what
/// it has, and every page is stored once the database takes writes again, none given up.
extension EndToEndTests {
    @Suite(.serialized) struct StoreFaultTests {
        /// Short leases, so that commits overdue for many leases would once have been charged.
        static let timing = ["--lease", "1", "--peer-timeout", "2", "--max-attempts", "2"]

        @Test func aLockHeldElsewhereForLongDelaysButLosesNothing() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(600, into: "pages")
            let database = folder.file("pages.sqlite")
            _ = try PageStore(path: database)
            let run = try RoleProcess(
                ["run", pages, "--db", database, "--workers", "2"] + Self.timing, log: folder.file("run.log"))
            #expect(waitUntil(timeout: .seconds(120)) { (storedCounts(database)?.pages ?? 0) > 0 }, "\(run.log)")
            // Another connection takes the write lock, and keeps it past the busy timeout (5 s).
            let blocker = try Database(path: database)
            try blocker.execute("BEGIN IMMEDIATE")
            let heldBack = waitUntil(timeout: .seconds(60)) { run.log.contains("holding back") }
            #expect(heldBack, "\(run.log)")
            Thread.sleep(forTimeInterval: 4)  // The fault lasts: several leases run out meanwhile.
            try blocker.execute("ROLLBACK")
            #expect(run.waitForExit(timeout: .seconds(300)) == 0, "\(run.log)")
            let counts = storedCounts(database)
            #expect(counts?.pages == 600, "\(run.log)")
            #expect(counts?.failures == 0, "no page is given up for the store's failure: \(run.log)")
            #expect(run.log.contains("pages stored:   600"), "\(run.log)")
        }

        @Test func aFullDiskDelaysButLosesNothing() throws {
            let folder = try TemporaryFolder()
            let mount = folder.file("small-disk")
            try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
            guard shell("mount -t tmpfs -o size=2m pagemill-test \(mount)") else {
                print("skipped aFullDiskDelaysButLosesNothing: cannot mount a tmpfs here (needs root)")
                return
            }
            defer { _ = shell("umount -l \(mount)") }
            let pages = try folder.generatePages(600, into: "pages")
            let database = mount + "/pages.sqlite"
            let run = try RoleProcess(
                ["run", pages, "--db", database, "--workers", "2"] + Self.timing,
                log: folder.file("run.log"))
            // 600 pages hold more text than 2 MB: the disk fills mid-run.
            let full = waitUntil(timeout: .seconds(120)) { run.log.contains("holding back") || !run.isAlive }
            #expect(full && run.log.contains("full"), "\(run.log)")
            Thread.sleep(forTimeInterval: 3)  // The disk stays full while leases run out.
            #expect(shell("mount -o remount,size=256m \(mount)"), "space freed")
            #expect(run.waitForExit(timeout: .seconds(300)) == 0, "\(run.log)")
            let counts = storedCounts(database)
            #expect(counts?.pages == 600, "\(run.log)")
            #expect(counts?.failures == 0, "no page is given up for a full disk: \(run.log)")
        }
    }
}
