import PageModel
import Testing
@testable import Cluster

@Suite struct DeliveryLedgerTests {
    let workerA: [UInt8] = [1], workerB: [UInt8] = [2]
    let clock = ContinuousClock()

    func page(_ id: String) -> RawPage { RawPage(id: id, body: Array(id.utf8)) }

    @Test func aPageIsForgottenOnlyWhenCommitted() {
        var ledger = DeliveryLedger(lease: .seconds(10), maximumAttempts: 3)
        let now = clock.now
        ledger.addLeased(1, page: page("a"), to: workerA, now: now)
        ledger.finished(1, by: workerA, now: now)
        #expect(ledger.count == 1)
        let wrongID = ledger.acknowledge(1, pageID: "other")
        #expect(wrongID == nil, "an acknowledgement for another page id is ignored")
        let committed = ledger.acknowledge(1, pageID: "a")
        #expect(committed != nil)
        let again = ledger.acknowledge(1, pageID: "a")
        #expect(again == nil, "a second acknowledgement is ignored")
        #expect(ledger.count == 0)
    }

    @Test func aDeadWorkersPagesGoToAnother() throws {
        var ledger = DeliveryLedger(lease: .seconds(10), maximumAttempts: 3)
        let now = clock.now
        ledger.addLeased(1, page: page("a"), to: workerA, now: now)
        ledger.addLeased(2, page: page("b"), to: workerB, now: now)
        let released = ledger.releaseAll(heldBy: workerA, now: now)
        #expect(released == 1)
        let tooSoon = ledger.leaseRetry(to: workerB, now: now)
        #expect(tooSoon == nil, "a page whose worker died waits a moment before it goes out again")
        let retry = ledger.leaseRetry(to: workerB, now: now + .seconds(1))
        #expect(retry?.0 == 1 && retry?.1.id == "a" && retry?.2 == 2)
        let none = ledger.leaseRetry(to: workerB, now: now + .seconds(1))
        #expect(none == nil)
    }

    @Test func expiredLeasesAreRequeuedThenGivenUp() throws {
        var ledger = DeliveryLedger(lease: .seconds(1), maximumAttempts: 2)
        var now = clock.now
        ledger.addLeased(1, page: page("poison"), to: workerA, now: now)
        now += .seconds(2)
        let firstExpiry = ledger.expireLeases(now: now)
        #expect(firstExpiry == 1)
        now += .seconds(1)
        let second = ledger.leaseRetry(to: workerB, now: now)
        #expect(second?.2 == 2)
        now += .seconds(2)
        let expired = ledger.expireLeases(now: now)
        #expect(expired == 1)
        let third = ledger.leaseRetry(to: workerA, now: now + .seconds(60))
        #expect(third == nil, "no third attempt")
        let reports = ledger.takeFailureReports(now: now)
        #expect(reports.count == 1)
        #expect(reports.first?.1.failure?.contains("gave up after 2 attempts") == true)
        let recorded = ledger.acknowledge(1, pageID: "poison")
        #expect(recorded != nil)
    }

    @Test func aHandedBackPageDoesNotCountAsAnAttempt() throws {
        var ledger = DeliveryLedger(lease: .seconds(10), maximumAttempts: 1)
        let now = clock.now
        ledger.addLeased(1, page: page("a"), to: workerA, now: now)
        ledger.handBack(1, from: workerA)
        let retry = ledger.leaseRetry(to: workerB, now: now)
        #expect(retry?.2 == 2, "the attempt a worker is told counts deliveries")
        #expect(ledger.entries[1]?.attempts == 0, "but the page is not charged for being handed back")
    }

    @Test func aWorkerThatSaysGoodbyeHandsEverythingBackUncharged() {
        var ledger = DeliveryLedger(lease: .seconds(10), maximumAttempts: 1)
        let now = clock.now
        ledger.addLeased(1, page: page("a"), to: workerA, now: now)
        ledger.addLeased(2, page: page("b"), to: workerA, now: now)
        #expect(ledger.handBackAll(heldBy: workerA) == 2)
        #expect(ledger.takeFailureReports(now: now).isEmpty)
        #expect(ledger.leaseRetry(to: workerB, now: now)?.0 == 1)
        #expect(ledger.leaseRetry(to: workerB, now: now)?.0 == 2)
    }

    @Test func aCommitThatIsLateChargesNothing() {
        var ledger = DeliveryLedger(lease: .seconds(1), maximumAttempts: 1)
        let now = clock.now
        for ticket in 1...3 as ClosedRange<UInt64> {
            ledger.addLeased(ticket, page: page("p\(ticket)"), to: workerA, now: now)
        }
        for ticket in 1...3 as ClosedRange<UInt64> { ledger.finished(ticket, by: workerA, now: now) }
        // The store fails for a long time: leases on the commit run out again and again.
        var later = now
        for round in 1...5 {
            later = now + .seconds(2 * round)
            #expect(ledger.expireLeases(now: later) == 3)
            #expect(ledger.takeFailureReports(now: later).isEmpty, "no page is given up for the store's failure")
            for _ in 1...3 {
                guard let (ticket, _, _) = ledger.leaseRetry(to: workerB, now: later) else { break }
                ledger.finished(ticket, by: workerB, now: later)
            }
        }
        #expect(ledger.entries.values.allSatisfy { $0.attempts == 0 && $0.failure == nil })
        #expect(ledger.entries.values.allSatisfy { $0.deliveries == 6 })
    }

    @Test func aLeaseRunningOutWhileTheStoreHoldsBackChargesNothing() {
        var ledger = DeliveryLedger(lease: .seconds(1), maximumAttempts: 1)
        let now = clock.now
        ledger.addLeased(1, page: page("a"), to: workerA, now: now)
        #expect(ledger.expireLeases(now: now + .seconds(2), storeHoldingBack: true) == 1)
        #expect(ledger.takeFailureReports(now: now + .seconds(2)).isEmpty)
        #expect(ledger.entries[1]?.attempts == 0)
        _ = ledger.leaseRetry(to: workerA, now: now + .seconds(2))
        #expect(ledger.expireLeases(now: now + .seconds(4)) == 1)
        #expect(
            ledger.takeFailureReports(now: now + .seconds(4)).map(\.0) == [1], "an ordinary expiry is still charged")
    }

    @Test func aLateFinishFromAFormerHolderChangesNothing() {
        var ledger = DeliveryLedger(lease: .seconds(10), maximumAttempts: 3)
        let now = clock.now
        ledger.addLeased(1, page: page("a"), to: workerA, now: now)
        ledger.releaseAll(heldBy: workerA, now: now)
        _ = ledger.leaseRetry(to: workerB, now: now + .seconds(1))
        ledger.finished(1, by: workerA, now: now)
        guard case let .leased(holder, _) = ledger.entries[1]?.state else { Issue.record("not leased"); return }
        #expect(holder == workerB)
    }

    @Test func unreadablePagesAreReportedAsFailures() {
        var ledger = DeliveryLedger(lease: .seconds(10), maximumAttempts: 3)
        ledger.addFailure(9, pageID: "bad.jsonl:2", error: "not JSON", bytes: 0)
        let reports = ledger.takeFailureReports(now: clock.now)
        #expect(reports.map(\.0) == [9])
        let again = ledger.takeFailureReports(now: clock.now)
        #expect(again.isEmpty, "reported once until its lease expires")
    }
}

extension DeliveryLedgerTests {
    @Test func onlyThePageAtHandIsBlamedWhenAWorkerDies() {
        var ledger = DeliveryLedger(lease: .seconds(10), maximumAttempts: 1)
        let now = clock.now
        ledger.addLeased(1, page: page("poison"), to: workerA, now: now)
        ledger.addLeased(2, page: page("innocent"), to: workerA, now: now)
        ledger.releaseAll(heldBy: workerA, now: now)
        let reports = ledger.takeFailureReports(now: now)
        #expect(reports.map(\.0) == [1], "the page being worked on is given up")
        let retry = ledger.leaseRetry(to: workerB, now: now)
        #expect(
            retry?.0 == 2 && retry?.2 == 2, "the page waiting behind it goes out again, told it is its second delivery")
        #expect(ledger.entries[2]?.attempts == 0, "and not charged")
    }
}
