import PageModel
import Foundation
import Testing
@testable import PageInput

@Suite final class PageSourceTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "/pagemill-input-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/site/sub", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
    }

    func drain(_ source: PageSource) -> [InputItem] {
        var items: [InputItem] = []
        while let item = source.next() { items.append(item) }
        return items
    }

    @Test func walksFoldersWithRelativeIdentities() throws {
        write("site/a.html", "<p>a</p>")
        write("site/sub/b.txt", "b")
        write("site/ignored.png", "x")
        write("site/.hidden.html", "x")
        let items = drain(try PageSource(inputs: [folder + "/site"], maximumPageBytes: 1000))
        let pages = items.compactMap { if case let .page(page) = $0 { page } else { nil } }
        #expect(pages.map(\.id) == ["a.html", "sub/b.txt"])
        #expect(pages.map(\.format) == [.html, .text])
        #expect(PageCounter.count([folder + "/site"]) == 2)
    }

    @Test func readsJSONLinesWithBadLinesAsItems() throws {
        write(
            "pages.jsonl",
            """
            {"id": "one", "url": "https://x.example/1", "html": "<p>1</p>", "fetched_at": "2024-01-01T00:00:00Z"}
            not json at all

            {"url": "https://x.example/2", "text": "two"}
            {"id": 3}
            """)
        let items = drain(try PageSource(inputs: [folder + "/pages.jsonl"], maximumPageBytes: 1000))
        #expect(items.count == 4)
        guard case let .page(first) = items[0] else { Issue.record("first line not a page"); return }
        #expect(
            first.id == "one" && first.url == "https://x.example/1" && first.format == .html && first.fetchedAt != nil)
        guard case let .unreadable(id, error) = items[1] else { Issue.record("bad line not reported"); return }
        #expect(id == "pages.jsonl:2" && error.code == .malformed)
        guard case let .page(second) = items[2] else { Issue.record("third line not a page"); return }
        #expect(second.id == "https://x.example/2" && second.format == .text)
        guard case let .unreadable(_, missing) = items[3] else {
            Issue.record("line without body not reported"); return
        }
        #expect(missing.code == .malformed)
        #expect(PageCounter.count([folder + "/pages.jsonl"]) == 4)
    }

    @Test func refusesPagesOverTheLimitWithoutStopping() throws {
        write("site/big.html", String(repeating: "x", count: 2000))
        write("site/small.html", "<p>ok</p>")
        let items = drain(try PageSource(inputs: [folder + "/site"], maximumPageBytes: 1000))
        #expect(items.count == 2)
        guard case let .unreadable(id, error) = items[0] else { Issue.record("big page not refused"); return }
        #expect(id == "big.html" && error.code == .tooLarge)
    }

    @Test func readsGzipFiles() throws {
        let path = folder + "/page.html.gz"
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "printf '<p>zipped</p>' | gzip > '\(path)'"]
        try gzip.run()
        gzip.waitUntilExit()
        let items = drain(try PageSource(inputs: [path], maximumPageBytes: 1000))
        guard case let .page(page) = items.first else { Issue.record("gzip page not read"); return }
        #expect(String(decoding: page.body, as: UTF8.self) == "<p>zipped</p>")
        #expect(page.format == .html)
    }

    @Test func aMissingInputIsAnErrorBeforeAnythingIsRead() {
        let error = #expect(throws: InputError.self) {
            try PageSource(inputs: [folder + "/nope"], maximumPageBytes: 10)
        }
        #expect(error?.code == .missing)
    }
}
