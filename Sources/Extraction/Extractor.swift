import PageModel

/// Turns raw pages into records. Pure and thread-safe: no I/O, no shared state, so a worker
/// can call it from any thread and tests can call it without a cluster.
public struct Extractor: Sendable {
    /// Pages larger than this are refused rather than parsed.
    public var maximumPageBytes: Int

    /// The kinds of link a record carries (`PageRecord.links`).
    public var linkKinds: Set<PageLink.Kind>

    /// Creates an extractor that refuses pages over `maximumPageBytes`; its records carry the
    /// links of `linkKinds` (the content's own, unless told otherwise).
    public init(maximumPageBytes: Int = 32 << 20, linkKinds: Set<PageLink.Kind> = [.content]) {
        self.maximumPageBytes = maximumPageBytes
        self.linkKinds = linkKinds
    }

    /// The text of a page that is scraped plain text, in UTF-8; nil for HTML, binary or
    /// oversized pages.
    static func plainText(of page: RawPage) -> String? {
        guard page.body.count <= 32 << 20, page.format != .html else { return nil }
        let body = CharsetDetector.utf8(page.body, declared: page.charset).bytes
        guard page.format == .text || sniff(body) == .text else { return nil }
        return String(decoding: body, as: UTF8.self)
    }

    /// Extracts the record of one page, or says why it cannot; `site` holds the lines its
    /// site repeats, learned in a first pass over its pages, when there was one.
    public func extract(_ page: RawPage, site: SiteBoilerplate? = nil) throws(ExtractionError) -> PageRecord {
        guard page.body.count <= maximumPageBytes else {
            throw ExtractionError(
                .tooLarge, pageID: page.id,
                detail: "page is \(page.body.count) bytes, over the limit of \(maximumPageBytes)")
        }
        guard page.body.contains(where: { $0 > 0x20 }) else {
            throw ExtractionError(.empty, pageID: page.id, detail: "page is empty")
        }
        // UTF-16 is full of NUL bytes, so the text brought to UTF-8 is judged too; but the raw
        // bytes first, as transcoding random bytes from a single-byte charset dilutes them into
        // what looks like text (an image or deflate data stored as a page of garbage).
        let body = CharsetDetector.utf8(page.body, declared: page.charset).bytes
        if Self.looksBinary(page.body) && Self.looksBinary(body) {
            throw ExtractionError(.binary, pageID: page.id, detail: "page holds binary data, not text")
        }
        guard page.format != .warcRecord else {
            throw ExtractionError(
                .binary, pageID: page.id, detail: "an archived record, not yet read into a page (ArchivedRecord)")
        }
        let format = page.format == .unknown ? Self.sniff(body) : page.format
        var metadata: PageMetadata
        var text: String
        var wordCount: Int
        var links: [PageLink] = []
        switch format {
        case .html, .unknown, .warcRecord:
            let document = HTMLDocument(bytes: body)
            metadata = document.metadata
            let contentLinks: [DocumentTree.NodeID]
            (text, wordCount, contentLinks) = MainContentSelector.content(
                of: document.tree, isArticle: metadata.isArticle,
                isProduct: metadata.isProduct, isDiscussion: metadata.isDiscussion,
                title: metadata.title,
                authors: metadata.authors)
            links = LinkCollector.links(
                of: document.tree, content: contentLinks, kinds: linkKinds,
                resolver: LinkURL.Resolver(
                    pageURL: page.url ?? metadata.canonicalURL, baseHref: metadata.baseHref))
        case .text:
            let content = PlainTextExtractor(text: String(decoding: body, as: UTF8.self), site: site)
            metadata = content.metadata
            text = content.paragraphs.joined(separator: "\n\n")
            wordCount = TextMeasures.wordCount(text)
        }
        // A page with no text of its own (an app shell, a blocked page) has empty text: its
        // description, if any, stays in `description` rather than posing as content.
        guard !text.isEmpty || metadata.title != nil else {
            throw ExtractionError(.noContent, pageID: page.id, detail: "page holds no text")
        }
        var record = PageRecord(
            id: page.id, url: page.url ?? metadata.canonicalURL, canonicalURL: metadata.canonicalURL,
            title: metadata.title, authors: metadata.authors, published: metadata.published,
            language: LanguageDetector.detect(
                text.isEmpty ? (metadata.title ?? "") : text, declared: metadata.declaredLanguage),
            description: metadata.description, siteName: metadata.siteName, tags: metadata.tags,
            image: metadata.image, text: text, wordCount: wordCount,
            contentHash: TextMeasures.contentHash(text), fetchedAt: page.fetchedAt, origin: page.origin
        )
        record.links = links
        return record
    }

    /// Text has almost no NUL or other C0 control bytes; images and archives have many.
    /// Control characters other than white space are rare in text (a stray escape or two)
    /// and about a tenth of random or compressed bytes (27 of 256 values): more than one byte
    /// in fifty says binary.
    static func looksBinary(_ body: [UInt8]) -> Bool {
        body.withUnsafeBufferPointer { buffer in
            let sample = UnsafeBufferPointer(rebasing: buffer.prefix(8192))
            if sample.count < 64, sample.contains(0) { return true }
            return ByteCounts.controls(sample) * 50 > sample.count
        }
    }

    /// HTML when a tag shows up early, plain text otherwise.
    static func sniff(_ body: [UInt8]) -> RawPage.Format {
        let head = String(decoding: body.prefix(2048), as: UTF8.self).lowercased()
        for marker in ["<!doctype", "<html", "<head", "<body", "<div", "<p>", "<p ", "<meta", "<title"]
        where head.contains(marker) {
            return .html
        }
        return .text
    }
}
