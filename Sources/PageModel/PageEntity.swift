/// A person, organisation or place a page names: one canonical form (its fullest name in the
/// page), every form the page writes it in, and how many times it is named.
public struct PageEntity: Sendable, Codable, Equatable {
    /// What an entity is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person, organization, place
    }

    public var name: String
    public var kind: Kind
    /// The forms used for it, in the order of first use ("Vladimir Poutine", "Poutine").
    public var forms: [String]
    public var count: Int

    /// Creates an entity.
    public init(name: String, kind: Kind, forms: [String], count: Int) {
        (self.name, self.kind, self.forms, self.count) = (name, kind, forms, count)
    }
}

/// A direct quotation in a page's text, and who said it when the text says so (the canonical
/// name of a `PageEntity` of the page).
public struct PageQuote: Sendable, Codable, Equatable {
    /// The words quoted, without their quotation marks.
    public var text: String
    public var speaker: String?

    /// Creates a quotation.
    public init(text: String, speaker: String?) {
        (self.text, self.speaker) = (text, speaker)
    }
}
