import Foundation
import Metrics
import Testing

@Suite struct PrometheusTextTests {
    @Test func writesCountersGaugesAndCumulativeHistograms() {
        var text = PrometheusText()
        text.counter("pagemill_pages_stored_total", "Pages stored.", 42)
        text.gauge("pagemill_workers", "Workers connected.", 3, labels: ["role": "pro\"ducer"])
        text.histogram(
            "pagemill_commit_seconds", "Commit time.", bounds: [0.01, 0.1], counts: [2, 3, 1], sum: 0.5, count: 6)
        #expect(
            text.text == """
                # HELP pagemill_pages_stored_total Pages stored.
                # TYPE pagemill_pages_stored_total counter
                pagemill_pages_stored_total 42
                # HELP pagemill_workers Workers connected.
                # TYPE pagemill_workers gauge
                pagemill_workers{role="pro\\"ducer"} 3
                # HELP pagemill_commit_seconds Commit time.
                # TYPE pagemill_commit_seconds histogram
                pagemill_commit_seconds_bucket{le="0.01"} 2
                pagemill_commit_seconds_bucket{le="0.1"} 5
                pagemill_commit_seconds_bucket{le="+Inf"} 6
                pagemill_commit_seconds_sum 0.5
                pagemill_commit_seconds_count 6

                """)
    }
}

@Suite struct MetricsServerTests {
    /// A connected TCP socket to the server; reads give up after 10 s, so a starved test fails
    /// rather than hangs.
    func connectTo(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        try #require(connected == 0)
        return descriptor
    }

    /// One raw HTTP exchange with the server.
    func get(_ path: String, port: Int) throws -> String {
        let descriptor = try connectTo(port: port)
        defer { close(descriptor) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: test\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response += buffer.prefix(count)
        }
        return String(decoding: response, as: UTF8.self)
    }

    @Test func servesTheMetricsAndNothingElse() throws {
        let server = try MetricsServer(host: "127.0.0.1", port: 0) { "pagemill_up 1\n" }
        let metrics = try get("/metrics", port: server.port)
        #expect(metrics.hasPrefix("HTTP/1.1 200 OK"))
        #expect(metrics.contains("text/plain; version=0.0.4"))
        #expect(metrics.hasSuffix("\r\n\r\npagemill_up 1\n"))
        #expect(try get("/other", port: server.port).hasPrefix("HTTP/1.1 404"))
    }
}

extension MetricsServerTests {
    @Test func idleAndSlowClientsBlockNobody() throws {
        let server = try MetricsServer(host: "127.0.0.1", port: 0, maximumConnections: 64, requestDeadline: .seconds(2))
        {
            "pagemill_up 1\n"
        }
        // Far more idle connections than the server keeps,
        let idle = try (0..<600).map { _ in try connectTo(port: server.port) }
        defer { idle.forEach { close($0) } }
        // and a slowloris client: half a request, then nothing.
        let slow = try connectTo(port: server.port)
        defer { close(slow) }
        _ = Array("GET /metrics HTTP/1.1\r\nHost: x".utf8).withUnsafeBytes { send(slow, $0.baseAddress, $0.count, 0) }
        for _ in 0..<3 {
            #expect(try get("/metrics", port: server.port).hasSuffix("pagemill_up 1\n"))
        }
        // The slow client is cut off at its deadline: its read ends, it does not hang.
        var byte: UInt8 = 0
        let started = ContinuousClock.now
        #expect(recv(slow, &byte, 1, 0) == 0, "closed by the server, not timed out by the test")
        #expect(ContinuousClock.now - started < .seconds(8))
    }
}
