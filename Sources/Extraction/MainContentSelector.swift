import Foundation
import PageModel

/// Chooses and renders the main content of a parsed page.
enum MainContentSelector {
    /// The main text: blocks separated by blank lines, list items by line breaks.
    /// `title` and `authors`, when known, are left out of the text where the page repeats them.
    static func text(
        of tree: DocumentTree, isArticle: Bool = false, isProduct: Bool = false,
        title: String? = nil, authors: [String] = []
    ) -> String {
        content(of: tree, isArticle: isArticle, isProduct: isProduct, title: title, authors: authors).text
    }

    /// The main text and its word count, summed over its blocks (they are joined by white
    /// space, so no word spans two): the text is not read again to count them; and the `<a>`
    /// elements rendered with it, the content's own links.
    static func content(
        of tree: DocumentTree, isArticle: Bool = false, isProduct: Bool = false, isDiscussion: Bool = false,
        title: String? = nil, authors: [String] = []
    ) -> (text: String, wordCount: Int, links: [DocumentTree.NodeID]) {
        let locator = ContentLocator(tree: tree, isDiscussion: isDiscussion)
        let roots = locator.mainContent(isArticle: isArticle, isProduct: isProduct)
        // On listings, link lists and news fronts the links are the content: keep them.
        let text = roots.reduce(0) { $0 + locator.length($1) }
        let links = roots.reduce(0) { $0 + Int(locator.linkLength[Int($1)]) }
        let linksAreContent = text > 0 && links * 5 > text * 2 && text - links < 1500
        var renderer = BlockRenderer(tree: tree, locator: locator, linksAreContent: linksAreContent)
        let rendered = renderer.render(roots)
        let blocks =
            linksAreContent ? rendered : trimmed(rendered, title: title, authors: authors, isArticle: isArticle)
        var output = ""
        var previousWasListItem = false
        var wordCount = 0
        // A paragraph the page prints two or three times (the same text laid out for two screen
        // sizes, a reply quoting the post above it) is read once.
        let keys = blocks.map { $0.wordCount >= minimumRepeatedWords ? TextKey($0.text) : nil }
        var occurrences: [TextKey: Int] = [:]
        for key in keys { if let key { occurrences[key, default: 0] += 1 } }
        let patterned = occurrences.values.contains { $0 > maximumRepeats }
        var seen = Set<TextKey>()
        for (block, key) in zip(blocks, keys) {
            if !patterned, let key, !seen.insert(key).inserted { continue }
            if isPipedRow(block) { continue }
            if isWallOfLinks(block) { continue }
            if !output.isEmpty { output += block.isListItem && previousWasListItem ? "\n" : "\n\n" }
            output += block.text
            previousWasListItem = block.isListItem
            wordCount += block.wordCount
        }
        return (output, wordCount, renderer.renderedLinks)
    }

    /// "new | past | comments | ask", "1 point by ann 5 minutes ago | hide | past | discuss": a
    /// row of short pieces between bars is a menu or an item's controls, not prose.
    static func isPipedRow(_ block: BlockRenderer.Block) -> Bool {
        guard block.wordCount <= 30 else { return false }
        let bars = block.text.utf8.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) }
        return bars >= 3 && block.wordCount <= (bars + 1) * 3
    }

    /// A hundred words of links run together (a filter's choices, a tag cloud) is a menu, even
    /// on a page whose content is links.
    static func isWallOfLinks(_ block: BlockRenderer.Block) -> Bool {
        block.wordCount >= 100 && block.linkShare >= 0.8
    }

    /// A paragraph's identity, for spotting repeats: its length and a 64-bit hash of its bytes,
    /// eight at a time (`ByteHash`). (Hashing a String normalises its Unicode first, which cost
    /// more than the rest of the rendering; FNV-1a, a byte a step, cost 2 % of extraction.)
    struct TextKey: Hashable {
        let count: Int
        let hash: UInt64

        init(_ text: String) {
            var text = text
            (count, hash) = text.withUTF8 { bytes in (bytes.count, ByteHash.hash(bytes)) }
        }
    }

    /// Paragraphs of at least this many words are printed once; shorter ones (a price, a "Yes")
    /// may rightly repeat.
    static let minimumRepeatedWords = 5
    /// A paragraph printed more often than this is the page's pattern (an interview's question,
    /// a meal plan's line): on such a page, every repeated paragraph is kept.
    static let maximumRepeats = 3

    /// Drops what surrounds an article inside its own container: link rows, datelines and
    /// bylines, "Advertisement" labels, and the short lines before the first real paragraph and
    /// after the last one (kickers, share prompts, related headlines).
    static func trimmed(
        _ blocks: [BlockRenderer.Block], title: String? = nil, authors: [String] = [],
        isArticle: Bool = false
    ) -> [BlockRenderer.Block] {
        let words = blocks.map(\.wordCount)
        func isSubstantial(_ index: Int) -> Bool {
            words[index] >= 12 && blocks[index].linkShare < 0.5 && !blocks[index].isHeading
        }
        guard let last = blocks.indices.last(where: isSubstantial) else {
            return blocks.filter { $0.linkShare <= 0.6 }
        }
        let first = blocks.indices.first(where: isSubstantial) ?? last
        let titleWords = title.map(TextMeasures.wordCount) ?? 0
        // Texts whose word counts differ by half cannot share 90 % of their words: skip the comparison.
        func isAboutAsLong(_ words: Int, _ titleWords: Int) -> Bool {
            words <= titleWords * 3 / 2 + 1 && titleWords <= words * 3 / 2 + 1
        }
        var kept: [BlockRenderer.Block] = []
        for index in blocks.indices {
            let block = blocks[index]
            // Rows of links (tag lists, "read more" teasers) are navigation, not content; off an
            // article, a link of four words or more is an item's name (a listing, a shop's shelf).
            if block.linkShare > 0.6 && !block.isHeading && (isArticle || words[index] < 4) { continue }

            if index > last && block.linkShare > 0.3 { continue }
            if words[index] <= 2 && !block.isListItem && !block.isHeading { continue }
            if words[index] <= 14 && looksLikeDateline(block.text) { continue }
            // A lone URL (the page's own address, printed for sharing) is not prose.
            if words[index] <= 20, isLoneURL(block.text) { continue }
            // Before the text starts: the title again, or the byline, repeated by the page.
            if index < first, let title, isAboutAsLong(words[index], titleWords),
                TitleCleaner.overlap(block.text, title) >= 0.9
            {
                continue
            }
            if index < first, words[index] <= 12, isByline(block.text, authors: authors) { continue }
            kept.append(block)
        }
        return kept
    }

    /// "Updated 5:27 am CST, Wednesday, November 20, 2019", "By Staff | Nov. 18, 2019 at 2:26 PM":
    /// a short line with a clock time or a year and no sentence in it.
    static func looksLikeDateline(_ text: String) -> Bool {
        guard let last = text.last, last != "." || text.hasSuffix(".m.") else { return false }
        let bytes = Array(text.utf8)
        var hasTime = false, hasYear = false
        for index in bytes.indices {
            if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: ":"), isDigit(bytes[index]),
                isDigit(bytes[index + 2])
            {
                hasTime = true
            }
            if index + 3 < bytes.count,
                (bytes[index] == UInt8(ascii: "1") && bytes[index + 1] == UInt8(ascii: "9"))
                    || (bytes[index] == UInt8(ascii: "2") && bytes[index + 1] == UInt8(ascii: "0")),
                isDigit(bytes[index + 2]), isDigit(bytes[index + 3]),
                index == 0 || !isDigit(bytes[index - 1]), index + 4 == bytes.count || !isDigit(bytes[index + 4])
            {
                hasYear = true
            }
        }
        return hasTime || (hasYear && TextMeasures.wordCount(text) <= 8)
    }

    private static func isLoneURL(_ text: String) -> Bool {
        // The prefixes first: most blocks fail them at once. The space test on bytes: a
        // string's `contains(" ")` is Foundation's, and costs a thousand times as much.
        (text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("www."))
            && !text.utf8.contains(0x20)
    }

    /// "By Ann Lee", "Written by Ann Lee on May 2": a byline marker first, or the author's name.
    private static func isByline(_ text: String, authors: [String]) -> Bool {
        if BylineText.startsWithMarker(text) { return true }
        return authors.contains { !$0.isEmpty && text.localizedCaseInsensitiveContains($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}

extension Extractor {
    /// Why the extractor chose what it chose: the path of each content root, with its text
    /// length and link density. For `pagemill extract --explain`.
    public func explain(_ page: RawPage) -> String {
        let document = HTMLDocument(bytes: CharsetDetector.utf8(page.body, declared: page.charset).bytes)
        let tree = document.tree
        let locator = ContentLocator(tree: tree, isDiscussion: document.metadata.isDiscussion)
        var lines: [String] = []
        func path(of start: DocumentTree.NodeID) -> String {
            var path: [String] = []
            var node = start
            while node > 0 {
                let hint = tree.hint(node)
                path.append(
                    tree.name(node) + (hint.isEmpty ? "" : "[\(hint.prefix(40))]")
                        + (locator.excluded[Int(node)] ? "(excluded)" : ""))
                node = tree.parent(node)
            }
            return path.reversed().joined(separator: " > ")
        }
        var longest: DocumentTree.NodeID = 0
        for index in 0..<tree.count
        where tree.isText(DocumentTree.NodeID(index))
            && tree.textLength(DocumentTree.NodeID(index)) > tree.textLength(longest)
        {
            longest = DocumentTree.NodeID(index)
        }
        lines.append("longest text: \(path(of: longest))")
        let metadata = document.metadata
        let kinds = [
            (metadata.isArticle, "article"), (metadata.isProduct, "product"), (metadata.isDiscussion, "discussion"),
        ]
        .filter(\.0).map(\.1)
        lines.append(
            "page: text \(locator.length(tree.root)) bytes, link density "
                + "\(String(format: "%.2f", locator.linkDensity(tree.root)))"
                + (kinds.isEmpty ? "" : "; says it is: " + kinds.joined(separator: ", ")))
        for root in locator.mainContent(isArticle: document.metadata.isArticle, isProduct: document.metadata.isProduct)
        {
            lines.append("content root: \(path(of: root))")
            lines.append(
                "  text \(locator.length(root)) bytes, link density "
                    + "\(String(format: "%.2f", locator.linkDensity(root)))"
            )
        }
        return lines.joined(separator: "\n")
    }
}
