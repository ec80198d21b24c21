import Foundation
import PageGenerator
import PageInput

extension GenerateCommand {
    /// The pages as crawl archives of 1,000 pages each: requests, responses (some chunked, some
    /// gzip or br), redirects, images, metadata and revisits, compressed a record at a time.
    func writeArchives() throws {
        let generator = PageGenerator(seed: seed, htmlShare: htmlShare, sizeRange: minBytes...maxBytes)
        let writer = CrawlRecordWriter(
            seed: seed, contentEncoders: [("gzip", GzipMember.compress), ("br", BrotliBody.compress)])
        var bytes = 0
        for first in stride(from: 0, to: pages, by: 1000) {
            let name = "crawl-\(first / 1000).\(format == .wet ? "warc.wet" : "warc")" + fileEnding
            var records = [writer.warcinfo(fileName: name)]
            for index in first..<min(pages, first + 1000) {
                let page = generator.page(index)
                records +=
                    format == .wet
                    ? [writer.conversion(text: String(decoding: page.body, as: UTF8.self), index: index)]
                    : writer.records(for: page, index: index)
            }
            let archive = compressed(records)
            let path = out + "/" + name
            guard FileManager.default.createFile(atPath: path, contents: Data(archive)) else {
                throw failBeforeStart("cannot write \(path)")
            }
            bytes += archive.count
        }
        print(
            "generated \(pages) pages in \((pages + 999) / 1000) \(format) archive(s), "
                + "\(String(format: "%.1f", Double(bytes) / 1e6)) MB, in \(out)")
    }

    private var fileEnding: String {
        switch compression {
        case .gzip: ".gz"
        case .zstd: ".zst"
        case .none: ""
        }
    }

    /// The records one after another, each compressed on its own (zstd with a dictionary
    /// trained on the first hundred).
    private func compressed(_ records: [[UInt8]]) -> [UInt8] {
        switch compression {
        case .none: return records.flatMap { $0 }
        case .gzip: return records.flatMap(GzipMember.compress)
        case .zstd:
            let writer = ZstdArchiveWriter(samples: Array(records.prefix(100)))
            return writer.header + records.flatMap(writer.compress)
        }
    }
}
