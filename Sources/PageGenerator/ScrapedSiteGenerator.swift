/// A scraped plain-text news page and what a good extractor should find in it.
public struct ScrapedPage: Sendable {
    /// The file name to write it under, such as `site03-000042.txt`.
    public let fileName: String
    /// The page as a scraper wrote it.
    public let text: String
    /// The language it is written in.
    public let language: String
    public let title: String
    /// The publication date and time, ISO 8601 to the second, as the page shows it.
    public let published: String?
    public let author: String?
    /// The body's paragraphs (subheadings among them), in order.
    public let body: [String]
    public let tags: [String]
}

/// Writes scraped plain-text news pages from many sites in 21 languages: the body set among
/// the furniture scrapers keep (teasers for other articles, share bars, comment forms,
/// newsletter boxes, cookie and copyright lines, bylines, bare timestamps, hashtags), with the
/// date in one of each language's printed forms. Each site (a seed of its own) keeps its
/// furniture and date format across its pages, as real sites do. Test data and a benchmark for
/// text extraction on pages unlike pagemill's own samples.
public struct ScrapedSiteGenerator: Sendable {
    public let seed: UInt64
    /// Sites the pages come from.
    public var sites: Int
    /// Languages to write (codes from `availableLanguages`); all when nil.
    public var languages: Set<String>?

    /// The languages the generator writes.
    public static var availableLanguages: [String] { SiteVocabulary.all.map(\.language) }

    public init(seed: UInt64 = 1, sites: Int = 40, languages: Set<String>? = nil) {
        self.seed = seed
        self.sites = max(1, sites)
        self.languages = languages
    }

    /// Page number `index`.
    public func page(_ index: Int) -> ScrapedPage {
        let site = index % sites
        let chosen = languages.map { wanted in SiteVocabulary.all.filter { wanted.contains($0.language) } }
        let vocabularies = chosen.flatMap { $0.isEmpty ? nil : $0 } ?? SiteVocabulary.all
        var siteRandom = SeededRandom(seed: seed &* 0x9E37_79B9 &+ UInt64(site) &* 0x100_0000_01B3)
        let vocabulary = vocabularies[Int(siteRandom.next() % UInt64(vocabularies.count))]
        let style = SiteStyle(vocabulary: vocabulary, random: &siteRandom)
        let random = SeededRandom(seed: seed ^ UInt64(index) &* 0xBF58_476D_1CE4_E5B9)
        var writer = ScrapedPageWriter(vocabulary: vocabulary, style: style, random: random)
        let page = writer.write()
        let number = String(index)
        let name =
            "site\(site < 10 ? "0" : "")\(site)-" + String(repeating: "0", count: max(0, 6 - number.count)) + number
        return ScrapedPage(
            fileName: name + ".txt", text: page.text, language: vocabulary.language, title: page.title,
            published: page.published, author: page.author, body: page.body, tags: page.tags)
    }
}

/// What one site does the same on all its pages.
struct SiteStyle: Sendable {
    let titleTwice: Bool
    let dateFormat: String
    let bylineBeforeDate: Bool
    let byline: Bool
    let teaserLead: String
    let teaserSeparator: String
    let shareOneLine: Bool
    let comments: Bool
    let hashtags: Bool
    let timestamp: Bool
    let rights: Bool
    let cookieAtTop: Bool
    let cookieAtEnd: Bool
    let newsletterInside: Bool
    let newsletterAtEnd: Bool

    init(vocabulary: SiteVocabulary, random: inout SeededRandom) {
        func chance(_ share: Double) -> Bool { Double(random.next() % 1000) / 1000 < share }
        titleTwice = chance(0.5)
        dateFormat = random.pick(vocabulary.dateFormats)
        byline = chance(0.5)
        bylineBeforeDate = chance(0.4)
        teaserLead = random.pick(vocabulary.teasers)
        teaserSeparator =
            teaserLead.hasSuffix(":") || teaserLead.hasSuffix("|") || teaserLead.hasSuffix("–")
                || teaserLead.hasSuffix("：") || teaserLead.hasSuffix("】") ? " " : random.pick(["  ", ": ", " | "])
        shareOneLine = chance(0.4)
        comments = chance(0.6)
        hashtags = chance(0.5)
        timestamp = chance(0.4)
        rights = chance(0.5)
        cookieAtTop = chance(0.15)
        cookieAtEnd = !cookieAtTop && chance(0.2)
        newsletterInside = chance(0.3)
        newsletterAtEnd = !newsletterInside && chance(0.3)
    }
}
