/// Finds the elements that hold a page's main content.
///
/// First, the page's own markers (`itemprop="articleBody"`); failing those, readability's
/// scoring: each paragraph scores by its length and commas, passes the score to its parent and
/// grandparent, and the best-scoring container, discounted by its share of link text, wins,
/// together with the siblings that look like more of the same.
struct ContentLocator {
    let tree: DocumentTree
    /// Nodes outside the content by their nature: scripts, navigation, hidden, unlikely classes.
    private(set) var excluded: [Bool]
    /// Per node: text length (bytes, white space excluded), link text length, commas.
    private(set) var textLength: [Int32]
    private(set) var linkLength: [Int32]
    /// What each element's class and id say about it; worked out only for elements still in
    /// the running once scripts, navigation and hidden parts are set aside.
    private(set) var verdicts: [BoilerplatePatterns.Verdict]
    /// Per node: excluded only because the `hidden` attribute collapses it (or an ancestor);
    /// rendered when it lies inside the chosen content.
    private(set) var revealable: [Bool] = []
    /// Per revealable node: the text it would add.
    private(set) var revealableLength: [Int32] = []
    /// Per node: links inside it.
    private var linkCount: [Int32]
    private var commas: [Int32]
    /// Per text node: its own non-space bytes and commas, counted once for the passes below.
    private let ownLength: [Int32]
    private let ownCommas: [Int32]

    /// True on discussion pages: comments and replies are content there.
    let isDiscussion: Bool

    init(tree: DocumentTree, isDiscussion: Bool = false) {
        self.tree = tree
        self.isDiscussion = isDiscussion
        let count = tree.count
        excluded = [Bool](repeating: false, count: count)
        textLength = [Int32](repeating: 0, count: count)
        linkLength = [Int32](repeating: 0, count: count)
        linkCount = [Int32](repeating: 0, count: count)
        commas = [Int32](repeating: 0, count: count)
        verdicts = [BoilerplatePatterns.Verdict](repeating: [], count: count)
        var ownLength = [Int32](repeating: 0, count: count)
        var ownCommas = [Int32](repeating: 0, count: count)
        var totalTextLength: Int32 = 0
        for index in 1..<count where tree.isText(DocumentTree.NodeID(index)) {
            (ownLength[index], ownCommas[index]) = Self.measure(tree.textBytes(DocumentTree.NodeID(index)))
            totalTextLength += ownLength[index]
        }
        self.ownLength = ownLength
        self.ownCommas = ownCommas
        // A button that holds a heading is an accordion's title, not a control: it stays in.
        var holdsHeading = [Bool](repeating: false, count: count)
        for index in 1..<count where tree.traits(DocumentTree.NodeID(index)).contains(.heading) {
            var ancestor = tree.parent(DocumentTree.NodeID(index))
            var steps = 0
            while ancestor > 0, steps < 8 {
                if tree.traits(ancestor).contains(.neverContent), tree.name(ancestor) == "button" {
                    holdsHeading[Int(ancestor)] = true
                    break
                }
                ancestor = tree.parent(ancestor)
                steps += 1
            }
        }
        // Parents come before children, so one forward pass settles exclusion, and one
        // backward pass sums each subtree's text into its root. First what is never content…
        for index in 1..<count {
            let node = DocumentTree.NodeID(index)
            excluded[index] =
                excluded[Int(tree.parent(node))] || (Self.isNeverContent(tree, node) && !holdsHeading[index])
        }
        sumText()
        // Some pages ship their content hidden and let scripts reveal it: when what is visible
        // is a sliver of the text, hidden elements count as visible after all.
        if textLength[0] * 10 < totalTextLength {
            for index in 1..<count {
                let node = DocumentTree.NodeID(index)
                excluded[index] =
                    excluded[Int(tree.parent(node))]
                    || (Self.isNeverContent(tree, node, honouringHidden: false) && !holdsHeading[index])
            }
            sumText()
        }
        // …then what class names call boilerplate, unless it holds much of the page's text:
        // a wrapper named "page-ad-margins" or "container penci_sidebar" may hold the article.
        let pageText = max(1, textLength[0])
        var changed = false
        var hintVerdicts = RunMemo<BoilerplatePatterns.Verdict>()
        for index in 1..<count where !excluded[index] {
            let node = DocumentTree.NodeID(index)
            if excluded[Int(tree.parent(node))] { excluded[index] = true; changed = true; continue }
            if !tree.isText(node) { verdicts[index] = Self.verdict(of: node, in: tree, memo: &hintVerdicts) }
            if isUnlikely(node) && textLength[index] * 10 < pageText * 3 {
                excluded[index] = true
                changed = true
            }
        }
        if changed { sumText() }
        // What only the `hidden` attribute keeps out (a collapsed answer, a "show more" part):
        // not counted when choosing the content, but read when it lies inside it.
        revealable = [Bool](repeating: false, count: count)
        for index in 1..<count where excluded[index] {
            let node = DocumentTree.NodeID(index)
            let parent = Int(tree.parent(node))
            guard excluded[parent] ? revealable[parent] : tree.flags(node).contains(.hiddenAttribute) else { continue }
            guard !tree.traits(node).contains(.neverContent), !tree.flags(node).contains(.navigationRole) else {
                continue
            }
            if tree.flags(node).contains(.hidden), !tree.flags(node).contains(.hiddenAttribute) { continue }
            if !tree.isText(node), saysBoilerplate(Self.verdict(of: node, in: tree, memo: &hintVerdicts)) { continue }
            revealable[index] = true
        }
        revealableLength = [Int32](repeating: 0, count: count)
        for index in stride(from: count - 1, to: 0, by: -1) where revealable[index] {
            revealableLength[index] += ownLength[index]
            revealableLength[Int(tree.parent(DocumentTree.NodeID(index)))] += revealableLength[index]
        }
    }

    /// What an element's class and id say, each distinct hint of the page worked out once.
    private static func verdict(
        of node: DocumentTree.NodeID, in tree: DocumentTree, memo: inout RunMemo<BoilerplatePatterns.Verdict>
    ) -> BoilerplatePatterns.Verdict {
        let range = tree.hintRange(node)
        guard !range.isEmpty else { return [] }
        return tree.withHintStore { store in memo.value(of: range, in: store, BoilerplatePatterns.verdict) }
    }

    private mutating func sumText() {
        for index in textLength.indices {
            textLength[index] = 0
            linkLength[index] = 0
            linkCount[index] = 0
            commas[index] = 0
        }
        for index in stride(from: tree.count - 1, to: 0, by: -1) {
            let node = DocumentTree.NodeID(index)
            guard !excluded[index] else { continue }
            textLength[index] += ownLength[index]
            commas[index] += ownCommas[index]
            if tree.traits(node).contains(.link) {
                linkLength[index] = textLength[index]
                linkCount[index] += 1
            }
            let parent = Int(tree.parent(node))
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            linkCount[parent] += linkCount[index]
            commas[parent] += commas[index]
        }
    }

    /// Scripts, navigation, hidden elements: never content, whatever they hold.
    static func isNeverContent(_ tree: DocumentTree, _ node: DocumentTree.NodeID, honouringHidden: Bool = true) -> Bool
    {
        if tree.isText(node) { return false }
        if tree.traits(node).contains(.neverContent) { return true }
        let flags = tree.flags(node)
        return (honouringHidden && flags.contains(.hidden)) || flags.contains(.navigationRole)
    }

    /// readability's class weight, with comments counted against an element except on a
    /// discussion page.
    func weight(_ node: DocumentTree.NodeID) -> Double {
        let verdict = verdicts[Int(node)]
        let againstComments = !isDiscussion && verdict.contains(.discussion) && !verdict.contains(.negative)
        return verdict.weight - (againstComments ? 25 : 0)
    }

    /// Elements whose class or id calls them boilerplate.
    private func isUnlikely(_ node: DocumentTree.NodeID) -> Bool {
        if tree.isText(node) { return false }
        let traits = tree.traits(node)
        if tree.flags(node).contains(.articleBody) || traits.contains(.neverUnlikely) { return false }
        let verdict = verdicts[Int(node)]
        // (A name is compared only where the traits allow it: <header> is a navigation element.)
        if traits.contains(.navigation), !verdict.contains(.maybeContent), tree.name(node) == "header" { return true }
        return saysBoilerplate(verdict)
    }

    /// Whether a class-and-id verdict calls an element boilerplate: comments count as such
    /// except on a discussion page.
    private func saysBoilerplate(_ verdict: BoilerplatePatterns.Verdict) -> Bool {
        (verdict.contains(.unlikely) || (verdict.contains(.discussion) && !isDiscussion))
            && !verdict.contains(.maybeContent)
    }

    /// Non-space bytes and commas in a text.
    private static func measure(_ text: ArraySlice<UInt8>) -> (Int32, Int32) {
        let (visible, commas) = text.withUnsafeBufferPointer(ByteCounts.visibleAndCommas)
        return (Int32(truncatingIfNeeded: visible), Int32(truncatingIfNeeded: commas))
    }

    func linkDensity(_ node: DocumentTree.NodeID) -> Double {
        let text = textLength[Int(node)]
        return text == 0 ? 0 : Double(linkLength[Int(node)]) / Double(text)
    }

    func length(_ node: DocumentTree.NodeID) -> Int { Int(textLength[Int(node)]) }

    /// Text outside links.
    private func plainLength(_ node: DocumentTree.NodeID) -> Int { Int(textLength[Int(node)] - linkLength[Int(node)]) }

    // MARK: Choosing

    /// The content's top-level nodes, in document order.
    func mainContent(isArticle: Bool = false, isProduct: Bool = false) -> [DocumentTree.NodeID] {
        if let marked = markedContent() { return [marked] }
        var scores = [Double](repeating: 0, count: tree.count)
        var scored = [Bool](repeating: false, count: tree.count)
        var candidates: [DocumentTree.NodeID] = []
        // Whether each element reads as a paragraph, settled once: loose text asks of its parent.
        var paragraph = [Bool](repeating: false, count: tree.count)
        for index in 1..<tree.count where !excluded[index] && !tree.isText(DocumentTree.NodeID(index)) {
            paragraph[index] = isScoredParagraph(DocumentTree.NodeID(index))
        }
        for index in 1..<tree.count where !excluded[index] {
            let node = DocumentTree.NodeID(index)
            // Text straight inside a container that also holds blocks ("<div><p>…</p>Story text<br>")
            // is a paragraph too, though no element says so.
            let looseText =
                tree.isText(node) && tree.traits(tree.parent(node)).contains(.looseTextParent)
                && !paragraph[Int(tree.parent(node))]
            guard paragraph[index] || looseText else { continue }
            let length = Int(textLength[index])
            guard length >= 25 else { continue }
            let score = 1 + Double(commas[index]) + min(Double(length) / 100, 3)
            var ancestor = tree.parent(node)
            var level = 0
            while ancestor > 0, level < 3 {
                let slot = Int(ancestor)
                if !scored[slot] {
                    scored[slot] = true
                    scores[slot] = baseScore(ancestor)
                    candidates.append(ancestor)
                }
                scores[slot] += score / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                ancestor = tree.parent(ancestor)
                level += 1
            }
        }
        guard !candidates.isEmpty else { return [tree.root] }
        var best = candidates[0]
        var bestScore = -Double.infinity
        for candidate in candidates {
            let final = scores[Int(candidate)] * (1 - linkDensity(candidate))
            scores[Int(candidate)] = final
            if final > bestScore { (best, bestScore) = (candidate, final) }
        }
        // A lone child wrapper adds nothing: climb while the parent holds just this content.
        var top = best
        while tree.parent(top) > 0 {
            let parent = tree.parent(top)
            if length(parent) > length(top) + length(top) / 5 { break }
            top = parent
        }
        // Of sibling articles, the one holding the headline is the story; the others are teasers.
        var foundStory = false
        // (On a discussion page the replies come after the post, and are content too.)
        if !isDiscussion, tree.name(top) == "article", let headline = headline(),
            let story = tree.children(tree.parent(top)).first(where: {
                tree.name($0) == "article" && contains($0, headline)
            })
        {
            top = story
            foundStory = true
            // Picked out from the teasers: short as it may be beside them, it is the content.
            if length(story) >= Self.minimumStoryLength { return [story] }
        }
        let chosen = withSiblings(
            top, scores: scores, scored: scored, topScore: bestScore, skippingArticles: foundStory)
        // Pages that are not one article (services, listings, forums, products) spread their
        // content over many containers; when the best one holds little of the page, take the page.
        // On a page of menus (many short links), link text is left out of both sides: menus
        // are not content. Long links are the items of listings, and count.
        let menus = linkCount[0] > 0 && linkLength[0] / linkCount[0] < Self.menuLinkLength
        let measure = menus ? plainLength : length
        let chosenLength = chosen.reduce(0) { $0 + measure($1) }
        // A page that calls itself an article needs stronger evidence that its text is spread out.
        let share =
            isProduct ? Self.productFallbackShare : isArticle ? Self.articleFallbackShare : Self.pageFallbackShare
        if Double(chosenLength) < Double(measure(tree.root)) * share {
            // The content is spread out: take the nearest container of the chosen part that
            // holds most of the page (its header and footer left out), else the whole page.
            var ancestor = tree.parent(top)
            while ancestor > 0, Double(measure(ancestor)) < Double(measure(tree.root)) * Self.spreadContentShare {
                ancestor = tree.parent(ancestor)
            }
            return [max(ancestor, tree.root)]
        }
        return chosen
    }

    /// The share of the page's text a container needs to stand for a page whose content is spread out.
    static let spreadContentShare = 0.8
    static let pageFallbackShare = 0.5
    static let articleFallbackShare = 0.3
    static let productFallbackShare = 0.2
    /// Text, in non-space bytes, an article holding the headline needs to stand as the content.
    static let minimumStoryLength = 500
    /// Average link text, in non-space bytes, below which a page's links are menus.
    static let menuLinkLength: Int32 = 20

    /// The first `<h1>` with text: the page's headline, usually. (Its header may have been set
    /// aside as boilerplate; it still marks where the story is.)
    private func headline() -> DocumentTree.NodeID? {
        for index in 1..<tree.count
        where tree.traits(DocumentTree.NodeID(index)).contains(.heading)
            && tree.name(DocumentTree.NodeID(index)) == "h1"
        {
            let heading = DocumentTree.NodeID(index)
            // Descendants follow their element in the arrays.
            var next = index + 1
            while next < tree.count, contains(heading, DocumentTree.NodeID(next)) {
                if tree.isText(DocumentTree.NodeID(next)),
                    tree.textBytes(DocumentTree.NodeID(next)).contains(where: { $0 > 0x20 })
                {
                    return heading
                }
                next += 1
            }
        }
        return nil
    }

    /// Whether `node` is `ancestor` or inside it.
    private func contains(_ ancestor: DocumentTree.NodeID, _ node: DocumentTree.NodeID) -> Bool {
        var step = node
        while step >= 0 {
            if step == ancestor { return true }
            step = tree.parent(step)
        }
        return false
    }

    private func isScoredParagraph(_ node: DocumentTree.NodeID) -> Bool {
        let traits = tree.traits(node)
        if traits.contains(.paragraphLike) { return true }
        // <div> and <section> are loose text parents; most elements are not.
        guard traits.contains(.looseTextParent) else { return false }
        let name = tree.name(node)
        guard name == "div" || name == "section" else { return false }
        // A div with text of its own and no block children is a paragraph in all but name.
        var hasText = false
        for child in tree.children(node) {
            if tree.traits(child).contains(.block) { return false }
            if tree.isText(child) && tree.textBytes(child).contains(where: { $0 > 0x20 }) { hasText = true }
        }
        return hasText
    }

    private func baseScore(_ node: DocumentTree.NodeID) -> Double {
        let name = tree.name(node)
        var score = Self.nameScores.value(for: name) ?? 0
        if name == "article" || tree.flags(node).contains(.mainRole) { score += 10 }
        return score + weight(node)
    }

    /// readability's score of an element by its name alone: one look-up, not a comparison with
    /// each name.
    private static let nameScores = ShortNameTable(
        [
            (5.0, ["div", "article", "main", "section"]), (3, ["pre", "td", "blockquote"]),
            (-3, ["address", "ol", "ul", "dl", "dd", "dt", "li", "form"]),
            (-5, ["h1", "h2", "h3", "h4", "h5", "h6", "th"]),
        ].flatMap { score, names in names.map { ($0, score) } })

    /// `top` with the siblings that look like more of the same; beside a story picked out by its
    /// headline (`skippingArticles`), sibling articles are other stories and stay out.
    private func withSiblings(
        _ top: DocumentTree.NodeID, scores: [Double], scored: [Bool], topScore: Double,
        skippingArticles: Bool
    ) -> [DocumentTree.NodeID] {
        let parent = tree.parent(top)
        guard parent >= 0 else { return [top] }
        let threshold = max(10, topScore * 0.2)
        var chosen: [DocumentTree.NodeID] = []
        for sibling in tree.children(parent) {
            if sibling == top { chosen.append(sibling); continue }
            guard !excluded[Int(sibling)], !tree.isText(sibling) else { continue }
            if skippingArticles, tree.name(sibling) == "article" { continue }
            if scored[Int(sibling)], scores[Int(sibling)] >= threshold { chosen.append(sibling); continue }
            if tree.name(sibling) == "p" {
                let length = self.length(sibling), density = linkDensity(sibling)
                if length > 80 && density < 0.25 { chosen.append(sibling) }
            }
        }
        return chosen
    }

    /// The element the page itself marks as the article body, when it holds real text.
    private func markedContent() -> DocumentTree.NodeID? {
        var best: DocumentTree.NodeID?
        for index in 1..<tree.count
        where !excluded[index] && tree.flags(DocumentTree.NodeID(index)).contains(.articleBody) {
            if textLength[index] >= 250, best.map({ textLength[Int($0)] < textLength[index] }) ?? true {
                best = DocumentTree.NodeID(index)
            }
        }
        return best
    }
}
