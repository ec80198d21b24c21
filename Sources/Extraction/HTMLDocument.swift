import Foundation

/// A parsed HTML page: its element tree and the metadata it declares about itself (meta tags,
/// JSON-LD, `<title>`, `<time>`, canonical link), gathered in one pass over the tokens.
struct HTMLDocument {
    private(set) var tree: DocumentTree
    private(set) var metadata = PageMetadata()

    private var builder = TreeBuilder()
    /// The first few `<h1>` texts: one of them is usually the visible headline.
    private var headings: [String] = []
    private var headingText: [UInt8]?
    /// The `<title>` element: often suffixed with the site's name, so a fallback.
    private var documentTitle: String?
    private var structuredData: [String] = []
    /// The first `<time datetime>`, a weaker source of the date than meta tags and JSON-LD.
    private var timeElementDate: String?
    /// The text of the first byline-like element (`itemprop=author`, `rel=author`, class "author…").
    private var bylineText: [UInt8]?
    private var bylineDepth = 0
    private var byline: String?
    /// Set by `<script type="application/ld+json">`: its content is structured data.
    private var inStructuredData = false
    /// The first date written out in short visible text ("Published on July 18, 2025").
    private var visibleDate: String?
    /// A date written in the byline ("By Ann Lee, Jul 18, 2025").
    private var bylineDate: String?

    init(bytes: [UInt8]) {
        tree = DocumentTree()
        builder = TreeBuilder(expectedBytes: bytes.count)
        let isValidUTF8 = CharsetDetector.isValidUTF8(bytes)
        let otherNames = HTMLTokenizer.reading(bytes, onlyKnownAttributes: true) { tokenizer in
            while let token = tokenizer.next() {
                handle(token, in: tokenizer.document, isValidUTF8: isValidUTF8)
            }
            return tokenizer.otherNames
        }
        builder.nameOtherElements(otherNames)
        finish(bytes)
    }

    /// Feeds one token to the tree and to the metadata read along the way.
    @inline(__always)
    private mutating func handle(_ token: consuming HTMLToken, in bytes: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool)
    {
        switch consume token {
        case let .startTag(name, traits, attributes, selfClosing):
            startTag(name, traits: traits, attributes: attributes, selfClosing: selfClosing, isValidUTF8: isValidUTF8)
        case let .endTag(name):
            if bylineText != nil { bylineText?.append(0x20) }
            if let text = bylineText, !name.traits.contains(.void) {
                bylineDepth -= 1
                if bylineDepth <= 0 {
                    let line = TextNormalizer.collapseWhitespace(bytes: text)
                    bylineDate = bylineDate ?? DateText.read(line, language: metadata.declaredLanguage)
                    byline = BylineText.names(line)
                    bylineText = nil
                }
            }
            if headingText != nil, name != .h1, name.traits.contains(.blockBoundary) {
                headingText?.append(0x20)
            }
            if let heading = headingText, name == .h1 {
                let text = TextNormalizer.collapseWhitespace(bytes: heading)
                if !text.isEmpty { headings.append(text) }
                headingText = nil
            }
            builder.close(name)
        case let .text(range):
            let written = builder.text(UnsafeBufferPointer(rebasing: bytes[range]), isValidUTF8: isValidUTF8)
            guard headingText != nil || bylineText != nil || visibleDate == nil else { break }
            let text = builder.tree.textBytes(in: written)
            if headingText != nil { headingText?.append(contentsOf: text) }
            if bylineText != nil { bylineText?.append(contentsOf: text) }
            if visibleDate == nil, text.count < 120, text.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                visibleDate = DateText.read(String(decoding: text, as: UTF8.self), language: metadata.declaredLanguage)
            }
        case let .rawText(name, range):
            // Scripts, styles and titles are not text of the page; their content feeds metadata.
            rawText(name, UnsafeBufferPointer(rebasing: bytes[range]))
        case .comment: break
        case .doctype: break
        }
    }

    private mutating func startTag(
        _ name: ElementName, traits: ElementTraits, attributes: TagAttributes, selfClosing: Bool, isValidUTF8: Bool
    ) {
        if traits.contains(.readByDocument) {
            readAttributes(of: name, attributes)
            if name == .script {
                inStructuredData = attributes.contains {
                    $0.known == .type && ByteSearch.contains(attributes.value($0), "ld+json")
                }
            }
            if name == .h1, headings.count < 5 { headingText = [] }
        }
        if byline == nil, bylineText == nil, Self.isByline(attributes) {
            bylineText = []
            bylineDepth = 0
        }
        if bylineText != nil {
            // Elements side by side are laid out apart: "Ann Lee</p><p>Jan 2" is two phrases.
            bylineText?.append(0x20)
            if !traits.contains(.void) { bylineDepth += 1 }
        }
        builder.open(
            name, traits: traits, attributes: attributes, selfClosing: selfClosing, documentIsValidUTF8: isValidUTF8)
        // A block, a line break or a picture inside the headline parts its words.
        if headingText != nil, traits.contains(.blockBoundary) || name == .img { headingText?.append(0x20) }
    }

    /// Once every token is in: the tree, and the metadata chosen from what was read.
    private mutating func finish(_ bytes: [UInt8]) {
        tree = builder.tree
        tree.document = bytes
        builder = TreeBuilder()
        for json in structuredData {
            metadata.fillGaps(from: StructuredData.metadata(fromJSONLD: json))
        }
        if metadata.authors.isEmpty, let byline { metadata.authors = BylineText.split(byline) }
        let language = metadata.declaredLanguage
        func readDate(_ text: String) -> String? { DateText.read(text, language: language) }
        metadata.published =
            (metadata.published.flatMap(readDate) ?? metadata.published)
            ?? timeElementDate.flatMap(readDate)
            ?? metadata.canonicalURL.flatMap(DateText.fromURL) ?? bylineDate ?? visibleDate
            ?? metadata.modified.flatMap(readDate)
        // A time stamp in UTC can fall on the day after the one the page shows its readers.
        if let shown = bylineDate ?? visibleDate, let published = metadata.published,
            let gap = DateText.daysBetween(shown, published), gap == 1 || gap == -1
        {
            metadata.published = shown
        }
        metadata.title = TitleCleaner.choose(
            headings: headings, metaTitle: metadata.title ?? documentTitle,
            siteName: metadata.siteName)
    }

    private static func isByline(_ attributes: TagAttributes) -> Bool {
        for attribute in attributes.list {
            switch attribute.known {
            case .itemprop, .rel:
                // Only six bytes, or a character reference, can read "author": no string otherwise.
                let written = attributes.writtenValue(attribute)
                guard written.count == 6 || written.contains(UInt8(ascii: "&")) else { continue }
                if attributes.value(attribute) == "author" { return true }
            case .class:
                // Cheap test first, on the bytes as written: most classes mention neither.
                guard attribute.valueRange.count >= 6,
                    ByteSearch.mayHoldIgnoringASCIICase(attributes.writtenValue(attribute), "author", or: "byline")
                else { continue }
                if namesByline(attributes.value(attribute)) { return true }
            default: break
            }
        }
        return false
    }

    /// Whether a class value, cut at every byte that is not a letter, holds a byline's word.
    /// Bytes of characters beyond ASCII count as letters: they belong to a longer word.
    private static func namesByline(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count {
                if index < bytes.count, bytes[index] >= 0x80 || ASCIICase.isLetter(bytes[index]) { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                // Lengths first: most words are neither six nor ten bytes long.
                if word.count == 6, word.elementsEqual("author".utf8) || word.elementsEqual("byline".utf8) {
                    return true
                }
                if word.count == 10, word.elementsEqual("authorname".utf8) { return true }
                start = index + 1
            }
            return false
        }
    }

    /// Reads what the elements that say something about the page (all common names) declare.
    private mutating func readAttributes(of name: ElementName, _ attributes: TagAttributes) {
        switch name.commonName {
        case "meta": readMeta(attributes)
        case "link": readLink(attributes)
        case "html":
            if let lang = attributes.value(of: .lang), !lang.isEmpty {
                metadata.declaredLanguage = lang
            }
        case "base":
            if metadata.baseHref == nil { metadata.baseHref = attributes.value(of: .href) }
        case "time":
            if timeElementDate == nil,
                let datetime = attributes.value(of: .datetime), !datetime.isEmpty
            {
                timeElementDate = datetime
            }
        default: break
        }
    }

    private mutating func rawText(_ name: ElementName, _ bytes: UnsafeBufferPointer<UInt8>) {
        switch name {
        case .title:
            if documentTitle == nil {
                let title = TextNormalizer.collapseWhitespace(
                    CharacterReferences.decode(bytes, inAttribute: false, lowercasingASCII: false))
                if !title.isEmpty { documentTitle = title }
            }
        case .script:
            let trimmed = bytes.drop(while: { $0 <= 0x20 })
            if inStructuredData, let first = trimmed.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
                trimmed.count < 1 << 20
            {
                structuredData.append(String(decoding: trimmed, as: UTF8.self))
            }
        default: break
        }
    }

    // MARK: Metadata

    private mutating func readMeta(_ attributes: TagAttributes) {
        let key =
            (attributes.first { $0.known == .property || $0.known == .name || $0.known == .itemprop })
            .map(attributes.value) ?? ""
        guard let field = MetaField.byKey[key], let content = attributes.value(of: .content), !content.isEmpty else {
            return
        }
        let value = TextNormalizer.collapseWhitespace(content)
        switch field {
        case .title: metadata.title = metadata.title ?? value
        case .description: metadata.description = metadata.description ?? value
        case .siteName: metadata.siteName = metadata.siteName ?? value
        case .image: metadata.image = metadata.image ?? value
        case .author:
            if metadata.authors.isEmpty, !value.hasPrefix("http") { metadata.authors = [value] }
        case .published: metadata.published = metadata.published ?? value
        case .modified: metadata.modified = metadata.modified ?? value
        case .keywords:
            if metadata.tags.isEmpty { metadata.tags = MetaField.keywords(value) }
        case .tag: metadata.tags.append(value)
        case .type:
            if value.lowercased() == "article" { metadata.isArticle = true }
            if value.lowercased().hasSuffix("product") { metadata.isProduct = true }
        case .url: metadata.canonicalURL = metadata.canonicalURL ?? value
        }
    }

    private mutating func readLink(_ attributes: TagAttributes) {
        guard attributes.contains(where: { $0.known == .rel && attributes.value($0) == "canonical" }),
            let href = attributes.value(of: .href), !href.isEmpty
        else { return }
        metadata.canonicalURL = href
    }
}
