import Cluster
import Dispatch
import Enrichment
import Extraction
import Foundation
import PageInput
import PageModel
import Synchronization

/// In-process extraction speed: pages held in memory, extracted `rounds` times by `threads`
/// threads each taking every Nth page, so that the figure is the extractor's alone.
public struct ExtractionBenchmark: Sendable {
    /// The pages to extract.
    public var pages: [RawPage]
    /// How many times the whole set is extracted.
    public var rounds: Int
    /// Threads extracting at once (1: one core).
    public var threads: Int
    /// Whether each record is enriched too, as a worker does (its near-duplicate signature).
    public var enrich = false
    /// Whether enriching computes the quality signals and looks for personal data too
    /// (`Enricher.computesQuality`, `findsPII`).
    public var quality = false
    /// The enricher's other settings (which annotations it adds); `quality` sets the rest.
    public var enricher = Enricher()
    /// The kinds of link records carry, as workers are told (`Extractor.linkKinds`).
    public var linkKinds: Set<PageLink.Kind> = [.content]

    /// What one benchmark measured.
    public struct Result: BenchmarkResult {
        public var pages: Int
        public var bytes: Int
        public var rounds: Int
        public var threads: Int
        /// Pages the extractor refused in a round (empty, binary, no text).
        public var refused: Int
        public var pagesPerSecond: Double
        /// The fastest round's rate.
        public var bestPagesPerSecond: Double
        public var megabytesPerSecond: Double
        /// The whole process's peak resident memory, the pages held included.
        public var peakRssMegabytes: Double

        public var text: String {
            [
                "pages:          \(pages) (\(format(Double(bytes) / 1e6, 1)) MB, \(refused) refused)",
                "rounds:         \(rounds), \(threads) thread\(threads == 1 ? "" : "s")",
                "pages/s:        \(Int(pagesPerSecond)) mean, \(Int(bestPagesPerSecond)) best round",
                "MB/s:           \(format(megabytesPerSecond, 1))",
                "peak memory:    \(format(peakRssMegabytes, 1)) MB (whole process, pages included)",
            ].joined(separator: "\n")
        }
    }

    /// A benchmark of `pages`.
    public init(pages: [RawPage], rounds: Int = 3, threads: Int = 1) {
        self.pages = pages
        self.rounds = max(1, rounds)
        self.threads = max(1, threads)
    }

    /// Extracts the pages `rounds` times and reports the rates.
    public func run() -> Result {
        let bytes = pages.reduce(0) { $0 + $1.body.count }
        var times: [Double] = []
        let refused = Atomic(0)
        let (threads, pages, enrich, linkKinds) = (self.threads, self.pages, self.enrich, self.linkKinds)
        var configured = enricher
        configured.computesQuality = quality
        configured.findsPII = quality
        let enricher = configured
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let extractor = Extractor(linkKinds: linkKinds)
                for index in stride(from: thread, to: pages.count, by: threads) {
                    do {
                        let record = try extractor.extract(pages[index])
                        if enrich { _ = enricher.enrich(record) }
                    } catch {
                        refused.add(1, ordering: .relaxed)
                    }
                }
            }
            let elapsed = ContinuousClock.now - started
            times.append(elapsed.inSeconds)
        }
        let total = times.reduce(0, +)
        let mean = Double(pages.count * times.count) / max(total, 1e-9)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Result(
            pages: pages.count, bytes: bytes, rounds: times.count, threads: threads,
            refused: refused.load(ordering: .relaxed) / times.count, pagesPerSecond: mean,
            bestPagesPerSecond: Double(pages.count) / max(times.min() ?? total, 1e-9),
            megabytesPerSecond: mean * Double(bytes) / Double(max(1, pages.count)) / 1e6,
            peakRssMegabytes: Double(usage.ru_maxrss) / 1024)
    }
}

/// Pages read into memory before a benchmark starts its clock.
public enum BenchmarkPages {
    /// The readable pages of `inputs`, at most `limit` of them.
    public static func read(from inputs: [String], limit: Int = .max) throws(BenchmarkError) -> [RawPage] {
        let source: PageSource
        do {
            source = try PageSource(inputs: inputs, maximumPageBytes: 64 << 20)
        } catch {
            throw BenchmarkError(.input, "\(error)")
        }
        var pages: [RawPage] = []
        while pages.count < limit, let item = source.next() {
            if case let .page(page) = item { pages.append(page) }
        }
        guard !pages.isEmpty else {
            throw BenchmarkError(.input, "no readable page in \(inputs.joined(separator: " "))")
        }
        return pages
    }
}
