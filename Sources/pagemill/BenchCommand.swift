import ArgumentParser
import Extraction
import Foundation
import PageInput
import PageModel
import Synchronization

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure pagemill's speed: the cluster under load (default), or extraction alone.",
        subcommands: [ClusterBenchmark.self, ExtractionBenchmark.self, MessagingBenchmark.self, StoreBenchmark.self],
        defaultSubcommand: ClusterBenchmark.self
    )
}

/// In-process extraction speed on one core: pages are read into memory first, so the figure
/// is the extractor's alone.
struct ExtractionBenchmark: ParsableCommand {
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
        let pages = try pagesInMemory(from: paths)
        let bytes = pages.reduce(0) { $0 + $1.body.count }
        var times: [Double] = []
        let failed = Atomic(0)
        let (threads, pageList) = (self.threads, pages)
        for _ in 0..<max(1, rounds) {
            let started = ContinuousClock.now
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let extractor = Extractor()
                for index in stride(from: thread, to: pageList.count, by: threads) {
                    do { _ = try extractor.extract(pageList[index]) } catch { failed.add(1, ordering: .relaxed) }
                }
            }
            let elapsed = ContinuousClock.now - started
            times.append(elapsed.inSeconds)
        }
        let total = times.reduce(0, +)
        let mean = Double(pages.count * times.count) / total
        let best = Double(pages.count) / (times.min() ?? total)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let failures = failed.load(ordering: .relaxed)
        let peakMegabytes = Double(usage.ru_maxrss) / 1024
        if json {
            print(
                "{\"pages\":\(pages.count),\"bytes\":\(bytes),\"rounds\":\(times.count),\"threads\":\(threads),\"pages_per_second\":\(Int(mean)),\"best_pages_per_second\":\(Int(best)),\"megabytes_per_second\":\(String(format: "%.1f", mean * Double(bytes) / Double(max(1, pages.count)) / 1e6)),\"peak_rss_megabytes\":\(String(format: "%.1f", peakMegabytes))}"
            )
        } else {
            print(
                "pages:          \(pages.count) (\(String(format: "%.1f", Double(bytes) / 1e6)) MB, \(failures / max(1, times.count)) refused)"
            )
            print("rounds:         \(times.count), \(threads) thread\(threads == 1 ? "" : "s")")
            print("pages/s:        \(Int(mean)) mean, \(Int(best)) best round")
            print("MB/s:           \(String(format: "%.1f", mean * Double(bytes) / Double(max(1, pages.count)) / 1e6))")
            print("peak memory:    \(String(format: "%.1f", peakMegabytes)) MB (whole process, pages included)")
        }
    }
}

/// The readable pages of `inputs`, at most `limit` of them, read into memory before a
/// benchmark starts its clock.
func pagesInMemory(from inputs: [String], limit: Int = .max) throws -> [RawPage] {
    let source: PageSource
    do {
        source = try PageSource(inputs: inputs, maximumPageBytes: 64 << 20)
    } catch {
        throw failBeforeStart("\(error)")
    }
    var pages: [RawPage] = []
    while pages.count < limit, let item = source.next() {
        if case let .page(page) = item { pages.append(page) }
    }
    return pages
}
