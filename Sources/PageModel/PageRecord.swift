/// The clean, enriched record extracted from one raw page: what the store keeps.
public struct PageRecord: Sendable, Codable, Equatable {
    /// The page's identity, copied from the raw page.
    public var id: String
    /// The address the page was fetched from.
    public var url: String?
    /// The canonical address the page declares for itself.
    public var canonicalURL: String?
    /// The page's title.
    public var title: String?
    /// The authors, in the order the page names them.
    public var authors: [String]
    /// The publication date, ISO 8601.
    public var published: String?
    /// The language of the main text, ISO 639-1, when it could be told.
    public var language: String?
    /// The page's own summary.
    public var description: String?
    /// The site's name.
    public var siteName: String?
    /// The page's own keywords or hashtags.
    public var tags: [String]
    /// The lead image's address.
    public var image: String?
    /// The main content: paragraphs separated by blank lines.
    public var text: String
    /// The number of words in `text`.
    public var wordCount: Int
    /// A hash of the normalised text, to find the same content under different ids.
    public var contentHash: String
    /// When the page was fetched, as its input said (a WARC record's `WARC-Date`).
    public var fetchedAt: String?
    /// The crawl archive holding the page, and the record's offset in it.
    public var origin: ArchiveOrigin?
    /// The MinHash signature of the text's word shingles (the enrichment library's), by which
    /// the collector groups near duplicates; empty when none was computed.
    public var minhash: [UInt32] = []
    /// Quality signals of the text by name (`Enrichment`: Gopher's quality and repetition
    /// numbers, and `…_pass` as 1 or 0 for each rule set); empty when not computed.
    public var quality: [String: Double] = [:]
    /// Personal data found in the text, counted by kind (`email`, `phone`, `ipv4`, `ipv6`,
    /// `card`, `iban`); kinds not found left out.
    public var pii: [String: Double] = [:]
    /// Where each piece lies in `text`, as `kind start end` in Unicode scalars: the replacement's
    /// place when the text was redacted.
    public var piiSpans: [String] = []
    /// The page's outbound links (http and https), each URL once, in the order of first use.
    public var links: [PageLink] = []
    /// The text's key phrases, best first (the enrichment library's YAKE-like extractor).
    public var keywords: [PageKeyword] = []
    /// The people, organisations and places the text names, most named first.
    public var entities: [PageEntity] = []
    /// The text's direct quotations, in order, with their speakers where the text says them.
    public var quotes: [PageQuote] = []

    enum CodingKeys: String, CodingKey {
        case id, url, canonicalURL = "canonical_url", title, authors = "author", published, language
        case description, siteName = "site_name", tags, image, text, wordCount = "word_count"
        case contentHash = "content_hash", fetchedAt = "fetched_at", archive, archiveOffset = "archive_offset"
        case minhash, quality, pii
        case piiSpans = "pii_spans", links, keywords, entities, quotes
    }

    /// Creates a record.
    public init(
        id: String, url: String? = nil, canonicalURL: String? = nil, title: String? = nil,
        authors: [String] = [], published: String? = nil, language: String? = nil,
        description: String? = nil, siteName: String? = nil, tags: [String] = [],
        image: String? = nil, text: String, wordCount: Int, contentHash: String, fetchedAt: String? = nil,
        origin: ArchiveOrigin? = nil
    ) {
        self.id = id
        self.url = url
        self.canonicalURL = canonicalURL
        self.title = title
        self.authors = authors
        self.published = published
        self.language = language
        self.description = description
        self.siteName = siteName
        self.tags = tags
        self.image = image
        self.text = text
        self.wordCount = wordCount
        self.contentHash = contentHash
        self.fetchedAt = fetchedAt
        self.origin = origin
    }

    /// Decodes leniently: only `id` and `text` are required, so that records from workers
    /// written in other languages may leave out what they do not know.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        canonicalURL = try container.decodeIfPresent(String.self, forKey: .canonicalURL)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        authors = try container.decodeIfPresent([String].self, forKey: .authors) ?? []
        published = try container.decodeIfPresent(String.self, forKey: .published)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        siteName = try container.decodeIfPresent(String.self, forKey: .siteName)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        image = try container.decodeIfPresent(String.self, forKey: .image)
        wordCount = try container.decodeIfPresent(Int.self, forKey: .wordCount) ?? TextMeasures.wordCount(text)
        contentHash =
            try container.decodeIfPresent(String.self, forKey: .contentHash) ?? TextMeasures.contentHash(text)
        fetchedAt = try container.decodeIfPresent(String.self, forKey: .fetchedAt)
        if let archive = try container.decodeIfPresent(String.self, forKey: .archive) {
            let offset = try container.decodeIfPresent(Int.self, forKey: .archiveOffset) ?? 0
            origin = ArchiveOrigin(archive: archive, offset: offset)
        }
        minhash = try container.decodeIfPresent(String.self, forKey: .minhash).map(Self.values(hex:)) ?? []
        quality = try container.decodeIfPresent([String: Double].self, forKey: .quality) ?? [:]
        pii = try container.decodeIfPresent([String: Double].self, forKey: .pii) ?? [:]
        piiSpans = try container.decodeIfPresent([String].self, forKey: .piiSpans) ?? []
        links = try container.decodeIfPresent([PageLink].self, forKey: .links) ?? []
        keywords = try container.decodeIfPresent([PageKeyword].self, forKey: .keywords) ?? []
        entities = try container.decodeIfPresent([PageEntity].self, forKey: .entities) ?? []
        quotes = try container.decodeIfPresent([PageQuote].self, forKey: .quotes) ?? []
    }

    /// Encodes in the shape `jsonBytes()` writes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(canonicalURL, forKey: .canonicalURL)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(authors, forKey: .authors)
        try container.encodeIfPresent(published, forKey: .published)
        try container.encodeIfPresent(language, forKey: .language)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(siteName, forKey: .siteName)
        try container.encode(tags, forKey: .tags)
        try container.encodeIfPresent(image, forKey: .image)
        try container.encode(text, forKey: .text)
        try container.encode(wordCount, forKey: .wordCount)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encodeIfPresent(fetchedAt, forKey: .fetchedAt)
        try container.encodeIfPresent(origin?.archive, forKey: .archive)
        try container.encodeIfPresent(origin?.offset, forKey: .archiveOffset)
        if !minhash.isEmpty { try container.encode(Self.hex(minhash), forKey: .minhash) }
        if !quality.isEmpty { try container.encode(quality, forKey: .quality) }
        if !pii.isEmpty { try container.encode(pii, forKey: .pii) }
        if !piiSpans.isEmpty { try container.encode(piiSpans, forKey: .piiSpans) }
        if !links.isEmpty { try container.encode(links, forKey: .links) }
        if !keywords.isEmpty { try container.encode(keywords, forKey: .keywords) }
        if !entities.isEmpty { try container.encode(entities, forKey: .entities) }
        if !quotes.isEmpty { try container.encode(quotes, forKey: .quotes) }
    }
}
