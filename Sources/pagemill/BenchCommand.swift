import ArgumentParser
import Benchmarks

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure pagemill's speed: the cluster under load (default), or extraction alone.",
        subcommands: [
            BenchClusterCommand.self, BenchExtractionCommand.self, BenchMessagingCommand.self, BenchStoreCommand.self,
            BenchLanguageCommand.self,
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

    @Flag(help: "Print the result as one JSON object.")
    var json = false

    func validate() throws {
        guard threads >= 1, rounds >= 1 else { throw ValidationError("--threads and --rounds must be at least 1") }
    }

    func run() throws {
        let pages = try failingBeforeStart { () throws(BenchmarkError) in try BenchmarkPages.read(from: paths) }
        try printResult(ExtractionBenchmark(pages: pages, rounds: rounds, threads: threads).run(), json: json)
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

/// Language identification alone, one thread: for comparison with other identifiers.
struct BenchLanguageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Identify the language of each text of a JSON Lines file, on one thread: texts/s and accuracy.",
        discussion: """
            Each line: {"id": "...", "text": "...", "language": "xx"}, the language (the truth) optional. \
            --predictions writes each text's answer as JSON Lines, for scoring beside other tools. \
            Benchmarks/languages.sh runs it on held-out text beside lingua, pycld2 and fastText.

            Example: pagemill bench language texts.jsonl --rounds 3 --json
            """
    )

    @Argument(help: "The JSON Lines file of texts.")
    var file: String

    @Option(help: "How many times to identify every text.")
    var rounds: Int = 3

    @Option(help: ArgumentHelp("Write each text's answer here, as JSON Lines.", valueName: "path"))
    var predictions: String?

    @Flag(help: "Print the result as one JSON object (without the predictions).")
    var json = false

    func run() throws {
        let bytes = try failingBeforeStart { () throws(BenchmarkError) in try BenchmarkFile.read(file) }
        let samples = try failingBeforeStart { () throws(BenchmarkError) in
            try LanguageBenchmark.samples(jsonLines: bytes)
        }
        var result = LanguageBenchmark(samples: samples, rounds: rounds).run()
        if let predictions {
            let lines = try result.predictions.map { try BenchmarkFile.jsonLine($0) }.joined()
            try failingBeforeStart { () throws(BenchmarkError) in try BenchmarkFile.write(lines, to: predictions) }
        }
        result.predictions = []
        try printResult(result, json: json)
    }
}
