import Testing
@testable import Cluster

@Suite struct WorkerRosterTests {
    let now = ContinuousClock.now

    func worker(_ name: String, credit: Int, seen: ContinuousClock.Instant? = nil) -> WorkerRoster.Worker {
        WorkerRoster.Worker(name: name, credit: credit, pagesPerMessage: 1, lastSeen: seen ?? now)
    }

    @Test func turnsGoRoundThoseWithCredit() {
        var roster = WorkerRoster()
        roster.join([1], worker("a", credit: 2))
        roster.join([2], worker("b", credit: 0))
        roster.join([3], worker("c", credit: 1))
        var served: [String] = []
        while let (identity, worker) = roster.nextWithCredit() {
            served.append(worker.name)
            roster.spend(identity, pages: 1)
        }
        #expect(served == ["c", "a", "a"] || served == ["a", "c", "a"], "\(served)")
        #expect(roster.nextWithCredit() == nil)
    }

    @Test func creditIsCappedAndFinishedPagesCounted() {
        var roster = WorkerRoster()
        roster.join([1], worker("a", credit: 4))
        roster.grant([1], credit: 100, finished: 3, maximum: 64)
        #expect(roster[[1]]?.credit == 64)
        #expect(roster[[1]]?.finished == 3)
        roster.grant([9], credit: 5, finished: 1, maximum: 64)
        #expect(roster[[9]] == nil, "an unknown peer is not granted anything")
    }

    @Test func aSecondHelloKeepsTheOrderAndRemovingKeepsTheTurnInRange() {
        var roster = WorkerRoster()
        let first = roster.join([1], worker("a", credit: 1))
        roster.join([2], worker("b", credit: 1))
        let again = roster.join([1], worker("a again", credit: 3))
        #expect(!first && again, "known the second time: it was a second HELLO")
        #expect(roster.order == [[1], [2]])
        _ = roster.nextWithCredit()
        _ = roster.nextWithCredit()
        roster.remove([2])
        roster.remove([2])
        #expect(roster.count == 1 && roster.order == [[1]])
        let next = roster.nextWithCredit()
        #expect(next?.1.name == "a again")
    }

    @Test func silentWorkersAreListedInOrder() {
        var roster = WorkerRoster()
        roster.join([1], worker("old", credit: 1, seen: now - .seconds(10)))
        roster.join([2], worker("fresh", credit: 1))
        roster.join([3], worker("older", credit: 1, seen: now - .seconds(20)))
        #expect(roster.silent(longerThan: .seconds(5), now: now).map(\.1.name) == ["old", "older"])
        roster.heard(from: [1], at: now)
        #expect(roster.silent(longerThan: .seconds(5), now: now).map(\.1.name) == ["older"])
        #expect(roster.inOrder.map(\.1.name) == ["old", "fresh", "older"])
    }
}
