import Foundation

/// Pulls the main text and the metadata out of an HTML document.
///
/// It walks the token stream once, keeping a stack of open elements; the text of elements that
/// are boilerplate by name (nav, footer, forms) or by class and id (cookie banners, share bars,
/// comments, sidebars) is dropped, and the rest is cut into blocks at block-level elements.
struct HTMLContentExtractor {
    /// A run of text between two block boundaries.
    struct Block {
        var text: String
        var isHeading: Bool
        var linkCharacters: Int
        var insideArticle: Bool
    }

    private static let skippedElements: Set<String> = [
        "nav", "footer", "aside", "form", "button", "select", "option", "svg", "menu", "dialog", "template",
        "figcaption", "label", "fieldset",
    ]
    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "figure", "address", "body",
    ]
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    /// Class and id words that mark boilerplate containers.
    private static let boilerplateMarkers = [
        "cookie", "consent", "share", "sharing", "social", "comment", "sidebar", "related", "newsletter",
        "subscribe", "advert", "promo", "banner", "breadcrumb", "menu", "navbar", "footer", "popup", "modal",
        "signup", "teaser", "recommend", "widget", "outbrain", "taboola",
    ]

    private(set) var blocks: [Block] = []
    private(set) var metadata = PageMetadata()

    private var stack: [(name: String, skips: Bool)] = []
    private var skipDepth = 0
    private var articleDepth = 0
    private var linkDepth = 0
    private var headingDepth = 0
    private var current: [UInt8] = []
    private var currentLinkCharacters = 0
    private var currentIsHeading = false
    private var firstHeading: String?
    /// The `<title>` element: often suffixed with the site's name, so a fallback.
    private var documentTitle: String?
    private var structuredData: [String] = []

    init(document bytes: [UInt8]) {
        var tokenizer = HTMLTokenizer(bytes)
        while let token = tokenizer.next() {
            switch token {
            case let .startTag(name, attributes, selfClosing):
                open(name, attributes: attributes, selfClosing: selfClosing)
            case let .endTag(name):
                close(name)
            case let .text(range):
                if skipDepth == 0 { appendText(bytes[range]) }
            case let .rawText(name, range):
                rawText(name, bytes[range])
            }
        }
        flushBlock()
        for json in structuredData {
            metadata.fillGaps(from: StructuredData.metadata(fromJSONLD: json))
        }
        if metadata.title == nil { metadata.title = documentTitle ?? firstHeading }
    }

    // MARK: Elements

    private mutating func open(_ name: String, attributes: [HTMLAttribute], selfClosing: Bool) {
        switch name {
        case "meta": readMeta(attributes)
        case "link": readLink(attributes)
        case "html":
            if let lang = attributes.first(where: { $0.name == "lang" })?.value, !lang.isEmpty {
                metadata.declaredLanguage = lang
            }
        case "time":
            if skipDepth == 0, metadata.published == nil,
               let datetime = attributes.first(where: { $0.name == "datetime" })?.value, !datetime.isEmpty {
                metadata.published = datetime
            }
        default: break
        }
        if Self.blockElements.contains(name) { flushBlock() }
        guard !Self.voidElements.contains(name), !selfClosing else { return }
        let skips = skipDepth == 0 && isBoilerplate(name, attributes)
        if skips { skipDepth += 1 }
        stack.append((name, skips))
        switch name {
        case "article", "main": articleDepth += 1
        case "a": linkDepth += 1
        case "h1", "h2", "h3", "h4", "h5", "h6": headingDepth += 1; currentIsHeading = true
        default: break
        }
        // Bound the stack so 100,000 unclosed elements cost memory, not time per token.
        if stack.count > 4096 { stack.removeFirst(stack.count - 4096) }
    }

    private mutating func close(_ name: String) {
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        if Self.blockElements.contains(name) { flushBlock() }
        for element in stack[index...].reversed() {
            if element.skips { skipDepth -= 1 }
            switch element.name {
            case "article", "main": articleDepth -= 1
            case "a": linkDepth -= 1
            case "h1", "h2", "h3", "h4", "h5", "h6": headingDepth -= 1
            default: break
            }
        }
        stack.removeSubrange(index...)
    }

    private func isBoilerplate(_ name: String, _ attributes: [HTMLAttribute]) -> Bool {
        if Self.skippedElements.contains(name) { return true }
        if name == "header" && articleDepth == 0 { return true }
        for attribute in attributes where attribute.name == "class" || attribute.name == "id" || attribute.name == "role" {
            let value = attribute.value.lowercased()
            if attribute.name == "role", ["navigation", "banner", "contentinfo", "complementary", "dialog"].contains(value) {
                return true
            }
            if Self.boilerplateMarkers.contains(where: { value.contains($0) }) { return true }
        }
        if attributes.contains(where: { $0.name == "hidden" || ($0.name == "aria-hidden" && $0.value == "true") }) {
            return true
        }
        return false
    }

    // MARK: Text

    private mutating func appendText(_ bytes: ArraySlice<UInt8>) {
        let before = current.count
        current.append(contentsOf: bytes)
        if linkDepth > 0 { currentLinkCharacters += current.count - before }
    }

    private mutating func flushBlock() {
        defer {
            current.removeAll(keepingCapacity: true)
            currentLinkCharacters = 0
            currentIsHeading = headingDepth > 0
        }
        guard current.contains(where: { $0 > 0x20 }) else { return }
        let text = TextNormalizer.collapseWhitespace(CharacterReferences.decode(current[...]))
        guard !text.isEmpty else { return }
        if currentIsHeading, firstHeading == nil { firstHeading = text }
        blocks.append(Block(
            text: text, isHeading: currentIsHeading,
            linkCharacters: currentLinkCharacters, insideArticle: articleDepth > 0
        ))
    }

    private mutating func rawText(_ name: String, _ bytes: ArraySlice<UInt8>) {
        switch name {
        case "title":
            if documentTitle == nil {
                let title = TextNormalizer.collapseWhitespace(CharacterReferences.decode(bytes))
                if !title.isEmpty { documentTitle = title }
            }
        case "script":
            // The tokenizer drops a raw-text element's attributes, so recognise JSON-LD by shape.
            let trimmed = bytes.drop(while: { $0 <= 0x20 })
            if let first = trimmed.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
               trimmed.count < 1 << 20, String(decoding: trimmed.prefix(400), as: UTF8.self).contains("@context") {
                structuredData.append(String(decoding: trimmed, as: UTF8.self))
            }
        default: break
        }
    }

    // MARK: Metadata

    private mutating func readMeta(_ attributes: [HTMLAttribute]) {
        let key = (attributes.first { $0.name == "property" || $0.name == "name" || $0.name == "itemprop" }?.value ?? "").lowercased()
        guard let content = attributes.first(where: { $0.name == "content" })?.value, !content.isEmpty else { return }
        let value = TextNormalizer.collapseWhitespace(content)
        switch key {
        case "og:title", "twitter:title": metadata.title = metadata.title ?? value
        case "description", "og:description", "twitter:description": metadata.description = metadata.description ?? value
        case "og:site_name", "application-name": metadata.siteName = metadata.siteName ?? value
        case "og:image", "twitter:image", "image": metadata.image = metadata.image ?? value
        case "author", "article:author", "byl", "sailthru.author":
            if metadata.authors.isEmpty, !value.hasPrefix("http") { metadata.authors = [value] }
        case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "og:published_time":
            metadata.published = metadata.published ?? value
        case "keywords", "news_keywords":
            if metadata.tags.isEmpty {
                metadata.tags = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
        case "article:tag":
            metadata.tags.append(value)
        case "og:url":
            metadata.canonicalURL = metadata.canonicalURL ?? value
        default: break
        }
    }

    private mutating func readLink(_ attributes: [HTMLAttribute]) {
        guard attributes.contains(where: { $0.name == "rel" && $0.value.lowercased() == "canonical" }),
              let href = attributes.first(where: { $0.name == "href" })?.value, !href.isEmpty else { return }
        metadata.canonicalURL = href
    }
}
