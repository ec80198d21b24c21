import Foundation

/// Chooses and renders the main content of a parsed page.
enum MainContentSelector {
    /// The main text: blocks separated by blank lines, list items by line breaks.
    static func text(of tree: DocumentTree) -> String {
        let locator = ContentLocator(tree: tree)
        var renderer = BlockRenderer(tree: tree, locator: locator)
        let blocks = renderer.render(locator.mainContent())
        var output = ""
        var previousWasListItem = false
        for block in blocks {
            // Rows of links (tag lists, "read more" teasers) are navigation, not content.
            if block.linkShare > 0.6 && !block.isHeading { continue }
            if !output.isEmpty { output += block.isListItem && previousWasListItem ? "\n" : "\n\n" }
            output += block.text
            previousWasListItem = block.isListItem
        }
        return output
    }
}

extension Extractor {
    /// Why the extractor chose what it chose: the path of each content root, with its text
    /// length and link density. For `pagemill extract --explain`.
    public func explain(_ page: RawPage) -> String {
        let document = HTMLDocument(bytes: page.body)
        let tree = document.tree
        let locator = ContentLocator(tree: tree)
        var lines: [String] = []
        func path(of start: DocumentTree.NodeID) -> String {
            var path: [String] = []
            var node = start
            while node > 0 {
                let hint = tree.hint(node)
                path.append(tree.name(node) + (hint.isEmpty ? "" : "[\(hint.prefix(40))]") + (locator.excluded[Int(node)] ? "(excluded)" : ""))
                node = tree.parent(node)
            }
            return path.reversed().joined(separator: " > ")
        }
        var longest: DocumentTree.NodeID = 0
        for index in 0..<tree.count where tree.isText(DocumentTree.NodeID(index)) && tree.text(DocumentTree.NodeID(index)).utf8.count > tree.text(longest).utf8.count {
            longest = DocumentTree.NodeID(index)
        }
        lines.append("longest text: \(path(of: longest))")
        for root in locator.mainContent() {
            var path: [String] = []
            var node = root
            while node > 0 {
                let hint = tree.hint(node)
                path.append(tree.name(node) + (hint.isEmpty ? "" : "[\(hint.prefix(40))]") + (locator.excluded[Int(node)] ? "(excluded)" : ""))
                node = tree.parent(node)
            }
            lines.append("content root: \(path.reversed().joined(separator: " > "))")
            lines.append("  text \(locator.length(root)) bytes, link density \(String(format: "%.2f", locator.linkDensity(root)))")
        }
        return lines.joined(separator: "\n")
    }
}
