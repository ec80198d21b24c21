import Benchmarks
import PageGenerator
import PageInput
import Testing

@Suite struct GeneratedFeedTests {
    let pool = GeneratedFeed.pool(size: 3, generator: PageGenerator(seed: 7, sizeRange: 1_000...2_000))

    @Test func cyclesThroughThePoolUnderFreshIDs() {
        let feed = GeneratedFeed(count: 7, pool: pool)
        var ids: [String] = []
        while case let .page(page)? = feed.next() { ids.append(page.id) }
        #expect(ids.count == 7)
        #expect(Set(ids).count == 7, "ids repeat: \(ids)")
        #expect(feed.totalBytes == pool.reduce(0) { $0 + $1.body.count } * 2 + pool[0].body.count)
        #expect(feed.nextAvailable == nil, "a closed-loop feed is always ready")
    }

    @Test func anOpenLoopFeedReleasesPagesOnSchedule() throws {
        let feed = GeneratedFeed(count: 10, pool: pool, rate: 100)
        let first = try #require(feed.nextAvailable)
        _ = feed.next()
        _ = feed.next()
        // Page 3 is due two intervals (10 ms each) after the first.
        #expect(feed.nextAvailable == first + .milliseconds(20))
        #expect(feed.scheduledTime(ofTicket: 3) == first + .milliseconds(20))
    }
}

@Suite struct LatencyRecorderTests {
    @Test func reportsPercentilesInMilliseconds() {
        let recorder = LatencyRecorder()
        for millisecond in 1...100 { recorder.record(.milliseconds(millisecond)) }
        let summary = recorder.summary
        #expect(summary.count == 100)
        #expect(abs(summary.p50 - 50) < 0.1)
        #expect(abs(summary.p99 - 99) < 0.1)
        #expect(abs(summary.max - 100) < 0.1)
    }
}

@Suite struct LoadTestReportTests {
    func run(workers: Int, pagesPerSecondTimesTen stored: Int) -> LoadTestRun {
        LoadTestRun(
            workers: workers, mode: "closed", rate: nil, pages: stored, stored: stored, failed: 0, seconds: 10,
            bytes: stored * 1000, latency: LatencyRecorder().summary,
            cpuSeconds: .init(producer: 1, collector: 1, workers: 8),
            errors: .init(failedPages: 0, redelivered: 0, workerRestarts: 0, rejectedMessages: 0))
    }

    @Test func aSweepGetsAScalingTable() throws {
        let report = LoadTestReport(runs: [
            run(workers: 1, pagesPerSecondTimesTen: 1000), run(workers: 2, pagesPerSecondTimesTen: 1800),
        ])
        #expect(report.scaling.map(\.workers) == [1, 2])
        #expect(abs(report.scaling[1].speedUp - 1.8) < 1e-9)
        #expect(abs(report.scaling[1].efficiency - 0.9) < 1e-9)
        #expect(try report.json().contains("\"pages_per_second\":180"))
        #expect(report.text.contains("| 2 | 180.0 | 1.80× | 90 % |"))
    }
}
