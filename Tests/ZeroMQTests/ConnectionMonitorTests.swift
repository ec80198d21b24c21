import Testing
import ZeroMQ

@Suite struct ConnectionMonitorTests {
    /// Waits, polling, for the monitor's next event (libzmq reports them from its I/O thread).
    private func nextEvent(_ monitor: ConnectionMonitor) throws -> ConnectionMonitor.Event? {
        var poller = Poller([monitor.socket])
        for _ in 0..<50 {
            if let event = try monitor.nextEvent() { return event }
            _ = try poller.poll(timeoutMilliseconds: 100)
        }
        return nil
    }

    @Test func reportsEachConnectionWithThePeersAddress() throws {
        let context = try Context()
        let pull = try context.socket(.pull)
        let monitor = try ConnectionMonitor(watching: pull, context: context)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(pull.lastEndpoint)

        var push: Socket? = try context.socket(.push)
        try push?.setLinger(milliseconds: 0)
        try push?.connect(endpoint)
        try push?.send(strings: ["hello"])
        let accepted = try #require(try nextEvent(monitor))
        guard case let .accepted(peer) = accepted else {
            Issue.record("expected a connection, got \(accepted)")
            return
        }
        #expect(peer.hasPrefix("127.0.0.1:"))

        // Messages received over TCP carry the sender's address too.
        let message = try #require(try pull.receive())
        #expect(message.peerAddress == "127.0.0.1")

        push = nil
        let closed = try #require(try nextEvent(monitor))
        #expect(closed == .disconnected(peer: peer, reason: nil))
    }
}
