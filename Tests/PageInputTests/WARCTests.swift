import Foundation
import PageGenerator
import PageModel
import Testing

@testable import PageInput

/// Crawl archives as crawlers write them: every record kind, each compression, and damage.
/// The archives are written by a small writer in Python's standard library (`gzip`, one member
/// a record), so the bytes are not pagemill's own.
@Suite struct WARCTests {
    static let writer = #"""
        import gzip, sys, zlib
        def record(kind, uri, block, record_id, content_type="application/http; msgtype=response"):
            head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
                    f"WARC-Date: 2024-05-18T01:21:37Z\r\nWARC-Target-URI: {uri}\r\n"
                    f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
            return head + block + b"\r\n\r\n"
        def http(status, headers, body):
            lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers]
            return ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        page = ("<html><head><title>Café</title></head><body>"
                "<p>Un café au bord de l'eau.</p></body></html>")
        body = page.encode()
        chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in [body[:20], body[20:]]) + b"0\r\n\r\n"
        uid = lambda n: f"00000000-0000-0000-0000-{n:012d}"
        html = ("Content-Type", "text/html")
        fields = "application/warc-fields"
        records = [
            record("warcinfo", "", b"software: test\r\n", uid(0), fields),
            record("request", "https://a.example/", b"GET / HTTP/1.1\r\n\r\n", uid(1),
                   "application/http; msgtype=request"),
            record("response", "https://a.example/",
                   http(200, [("Content-Type", "text/html; charset=utf-8")], body), uid(2)),
            record("response", "https://b.example/",
                   http(200, [html, ("Transfer-Encoding", "chunked")], chunked), uid(3)),
            record("response", "https://c.example/",
                   http(200, [("Content-Type", "text/html; charset=ISO-8859-1"), ("Content-Encoding", "gzip")],
                        gzip.compress(page.encode("latin-1"))), uid(4)),
            record("response", "https://d.example/logo.png",
                   http(200, [("Content-Type", "image/png")], b"\x89PNG...."), uid(5)),
            record("response", "https://e.example/", http(301, [("Location", "https://f.example/")], b""), uid(6)),
            record("response", "https://g.example/", http(404, [html], b"<p>gone</p>"), uid(7)),
            record("revisit", "https://a.example/", http(200, [html], b""), uid(8)),
            record("resource", "https://h.example/page.html", body, uid(9), "text/html"),
            record("metadata", "https://a.example/", b"outlink: https://b.example/\r\n", uid(10), fields),
            record("conversion", "https://a.example/", "Un café au bord de l'eau.\nDeuxième ligne.".encode(),
                   uid(11), "text/plain"),
        ]
        kind, path = sys.argv[1], sys.argv[2]
        if kind == "members":
            data = b"".join(gzip.compress(r) for r in records)
        elif kind == "whole":
            data = gzip.compress(b"".join(records))
        elif kind == "plain":
            data = b"".join(records)
        elif kind == "truncated":
            data = b"".join(gzip.compress(r) for r in records)
            data = data[: len(data) - 30]
        elif kind == "corrupt":
            members = [gzip.compress(r) for r in records]
            bad = bytearray(members[3]); bad[len(bad) // 2] ^= 0xFF; bad[len(bad) // 2 + 1] ^= 0xFF
            members[3] = bytes(bad)
            data = b"".join(members)
        open(path, "wb").write(data)
        """#

    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("warc-\(UUID())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func archive(_ kind: String, name: String) throws -> String {
        let path = folder + "/" + name
        try writeArchive(with: Self.writer, kind: kind, to: path)
        return path
    }

    /// What the source reads; with `asStored`, pages handed on as stored are decoded the way a
    /// worker does, a record that will not decode becoming an unreadable item.
    func read(_ path: String, asStored: Bool = false) throws -> (items: [InputItem], skipped: [String: Int]) {
        let source = try PageSource(inputs: [path], maximumPageBytes: 1 << 20)
        source.pagesAsStored = asStored
        var items: [InputItem] = []
        while let item = source.next() {
            guard case let .page(page) = item, page.format == .warcRecord else {
                items.append(item)
                continue
            }
            do throws(InputError) {
                items.append(.page(try ArchivedRecord.page(from: page, maximumPageBytes: 1 << 20)))
            } catch {
                items.append(.unreadable(id: page.id, error: error))
            }
        }
        return (items, source.skippedRecords)
    }

    @Test(arguments: [("members", "a.warc.gz"), ("whole", "b.warc.gz"), ("plain", "c.warc")])
    func readsEveryRecordKindInEachCompression(kind: String, name: String) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (items, skipped) = try read(try archive(kind, name: name))
        let pages = items.compactMap { item -> RawPage? in if case let .page(page) = item { page } else { nil } }
        #expect(pages.map(\.id).map { $0.suffix(2) } == ["02", "03", "04", "09", "11"], "\(items)")
        #expect(pages.count == items.count, "no record failed: \(items)")
        let expected = [
            "warcinfo": 1, "request": 1, "not HTML": 1, "redirect": 1, "error status": 1, "revisit": 1, "metadata": 1,
        ]
        #expect(skipped == expected)
        let page = try #require(pages.first)
        #expect(page.id == "urn:uuid:00000000-0000-0000-0000-000000000002")
        #expect(page.url == "https://a.example/")
        #expect(page.fetchedAt == "2024-05-18T01:21:37Z")
        #expect(page.charset == "utf-8")
        #expect(String(decoding: page.body, as: UTF8.self).contains("Un café au bord"))
        // Chunked and gzip bodies come out as the page was sent.
        #expect(pages[1].body == page.body)
        let latin1 = String(decoding: page.body, as: UTF8.self).unicodeScalars.map { UInt8($0.value) }
        #expect(pages[2].charset == "ISO-8859-1" && pages[2].body == latin1)
        #expect(pages[4].format == .text)
    }

    @Test(arguments: [false, true])
    func aRecordCutShortAtTheEndIsAFailureAndTheRestIsRead(asStored: Bool) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (items, _) = try read(try archive("truncated", name: "t.warc.gz"), asStored: asStored)
        let pages = items.filter { if case .page = $0 { true } else { false } }
        let failures = items.compactMap { item -> InputError? in
            if case let .unreadable(_, error) = item { error } else { nil }
        }
        #expect(pages.count == 4, "\(items)")
        #expect(failures.count == 1)
        #expect(failures.first?.location.contains("t.warc.gz@") == true)
    }

    @Test(arguments: [false, true])
    func aCorruptMemberInTheMiddleCostsItsRecordOnly(asStored: Bool) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (items, _) = try read(try archive("corrupt", name: "x.warc.gz"), asStored: asStored)
        let pages = items.compactMap { item -> RawPage? in if case let .page(page) = item { page } else { nil } }
        let failures = items.compactMap { item -> InputError? in
            if case let .unreadable(_, error) = item { error } else { nil }
        }
        // The damaged record (03) is a failure naming the archive and offset, or, when zlib
        // only finds the damage at the member's checksum, a failure beside what it inflated;
        // every other page is read.
        let ids = Set(pages.map(\.id).map { String($0.suffix(2)) })
        #expect(ids.isSuperset(of: ["02", "04", "09", "11"]), "\(items)")
        #expect(!failures.isEmpty && failures.allSatisfy { $0.location.contains("x.warc.gz@") }, "\(failures)")
    }

    @Test func readsTheArchivesPagemillGenerates() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generator = PageGenerator(seed: 9, sizeRange: 2_000...6_000)
        let writer = CrawlRecordWriter(
            seed: 9, contentEncoders: [("gzip", GzipMember.compress), ("br", BrotliBody.compress)])
        var archive = GzipMember.compress(writer.warcinfo(fileName: "g.warc.gz"))
        for index in 0..<30 {
            for record in writer.records(for: generator.page(index), index: index) {
                archive += GzipMember.compress(record)
            }
        }
        let path = folder + "/g.warc.gz"
        try Data(archive).write(to: URL(fileURLWithPath: path))
        let (items, skipped) = try read(path)
        let pages = items.compactMap { item -> RawPage? in if case let .page(page) = item { page } else { nil } }
        #expect(pages.map(\.id) == (0..<30).map { writer.responseID(index: $0) })
        // Chunked, gzip and br bodies come out as the generator wrote the page.
        #expect(pages.map(\.body) == (0..<30).map { generator.page($0).body })
        #expect(skipped["request"] == 30 && skipped["redirect"] == 3 && skipped["warcinfo"] == 1)
        #expect(skipped["revisit"] == 3 && skipped["metadata"] == 5)
        // Handed on as stored and decoded by a worker, the same pages at the same offsets.
        let (stored, storedSkipped) = try read(path, asStored: true)
        #expect(stored.map(\.pageID) == items.map(\.pageID) && storedSkipped == skipped)
        let storedPages = stored.compactMap { item -> RawPage? in if case let .page(page) = item { page } else { nil } }
        #expect(storedPages == pages)
    }
}
