/// What the extractor needs to know about an element from its name alone, looked up once per
/// tag: one hash of the name instead of a set lookup in every pass that asks.
struct ElementTraits: OptionSet, Sendable {
    let rawValue: UInt32

    /// Has no content and no end tag (`<br>`, `<img>`).
    static let void = ElementTraits(rawValue: 1 << 0)
    /// Its start tag closes an open `<p>`.
    static let closesParagraph = ElementTraits(rawValue: 1 << 1)
    /// Stops the search for a `<p>` to close implicitly.
    static let paragraphScope = ElementTraits(rawValue: 1 << 2)
    /// Never content, whatever it holds: scripts, navigation, forms' controls, media.
    static let neverContent = ElementTraits(rawValue: 1 << 3)
    /// Never set aside for its class names: the page's frame and the story's own elements.
    static let neverUnlikely = ElementTraits(rawValue: 1 << 4)
    /// Scored as a paragraph by the content locator.
    static let paragraphLike = ElementTraits(rawValue: 1 << 5)
    /// A block-level element: a `<div>` holding one is a container, not a paragraph.
    static let block = ElementTraits(rawValue: 1 << 6)
    /// Text lying straight inside it, beside blocks, counts as a paragraph.
    static let looseTextParent = ElementTraits(rawValue: 1 << 7)
    /// Starts and ends a block of rendered text.
    static let blockBoundary = ElementTraits(rawValue: 1 << 8)
    /// `<h1>` to `<h6>`.
    static let heading = ElementTraits(rawValue: 1 << 9)
    /// A container the renderer drops when it is mostly links or says it is boilerplate.
    static let cleanedContainer = ElementTraits(rawValue: 1 << 10)
    /// Its start closes an open element of its kind (`<li>`, `<td>`, `<option>` …).
    static let impliesEndTag = ElementTraits(rawValue: 1 << 11)
    /// Read by the document for metadata or the headline: `<meta>`, `<link>`, `<script>`, `<h1>` ….
    static let readByDocument = ElementTraits(rawValue: 1 << 12)
    /// `<a>`: its text is link text.
    static let link = ElementTraits(rawValue: 1 << 13)
    /// Its content runs, unparsed, to its end tag (`<script>`, `<style>`, `<title>` …).
    static let rawText = ElementTraits(rawValue: 1 << 14)
    /// Opened by rules of its own in the tree builder: `<head>`, `<main>`, `<svg>`, `<math>`.
    static let specialInTree = ElementTraits(rawValue: 1 << 15)
    /// May stand in a `<head>`: any other element closes it.
    static let headContent = ElementTraits(rawValue: 1 << 16)
    /// The page's navigation: its links are not the content's.
    static let navigation = ElementTraits(rawValue: 1 << 17)

    /// The traits of an element named `name` (lower-cased).
    static func of(_ name: String) -> ElementTraits { table.value(for: name) ?? [] }

    private static let table = ShortNameTable(namedTraits.map { ($0.key, $0.value) })

    /// Every element name with a trait.
    static var namedElements: [String] { Array(namedTraits.keys) }

    private static let namedTraits: [String: ElementTraits] = {
        var table: [String: ElementTraits] = [:]
        func mark(_ names: [String], _ trait: ElementTraits) {
            for name in names { table[name, default: []].insert(trait) }
        }
        mark(
            [
                "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
                "param",
            ], .void)
        mark(
            [
                "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption",
                "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav",
                "ol",
                "p", "pre", "section", "table", "ul",
            ], .closesParagraph)
        mark(["table", "td", "th", "ul", "ol", "div", "section", "article", "body", "html"], .paragraphScope)
        mark(
            [
                "script", "style", "nav", "aside", "footer", "button", "select", "option", "svg", "iframe", "template",
                "dialog", "menu", "label", "fieldset", "input", "textarea", "head", "title", "figcaption", "object",
                "embed",
                "canvas", "map", "video", "audio",
            ], .neverContent)
        mark(["html", "body", "article", "main", "a", "#root"], .neverUnlikely)
        mark(["p", "pre", "td", "blockquote", "li", "dd", "h2", "h3"], .paragraphLike)
        mark(
            [
                "p", "div", "section", "article", "main", "table", "ul", "ol", "dl", "blockquote", "pre", "h1", "h2",
                "h3",
                "h4", "h5", "h6", "figure", "form", "header", "footer", "aside", "nav",
            ], .block)
        mark(["div", "section", "article", "main", "td"], .looseTextParent)
        mark(
            [
                "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
                "dt",
                "dd", "blockquote", "pre", "table", "tr", "br", "hr", "figure", "header", "address", "details",
                "summary",
                "caption", "tbody", "thead", "center",
            ], .blockBoundary)
        mark(["h1", "h2", "h3", "h4", "h5", "h6"], .heading)
        mark(["div", "section", "ul", "ol", "table", "dl", "p", "form"], .cleanedContainer)
        mark(["li", "dt", "dd", "tr", "td", "th", "option"], .impliesEndTag)
        mark(["meta", "link", "html", "time", "script", "h1", "base"], .readByDocument)
        mark(["a"], .link)
        mark(HTMLTokenizer.rawTextElements, .rawText)
        mark(["head", "main", "svg", "math"], .specialInTree)
        mark(["nav", "header", "footer", "menu"], .navigation)
        mark(["meta", "link", "title", "style", "script", "noscript", "base", "template"], .headContent)
        return table
    }()
}
