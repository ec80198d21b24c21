import ArgumentParser
import Foundation
import PageGenerator

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write synthetic raw pages, reproducibly, for demos, tests and load tests.",
        discussion: """
            HTML articles wrapped in navigation, sidebars, share buttons, comments, cookie banners, \
            JSON-LD and meta tags, and scraped plain-text pages shaped like a news scrape (title \
            twice, date line, teaser lines, hashtags, timestamp, share words), in English, French, \
            German, Spanish and Italian, 5 KB to 200 KB. The same seed writes the same pages.

            --scraped writes scraped plain-text pages from --sites sites in 21 languages instead, each \
            site with its own furniture and date format, and the truth beside them in ground-truth.json \
            (title, author, published, body, tags), as ../shared/tools/score-extraction reads it.

            Examples:
              pagemill generate --pages 10000 --out pages/ --seed 7
              pagemill generate --scraped --pages 400 --out scraped/ --seed 3
            """
    )

    @Option(help: "How many pages to write.")
    var pages: Int

    @Option(help: "The folder to write them to (created if missing).")
    var out: String

    @Option(help: "The seed: the same seed writes the same pages.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The share of HTML pages, 0 to 1; the rest are plain text.", valueName: "share"))
    var htmlShare: Double = 0.75

    @Option(help: ArgumentHelp("Smallest page size in bytes.", valueName: "bytes"))
    var minBytes: Int = 5_000

    @Option(help: ArgumentHelp("Largest page size in bytes.", valueName: "bytes"))
    var maxBytes: Int = 200_000

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case files, warc, wet
    }

    @Option(
        help: ArgumentHelp(
            "files (one a page), warc (crawl archives, .warc.gz, a gzip member a record) or wet (plain text).",
            valueName: "format"))
    var format: Format = .files

    enum Compression: String, ExpressibleByArgument, CaseIterable {
        case gzip, zstd, none
    }

    @Option(
        help: ArgumentHelp(
            "With --format warc or wet: gzip (.warc.gz, a member a record), zstd (.warc.zst, a frame a record, "
                + "with a dictionary) or none (.warc).",
            valueName: "compression"))
    var compression: Compression = .gzip

    @Flag(help: "Write scraped plain-text pages of many sites and languages, with their truth.")
    var scraped = false

    @Option(help: ArgumentHelp("With --scraped: the sites pages come from.", valueName: "count"))
    var sites: Int = 40

    func validate() throws {
        guard pages >= 0 else { throw ValidationError("--pages must not be negative") }
        guard (0...1).contains(htmlShare) else { throw ValidationError("--html-share must be between 0 and 1") }
        guard minBytes > 0, minBytes <= maxBytes else { throw ValidationError("need 0 < --min-bytes <= --max-bytes") }
    }

    func run() throws {
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw failBeforeStart("cannot create \(out): \(error.localizedDescription)")
        }
        if scraped { return try writeScraped() }
        if format != .files { return try writeArchives() }
        let generator = PageGenerator(seed: seed, htmlShare: htmlShare, sizeRange: minBytes...maxBytes)
        var bytes = 0
        let started = Date()
        for index in 0..<pages {
            let page = generator.page(index)
            let path = out + "/" + page.fileName
            guard FileManager.default.createFile(atPath: path, contents: Data(page.body)) else {
                throw failBeforeStart("cannot write \(path)")
            }
            bytes += page.body.count
        }
        let seconds = Date().timeIntervalSince(started)
        print(
            "generated \(pages) pages, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, in \(out) "
                + "(\(String(format: "%.1f", seconds)) s)"
        )
    }

    /// The scraped pages and their truth.
    private func writeScraped() throws {
        try failingBeforeStart { () throws(GeneratorError) in
            try ScrapedSiteGenerator(seed: seed, sites: sites).write(pages: pages, to: out)
        }
        print("generated \(pages) scraped pages from \(sites) sites, and their truth, in \(out)")
    }
}
