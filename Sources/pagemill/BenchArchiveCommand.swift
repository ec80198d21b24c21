import ArgumentParser
import Benchmarks
import Foundation
import PageModel

/// Reading crawl archives alone: the producer's reader, for comparison with FastWARC.
struct BenchArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Read crawl archives (WARC, WET) on one thread, as the producer does: records/s.",
        discussion: """
            --dump writes each page the reader finds as JSON Lines (id, url, fetched_at, charset, \
            format, bytes and a hash of the body), for comparing with another reader \
            (Benchmarks/archives.sh compares with warcio and FastWARC).

            Example: pagemill bench archive crawl/*.warc.gz --rounds 3 --json
            """
    )

    @Argument(help: "Archives, or folders of them.")
    var inputs: [String]

    @Option(help: "How many times to read them all; the fastest round is reported.")
    var rounds: Int = 3

    @Option(help: ArgumentHelp("Write each page found as JSON Lines here.", valueName: "path"))
    var dump: String?

    @Flag(
        help: ArgumentHelp(
            "Read as `run` does by default: pages of .warc.gz archives handed on as their gzip members, only "
                + "each member's head inflated (--dump then gives each page's member, not its payload)."))
    var asStored = false

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func run() throws {
        var lines = ""
        let result = try failingBeforeStart { () throws(BenchmarkError) in
            var benchmark = ArchiveBenchmark(inputs: inputs, rounds: rounds)
            benchmark.asStored = asStored
            return try benchmark.run(
                dump: dump == nil ? nil : { page in lines += Self.line(page) })
        }
        if let dump { try failingBeforeStart { () throws(BenchmarkError) in try BenchmarkFile.write(lines, to: dump) } }
        try printResult(result, json: json)
    }

    private static func line(_ page: RawPage) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("id", page.id)
        writer.field("url", page.url)
        writer.field("fetched_at", page.fetchedAt)
        writer.field("charset", page.charset)
        writer.field("format", page.format.rawValue)
        writer.field("bytes", page.body.count)
        if let origin = page.origin { writer.field("offset", origin.offset) }
        // FNV-1a, in hex: the same in a few lines of Python (Benchmarks/archives.py).
        writer.field("body_hash", String(TextMeasures.fnv1a(page.body), radix: 16))
        writer.endObject()
        return String(decoding: writer.bytes, as: UTF8.self) + "\n"
    }
}
