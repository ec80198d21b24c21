import Cluster
import Extraction
import PageModel

/// Language identification alone: texts held in memory, each identified `rounds` times on one
/// thread; with the true language of each, the share named right.
public struct LanguageBenchmark: Sendable {
    /// One text to identify, and its language when known (ISO 639-1 or 639-3).
    public struct Sample: Sendable {
        public var id: String
        public var text: String
        public var truth: String?

        public init(id: String, text: String, truth: String?) {
            self.id = id
            self.text = text
            self.truth = truth
        }
    }

    /// What one benchmark measured.
    public struct Result: BenchmarkResult {
        public var texts: Int
        public var bytes: Int
        public var rounds: Int
        public var textsPerSecond: Double
        public var microsecondsPerText: Double
        /// The share of texts with a truth named right; nil when none had one.
        public var accuracy: Double?
        /// Texts given no language (too short, or mixed).
        public var unnamed: Int
        /// Each text's answer, by id ("" for none), in input order.
        public var predictions: [Prediction]

        public struct Prediction: Codable, Sendable {
            public var id: String
            public var language: String
        }

        public var text: String {
            [
                "texts:          \(texts) (\(format(Double(bytes) / 1e6, 2)) MB), \(rounds) round(s), one thread",
                "speed:          \(Int(textsPerSecond)) texts/s, \(format(microsecondsPerText, 1)) µs a text",
                "accuracy:       \(accuracy.map { format($0 * 100, 2) + " %" } ?? "no truth given"), "
                    + "\(unnamed) given no language",
            ].joined(separator: "\n")
        }
    }

    public var samples: [Sample]
    public var rounds: Int

    /// A benchmark of `samples`.
    public init(samples: [Sample], rounds: Int = 3) {
        self.samples = samples
        self.rounds = max(1, rounds)
    }

    /// Identifies every text `rounds` times and reports the rate and, where known, accuracy.
    public func run() -> Result {
        var answers = [String?](repeating: nil, count: samples.count)
        let started = ContinuousClock.now
        for _ in 0..<rounds {
            for (index, sample) in samples.enumerated() {
                answers[index] = LanguageDetector.detect(sample.text, declared: nil)
            }
        }
        let seconds = max((ContinuousClock.now - started).inSeconds, 1e-9)
        let judged = zip(samples, answers).filter { $0.0.truth != nil }
        let right = judged.filter { $0.0.truth == $0.1 }.count
        let count = Double(samples.count * rounds)
        return Result(
            texts: samples.count, bytes: samples.reduce(0) { $0 + $1.text.utf8.count }, rounds: rounds,
            textsPerSecond: count / seconds, microsecondsPerText: seconds / count * 1e6,
            accuracy: judged.isEmpty ? nil : Double(right) / Double(judged.count),
            unnamed: answers.filter { $0 == nil }.count,
            predictions: zip(samples, answers).map { Result.Prediction(id: $0.0.id, language: $0.1 ?? "") })
    }

    /// Reads JSON Lines of `{"id": …, "text": …, "language": …}` (the language optional).
    public static func samples(jsonLines: [UInt8]) throws(BenchmarkError) -> [Sample] {
        var samples: [Sample] = []
        for (number, line) in jsonLines.split(separator: 0x0A).enumerated() where !line.allSatisfy({ $0 == 0x20 }) {
            var id: String?, text: String?, truth: String?
            var reader = JSONReader(line)
            do throws(PageModelError) {
                try reader.readObject { key, value in
                    guard case let .string(string) = value else { return }
                    switch key {
                    case "id": id = string
                    case "text": text = string
                    case "language": truth = string
                    default: break
                    }
                }
            } catch {
                throw BenchmarkError(.input, "line \(number + 1): \(error.detail)")
            }
            guard let text else { throw BenchmarkError(.input, "line \(number + 1) has no \"text\"") }
            samples.append(Sample(id: id ?? String(number + 1), text: text, truth: truth))
        }
        return samples
    }
}
