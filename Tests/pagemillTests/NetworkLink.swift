import Foundation

/// A TCP relay on 127.0.0.1 between one process and a role's port, which the harness can cut
/// and mend to play a network partition: while cut, connections stay open but no byte crosses
/// and no new connection gets through, as when a cable is pulled or a route is lost. When mended,
/// what was held back flows again, so late messages from the far side arrive too.
final class NetworkLink: @unchecked Sendable {
    /// The port to connect to instead of the role's.
    let port: Int
    private let targetPort: Int
    private let listener: Int32
    private let condition = NSCondition()
    private var isCut = false
    private var isStopped = false
    private var descriptors: [Int32] = []
    /// Relays still running for each connection, by its client-side descriptor.
    private var runningRelays: [Int32: Int] = [:]

    init(to targetPort: Int) throws {
        self.targetPort = targetPort
        port = try freePort()
        // Close-on-exec, here and below: a role process started meanwhile must not inherit the
        // link's sockets and keep its port, or its connections, open after the link stops.
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard listener >= 0 else { throw HarnessError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw HarnessError("cannot listen on port \(port)")
        }
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    deinit { stop() }

    /// Stops every byte and every new connection, until `mend()`.
    func cut() { set { $0.isCut = true } }

    /// Lets traffic through again.
    func mend() { set { $0.isCut = false } }

    /// Closes the listener and every relayed connection.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        guard !isStopped else { return }
        isStopped = true
        isCut = false
        condition.broadcast()
        shutdown(listener, Int32(SHUT_RDWR))
        // The relays see their sockets end, and the last of each pair closes both (under this
        // lock, so no descriptor is shut here after being closed and reused).
        for descriptor in descriptors { shutdown(descriptor, Int32(SHUT_RDWR)) }
    }

    private func set(_ change: (NetworkLink) -> Void) {
        condition.lock()
        change(self)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks while the link is cut; false once it is stopped.
    private func waitWhileCut() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while isCut && !isStopped { condition.wait() }
        return !isStopped
    }

    private func acceptConnections() {
        while true {
            let client = accept(listener, nil, nil)
            if client >= 0 { _ = fcntl(client, F_SETFD, FD_CLOEXEC) }
            guard client >= 0 else {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            guard waitWhileCut() else { close(client); close(listener); return }
            let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = Self.loopback(port: targetPort)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                close(client)
                close(upstream)
                continue
            }
            condition.lock()
            descriptors += [client, upstream]
            runningRelays[client] = 2
            condition.unlock()
            Thread.detachNewThread { [self] in relay(from: client, to: upstream, connection: (client, upstream)) }
            Thread.detachNewThread { [self] in relay(from: upstream, to: client, connection: (client, upstream)) }
        }
    }

    /// Copies bytes one way until either side closes, holding them back while the link is cut.
    private func relay(from source: Int32, to destination: Int32, connection: (client: Int32, upstream: Int32)) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        defer {
            shutdown(source, Int32(SHUT_RDWR))
            shutdown(destination, Int32(SHUT_RDWR))
            condition.lock()
            runningRelays[connection.client, default: 1] -= 1
            if runningRelays[connection.client] == 0 {
                runningRelays[connection.client] = nil
                descriptors.removeAll { $0 == connection.client || $0 == connection.upstream }
                close(connection.client)
                close(connection.upstream)
            }
            condition.unlock()
        }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0, waitWhileCut() else { return }
            var sent = 0
            while sent < count {
                let written = buffer.withUnsafeBytes {
                    send(destination, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL))
                }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                sent += written
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
