import Foundation
import Synchronization

/// Serves `GET /metrics` over plain HTTP/1.1 on a port of its own, from a thread of its own:
/// each scrape asks `render` for the text. One request a connection, no keep-alive, requests
/// over 8 KB refused.
///
/// Every connection is served side by side from one `poll` loop, so a slow or idle client
/// blocks nobody: each has a whole-request deadline (from accept to the last byte sent), and at
/// most `maximumConnections` are open at once; past that the oldest is closed to make room, so
/// that thousands of idle connections cannot keep a scraper out. Stopped by `stop()` or when released.
public final class MetricsServer: Sendable {
    /// The port it listens on (the one the system chose, for port 0).
    public let port: Int
    private let listener: Int32
    private let stopping = StopSignal()
    private let finished = DispatchSemaphore(value: 0)
    private let stopped = Atomic(false)

    /// Listens on `host`:`port`; throws a description when the port cannot be had.
    public init(
        host: String = "0.0.0.0", port: Int, maximumConnections: Int = 64,
        requestDeadline: Duration = .seconds(5), render: @escaping @Sendable () -> String
    ) throws(MetricsError) {
        let listener = socket(
            AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard listener >= 0 else { throw MetricsError("socket() failed: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(listener)
            throw MetricsError("not an IPv4 address: \(host)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 128) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound else {
            let reason = String(cString: strerror(errno))
            close(listener)
            throw MetricsError("cannot listen on \(host):\(port): \(reason)")
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let loop = ConnectionLoop(
            listener: listener, maximumConnections: max(1, maximumConnections),
            deadline: requestDeadline, render: render)
        let thread = Thread { [stopping, finished] in
            loop.run(until: stopping)
            finished.signal()
        }
        thread.name = "metrics"
        thread.start()
    }

    /// Stops serving and waits for the serving thread to end; later calls do nothing.
    public func stop() {
        guard stopped.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        stopping.set()
        finished.wait()
        close(listener)
    }

    deinit {
        stop()
    }
}

/// A flag the owner sets and the serving thread reads.
final class StopSignal: Sendable {
    private let value = Atomic(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}

/// Why the metrics server could not start.
public struct MetricsError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
