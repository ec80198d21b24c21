import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Store
import Testing

/// Prometheus metrics and `pagemill status` against a running cluster.
extension EndToEndTests {
    @Suite(.serialized) struct ObservabilityTests {
        /// The body of GET /metrics on 127.0.0.1:`port`, or nil when nothing answers.
        func scrape(_ port: Int) -> String? {
            guard let url = URL(string: "http://127.0.0.1:\(port)/metrics") else { return nil }
            return try? String(contentsOf: url, encoding: .utf8)
        }

        @Test func metricsAndStatusDescribeARunningCluster() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(1500, into: "pages")
            let producerEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let endpoints = [
                "--producer", producerEndpoint, "--collector", "tcp://127.0.0.1:\(try freePort())", "--peer-timeout",
                "1",
            ]
            let producerMetrics = try freePort(), collectorMetrics = try freePort()
            let collector = try RoleProcess(
                ["collect", "--db", folder.file("o.sqlite"), "--metrics-port", String(collectorMetrics)] + endpoints,
                log: folder.file("collector.log"))
            let producer = try RoleProcess(
                ["produce", pages, "--no-journal", "--metrics-port", String(producerMetrics)] + endpoints,
                log: folder.file("producer.log"))
            let worker = try RoleProcess(
                ["work", "--name", "observed-worker"] + endpoints, log: folder.file("worker.log"))
            defer { for role in [worker, collector, producer] { role.signal(SIGKILL) } }

            // Mid-run: the status names the worker and counts pages; the metrics move.
            let midRun = waitUntil(timeout: .seconds(60)) { (storedCounts(folder.file("o.sqlite"))?.pages ?? 0) >= 100 }
            #expect(midRun, "producer: \(producer.log.suffix(1000))")
            let status = try RoleProcess(
                ["status", "--producer", producerEndpoint, "--json"], log: folder.file("status.log"))
            #expect(status.waitForExit(timeout: .seconds(15)) == 0, "status: \(status.log)")
            let answer = try #require(
                try JSONSerialization.jsonObject(with: Data(status.log.utf8)) as? [String: Any], "\(status.log)")
            let workers = try #require(answer["workers"] as? [[String: Any]])
            #expect(workers.first?["name"] as? String == "observed-worker")
            #expect((answer["read"] as? Int ?? 0) > 0)
            let view = try RoleProcess(["status", "--producer", producerEndpoint], log: folder.file("view.log"))
            #expect(view.waitForExit(timeout: .seconds(15)) == 0, "status: \(view.log)")
            #expect(view.log.contains("observed-worker") && view.log.contains("pages/s"), "\(view.log)")

            let producerText = try #require(scrape(producerMetrics))
            #expect(producerText.contains("# TYPE pagemill_pages_stored_total counter"))
            #expect(producerText.contains("pagemill_workers 1"))
            #expect(producerText.contains("pagemill_end_to_end_seconds_bucket{le=\"+Inf\"}"))
            let collectorText = try #require(scrape(collectorMetrics))
            #expect(collectorText.contains("pagemill_extraction_seconds_count"))
            #expect(collectorText.contains("pagemill_commit_seconds_bucket"))

            #expect(producer.waitForExit(timeout: .seconds(120)) == 0, "producer: \(producer.log.suffix(1000))")
            for role in [worker, collector] { role.signal(SIGTERM) }
            #expect(collector.waitForExit(timeout: .seconds(15)) == 0)
        }

        @Test func aCollectorHoldingBackSaysSoEverywhere() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(800, into: "pages")
            let database = folder.file("h.sqlite")
            _ = try PageStore(path: database)
            let producerEndpoint = "tcp://127.0.0.1:\(try freePort())"
            let endpoints = [
                "--producer", producerEndpoint, "--collector", "tcp://127.0.0.1:\(try freePort())", "--peer-timeout",
                "1",
            ]
            let producerMetrics = try freePort(), collectorMetrics = try freePort()
            let health = folder.file("collector.health")
            let collector = try RoleProcess(
                [
                    "collect", "--db", database, "--metrics-port", String(collectorMetrics),
                    "--health-file", health,
                ] + endpoints, log: folder.file("collector.log"))
            let producer = try RoleProcess(
                ["produce", pages, "--no-journal", "--metrics-port", String(producerMetrics)] + endpoints,
                log: folder.file("producer.log"))
            let worker = try RoleProcess(["work"] + endpoints, log: folder.file("worker.log"))
            defer { for role in [worker, collector, producer] { role.signal(SIGKILL) } }
            #expect(
                waitUntil(timeout: .seconds(60)) { (storedCounts(database)?.pages ?? 0) > 0 },
                "\(producer.log.suffix(1000))")

            let blocker = try Database(path: database)
            try blocker.execute("BEGIN IMMEDIATE")
            let said = waitUntil(timeout: .seconds(30)) { producer.log.contains("the collector is holding back") }
            #expect(said, "\(producer.log.suffix(2000))")
            let status = try RoleProcess(
                ["status", "--producer", producerEndpoint, "--json"], log: folder.file("status.log"))
            #expect(status.waitForExit(timeout: .seconds(15)) == 0, "status: \(status.log)")
            let answer = try #require(
                try JSONSerialization.jsonObject(with: Data(status.log.utf8)) as? [String: Any], "\(status.log)")
            #expect((answer["collector_holding_back"] as? String)?.contains("locked") == true, "\(answer)")
            #expect(scrape(producerMetrics)?.contains("pagemill_collector_holding_back 1") == true)
            #expect(scrape(collectorMetrics)?.contains("pagemill_collector_holding_back 1") == true)
            let probe = try RoleProcess(["health", "--file", health], log: folder.file("health.log"))
            let degraded = waitUntil(timeout: .seconds(5)) {
                (try? String(contentsOfFile: health, encoding: .utf8))?.contains("holding back") == true
            }
            #expect(degraded && probe.waitForExit(timeout: .seconds(10)) == 0)
            let again = try RoleProcess(["health", "--file", health], log: folder.file("health-2.log"))
            #expect(again.waitForExit(timeout: .seconds(10)) == 0)
            #expect(again.log.hasPrefix("healthy, degraded: holding back"), "\(again.log)")

            try blocker.execute("ROLLBACK")
            #expect(producer.waitForExit(timeout: .seconds(120)) == 0, "producer: \(producer.log.suffix(1000))")
            #expect(storedCounts(database)?.pages == 800)
            #expect(storedCounts(database)?.failures == 0)
            #expect(scrape(collectorMetrics)?.contains("pagemill_collector_holding_back 0") == true)
        }
    }
}
