import PageModel
import Foundation
import Testing
@testable import PageInput

/// Inputs a hostile world or a careless user hands over: each one must end as a page or a
/// failure with its reason, never as silence, a hang or a loop.
@Suite final class HostileInputTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "/pagemill-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/site", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func write(_ name: String, _ bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes))
    }

    func drain(_ source: PageSource) -> [InputItem] {
        var items: [InputItem] = []
        while let item = source.next(), items.count < 10_000 { items.append(item) }
        return items
    }

    func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(command)")
    }

    @Test func aFIFOIsAFailureAndNeverBlocks() throws {
        write("site/a.html", Array("<p>a</p>".utf8))
        #expect(mkfifo(folder + "/site/pipe.html", 0o644) == 0)
        // Nobody ever writes to the FIFO: opening it for reading the ordinary way would block forever.
        let items = drain(
            try PageSource(inputs: [folder + "/site", folder + "/site/pipe.html"], maximumPageBytes: 1000))
        #expect(items.map(\.pageID) == ["a.html", "pipe.html", "pipe.html"])
        for item in items.dropFirst() {
            guard case let .unreadable(_, error) = item else { Issue.record("the FIFO was not refused"); continue }
            #expect(error.detail.contains("FIFO"))
        }
    }

    @Test func aSymbolicLinkLoopIsReadOnce() throws {
        write("site/a.html", Array("<p>a</p>".utf8))
        try FileManager.default.createDirectory(atPath: folder + "/site/sub", withIntermediateDirectories: true)
        write("site/sub/b.html", Array("<p>b</p>".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder + "/site/loop", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder + "/site/sub/up", withDestinationPath: "..")
        let items = drain(try PageSource(inputs: [folder + "/site"], maximumPageBytes: 1000))
        #expect(items.map(\.pageID) == ["a.html", "sub/b.html"])
        #expect(PageCounter.count([folder + "/site"]) == 2)
    }

    @Test func aFileNameThatIsNotUTF8IsStillRead() throws {
        var name = Array((folder + "/site/caf").utf8)
        name += [0xE9] + Array(".html".utf8)  // Latin-1 "café.html"
        let descriptor = (name + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = Array("<p>café</p>".utf8).withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        let items = drain(try PageSource(inputs: [folder + "/site"], maximumPageBytes: 1000))
        guard case let .page(page) = items.first else { Issue.record("the page was not read: \(items)"); return }
        #expect(page.id == "caf\u{FFFD}.html")
        #expect(String(decoding: page.body, as: UTF8.self) == "<p>café</p>")
    }

    @Test func idsAreBoundedAndTypedAndLinesSayWhatIsWrong() throws {
        let hugeID = String(repeating: "x", count: 20 << 20)
        var lines = [
            #"{"id": true, "html": "<p>a</p>"}"#,
            #"{"id": 1, "html": "<p>b</p>"}"#,
            #"{"id": "\#(hugeID)", "html": "<p>c</p>"}"#,
            String(repeating: "[", count: 100_000),
            #"{"id": "deep", "html": "x", "junk": "# + String(repeating: "[", count: 100_000) + "}",
        ].map { Array($0.utf8) + [0x0A] }
        lines.append(Array(#"{"id": "bad-"#.utf8) + [0xFF, 0xFE] + Array(#"", "html": "x"}"#.utf8) + [0x0A])
        write("pages.jsonl", lines.flatMap { $0 })
        let items = drain(try PageSource(inputs: [folder + "/pages.jsonl"], maximumPageBytes: 1 << 20))
        #expect(items.count == 6)
        guard items.count == 6 else { return }
        guard case let .unreadable(boolID, boolError) = items[0] else { Issue.record("a boolean id was taken"); return }
        #expect(boolID == "pages.jsonl:1" && boolError.detail.contains("neither a string nor a number"))
        #expect(items[1].pageID == "1")
        guard case let .unreadable(longID, longError) = items[2] else { Issue.record("a 20 MB id was taken"); return }
        #expect(longID.utf8.count < 300 && longError.detail.contains("over the limit"))
        guard case let .unreadable(_, array) = items[3] else { Issue.record("an array was taken"); return }
        #expect(array.detail.contains("not a JSON object"), "\(array.detail)")
        guard case let .unreadable(_, nested) = items[4] else { Issue.record("deep nesting was taken"); return }
        #expect(nested.detail.contains("nesting deeper"), "\(nested.detail)")
        guard case let .unreadable(_, invalid) = items[5] else { Issue.record("invalid UTF-8 was taken"); return }
        #expect(invalid.detail.contains("UTF-8"), "\(invalid.detail)")
        #expect(invalid.description(besides: "pages.jsonl:6") == invalid.detail, "the location is not said twice")
    }

    @Test func aTruncatedGzipIsDamageNotAShorterPage() throws {
        let text = (0..<4000).map { "<p>paragraph \($0 * 7919 % 10007) of the page, \($0 * $0 % 9973)</p>\n" }.joined()
        write("whole.html", Array(text.utf8))
        try shell(
            "cd '\(folder)' && gzip -c whole.html > whole.html.gz && head -c $(( $(stat -c %s whole.html.gz) / 2 "
                + ")) whole.html.gz > cut.html.gz"
        )
        let items = drain(
            try PageSource(inputs: [folder + "/cut.html.gz", folder + "/whole.html.gz"], maximumPageBytes: 1 << 20))
        guard case let .unreadable(_, error) = items.first else { Issue.record("a truncated gzip was stored"); return }
        #expect(error.detail.contains("cut short"))
        guard case let .page(page) = items.last else { Issue.record("the whole gzip was not read"); return }
        #expect(page.body.count == text.utf8.count)
    }

    @Test func aHugeLineIsCountedAndRefusedWithoutBeingHeld() throws {
        // 64 MB of one line, unterminated, gzipped: counting and refusing it must not hold it.
        try shell(
            "cd '\(folder)' && (printf '{\"id\":\"big\",\"html\":\"'; head -c 67108864 /dev/zero | tr '\\\\0' a) "
                + "| gzip -1 > big.jsonl.gz"
        )
        #expect(PageCounter.count([folder + "/big.jsonl.gz"]) == 1)
        let items = drain(try PageSource(inputs: [folder + "/big.jsonl.gz"], maximumPageBytes: 1 << 20))
        guard case let .unreadable(_, error) = items.first, items.count == 1 else {
            Issue.record("the line was not refused"); return
        }
        #expect(error.code == .tooLarge)
    }

    @Test func passesOverStoredPagesByIdNotByPosition() throws {
        write("site/b.html", Array("<p>b</p>".utf8))
        write("site/c.html", Array("<p>c</p>".utf8))
        write("site/a.html", Array("<p>a, new, sorts first</p>".utf8))
        let stored: Set<String> = ["b.html", "c.html"]
        let source = try PageSource(inputs: [folder + "/site"], maximumPageBytes: 1000)
        var items: [InputItem] = []
        while let item = source.next(passingOver: { stored.contains($0) }) { items.append(item) }
        #expect(items.map(\.pageID) == ["a.html", "b.html", "c.html"])
        guard case .page = items[0], case .alreadyStored = items[1], case .alreadyStored = items[2] else {
            Issue.record("passed over the wrong pages: \(items)")
            return
        }
    }
}
