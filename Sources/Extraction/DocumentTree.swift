/// A light DOM: elements and text in flat arrays, linked by index. Built in one pass over the
/// tokens with the end tags HTML lets pages leave out (`<p>`, `<li>`, `<td>` …) implied, and a
/// depth limit so that hostile nesting costs memory, never stack or quadratic time.
struct DocumentTree {
    typealias NodeID = Int32
    static let none: NodeID = -1

    /// What a node is and where it sits, in one plain value per node: building the tree appends
    /// one of these rather than one entry to each of several arrays.
    fileprivate struct Node {
        var parent: NodeID
        var firstChild: NodeID = DocumentTree.none
        var lastChild: NodeID = DocumentTree.none
        var nextSibling: NodeID = DocumentTree.none
        /// The attributes that matter for extraction.
        var flags: ElementFlags
        /// What the element's name says about it.
        var traits: ElementTraits
        /// A text node's bytes in `textBytes`; empty for elements.
        var textStart = 0
        var textEnd = 0
        /// An element's hint in `hintBytes`.
        var hintStart = 0
        var hintEnd = 0
    }

    private var nodes: [Node] = []
    /// Element names, by number (`ElementName`); text nodes have `DocumentTree.textName`.
    private var names: [ElementName] = []
    /// What the names numbered after the common ones are.
    private var otherNames: [String] = []
    /// The name of text nodes, whose names read as empty.
    static let textName = ElementName(id: -1)
    /// Each element's lower-cased class and id, space separated (what boilerplate patterns are
    /// matched against), one after another.
    private var hintBytes: [UInt8] = []
    /// Where the hint of the next node appended starts in `hintBytes`.
    private var pendingHintStart = 0
    /// The document the tree was built from (shared, not copied): link targets point into it.
    var document: [UInt8] = []
    /// Each `<a href>`, in document order: the element and its value's bytes in `document`.
    private(set) var links: [(node: NodeID, href: Range<Int>)] = []
    /// Every text node's decoded text (raw white space), one after another in document order:
    /// one buffer rather than a string to build, check and free for each.
    private var textBytes: [UInt8] = []

    struct ElementFlags: OptionSet {
        let rawValue: UInt8
        static let hidden = ElementFlags(rawValue: 1)
        static let articleBody = ElementFlags(rawValue: 2)
        static let navigationRole = ElementFlags(rawValue: 4)
        static let mainRole = ElementFlags(rawValue: 8)
        /// A link to a place on the same page (`href="#…"`).
        static let inPageLink = ElementFlags(rawValue: 16)
        /// Hidden by the `hidden` attribute (a collapsed section), not by a style.
        static let hiddenAttribute = ElementFlags(rawValue: 32)
        /// A text node: set by the tree itself, so that telling text from elements reads the
        /// node alone.
        static let text = ElementFlags(rawValue: 64)
    }

    var count: Int { names.count }
    var root: NodeID { 0 }

    /// An empty tree; `expectedBytes`, the size of the document it will hold, sets aside room
    /// for its usual number of nodes, text and hints, so that the arrays rarely grow and copy.
    /// On the corpus pages a node comes every 104 bytes or so, and text and hints are about a
    /// tenth of the bytes each.
    init(expectedBytes: Int = 0) {
        nodes.reserveCapacity(expectedBytes / 96)
        names.reserveCapacity(expectedBytes / 96)
        textBytes.reserveCapacity(expectedBytes / 8)
        hintBytes.reserveCapacity(expectedBytes / 10)
        appendNode(name: .root, traits: ElementName.root.traits, parent: Self.none, flags: [])
    }

    /// The element's name; empty for a text node.
    func name(_ node: NodeID) -> String {
        let name = names[Int(node)]
        return name == Self.textName ? "" : name.string(others: otherNames)
    }

    /// The element's name as a number, to compare with `ElementName`'s.
    func elementName(_ node: NodeID) -> ElementName { names[Int(node)] }

    /// What the names numbered after the common ones are (`HTMLTokenizer.otherNames`).
    mutating func nameOtherElements(_ names: [String]) { otherNames = names }
    /// Records that `node` (an `<a>`) links to the value at `href` in the document.
    mutating func addLink(_ node: NodeID, href: Range<Int>) { links.append((node, href)) }
    func parent(_ node: NodeID) -> NodeID { nodes[Int(node)].parent }
    func hint(_ node: NodeID) -> String { String(decoding: hintBytes(node), as: UTF8.self) }
    /// The element's hint, as UTF-8.
    func hintBytes(_ node: NodeID) -> ArraySlice<UInt8> {
        hintBytes[hintRange(node)]
    }
    /// Where the element's hint lies in the store of every hint (`withHintStore`).
    func hintRange(_ node: NodeID) -> Range<Int> { nodes[Int(node)].hintStart..<nodes[Int(node)].hintEnd }
    /// Calls `body` with every element's hint, one after another.
    func withHintStore<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        hintBytes.withUnsafeBufferPointer(body)
    }
    func flags(_ node: NodeID) -> ElementFlags { nodes[Int(node)].flags }
    func text(_ node: NodeID) -> String { String(decoding: textBytes(node), as: UTF8.self) }
    /// A text node's UTF-8 bytes (empty for an element).
    func textBytes(_ node: NodeID) -> ArraySlice<UInt8> {
        let node = nodes[Int(node)]
        return textBytes[node.textStart..<node.textEnd]
    }
    /// Bytes `appendText` wrote.
    func textBytes(in range: Range<Int>) -> ArraySlice<UInt8> { textBytes[range] }
    /// How many bytes a text node's text has.
    func textLength(_ node: NodeID) -> Int { nodes[Int(node)].textEnd - nodes[Int(node)].textStart }
    func traits(_ node: NodeID) -> ElementTraits { nodes[Int(node)].traits }
    func isText(_ node: NodeID) -> Bool { nodes[Int(node)].flags.contains(.text) }

    /// Whether text appended under `parent` now would start a line of output: it would be the
    /// first child of a block, or follow one.
    func opensLine(under parent: NodeID, parentTraits: ElementTraits) -> Bool {
        let last = nodes[Int(parent)].lastChild
        if last == Self.none { return parentTraits.contains(.blockBoundary) }
        return !isText(last) && nodes[Int(last)].traits.contains(.blockBoundary)
    }

    /// The children of `node`, in document order.
    func children(_ node: NodeID) -> ChildSequence {
        ChildSequence(nodes: nodes, upcoming: nodes[Int(node)].firstChild)
    }

    /// The children of a node; it holds the nodes alone, not a copy of the whole tree, which
    /// would retain and release each of the tree's arrays on every walk through a node.
    struct ChildSequence: Sequence, IteratorProtocol {
        private let nodes: [Node]
        private var upcoming: NodeID
        fileprivate init(nodes: [Node], upcoming: NodeID) {
            self.nodes = nodes
            self.upcoming = upcoming
        }
        mutating func next() -> NodeID? {
            guard upcoming != DocumentTree.none else { return nil }
            defer { upcoming = nodes[Int(upcoming)].nextSibling }
            return upcoming
        }
    }

    /// Writes bytes of the hint of the next element appended (`write` puts them on the end of
    /// the buffer it is given), straight into the tree's store of hints, after a space when
    /// that hint already holds bytes.
    mutating func appendToHint(_ write: (inout [UInt8]) -> Void) {
        if hintBytes.count > pendingHintStart { hintBytes.append(0x20) }
        write(&hintBytes)
    }

    /// An element or text node under `parent`; its hint is what `appendToHint` wrote since the
    /// node before it.
    @discardableResult
    mutating func appendNode(
        name: ElementName, traits: ElementTraits, parent: NodeID, flags: ElementFlags, text: Range<Int> = 0..<0
    ) -> NodeID {
        let id = NodeID(names.count)
        let hintStart = pendingHintStart
        pendingHintStart = hintBytes.count
        nodes.append(
            Node(
                parent: parent, flags: flags, traits: traits, textStart: text.lowerBound, textEnd: text.upperBound,
                hintStart: hintStart, hintEnd: hintBytes.count))
        names.append(name)
        if parent != Self.none {
            let last = nodes[Int(parent)].lastChild
            if last == Self.none { nodes[Int(parent)].firstChild = id } else { nodes[Int(last)].nextSibling = id }
            nodes[Int(parent)].lastChild = id
        }
        return id
    }

    /// Appends text to `parent`, merging with a text node right before it: `write` puts the
    /// text's bytes on the end of the buffer it is given. Returns where they went, for
    /// `textBytes(in:)`.
    @discardableResult
    mutating func appendText(to parent: NodeID, _ write: (inout [UInt8]) -> Void) -> Range<Int> {
        let last = nodes[Int(parent)].lastChild
        guard last != Self.none, isText(last) else {
            let start = textBytes.count
            write(&textBytes)
            appendNode(name: Self.textName, traits: [], parent: parent, flags: .text, text: start..<textBytes.count)
            return start..<textBytes.count
        }
        if nodes[Int(last)].textEnd != textBytes.count {
            // Text written since belongs to other nodes: this node's text moves to the end, to
            // stay one run of bytes. (Building in document order, it never has to.)
            let moved = Array(textBytes[nodes[Int(last)].textStart..<nodes[Int(last)].textEnd])
            nodes[Int(last)].textStart = textBytes.count
            textBytes.append(contentsOf: moved)
        }
        let start = textBytes.count
        write(&textBytes)
        nodes[Int(last)].textEnd = textBytes.count
        return start..<textBytes.count
    }
}
