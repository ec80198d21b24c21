import Foundation
import PageModel
import Testing

@testable import PageInput

/// pagemill's reading of crawl archives against warcio's, record for record: archives written
/// by warcio (WARC 1.0 and 1.1; a gzip member a record, one gzip stream, plain; WET) and, for
/// `.warc.zst`, the same records in zstd frames with and without a dictionary (the `zstandard`
/// package). Every page warcio finds must come out with the same id, URI, date, offset and
/// payload bytes after HTTP decoding (chunked, gzip, deflate, br), read in full or as stored
/// and decoded the way a worker does; every other record counted by the same reason.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"] != nil,
        "needs PAGEMILL_TEST_PYTHON, a Python with warcio, zstandard and brotlipy (`make test` makes one)"))
struct WARCConformanceTests {
    struct Expected: Decodable {
        struct Page: Decodable, Equatable {
            var id: String
            var url: String
            var date: String
            var offset: Int
            var hash: String
        }

        var pages: [Page]
        var skipped: [String: Int]
    }

    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("warcio-\(UUID())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes the archives with warcio and returns what warcio reads in each.
    func writeArchives() throws -> [String: Expected] {
        let python = try #require(ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"])
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "warcio_archives.py")
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, folder]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the warcio writer failed")
        return try JSONDecoder().decode([String: Expected].self, from: data)
    }

    func pages(in path: String, asStored: Bool) throws -> (pages: [Expected.Page], skipped: [String: Int]) {
        let source = try PageSource(inputs: [path], maximumPageBytes: 1 << 20)
        source.pagesAsStored = asStored
        var pages: [Expected.Page] = []
        while let item = source.next() {
            guard case var .page(page) = item else {
                Issue.record("not a page: \(item)")
                continue
            }
            if page.format == .warcRecord { page = try ArchivedRecord.page(from: page, maximumPageBytes: 1 << 20) }
            pages.append(
                Expected.Page(
                    id: page.id, url: page.url ?? "", date: page.fetchedAt ?? "", offset: page.origin?.offset ?? -1,
                    hash: String(TextMeasures.fnv1a(page.body), radix: 16)))
        }
        return (pages, source.skippedRecords)
    }

    @Test func readsEveryArchiveAsWarcioDoes() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let expected = try writeArchives()
        #expect(expected.count >= 7, "archives written: \(expected.keys.sorted())")
        for (name, theirs) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(!theirs.pages.isEmpty, "\(name): warcio found no pages")
            for asStored in [false, true] {
                let mine = try pages(in: folder + "/" + name, asStored: asStored)
                #expect(mine.pages == theirs.pages, "\(name), as stored: \(asStored)")
                #expect(mine.skipped == theirs.skipped, "\(name), as stored: \(asStored)")
            }
        }
    }
}
