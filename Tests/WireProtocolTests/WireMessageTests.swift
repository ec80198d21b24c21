import PageModel
import Testing
import ZeroMQ
@testable import WireProtocol

@Suite struct WireMessageTests {
    static let record = PageRecord(
        id: "p", url: "https://x.example/p", title: "T", authors: ["A"], published: "2024-01-01",
        language: "en", tags: ["x"], text: "Body.", wordCount: 1, contentHash: "00")

    @Test(arguments: [
        WireMessage.hello(role: .worker, name: "w-1", credit: 4),
        .hello(role: .worker, name: "w-2", credit: 256, pagesPerMessage: 32),
        .hello(role: .worker, name: "w-3", credit: 4, pagesPerMessage: 1, readsArchivedRecords: true),
        .hello(role: .collector, name: "collector", credit: 0),
        .page(
            ticket: 14, attempt: 1,
            page: RawPage(
                id: "urn:uuid:1", body: [0x1F, 0x8B], format: .warcRecord,
                origin: ArchiveOrigin(archive: "crawl/a.warc.gz", offset: 123_456))),
        .credit(2, finished: [7, 9]),
        .credit(1, finished: []),
        .page(
            ticket: 12, attempt: 2,
            page: RawPage(
                id: "a/b.html", url: "https://x.example", body: [0, 1, 255], format: .html, fetchedAt: "2024")),
        .page(ticket: 1, attempt: 1, page: RawPage(id: "c", body: [], format: .text)),
        .pages([
            .init(
                ticket: 12, attempt: 2,
                page: RawPage(
                    id: "a/b.html", url: "https://x.example", body: [0, 1, 255], format: .html,
                    fetchedAt: "2024", charset: "latin1")),
            .init(
                ticket: 13, attempt: 1,
                page: RawPage(id: "big", body: Array(repeating: 0x61, count: 9000), format: .text)),
            .init(
                ticket: 15, attempt: 1,
                page: RawPage(
                    id: "urn:uuid:2", body: [1, 2, 3], format: .html, fetchedAt: "2024-05-18T01:21:37Z",
                    origin: ArchiveOrigin(archive: "b.warc.zst", offset: 0))),
        ]),
        .pages([]),
        .handBack(tickets: [3, 4]),
        .results(
            worker: "w",
            [
                .init(ticket: 5, extractionMilliseconds: 1.5, record: record),
                .init(
                    ticket: 6, extractionMilliseconds: 0,
                    record: PageRecord(id: "q", text: "", wordCount: 0, contentHash: "")),
                .init(
                    ticket: 7, extractionMilliseconds: 2,
                    record: PageRecord(
                        id: "urn:uuid:3", text: "t", wordCount: 1, contentHash: "h", fetchedAt: "2024-01-01T00:00:00Z",
                        origin: ArchiveOrigin(archive: "c.warc.gz", offset: 99))),
            ]),
        .result(ticket: 5, worker: "w", extractionMilliseconds: 1.5, record: record),
        .failed(ticket: 6, pageID: "p", reporter: "producer", attempts: 3, error: "gave up"),
        .acknowledge([
            .init(ticket: 1, pageID: "a", status: .stored), .init(ticket: 2, pageID: "b", status: .failed),
            .init(ticket: 3, pageID: "c", status: .duplicate),
        ]),
        .hello(role: .collector, name: "collector", credit: 0, database: "0123abcd"),
        .heartbeat(), .heartbeat(holdingBack: "database or disk is full"), .reset, .goodbye,
        .refused(reason: "unsupported protocol version pagemill/2"),
    ])
    func roundTrips(message: WireMessage) throws {
        let frames = message.encoded()
        #expect(frames.string(at: 0) == "pagemill/1")
        #expect(try WireMessage(decoding: frames) == message)
    }

    @Test func resultsCarryTheirTextApartYetReadTheOneFrameFormToo() throws {
        let frames = WireMessage.result(ticket: 5, worker: "w", extractionMilliseconds: 1.5, record: Self.record)
            .encoded()
        #expect(frames.count == 7)
        #expect(frames.string(at: 6) == "Body.")
        #expect(frames.string(at: 5)?.contains("Body.") == false)
        // A worker written to the first form of the protocol (pyzmq, say): the text inside the JSON.
        let oneFrame = Message(strings: [
            "pagemill/1", "RESULT", "5", "w", "1.5", String(decoding: Self.record.jsonBytes(), as: UTF8.self),
        ])
        #expect(
            try WireMessage(decoding: oneFrame)
                == .result(ticket: 5, worker: "w", extractionMilliseconds: 1.5, record: Self.record))
    }

    @Test func batchesCarryOneFrameOfHeadersAndTheirBodiesPacked() throws {
        let page = RawPage(id: "p", body: Array("<p>x</p>".utf8), format: .html)
        let pages = WireMessage.pages([
            .init(ticket: 1, attempt: 1, page: page), .init(ticket: 2, attempt: 3, page: page),
        ]).encoded()
        #expect(pages.count == 4)
        #expect(pages.string(at: 2) == #"[[1,1,"p","","html","","",8],[2,3,"p","","html","","",8]]"#)
        #expect(pages.string(at: 3) == "<p>x</p><p>x</p>")
        let results = WireMessage.results(
            worker: "w",
            [
                .init(ticket: 1, extractionMilliseconds: 2.5, record: Self.record),
                .init(ticket: 2, extractionMilliseconds: 0, record: Self.record),
            ]
        ).encoded()
        #expect(results.count == 3 + 1 + 2 + 1)
        #expect(results.string(at: 3) == "[[1,2500,5],[2,0,5]]")
        #expect(results.string(at: 6) == "Body.Body.")
        // An older worker says nothing of batches: one page a message.
        #expect(
            try WireMessage(decoding: Message(strings: ["pagemill/1", "HELLO", "worker", "w", "4"]))
                == .hello(role: .worker, name: "w", credit: 4, pagesPerMessage: 1))
    }

    @Test func largeBodiesTravelInFramesOfTheirOwnBetweenPackedSmallOnes() throws {
        let small = RawPage(id: "s", body: [1, 2, 3]), empty = RawPage(id: "e", body: [])
        let large = RawPage(id: "l", body: Array(repeating: 7, count: WireMessage.sharedBodyLimit))
        let leases = [small, large, empty, small, small].enumerated().map {
            WireMessage.LeasedPage(ticket: UInt64($0 + 1), attempt: 1, page: $1)
        }
        let message = WireMessage.pages(leases).encoded()
        #expect(message.frames.dropFirst(3).map(\.count) == [3, WireMessage.sharedBodyLimit, 6])
        #expect(try WireMessage(decoding: message) == .pages(leases))
    }

    @Test func headerStringsAreEscapedJSON() throws {
        let awkward = RawPage(
            id: "a \"quoted\"\\path\n\u{1}é😀", url: "https://x.example/?q=\"", body: [9], format: .text,
            fetchedAt: "2024-01-01T00:00:00Z", charset: "utf-8")
        let message = WireMessage.pages([.init(ticket: 7, attempt: 2, page: awkward)]).encoded()
        #expect(try WireMessage(decoding: message) == .pages([.init(ticket: 7, attempt: 2, page: awkward)]))
        // As another client might write it: escapes for everything, null for none, spaces.
        let foreign = Message([
            Array("pagemill/1".utf8), Array("PAGES".utf8),
            Array(#" [ [ 7 , 1 , "\u0061\ud83d\ude00\/" , null , "html" , null , null , 1 ] ] "#.utf8), [0x41],
        ])
        let decoded = try WireMessage(decoding: foreign)
        #expect(
            decoded == .pages([.init(ticket: 7, attempt: 1, page: RawPage(id: "a😀/", body: [0x41], format: .html))]))
    }

    @Test func numbersAreUnsignedDecimalsThatFit() throws {
        #expect(
            try WireMessage(decoding: Message(strings: ["pagemill/1", "RETURN", "18446744073709551615"]))
                == .handBack(tickets: [UInt64.max]))
        for bad in ["18446744073709551616", "+1", " 1", "1x", ""] {
            #expect(throws: WireError.self) {
                try WireMessage(decoding: Message(strings: ["pagemill/1", "RETURN", bad]))
            }
        }
    }

    @Test func aRouterMessageIsReadAfterTheIdentityWithoutCopyingIt() throws {
        let message = WireMessage.credit(3, finished: [1, 2]).encoded(to: [0, 1, 2, 3, 4])
        #expect(message.bytes(at: 0) == [0, 1, 2, 3, 4])
        #expect(try WireMessage(decoding: message, from: 1) == .credit(3, finished: [1, 2]))
    }

    @Test func rejectsAnotherVersionAsSuch() {
        let error = #expect(throws: WireError.self) {
            try WireMessage(decoding: Message(strings: ["pagemill/2", "HEARTBEAT"]))
        }
        #expect(error?.code == .unsupportedVersion)
    }

    @Test(arguments: [
        [], ["garbage"], ["pagemill/1"], ["pagemill/1", "NOPE"], ["pagemill/1", "CREDIT"],
        ["pagemill/1", "CREDIT", "-1"],
        ["pagemill/1", "PAGE", "1", "1"], ["pagemill/1", "RESULT", "1", "w", "1", "{not json"],
        ["pagemill/1", "ACK", "1", "a"],
        // The page says malformed messages are rejected: an unknown ACK status, milliseconds that are not a number.
        ["pagemill/1", "ACK", "1", "a", "stored", "2", "b", "perhaps"],
        ["pagemill/1", "RESULT", "1", "w", "soon", "{\"id\":\"p\"}"],
        ["pagemill/1", "RESULT", "1", "w", "nan", "{\"id\":\"p\"}"], ["pagemill/1", "REFUSED"],
        ["pagemill/1", "HELLO", "emperor", "x", "1"],
        ["pagemill/1", "PAGES"], ["pagemill/1", "PAGES", "[[1,1,\"id\",\"\",\"html\",\"\",\"\",4]]", "abc"],
        ["pagemill/1", "PAGES", "[[1,1,\"id\",\"\",\"html\",\"\",\"\",2]]", "abc"],
        [
            "pagemill/1", "PAGES", "[[1,1,\"id\",\"\",\"html\",\"\",\"\",2],[2,1,\"id\",\"\",\"html\",\"\",\"\",2]]",
            "a", "bcd",
        ],
        ["pagemill/1", "PAGES", "[[1,1,\"id\",\"\",\"html\",\"\",2]]", "ab"],
        ["pagemill/1", "PAGES", "[[1,1,\"id\"", "ab"],
        ["pagemill/1", "PAGES", "[[-1,1,\"id\",\"\",\"html\",\"\",\"\",2]]", "ab"],
        ["pagemill/1", "PAGES", "[[1,1,\"i\\qd\",\"\",\"html\",\"\",\"\",2]]", "ab"],
        ["pagemill/1", "RESULTS", "w", "[[1,0,0]]"],
        ["pagemill/1", "RESULTS", "w", "[[1,0,4]]", "{\"id\":\"p\"}", "abc"],
        ["pagemill/1", "RESULTS", "w", "[[1,0,0]]", "{not json"],
        ["pagemill/1", "RESULTS", "w", "[[1,0,0]] x", "{\"id\":\"p\"}"],
    ])
    func rejectsMalformedMessages(frames: [String]) {
        let error = #expect(throws: WireError.self) { try WireMessage(decoding: Message(strings: frames)) }
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
