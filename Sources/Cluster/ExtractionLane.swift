import Extraction
import Foundation
import WireProtocol

/// Runs a worker's turns of extraction on a thread of its own, so that the thread that owns the
/// worker's sockets goes on sending heartbeats while a slow page is extracted: a page that takes
/// longer than `--peer-timeout` no longer gets its worker dropped, nor itself charged for it.
///
/// One turn at a time: `submit` hands pages over, `wait` returns what became of them once the
/// turn is done (the pages it did not reach in the turn's time come back unprocessed). The lane
/// stops its thread when released, after the page at hand.
final class ExtractionLane: @unchecked Sendable {
    /// What became of one page.
    enum Outcome {
        case record(WireMessage.WorkerResult)
        /// The page could not be read (an archived record) or extracted: why, in words.
        case failed(WireMessage.LeasedPage, String)
    }

    /// A turn's outcomes, and the pages left for the next turn.
    typealias TurnResult = (outcomes: [Outcome], rest: [WireMessage.LeasedPage])

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [WireMessage.LeasedPage]?
    private var finished: TurnResult?
    private var stopping = false
    private var stopped = false

    /// Starts the thread. `extract` processes one page; a turn goes on while pages remain and
    /// it has run for less than `turnDuration`.
    init(turnDuration: Duration, extract: @escaping @Sendable (WireMessage.LeasedPage) -> Outcome) {
        let thread = Thread { [self] in
            while let pages = nextTurn() {
                let result = Self.run(pages, turnDuration: turnDuration, extract: extract)
                condition.withLock {
                    finished = result
                    condition.broadcast()
                }
            }
            condition.withLock {
                stopped = true
                condition.broadcast()
            }
        }
        thread.name = "extraction"
        thread.start()
    }

    deinit {
        condition.withLock {
            stopping = true
            condition.broadcast()
            while !stopped { condition.wait() }
        }
    }

    /// Hands a turn's pages over; only when the previous turn's result was taken.
    func submit(_ pages: [WireMessage.LeasedPage]) {
        condition.withLock {
            pending = pages
            condition.broadcast()
        }
    }

    /// The turn's result, waiting at most `timeout` for it; nil while it is not done.
    func wait(timeout: Duration) -> TurnResult? {
        condition.withLock {
            if finished == nil { _ = condition.wait(until: Date(timeIntervalSinceNow: timeout.inSeconds)) }
            defer { finished = nil }
            return finished
        }
    }

    private func nextTurn() -> [WireMessage.LeasedPage]? {
        condition.withLock {
            while pending == nil, !stopping { condition.wait() }
            defer { pending = nil }
            return stopping ? nil : pending
        }
    }

    static func run(
        _ pages: [WireMessage.LeasedPage], turnDuration: Duration,
        extract: (WireMessage.LeasedPage) -> Outcome
    ) -> TurnResult {
        let started = ContinuousClock.now
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(pages.count)
        var next = 0
        repeat {
            outcomes.append(extract(pages[next]))
            next += 1
        } while next < pages.count && ContinuousClock.now - started < turnDuration
        return (outcomes, Array(pages[next...]))
    }
}
