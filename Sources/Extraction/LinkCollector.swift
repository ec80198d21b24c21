import PageModel

/// The links of a page for its link graph: each `<a href>` that leads to a web page, resolved
/// against the page's base, with its anchor text and where it stands (`PageLink.Kind`): in the
/// content the record's text was rendered from, in the page's navigation, or elsewhere.
enum LinkCollector {
    /// At most this many links a page: link farms and sitemaps hold tens of thousands.
    static let maximumLinks = 2000
    /// Anchor texts are cut to this many bytes (at a character's start).
    static let maximumTextBytes = 300

    /// The page's links of `kinds`, each URL once (where it first stands in the content, else
    /// first anywhere), in the order of first use. `content`: the `<a>` elements rendered as
    /// content. Links of other kinds are not resolved at all: most pages' links are menus.
    static func links(
        of tree: DocumentTree, content: [DocumentTree.NodeID], kinds: Set<PageLink.Kind>,
        resolver: LinkURL.Resolver
    ) -> [PageLink] {
        guard !tree.links.isEmpty, !kinds.isEmpty else { return [] }
        let inContent = Set(content)
        let onlyContent = kinds == [.content]
        let inNavigation = onlyContent ? [] : navigationNodes(tree)
        var links: [PageLink] = []
        var placeOfURL: [String: Int] = [:]
        for (node, href) in tree.links {
            let isContent = inContent.contains(node)
            if onlyContent, !isContent { continue }
            let kind: PageLink.Kind = isContent ? .content : inNavigation[Int(node)] ? .navigation : .boilerplate
            guard kinds.contains(kind), let url = resolver.resolve(written: tree.document[href]) else { continue }
            if let place = placeOfURL[url] {
                // The same address again: a content link outranks one elsewhere, and a text
                // outranks an image link's none.
                if kind == .content, links[place].kind != .content { links[place].kind = .content }
                if links[place].text.isEmpty { links[place].text = anchorText(of: node, in: tree) }
                continue
            }
            guard links.count < maximumLinks else { continue }
            placeOfURL[url] = links.count
            links.append(PageLink(url: url, text: anchorText(of: node, in: tree), kind: kind))
        }
        return links
    }

    /// Per node: inside a `<nav>`, `<header>`, `<footer>` or `<menu>`, or an element whose
    /// role is navigation, a banner, a menu or the like. Parents come before children.
    private static func navigationNodes(_ tree: DocumentTree) -> [Bool] {
        var inside = [Bool](repeating: false, count: tree.count)
        for index in 1..<tree.count {
            let node = DocumentTree.NodeID(index)
            inside[index] =
                inside[Int(tree.parent(node))] || tree.flags(node).contains(.navigationRole)
                || tree.traits(node).contains(.navigation)
        }
        return inside
    }

    /// The text inside an element, white space collapsed.
    static func anchorText(of node: DocumentTree.NodeID, in tree: DocumentTree) -> String {
        // Most links hold one run of text and nothing else.
        var children = tree.children(node)
        if let only = children.next(), children.next() == nil, tree.isText(only),
            tree.textLength(only) <= maximumTextBytes
        {
            return TextNormalizer.collapseWhitespace(bytes: tree.textBytes(only))
        }
        var bytes: [UInt8] = []
        var pending = [node]
        while let next = pending.popLast(), bytes.count < maximumTextBytes * 2 {
            if tree.isText(next) {
                bytes.append(contentsOf: tree.textBytes(next))
                continue
            }
            // Children last first, so that they come off in document order; a break between
            // elements reads as a space ("Read<br>more").
            bytes.append(0x20)
            let start = pending.count
            for child in tree.children(next) { pending.append(child) }
            pending[start...].reverse()
        }
        let text = TextNormalizer.collapseWhitespace(bytes: bytes)
        guard text.utf8.count > maximumTextBytes else { return text }
        // Cut where a character starts: back past UTF-8 continuation bytes.
        let utf8 = Array(text.utf8)
        var end = maximumTextBytes
        while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }
}
