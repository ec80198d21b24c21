import Logging
import Store
import WireProtocol
import ZeroMQ

/// How the collector hands its batches to the committer and acknowledges them: never before
/// their commit, and a batch whose commit failed is kept and tried again.
extension Collector {
    /// Gives the batch gathered so far to the committer.
    func handOver(to committer: BatchCommitter) {
        batchStarted = nil
        guard !batch.isEmpty else { return }
        committer.submit(batch)
        committing = (batch, acknowledgements)
        batch.removeAll(keepingCapacity: true)
        acknowledgements.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    var hello: WireMessage {
        .hello(role: .collector, name: "collector", credit: 0, database: databaseID)
    }

    /// Acknowledges a committed batch: never before its commit. A batch whose commit failed is
    /// kept, and the collector holds back (takes no results) until it commits.
    func finish(_ outcome: BatchCommitter.Outcome, producer: Socket) throws(ZeroMQError) {
        guard var committed = committing?.acknowledgements else { return }
        switch outcome {
        case let .committed(report, duration):
            committing = nil
            if let holdingBack {
                logger.notice(
                    "commits succeed again; taking results", metadata: ["held_back_because": "\(holdingBack.reason)"])
                self.holdingBack = nil
            }
            for position in report.duplicates { committed[position].status = .duplicate }
            stats.stored += report.newRows
            stats.duplicates += report.duplicates.count
            stats.replaced += report.replaced
            stats.versioned += report.versioned
            stats.commitLatency.record(duration)
            stats.failed += committed.lazy.filter { $0.status == .failed }.count
            stats.commits += 1
            try producer.send(WireMessage.acknowledge(committed).encoded(), wait: false)
            statistics.publish(stats)
        case let .failed(error):
            // Not the pages' fault: keep the batch and try it again, taking nothing new meanwhile.
            stats.failedCommits += 1
            let delay = min((holdingBack?.delay ?? .milliseconds(100)) * 2, .seconds(5))
            if holdingBack == nil {
                logger.error(
                    """
                    commit failed; holding back until the database takes writes again \
                    (pages will be redelivered if this collector stops)
                    """,
                    metadata: ["error": "\(error)", "pages": "\(committed.count)"])
            }
            holdingBack = ("\(error)", clock.now + delay, delay)
            statistics.publish(stats)
        }
    }

    /// Submits the failed batch again once its back-off has passed.
    func retryFailedCommit(on committer: BatchCommitter) {
        guard let holdingBack, let committing, !committer.isBusy, clock.now >= holdingBack.retryAt else { return }
        committer.submit(committing.batch)
    }
}
