import Foundation

/// The metrics server's connections, served side by side with `poll` on one thread: read the
/// request, write the answer, close; a connection past its deadline is closed where it stands.
/// Used by that thread alone.
final class ConnectionLoop: @unchecked Sendable {
    private struct Connection {
        let descriptor: Int32
        let deadline: ContinuousClock.Instant
        var request: [UInt8] = []
        /// The answer, once the request is in; sent from `sent` on.
        var response: [UInt8]?
        var sent = 0
    }

    private let listener: Int32
    private let maximumConnections: Int
    private let deadline: Duration
    private let render: @Sendable () -> String
    /// Oldest first.
    private var connections: [Connection] = []
    private var buffer = [UInt8](repeating: 0, count: 4096)

    static let maximumRequestBytes = 8192

    init(listener: Int32, maximumConnections: Int, deadline: Duration, render: @escaping @Sendable () -> String) {
        self.listener = listener
        self.maximumConnections = maximumConnections
        self.deadline = deadline
        self.render = render
    }

    func run(until stopping: StopSignal) {
        while !stopping.isSet {
            var descriptors = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            for connection in connections {
                let events = connection.response == nil ? POLLIN : POLLOUT
                descriptors.append(pollfd(fd: connection.descriptor, events: Int16(events), revents: 0))
            }
            let ready = poll(&descriptors, nfds_t(descriptors.count), 100)
            if ready < 0 && errno != EINTR { break }
            // Served in reverse, so that closing one does not shift the ones still to serve.
            for index in connections.indices.reversed() where descriptors[index + 1].revents != 0 {
                serve(at: index)
            }
            closeOverdue()
            if descriptors[0].revents != 0 { acceptWaiting() }
        }
        for connection in connections { close(connection.descriptor) }
        connections.removeAll()
    }

    private func acceptWaiting() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // EAGAIN: none waiting; EMFILE and the like: try again on the next turn.
            }
            _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            if connections.count >= maximumConnections {
                // Full: the oldest has had the longest to send its request.
                close(connections.removeFirst().descriptor)
            }
            connections.append(Connection(descriptor: client, deadline: .now + deadline))
        }
    }

    private func serve(at index: Int) {
        if connections[index].response == nil {
            guard readRequest(at: index) else { return finish(at: index) }
            guard connections[index].response != nil else { return }
        }
        guard writeResponse(at: index) else { return finish(at: index) }
    }

    /// False when the connection is to be closed (the peer left, the request is too large).
    private func readRequest(at index: Int) -> Bool {
        let count = buffer.withUnsafeMutableBytes { recv(connections[index].descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
        if count == 0 { return false }
        connections[index].request += buffer.prefix(count)
        let request = connections[index].request
        if request.containsHeaderEnd {
            connections[index].response = answer(request)
        } else if request.count > Self.maximumRequestBytes {
            return false
        }
        return true
    }

    /// False once the answer is sent, or cannot be.
    private func writeResponse(at index: Int) -> Bool {
        guard let response = connections[index].response else { return true }
        let sent = connections[index].sent
        let count = response.withUnsafeBytes {
            send(connections[index].descriptor, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
        }
        if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR }
        connections[index].sent += count
        return connections[index].sent < response.count
    }

    private func finish(at index: Int) {
        close(connections[index].descriptor)
        connections.remove(at: index)
    }

    private func closeOverdue() {
        let now = ContinuousClock.now
        for index in connections.indices.reversed() where connections[index].deadline <= now {
            finish(at: index)
        }
    }

    private func answer(_ request: [UInt8]) -> [UInt8] {
        let line = String(decoding: request.prefix { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        if line.hasPrefix("GET /metrics ") || line.hasPrefix("GET /metrics?") {
            let body = render()
            return Array(
                ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"
                    + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body).utf8)
        }
        let body = "pagemill serves its metrics at /metrics\n"
        return Array(
            ("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Connection: close\r\n\r\n" + body).utf8)
    }
}

private extension [UInt8] {
    var containsHeaderEnd: Bool {
        guard count >= 4 else { return false }
        for index in 0...(count - 4)
        where self[index] == 0x0D && self[index + 1] == 0x0A && self[index + 2] == 0x0D && self[index + 3] == 0x0A {
            return true
        }
        return false
    }
}
