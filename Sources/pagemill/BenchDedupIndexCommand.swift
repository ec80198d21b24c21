import ArgumentParser
import Benchmarks

/// The near-duplicate index at scale: memory, disk and the time to reopen it.
struct BenchDedupIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup-index",
        abstract: "Measure the memory and disk of the --dedup near index, and its rebuild time, on many pages.",
        discussion: """
            Stores PAGES pages of tiny texts with synthetic MinHash signatures (random values; every \
            hundredth a near copy of the one before) through the store with --dedup near, in batches \
            of 512, then reports the LSH buckets' bytes in memory, the growth of this process's \
            resident memory, the bytes on disk of page_signatures, duplicate_pairs and the group \
            index (SQLite's dbstat), each also per million pages, and how long opening the database \
            again takes (the buckets rebuilt from the signatures, as a restarted collector does).

            Example: pagemill bench dedup-index --pages 1000000
            """
    )

    @Option(help: "Pages to store.")
    var pages: Int = 1_000_000

    @Option(
        help: ArgumentHelp(
            "Folder for the database, on the disk to measure (default: a temporary folder).", valueName: "path"))
    var folder: String?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard pages >= 1 else { throw ValidationError("--pages must be at least 1") }
    }

    func run() throws {
        let json = self.json
        let result = try failingBeforeStart {
            try DuplicateIndexScale(pages: pages, folder: folder).run { done in
                if !json, done > 0 { print("stored \(done) pages") }
            }
        }
        try printResult(result, json: json)
    }
}
