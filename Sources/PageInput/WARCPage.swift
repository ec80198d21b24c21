import CZlib
import Foundation
import PageModel

/// What a WARC record is to pagemill: a page, a record that is not a page (counted by reason),
/// or damage.
enum WARCPage {
    /// Why a record was not a page: the reasons a run's summary counts.
    enum Skip: String, CaseIterable, Sendable {
        case request, metadata, warcinfo, revisit
        case notHTML = "not HTML"
        case redirect
        case errorStatus = "error status"
        case otherRecord = "other record type"
    }

    enum Outcome {
        case page(RawPage)
        case skipped(Skip)
        case failed(String)
    }

    /// What a record is, told from its WARC headers and, for a response, its HTTP head alone:
    /// the reader that hands workers records as stored decides with no more than that.
    enum Disposition: Equatable {
        case page(RawPage.Format)
        case skipped(Skip)
        case failed(String)
    }

    /// Room beside a page's bytes, in a record's block, for its HTTP headers.
    static let headerRoom = 1 << 16

    /// The largest block read for pages of at most `maximumPageBytes`.
    static func blockLimit(forPages maximumPageBytes: Int) -> Int { maximumPageBytes + headerRoom }

    /// The disposition of a record of `type` whose block is `blockLength` bytes; `http` is the
    /// response's head (nil when it cannot be read), `blockLimit` the largest block read.
    static func disposition(
        type: String, headers: [String: String], http: HTTPMessage?, blockLength: Int, blockLimit: Int
    ) -> Disposition {
        let tooLarge = Disposition.failed(
            "record is \(blockLength) bytes, over the --max-page-bytes limit of \(blockLimit - headerRoom)")
        switch type {
        case "response":
            guard let http else { return .failed("the HTTP response cannot be read") }
            switch http.status {
            case 200..<300: break
            case 300..<400: return .skipped(.redirect)
            default: return .skipped(.errorStatus)
            }
            let contentType = http.headers["content-type"] ?? ""
            guard isPageType(contentType) else { return .skipped(.notHTML) }
            if blockLength > blockLimit { return tooLarge }
            return .page(contentType.lowercased().contains("text/plain") ? .text : .html)
        case "resource":
            guard isPageType(headers["content-type"] ?? "") else { return .skipped(.notHTML) }
            return blockLength > blockLimit ? tooLarge : .page(.html)
        case "conversion": return blockLength > blockLimit ? tooLarge : .page(.text)
        case "revisit": return .skipped(.revisit)
        case "request": return .skipped(.request)
        case "metadata": return .skipped(.metadata)
        case "warcinfo": return .skipped(.warcinfo)
        default: return .skipped(.otherRecord)
        }
    }

    /// The page a record holds: a `response` with an HTTP 2xx of HTML or text, a `resource` of
    /// HTML, or a WET `conversion` of plain text.
    static func outcome(of record: WARCRecord, archive: String, maximumPageBytes: Int) -> Outcome {
        let http = record.type == "response" ? HTTPMessage(record.block) : nil
        let disposition = disposition(
            type: record.type, headers: record.headers, http: http,
            blockLength: record.block.count + record.truncatedBy, blockLimit: blockLimit(forPages: maximumPageBytes))
        let format: RawPage.Format
        switch disposition {
        case let .skipped(reason): return .skipped(reason)
        case let .failed(reason): return .failed(reason)
        case let .page(pageFormat): format = pageFormat
        }
        var page = RawPage(
            id: recordID(record), url: record.headers["warc-target-uri"].map(stripBrackets), body: record.block,
            format: format, fetchedAt: record.headers["warc-date"],
            origin: ArchiveOrigin(archive: archive, offset: record.offset))
        if let http {
            switch http.decodedBody(limit: maximumPageBytes) {
            case let .success(decoded): page.body = decoded
            case let .failure(reason): return .failed(reason.text)
            }
            page.charset = http.charset
        }
        return .page(page)
    }

    /// The record's id, `urn:uuid:…` without its angle brackets.
    static func recordID(_ record: WARCRecord) -> String {
        record.headers["warc-record-id"].map(stripBrackets) ?? "record@\(record.offset)"
    }

    static func stripBrackets(_ value: String) -> String {
        value.hasPrefix("<") && value.hasSuffix(">") ? String(value.dropFirst().dropLast()) : value
    }

    private static func isPageType(_ contentType: String) -> Bool {
        let type = contentType.lowercased().prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        return type == "text/html" || type == "application/xhtml+xml" || type == "text/plain" || type.isEmpty
    }
}

/// An HTTP/1.x response as a WARC record holds it: status, headers, body.
struct HTTPMessage {
    struct Reason: Error {
        let text: String
    }

    let status: Int
    /// Header names lower-cased; a repeated header's values joined with ", ".
    let headers: [String: String]
    let body: ArraySlice<UInt8>

    init?(_ bytes: [UInt8]) {
        guard let headerEnd = Self.endOfHeaders(bytes) else { return nil }
        // Parsed on the bytes: Foundation's string handling costs more than the rest of a record.
        var lines = bytes[..<headerEnd.start].split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        guard let statusLine = lines.first, statusLine.starts(with: Array("HTTP/".utf8)),
            let space = statusLine.firstIndex(of: 0x20)
        else { return nil }
        let code = statusLine[(space + 1)...].prefix { $0 &- 0x30 < 10 }
        guard code.count == 3, let status = Int(String(decoding: code, as: UTF8.self)) else { return nil }
        lines.removeFirst()
        var headers: [String: String] = [:]
        for line in lines {
            guard let (key, value) = Self.field(line) else { continue }
            headers[key] = headers[key].map { $0 + ", " + value } ?? value
        }
        self.status = status
        self.headers = headers
        self.body = bytes[headerEnd.end...]
    }

    /// A header line's name, ASCII lower-cased, and its value without the white space around
    /// it (HTTP's and WARC's alike); nil for a line without a colon.
    static func field(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = String(decoding: line[..<colon].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return (name, trimmed(line[(colon + 1)...]))
    }

    /// The bytes without the spaces and tabs around them, as a string.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The charset the Content-Type names, if any.
    var charset: String? {
        guard let type = headers["content-type"], let range = type.range(of: "charset=", options: .caseInsensitive)
        else { return nil }
        let value = type[range.upperBound...].prefix { $0 != ";" && $0 != " " }
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The body with its transfer coding (chunked) and content coding (gzip, deflate, br) undone.
    func decodedBody(limit: Int) -> Result<[UInt8], Reason> {
        var bytes = Array(body)
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let unchunked = Self.unchunk(bytes) else { return .failure(Reason(text: "a malformed chunked body")) }
            bytes = unchunked
        }
        switch headers["content-encoding"]?.lowercased().trimmingCharacters(in: .whitespaces) ?? "" {
        case "", "identity": return .success(bytes)
        case "gzip", "x-gzip", "deflate":
            guard let inflated = Self.inflate(bytes, limit: limit) else {
                return .failure(Reason(text: "a gzip or deflate body that cannot be inflated"))
            }
            return .success(inflated)
        case "br":
            switch BrotliBody.decode(bytes, limit: limit) {
            case let .success(decoded): return .success(decoded)
            case let .failure(.malformed(reason)): return .failure(Reason(text: reason))
            case .failure(.overLimit):
                return .failure(Reason(text: "the brotli body decodes to over the --max-page-bytes limit of \(limit)"))
            }
        case let other: return .failure(Reason(text: "content coding \(other) is not supported"))
        }
    }

    private static func endOfHeaders(_ bytes: [UInt8]) -> (start: Int, end: Int)? {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return (index, index + 2) }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// A chunked body's data; nil when a chunk's size line is not hexadecimal.
    static func unchunk(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).prefix { $0 != ";" && $0 != "\r" }
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            index = lineEnd + 1
            if size == 0 { return output }
            let end = min(bytes.count, index + size)
            output.append(contentsOf: bytes[index..<end])
            index = end
            if index < bytes.count, bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        }
        return output
    }

    /// Inflates gzip, zlib or raw deflate data, at most `limit` bytes of it.
    static func inflate(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        for windowBits: Int32 in [15 + 32, -15] {
            if let output = inflate(bytes, windowBits: windowBits, limit: limit) { return output }
        }
        return nil
    }

    private static func inflate(_ bytes: [UInt8], windowBits: Int32, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[..<produced])
                if output.count > limit { return nil }
                if status == Z_STREAM_END { return output }
                // A body cut short inflates as far as it goes.
                if status == Z_BUF_ERROR || (status == Z_OK && stream.avail_in == 0 && produced == 0) {
                    return output.isEmpty ? nil : output
                }
                guard status == Z_OK else { return nil }
            }
        }
    }
}
