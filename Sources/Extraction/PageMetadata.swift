/// What a page says about itself, gathered from wherever it put it.
struct PageMetadata {
    var title: String?
    var authors: [String] = []
    var published: String?
    /// When the page was last changed: the date of last resort, for a page that gives no other.
    var modified: String?
    var declaredLanguage: String?
    var description: String?
    var siteName: String?
    var tags: [String] = []
    var image: String?
    var canonicalURL: String?
    /// The first `<base href>`: what the page's relative links are resolved against.
    var baseHref: String?
    /// True when the page calls itself an article (og:type, JSON-LD @type): its content is
    /// then one container, never the whole page.
    var isArticle = false
    /// True when the page calls itself a product (og:type, JSON-LD @type): its description
    /// sits among reviews and recommendations that often outweigh it.
    var isProduct = false
    /// True when the page is a discussion (JSON-LD DiscussionForumPosting, QAPage): its
    /// comments and replies are the content.
    var isDiscussion = false

    /// Fills whatever is still missing from `other`.
    mutating func fillGaps(from other: PageMetadata) {
        title = title ?? other.title
        if authors.isEmpty { authors = other.authors }
        published = published ?? other.published
        modified = modified ?? other.modified
        declaredLanguage = declaredLanguage ?? other.declaredLanguage
        description = description ?? other.description
        siteName = siteName ?? other.siteName
        if tags.isEmpty { tags = other.tags }
        image = image ?? other.image
        canonicalURL = canonicalURL ?? other.canonicalURL
        isArticle = isArticle || other.isArticle
        isProduct = isProduct || other.isProduct
        isDiscussion = isDiscussion || other.isDiscussion
    }
}
