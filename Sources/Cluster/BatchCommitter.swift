import Foundation
import Store
import ZeroMQ

/// Commits the collector's batches on a thread of its own, so that SQLite's work on one batch
/// overlaps the receiving and decoding of the next: a single-threaded collector spends a third
/// of its time outside SQLite, and on two cores that time can run beside the inserts.
///
/// One batch at a time, in the order given. The collector hands a batch over with `submit`,
/// hears that it is done from a message on the inproc PAIR socket it gave the committer (so it
/// can wait for it in the same poll as its other sockets), and takes the outcome with
/// `takeOutcome`. Acknowledging stays with the collector, after the outcome: never before the
/// commit.
final class BatchCommitter: @unchecked Sendable {
    /// What committing one batch came to.
    enum Outcome {
        case committed(PageStore.BatchReport, duration: Duration)
        case failed(StoreError)
    }

    // `store` and `doneSignal` are used by the committer's thread alone once it has started
    // (starting a thread is a full memory barrier, which is what libzmq asks of a socket that
    // moves between threads). Everything else is guarded by `condition`.
    private let store: PageStore
    private let doneSignal: Socket
    private let condition = NSCondition()
    private var pending: [PageOutcome]?
    private var outcome: Outcome?
    private var busy = false
    private var stopping = false
    private var stopped = false
    private var closingError: StoreError?

    /// Why building the name indexes a load deferred failed as the committer stopped (they are
    /// built when the database is next loaded); nil when it did not.
    var indexBuildError: StoreError? { condition.withLock { closingError } }

    /// Starts the committer's thread. It writes to `store`, and sends one empty message on
    /// `doneSignal` (a connected PAIR socket, handed over for good) each time a batch is done.
    init(store: PageStore, doneSignal: Socket) {
        self.store = store
        self.doneSignal = doneSignal
        let thread = Thread { [self] in commitUntilStopped() }
        thread.name = "collector-commit"
        thread.start()
    }

    /// Hands a batch over. Only when the committer is not busy.
    func submit(_ batch: [PageOutcome]) {
        condition.withLock {
            precondition(!busy, "a batch was submitted while another was being committed")
            pending = batch
            busy = true
            condition.broadcast()
        }
    }

    /// Whether a batch is handed over and its outcome not yet taken.
    var isBusy: Bool { condition.withLock { busy } }

    /// The outcome of the batch handed over, once it is committed (or failed); nil before.
    func takeOutcome() -> Outcome? {
        condition.withLock {
            guard let taken = outcome else { return nil }
            outcome = nil
            busy = false
            return taken
        }
    }

    /// Waits for the batch handed over and returns its outcome; nil when none was handed over.
    func waitForOutcome() -> Outcome? {
        condition.withLock {
            while busy, outcome == nil { condition.wait() }
            guard let taken = outcome else { return nil }
            outcome = nil
            busy = false
            return taken
        }
    }

    /// Waits for a batch and commits it; nil once asked to stop.
    private func commitNextBatch() -> Outcome? {
        let batch: [PageOutcome]? = condition.withLock {
            while pending == nil, !stopping { condition.wait() }
            defer { pending = nil }
            return pending
        }
        guard let batch else { return nil }
        let started = ContinuousClock.now
        do throws(StoreError) {
            return .committed(try store.storeReporting(batch), duration: ContinuousClock.now - started)
        } catch {
            return .failed(error)
        }
    }

    /// Lets the batch at hand finish, then stops the thread and waits for it.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
            while !stopped { condition.wait() }
        }
    }

    private func commitUntilStopped() {
        while let result = commitNextBatch() {
            condition.withLock {
                outcome = result
                condition.broadcast()
            }
            // Only a wake-up: the collector also looks for an outcome whenever it wakes.
            _ = try? doneSignal.send(Message([[]]), wait: false)
        }
        // Before the last checkpoint, so that the indexes' pages go back into the database too.
        do throws(StoreError) { try store.buildDeferredNameIndexes() } catch {
            condition.withLock { closingError = error }
        }
        // The log's last pages go back into the database before the collector says it stopped.
        store.finishBackgroundCheckpoints()
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }
}
