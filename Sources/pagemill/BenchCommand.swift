import ArgumentParser
import Benchmarks
import Store

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure pagemill's speed: the cluster under load (default), or extraction alone.",
        subcommands: [
            BenchClusterCommand.self, BenchExtractionCommand.self, BenchMessagingCommand.self, BenchStoreCommand.self,
            BenchLanguageCommand.self, BenchArchiveCommand.self, BenchProducerCommand.self, BenchMinHashCommand.self,
            BenchDedupIndexCommand.self,
        ],
        defaultSubcommand: BenchClusterCommand.self
    )
}

/// Prints a benchmark's result: as text, or as one JSON object with `--json`.
func printResult(_ result: some BenchmarkResult, json: Bool) throws {
    print(json ? try result.json() : result.text)
}

/// In-process extraction speed on one core: pages are read into memory first, so the figure
/// is the extractor's alone.
struct BenchExtractionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Extract a set of pages in this process, on one thread, and report pages/s and MB/s.",
        discussion: "Example: pagemill bench extraction ../shared/corpus/scrapinghub/html --rounds 5"
    )

    @Argument(help: "Files or folders of pages.")
    var paths: [String]

    @Option(help: "How many times to extract the whole set; the best round is reported too.")
    var rounds: Int = 3

    @Option(help: "Threads extracting at once, each taking every Nth page (1: one core).")
    var threads: Int = 1

    @Flag(help: "Enrich each record too, as a worker does (its near-duplicate signature).")
    var enrich = false

    @Flag(help: "With --enrich: compute the quality signals and look for personal data too, as workers do.")
    var quality = false

    @OptionGroup var annotations: AnnotationOptions

    @OptionGroup var links: LinkOptions

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard threads >= 1, rounds >= 1 else { throw ValidationError("--threads and --rounds must be at least 1") }
    }

    func run() throws {
        let pages = try failingBeforeStart { () throws(BenchmarkError) in try BenchmarkPages.read(from: paths) }
        var benchmark = ExtractionBenchmark(pages: pages, rounds: rounds, threads: threads)
        benchmark.enrich = enrich
        benchmark.quality = quality
        annotations.configure(&benchmark.enricher)
        benchmark.linkKinds = links.storedLinks.kinds
        try printResult(benchmark.run(), json: json)
    }
}

/// Raw libzmq between two processes: the ceiling the cluster's message path is compared with.
struct BenchMessagingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zmq",
        abstract: "Measure raw libzmq PUSH/PULL between two processes over TCP, for comparison with the cluster.",
        discussion: "Example: pagemill bench zmq --messages 200000 --size 8192"
    )

    @Option(help: "Messages to send.")
    var messages: Int = 200_000

    @Option(help: ArgumentHelp("Bytes a message.", valueName: "bytes"))
    var size: Int = 8192

    @Option(help: ArgumentHelp("Internal: send to this endpoint (the second process).", visibility: .hidden))
    var sendTo: String?

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard messages >= 2, size >= 1 else {
            throw ValidationError("--messages must be at least 2, --size at least 1")
        }
    }

    func run() throws {
        let benchmark = MessagingBenchmark(messages: messages, size: size)
        if let sendTo { return try benchmark.send(to: sendTo) }
        let (messages, size) = (self.messages, self.size)
        let result = try failingBeforeStart {
            try benchmark.run { endpoint in
                ["bench", "zmq", "--send-to", endpoint, "--messages", String(messages), "--size", String(size)]
            }
        }
        try printResult(result, json: json)
    }
}

/// The near-duplicate parameters' S-curve, measured on synthetic pairs.
struct BenchMinHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minhash",
        abstract: "Measure the S-curve of --dedup near: the share of pairs grouped at each true Jaccard similarity.",
        discussion: "Example: pagemill bench minhash --pairs 4000 --threshold 0.6"
    )

    @Option(help: "Pairs of texts to measure.")
    var pairs: Int = 4000

    @Option(help: "The --dedup-threshold to apply after banding.")
    var threshold: Double = PageStore.Deduplication.defaultThreshold

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func run() throws {
        try printResult(MinHashCurve(pairs: max(1, pairs), threshold: threshold).run(), json: json)
    }
}
