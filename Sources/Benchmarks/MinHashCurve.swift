import Enrichment
import Foundation
import Store

/// The S-curve of the near-duplicate parameters, measured: pairs of texts at every Jaccard
/// similarity of their word shingles, and the share of them the collector would group (a band
/// in common, then signatures agreeing on the threshold's share), beside the share banding
/// alone gives in theory, 1 − (1 − J^rows)^bands.
public struct MinHashCurve: Sendable {
    public var pairs: Int
    public var threshold: Double
    public var hasher: MinHasher

    public init(
        pairs: Int = 4000, threshold: Double = PageStore.Deduplication.defaultThreshold, hasher: MinHasher = .standard
    ) {
        self.pairs = pairs
        self.threshold = threshold
        self.hasher = hasher
    }

    /// One bin of true similarity.
    public struct Bin: Codable, Sendable {
        public var jaccard: Double
        public var pairs: Int
        public var candidates: Double
        public var grouped: Double
        public var theory: Double
    }

    public struct Result: BenchmarkResult {
        public var bands: Int
        public var rows: Int
        public var threshold: Double
        public var bins: [Bin]

        public var text: String {
            var lines = [
                "\(bands) bands of \(rows), threshold \(threshold): the share of pairs grouped, by true Jaccard",
                "| Jaccard | pairs | a band in common | grouped | 1 − (1 − J^\(rows))^\(bands) |",
                "|---|---|---|---|---|",
            ]
            for bin in bins {
                lines.append(
                    "| \(format(bin.jaccard, 2)) | \(bin.pairs) | \(format(bin.candidates, 3)) "
                        + "| \(format(bin.grouped, 3)) | \(format(bin.theory, 3)) |")
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Makes the pairs (a 400-word text and a copy with some words changed), and bins them by
    /// their true similarity, in twentieths.
    public func run() -> Result {
        var random = SystemRandomNumberGenerator()
        var counts: [Int: (pairs: Int, candidates: Int, grouped: Int)] = [:]
        for index in 0..<pairs {
            let words = (0..<400).map { _ in "w\(Int.random(in: 0..<50_000, using: &random))" }
            var changed = words
            // Similarities spread evenly from 0.4 to 1: k changed words leave about (1 − k/400)^5
            // of the shingles.
            let target = 0.4 + 0.6 * Double(index % 61) / 60
            let changes = Int((400 * (1 - pow(target, 1.0 / 5))).rounded())
            for _ in 0..<changes {
                changed[Int.random(in: 0..<400, using: &random)] = "x\(Int.random(in: 0..<1_000_000, using: &random))"
            }
            let truth = Self.jaccard(words, changed)
            let (first, second) = (
                hasher.signature(of: words.joined(separator: " ")), hasher.signature(of: changed.joined(separator: " "))
            )
            let candidate = zip(hasher.bandKeys(first), hasher.bandKeys(second)).contains { $0 == $1 }
            let grouped = candidate && MinHasher.similarity(first, second) >= threshold
            let bin = min(19, Int((truth * 20).rounded(.down)))
            var count = counts[bin] ?? (0, 0, 0)
            count.pairs += 1
            count.candidates += candidate ? 1 : 0
            count.grouped += grouped ? 1 : 0
            counts[bin] = count
        }
        let bins = counts.keys.sorted().map { bin -> Bin in
            let count = counts[bin]!
            let middle = (Double(bin) + 0.5) / 20  // The bin's middle; the last bin holds J = 1 too.
            return Bin(
                jaccard: middle, pairs: count.pairs, candidates: Double(count.candidates) / Double(count.pairs),
                grouped: Double(count.grouped) / Double(count.pairs),
                theory: 1 - pow(1 - pow(middle, Double(hasher.rows)), Double(hasher.bands)))
        }
        return Result(bands: hasher.bands, rows: hasher.rows, threshold: threshold, bins: bins)
    }

    static func jaccard(_ first: [String], _ second: [String]) -> Double {
        func shingles(_ words: [String]) -> Set<String> {
            Set((0...(words.count - 5)).map { words[$0..<$0 + 5].joined(separator: " ") })
        }
        let (a, b) = (shingles(first), shingles(second))
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
