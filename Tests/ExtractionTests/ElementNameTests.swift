import Testing

@testable import Extraction

/// Element names travel as numbers: the common ones by a fixed place, a document's others by
/// the order they come in. Each number must read back as its name.
@Suite struct ElementNameTests {
    @Test func eachConstantIsItsName() {
        let constants: [(ElementName, String)] = [
            (.root, "#root"), (.html, "html"), (.head, "head"), (.body, "body"), (.p, "p"), (.main, "main"),
            (.aside, "aside"), (.nav, "nav"), (.li, "li"), (.ul, "ul"), (.ol, "ol"), (.menu, "menu"), (.dl, "dl"),
            (.dt, "dt"), (.dd, "dd"), (.table, "table"), (.tbody, "tbody"), (.thead, "thead"), (.tfoot, "tfoot"),
            (.tr, "tr"), (.td, "td"), (.th, "th"), (.select, "select"), (.option, "option"), (.svg, "svg"),
            (.math, "math"), (.h1, "h1"), (.img, "img"), (.script, "script"), (.style, "style"), (.title, "title"),
            (.plaintext, "plaintext"),
        ]
        for (constant, name) in constants {
            #expect(constant.commonName == name)
            #expect(ElementName(common: name) == constant)
        }
        #expect(Set(ElementName.common).count == ElementName.common.count, "a common name is listed twice")
        #expect(ElementName.p.traits == ElementTraits.of("p") && !ElementName.p.traits.isEmpty)
        // Numbers no name has (a text node's, one past the list) have no name and no traits.
        for stranger in [DocumentTree.textName, ElementName(id: Int32(ElementName.common.count))] {
            #expect(stranger.commonName == nil && stranger.traits.isEmpty)
        }
        // Every name with a trait is common: only common names carry traits.
        for name in ElementTraits.namedElements { #expect(ElementName(common: name) != nil, "\(name)") }
    }

    /// A custom element gets one number for its start and end tags, in any case, and the tree
    /// reads it back by name; two custom elements get two.
    @Test func otherNamesAreNumberedOncePerDocument() {
        let longName = "a-custom-element-with-a-long-name"
        let html = "<My-Widget><x-card>one</X-CARD><\(longName)>two</\(longName.uppercased())></my-widget><p>three"
        var tokenizer = HTMLTokenizer(Array(html.utf8))
        var starts: [ElementName] = []
        var ends: [ElementName] = []
        while let token = tokenizer.next() {
            switch token {
            case let .startTag(name, _, _, _): starts.append(name)
            case let .endTag(name): ends.append(name)
            default: break
            }
        }
        #expect(starts.map { tokenizer.string(of: $0) } == ["my-widget", "x-card", longName, "p"])
        #expect(ends.map { tokenizer.string(of: $0) } == ["x-card", longName, "my-widget"])
        #expect(ends == [starts[1], starts[2], starts[0]])
        #expect(tokenizer.otherNames == ["my-widget", "x-card", longName])

        let tree = HTMLDocument(bytes: Array("<html><body>\(html)</body></html>".utf8)).tree
        let names = (1..<tree.count).map { DocumentTree.NodeID($0) }.filter { !tree.isText($0) }.map(tree.name)
        #expect(names == ["html", "body", "my-widget", "x-card", longName, "p"])
        // The custom element closed at its end tag: the paragraph is the body's, not inside it.
        let paragraph = DocumentTree.NodeID((1..<tree.count).first { tree.name(DocumentTree.NodeID($0)) == "p" }!)
        #expect(tree.name(tree.parent(paragraph)) == "body")
    }
}
