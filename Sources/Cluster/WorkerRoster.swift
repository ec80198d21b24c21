/// The workers the producer knows, in the order they joined, with the credit each has left and
/// whose turn it is: one type where three collections used to be kept in step by hand. Pure
/// bookkeeping, like `DeliveryLedger`.
struct WorkerRoster {
    typealias Identity = [UInt8]

    /// One connected worker.
    struct Worker {
        var name: String
        var credit: Int
        /// The most pages it takes in one message (1: one `PAGE` message each).
        var pagesPerMessage: Int
        /// Whether it reads crawl-archive records as stored; others get them decoded.
        var readsArchivedRecords = false
        var lastSeen: ContinuousClock.Instant
        /// Pages it has passed on since it joined, for `pagemill status`.
        var finished = 0
    }

    private var workers: [Identity: Worker] = [:]
    /// Identities in the order they joined: the order of turns and of `pagemill status`.
    private(set) var order: [Identity] = []
    /// The position of the worker served last.
    private var cursor = 0

    var count: Int { workers.count }

    subscript(identity: Identity) -> Worker? { workers[identity] }

    func contains(_ identity: Identity) -> Bool { workers[identity] != nil }

    /// Adds a worker, or starts a known one afresh (a second `HELLO`). True when it was known.
    @discardableResult
    mutating func join(_ identity: Identity, _ worker: Worker) -> Bool {
        let known = workers[identity] != nil
        if !known { order.append(identity) }
        workers[identity] = worker
        return known
    }

    mutating func remove(_ identity: Identity) {
        guard workers.removeValue(forKey: identity) != nil else { return }
        order.removeAll { $0 == identity }
        if cursor >= order.count { cursor = 0 }
    }

    /// Notes that a worker was heard from.
    mutating func heard(from identity: Identity, at now: ContinuousClock.Instant) {
        workers[identity]?.lastSeen = now
    }

    /// Adds credit, never past `maximum`, and counts the pages it says it finished.
    mutating func grant(_ identity: Identity, credit: Int, finished: Int, maximum: Int) {
        guard let worker = workers[identity] else { return }
        workers[identity]?.credit = min(worker.credit + credit, maximum)
        workers[identity]?.finished += finished
    }

    /// Takes credit for pages handed out.
    mutating func spend(_ identity: Identity, pages: Int) {
        workers[identity]?.credit -= pages
    }

    /// The next worker in turn that has credit, after the one served last; nil when a whole
    /// round finds none.
    mutating func nextWithCredit() -> (Identity, Worker)? {
        for _ in 0..<order.count {
            cursor = (cursor + 1) % order.count
            let identity = order[cursor]
            if let worker = workers[identity], worker.credit > 0 { return (identity, worker) }
        }
        return nil
    }

    /// Workers not heard from for longer than `timeout`.
    func silent(longerThan timeout: Duration, now: ContinuousClock.Instant) -> [(Identity, Worker)] {
        order.compactMap { identity in
            workers[identity].flatMap { now - $0.lastSeen > timeout ? (identity, $0) : nil }
        }
    }

    /// Every worker, in the order they joined.
    var inOrder: [(Identity, Worker)] {
        order.compactMap { identity in workers[identity].map { (identity, $0) } }
    }
}
