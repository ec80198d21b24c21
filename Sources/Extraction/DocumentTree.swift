/// A light DOM: elements and text in flat arrays, linked by index. Built in one pass over the
/// tokens with the end tags HTML lets pages leave out (`<p>`, `<li>`, `<td>` …) implied, and a
/// depth limit so that hostile nesting costs memory, never stack or quadratic time.
struct DocumentTree {
    typealias NodeID = Int32
    static let none: NodeID = -1

    /// What a node is and where it sits, in one plain value per node: building the tree appends
    /// one of these rather than one entry to each of several arrays.
    private struct Node {
        var parent: NodeID
        var firstChild: NodeID = DocumentTree.none
        var lastChild: NodeID = DocumentTree.none
        var nextSibling: NodeID = DocumentTree.none
        /// The attributes that matter for extraction.
        var flags: ElementFlags
        /// What the element's name says about it.
        var traits: ElementTraits
    }

    private var nodes: [Node] = []
    /// Element names; text nodes have an empty name.
    private var names: [String] = []
    /// Lower-cased class and id, space separated: what boilerplate patterns are matched against.
    private var hints: [String] = []
    /// Text nodes' decoded text (raw white space); empty for elements.
    private var texts: [String] = []

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
    }

    var count: Int { names.count }
    var root: NodeID { 0 }

    init() {
        appendNode(name: "#root", traits: ElementTraits.of("#root"), parent: Self.none, hint: "", flags: [], text: "")
    }

    func name(_ node: NodeID) -> String { names[Int(node)] }
    func parent(_ node: NodeID) -> NodeID { nodes[Int(node)].parent }
    func hint(_ node: NodeID) -> String { hints[Int(node)] }
    func flags(_ node: NodeID) -> ElementFlags { nodes[Int(node)].flags }
    func text(_ node: NodeID) -> String { texts[Int(node)] }
    func traits(_ node: NodeID) -> ElementTraits { nodes[Int(node)].traits }
    func isText(_ node: NodeID) -> Bool { names[Int(node)].isEmpty }

    /// The children of `node`, in document order.
    func children(_ node: NodeID) -> ChildSequence { ChildSequence(tree: self, upcoming: nodes[Int(node)].firstChild) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: DocumentTree
        var upcoming: NodeID
        mutating func next() -> NodeID? {
            guard upcoming != DocumentTree.none else { return nil }
            defer { upcoming = tree.nodes[Int(upcoming)].nextSibling }
            return upcoming
        }
    }

    @discardableResult
    mutating func appendNode(
        name: String, traits: ElementTraits, parent: NodeID, hint: String, flags: ElementFlags,
        text: String
    ) -> NodeID {
        let id = NodeID(names.count)
        nodes.append(Node(parent: parent, flags: flags, traits: traits))
        names.append(name)
        hints.append(hint)
        texts.append(text)
        if parent != Self.none {
            let last = nodes[Int(parent)].lastChild
            if last == Self.none { nodes[Int(parent)].firstChild = id } else { nodes[Int(last)].nextSibling = id }
            nodes[Int(parent)].lastChild = id
        }
        return id
    }

    /// Appends text to `parent`, merging with a text node right before it.
    mutating func appendText(_ text: String, to parent: NodeID) {
        let last = nodes[Int(parent)].lastChild
        if last != Self.none, names[Int(last)].isEmpty {
            texts[Int(last)] += text
        } else {
            appendNode(name: "", traits: [], parent: parent, hint: "", flags: [], text: text)
        }
    }
}
