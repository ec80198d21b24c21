import Foundation

/// Copies the write-ahead log back into the database file on a connection and a thread of its
/// own. SQLite's automatic checkpoint runs inside the commit that crosses its threshold, so a
/// busy writer pays for it in its own time; with automatic checkpoints turned off on the
/// writer's connection, this does the same work beside it: a passive checkpoint, which never
/// blocks the writer, then a restart, which holds it back only while it copies what the passive
/// one missed, so that the log starts over from its beginning.
///
/// `request()` after each commit; the checkpointer runs at most once per `minimumInterval`.
final class WALCheckpointer: @unchecked Sendable {
    // Used by the checkpointer's thread alone once it has started (starting a thread is a
    // full memory barrier). The rest is guarded by `condition`.
    private let database: Database
    private let minimumInterval: TimeInterval
    private let condition = NSCondition()
    private var requested = false
    private var stopping = false
    private var stopped = false

    /// Opens a second connection to the database at `path` and starts the thread.
    init(path: String, minimumInterval: TimeInterval = 1.5) throws(StoreError) {
        database = try Database(path: path)
        // Short: while a restart waits for readers, the writer waits too.
        database.setBusyTimeout(milliseconds: 100)
        self.minimumInterval = minimumInterval
        let thread = Thread { [self] in checkpointUntilStopped() }
        thread.name = "wal-checkpoint"
        thread.start()
    }

    /// Asks for a checkpoint soon. Never blocks.
    func request() {
        condition.withLock {
            requested = true
            condition.signal()
        }
    }

    /// Runs a last checkpoint, stops the thread and waits for it.
    func stop() {
        condition.withLock {
            stopping = true
            condition.signal()
            while !stopped { condition.wait() }
        }
    }

    private func checkpointUntilStopped() {
        var last = Date.distantPast
        while true {
            // Pace the runs: a checkpoint per commit would copy the same pages (an index's, the
            // tables' last leaves) again and again; 1.5 s apart, a busy run spends less on them.
            // The pause waits on the condition, not in a sleep: `stop` ends it at once, so that
            // the writer's last checkpoint does not wait out the pause.
            let due = last.addingTimeInterval(minimumInterval)
            let finalRun: Bool = condition.withLock {
                while !requested, !stopping { condition.wait() }
                while !stopping, due > Date() { _ = condition.wait(until: due) }
                requested = false
                return stopping
            }
            last = Date()
            // A checkpoint that fails (a busy database, a full disk) leaves the log as it is:
            // nothing is lost, and the next one copies what this one did not.
            try? database.execute("PRAGMA wal_checkpoint(PASSIVE)")
            // A passive checkpoint never catches up with a writer that commits all the time, and
            // a log that is never caught up is never started over: it grew to five times the
            // database (650 MB on the 5,810-page crawl), every commit appending to new file
            // pages. A restart copies what the passive one missed (the writer waits for that
            // moment only) and has the next commit write the log from its start. It gives up after
            // 100 ms (its busy timeout) when a reader holds an older snapshot; the next run tries again.
            try? database.execute("PRAGMA wal_checkpoint(RESTART)")
            if finalRun { break }
        }
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }
}
