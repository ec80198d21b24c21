import Foundation
import PageModel
/// Turns the chosen content elements into text blocks: one a paragraph, heading, list item or
/// table row, in document order, leaving out what is boilerplate inside the content too
/// (share bars, related-article lists, link-only rows).
struct BlockRenderer {
    /// One rendered block.
    struct Block {
        var text: String
        var isHeading: Bool
        var isListItem: Bool
        var linkShare: Double
        /// Words in `text`, counted once: trimming and the record's word count both need them.
        var wordCount: Int
    }

    let tree: DocumentTree
    let locator: ContentLocator
    /// True on pages made of links (listings, news fronts): link density then says nothing.
    let linksAreContent: Bool

    private var blocks: [Block] = []
    /// The `<a>` elements rendered, in document order: the content's own links.
    private(set) var renderedLinks: [DocumentTree.NodeID] = []
    /// Text (non-space bytes) a hidden box beside the content needs to be read.
    static let minimumRevealedLength: Int32 = 200
    /// The text length of the content root being rendered.
    private var rootLength = 0
    private var currentRoot = DocumentTree.none
    private var current: [UInt8] = []
    private var currentLinkBytes = 0
    private var currentInPageLinkBytes = 0
    private var linkDepth = 0
    private var inPageLinkDepth = 0
    private var headingDepth = 0
    private var listItemDepth = 0
    private var currentIsHeading = false
    private var currentIsListItem = false

    init(tree: DocumentTree, locator: ContentLocator, linksAreContent: Bool = false) {
        self.tree = tree
        self.locator = locator
        self.linksAreContent = linksAreContent
    }

    /// The blocks of the given content roots.
    mutating func render(_ roots: [DocumentTree.NodeID]) -> [Block] {
        for root in roots {
            currentRoot = root
            rootLength = locator.length(root)
            walk(root)
        }
        flush()
        return blocks
    }

    private mutating func walk(_ root: DocumentTree.NodeID) {
        // Iterative depth-first walk: (node, entering?) pairs, so depth costs no stack.
        var pending: [(DocumentTree.NodeID, Bool)] = [(root, true)]
        while let (node, entering) = pending.popLast() {
            if tree.isText(node) {
                append(tree.textBytes(node))
                continue
            }
            let traits = tree.traits(node)
            if entering {
                // A block left out still ends the line before it: the text after it starts anew.
                if traits.contains(.blockBoundary) { flush() }
                guard node == root || keeps(node) else { continue }
                // Names are compared only for the few elements whose traits say they may match:
                // most elements are none of these, and a name compared is a call into the runtime.
                if traits.contains(.link) {
                    linkDepth += 1
                    if tree.flags(node).contains(.inPageLink) { inPageLinkDepth += 1 }
                    renderedLinks.append(node)
                } else if traits.contains(.impliesEndTag) {
                    switch tree.name(node) {
                    case "li", "dt", "dd": listItemDepth += 1; currentIsListItem = true
                    case "td", "th": current.append(0x20)
                    default: break
                    }
                } else if traits.contains(.heading) {
                    headingDepth += 1
                    currentIsHeading = true
                }
                pending.append((node, false))
                // Children go on the stack last first, so that they come off in document order.
                let firstChild = pending.count
                for child in tree.children(node) { pending.append((child, true)) }
                pending[firstChild...].reverse()
            } else {
                if traits.contains(.blockBoundary) { flush() }
                if traits.contains(.link) {
                    linkDepth -= 1
                    if tree.flags(node).contains(.inPageLink) { inPageLinkDepth -= 1 }
                } else if traits.contains(.impliesEndTag) {
                    switch tree.name(node) {
                    case "li", "dt", "dd": listItemDepth -= 1
                    case "td", "th": current.append(0x20)
                    default: break
                    }
                } else if traits.contains(.heading) {
                    headingDepth -= 1
                }
            }
        }
    }

    /// An `<h1>`: its name is compared only when its traits say it is a heading.
    private func isHeadline(_ node: DocumentTree.NodeID) -> Bool {
        tree.traits(node).contains(.heading) && tree.name(node) == "h1"
    }

    /// Whether a node inside the content is rendered: not boilerplate by nature, and not a
    /// container that is mostly links or says it is something else.
    private func keeps(_ node: DocumentTree.NodeID) -> Bool {
        if locator.excluded[Int(node)] {
            guard locator.revealable[Int(node)], !isHeadline(node) else { return false }
            // A collapsed part of the content is read. A hidden box of the page's own (a dialog, a
            // promotion) sits straight in the body or beside the content, and is read only when
            // it holds a good deal of text: pages that stream their content in hidden parts
            // put them there too.
            guard tree.flags(node).contains(.hiddenAttribute) else { return true }
            let parent = tree.parent(node)
            let besideContent = parent == currentRoot || tree.name(parent) == "body" || tree.name(parent) == "html"
            return !besideContent || locator.revealableLength[Int(node)] >= Self.minimumRevealedLength
        }
        // The headline is the record's title, not a paragraph of its text.
        if isHeadline(node) { return false }
        guard tree.traits(node).contains(.cleanedContainer) else { return true }
        let name = tree.name(node)
        if tree.flags(node).contains(.articleBody) { return true }
        let length = locator.length(node)
        // What holds nearly all of the chosen content is that content, whatever its class says
        // (a `flex-nav-expanded` layout grid around a short post).
        if length * 10 >= rootLength * 9 { return true }
        let density = linksAreContent ? 0 : locator.linkDensity(node)
        // A container whose class says boilerplate goes, unless it holds a good deal of text.
        if locator.weight(node) < 0 && length < 500 { return false }
        if name == "ul" || name == "ol" { return density < 0.5 || length > 2000 }
        if name == "p" { return true }
        // Whole pages sit in a <form> on some platforms; a small form is a comment or sign-up box.
        if name == "form" { return length > 1000 && density < 0.5 }
        return density < 0.5 || length > 1000
    }

    /// "Brand NewBrand New", "Free delivery. Free delivery.": a label printed twice in a row, once
    /// for the eye and once for screen readers, is read once.
    static func withoutEcho(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard count >= 8 else { return nil }
            // The halves, with or without one space between them.
            for gap in [0, 1] where (count - gap) % 2 == 0 {
                let half = (count - gap) / 2
                // Spaced, a half must be a sentence or a phrase of three words: "Bora Bora" is a name.
                if gap == 1 {
                    guard bytes[half] == 0x20 else { continue }
                    let isSentence = [0x2E, 0x21, 0x3F].contains(bytes[half - 1])
                    guard isSentence || bytes[..<half].lazy.filter({ $0 == 0x20 }).count >= 2 else { continue }
                }
                if memcmp(bytes.baseAddress!, bytes.baseAddress! + half + gap, half) == 0 {
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<half]), as: UTF8.self)
                }
            }
            return nil
        } ?? text
    }

    private mutating func append(_ text: ArraySlice<UInt8>) {
        current.append(contentsOf: text)
        // Visible bytes only: the white space between a menu's links is not prose either.
        guard linkDepth > 0 else { return }
        let visible = text.withUnsafeBufferPointer(ByteCounts.visibleAndCommas).visible
        currentLinkBytes += visible
        if inPageLinkDepth > 0 { currentInPageLinkBytes += visible }
    }

    private mutating func flush() {
        defer {
            current.removeAll(keepingCapacity: true)
            currentLinkBytes = 0
            currentInPageLinkBytes = 0
            currentIsHeading = headingDepth > 0
            currentIsListItem = listItemDepth > 0
        }
        let visible = current.withUnsafeBufferPointer(ByteCounts.visibleAndCommas).visible
        // A block that is only a jump within the page ("Skip to content", "Back to top") is furniture.
        guard visible > 0, currentInPageLinkBytes < visible else { return }
        let text = Self.withoutEcho(TextNormalizer.collapseWhitespace(bytes: current))
        guard !text.isEmpty else { return }
        blocks.append(
            Block(
                text: text, isHeading: currentIsHeading, isListItem: currentIsListItem,
                linkShare: Double(currentLinkBytes) / Double(visible),
                wordCount: TextMeasures.wordCount(text)))
    }
}
