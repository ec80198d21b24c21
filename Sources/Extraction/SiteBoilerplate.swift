import PageModel

/// The lines a site prints on many of its pages (its newsletter box, its standard notes),
/// learned from a first pass over the site's scraped text pages: a line the shape rules cannot
/// tell from a subheading or a short paragraph is told by repetition. Lines of four words or
/// more seen on `minimumPages` pages are boilerplate; a shorter repeated line (a box's
/// button, "Subscribe") only beside such a line. So is a lead the site sets off with a colon
/// before other articles' titles ("Das könnte Sie interessieren:"), seen on as many pages.
public struct SiteBoilerplate: Sendable {
    /// Pages a line must be seen on.
    public var minimumPages: Int
    private var pagesByLine: [UInt64: Int] = [:]
    /// The lines seen on enough pages, by key.
    public private(set) var lines: Set<UInt64> = []
    private var pagesByLead: [UInt64: Int] = [:]
    /// The leads seen on enough pages, by key.
    public private(set) var leads: Set<UInt64> = []

    /// A learner that calls a line boilerplate once it is seen on `minimumPages` pages.
    public init(minimumPages: Int = 3) {
        self.minimumPages = max(2, minimumPages)
    }

    /// Counts the lines of one page (each once, however often the page repeats it). Only
    /// scraped text is read: HTML has its markup to tell its furniture by.
    public mutating func learn(from page: RawPage) {
        guard let text = Extractor.plainText(of: page) else { return }
        let lineTexts = PlainTextExtractor.lines(of: text).map { TextNormalizer.collapseWhitespace(String($0)) }
        for key in Set(lineTexts.filter { !$0.isEmpty }.map(Self.key)) {
            let seen = pagesByLine[key, default: 0] + 1
            pagesByLine[key] = seen
            if seen >= minimumPages { lines.insert(key) }
        }
        for key in Set(lineTexts.compactMap(Self.leadKey)) {
            let seen = pagesByLead[key, default: 0] + 1
            pagesByLead[key] = seen
            if seen >= minimumPages { leads.insert(key) }
        }
    }

    /// The site a page comes from: its address's host, or else the folder it was read from.
    public static func site(of page: RawPage) -> String {
        if let url = page.url, let start = url.range(of: "://")?.upperBound {
            return String(url[start...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }).lowercased()
        }
        return String(page.id.reversed().drop { $0 != "/" }.reversed())
    }

    /// A line's key: a hash of its words, lower-cased, however it is spaced.
    static func key(_ line: String) -> UInt64 {
        TextMeasures.fnv1a(line.lowercased().utf8.lazy.filter { $0 != 0x20 })
    }

    /// The key of a line's lead: two to five words before a colon or a dash, in a line of at
    /// most sixteen words that ends no sentence.
    private static func leadKey(_ line: String) -> UInt64? {
        guard !PlainTextExtractor.endsAsSentence(line) else { return nil }
        let separators = [":", "：", " – ", " — ", " - "]
        guard let cut = separators.compactMap({ line.range(of: $0)?.lowerBound }).min(), cut > line.startIndex,
            line[cut...].count > 3
        else { return nil }
        let lead = line[..<cut]
        let words = lead.split(separator: " ").count
        guard (2...5).contains(words), line.split(separator: " ").count <= 16 else { return nil }
        return key(String(lead))
    }

    /// `body` without the site's repeated lines.
    func filter(_ body: [TextLine]) -> [TextLine] {
        guard !lines.isEmpty || !leads.isEmpty else { return body }
        let repeated = body.map {
            lines.contains(Self.key($0.text)) || Self.leadKey($0.text).map(leads.contains) == true
        }
        // Four words, or a line of Chinese or Japanese (no spaces) of six characters or more.
        let long = body.indices.map {
            repeated[$0] && (body[$0].words.count >= 4 || (body[$0].words.count == 1 && body[$0].text.count >= 6))
        }
        let kept = body.indices.compactMap { index -> TextLine? in
            if long[index] { return nil }
            let besideLong = (index > 0 && long[index - 1]) || (index + 1 < body.count && long[index + 1])
            return repeated[index] && besideLong ? nil : body[index]
        }
        // A page whose text the site repeats is a copy of another page (the same story at two
        // addresses), not furniture: it keeps its text.
        let words = body.reduce(0) { $0 + $1.words.count }, keptWords = kept.reduce(0) { $0 + $1.words.count }
        return keptWords * 2 < words ? body : kept
    }
}
