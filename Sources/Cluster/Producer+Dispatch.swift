import Extraction
import Logging
import PageInput
import PageModel
import WireProtocol
import ZeroMQ

/// How the producer hands pages out, and keeps its peers alive.
extension Producer {
    /// Pages go out in messages of at most this many pages, and of at most `bytesPerMessage`
    /// (past one page), to workers that take several in one message.
    static let maximumPagesPerMessage = 64
    static let bytesPerMessage = 1 << 20

    /// Hands pages to the workers with credit, in turn, as many a message as each takes.
    func dispatch(on socket: Socket, now: ContinuousClock.Instant) {
        var leases: [WireMessage.LeasedPage] = []
        while let (identity, peer) = roster.nextWithCredit() {
            let most = min(peer.credit, peer.pagesPerMessage)
            var bytes = 0
            leases.removeAll(keepingCapacity: true)
            while leases.count < most, bytes < Self.bytesPerMessage,
                let (ticket, stored, attempt) = nextPage(for: identity, now: now)
            {
                guard let page = readable(stored, ticket: ticket, by: peer) else { continue }
                if attempt > 1 { stats.redelivered += 1 }
                bytes += page.body.count
                leases.append(WireMessage.LeasedPage(ticket: ticket, attempt: attempt, page: page))
            }
            guard let first = leases.first else { return }
            roster.spend(identity, pages: leases.count)
            let message: WireMessage =
                peer.pagesPerMessage > 1
                ? .pages(leases) : .page(ticket: first.ticket, attempt: first.attempt, page: first.page)
            if !send(message, to: identity, on: socket) {
                for lease in leases { ledger.handBack(lease.ticket, from: identity) }
            }
            // Fewer than asked for: the inputs have nothing more to give now.
            if leases.count < most, bytes < Self.bytesPerMessage { return }
        }
    }

    /// The page as `worker` can read it: an archived record as stored is decoded here for a
    /// worker that did not say it reads them (one written in another language); nil, the page
    /// failed, when it will not decode.
    private func readable(_ page: RawPage, ticket: UInt64, by worker: WorkerRoster.Worker) -> RawPage? {
        guard page.format == .warcRecord, !worker.readsArchivedRecords else { return page }
        do throws(InputError) {
            return try ArchivedRecord.page(from: page, maximumPageBytes: configuration.maximumPageBytes)
        } catch {
            ledger.fail(ticket, error: error.description)
            return nil
        }
    }

    /// A page to lease to `worker`: one to retry first, else a fresh one from the inputs.
    private func nextPage(for worker: [UInt8], now: ContinuousClock.Instant) -> (UInt64, RawPage, Int)? {
        if let retry = ledger.leaseRetry(to: worker, now: now) { return retry }
        while !stats.inputExhausted && ledger.count < configuration.maximumInFlight
            && (ledger.heldBytes < configuration.maximumInFlightBytes || ledger.count == 0)
        {
            // A paced feed (an open-loop load test) releases each page at its time.
            if let due = source.nextAvailable, due > now { return nil }
            // With a journal, nothing is read before it is tied to the collector's database.
            if journal != nil, !journalAttached { return nil }
            let item = source.next(passingOver: passOver)
            stats.skippedRecords = source.skippedRecords
            let resumed = source.resumedArchives
            if resumed.count > stats.resumedArchives, let last = resumed.last {
                logger.info(
                    "archive resumed where the journal left off",
                    metadata: ["archive": "\(last.archive)", "offset": "\(last.offset)"])
                (stats.resumedArchives, stats.resumedArchiveBytes) = (
                    resumed.count, resumed.reduce(0) { $0 + $1.offset }
                )
            }
            guard let item else {
                stats.inputExhausted = true
                logger.info("every input read", metadata: ["pages": "\(stats.read)"])
                return nil
            }
            stats.read += 1
            let ticket = nextTicket
            nextTicket += 1
            if let origin = source.lastItemOrigin {
                if case .alreadyStored = item {
                    archiveProgress.passedOver(origin)
                } else {
                    archiveProgress.read(origin, ticket: ticket)
                }
            }
            switch item {
            case let .page(page):
                ledger.addLeased(ticket, page: page, to: worker, now: now)
                stats.bytesRead += page.body.count
                if stats.firstDispatchAt == nil { stats.firstDispatchAt = now }
                stats.lastDispatchAt = now
                return (ticket, page, 1)
            case let .unreadable(id, error):
                logger.warning(
                    "unreadable page", metadata: ["page": "\(id)", "error": "\(error.description(besides: id))"])
                ledger.addFailure(ticket, pageID: id, error: error.description(besides: id), bytes: 0)
                if source.lastItemOrigin != nil { stats.unreadableArchiveRecords += 1 }
            case .alreadyStored:
                // Committed in an earlier run: passed over without being read.
                stats.resumed += 1
            }
        }
        return nil
    }

    func reportFailures(on socket: Socket, now: ContinuousClock.Instant) {
        guard let collector, !ledger.pendingFailureReports.isEmpty else { return }
        for (ticket, entry) in ledger.takeFailureReports(now: now) {
            send(
                .failed(
                    ticket: ticket, pageID: entry.pageID, reporter: "producer",
                    attempts: entry.attempts, error: entry.failure ?? "unknown error"),
                to: collector.identity, on: socket)
        }
    }

    // MARK: Liveness

    /// Drops silent peers, requeues pages whose lease ran out, summarizes bad traffic.
    func housekeeping(now: ContinuousClock.Instant) {
        let timeout = configuration.timing.peerTimeout
        for (identity, worker) in roster.silent(longerThan: timeout, now: now) {
            let released = ledger.releaseAll(heldBy: identity, now: clock.now)
            logger.warning("worker silent, dropped", metadata: ["worker": "\(worker.name)", "requeued": "\(released)"])
            roster.remove(identity)
        }
        if let collector, now - collector.lastSeen > timeout {
            logger.warning("collector silent; waiting for it to come back")
            self.collector = nil
        }
        badTraffic.summarize(logger: logger, now: now)
        stats.queued = ledger.queuedCount
        let expired = ledger.expireLeases(now: now, storeHoldingBack: stats.collectorHoldingBack != nil)
        if expired > 0 { logger.warning("leases expired; pages requeued", metadata: ["pages": "\(expired)"]) }
    }

    func sendHeartbeats(on socket: Socket) {
        for identity in roster.order { send(.heartbeat(), to: identity, on: socket) }
        if let collector { send(.heartbeat(), to: collector.identity, on: socket) }
    }
}
