import PageModel
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
        case let .hello(role, name, credit, pagesPerMessage, database, readsArchivedRecords):
            message.append("HELLO"); message.append(role.rawValue); message.append(name);
            message.appendDecimal(UInt64(credit))
            if let database {
                message.append(database)
            } else if pagesPerMessage > 1 || readsArchivedRecords {
                message.appendDecimal(UInt64(pagesPerMessage))
                if readsArchivedRecords { message.append(RawPage.Format.warcRecord.rawValue) }
            }
        case let .credit(count, finished):
            message.append("CREDIT"); message.appendDecimal(UInt64(count))
            for ticket in finished { message.appendDecimal(ticket) }
        case let .page(ticket, attempt, page):
            message.append("PAGE"); message.appendDecimal(ticket); message.appendDecimal(UInt64(attempt))
            message.append(page.id); message.append(page.url ?? ""); message.append(page.format.rawValue)
            message.append(page.fetchedAt ?? ""); message.append(page.body)
            if page.charset != nil || page.origin != nil { message.append(page.charset ?? "") }
            if let origin = page.origin {
                message.append(origin.archive); message.appendDecimal(UInt64(origin.offset))
            }
        case let .pages(leases):
            message.append("PAGES")
            // One frame of headers for all the pages: in raw libzmq, eight small frames beside
            // each 8 KB body took a fifth off the rate of the bodies alone.
            message.append(
                WireRows.write(leases, reservingBytes: 16 + leases.count * 96) { lease, row in
                    let page = lease.page
                    row.number(lease.ticket); row.number(UInt64(lease.attempt))
                    row.string(page.id); row.string(page.url ?? ""); row.string(page.format.rawValue)
                    row.string(page.fetchedAt ?? ""); row.string(page.charset ?? "");
                    row.number(UInt64(page.body.count))
                    if let origin = page.origin { row.string(origin.archive); row.number(UInt64(origin.offset)) }
                })
            var bodies = PackedFrames(expectedBytes: leases.reduce(0) { $0 + $1.page.body.count })
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
            message.append(
                WireRows.write(results, reservingBytes: 16 + results.count * 24) { result, row in
                    row.number(result.ticket)
                    row.number(UInt64(max(0, result.extractionMilliseconds * 1000).rounded()))
                    row.number(UInt64(result.record.text.utf8.count))
                })
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
                message.append(acknowledgement.status.rawValue)
            }
        case let .heartbeat(holdingBack):
            message.append("HEARTBEAT")
            if let holdingBack { message.append(holdingBack) }
        case .reset: message.append("RESET")
        case let .refused(reason): message.append("REFUSED"); message.append(reason)
        case .goodbye: message.append("BYE")
        case .statusRequest: message.append("STATUS?")
        case let .status(json): message.append("STATUS"); message.append(json)
        }
        return message
    }

    /// Decodes a message received from a peer, whose frames start with the protocol tag at
    /// `firstFrame` (1 on a ROUTER, after the peer's identity).
    public init(decoding message: Message, from firstFrame: Int = 0) throws(WireError) {
        guard message.count > firstFrame else { throw WireError(.malformedMessage, "empty message") }
        let tag = message.frame(at: firstFrame)
        guard tag.elementsEqual(Self.protocolTagBytes) else {
            if tag.starts(with: Self.tagPrefix) {
                throw WireError(
                    .unsupportedVersion,
                    "unsupported protocol version \(String(decoding: tag, as: UTF8.self)); this build speaks "
                        + "\(Self.protocolTag)"
                )
            }
            throw WireError(.malformedMessage, "message does not start with the protocol tag \(Self.protocolTag)")
        }
        guard message.count >= firstFrame + 2 else { throw WireError(.malformedMessage, "message has no command") }
        let command = String(decoding: message.frame(at: firstFrame + 1), as: UTF8.self)
        var reader = FrameReader(message: message, position: firstFrame + 2, command: command)
        switch command {
        case "HELLO":
            guard let role = PeerRole(rawValue: try reader.string()) else {
                throw WireError(.malformedMessage, "HELLO names an unknown role")
            }
            let name = try reader.string(), credit = try reader.integer()
            switch role {
            case .worker:
                let pagesPerMessage = reader.atEnd ? 1 : max(1, try reader.integer())
                // The formats it reads beyond html, text and unknown, comma-separated.
                let formats = reader.atEnd ? [] : try reader.string().split(separator: ",")
                self = .hello(
                    role: role, name: name, credit: credit, pagesPerMessage: pagesPerMessage,
                    readsArchivedRecords: formats.contains { $0 == RawPage.Format.warcRecord.rawValue })
            case .collector:
                self = .hello(
                    role: role, name: name, credit: credit, database: reader.atEnd ? nil : try reader.string())
            }
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
            guard reader.atEndOfBodies else {
                throw WireError(.malformedMessage, "PAGES has bytes beyond its bodies")
            }
            self = .pages(leases)
        case "RETURN":
            self = .handBack(tickets: try reader.remainingTickets())
        case "RESULT":
            let ticket = try reader.ticket(), worker = try reader.string()
            let millisecondsText = try reader.string()
            guard let milliseconds = Double(millisecondsText), milliseconds.isFinite, milliseconds >= 0 else {
                throw WireError(
                    .malformedMessage, "RESULT has a milliseconds frame that is not a number",
                    context: "ticket \(ticket)")
            }
            let json = try reader.bytes()
            let text = reader.atEnd ? nil : try reader.string()
            let record: PageRecord
            do throws(PageModelError) {
                record = try PageRecord(jsonBytes: json, text: text)
            } catch {
                throw WireError(
                    .malformedMessage, "RESULT carries a record that cannot be read: \(error)",
                    context: "ticket \(ticket)")
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
                do throws(PageModelError) {
                    let record = try PageRecord(jsonBytes: json, text: text)
                    results.append(
                        WorkerResult(
                            ticket: header.ticket, extractionMilliseconds: Double(header.microseconds) / 1000,
                            record: record))
                } catch {
                    throw WireError(
                        .malformedMessage, "RESULTS carries a record that cannot be read: \(error)",
                        context: "ticket \(header.ticket)")
                }
            }
            guard reader.atEndOfBodies else {
                throw WireError(.malformedMessage, "RESULTS has bytes beyond its texts")
            }
            self = .results(worker: worker, results)
        case "FAILED":
            self = .failed(
                ticket: try reader.ticket(), pageID: try reader.string(), reporter: try reader.string(),
                attempts: try reader.integer(), error: try reader.string())
        case "ACK":
            var acknowledgements: [Acknowledgement] = []
            while !reader.atEnd {
                let ticket = try reader.ticket(), pageID = try reader.string(), word = try reader.string()
                guard let status = Acknowledgement.Status(rawValue: word) else {
                    throw WireError(
                        .malformedMessage, "ACK has an unknown status \(word.prefix(40).debugDescription)",
                        context: "ticket \(ticket)")
                }
                acknowledgements.append(Acknowledgement(ticket: ticket, pageID: pageID, status: status))
            }
            self = .acknowledge(acknowledgements)
        case "HEARTBEAT": self = .heartbeat(holdingBack: reader.atEnd ? nil : try reader.string())
        case "RESET": self = .reset
        case "REFUSED": self = .refused(reason: try reader.string())
        case "BYE": self = .goodbye
        case "STATUS?": self = .statusRequest
        case "STATUS": self = .status(json: try reader.bytes())
        default:
            throw WireError(.malformedMessage, "unknown command \(command.prefix(40).debugDescription)")
        }
    }
}
