import Testing
import ZeroMQ

@Suite(.enabled(if: CurveKey.isSupported, "this libzmq has no CURVE")) struct CurveTests {
    @Test func keysRoundTripThroughTheirText() throws {
        let pair = try CurveKey.generatePair()
        #expect(pair.publicKey.text.utf8.count == 40)
        #expect(try pair.secretKey.publicKey() == pair.publicKey)
        #expect(CurveKey(" \(pair.publicKey.text)\n") == pair.publicKey)
        #expect(CurveKey("not a key") == nil)
        #expect(!pair.secretKey.description.contains(pair.secretKey.text), "a key printed in full")
    }

    @Test func onlyAllowedClientsGetThrough() throws {
        let context = try Context()
        let server = try CurveKey.generatePair(), friend = try CurveKey.generatePair(),
            stranger = try CurveKey.generatePair()
        let authenticator = try CurveAuthenticator(context: context, allowedKeys: [friend.publicKey])
        defer { authenticator.stop() }
        let pull = try context.socket(.pull)
        try pull.setLinger(milliseconds: 0)
        try pull.makeCurveServer(secretKey: server.secretKey)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(pull.lastEndpoint)
        try pull.setReceiveTimeout(milliseconds: 5000)

        func client(_ pair: (publicKey: CurveKey, secretKey: CurveKey)) throws -> Socket {
            let push = try context.socket(.push)
            try push.setLinger(milliseconds: 0)
            try push.makeCurveClient(serverKey: server.publicKey, secretKey: pair.secretKey)
            try push.connect(endpoint)
            return push
        }
        let strangerSocket = try client(stranger)
        _ = try strangerSocket.send(strings: ["from a stranger"], wait: false)
        let friendSocket = try client(friend)
        try friendSocket.send(strings: ["from a friend"])
        #expect(try pull.receive()?.string(at: 0) == "from a friend")
        try pull.setReceiveTimeout(milliseconds: 500)
        #expect(try pull.receive() == nil, "the stranger's message came through")
        #expect(authenticator.refused >= 1)
    }
}
