/// A key phrase of a page's text, as it is first written there, with its score: lower is more
/// central to the text (YAKE's scale: a phrase's score falls as its words are rarer elsewhere,
/// earlier, more often capitalised and more often used).
public struct PageKeyword: Sendable, Codable, Equatable {
    public var phrase: String
    public var score: Double

    /// Creates a key phrase.
    public init(phrase: String, score: Double) {
        (self.phrase, self.score) = (phrase, score)
    }
}
