import ArgumentParser
import Enrichment
import Extraction
import Foundation
import PageInput

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract pages in this process, without a cluster, and print their records.",
        discussion: """
            Prints the same record a worker stores, one JSON object a page (--format jsonl), a \
            JSON array (json), or the title and text (text). A page's id is its file name \
            without extensions. How to debug a page, and how quality is scored.

            Scraped text pages are read twice: a first pass learns the lines each site (a URL's \
            host, or a folder) prints on three pages or more, such as its newsletter box, and the \
            second leaves them out. --no-site-pass reads each page once, on its own.

            Example: pagemill extract article.html.gz --format text
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json, text
    }

    @Argument(help: "Files or folders of pages, or JSON Lines files.")
    var paths: [String]

    @Option(help: "jsonl, json or text.")
    var format: Format = .jsonl

    @Flag(help: "Also print, on standard error, which elements were taken as the content and why.")
    var explain = false

    @Flag(help: "Read each page once, without first learning the lines its site repeats.")
    var noSitePass = false

    @OptionGroup var limits: PageLimitOptions
    @OptionGroup var links: LinkOptions
    @OptionGroup var annotations: AnnotationOptions

    /// The lines each site repeats, from a first pass over the inputs (not standard input,
    /// which can be read once).
    private func learnSites() throws -> [String: SiteBoilerplate] {
        guard !noSitePass, !paths.contains("-") else { return [:] }
        let source = try failingBeforeStart { try PageSource(inputs: paths, maximumPageBytes: limits.maxPageBytes) }
        var sites: [String: SiteBoilerplate] = [:]
        while let item = source.next() {
            if case let .page(page) = item {
                sites[SiteBoilerplate.site(of: page), default: SiteBoilerplate()].learn(from: page)
            }
        }
        return sites
    }

    func run() throws {
        let source: PageSource
        do {
            source = try PageSource(inputs: paths, maximumPageBytes: limits.maxPageBytes)
        } catch {
            throw failBeforeStart("\(error)")
        }
        let sites = try learnSites()
        let extractor = Extractor(maximumPageBytes: limits.maxPageBytes, linkKinds: links.storedLinks.kinds)
        var enricher = Enricher()
        annotations.configure(&enricher)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        var failures = 0
        if format == .json { print("[") }
        while let item = source.next() {
            switch item {
            case var .page(page):
                let site = sites[SiteBoilerplate.site(of: page)]
                if !page.id.contains("://") { page.id = Self.shortID(page.id) }
                if explain { FileHandle.standardError.write(Data("\(page.id):\n\(extractor.explain(page))\n".utf8)) }
                do {
                    let record = enricher.annotate(try extractor.extract(page, site: site))
                    switch format {
                    case .jsonl: print(String(decoding: try encoder.encode(record), as: UTF8.self))
                    case .json:
                        print((first ? "" : ",") + String(decoding: try encoder.encode(record), as: UTF8.self))
                    case .text:
                        print("# \(record.id): \(record.title ?? "(no title)")\n\n\(record.text)\n")
                    }
                    first = false
                } catch {
                    failures += 1
                    FileHandle.standardError.write(Data("pagemill: \(error)\n".utf8))
                }
            case let .unreadable(id, error):
                failures += 1
                FileHandle.standardError.write(Data("pagemill: \(id): \(error.description(besides: id))\n".utf8))
            case .alreadyStored:
                break  // No journal here: never produced.
            }
        }
        if format == .json { print("]") }
        if failures > 0 { throw ExitCode(1) }
    }

    /// "folder/0001.html.gz" → "0001": the id the scoring tools expect.
    static func shortID(_ id: String) -> String {
        let name = (id as NSString).lastPathComponent
        return String(name.prefix { $0 != "." })
    }
}
