import ArgumentParser
import Benchmarks
import PageGenerator
import PageModel

/// The generated pages a load test cycles through, when it is given no inputs.
struct GeneratedPageOptions: ParsableArguments {
    @Option(help: "Distinct generated pages, cycled through under fresh ids.")
    var distinct: Int = 2_000

    @Option(help: "The seed of the generated pages.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Smallest generated page, in bytes.", valueName: "bytes"))
    var minSize: Int = 5_000

    @Option(
        help: ArgumentHelp("Largest generated page, in bytes (sizes spread evenly on a log scale).", valueName: "bytes")
    )
    var maxSize: Int = 200_000

    @Option(
        help: ArgumentHelp(
            "The share of generated pages that are HTML, 0 to 1; the rest are plain text.", valueName: "share"))
    var htmlShare: Double = 0.75

    @Option(
        help: ArgumentHelp(
            "Languages of the generated pages, comma-separated "
                + "(\(PageGenerator.availableLanguages.joined(separator: ","))).",
            valueName: "codes"))
    var languages: String?

    func validate() throws {
        guard distinct >= 1 else { throw ValidationError("--distinct must be at least 1") }
        guard minSize >= 100, maxSize >= minSize else {
            throw ValidationError("sizes: 100 <= --min-size <= --max-size")
        }
        guard (0...1).contains(htmlShare) else { throw ValidationError("--html-share is between 0 and 1") }
        if let languages {
            let unknown = Set(languages.split(separator: ",").map(String.init)).subtracting(
                PageGenerator.availableLanguages)
            guard unknown.isEmpty else {
                throw ValidationError("unknown languages: \(unknown.sorted().joined(separator: ", "))")
            }
        }
    }

    /// The pool for a test of `pages` pages: no more distinct pages than it sends.
    func pool(pages: Int) -> [RawPage] {
        let chosen = languages.map { Set($0.split(separator: ",").map(String.init)) }
        let generator = PageGenerator(seed: seed, htmlShare: htmlShare, sizeRange: minSize...maxSize, languages: chosen)
        return GeneratedFeed.pool(size: min(distinct, pages), generator: generator)
    }
}
