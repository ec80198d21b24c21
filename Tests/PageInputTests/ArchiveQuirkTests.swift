import Foundation
import PageModel
import Testing

@testable import PageInput

/// What crawlers and servers really leave in archives, beyond the letter of WARC and HTTP:
/// line feeds without carriage returns, field names in any case, folded header lines, `HTTP/2`
/// status lines, URIs in angle brackets, chunk extensions and trailers, codings named but not
/// applied (warcio takes those bodies as they are, and so does pagemill: the conformance test
/// checks two of them against it), several codings in a row, a payload type the crawler
/// sniffed, records separated by too many blank lines or too few, and gzip members whose
/// headers carry the optional fields (extra, name, comment, header CRC). Each is a page, with
/// its body as the server meant it, read as the producer reads and as a worker decodes.
@Suite struct ArchiveQuirkTests {
    static let writer = #"""
        import gzip, struct, sys, uuid, zlib
        def page(n):
            return (f"<html><head><title>Quirk {n}</title></head><body><p>The body of quirk {n}.</p>"
                    "</body></html>").encode()
        def chunked(data, extension=b""):
            parts = [data[i:i + 25] for i in range(0, len(data), 25)]
            return b"".join(b"%x%s\r\n%s\r\n" % (len(p), extension, p) for p in parts) + b"0\r\nX-Trailer: 1\r\n\r\n"
        def record(n, http, body, eol=b"\r\n", lower=False, uri=None, version=b"WARC/1.0", after=b"\r\n\r\n",
                   extra=()):
            block = http + body
            fields = [(b"WARC-Type", b"response"), (b"WARC-Record-ID", b"<urn:uuid:%s>" % str(uuid.UUID(int=n)).encode()),
                      (b"WARC-Date", b"2024-01-02T03:04:05Z"), (b"WARC-Target-URI", uri or b"http://quirk.example/%d" % n),
                      (b"Content-Type", b"application/http; msgtype=response")] + list(extra)
            fields.append((b"Content-Length", b"%d" % len(block)))
            head = [version] + [(name.lower() if lower else name) + b": " + value for name, value in fields]
            return eol.join(head) + eol + eol + block + after
        ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        records = [
            record(1, ok + b"\r\n", page(1), eol=b"\n"),
            record(2, ok + b"\r\n", page(2), lower=True),
            record(3, b"HTTP/2 200\r\ncontent-type: text/html\r\n\r\n", page(3)),
            record(4, b"HTTP/1.0 200 OK\nContent-Type: text/html; charset=UTF-8\n\n", page(4)),
            record(5, b"HTTP/1.1 200 OK\r\nServer: x\r\n\r\n", page(5)),
            record(6, ok + b"Content-Encoding: X-GZIP\r\n\r\n", gzip.compress(page(6))),
            record(7, ok + b"Content-Encoding: gzip\r\n\r\n", page(7)),
            record(8, ok + b"\r\n", page(8), uri=b"<http://quirk.example/8>"),
            record(9, ok + b"Transfer-Encoding: chunked\r\n\r\n", chunked(page(9), b";name=value")),
            record(10, b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"windows-1251\"\r\n\r\n",
                   "<html><body><p>Текст страницы.</p></body></html>".encode("cp1251")),
            record(11, b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=ISO-8859-1\r\n\r\n",
                   "<p>Caf\u00e9 11.</p>".encode("latin-1")),
            record(12, ok + b"\r\n", page(12), after=b"\r\n\r\n\r\n\r\n\n"),
            record(13, ok + b"\r\n", page(13), after=b"\r\n"),
            record(14, ok + b"\r\n", page(14), version=b"WARC/0.18"),
            record(15, b"HTTP/1.1 203 Non-Authoritative\r\nContent-Type: TEXT/HTML;charset=utf-8\r\n\r\n", page(15)),
            record(16, ok + b"Content-Encoding: deflate, gzip\r\n\r\n", gzip.compress(zlib.compress(page(16)))),
            record(17, ok + b"Transfer-Encoding: chunked\r\n\r\n", page(17)),
            record(18, b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n", page(18),
                   extra=[(b"WARC-Identified-Payload-Type", b"text/html")]),
            record(19, ok + b"\r\n", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", extra=[(b"WARC-Identified-Payload-Type", b"application/pdf")]),
            record(20, ok + b"\r\n", page(20), after=b""),
        ]
        def member_with_fields(data, n):
            # The gzip header's optional fields, which some writers set: FEXTRA (one subfield),
            # FNAME, FCOMMENT, FHCRC, and all four at once.
            flags = [4, 8, 16, 2, 4 | 8 | 16 | 2][n % 5]
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            deflated = packer.compress(data) + packer.flush()
            head = b"\x1f\x8b\x08" + bytes([flags]) + b"\0\0\0\0\0\x03"
            if flags & 4: head += struct.pack("<H", 8) + b"LX" + struct.pack("<H", 4) + b"abcd"
            if flags & 8: head += b"record.warc\0"
            if flags & 16: head += b"a comment\0"
            if flags & 2: head += struct.pack("<H", zlib.crc32(head) & 0xFFFF)
            return head + deflated + struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)
        kind, path = sys.argv[1], sys.argv[2]
        if kind == "members":
            data = b"".join(gzip.compress(r) for r in records)
        elif kind == "fields":
            data = b"".join(member_with_fields(r, n) for n, r in enumerate(records))
        else:
            data = b"".join(records)
        open(path, "wb").write(data)
        """#

    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quirks-\(UUID())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func archive(_ kind: String) throws -> String {
        let path = folder + "/quirks" + (kind == "plain" ? ".warc" : ".warc.gz")
        try writeArchive(with: Self.writer, kind: kind, to: path)
        return path
    }

    /// The pages read, by record number, decoded as a worker decodes them when `asStored`.
    func pages(in path: String, asStored: Bool) throws -> (pages: [Int: RawPage], skipped: [String: Int]) {
        let source = try PageSource(inputs: [path], maximumPageBytes: 1 << 20)
        source.pagesAsStored = asStored
        var pages: [Int: RawPage] = [:]
        while let item = source.next() {
            guard case var .page(page) = item else {
                Issue.record("not a page: \(item)")
                continue
            }
            if page.format == .warcRecord { page = try ArchivedRecord.page(from: page, maximumPageBytes: 1 << 20) }
            let number = Int(page.id.split(separator: "-").last ?? "", radix: 16) ?? -1
            pages[number] = page
        }
        return (pages, source.skippedRecords)
    }

    @Test(arguments: [("plain", false), ("members", false), ("members", true), ("fields", false), ("fields", true)])
    func everyQuirkIsReadAsTheServerMeantIt(kind: String, asStored: Bool) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (pages, skipped) = try pages(in: try archive(kind), asStored: asStored)
        #expect(pages.keys.sorted() == Array(1...18) + [20], "pages: \(pages.keys.sorted())")
        #expect(skipped == ["not HTML": 1], "the PDF the crawler identified, whatever the server said")
        for (number, page) in pages where ![10, 11].contains(number) {
            let body = String(decoding: page.body, as: UTF8.self)
            #expect(body.hasPrefix("<html>") && body.contains("The body of quirk \(number).</p>"), "\(number): \(body)")
            #expect(page.url == "http://quirk.example/\(number)", "\(number)")
            #expect(page.fetchedAt == "2024-01-02T03:04:05Z", "\(number)")
            #expect(page.format == .html, "\(number)")
        }
        #expect(pages[10]?.charset == "windows-1251")
        let windows1251: [UInt8] = [
            0xD2, 0xE5, 0xEA, 0xF1, 0xF2, 0x20, 0xF1, 0xF2, 0xF0, 0xE0, 0xED, 0xE8, 0xF6, 0xFB, 0x2E,
        ]
        #expect(pages[10]?.body == Array("<html><body><p>".utf8) + windows1251 + Array("</p></body></html>".utf8))
        // A folded Content-Type keeps the charset on its second line.
        #expect(pages[11]?.charset == "ISO-8859-1")
        #expect(pages[11]?.body == Array("<p>Caf".utf8) + [0xE9] + Array(" 11.</p>".utf8))
        #expect(pages[4]?.charset == "UTF-8" && pages[15]?.charset == "utf-8")
    }

    /// A Content-Type's media type as servers write it: any case, parameters, white space.
    @Test(arguments: [
        (" Text/HTML ; charset=UTF-8", "text/html"), ("application/XHTML+xml", "application/xhtml+xml"),
        ("\ttext/plain\r", "text/plain"), ("", ""), (";charset=utf-8", ""), ("TEXT/Html;", "text/html"),
        ("text/html\u{00A0}", "text/html\u{00A0}"),
    ])
    func mediaTypesReadAsServersWriteThem(written: String, meant: String) {
        #expect(WARCPage.mediaType(written) == meant)
    }
}
