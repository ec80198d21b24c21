/// WARC 1.1 records for generated pages, as a crawler writes them: a `request` and a
/// `response` for each page (HTTP 200, HTML or text), some sent chunked and some compressed
/// (gzip or br, with the encoders given), with redirects, images, `metadata` records, `revisit`
/// records of earlier pages and a `warcinfo` mixed in; or WET `conversion` records of the pages'
/// text. Record ids are derived from the seed and the page's number, so an archive is the same
/// every time.
public struct CrawlRecordWriter: Sendable {
    public let seed: UInt64
    /// Content codings (`gzip`, `br`) and their encoders, used for some responses' bodies.
    public let contentEncoders: [(coding: String, encode: @Sendable ([UInt8]) -> [UInt8])]

    public init(seed: UInt64, contentEncoders: [(coding: String, encode: @Sendable ([UInt8]) -> [UInt8])] = []) {
        self.seed = seed
        self.contentEncoders = contentEncoders
    }

    /// The `warcinfo` record that opens an archive.
    public func warcinfo(fileName: String) -> [UInt8] {
        record(
            type: "warcinfo", id: uuid(0, 0), uri: nil, date: date(0), contentType: "application/warc-fields",
            block: Array(
                "software: pagemill generate\r\nformat: WARC File Format 1.1\r\nfilename: \(fileName)\r\n".utf8))
    }

    /// The records of page `index`: its request and response, and now and then a redirect to it
    /// or an image beside it (records that are not pages).
    public func records(for page: GeneratedPage, index: Int) -> [[UInt8]] {
        let uri = "https://site\(index % 50).example/\(page.fileName.prefix { $0 != "." })"
        let when = date(index)
        var records: [[UInt8]] = [
            record(
                type: "request", id: uuid(index, 1), uri: uri, date: when,
                contentType: "application/http; msgtype=request",
                block: Array("GET /\(page.fileName) HTTP/1.1\r\nHost: example\r\nUser-Agent: pagemill\r\n\r\n".utf8))
        ]
        if index % 10 == 3 {
            let http = "HTTP/1.1 301 Moved Permanently\r\nLocation: \(uri)\r\nContent-Length: 0\r\n\r\n"
            records.append(response(id: uuid(index, 2), uri: uri + "-old", date: when, http: Array(http.utf8)))
        }
        records.append(response(id: uuid(index, 3), uri: uri, date: when, http: httpResponse(page, index: index)))
        if index % 6 == 4 {
            records.append(
                record(
                    type: "metadata", id: uuid(index, 6), uri: uri, date: when, contentType: "application/warc-fields",
                    block: Array("fetchTimeMs: \(index % 900)\r\n".utf8)))
        }
        if index % 9 == 8 {
            // The crawler fetched page `index - 8` again and found the same payload.
            let earlier = "https://site\((index - 8) % 50).example/again-\(index)"
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
            records.append(
                record(
                    type: "revisit", id: uuid(index, 7), uri: earlier, date: when,
                    contentType: "application/http; msgtype=response", block: Array(head.utf8),
                    extra: "WARC-Refers-To: <urn:uuid:\(uuid(index - 8, 3))>\r\n"
                        + "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest\r\n"))
        }
        if index % 7 == 5 {
            let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<256).map { UInt8($0) }
            let imageHead = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: \(image.count)\r\n\r\n"
            records.append(
                response(id: uuid(index, 4), uri: uri + ".png", date: when, http: Array(imageHead.utf8) + image))
        }
        return records
    }

    /// A page's HTTP response: every fourth sent chunked, and, with encoders, one in five
    /// compressed with each of them in turn.
    private func httpResponse(_ page: GeneratedPage, index: Int) -> [UInt8] {
        let type = page.isHTML ? "text/html; charset=utf-8" : "text/plain; charset=utf-8"
        var head = "HTTP/1.1 200 OK\r\nContent-Type: \(type)\r\n"
        var body = page.body
        if !contentEncoders.isEmpty, index % 5 == 1 {
            let encoder = contentEncoders[index / 5 % contentEncoders.count]
            body = encoder.encode(body)
            head += "Content-Encoding: \(encoder.coding)\r\n"
        }
        guard index % 4 == 2 else {
            return Array((head + "Content-Length: \(body.count)\r\n\r\n").utf8) + body
        }
        var chunked = Array((head + "Transfer-Encoding: chunked\r\n\r\n").utf8)
        var start = 0
        while start < body.count {
            let end = min(body.count, start + 4000 + index % 3000)
            chunked += Array((String(end - start, radix: 16) + "\r\n").utf8) + body[start..<end] + [0x0D, 0x0A]
            start = end
        }
        return chunked + Array("0\r\n\r\n".utf8)
    }

    /// The WET `conversion` record of a page's text.
    public func conversion(text: String, index: Int) -> [UInt8] {
        record(
            type: "conversion", id: uuid(index, 5), uri: "https://site\(index % 50).example/page-\(index)",
            date: date(index),
            contentType: "text/plain", block: Array(text.utf8))
    }

    /// The record id of page `index`'s response, as the reader gives it.
    public func responseID(index: Int) -> String { "urn:uuid:" + uuid(index, 3) }

    private func response(id: String, uri: String, date: String, http: [UInt8]) -> [UInt8] {
        record(
            type: "response", id: id, uri: uri, date: date, contentType: "application/http; msgtype=response",
            block: http)
    }

    private func record(
        type: String, id: String, uri: String?, date: String, contentType: String, block: [UInt8], extra: String = ""
    ) -> [UInt8] {
        var head = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nWARC-Date: \(date)\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        head += extra
        head += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// A UUID-shaped id from the seed, the page and the record's kind.
    private func uuid(_ index: Int, _ kind: Int) -> String {
        var random = SeededRandom(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(kind) &* 0xBF58_476D)
        let hex = (0..<2).map { _ in String(random.next(), radix: 16) }.map {
            String(repeating: "0", count: 16 - $0.count) + $0
        }
        .joined()
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }

    /// A fetch time a few seconds after the one before, all in January 2024.
    private func date(_ index: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let second = index * 7
        return "2024-01-\(two(1 + second / 86_400 % 28))T\(two(second / 3600 % 24)):\(two(second / 60 % 60)):"
            + "\(two(second % 60))Z"
    }
}
