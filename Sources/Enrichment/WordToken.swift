import PageModel

/// A word as the quality rules count it, without its text: where it starts, its length in
/// scalars, a 64-bit hash of its scalars (two words are the same word when their hashes are),
/// and what it holds.
public struct WordToken: Sendable, Equatable {
    /// Offset of its first scalar in the text.
    public var start: Int32
    /// Unicode scalars.
    public var length: Int32
    public var hash: UInt64
    /// Whether it holds something other than punctuation (datatrove's `PUNCTUATION_SET`).
    public var hasContent: Bool
    /// Whether it holds a letter (Python's `str.isalpha` of one of its characters).
    public var hasLetter: Bool
    /// Whether every character is punctuation (spaCy's `is_punct`: categories P*).
    public var isPunctuation: Bool
    /// Whether it is one character that ends a sentence for spaCy's sentencizer.
    public var endsSentence: Bool

    init(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ traitsOf: UnsafeBufferPointer<ScalarTraits>,
        _ range: Range<Int>
    ) {
        var hash = TextMeasures.fnvOffset
        var (content, letter, punctuation) = (false, false, true)
        for index in range {
            hash = TextMeasures.fnvMixed(hash, UInt64(scalars[index].value))
            let traits = traitsOf[index]
            letter = letter || traits.contains(.letter)
            content = content || !traits.contains(.punctuation)
            punctuation = punctuation && traits.contains(.strictPunctuation)
        }
        start = Int32(truncatingIfNeeded: range.lowerBound)
        length = Int32(truncatingIfNeeded: range.count)
        self.hash = hash ^ (hash >> 29)
        (hasContent, hasLetter, isPunctuation) = (content, letter, punctuation)
        endsSentence = range.count == 1 && traitsOf[range.lowerBound].contains(.sentenceEnd)
    }

    /// A word without punctuation, whose hash was taken while reading it.
    init(plain range: Range<Int>, hash: UInt64, hasLetter: Bool) {
        start = Int32(truncatingIfNeeded: range.lowerBound)
        length = Int32(truncatingIfNeeded: range.count)
        self.hash = hash ^ (hash >> 29)
        (hasContent, self.hasLetter, isPunctuation, endsSentence) = (true, hasLetter, false, false)
    }

    /// The hash a token of `word` gets.
    static func hash(of word: String) -> UInt64 {
        let hash = TextMeasures.fnv1a(scalars: word.unicodeScalars)
        return hash ^ (hash >> 29)
    }
}
