import Foundation
import PageGenerator
import PageInput

extension GenerateCommand {
    /// The pages as crawl archives of 1,000 pages each: requests, responses, redirects and
    /// images, one gzip member a record.
    func writeArchives() throws {
        let generator = PageGenerator(seed: seed, htmlShare: htmlShare, sizeRange: minBytes...maxBytes)
        let writer = CrawlRecordWriter(seed: seed)
        var bytes = 0
        for first in stride(from: 0, to: pages, by: 1000) {
            let name = "crawl-\(first / 1000).\(format == .wet ? "warc.wet.gz" : "warc.gz")"
            var archive = GzipMember.compress(writer.warcinfo(fileName: name))
            for index in first..<min(pages, first + 1000) {
                let page = generator.page(index)
                let records =
                    format == .wet
                    ? [writer.conversion(text: String(decoding: page.body, as: UTF8.self), index: index)]
                    : writer.records(for: page, index: index)
                for record in records { archive += GzipMember.compress(record) }
            }
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
}
