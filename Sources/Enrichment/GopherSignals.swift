/// The numbers behind Gopher's quality and repetition rules (Rae et al., 2021, table A1), as
/// datatrove's `GopherQualityFilter` and `GopherRepetitionFilter` compute them on a text, and
/// whether the text passes each rule set with its published thresholds. Lengths are counted in
/// Unicode scalars (Python's `len`); words come from `WordSplitter`.
public struct GopherSignals: Sendable, Equatable {
    // Quality.
    /// Words that hold something other than punctuation.
    public var words = 0
    /// Their mean length.
    public var meanWordLength = 0.0
    /// `#` characters, and ellipses (`...`, `…`), per word (punctuation included).
    public var hashesPerWord = 0.0
    public var ellipsesPerWord = 0.0
    /// Shares of lines starting with a bullet (`•`, `-`) and ending with an ellipsis.
    public var bulletLineShare = 0.0
    public var ellipsisLineShare = 0.0
    /// The share of words with a letter.
    public var alphabeticWordShare = 0.0
    /// How many of the stop words (`the`, `be`, `to`, `of`, `and`, `that`, `have`, `with`) occur.
    public var stopWords = 0
    // Repetition.
    /// Shares of paragraphs (split at blank lines) and of lines that repeat an earlier one, by
    /// count and by the characters of the repeats over the text's.
    public var duplicateParagraphShare = 0.0
    public var duplicateParagraphCharacterShare = 0.0
    public var duplicateLineShare = 0.0
    public var duplicateLineCharacterShare = 0.0
    /// For n of 2, 3 and 4: the characters of the most frequent n-gram (joined by spaces) times
    /// its count, over the text's characters.
    public var topNGramCharacterShares: [Double] = [0, 0, 0]
    /// For n of 5 to 10: the characters of n-grams repeating an earlier one (not overlapping),
    /// over the text's characters.
    public var duplicateNGramCharacterShares: [Double] = [0, 0, 0, 0, 0, 0]

    /// The first quality rule the text breaks, or nil when it passes them all.
    public var qualityFailure: String?
    /// The first repetition rule the text breaks, or nil.
    public var repetitionFailure: String?

    /// The signals of `text`, in `language` (ISO 639-1): its words and stop words.
    public init(text: String, language: String? = nil) {
        let scalars = ScalarText(text)
        let (lines, pieces) = scalars.linesAndPieces()
        self.init(
            scalars, lines: lines, pieces: (pieces, pieces.map(scalars.hash)),
            tokens: WordSplitter.tokens(scalars, language: language), stopWords: .forLanguage(language))
    }

    /// `lines` are the text's `splitlines()`, `pieces` the text split at runs of newlines, with
    /// their hashes.
    init(
        _ text: ScalarText, lines: [Range<Int>], pieces: (ranges: [Range<Int>], hashes: [UInt64]),
        tokens: [WordToken], stopWords: StopWords
    ) {
        measureQuality(text, lines, tokens, stopWords)
        measureRepetition(text, pieces, tokens: tokens)
        qualityFailure = Self.qualityFailure(self)
        repetitionFailure = text.count == 0 ? "empty" : Self.repetitionFailure(self)
    }

    private mutating func measureQuality(
        _ text: ScalarText, _ lines: [Range<Int>], _ tokens: [WordToken], _ stopWordList: StopWords
    ) {
        var (contentLength, letters) = (0, 0)
        for token in tokens {
            if token.hasContent { (words, contentLength) = (words + 1, contentLength + Int(token.length)) }
            if token.hasLetter { letters += 1 }
        }
        let total = Double(max(tokens.count, 1))
        meanWordLength = words == 0 ? 0 : Double(contentLength) / Double(words)
        let marks = text.marks
        hashesPerWord = Double(marks.hashes) / total
        ellipsesPerWord = Double(marks.ellipses) / total
        var (bullets, ellipses) = (0, 0)
        for line in lines {
            let trimmed = text.trimmed(line)
            let start = trimmed.lowerBound..<line.upperBound
            if text.has(prefix: ScalarText.bullet, in: start) || text.has(prefix: ScalarText.dash, in: start) {
                bullets += 1
            }
            let end = line.lowerBound..<trimmed.upperBound
            if text.has(suffix: ScalarText.dots, in: end) || text.has(suffix: ScalarText.ellipsis, in: end) {
                ellipses += 1
            }
        }
        let lineCount = Double(max(lines.count, 1))
        (bulletLineShare, ellipsisLineShare) = (Double(bullets) / lineCount, Double(ellipses) / lineCount)
        alphabeticWordShare = Double(letters) / total
        stopWords = stopWordList.count(in: tokens)
    }

    private mutating func measureRepetition(
        _ text: ScalarText, _ lines: (ranges: [Range<Int>], hashes: [UInt64]), tokens: [WordToken]
    ) {
        let length = Double(max(text.count, 1))
        let paragraphs = text.paragraphs(of: text.trimmed(0..<text.count), lines: lines.ranges)
        let paragraphHashes = text.paragraphHashes(paragraphs, lines: lines.ranges, lineHashes: lines.hashes)
        let (paragraphRepeats, paragraphCharacters) = text.repeats(paragraphs, hashes: paragraphHashes)
        duplicateParagraphShare = Double(paragraphRepeats) / Double(max(paragraphs.count, 1))
        duplicateParagraphCharacterShare = Double(paragraphCharacters) / length
        let (lineRepeats, lineCharacters) = text.repeats(lines.ranges, hashes: lines.hashes)
        duplicateLineShare = Double(lineRepeats) / Double(max(lines.ranges.count, 1))
        duplicateLineCharacterShare = Double(lineCharacters) / length
        let (top, repeated) = NGrams(tokens).measure()
        topNGramCharacterShares = top.map { Double($0) / length }
        duplicateNGramCharacterShares = repeated.map { Double($0) / length }
    }

    /// The signals by the names a record keeps them under (its `quality`), the rule sets'
    /// verdicts as `gopher_quality_pass` and `gopher_repetition_pass`, 1 or 0.
    public var named: [String: Double] {
        Dictionary(uniqueKeysWithValues: namedValues)
    }

    /// The signals by name, in a fixed order.
    var namedValues: [(String, Double)] {
        var values: [(String, Double)] = [
            ("gopher_words", Double(words)), ("gopher_mean_word_length", meanWordLength),
            ("gopher_hashes_per_word", hashesPerWord), ("gopher_ellipses_per_word", ellipsesPerWord),
            ("gopher_bullet_lines", bulletLineShare), ("gopher_ellipsis_lines", ellipsisLineShare),
            ("gopher_alphabetic_words", alphabeticWordShare), ("gopher_stop_words", Double(stopWords)),
            ("gopher_dup_paragraphs", duplicateParagraphShare),
            ("gopher_dup_paragraph_chars", duplicateParagraphCharacterShare),
            ("gopher_dup_lines", duplicateLineShare), ("gopher_dup_line_chars", duplicateLineCharacterShare),
            ("gopher_quality_pass", qualityFailure == nil ? 1 : 0),
            ("gopher_repetition_pass", repetitionFailure == nil ? 1 : 0),
        ]
        values += zip(Self.topNGramKeys, topNGramCharacterShares)
        values += zip(Self.duplicateNGramKeys, duplicateNGramCharacterShares)
        return values
    }

    private static let topNGramKeys = (2...4).map { "gopher_top_\($0)gram_chars" }
    private static let duplicateNGramKeys = (5...10).map { "gopher_dup_\($0)gram_chars" }

    /// Gopher's quality thresholds, in datatrove's order.
    static func qualityFailure(_ signals: GopherSignals) -> String? {
        if signals.words < 50 { return "gopher_short_doc" }
        if signals.words > 100_000 { return "gopher_long_doc" }
        if signals.meanWordLength < 3 { return "gopher_below_avg_threshold" }
        if signals.meanWordLength > 10 { return "gopher_above_avg_threshold" }
        if signals.hashesPerWord > 0.1 { return "gopher_too_many_hashes" }
        if signals.ellipsesPerWord > 0.1 { return "gopher_too_many_ellipsis" }
        if signals.bulletLineShare > 0.9 { return "gopher_too_many_bullets" }
        if signals.ellipsisLineShare > 0.3 { return "gopher_too_many_end_ellipsis" }
        if signals.alphabeticWordShare < 0.8 { return "gopher_below_alpha_threshold" }
        if signals.stopWords < 2 { return "gopher_enough_stop_words" }
        return nil
    }

    /// Gopher's repetition thresholds, in datatrove's order.
    static func repetitionFailure(_ signals: GopherSignals) -> String? {
        if signals.duplicateParagraphShare > 0.3 { return "dup_para_frac" }
        if signals.duplicateParagraphCharacterShare > 0.2 { return "dup_para_char_frac" }
        if signals.duplicateLineShare > 0.3 { return "dup_line_frac" }
        if signals.duplicateLineCharacterShare > 0.2 { return "dup_line_char_frac" }
        for (offset, limit) in [0.2, 0.18, 0.16].enumerated() where signals.topNGramCharacterShares[offset] > limit {
            return "top_\(offset + 2)_gram"
        }
        for (offset, limit) in [0.15, 0.14, 0.13, 0.12, 0.11, 0.10].enumerated()
        where signals.duplicateNGramCharacterShares[offset] > limit {
            return "duplicated_\(offset + 5)_n_grams"
        }
        return nil
    }
}
