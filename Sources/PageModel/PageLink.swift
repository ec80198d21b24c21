/// A link the page makes: where it leads (absolute, resolved against the page's base, without
/// its fragment), the text it is anchored on, and where on the page it stands.
public struct PageLink: Sendable, Codable, Equatable {
    /// Where on a page a link stands.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Inside the main content, as it was rendered into the record's text.
        case content
        /// In the page's navigation: a `<nav>`, a header or footer, a menu.
        case navigation
        /// Anywhere else outside the content: sidebars, share bars, related lists, ads.
        case boilerplate
    }

    /// The absolute http or https URL.
    public var url: String
    /// The anchor text, white space collapsed; empty for an image link without text.
    public var text: String
    public var kind: Kind

    /// Creates a link.
    public init(url: String, text: String, kind: Kind) {
        (self.url, self.text, self.kind) = (url, text, kind)
    }
}
