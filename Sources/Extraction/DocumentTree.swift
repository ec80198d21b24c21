/// A light DOM: elements and text in flat arrays, linked by index. Built in one pass over the
/// tokens with the end tags HTML lets pages leave out (`<p>`, `<li>`, `<td>` …) implied, and a
/// depth limit so that hostile nesting costs memory, never stack or quadratic time.
struct DocumentTree {
    typealias NodeID = Int32
    static let none: NodeID = -1

    // One entry per node. Text nodes have an empty name.
    private(set) var names: [String] = []
    private(set) var parents: [NodeID] = []
    private(set) var firstChildren: [NodeID] = []
    private(set) var lastChildren: [NodeID] = []
    private(set) var nextSiblings: [NodeID] = []
    /// Lower-cased class and id, space separated: what boilerplate patterns are matched against.
    private(set) var hints: [String] = []
    /// The attributes that matter for extraction, per element.
    private(set) var flags: [ElementFlags] = []
    /// What each element's class and id say about it.
    private(set) var verdicts: [BoilerplatePatterns.Verdict] = []
    /// Pages repeat their class names: classify each distinct one once.
    private var verdictCache: [String: BoilerplatePatterns.Verdict] = [:]
    /// Text nodes' decoded text (raw white space); empty for elements.
    private(set) var texts: [String] = []
    /// What each element's name says about it.
    private(set) var traits: [ElementTraits] = []

    struct ElementFlags: OptionSet {
        let rawValue: UInt8
        static let hidden = ElementFlags(rawValue: 1)
        static let articleBody = ElementFlags(rawValue: 2)
        static let navigationRole = ElementFlags(rawValue: 4)
        static let mainRole = ElementFlags(rawValue: 8)
        /// A link to a place on the same page (`href="#…"`).
        static let inPageLink = ElementFlags(rawValue: 16)
    }

    var count: Int { names.count }
    var root: NodeID { 0 }

    init() {
        appendNode(name: "#root", traits: ElementTraits.of("#root"), parent: Self.none, hint: "", flags: [], text: "")
    }

    func name(_ node: NodeID) -> String { names[Int(node)] }
    func parent(_ node: NodeID) -> NodeID { parents[Int(node)] }
    func hint(_ node: NodeID) -> String { hints[Int(node)] }
    func flags(_ node: NodeID) -> ElementFlags { flags[Int(node)] }
    func verdict(_ node: NodeID) -> BoilerplatePatterns.Verdict { verdicts[Int(node)] }
    func text(_ node: NodeID) -> String { texts[Int(node)] }
    func traits(_ node: NodeID) -> ElementTraits { traits[Int(node)] }
    func isText(_ node: NodeID) -> Bool { names[Int(node)].isEmpty }

    /// The children of `node`, in document order.
    func children(_ node: NodeID) -> ChildSequence { ChildSequence(tree: self, upcoming: firstChildren[Int(node)]) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: DocumentTree
        var upcoming: NodeID
        mutating func next() -> NodeID? {
            guard upcoming != DocumentTree.none else { return nil }
            defer { upcoming = tree.nextSiblings[Int(upcoming)] }
            return upcoming
        }
    }

    @discardableResult
    mutating func appendNode(name: String, traits: ElementTraits, parent: NodeID, hint: String, flags: ElementFlags,
                             text: String) -> NodeID {
        let id = NodeID(names.count)
        names.append(name)
        self.traits.append(traits)
        parents.append(parent)
        firstChildren.append(Self.none)
        lastChildren.append(Self.none)
        nextSiblings.append(Self.none)
        hints.append(hint)
        self.flags.append(flags)
        if hint.isEmpty {
            verdicts.append([])
        } else if let known = verdictCache[hint] {
            verdicts.append(known)
        } else {
            let verdict = BoilerplatePatterns.verdict(hint)
            verdictCache[hint] = verdict
            verdicts.append(verdict)
        }
        texts.append(text)
        if parent != Self.none {
            let last = lastChildren[Int(parent)]
            if last == Self.none { firstChildren[Int(parent)] = id } else { nextSiblings[Int(last)] = id }
            lastChildren[Int(parent)] = id
        }
        return id
    }

    /// Appends text to `parent`, merging with a text node right before it.
    mutating func appendText(_ text: String, to parent: NodeID) {
        let last = lastChildren[Int(parent)]
        if last != Self.none, names[Int(last)].isEmpty {
            texts[Int(last)] += text
        } else {
            appendNode(name: "", traits: [], parent: parent, hint: "", flags: [], text: text)
        }
    }
}
