import Testing
@testable import ZeroMQ

@Suite struct SocketTests {
    @Test func pushAndPullCarryAMultipartMessage() throws {
        let context = try Context()
        let pull = try context.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(pull.lastEndpoint)
        let push = try context.socket(.push)
        try push.connect(endpoint)
        let sent = Message([Array("first".utf8), [], [0, 1, 2, 255]])
        try push.send(sent)
        let received = try pull.receive()
        #expect(received == sent)
        #expect(received?.string(at: 0) == "first")
        #expect(received?.byteCount == 9)
    }

    @Test func largeFramesAreLentNotCopiedAndArriveWhole() throws {
        let context = try Context()
        let pull = try context.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        let push = try context.socket(.push)
        try push.connect(try #require(pull.lastEndpoint))
        let large = (0..<(Socket.lentFrameBytes * 3 + 7)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for round in 0..<50 {
            // The sender's copy goes away at once: libzmq must keep the bytes it was lent.
            try push.send(Message([Array("page \(round)".utf8), large, Array(large.prefix(Socket.lentFrameBytes))]))
        }
        for round in 0..<50 {
            let received = try #require(try pull.receive())
            #expect(received.string(at: 0) == "page \(round)")
            #expect(received.frames[1] == large)
            #expect(received.frames[2] == Array(large.prefix(Socket.lentFrameBytes)))
        }
    }

    @Test func aLentFrameThatCannotBeSentIsReturned() throws {
        let context = try Context()
        let push = try context.socket(.push)  // no peer: a non-blocking send is refused
        let large = [UInt8](repeating: 7, count: Socket.lentFrameBytes * 2)
        for _ in 0..<100 { #expect(try push.send(Message([large]), wait: false) == false) }
    }

    @Test func routerSeesTheDealersIdentity() throws {
        let context = try Context()
        let router = try context.socket(.router)
        try router.bind("inproc://router-test")
        let dealer = try context.socket(.dealer)
        try dealer.setRoutingIdentity(Array("worker-1".utf8))
        try dealer.connect("inproc://router-test")
        try dealer.send(strings: ["hello"])
        let request = try #require(try router.receive())
        #expect(request.string(at: 0) == "worker-1")
        #expect(request.string(at: 1) == "hello")
        try router.send(Message([request.frames[0], Array("welcome".utf8)]))
        #expect(try dealer.receive()?.string(at: 0) == "welcome")
    }

    @Test func receivingWithoutWaitingReturnsNilWhenNothingIsThere() throws {
        let context = try Context()
        let pull = try context.socket(.pull)
        try pull.bind("inproc://empty")
        #expect(try pull.receive(wait: false) == nil)
        #expect(!pull.hasIncoming)
    }

    @Test func aBadEndpointIsATypedErrorNamingIt() throws {
        let context = try Context()
        let socket = try context.socket(.pull)
        let error = #expect(throws: ZeroMQError.self) { try socket.bind("nonsense://here") }
        #expect(error?.endpoint == "nonsense://here")
        #expect(error?.operation == "zmq_bind")
        #expect(error?.description.contains("nonsense://here") == true)
    }

    @Test func routerMandatoryReportsAnUnknownPeer() throws {
        let context = try Context()
        let router = try context.socket(.router)
        try router.setRouterMandatory(true)
        try router.bind("inproc://mandatory")
        #expect(throws: ZeroMQError.self) {
            try router.send(Message([Array("nobody".utf8), Array("x".utf8)]), wait: false)
        }
    }

    @Test func pollerTellsWhichSocketIsReadable() throws {
        let context = try Context()
        let quiet = try context.socket(.pull)
        try quiet.bind("inproc://quiet")
        let busy = try context.socket(.pull)
        try busy.bind("inproc://busy")
        let push = try context.socket(.push)
        try push.connect("inproc://busy")
        var poller = Poller([quiet, busy])
        #expect(try poller.poll(timeoutMilliseconds: 0) == [false, false])
        try push.send(strings: ["ping"])
        #expect(try poller.poll(timeoutMilliseconds: 2000) == [false, true])
    }
}
