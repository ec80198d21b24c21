import ArgumentParser
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

    @OptionGroup var limits: PageLimitOptions

    func run() throws {
        let source: PageSource
        do {
            source = try PageSource(inputs: paths, maximumPageBytes: limits.maxPageBytes)
        } catch {
            throw failBeforeStart("\(error)")
        }
        let extractor = Extractor(maximumPageBytes: limits.maxPageBytes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var first = true
        var failures = 0
        if format == .json { print("[") }
        while let item = source.next() {
            switch item {
            case var .page(page):
                if !page.id.contains("://") { page.id = Self.shortID(page.id) }
                if explain { FileHandle.standardError.write(Data("\(page.id):\n\(extractor.explain(page))\n".utf8)) }
                do {
                    let record = try extractor.extract(page)
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
