import PageModel
import ZeroMQ

/// Reads a message's argument frames in order, failing clearly on a missing or mistyped one.
struct FrameReader {
    let message: Message
    var position: Int
    let command: String

    var atEnd: Bool { position >= message.count }

    private mutating func next() throws(WireError) -> Int {
        guard position < message.count else {
            throw WireError(.malformedMessage, "\(command) has too few frames (\(message.count))")
        }
        position += 1
        return position - 1
    }

    mutating func bytes() throws(WireError) -> [UInt8] {
        message.bytes(at: try next())
    }

    mutating func string() throws(WireError) -> String {
        String(decoding: message.frame(at: try next()), as: UTF8.self)
    }

    /// A decimal number read straight from the frame's bytes, nil when it is not one or overflows.
    private mutating func decimal() throws(WireError) -> (UInt64?, Int) {
        let index = try next()
        return (JSONReader.decimalValue(message.frame(at: index)), index)
    }

    private func shown(_ index: Int) -> String {
        String(decoding: message.frame(at: index).prefix(20), as: UTF8.self).debugDescription
    }

    mutating func integer() throws(WireError) -> Int {
        let (value, index) = try decimal()
        guard let value, value <= UInt64(Int.max) else {
            throw WireError(.malformedMessage, "\(command) frame \(index) is not a count: \(shown(index))")
        }
        return Int(value)
    }

    mutating func ticket() throws(WireError) -> UInt64 {
        let (value, index) = try decimal()
        guard let value else {
            throw WireError(.malformedMessage, "\(command) frame \(index) is not a ticket: \(shown(index))")
        }
        return value
    }

    /// The headers frame of `PAGES`: a JSON array with, for each page, an array of ticket,
    /// attempt, id, url, format, fetched_at, charset and the body's length, then, for a page
    /// from a crawl archive, the archive's name and the record's offset.
    mutating func pageHeaders() throws(WireError) -> [(WireMessage.LeasedPage, length: Int)] {
        let frame = message.frame(at: try next())
        var headers: [(WireMessage.LeasedPage, length: Int)] = []
        try WireRows.read(frame, context: "PAGES headers") { (row: inout WireRows.Row) throws(WireError) in
            let ticket = try row.number(), attempt = try row.number()
            var fields: [String] = []
            for _ in 0..<5 { fields.append(try row.string()) }
            let length = try row.number()
            var origin: ArchiveOrigin?
            if row.hasMore() {
                let archive = try row.string(), offset = try row.number()
                guard offset <= UInt64(Int.max) else {
                    throw WireError(.malformedMessage, "PAGES headers: an archive offset out of range")
                }
                origin = ArchiveOrigin(archive: archive, offset: Int(offset))
            }
            guard attempt <= UInt64(Int.max), length <= UInt64(Int.max) else {
                throw WireError(.malformedMessage, "PAGES headers: a number out of range")
            }
            let page = RawPage(
                id: fields[0], url: fields[1].isEmpty ? nil : fields[1], body: [],
                format: RawPage.Format(rawValue: fields[2]) ?? .unknown,
                fetchedAt: fields[3].isEmpty ? nil : fields[3], charset: fields[4].isEmpty ? nil : fields[4],
                origin: origin)
            headers.append((WireMessage.LeasedPage(ticket: ticket, attempt: Int(attempt), page: page), Int(length)))
        }
        return headers
    }

    /// Bytes already taken from the frame at `position`, when reading bodies.
    var bodyOffset = 0

    /// The next `length` bytes of bodies: bodies lie back to back in the frames after the
    /// headers, and none is split between two frames.
    mutating func body(length: Int) throws(WireError) -> [UInt8] {
        let (frameIndex, range) = try nextBody(length: length)
        guard let frameIndex else { return [] }
        // A body alone in its frame is that frame's array, not a copy.
        if range.lowerBound == 0, range.count == message.frame(at: frameIndex).count {
            return message.bytes(at: frameIndex)
        }
        let frame = message.frame(at: frameIndex)
        return Array(frame[frame.startIndex + range.lowerBound..<frame.startIndex + range.upperBound])
    }

    /// The next `length` bytes of bodies, as UTF-8 text.
    mutating func bodyText(length: Int) throws(WireError) -> String {
        let (frameIndex, range) = try nextBody(length: length)
        guard let frameIndex else { return "" }
        let frame = message.frame(at: frameIndex)
        return String(
            decoding: frame[frame.startIndex + range.lowerBound..<frame.startIndex + range.upperBound], as: UTF8.self)
    }

    /// Where the next body of `length` bytes lies: its frame (nil for an empty body) and its bytes in it.
    private mutating func nextBody(length: Int) throws(WireError) -> (Int?, Range<Int>) {
        guard length > 0 else { return (nil, 0..<0) }
        if position < message.count, bodyOffset == message.frame(at: position).count {
            position += 1
            bodyOffset = 0
        }
        guard position < message.count else { throw WireError(.malformedMessage, "\(command) is missing bodies") }
        guard message.frame(at: position).count - bodyOffset >= length else {
            throw WireError(
                .malformedMessage, "\(command) has a body split between frames, or one shorter than announced")
        }
        defer { bodyOffset += length }
        return (position, bodyOffset..<bodyOffset + length)
    }

    /// The headers frame of `RESULTS`: a JSON array with, for each record, an array of ticket,
    /// extraction microseconds and the text's length in bytes.
    mutating func resultHeaders() throws(WireError) -> [(ticket: UInt64, microseconds: UInt64, textLength: Int)] {
        let frame = message.frame(at: try next())
        var headers: [(ticket: UInt64, microseconds: UInt64, textLength: Int)] = []
        try WireRows.read(frame, context: "RESULTS headers") { (row: inout WireRows.Row) throws(WireError) in
            let ticket = try row.number(), microseconds = try row.number(), length = try row.number()
            guard length <= UInt64(Int.max) else {
                throw WireError(.malformedMessage, "RESULTS headers: a length out of range")
            }
            headers.append((ticket, microseconds, Int(length)))
        }
        return headers
    }

    /// True once every body frame is read to its end.
    var atEndOfBodies: Bool {
        position >= message.count || (position == message.count - 1 && bodyOffset == message.frame(at: position).count)
    }

    /// A `PAGE` message's frames; the charset is an optional frame after the body, and the
    /// archive's name and the record's offset two more after it.
    mutating func leasedPage() throws(WireError) -> WireMessage.LeasedPage {
        let ticket = try ticket(), attempt = try integer()
        let id = try string(), url = try string()
        let format = RawPage.Format(rawValue: try string()) ?? .unknown
        let fetchedAt = try string()
        let body = try bytes()
        let charset = atEnd ? "" : try string()
        let origin = atEnd ? nil : ArchiveOrigin(archive: try string(), offset: try integer())
        return WireMessage.LeasedPage(
            ticket: ticket, attempt: attempt,
            page: RawPage(
                id: id, url: url.isEmpty ? nil : url, body: body, format: format,
                fetchedAt: fetchedAt.isEmpty ? nil : fetchedAt, charset: charset.isEmpty ? nil : charset,
                origin: origin))
    }

    mutating func remainingTickets() throws(WireError) -> [UInt64] {
        var tickets: [UInt64] = []
        tickets.reserveCapacity(message.count - position)
        while !atEnd { tickets.append(try ticket()) }
        return tickets
    }
}
