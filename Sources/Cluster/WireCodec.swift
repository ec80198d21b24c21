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
            // One frame of headers for all the pages: in raw libzmq, eight small frames beside
            // each 8 KB body took a fifth off the rate of the bodies alone.
            var headers: [UInt8] = [UInt8(ascii: "[")]
            headers.reserveCapacity(16 + leases.count * 96)
            for (index, lease) in leases.enumerated() {
                let page = lease.page
                if index > 0 { headers.append(UInt8(ascii: ",")) }
                headers.append(UInt8(ascii: "["))
                WireJSON.appendNumber(lease.ticket, to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendNumber(UInt64(lease.attempt), to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendString(page.id, to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendString(page.url ?? "", to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendString(page.format.rawValue, to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendString(page.fetchedAt ?? "", to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendString(page.charset ?? "", to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendNumber(UInt64(page.body.count), to: &headers)
                headers.append(UInt8(ascii: "]"))
            }
            headers.append(UInt8(ascii: "]"))
            message.append(headers)
            var bodies = PackedFrames(expectedBytes: leases.first.map { $0.page.body.count * leases.count } ?? 0)
            for lease in leases { bodies.add(lease.page.body, to: &message) }
            bodies.finish(&message)
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
            var headers: [UInt8] = [UInt8(ascii: "[")]
            headers.reserveCapacity(16 + results.count * 24)
            for (index, result) in results.enumerated() {
                if index > 0 { headers.append(UInt8(ascii: ",")) }
                headers.append(UInt8(ascii: "["))
                WireJSON.appendNumber(result.ticket, to: &headers); headers.append(UInt8(ascii: ","))
                WireJSON.appendNumber(UInt64(max(0, result.extractionMilliseconds * 1000).rounded()), to: &headers)
                headers.append(UInt8(ascii: ","))
                WireJSON.appendNumber(UInt64(result.record.text.utf8.count), to: &headers)
                headers.append(UInt8(ascii: "]"))
            }
            headers.append(UInt8(ascii: "]"))
            message.append(headers)
            for result in results { message.append(result.record.jsonBytes(includingText: false)) }
            var texts = PackedFrames(expectedBytes: results.reduce(0) { $0 + $1.record.text.utf8.count })
            for result in results { texts.add(result.record.text, to: &message) }
            texts.finish(&message)
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
            let lease = try reader.leasedPage()
            self = .page(ticket: lease.ticket, attempt: lease.attempt, page: lease.page)
        case "PAGES":
            let headers = try reader.pageHeaders()
            var leases: [LeasedPage] = []
            leases.reserveCapacity(headers.count)
            for (header, length) in headers {
                var lease = header
                lease.page.body = try reader.body(length: length)
                leases.append(lease)
            }
            guard reader.atEndOfBodies else { throw ClusterError(.malformedMessage, "PAGES has bytes beyond its bodies") }
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
            let headers = try reader.resultHeaders()
            var records: [[UInt8]] = []
            records.reserveCapacity(headers.count)
            for _ in headers { records.append(try reader.bytes()) }
            var results: [WorkerResult] = []
            results.reserveCapacity(headers.count)
            for (header, json) in zip(headers, records) {
                let text = try reader.bodyText(length: header.textLength)
                guard let record = try? PageRecord(jsonBytes: json, text: text) else {
                    throw ClusterError(.malformedMessage, "RESULTS carries a record that is not valid JSON", context: "ticket \(header.ticket)")
                }
                results.append(WorkerResult(ticket: header.ticket, extractionMilliseconds: Double(header.microseconds) / 1000, record: record))
            }
            guard reader.atEndOfBodies else { throw ClusterError(.malformedMessage, "RESULTS has bytes beyond its texts") }
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

    /// The headers frame of `PAGES`: a JSON array with, for each page, an array of ticket,
    /// attempt, id, url, format, fetched_at, charset and the body's length.
    mutating func pageHeaders() throws(ClusterError) -> [(WireMessage.LeasedPage, length: Int)] {
        var json = WireJSON.Reader(message.frame(at: try next()), context: "PAGES headers")
        var headers: [(WireMessage.LeasedPage, length: Int)] = []
        try json.readRows { (row: inout WireJSON.Reader) throws(ClusterError) in
            let ticket = try row.number()
            try row.expect(UInt8(ascii: ","))
            let attempt = try row.number()
            var fields: [String] = []
            for _ in 0..<5 {
                try row.expect(UInt8(ascii: ","))
                fields.append(try row.string())
            }
            try row.expect(UInt8(ascii: ","))
            let length = try row.number()
            guard attempt <= UInt64(Int.max), length <= UInt64(Int.max) else {
                throw ClusterError(.malformedMessage, "PAGES headers: a number out of range")
            }
            let page = RawPage(id: fields[0], url: fields[1].isEmpty ? nil : fields[1], body: [],
                               format: RawPage.Format(rawValue: fields[2]) ?? .unknown,
                               fetchedAt: fields[3].isEmpty ? nil : fields[3], charset: fields[4].isEmpty ? nil : fields[4])
            headers.append((WireMessage.LeasedPage(ticket: ticket, attempt: Int(attempt), page: page), Int(length)))
        }
        return headers
    }

    /// Bytes already taken from the frame at `position`, when reading bodies.
    var bodyOffset = 0

    /// The next `length` bytes of bodies: bodies lie back to back in the frames after the
    /// headers, and none is split between two frames.
    mutating func body(length: Int) throws(ClusterError) -> [UInt8] {
        let (frameIndex, range) = try nextBody(length: length)
        guard let frameIndex else { return [] }
        // A body alone in its frame is that frame's array, not a copy.
        if range.lowerBound == 0, range.count == message.frame(at: frameIndex).count { return message.bytes(at: frameIndex) }
        let frame = message.frame(at: frameIndex)
        return Array(frame[frame.startIndex + range.lowerBound..<frame.startIndex + range.upperBound])
    }

    /// The next `length` bytes of bodies, as UTF-8 text.
    mutating func bodyText(length: Int) throws(ClusterError) -> String {
        let (frameIndex, range) = try nextBody(length: length)
        guard let frameIndex else { return "" }
        let frame = message.frame(at: frameIndex)
        return String(decoding: frame[frame.startIndex + range.lowerBound..<frame.startIndex + range.upperBound], as: UTF8.self)
    }

    /// Where the next body of `length` bytes lies: its frame (nil for an empty body) and its bytes in it.
    private mutating func nextBody(length: Int) throws(ClusterError) -> (Int?, Range<Int>) {
        guard length > 0 else { return (nil, 0..<0) }
        if position < message.count, bodyOffset == message.frame(at: position).count {
            position += 1
            bodyOffset = 0
        }
        guard position < message.count else { throw ClusterError(.malformedMessage, "\(command) is missing bodies") }
        guard message.frame(at: position).count - bodyOffset >= length else {
            throw ClusterError(.malformedMessage, "\(command) has a body split between frames, or one shorter than announced")
        }
        defer { bodyOffset += length }
        return (position, bodyOffset..<bodyOffset + length)
    }

    /// The headers frame of `RESULTS`: a JSON array with, for each record, an array of ticket,
    /// extraction microseconds and the text's length in bytes.
    mutating func resultHeaders() throws(ClusterError) -> [(ticket: UInt64, microseconds: UInt64, textLength: Int)] {
        var json = WireJSON.Reader(message.frame(at: try next()), context: "RESULTS headers")
        var headers: [(ticket: UInt64, microseconds: UInt64, textLength: Int)] = []
        try json.readRows { (row: inout WireJSON.Reader) throws(ClusterError) in
            let ticket = try row.number()
            try row.expect(UInt8(ascii: ","))
            let microseconds = try row.number()
            try row.expect(UInt8(ascii: ","))
            let length = try row.number()
            guard length <= UInt64(Int.max) else { throw ClusterError(.malformedMessage, "RESULTS headers: a length out of range") }
            headers.append((ticket, microseconds, Int(length)))
        }
        return headers
    }

    /// True once every body frame is read to its end.
    var atEndOfBodies: Bool {
        position >= message.count || (position == message.count - 1 && bodyOffset == message.frame(at: position).count)
    }

    /// A `PAGE` message's frames; the charset is an optional last frame.
    mutating func leasedPage() throws(ClusterError) -> WireMessage.LeasedPage {
        let ticket = try ticket(), attempt = try integer()
        let id = try string(), url = try string()
        let format = RawPage.Format(rawValue: try string()) ?? .unknown
        let fetchedAt = try string()
        let body = try bytes()
        let charset = atEnd ? "" : try string()
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

/// Byte runs back to back in as few frames as suits libzmq: runs under
/// `WireMessage.sharedBodyLimit` share a frame (libzmq moves one large frame with a few system
/// calls, and many small ones with a few each); larger runs have a frame each, a page's body
/// lent to libzmq rather than copied.
private struct PackedFrames {
    private var packed: [UInt8] = []
    private let expectedBytes: Int

    init(expectedBytes: Int) {
        self.expectedBytes = expectedBytes
    }

    mutating func add(_ bytes: [UInt8], to message: inout Message) {
        guard bytes.count < WireMessage.sharedBodyLimit else {
            finish(&message)
            message.append(bytes)
            return
        }
        reserve()
        packed.append(contentsOf: bytes)
    }

    mutating func add(_ text: String, to message: inout Message) {
        guard text.utf8.count < WireMessage.sharedBodyLimit else {
            finish(&message)
            message.append(text)
            return
        }
        reserve()
        packed.append(contentsOf: text.utf8)
    }

    private mutating func reserve() {
        if packed.isEmpty { packed.reserveCapacity(min(expectedBytes, WireMessage.sharedBodyLimit * 64)) }
    }

    /// Ends the frame being filled, if any.
    mutating func finish(_ message: inout Message) {
        guard !packed.isEmpty else { return }
        message.append(packed)
        packed = []
    }
}
