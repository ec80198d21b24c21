import Cluster
import Foundation
import PageInput
import PageModel

/// Reading crawl archives alone, one thread: records a second through the producer's own
/// reader, as the producer reads them in a run: in full (inflate, WARC records, HTTP decoding)
/// or, with `asStored`, as `run` does by default, `.warc.gz` pages handed on as their members.
public struct ArchiveBenchmark: Sendable {
    public var inputs: [String]
    public var rounds: Int
    /// Pages of `.warc.gz` archives handed on as stored (each member's head inflated only).
    public var asStored = false

    /// What one benchmark measured.
    public struct Result: BenchmarkResult {
        public var pages: Int
        public var failures: Int
        public var skipped: [String: Int]
        /// Pages, failures and skipped records: every record the reader went through.
        public var records: Int
        public var pageBytes: Int
        public var seconds: Double
        public var recordsPerSecond: Double
        public var megabytesPerSecond: Double
        public var rounds: Int

        public var text: String {
            let skippedText = skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            return [
                "records:        \(records): \(pages) pages, \(failures) failures, \(skippedText)",
                "speed:          \(Int(recordsPerSecond)) records/s, \(format(megabytesPerSecond, 1)) MB/s of pages "
                    + "(the fastest of \(rounds) round\(rounds == 1 ? "" : "s"), one thread)",
            ].joined(separator: "\n")
        }
    }

    public init(inputs: [String], rounds: Int = 3) {
        self.inputs = inputs
        self.rounds = max(1, rounds)
    }

    /// Reads every input `rounds` times and reports the fastest round; `dump` is given each page.
    public func run(dump: ((RawPage) -> Void)? = nil) throws(BenchmarkError) -> Result {
        var results: [Result] = []
        for round in 0..<rounds {
            let source: PageSource
            do {
                source = try PageSource(inputs: inputs, maximumPageBytes: 64 << 20)
                source.pagesAsStored = asStored
            } catch {
                throw BenchmarkError(.input, "\(error)")
            }
            var pages = 0, failures = 0, bytes = 0
            let started = ContinuousClock.now
            while let item = source.next() {
                switch item {
                case let .page(page):
                    pages += 1
                    bytes += page.body.count
                    if round == 0 { dump?(page) }
                case .unreadable: failures += 1
                case .alreadyStored: break
                }
            }
            let seconds = max((ContinuousClock.now - started).inSeconds, 1e-9)
            let records = pages + failures + source.skippedRecords.values.reduce(0, +)
            let result = Result(
                pages: pages, failures: failures, skipped: source.skippedRecords, records: records, pageBytes: bytes,
                seconds: seconds, recordsPerSecond: Double(records) / seconds,
                megabytesPerSecond: Double(bytes) / 1e6 / seconds, rounds: rounds)
            results.append(result)
        }
        return results.min { $0.seconds < $1.seconds } ?? results[0]
    }
}
