/// Chooses the blocks that make the main content out of everything a page's body held.
enum MainContentSelector {
    static func select(_ blocks: [HTMLContentExtractor.Block]) -> [String] {
        // When the page marks its article and the article holds real text, keep only that.
        let inArticle = blocks.filter(\.insideArticle)
        let articleWords = inArticle.reduce(0) { $0 + TextNormalizer.wordCount($1.text) }
        let candidates = articleWords >= 40 ? inArticle : blocks
        return candidates.compactMap { block in
            let characters = block.text.utf8.count
            // Link lists (menus, tag clouds, "related" rows) are mostly link text.
            if block.linkCharacters * 2 > characters, characters < 400 { return nil }
            return block.text
        }
    }
}
