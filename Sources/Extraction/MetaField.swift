/// What a `<meta>` tag's `name`, `property` or `itemprop` says its content is, for the few keys
/// a page's metadata is read from; pages carry dozens of others (viewport, theme colours,
/// verification tokens), which a look-up turns away at once rather than after a comparison
/// with every key read.
enum MetaField: Sendable {
    case title, description, siteName, image, author, published, modified, keywords, tag, type, url

    /// The keys, lower-cased as the tokenizer hands them over.
    static let byKey: [String: MetaField] = {
        var table: [String: MetaField] = [:]
        let keys: [(MetaField, [String])] = [
            (.title, ["og:title", "twitter:title"]),
            (.description, ["description", "og:description", "twitter:description"]),
            (.siteName, ["og:site_name", "application-name"]),
            (.image, ["og:image", "twitter:image", "image"]),
            (.author, ["author", "article:author", "byl", "sailthru.author"]),
            (
                .published,
                [
                    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
                    "dc.date.issued", "og:published_time", "published", "publication_date",
                    "citation_publication_date", "parsely-pub-date", "sailthru.date", "dcterms.created",
                    "dc.date.created", "datecreated", "article.published",
                ]
            ),
            (
                .modified,
                ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified"]
            ),
            (.keywords, ["keywords", "news_keywords"]),
            (.tag, ["article:tag"]),
            (.type, ["og:type"]),
            (.url, ["og:url"]),
        ]
        for (field, names) in keys {
            for name in names { table[name] = field }
        }
        return table
    }()

    /// A keywords list's entries: split at commas, white space trimmed from each as Foundation's
    /// `.whitespaces` set has it (tabs, the space separators and the zero-width space), empty
    /// ones dropped.
    static func keywords(_ value: String) -> [String] {
        value.split(separator: ",").map(trimmingSpaces).filter { !$0.isEmpty }
    }

    private static func trimmingSpaces(_ text: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
