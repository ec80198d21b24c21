import PageModel

/// The producer's book of every page between being read and being committed: who holds it,
/// until when, and how often it has been tried. Pure bookkeeping, no sockets, so its rules
/// can be tested on their own.
struct DeliveryLedger {
    typealias Ticket = UInt64
    typealias Instant = ContinuousClock.Instant

    enum State: Equatable {
        /// Waiting to be handed (again) to a worker.
        case queued
        /// Leased to a worker until `deadline`.
        case leased(worker: [UInt8], deadline: Instant)
        /// The worker passed it on; the collector has until `deadline` to commit it.
        case awaitingCommit(deadline: Instant)
        /// Sent to the collector to record as failed; unacknowledged until `deadline`.
        case reportingFailure(deadline: Instant)
    }

    struct Entry {
        var pageID: String
        /// Kept until the page is committed, so it can be handed out again.
        var page: RawPage?
        /// Set once the page is to be recorded as failed instead of processed.
        var failure: String?
        /// Deliveries charged to the page: its worker died or its lease ran out while it was
        /// the page at hand. At `maximumAttempts` the page is given up.
        var attempts: Int
        /// Times the page was handed out, whatever became of each: the `attempt` a worker is told.
        var deliveries: Int
        var state: State
        var bytes: Int
        /// After a failed delivery, the page waits until then: a page that kills its worker
        /// should not take down the next one at once.
        var notBefore: Instant?
        /// The order in which pages were leased: a worker works through its pages in that order.
        var leaseSequence: UInt64 = 0
        /// When the page was first handed out: where its end-to-end latency starts.
        var firstDispatched: Instant?
    }

    private(set) var entries: [Ticket: Entry] = [:]
    /// Bytes of the page bodies held for redelivery: what bounds the producer's memory.
    private(set) var heldBytes = 0
    /// Tickets to hand out again, oldest first; entries may have moved on since (checked on use).
    private var retryQueue: [Ticket] = []
    private var retryHead = 0
    /// Failures waiting for a collector to report them to.
    private(set) var pendingFailureReports: [Ticket] = []
    let lease: Duration
    let maximumAttempts: Int
    private var leaseCounter: UInt64 = 0

    init(lease: Duration, maximumAttempts: Int) {
        self.lease = lease
        self.maximumAttempts = maximumAttempts
    }

    var count: Int { entries.count }

    /// Pages leased, by the worker holding them; counted by walking the entries.
    func holdingCounts() -> [[UInt8]: Int] {
        var counts: [[UInt8]: Int] = [:]
        for entry in entries.values {
            if case let .leased(worker, _) = entry.state { counts[worker, default: 0] += 1 }
        }
        return counts
    }

    /// Pages waiting to be handed out (again); counted by walking the entries, so call it now and then.
    var queuedCount: Int { entries.values.lazy.filter { $0.state == .queued }.count }

    // MARK: Arrivals

    /// Records a fresh page, leased at once to `worker`.
    mutating func addLeased(_ ticket: Ticket, page: RawPage, to worker: [UInt8], now: Instant) {
        leaseCounter += 1
        heldBytes += page.body.count
        entries[ticket] = Entry(
            pageID: page.id, page: page, failure: nil, attempts: 0, deliveries: 1,
            state: .leased(worker: worker, deadline: now + lease), bytes: page.body.count,
            leaseSequence: leaseCounter, firstDispatched: now)
    }

    /// A leased page turns out not to be processable (an archived record that will not decode
    /// for a worker that needs it decoded): it is reported to the collector as failed.
    mutating func fail(_ ticket: Ticket, error: String) {
        guard var entry = entries[ticket] else { return }
        if let page = entry.page { heldBytes -= page.body.count }
        (entry.page, entry.failure, entry.state) = (nil, error, .queued)
        entries[ticket] = entry
        pendingFailureReports.append(ticket)
    }

    /// Records a page that cannot be processed, to report to the collector.
    mutating func addFailure(_ ticket: Ticket, pageID: String, error: String, bytes: Int) {
        entries[ticket] = Entry(
            pageID: pageID, page: nil, failure: error, attempts: 0, deliveries: 0, state: .queued, bytes: bytes)
        pendingFailureReports.append(ticket)
    }

    // MARK: Leasing

    /// The next ticket to hand out again, leased to `worker`, with its page and delivery number.
    mutating func leaseRetry(to worker: [UInt8], now: Instant) -> (Ticket, RawPage, Int)? {
        var scanned = 0
        while retryHead < retryQueue.count, scanned < 256 {
            let ticket = retryQueue[retryHead]
            retryHead += 1
            scanned += 1
            if retryHead > 1024, retryHead * 2 > retryQueue.count {
                retryQueue.removeFirst(retryHead)
                retryHead = 0
            }
            guard var entry = entries[ticket], entry.state == .queued, entry.failure == nil, let page = entry.page
            else { continue }
            if let notBefore = entry.notBefore, notBefore > now {
                retryQueue.append(ticket)  // Not due yet: back in line.
                continue
            }
            entry.deliveries += 1
            leaseCounter += 1
            entry.leaseSequence = leaseCounter
            entry.state = .leased(worker: worker, deadline: now + lease)
            entries[ticket] = entry
            return (ticket, page, entry.deliveries)
        }
        return nil
    }

    /// The worker passed the page to the collector: the lease now waits on the commit.
    mutating func finished(_ ticket: Ticket, by worker: [UInt8], now: Instant) {
        // In place: copying an entry out and back costs more than the rest of the bookkeeping.
        guard let index = entries.index(forKey: ticket), case let .leased(holder, _) = entries.values[index].state,
            holder == worker
        else { return }
        entries.values[index].state = .awaitingCommit(deadline: now + lease)
    }

    /// Committed: forget the page. Returns the entry, or nil for a ticket unknown or already done
    /// (a late duplicate) or whose id does not match (an acknowledgement from an earlier run).
    mutating func acknowledge(_ ticket: Ticket, pageID: String) -> Entry? {
        guard let index = entries.index(forKey: ticket), entries.values[index].pageID == pageID else { return nil }
        let entry = entries.remove(at: index).value
        if let page = entry.page { heldBytes -= page.body.count }
        return entry
    }

    // MARK: Failures of delivery

    /// Puts the page back in line without charging it (a draining worker handed it back).
    mutating func handBack(_ ticket: Ticket, from worker: [UInt8]) {
        guard var entry = entries[ticket], case let .leased(holder, _) = entry.state, holder == worker else { return }
        entry.state = .queued
        entries[ticket] = entry
        retryQueue.append(ticket)
    }

    /// Requeues every page leased to a worker that died or went silent. Returns how many.
    ///
    /// Only the page the worker was working on (the oldest it held: workers go in order) is
    /// charged; the pages waiting behind it did nothing wrong and go back in line as they were.
    @discardableResult
    mutating func releaseAll(heldBy worker: [UInt8], now: Instant) -> Int {
        let held = tickets(leasedTo: worker)
        for (index, ticket) in held.enumerated() {
            if index == 0 {
                requeueOrGiveUp(ticket, reason: "its worker stopped responding", now: now)
            } else {
                handBack(ticket, from: worker)
            }
        }
        return held.count
    }

    /// Requeues every page leased to a worker that said it is leaving, charging none: a worker
    /// that says goodbye was not killed by one of them. Returns how many.
    @discardableResult
    mutating func handBackAll(heldBy worker: [UInt8]) -> Int {
        let held = tickets(leasedTo: worker)
        for ticket in held { handBack(ticket, from: worker) }
        return held.count
    }

    /// The tickets leased to `worker`, in the order they were leased (the order it works in).
    private func tickets(leasedTo worker: [UInt8]) -> [Ticket] {
        var held: [(ticket: Ticket, sequence: UInt64)] = []
        for (ticket, entry) in entries {
            if case let .leased(holder, _) = entry.state, holder == worker {
                held.append((ticket, entry.leaseSequence))
            }
        }
        return held.sorted { $0.sequence < $1.sequence }.map(\.ticket)
    }

    /// Requeues pages whose lease ran out. Returns how many.
    ///
    /// A page whose commit is overdue is not charged: the store failing or a collector away is
    /// not the page's doing. Nor is a lease that ran out at a worker while the collector said it
    /// was holding back (`storeHoldingBack`): the worker could not pass its results on.
    mutating func expireLeases(now: Instant, storeHoldingBack: Bool = false) -> Int {
        var expired: [(Ticket, String)] = []
        var uncharged: [Ticket] = []
        for (ticket, entry) in entries {
            switch entry.state {
            case let .leased(_, deadline) where deadline <= now:
                if storeHoldingBack {
                    uncharged.append(ticket)
                } else {
                    expired.append((ticket, "its lease expired at the worker"))
                }
            case let .awaitingCommit(deadline) where deadline <= now:
                uncharged.append(ticket)
            case let .reportingFailure(deadline) where deadline <= now:
                entries[ticket]?.state = .queued
                pendingFailureReports.append(ticket)
            default: break
            }
        }
        for (ticket, reason) in expired { requeueOrGiveUp(ticket, reason: reason, now: now) }
        for ticket in uncharged {
            entries[ticket]?.state = .queued
            retryQueue.append(ticket)
        }
        return expired.count + uncharged.count
    }

    private mutating func requeueOrGiveUp(_ ticket: Ticket, reason: String, now: Instant) {
        guard var entry = entries[ticket] else { return }
        entry.state = .queued
        entry.attempts += 1
        // Back off: half a second after the first failed delivery, doubling, at most 30 s.
        entry.notBefore = now + .milliseconds(min(30_000, 500 << min(entry.attempts - 1, 6)))
        if entry.attempts >= maximumAttempts {
            entry.failure = "gave up after \(entry.attempts) attempts: the last time, \(reason)"
            if let page = entry.page { heldBytes -= page.body.count }
            entry.page = nil
            pendingFailureReports.append(ticket)
        } else {
            retryQueue.append(ticket)
        }
        entries[ticket] = entry
    }

    /// The failures to send to the collector now, marked as sent.
    mutating func takeFailureReports(now: Instant) -> [(Ticket, Entry)] {
        let tickets = pendingFailureReports
        pendingFailureReports.removeAll()
        return tickets.compactMap { ticket in
            guard var entry = entries[ticket], entry.state == .queued, entry.failure != nil else { return nil }
            entry.state = .reportingFailure(deadline: now + lease)
            entries[ticket] = entry
            return (ticket, entry)
        }
    }
}
