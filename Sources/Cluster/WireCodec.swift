import Extraction
import Foundation
import ZeroMQ

extension WireMessage {
    /// The frames of this message, starting with the protocol tag.
    public func encoded() -> Message {
        var frames: [[UInt8]] = [Self.protocolTagBytes]
        func add(_ text: String) { frames.append(Array(text.utf8)) }
        switch self {
        case let .hello(role, name, credit):
            add("HELLO"); add(role.rawValue); add(name); add(String(credit))
        case let .credit(count, finished):
            add("CREDIT"); add(String(count)); finished.forEach { add(String($0)) }
        case let .page(ticket, attempt, page):
            add("PAGE"); add(String(ticket)); add(String(attempt)); add(page.id); add(page.url ?? "")
            add(page.format.rawValue); add(page.fetchedAt ?? ""); frames.append(page.body)
            if let charset = page.charset { add(charset) }
        case let .handBack(tickets):
            add("RETURN"); tickets.forEach { add(String($0)) }
        case let .result(ticket, worker, milliseconds, record):
            // The text, most of the record, travels apart: raw UTF-8, nothing to escape or unescape.
            add("RESULT"); add(String(ticket)); add(worker); add(String(milliseconds))
            frames.append(record.jsonBytes(includingText: false)); add(record.text)
        case let .failed(ticket, pageID, reporter, attempts, error):
            add("FAILED"); add(String(ticket)); add(pageID); add(reporter); add(String(attempts)); add(error)
        case let .acknowledge(acknowledgements):
            add("ACK")
            for acknowledgement in acknowledgements {
                add(String(acknowledgement.ticket)); add(acknowledgement.pageID); add(acknowledgement.stored ? "stored" : "failed")
            }
        case .heartbeat: add("HEARTBEAT")
        case .reset: add("RESET")
        case .goodbye: add("BYE")
        case .statusRequest: add("STATUS?")
        case let .status(json): add("STATUS"); frames.append(json)
        }
        return Message(frames)
    }

    /// Decodes a message received from a peer, whose frames start with the protocol tag.
    public init(decoding message: Message) throws(ClusterError) {
        let frames = message.frames
        guard let tag = frames.first else { throw ClusterError(.malformedMessage, "empty message") }
        guard tag == Self.protocolTagBytes else {
            if tag.starts(with: Self.tagPrefix) {
                throw ClusterError(.unsupportedVersion, "unsupported protocol version \(String(decoding: tag, as: UTF8.self)); this build speaks \(Self.protocolTag)")
            }
            throw ClusterError(.malformedMessage, "message does not start with the protocol tag \(Self.protocolTag)")
        }
        guard frames.count >= 2 else { throw ClusterError(.malformedMessage, "message has no command") }
        let command = String(decoding: frames[1], as: UTF8.self)
        var reader = FrameReader(frames: frames, position: 2, command: command)
        switch command {
        case "HELLO":
            guard let role = PeerRole(rawValue: try reader.string()) else {
                throw ClusterError(.malformedMessage, "HELLO names an unknown role")
            }
            self = .hello(role: role, name: try reader.string(), credit: try reader.integer())
        case "CREDIT":
            let count = try reader.integer()
            self = .credit(count, finished: try reader.remainingTickets())
        case "PAGE":
            let ticket = try reader.ticket(), attempt = try reader.integer()
            let id = try reader.string(), url = try reader.string()
            let format = RawPage.Format(rawValue: try reader.string()) ?? .unknown
            let fetchedAt = try reader.string()
            let body = try reader.bytes()
            let charset = reader.atEnd ? "" : try reader.string()
            self = .page(ticket: ticket, attempt: attempt, page: RawPage(
                id: id, url: url.isEmpty ? nil : url, body: body, format: format,
                fetchedAt: fetchedAt.isEmpty ? nil : fetchedAt, charset: charset.isEmpty ? nil : charset))
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
    let frames: [[UInt8]]
    var position: Int
    let command: String

    var atEnd: Bool { position >= frames.count }

    mutating func bytes() throws(ClusterError) -> [UInt8] {
        guard position < frames.count else {
            throw ClusterError(.malformedMessage, "\(command) has too few frames (\(frames.count))")
        }
        position += 1
        return frames[position - 1]
    }

    mutating func string() throws(ClusterError) -> String {
        String(decoding: try bytes(), as: UTF8.self)
    }

    mutating func integer() throws(ClusterError) -> Int {
        let text = try string()
        guard let value = Int(text), value >= 0 else {
            throw ClusterError(.malformedMessage, "\(command) frame \(position - 1) is not a count: \(text.prefix(20).debugDescription)")
        }
        return value
    }

    mutating func ticket() throws(ClusterError) -> UInt64 {
        let text = try string()
        guard let value = UInt64(text) else {
            throw ClusterError(.malformedMessage, "\(command) frame \(position - 1) is not a ticket: \(text.prefix(20).debugDescription)")
        }
        return value
    }

    mutating func remainingTickets() throws(ClusterError) -> [UInt64] {
        var tickets: [UInt64] = []
        while !atEnd { tickets.append(try ticket()) }
        return tickets
    }
}
