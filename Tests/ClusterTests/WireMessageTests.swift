import Extraction
import Testing
import ZeroMQ
@testable import Cluster

@Suite struct WireMessageTests {
    static let record = PageRecord(id: "p", url: "https://x.example/p", title: "T", authors: ["A"], published: "2024-01-01",
                                   language: "en", tags: ["x"], text: "Body.", wordCount: 1, contentHash: "00")

    @Test(arguments: [
        WireMessage.hello(role: .worker, name: "w-1", credit: 4),
        .hello(role: .collector, name: "collector", credit: 0),
        .credit(2, finished: [7, 9]),
        .credit(1, finished: []),
        .page(ticket: 12, attempt: 2, page: RawPage(id: "a/b.html", url: "https://x.example", body: [0, 1, 255], format: .html, fetchedAt: "2024")),
        .page(ticket: 1, attempt: 1, page: RawPage(id: "c", body: [], format: .text)),
        .handBack(tickets: [3, 4]),
        .result(ticket: 5, worker: "w", extractionMilliseconds: 1.5, record: record),
        .failed(ticket: 6, pageID: "p", reporter: "producer", attempts: 3, error: "gave up"),
        .acknowledge([.init(ticket: 1, pageID: "a", stored: true), .init(ticket: 2, pageID: "b", stored: false)]),
        .heartbeat, .reset, .goodbye,
    ])
    func roundTrips(message: WireMessage) throws {
        let frames = message.encoded()
        #expect(frames.string(at: 0) == "pagemill/1")
        #expect(try WireMessage(decoding: frames) == message)
    }

    @Test func resultsCarryTheirTextApartYetReadTheOneFrameFormToo() throws {
        let frames = WireMessage.result(ticket: 5, worker: "w", extractionMilliseconds: 1.5, record: Self.record).encoded()
        #expect(frames.count == 7)
        #expect(frames.string(at: 6) == "Body.")
        #expect(frames.string(at: 5)?.contains("Body.") == false)
        // A worker written to the first form of the protocol (pyzmq, say): the text inside the JSON.
        let oneFrame = Message(strings: ["pagemill/1", "RESULT", "5", "w", "1.5", String(decoding: Self.record.jsonBytes(), as: UTF8.self)])
        #expect(try WireMessage(decoding: oneFrame) == .result(ticket: 5, worker: "w", extractionMilliseconds: 1.5, record: Self.record))
    }

    @Test func rejectsAnotherVersionAsSuch() {
        let error = #expect(throws: ClusterError.self) {
            try WireMessage(decoding: Message(strings: ["pagemill/2", "HEARTBEAT"]))
        }
        #expect(error?.code == .unsupportedVersion)
    }

    @Test(arguments: [
        [], ["garbage"], ["pagemill/1"], ["pagemill/1", "NOPE"], ["pagemill/1", "CREDIT"], ["pagemill/1", "CREDIT", "-1"],
        ["pagemill/1", "PAGE", "1", "1"], ["pagemill/1", "RESULT", "1", "w", "1", "{not json"], ["pagemill/1", "ACK", "1", "a"],
        ["pagemill/1", "HELLO", "emperor", "x", "1"],
    ])
    func rejectsMalformedMessages(frames: [String]) {
        let error = #expect(throws: ClusterError.self) { try WireMessage(decoding: Message(strings: frames)) }
        #expect(error?.code == .malformedMessage)
    }

    @Test func endpointsThatBindEverywhereAreReachedOnLoopback() {
        #expect(Endpoint.connectable("tcp://0.0.0.0:5557") == "tcp://127.0.0.1:5557")
        #expect(Endpoint.connectable("tcp://*:5557") == "tcp://127.0.0.1:5557")
        #expect(Endpoint.connectable("ipc:///tmp/x") == "ipc:///tmp/x")
        #expect(Endpoint.problem(with: "tcp://127.0.0.1:5557") == nil)
        #expect(Endpoint.problem(with: "127.0.0.1:5557") != nil)
        #expect(Endpoint.problem(with: "tcp://host") != nil)
    }
}
