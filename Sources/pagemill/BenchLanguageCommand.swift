import ArgumentParser
import Benchmarks

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
