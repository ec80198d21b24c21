/// The stop words Gopher's quality rule looks for (a page must hold at least two), by language:
/// datatrove's English list, and for other languages eight of their most frequent function
/// words, chosen here. Matched exactly, case and all, as datatrove does.
public struct StopWords: Sendable {
    /// The words, in order.
    public let words: [String]
    let hashes: [UInt64]
    let longest: Int32
    /// One bit for each word's hash, low six bits: most words are told apart by it alone.
    let filter: UInt64

    public init(_ words: [String]) {
        self.words = words
        hashes = words.map(WordToken.hash(of:))
        longest = Int32(words.map(\.unicodeScalars.count).max() ?? 0)
        filter = hashes.reduce(0) { $0 | 1 << ($1 & 63) }
    }

    /// datatrove's default (`GopherQualityFilter`'s `STOP_WORDS`).
    public static let english = StopWords(["the", "be", "to", "of", "and", "that", "have", "with"])

    static let byLanguage: [String: StopWords] = [
        "en": english,
        "fr": StopWords(["le", "la", "de", "et", "les", "des", "un", "est"]),
        "de": StopWords(["der", "die", "und", "das", "ist", "mit", "den", "von"]),
        "es": StopWords(["el", "la", "de", "que", "y", "en", "los", "con"]),
        "it": StopWords(["il", "di", "che", "e", "la", "per", "un", "con"]),
        "pt": StopWords(["o", "a", "de", "que", "e", "do", "da", "com"]),
        "nl": StopWords(["de", "het", "een", "van", "en", "is", "dat", "met"]),
        "ru": StopWords(["и", "в", "не", "на", "что", "с", "по", "это"]),
        "pl": StopWords(["i", "w", "nie", "na", "że", "się", "z", "do"]),
        "cs": StopWords(["a", "se", "na", "je", "v", "že", "to", "s"]),
        "sv": StopWords(["och", "att", "det", "i", "en", "som", "är", "på"]),
        "da": StopWords(["og", "at", "det", "i", "en", "er", "som", "på"]),
    ]

    /// The list for `language` (ISO 639-1); English, datatrove's default, for the others.
    public static func forLanguage(_ language: String?) -> StopWords {
        language.flatMap { byLanguage[$0] } ?? english
    }

    /// How many different stop words `tokens` hold.
    func count(in tokens: [WordToken]) -> Int {
        var found: UInt64 = 0
        for token in tokens where token.length <= longest && filter & (1 << (token.hash & 63)) != 0 {
            for (index, hash) in hashes.enumerated() where hash == token.hash { found |= 1 << UInt64(index & 63) }
        }
        return found.nonzeroBitCount
    }
}
