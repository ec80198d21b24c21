import Foundation
import PageGenerator
import PageModel
import Testing

@testable import PageInput

/// Offsets in crawl archives: a page names its record's offset, a run resumes there, and a
/// damaged zstd frame costs its record only.
@Suite struct ArchiveOffsetTests {
    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("offsets-\(UUID())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// 40 generated pages with their records, compressed each the way `compression` says.
    func archive(_ compression: String) throws -> String {
        let generator = PageGenerator(seed: 3, sizeRange: 2_000...9_000)
        let writer = CrawlRecordWriter(seed: 3, contentEncoders: [("gzip", GzipMember.compress)])
        let records =
            [writer.warcinfo(fileName: "a")] + (0..<40).flatMap { writer.records(for: generator.page($0), index: $0) }
        let bytes: [UInt8]
        let path: String
        switch compression {
        case "gzip": (bytes, path) = (records.flatMap(GzipMember.compress), folder + "/a.warc.gz")
        case "zstd":
            let zstd = ZstdArchiveWriter(samples: records)
            (bytes, path) = (zstd.header + records.flatMap(zstd.compress), folder + "/a.warc.zst")
        default: (bytes, path) = (records.flatMap { $0 }, folder + "/a.warc")
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func pages(_ path: String, asStored: Bool = false, resumeAt offset: Int? = nil) throws -> [RawPage] {
        let source = try PageSource(inputs: [path], maximumPageBytes: 1 << 20)
        source.pagesAsStored = asStored
        source.resumeOffset = { $0 == path ? offset : nil }
        var pages: [RawPage] = []
        while let item = source.next() {
            guard case let .page(page) = item else { continue }
            pages.append(
                page.format == .warcRecord ? try ArchivedRecord.page(from: page, maximumPageBytes: 1 << 20) : page)
        }
        return pages
    }

    @Test(arguments: ["gzip", "zstd", "none"])
    func aResumedReadStartsAtTheOffsetAndAWrongOneIsNotUsed(compression: String) throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try archive(compression)
        let all = try pages(path)
        #expect(all.count == 40)
        let offsets = all.compactMap(\.origin?.offset)
        #expect(offsets == offsets.sorted() && Set(offsets).count == 40, "each page names its own record")
        for asStored in [false, true] {
            let resumed = try pages(path, asStored: asStored, resumeAt: offsets[25])
            #expect(resumed == Array(all[25...]), "as stored: \(asStored)")
        }
        // An offset inside a record (the file replaced since) reads the file from its start.
        #expect(try pages(path, resumeAt: offsets[25] + 3) == all)
    }

    @Test func aDamagedZstdFrameCostsItsRecordOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try archive("zstd")
        let all = try pages(path)
        let target = try #require(all.dropFirst(10).first { $0.body.count > 4000 })
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let offset = try #require(target.origin?.offset)
        for index in (offset + 600)..<(offset + 640) { bytes[index] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let source = try PageSource(inputs: [path], maximumPageBytes: 1 << 20)
        var read: [String] = []
        var failures: [InputError] = []
        while let item = source.next() {
            switch item {
            case let .page(page): read.append(page.id)
            case let .unreadable(_, error): failures.append(error)
            case .alreadyStored: break
            }
        }
        #expect(read == all.map(\.id).filter { $0 != target.id })
        #expect(failures.count == 1 && failures.first?.location == "\(path)@\(offset)", "\(failures)")
    }
}
