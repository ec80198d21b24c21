import Foundation
import Testing

/// `pagemill bench`: the load tester, run for real on a small load.
extension EndToEndTests {
    @Suite(.serialized) struct BenchCommandTests {
        /// The summary object among the progress lines (which go to standard error).
        func summary(_ log: String) throws -> [String: Any] {
            let line = try #require(log.split(separator: "\n").first { $0.hasPrefix("{") })
            return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }

        @Test func aClosedLoopSweepReportsThroughputLatencyAndScaling() throws {
            let folder = try TemporaryFolder()
            let bench = try RoleProcess(
                [
                    "bench", "--pages", "300", "--distinct", "50", "--max-size", "20000",
                    "--workers", "1,2", "--json",
                ], log: folder.file("bench.log"))
            #expect(bench.waitForExit(timeout: .seconds(300)) == 0, "bench: \(bench.log)")
            let report = try summary(bench.log)
            let runs = try #require(report["runs"] as? [[String: Any]])
            #expect(runs.count == 2)
            for run in runs {
                #expect(run["stored"] as? Int == 300)
                #expect((run["pages_per_second"] as? Double ?? 0) > 0)
                let latency = try #require(run["latency"] as? [String: Any])
                #expect(latency["count"] as? Int == 300)
                #expect((latency["p99_ms"] as? Double ?? 0) >= (latency["p50_ms"] as? Double ?? 0))
                let cpu = try #require(run["cpu_seconds"] as? [String: Any])
                #expect((cpu["workers"] as? Double ?? 0) > 0)
            }
            let scaling = try #require(report["scaling"] as? [[String: Any]])
            #expect(scaling.map { $0["workers"] as? Int } == [1, 2])
        }

        @Test func anOpenLoopRunHoldsToItsRate() throws {
            let folder = try TemporaryFolder()
            let bench = try RoleProcess(
                [
                    "bench", "--pages", "100", "--distinct", "20", "--max-size", "10000",
                    "--workers", "1", "--rate", "50", "--json",
                ], log: folder.file("bench.log"))
            #expect(bench.waitForExit(timeout: .seconds(120)) == 0, "bench: \(bench.log)")
            let run = try #require((try summary(bench.log)["runs"] as? [[String: Any]])?.first)
            #expect(run["mode"] as? String == "open")
            #expect(run["stored"] as? Int == 100)
            // 100 pages at 50 a second take about two seconds, however fast the workers are.
            #expect((run["seconds"] as? Double ?? 0) >= 1.9, "\(run)")
        }

        @Test func badOptionsAreRefusedWithExitCodeTwo() throws {
            let folder = try TemporaryFolder()
            let bench = try RoleProcess(["bench", "--workers", "1,x"], log: folder.file("bench.log"))
            #expect(bench.waitForExit(timeout: .seconds(30)) != 0)
            #expect(bench.log.contains("--workers takes a count or a list of counts"))
        }
    }
}
