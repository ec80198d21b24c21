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
