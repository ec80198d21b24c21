import Testing
@testable import ZeroMQ

@Suite struct MessageTests {
    @Test func framesBuiltPieceByPieceReadBackAsTheyWere() {
        var message = Message()
        message.append("HELLO")
        message.appendDecimal(0)
        message.appendDecimal(18_446_744_073_709_551_615)
        message.append([])
        let large = [UInt8](repeating: 7, count: Message.sharedFrameBytes + 1)
        message.append(large)
        #expect(message.count == 5)
        #expect(
            message.frames == [Array("HELLO".utf8), Array("0".utf8), Array("18446744073709551615".utf8), [], large])
        #expect(message.string(at: 1) == "0")
        #expect(message.string(at: 9) == nil)
        #expect(message.byteCount == 5 + 1 + 20 + 0 + large.count)
        // Equal whatever the layout: a large frame kept apart equals the same bytes built another way.
        #expect(message == Message(message.frames))
        #expect(message != Message(Array(message.frames.dropLast())))
    }

    @Test func aLargeFrameIsTheArrayItWasGivenNotACopy() {
        var message = Message()
        let large = [UInt8](repeating: 1, count: Message.sharedFrameBytes)
        message.append(large)
        let back = message.bytes(at: 0)
        #expect(back.withUnsafeBufferPointer { $0.baseAddress } == large.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func receivingIntoOneMessageReplacesWhatItHeld() throws {
        let context = try Context()
        let pull = try context.socket(.pull)
        try pull.bind("inproc://message-reuse")
        let push = try context.socket(.push)
        try push.connect("inproc://message-reuse")
        let large = (0..<5000).map { UInt8(truncatingIfNeeded: $0) }
        try push.send(Message([Array("one".utf8), large, Array("tail".utf8)]))
        try push.send(Message([Array("two".utf8)]))
        var incoming = Message()
        #expect(try pull.receive(into: &incoming))
        let first = incoming
        #expect(first.frames == [Array("one".utf8), large, Array("tail".utf8)])
        #expect(try pull.receive(into: &incoming))
        #expect(incoming.frames == [Array("two".utf8)])
        // A copy kept from before is not disturbed by the reuse.
        #expect(first.string(at: 2) == "tail")
        #expect(try pull.receive(into: &incoming, wait: false) == false)
        #expect(incoming.count == 0)
    }
}
