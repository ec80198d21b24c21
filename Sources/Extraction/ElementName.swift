/// An element's name as a number: a name pages use often by its place in `ElementName.common`,
/// any other by its place after them in the list of one document's other names
/// (`HTMLTokenizer.otherNames`). A plain value: the tokens, the tree builder's stack and the
/// tree hold and compare it without reference counting, where a string was retained, released
/// and compared by the runtime on every tag (4 % of extraction).
struct ElementName: Hashable, Sendable {
    let id: Int32

    /// The names with a number of their own here come first, in this order, so that the
    /// constants below are their places; then every other name with a trait, then other names
    /// pages use often.
    static let common: [String] = {
        var names = [
            "#root", "html", "head", "body", "p", "main", "aside", "nav", "li", "ul", "ol", "menu", "dl", "dt", "dd",
            "table", "tbody", "thead", "tfoot", "tr", "td", "th", "select", "option", "svg", "math", "h1", "img",
            "script", "style", "title", "plaintext",
        ]
        let others =
            ElementTraits.namedElements.sorted() + [
                "span", "b", "i", "em", "strong", "small", "sup", "sub", "u", "s", "abbr", "cite", "code", "picture",
                "path", "g", "use", "defs", "symbol", "circle", "rect", "polygon", "ins", "del", "mark", "q", "kbd",
                "var", "samp", "data", "font", "center", "caption", "colgroup", "legend", "optgroup", "progress",
                "meter",
                "output", "slot", "amp-img", "bdi", "bdo", "ruby", "rt", "rp",
            ]
        var seen = Set(names)
        for name in others where seen.insert(name).inserted { names.append(name) }
        return names
    }()

    /// Each common name's traits, by number.
    static let commonTraits = common.map(ElementTraits.of)

    static var root: ElementName { ElementName(id: 0) }
    static var html: ElementName { ElementName(id: 1) }
    static var head: ElementName { ElementName(id: 2) }
    static var body: ElementName { ElementName(id: 3) }
    static var p: ElementName { ElementName(id: 4) }
    static var main: ElementName { ElementName(id: 5) }
    static var aside: ElementName { ElementName(id: 6) }
    static var nav: ElementName { ElementName(id: 7) }
    static var li: ElementName { ElementName(id: 8) }
    static var ul: ElementName { ElementName(id: 9) }
    static var ol: ElementName { ElementName(id: 10) }
    static var menu: ElementName { ElementName(id: 11) }
    static var dl: ElementName { ElementName(id: 12) }
    static var dt: ElementName { ElementName(id: 13) }
    static var dd: ElementName { ElementName(id: 14) }
    static var table: ElementName { ElementName(id: 15) }
    static var tbody: ElementName { ElementName(id: 16) }
    static var thead: ElementName { ElementName(id: 17) }
    static var tfoot: ElementName { ElementName(id: 18) }
    static var tr: ElementName { ElementName(id: 19) }
    static var td: ElementName { ElementName(id: 20) }
    static var th: ElementName { ElementName(id: 21) }
    static var select: ElementName { ElementName(id: 22) }
    static var option: ElementName { ElementName(id: 23) }
    static var svg: ElementName { ElementName(id: 24) }
    static var math: ElementName { ElementName(id: 25) }
    static var h1: ElementName { ElementName(id: 26) }
    static var img: ElementName { ElementName(id: 27) }
    static var script: ElementName { ElementName(id: 28) }
    static var style: ElementName { ElementName(id: 29) }
    static var title: ElementName { ElementName(id: 30) }
    static var plaintext: ElementName { ElementName(id: 31) }

    /// The number of the common name `name`, if it is one.
    init?(common name: String) {
        guard let index = Self.common.firstIndex(of: name) else { return nil }
        id = Int32(index)
    }

    init(id: Int32) { self.id = id }

    /// The name of a common element; nil for one of a document's other names (or a text node's).
    var commonName: String? { Self.common.indices.contains(Int(id)) ? Self.common[Int(id)] : nil }

    /// The name this number stands for, `others` being the document's other names in the order
    /// of their numbers.
    @inline(__always)
    func string(others: [String]) -> String {
        commonName ?? others[Int(id) - Self.common.count]
    }

    /// The traits of a common element; none for any other.
    var traits: ElementTraits { Self.commonTraits.indices.contains(Int(id)) ? Self.commonTraits[Int(id)] : [] }
}
