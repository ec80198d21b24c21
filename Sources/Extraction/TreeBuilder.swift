/// Feeds tokens into a `DocumentTree`, keeping the stack of open elements and implying the
/// end tags HTML allows pages to omit.
struct TreeBuilder {
    private(set) var tree: DocumentTree
    /// The open elements; `foreign`: inside an <svg> or <math>, where the rules of XML apply.
    private var stack = [OpenElement(name: .root, traits: ElementName.root.traits, node: 0, foreign: false)]

    /// An element on the stack; a struct, not a tuple, so that popping one is specialised code
    /// rather than the runtime's generic destruction of a tuple.
    private struct OpenElement {
        let name: ElementName
        let traits: ElementTraits
        let node: DocumentTree.NodeID
        let foreign: Bool
    }

    /// A style attribute's value, decoded here so its storage is reused.
    private var style: [UInt8] = []

    /// Whether a <head> is open.
    private var inHead = false

    /// Where the search for an element to close implicitly stops, by the element's kind.
    private enum Scope {
        case list, definition, table, row, select, body

        func stops(at name: ElementName) -> Bool {
            switch self {
            case .list: name == .ul || name == .ol || name == .menu
            case .definition: name == .dl
            case .table: name == .table || name == .tbody || name == .thead || name == .tfoot
            case .row: name == .tr || name == .table
            case .select: name == .select
            case .body: name == .body || name == .html
            }
        }
    }

    /// Deeper elements are flattened into their ancestor: bounded depth, bounded work.
    static let maximumDepth = 512

    /// A builder of the tree of a document of `expectedBytes` bytes.
    init(expectedBytes: Int = 0) {
        tree = DocumentTree(expectedBytes: expectedBytes)
    }

    /// What the names numbered after the common ones are (`HTMLTokenizer.otherNames`).
    mutating func nameOtherElements(_ names: [String]) { tree.nameOtherElements(names) }

    /// Opens an element; `documentIsValidUTF8`: the attributes' document needs no repair.
    mutating func open(
        _ name: ElementName, traits: ElementTraits, attributes: TagAttributes, selfClosing: Bool = false,
        documentIsValidUTF8: Bool = false
    ) {
        // A page that never closes its <head> has its body in it: the first element that
        // cannot be in a head closes it, as in browsers (else the whole page sits in "head",
        // which is never content).
        if inHead, !traits.contains(.headContent) { close(.head) }
        let special = traits.contains(.specialInTree)
        if special, name == .head { inHead = true }
        // Nor is <main> ever inside an aside or a nav: one left open closes before it.
        if special, name == .main {
            closeImplied(.aside, scope: .body); closeImplied(.nav, scope: .body)
        }
        if traits.contains(.closesParagraph) { closeImplied(.p) { _, traits in traits.contains(.paragraphScope) } }
        if traits.contains(.impliesEndTag) {
            switch name {
            case .li: closeImplied(.li, scope: .list)
            case .dt, .dd: closeImplied(.dd, scope: .definition); closeImplied(.dt, scope: .definition)
            case .tr: closeImplied(.tr, scope: .table)
            case .td, .th: closeImplied(.td, scope: .row); closeImplied(.th, scope: .row)
            case .option: closeImplied(.option, scope: .select)
            default: break
            }
        }
        var flags: DocumentTree.ElementFlags = []
        var isTabPanel = false
        var href: Range<Int>?
        for attribute in attributes.list {
            switch attribute.known {
            case .class, .id:
                // Decoded straight into the tree's hint of the node about to be appended; a
                // second value joins the first with one space.
                tree.appendToHint { hint in
                    attributes.appendValue(attribute, documentIsValidUTF8: documentIsValidUTF8, to: &hint)
                }
            case .itemprop:
                if ByteSearch.contains(attributes.value(attribute), "articlebody") { flags.insert(.articleBody) }
            case .role:
                switch attributes.value(attribute) {
                case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alert",
                    "search":
                    flags.insert(.navigationRole)
                case "main", "article": flags.insert(.mainRole)
                // A tab's panel is content the reader switches to, hidden or not.
                case "tabpanel": isTabPanel = true
                default: break
                }
            case .href:
                guard traits.contains(.link) else { break }
                href = attribute.valueRange
                // "Skip to content", "Back to top", table-of-contents and footnote jumps.
                if attributes.firstValueByte(attribute) == UInt8(ascii: "#") { flags.insert(.inPageLink) }
            case .hidden: flags.formUnion([.hidden, .hiddenAttribute])
            case .ariaHidden:
                // Hidden from assistive technology only: collapsed accordions and tabs carry it,
                // and their text is content.
                break
            case .style:
                // Most styles hide nothing: the bytes as written are tried first, cheaply.
                guard
                    ByteSearch.mayHoldIgnoringASCIICase(attributes.writtenValue(attribute), "none", or: "hidden")
                else { break }
                if hidesElement(attribute, of: attributes, documentIsValidUTF8: documentIsValidUTF8) {
                    flags.insert(.hidden)
                }
            default: break
            }
        }
        if isTabPanel { flags.subtract([.hidden, .hiddenAttribute]) }
        let parent = stack[stack.count - 1].node
        let node = tree.appendNode(name: name, traits: traits, parent: parent, flags: flags)
        if let href, !flags.contains(.inPageLink) { tree.addLink(node, href: href) }
        // In SVG and MathML, "<path/>" closes itself (in HTML the slash means nothing): else
        // every later element of the page would nest inside the drawing.
        let foreign = stack[stack.count - 1].foreign || (special && (name == .svg || name == .math))
        if !traits.contains(.void), !(selfClosing && foreign), stack.count < Self.maximumDepth {
            stack.append(OpenElement(name: name, traits: traits, node: node, foreign: foreign))
        }
    }

    /// Whether a style value, its spaces taken out, says `display:none` or `visibility:hidden`.
    private mutating func hidesElement(
        _ attribute: HTMLAttribute, of attributes: TagAttributes, documentIsValidUTF8: Bool
    ) -> Bool {
        style.removeAll(keepingCapacity: true)
        attributes.appendValue(attribute, documentIsValidUTF8: documentIsValidUTF8, to: &style)
        style.removeAll { $0 == 0x20 }
        return style.withUnsafeBufferPointer {
            ByteSearch.contains(bytes: $0, "display:none", or: "visibility:hidden")
        }
    }

    mutating func close(_ name: ElementName) {
        if name == .head { inHead = false }
        // Close the nearest open element of that name, and everything opened inside it.
        var index = stack.count - 1
        let limit = max(1, stack.count - 64)
        while index >= limit {
            if stack[index].name == name {
                popStack(to: index)
                return
            }
            index -= 1
        }
        // A "</p>" with no open paragraph is an empty one: a paragraph break.
        if name == .p {
            tree.appendNode(
                name: .p, traits: ElementName.p.traits,
                parent: stack[stack.count - 1].node, flags: [])
        }
    }

    /// Adds a text token's bytes, character references decoded, to the open element; where the
    /// decoded bytes went in the tree (`DocumentTree.textBytes(in:)`). `isValidUTF8`: the
    /// document's bytes are, so the text needs no repair.
    @discardableResult
    mutating func text(_ raw: UnsafeBufferPointer<UInt8>, isValidUTF8: Bool) -> Range<Int> {
        let open = stack[stack.count - 1]
        // White space that starts a line of output (the indentation after "<div>" or after
        // "</p>") is never read: white space at a line's start is dropped. A node fewer for
        // every such run, about two fifths of a page's text runs.
        if tree.opensLine(under: open.node, parentTraits: open.traits), Self.isWhitespace(raw) {
            return 0..<0
        }
        return tree.appendText(to: open.node) { output in
            if isValidUTF8 {
                CharacterReferences.decode(raw, inAttribute: false, appendingTo: &output)
            } else {
                // Invalid sequences become U+FFFD token by token, as in a string of each.
                output.append(
                    contentsOf: CharacterReferences.decode(raw, inAttribute: false, lowercasingASCII: false).utf8)
            }
        }
    }

    /// Whether every byte is HTML white space (space, tab, line feed, form feed, return).
    private static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The five as bits of one word: a shift and a mask a byte.
        let whitespace: UInt64 = 1 << 0x20 | 1 << 0x0A | 1 << 0x09 | 1 << 0x0D | 1 << 0x0C
        for byte in bytes where byte > 0x20 || (whitespace >> UInt64(byte)) & 1 == 0 { return false }
        return true
    }

    /// Closes the open elements from `index` up. One by one: `removeLast` is specialised code,
    /// where removing a subrange goes through the generic `replaceSubrange` (2 % of extraction).
    private mutating func popStack(to index: Int) {
        while stack.count > index { stack.removeLast() }
    }

    /// Closes the nearest open `name` and what it holds, unless an element where the search
    /// stops comes first.
    private mutating func closeImplied(_ name: ElementName, scope: Scope) {
        closeImplied(name) { open, _ in scope.stops(at: open) }
    }

    private mutating func closeImplied(
        _ name: ElementName, stopsAt isBoundary: (ElementName, ElementTraits) -> Bool
    ) {
        // Look a bounded way up: an implied end tag closes a near element, and a bound keeps
        // deeply nested pages linear.
        var index = stack.count - 1
        let limit = max(0, stack.count - 24)
        while index > limit {
            let open = stack[index]
            if open.name == name {
                popStack(to: index)
                return
            }
            if isBoundary(open.name, open.traits) { return }
            index -= 1
        }
    }
}
