import CLanguageID

/// Tells the language of a text from the text itself, with CLD2's full tables (Google's Compact
/// Language Detector 2: quadgram and word statistics for 160-odd languages, by script and
/// within each script), behind this module's own API: ISO 639-1 codes, 639-3 where a language
/// has none.
///
/// A wrong label is worse than none: text too short to tell (a few letters), or mixed (two
/// languages in like shares), gets none. Pages often declare the wrong language, so the
/// declaration is a tie-breaker only: the answer when the text cannot tell, or when it is mixed
/// and the declaration names one of its two languages.
public enum LanguageDetector {
    /// Text beyond this many bytes adds nothing to the answer but time: on held-out pages a 1 KB
    /// sample names as many right as 4 KB, in 60 % of the time (`Benchmarks/languages.sh`).
    static let sampleBytes = 1024
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

    /// CLD2's answer for the start of `text`: its top two languages and how sure it is; nil
    /// when there is no text.
    static func identify(_ text: String) -> Guess? {
        var text = text
        return text.withUTF8 { bytes -> Guess? in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            let length = Self.scalarBoundary(in: bytes, atMost: sampleBytes)
            var raw = pagemill_language_guess()
            let status = base.withMemoryRebound(to: CChar.self, capacity: length) {
                pagemill_identify_language($0, Int32(length), nil, &raw)
            }
            guard status == 0 else { return nil }
            return Guess(raw)
        }
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
