import Foundation

/// A synthetic raw page and what a good extractor should find in it.
public struct GeneratedPage: Sendable {
    /// The file name to write it under, such as `page-000042.html`.
    public let fileName: String
    /// The raw bytes.
    public let body: [UInt8]
    /// The article's title.
    public let title: String
    /// The language it is written in, ISO 639-1.
    public let language: String
    /// True for HTML, false for scraped plain text.
    public let isHTML: Bool
}

/// Writes reproducible synthetic pages: HTML articles wrapped in the furniture of real news
/// sites (navigation, sidebars, share buttons, comments, cookie banners, JSON-LD and meta tags),
/// and scraped plain-text pages shaped like the seed page, in five languages, 5 KB to 200 KB.
///
/// Page `n` of seed `s` is always the same, so pages can be made in any order or in parallel.
public struct PageGenerator: Sendable {
    /// The seed every page is derived from.
    public let seed: UInt64
    /// The share of pages that are HTML; the rest are plain text.
    public var htmlShare: Double
    /// The smallest and largest page sizes, in bytes.
    public var sizeRange: ClosedRange<Int>
    /// The languages pages are written in (ISO 639-1 codes from `availableLanguages`); all when nil.
    public var languages: Set<String>?

    /// The languages the generator writes.
    public static var availableLanguages: [String] { Vocabulary.all.map(\.language) }

    /// Creates a generator.
    public init(
        seed: UInt64 = 1, htmlShare: Double = 0.75, sizeRange: ClosedRange<Int> = 5_000...200_000,
        languages: Set<String>? = nil
    ) {
        self.seed = seed
        self.htmlShare = htmlShare
        self.sizeRange = sizeRange
        self.languages = languages
    }

    /// Page number `index`.
    public func page(_ index: Int) -> GeneratedPage {
        var random = SeededRandom(seed: seed &* 0x100_0000_01B3 ^ UInt64(index) &* 0x9E37_79B9)
        _ = random.next()
        let chosen =
            languages.map { wanted in Vocabulary.all.filter { wanted.contains($0.language) } } ?? Vocabulary.all
        let vocabulary = random.pick(chosen.isEmpty ? Vocabulary.all : chosen)
        // Sizes spread evenly on a log scale, so small pages are common and large ones exist.
        let low = Double(sizeRange.lowerBound), high = Double(sizeRange.upperBound)
        let fraction = Double(random.next() % 10_000) / 10_000
        let size = Int(low * pow(high / low, fraction))
        let isHTML = Double(random.next() % 1000) / 1000 < htmlShare
        var writer = ArticleWriter(vocabulary: vocabulary, random: random, index: index)
        let title = writer.sentence(words: 6...11, period: false)
        let body =
            isHTML ? writer.html(title: title, targetBytes: size) : writer.plainText(title: title, targetBytes: size)
        let name = format6(index)
        return GeneratedPage(
            fileName: "page-\(name).\(isHTML ? "html" : "txt")", body: Array(body.utf8),
            title: title, language: vocabulary.language, isHTML: isHTML
        )
    }

    private func format6(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
