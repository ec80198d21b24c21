import Extraction
import Foundation
import ZeroMQ

extension WireMessage {
    /// The frames of this message, starting with the protocol tag; after `identity` when
    /// given (a ROUTER's address of the peer it goes to).
    public func encoded(to identity: [UInt8]? = nil) -> Message {
        var message = Message(reservingFrames: 10, bytes: 128)
        if let identity { message.append(identity) }
        message.append(contentsOf: Self.protocolTagBytes)
        switch self {
        case let .hello(role, name, credit, pagesPerMessage):
            message.append("HELLO"); message.append(role.rawValue); message.append(name); message.appendDecimal(UInt64(credit))
            if pagesPerMessage > 1 { message.appendDecimal(UInt64(pagesPerMessage)) }
        case let .credit(count, finished):
            message.append("CREDIT"); message.appendDecimal(UInt64(count))
            for ticket in finished { message.appendDecimal(ticket) }
        case let .page(ticket, attempt, page):
            message.append("PAGE"); message.appendDecimal(ticket); message.appendDecimal(UInt64(attempt))
            message.append(page.id); message.append(page.url ?? ""); message.append(page.format.rawValue)
            message.append(page.fetchedAt ?? ""); message.append(page.body)
            if let charset = page.charset { message.append(charset) }
        case let .pages(leases):
            message.append("PAGES")
            for lease in leases {
                let page = lease.page
                message.appendDecimal(lease.ticket); message.appendDecimal(UInt64(lease.attempt))
                message.append(page.id); message.append(page.url ?? ""); message.append(page.format.rawValue)
                message.append(page.fetchedAt ?? ""); message.append(page.charset ?? ""); message.append(page.body)
            }
        case let .handBack(tickets):
            message.append("RETURN")
            for ticket in tickets { message.appendDecimal(ticket) }
        case let .result(ticket, worker, milliseconds, record):
            // The text, most of the record, travels apart: raw UTF-8, nothing to escape or unescape.
            message.append("RESULT"); message.appendDecimal(ticket); message.append(worker)
            message.append(String(milliseconds)); message.append(record.jsonBytes(includingText: false))
            message.append(record.text)
        case let .results(worker, results):
            message.append("RESULTS"); message.append(worker)
            for result in results {
                message.appendDecimal(result.ticket); message.append(String(result.extractionMilliseconds))
                message.append(result.record.jsonBytes(includingText: false)); message.append(result.record.text)
            }
        case let .failed(ticket, pageID, reporter, attempts, error):
            message.append("FAILED"); message.appendDecimal(ticket); message.append(pageID); message.append(reporter)
            message.appendDecimal(UInt64(attempts)); message.append(error)
        case let .acknowledge(acknowledgements):
            message.append("ACK")
            for acknowledgement in acknowledgements {
                message.appendDecimal(acknowledgement.ticket); message.append(acknowledgement.pageID)
                message.append(acknowledgement.stored ? "stored" : "failed")
            }
        case .heartbeat: message.append("HEARTBEAT")
        case .reset: message.append("RESET")
        case .goodbye: message.append("BYE")
        case .statusRequest: message.append("STATUS?")
        case let .status(json): message.append("STATUS"); message.append(json)
        }
        return message
    }

    /// Decodes a message received from a peer, whose frames start with the protocol tag at
    /// `firstFrame` (1 on a ROUTER, after the peer's identity).
    public init(decoding message: Message, from firstFrame: Int = 0) throws(ClusterError) {
        guard message.count > firstFrame else { throw ClusterError(.malformedMessage, "empty message") }
        let tag = message.frame(at: firstFrame)
        guard tag.elementsEqual(Self.protocolTagBytes) else {
            if tag.starts(with: Self.tagPrefix) {
                throw ClusterError(.unsupportedVersion, "unsupported protocol version \(String(decoding: tag, as: UTF8.self)); this build speaks \(Self.protocolTag)")
            }
            throw ClusterError(.malformedMessage, "message does not start with the protocol tag \(Self.protocolTag)")
        }
        guard message.count >= firstFrame + 2 else { throw ClusterError(.malformedMessage, "message has no command") }
        let command = String(decoding: message.frame(at: firstFrame + 1), as: UTF8.self)
        var reader = FrameReader(message: message, position: firstFrame + 2, command: command)
        switch command {
        case "HELLO":
            guard let role = PeerRole(rawValue: try reader.string()) else {
                throw ClusterError(.malformedMessage, "HELLO names an unknown role")
            }
            let name = try reader.string(), credit = try reader.integer()
            self = .hello(role: role, name: name, credit: credit, pagesPerMessage: reader.atEnd ? 1 : max(1, try reader.integer()))
        case "CREDIT":
            let count = try reader.integer()
            self = .credit(count, finished: try reader.remainingTickets())
        case "PAGE":
            let lease = try reader.leasedPage(charsetBeforeBody: false)
            self = .page(ticket: lease.ticket, attempt: lease.attempt, page: lease.page)
        case "PAGES":
            var leases: [LeasedPage] = []
            while !reader.atEnd { leases.append(try reader.leasedPage(charsetBeforeBody: true)) }
            self = .pages(leases)
        case "RETURN":
            self = .handBack(tickets: try reader.remainingTickets())
        case "RESULT":
            let ticket = try reader.ticket(), worker = try reader.string()
            let milliseconds = Double(try reader.string()) ?? 0
            let json = try reader.bytes()
            let text = reader.atEnd ? nil : try reader.string()
            guard let record = try? PageRecord(jsonBytes: json, text: text) else {
                throw ClusterError(.malformedMessage, "RESULT carries a record that is not valid JSON", context: "ticket \(ticket)")
            }
            self = .result(ticket: ticket, worker: worker, extractionMilliseconds: milliseconds, record: record)
        case "RESULTS":
            let worker = try reader.string()
            var results: [WorkerResult] = []
            while !reader.atEnd {
                let ticket = try reader.ticket()
                let milliseconds = Double(try reader.string()) ?? 0
                let json = try reader.bytes(), text = try reader.string()
                guard let record = try? PageRecord(jsonBytes: json, text: text) else {
                    throw ClusterError(.malformedMessage, "RESULTS carries a record that is not valid JSON", context: "ticket \(ticket)")
                }
                results.append(WorkerResult(ticket: ticket, extractionMilliseconds: milliseconds, record: record))
            }
            self = .results(worker: worker, results)
        case "FAILED":
            self = .failed(ticket: try reader.ticket(), pageID: try reader.string(), reporter: try reader.string(),
                           attempts: try reader.integer(), error: try reader.string())
        case "ACK":
            var acknowledgements: [Acknowledgement] = []
            while !reader.atEnd {
                acknowledgements.append(Acknowledgement(
                    ticket: try reader.ticket(), pageID: try reader.string(), stored: try reader.string() == "stored"))
            }
            self = .acknowledge(acknowledgements)
        case "HEARTBEAT": self = .heartbeat
        case "RESET": self = .reset
        case "BYE": self = .goodbye
        case "STATUS?": self = .statusRequest
        case "STATUS": self = .status(json: try reader.bytes())
        default:
            throw ClusterError(.malformedMessage, "unknown command \(command.prefix(40).debugDescription)")
        }
    }
}

/// Reads a message's argument frames in order, failing clearly on a missing or mistyped one.
private struct FrameReader {
    let message: Message
    var position: Int
    let command: String

    var atEnd: Bool { position >= message.count }

    private mutating func next() throws(ClusterError) -> Int {
        guard position < message.count else {
            throw ClusterError(.malformedMessage, "\(command) has too few frames (\(message.count))")
        }
        position += 1
        return position - 1
    }

    mutating func bytes() throws(ClusterError) -> [UInt8] {
        message.bytes(at: try next())
    }

    mutating func string() throws(ClusterError) -> String {
        String(decoding: message.frame(at: try next()), as: UTF8.self)
    }

    /// A decimal number read straight from the frame's bytes, nil when it is not one or overflows.
    private mutating func decimal() throws(ClusterError) -> (UInt64?, Int) {
        let index = try next()
        let frame = message.frame(at: index)
        guard !frame.isEmpty, frame.count <= 20 else { return (nil, index) }
        var value: UInt64 = 0
        for byte in frame {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return (nil, index) }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflowA, !overflowB else { return (nil, index) }
            value = sum
        }
        return (value, index)
    }

    private func shown(_ index: Int) -> String {
        String(decoding: message.frame(at: index).prefix(20), as: UTF8.self).debugDescription
    }

    mutating func integer() throws(ClusterError) -> Int {
        let (value, index) = try decimal()
        guard let value, value <= UInt64(Int.max) else {
            throw ClusterError(.malformedMessage, "\(command) frame \(index) is not a count: \(shown(index))")
        }
        return Int(value)
    }

    mutating func ticket() throws(ClusterError) -> UInt64 {
        let (value, index) = try decimal()
        guard let value else {
            throw ClusterError(.malformedMessage, "\(command) frame \(index) is not a ticket: \(shown(index))")
        }
        return value
    }

    /// A page's frames: in `PAGE` the charset is an optional last frame, in `PAGES` a frame
    /// (empty for none) before the body.
    mutating func leasedPage(charsetBeforeBody: Bool) throws(ClusterError) -> WireMessage.LeasedPage {
        let ticket = try ticket(), attempt = try integer()
        let id = try string(), url = try string()
        let format = RawPage.Format(rawValue: try string()) ?? .unknown
        let fetchedAt = try string()
        var charset = charsetBeforeBody ? try string() : ""
        let body = try bytes()
        if !charsetBeforeBody, !atEnd { charset = try string() }
        return WireMessage.LeasedPage(ticket: ticket, attempt: attempt, page: RawPage(
            id: id, url: url.isEmpty ? nil : url, body: body, format: format,
            fetchedAt: fetchedAt.isEmpty ? nil : fetchedAt, charset: charset.isEmpty ? nil : charset))
    }

    mutating func remainingTickets() throws(ClusterError) -> [UInt64] {
        var tickets: [UInt64] = []
        tickets.reserveCapacity(message.count - position)
        while !atEnd { tickets.append(try ticket()) }
        return tickets
    }
}
