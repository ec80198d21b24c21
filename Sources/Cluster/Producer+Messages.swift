import Logging
import Store
import WireProtocol
import ZeroMQ

/// What the producer does with each message it receives.
extension Producer {
    func handle(_ message: Message, on socket: Socket) {
        guard message.count >= 2 else { return }
        let identity = message.bytes(at: 0)
        let decoded: WireMessage
        do throws(WireError) {
            decoded = try WireMessage(decoding: message, from: 1)
        } catch {
            reject(message, reason: "\(error)")
            // A peer trying to introduce itself hears why it is not taken, in this version's words.
            if message.count > 2, message.frame(at: 2).elementsEqual("HELLO".utf8) {
                send(.refused(reason: "\(error.detail)"), to: identity, on: socket)
            }
            return
        }
        let now = clock.now
        roster.heard(from: identity, at: now)
        let fromCollector = collector?.identity == identity
        if fromCollector { collector?.lastSeen = now }
        let known = fromCollector || roster.contains(identity)

        switch decoded {
        case let .hello(.worker, name, credit, pagesPerMessage, _, readsArchivedRecords):
            welcomeWorker(
                identity, name: name, credit: credit, pagesPerMessage: pagesPerMessage,
                readsArchivedRecords: readsArchivedRecords, message: message)
        case let .hello(.collector, name, _, _, database, _):
            welcomeCollector(identity, name: name, database: database, message: message, on: socket)
        case let .credit(count, finished):
            guard roster.contains(identity) else { return askToIntroduce(identity, on: socket) }
            roster.grant(
                identity, credit: count, finished: finished.count, maximum: configuration.maximumCreditPerWorker)
            for ticket in finished { ledger.finished(ticket, by: identity, now: now) }
        case let .handBack(tickets):
            guard roster.contains(identity) else { return askToIntroduce(identity, on: socket) }
            for ticket in tickets { ledger.handBack(ticket, from: identity) }
        case .goodbye:
            guard let worker = roster[identity] else { return }
            let released = ledger.handBackAll(heldBy: identity)
            logger.info("worker left", metadata: ["worker": "\(worker.name)", "requeued": "\(released)"])
            roster.remove(identity)
        case let .acknowledge(acknowledgements):
            guard fromCollector else {
                // Only the collector knows what is committed: anyone else's ACK would lose pages.
                stats.forgedAcknowledgements += acknowledgements.count
                reject(message, reason: "an ACK from a peer that is not the collector")
                if !known { askToIntroduce(identity, on: socket) }
                return
            }
            acknowledge(acknowledgements, now: now)
        case let .heartbeat(holdingBack):
            guard known else { return askToIntroduce(identity, on: socket) }
            if fromCollector { hearCollector(holdingBack: holdingBack) }
        case .statusRequest:
            answerStatus(to: identity, on: socket, now: now)
        case .page, .pages, .result, .results, .failed, .reset, .refused, .status:
            reject(message, reason: "a message the producer does not take")
            if !known { askToIntroduce(identity, on: socket) }
        }
    }

    private func welcomeWorker(
        _ identity: [UInt8], name: String, credit: Int, pagesPerMessage: Int, readsArchivedRecords: Bool,
        message: Message
    ) {
        // A second HELLO starts the worker afresh: what it held is requeued.
        if roster.contains(identity) { ledger.releaseAll(heldBy: identity, now: clock.now) }
        let granted = min(credit, configuration.maximumCreditPerWorker)
        roster.join(
            identity,
            WorkerRoster.Worker(
                name: name, credit: granted, pagesPerMessage: min(pagesPerMessage, Self.maximumPagesPerMessage),
                readsArchivedRecords: readsArchivedRecords, lastSeen: clock.now))
        logger.info(
            "worker joined",
            metadata: ["worker": "\(name)", "credit": "\(granted)", "peer": "\(message.peerAddress ?? "local")"])
    }

    private func welcomeCollector(
        _ identity: [UInt8], name: String, database: String?, message: Message, on socket: Socket
    ) {
        if let curve = configuration.curve, !curve.collectorKeys.isEmpty,
            message.peerUserID != CurveAuthenticator.privilegedUserID
        {
            // With CURVE the collector is known by its key: another allowed key is a worker.
            reject(message, reason: "HELLO as the collector from a key that is not the collector's")
            let reason = "only the collector's CURVE key may say HELLO as the collector"
            send(.refused(reason: reason), to: identity, on: socket)
            return
        }
        if roster.contains(identity) {
            // One peer, one role: a worker cannot make itself the collector.
            reject(message, reason: "a worker said HELLO as the collector")
            let reason = "this peer is a worker; a collector connects on a socket of its own"
            send(.refused(reason: reason), to: identity, on: socket)
            return
        }
        collector = (identity, clock.now)
        logger.info(
            "collector joined",
            metadata: [
                "collector": "\(name)", "database": "\(database ?? "unknown")",
                "peer": "\(message.peerAddress ?? "local")",
            ])
        attachJournal(toDatabase: database)
    }

    /// The collector's heartbeat says whether it is holding back (its commits failing).
    private func hearCollector(holdingBack: String?) {
        guard holdingBack != stats.collectorHoldingBack else { return }
        if let holdingBack {
            logger.warning(
                "the collector is holding back: its commits fail; no page is charged meanwhile",
                metadata: ["reason": "\(holdingBack)"])
        } else {
            logger.notice("the collector commits again")
        }
        stats.collectorHoldingBack = holdingBack
    }

    private func answerStatus(to identity: [UInt8], on socket: Socket, now: ContinuousClock.Instant) {
        do throws(WireError) {
            send(.status(json: try status(now: now).encoded()), to: identity, on: socket)
        } catch {
            logger.error("cannot answer a status request", metadata: ["error": "\(error)"])
        }
    }

    func reject(_ message: Message, reason: String) {
        stats.rejectedMessages += 1
        badTraffic.rejected(from: message.peerAddress, reason: reason, logger: logger)
    }

    func askToIntroduce(_ identity: [UInt8], on socket: Socket) {
        send(.reset, to: identity, on: socket)
    }

    /// The collector's acknowledgements: forget each page, count it, and journal its fetch
    /// (`RawPage.fetchKey`).
    private func acknowledge(_ acknowledgements: [WireMessage.Acknowledgement], now: ContinuousClock.Instant) {
        var committed: [String] = []
        for acknowledgement in acknowledgements {
            guard let entry = ledger.acknowledge(acknowledgement.ticket, pageID: acknowledgement.pageID) else {
                stats.unknownAcknowledgements += 1
                continue
            }
            switch acknowledgement.status {
            case .stored: stats.stored += 1
            case .failed: stats.failed += 1
            case .duplicate: stats.duplicates += 1
            }
            if let dispatched = entry.firstDispatched {
                stats.endToEndLatency.record(now - dispatched)
                commitObserver?(acknowledgement.ticket, dispatched, now)
            }
            stats.bytesDone += entry.bytes
            committed.append(entry.page?.fetchKey ?? entry.pageID)
            archiveProgress.settled(ticket: acknowledgement.ticket)
        }
        do throws(StoreError) {
            try journal?.record(committed, resumeOffsets: archiveProgress.takeChangedOffsets())
        } catch {
            // Not fatal: the pages are stored; a restart would only send them again, harmlessly.
            logger.error("cannot write the journal", metadata: ["error": "\(error)"])
        }
    }

    /// Ties the journal to the database the collector writes; a journal of another database
    /// starts over, with a warning.
    private func attachJournal(toDatabase database: String?) {
        guard let journal else { return }
        guard let database else {
            logger.warning(
                "the collector did not say which database it writes: the journal passes nothing over this run")
            passOver = nil
            journalAttached = true
            return
        }
        do throws(StoreError) {
            let forgotten = try journal.attach(toDatabase: database)
            if forgotten > 0 {
                logger.warning(
                    "the journal described another database; starting over",
                    metadata: ["forgotten": "\(forgotten)", "database": "\(database)"])
                if stats.resumed > 0 {
                    logger.warning(
                        """
                        pages passed over earlier in this run are not in the collector's database: \
                        run again to send them
                        """,
                        metadata: ["passed_over": "\(stats.resumed)"])
                }
            } else if journal.committedCount > 0, !journalAttached {
                logger.notice(
                    "resuming: pages committed in an earlier run will not be sent again",
                    metadata: ["committed": "\(journal.committedCount)"])
            }
        } catch {
            logger.error("cannot use the journal; it passes nothing over this run", metadata: ["error": "\(error)"])
            passOver = nil
        }
        journalAttached = true
    }

    /// How the run stands, for `pagemill status`.
    private func status(now: ContinuousClock.Instant) -> ClusterStatus {
        let holding = ledger.holdingCounts()
        let workerStatuses = roster.inOrder.map { identity, worker in
            ClusterStatus.WorkerStatus(
                name: worker.name, finished: worker.finished, holding: holding[identity] ?? 0,
                silentSeconds: (now - worker.lastSeen).inSeconds)
        }
        let uptime = now - started
        var status = ClusterStatus(
            read: stats.read, stored: stats.stored, failed: stats.failed, resumed: stats.resumed,
            redelivered: stats.redelivered, inFlight: ledger.count, queued: ledger.queuedCount,
            total: totalPages?.snapshot, inputExhausted: stats.inputExhausted,
            uptimeSeconds: uptime.inSeconds,
            workers: workerStatuses)
        status.duplicates = stats.duplicates
        status.collectorHoldingBack = stats.collectorHoldingBack
        status.forgedAcknowledgements = stats.forgedAcknowledgements
        status.skippedRecords = stats.skippedRecords.isEmpty ? nil : stats.skippedRecords
        return status
    }
}
