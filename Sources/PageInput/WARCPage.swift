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
        // Said only of a record too large: the text is not built for every record.
        var tooLarge: Disposition {
            .failed("record is \(blockLength) bytes, over the --max-page-bytes limit of \(blockLimit - headerRoom)")
        }
        switch type {
        case "response":
            guard let http else { return .failed("the HTTP response cannot be read") }
            switch http.status {
            case 200..<300: break
            case 300..<400: return .skipped(.redirect)
            default: return .skipped(.errorStatus)
            }
            guard let format = pageFormat(declared: http.headers["content-type"], headers: headers) else {
                return .skipped(.notHTML)
            }
            return blockLength > blockLimit ? tooLarge : .page(format)
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
            id: recordID(record), url: record.headers["warc-target-uri"].map(stripBrackets),
            body: http == nil ? Array(record.block) : [],
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
        let type = mediaType(contentType)
        return isMarkup(type) || type == "text/plain" || type.isEmpty
    }

    /// A response's page format, or nil when it is no page. The server's Content-Type says
    /// what it meant to send; `WARC-Identified-Payload-Type` (Common Crawl's and Heritrix's own
    /// sniffing of the payload) says what came: HTML sent as `application/octet-stream` is a
    /// page, and a PDF or JSON sent as `text/html` is not.
    static func pageFormat(declared: String?, headers: [String: String]) -> RawPage.Format? {
        let declaredType = mediaType(declared ?? "")
        let identified = headers["warc-identified-payload-type"].map(mediaType) ?? ""
        if isMarkup(identified) { return .html }
        guard isPageType(declaredType) else { return nil }
        // Sniffing that found nothing to say ("application/octet-stream") leaves the server's word.
        let binary = !identified.hasPrefix("text/") && !identified.contains("xml")
        if binary, !identified.isEmpty, identified != "application/octet-stream" { return nil }
        return declaredType == "text/plain" || (declaredType.isEmpty && identified == "text/plain") ? .text : .html
    }

    /// A Content-Type's media type, lower-cased, without its parameters or the white space
    /// around it; read on bytes, as it is read a few times for every record.
    static func mediaType(_ contentType: String) -> String {
        let type = contentType.utf8.prefix { $0 != UInt8(ascii: ";") }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let trimmed = type.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        return String(decoding: trimmed.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isMarkup(_ type: String) -> Bool { type == "text/html" || type == "application/xhtml+xml" }
}
