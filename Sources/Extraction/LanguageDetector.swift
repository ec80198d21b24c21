import CLanguageID

/// Tells the language of a text from the text itself, with CLD2's full tables (Google's Compact
/// Language Detector 2: quadgram and word statistics for 165 languages, by script and
/// within each script), behind this module's own API: ISO 639-1 codes, 639-3 where a language
/// has none.
///
/// A wrong label is worse than none: text too short to tell (a few letters), or mixed (two
/// languages in like shares), gets none. Pages often declare the wrong language, so the
/// declaration is a tie-breaker only: the answer when the text cannot tell, or when it is mixed
/// and the declaration names one of its two languages.
public enum LanguageDetector {
    /// A first look reads this many bytes: most texts are told by it.
    static let firstSampleBytes = 512
    /// A text the first look leaves unsure is read to this many; more adds nothing but time
    /// (`Benchmarks/languages.sh`: 1 KB names as many held-out pages right as 4 KB).
    static let sampleBytes = 1024
    /// Below this many bytes a text is a paragraph, where CLD2's best effort names more right.
    static let shortTextBytes = 600
    /// Fewer letters than this, and the text is too short to tell.
    static let minimumScoredBytes = 24
    /// Text is mixed when a second language holds at least this share…
    static let mixedSecondPercent = 35
    /// …within this many points of the first.
    static let mixedMargin = 12

    /// The language of `text`, or `declared` (normalised) when the text does not tell.
    public static func detect(_ text: String, declared: String?) -> String? {
        let declaredCode = declared.flatMap(normalise)
        // Too little text to go by: the declaration, if any, stands (as a tie-breaker would).
        guard let guess = identify(text), guess.scoredBytes >= minimumScoredBytes, let code = guess.code else {
            return declaredCode
        }
        guard guess.isMixed else { return code }
        // Two languages in like shares: the declaration decides between them; else none.
        if let declaredCode, declaredCode == code || declaredCode == guess.secondCode { return declaredCode }
        return nil
    }

    /// CLD2's answer for the start of `text`: a first look at 512 bytes, and a second at a
    /// kilobyte when the first is unsure; nil when there is no text.
    static func identify(_ text: String) -> Guess? {
        var text = text
        return text.withUTF8 { bytes -> Guess? in
            guard !bytes.isEmpty else { return nil }
            let bestEffort = bytes.count < shortTextBytes
            if bytes.count > firstSampleBytes, let first = identify(bytes, atMost: firstSampleBytes, bestEffort: false),
                first.reliable, first.percent >= 80, first.scoredBytes >= 200
            {
                return first
            }
            return identify(bytes, atMost: sampleBytes, bestEffort: bestEffort)
        }
    }

    private static func identify(_ bytes: UnsafeBufferPointer<UInt8>, atMost limit: Int, bestEffort: Bool) -> Guess? {
        guard let base = bytes.baseAddress else { return nil }
        let length = scalarBoundary(in: bytes, atMost: limit)
        var raw = pagemill_language_guess()
        let status = base.withMemoryRebound(to: CChar.self, capacity: length) {
            pagemill_identify_language($0, Int32(length), nil, bestEffort ? 1 : 0, &raw)
        }
        return status == 0 ? Guess(raw) : nil
    }

    /// CLD2's answer, with its codes as this module gives them.
    struct Guess: Equatable {
        /// The top language, or nil when none could be told.
        var code: String?
        /// Its share of the scored text, 0 to 100.
        var percent: Int
        /// The second language, in mixed text, and its share.
        var secondCode: String?
        var secondPercent: Int
        /// Whether CLD2 judges the top language clearly ahead.
        var reliable: Bool
        /// Bytes of letters scored.
        var scoredBytes: Int

        /// Whether two languages hold like shares of the text.
        var isMixed: Bool {
            secondCode != nil && secondPercent >= LanguageDetector.mixedSecondPercent
                && percent - secondPercent < LanguageDetector.mixedMargin
        }

        init(_ raw: pagemill_language_guess) {
            var raw = raw
            code = withUnsafeBytes(of: &raw.code) { LanguageDetector.code($0) }
            secondCode = withUnsafeBytes(of: &raw.second_code) { LanguageDetector.code($0) }
            percent = Int(raw.percent)
            secondPercent = Int(raw.second_percent)
            reliable = raw.reliable != 0
            scoredBytes = Int(raw.scored_bytes)
        }
    }

    /// A NUL-terminated CLD2 code as ISO 639: its old codes renamed (`iw` for Hebrew, `jw` for
    /// Javanese), regional and script variants folded (`zh-Hant` is `zh`, `sr-ME` is `sr`).
    private static func code(_ bytes: UnsafeRawBufferPointer) -> String? {
        let text = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        guard !text.isEmpty else { return nil }
        let base = String(text.prefix { $0 != "-" && $0 != "_" }).lowercased()
        return renamed[base] ?? base
    }

    private static let renamed = ["iw": "he", "jw": "jv", "in": "id", "mo": "ro", "ji": "yi", "nb": "no"]

    /// The length of the longest prefix of `bytes` of at most `limit` bytes that ends on a
    /// scalar boundary, so that the sample is valid UTF-8.
    private static func scalarBoundary(in bytes: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
        guard bytes.count > limit else { return bytes.count }
        var end = limit
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }

    /// "en-US" → "en", "fil" stays; nil for an empty or malformed declaration.
    private static func normalise(_ declared: String) -> String? {
        let code = declared.prefix { $0.isLetter }.lowercased()
        guard (2...3).contains(code.count) else { return nil }
        return renamed[code] ?? code
    }
}
