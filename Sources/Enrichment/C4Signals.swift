/// The numbers behind C4's line and page rules (Raffel et al., 2020), as datatrove's
/// `C4QualityFilter` applies them with its defaults: each line of the text (`splitlines`,
/// stripped, Wikipedia-style citations removed) is kept when it ends in terminal punctuation
/// (`.`, `?`, `!`, `"`, `'`, not `...`), has three words or more, none over 1,000 characters,
/// and does not mention JavaScript or a cookie or terms-of-use notice; a page with "lorem
/// ipsum" or a curly bracket in a line that would be kept is dropped, and so is a page whose
/// kept lines hold fewer than five sentences (spaCy's sentencizer).
public struct C4Signals: Sendable, Equatable {
    public var lines = 0
    /// Lines ending in terminal punctuation (after the word-length check).
    public var terminalLines = 0
    public var javascriptLines = 0
    public var policyLines = 0
    /// Lines that would be kept holding "lorem ipsum" or a curly bracket.
    public var loremIpsumLines = 0
    public var curlyBracketLines = 0
    public var keptLines = 0
    /// C4's verdict as datatrove's defaults apply it, and as FineWeb's pipeline does, without
    /// the terminal-punctuation rule (`filter_no_terminal_punct=False`).
    var standard = Verdict()
    var fineWebVariant = Verdict()

    /// Sentences in the kept lines.
    public var sentences: Int { standard.sentences }
    /// The first rule the page breaks (`lorem_ipsum`, `curly_bracket`, `too_few_sentences`), or nil.
    public var failure: String? { standard.failure }
    /// The same without the terminal-punctuation rule, as FineWeb applies C4's.
    public var fineWebFailure: String? { fineWebVariant.failure }

    /// `.`, `?`, `!`, `"`, `'`.
    static func isEnding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "?", "!", "\"", "'": return true
        default: return false
        }
    }
    /// "lorem ipsum" (bit 0), "javascript" (bit 1), then the policy phrases.
    static let phrases = PhraseSet([
        "lorem ipsum", "javascript", "terms of use", "privacy policy", "cookie policy", "uses cookies",
        "use of cookies", "use cookies",
    ])

    /// `lines` are the text's `splitlines()`.
    init(_ text: ScalarText, lines textLines: [Range<Int>], tokens: [WordToken], language: String?) {
        var cursor = 0
        for line in textLines {
            lines += 1
            let stripped = text.trimmed(line)
            let shape = Self.shape(text, stripped)
            guard shape.longest <= 1000 else { continue }
            if shape.bracket {
                let cleaned = ScalarText(Citations.removed(from: text.scalars[stripped]))
                let lineTokens = WordSplitter.tokens(cleaned, language: language)
                let cleanedShape = Self.shape(cleaned, 0..<cleaned.count)
                measure(
                    cleaned, 0..<cleaned.count, shape: (shape.words, cleanedShape.curly, cleanedShape.phrases),
                    tokens: lineTokens[...])
            } else {
                while cursor < tokens.count, Int(tokens[cursor].start) < stripped.lowerBound { cursor += 1 }
                var end = cursor
                while end < tokens.count, Int(tokens[end].start) < stripped.upperBound { end += 1 }
                measure(text, stripped, shape: (shape.words, shape.curly, shape.phrases), tokens: tokens[cursor..<end])
                cursor = end
            }
        }
        standard.finish()
        fineWebVariant.finish()
    }

    /// `shape` is the line's words, whether it has a `{`, and the phrases it holds.
    private mutating func measure(
        _ text: ScalarText, _ line: Range<Int>, shape: (words: Int, curly: Bool, phrases: UInt32),
        tokens: ArraySlice<WordToken>
    ) {
        let (words, curly, found) = shape
        let terminal =
            !line.isEmpty && Self.isEnding(text.scalars[line.upperBound - 1])
            && !text.has(suffix: ScalarText.dots, in: line)
        if terminal { terminalLines += 1 }
        guard words >= 3 else { return }
        // spaCy's sentences, counted once for both verdicts, when one keeps the line.
        var lineSentences = -1
        let count: () -> Int = {
            if lineSentences < 0 { lineSentences = Self.sentences(tokens) }
            return lineSentences
        }
        if terminal {
            if found & 1 != 0 { loremIpsumLines += 1 }
            if found & 1 == 0, found & 2 != 0 { javascriptLines += 1 }
            if found & 3 == 0, curly { curlyBracketLines += 1 }
            if found & 3 == 0, !curly, found > 3 { policyLines += 1 }
            if standard.take(found: found, curly: curly, sentences: count) { keptLines += 1 }
        }
        _ = fineWebVariant.take(found: found, curly: curly, sentences: count)
    }

    /// One verdict's running state: the first page rule broken, and the sentences kept.
    struct Verdict: Sendable, Equatable {
        var failure: String?
        var sentences = 0

        /// Applies the line rules after the terminal-punctuation one; whether the line is kept.
        mutating func take(found: UInt32, curly: Bool, sentences count: () -> Int) -> Bool {
            if found & 1 != 0 {
                if failure == nil { failure = "lorem_ipsum" }
                return false
            }
            if found & 2 != 0 { return false }
            if curly {
                if failure == nil { failure = "curly_bracket" }
                return false
            }
            if found > 3 { return false }
            sentences += count()
            return true
        }

        mutating func finish() {
            if failure == nil, sentences < 5 { failure = "too_few_sentences" }
        }
    }

    /// `len(line.split())`, the longest of those words, whether the line has a `[` or a `{`,
    /// and which of `phrases` it holds: one pass over it.
    static func shape(
        _ text: ScalarText, _ range: Range<Int>
    ) -> (
        words: Int, longest: Int, bracket: Bool, curly: Bool, phrases: UInt32
    ) {
        var (count, longest, run, bracket, curly) = (0, 0, 0, false, false)
        var found: UInt32 = 0
        let phrases = Self.phrases
        text.scalars.withUnsafeBufferPointer { scalars in
            text.traits.withUnsafeBufferPointer { traits in
                // One pass: words and brackets, and the phrases, which start with a letter.
                let last = range.upperBound - 1
                for index in range {
                    if traits[index].contains(.space) {
                        if run > 0 { (count, longest, run) = (count + 1, max(longest, run), 0) }
                        continue
                    }
                    run += 1
                    switch scalars[index] {
                    case "[": bracket = true
                    case "{": curly = true
                    default:
                        if index < last { found |= phrases.found(at: index, before: range.upperBound, in: scalars) }
                    }
                }
            }
        }
        if run > 0 { (count, longest) = (count + 1, max(longest, run)) }
        return (count, longest, bracket, curly, found)
    }

    /// The sentences spaCy's sentencizer finds in a line: one, and one more at each word that
    /// follows a sentence-ending mark and is not punctuation itself.
    static func sentences(_ tokens: ArraySlice<WordToken>) -> Int {
        guard !tokens.isEmpty else { return 0 }
        var (count, seenEnd) = (1, false)
        for token in tokens {
            if seenEnd, !token.isPunctuation, !token.endsSentence {
                count += 1
                seenEnd = false
            } else if token.endsSentence {
                seenEnd = true
            }
        }
        return count
    }

    /// The signals by name, and `c4_pass` and `c4_fineweb_pass`.
    public var named: [String: Double] {
        Dictionary(uniqueKeysWithValues: namedValues)
    }

    var namedValues: [(String, Double)] {
        let total = Double(max(lines, 1))
        return [
            ("c4_lines", Double(lines)), ("c4_terminal_lines", Double(terminalLines) / total),
            ("c4_javascript_lines", Double(javascriptLines)), ("c4_policy_lines", Double(policyLines)),
            ("c4_lorem_ipsum_lines", Double(loremIpsumLines)), ("c4_curly_bracket_lines", Double(curlyBracketLines)),
            ("c4_kept_lines", Double(keptLines) / total), ("c4_sentences", Double(sentences)),
            ("c4_pass", failure == nil ? 1 : 0), ("c4_fineweb_pass", fineWebFailure == nil ? 1 : 0),
        ]
    }
}

/// Wikipedia-style citations, as datatrove removes them: `[12]`, `[]`, `[edit]`, `[citation needed]`.
enum Citations {
    private static let words = [Array("edit]".unicodeScalars), Array("citation needed]".unicodeScalars)]

    static func removed(from line: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(line.count)
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == "[", let length = citationLength(line[index...]) {
                index += length
            } else {
                kept.append(line[index])
                index += 1
            }
        }
        return kept
    }

    private static func citationLength(_ rest: ArraySlice<Unicode.Scalar>) -> Int? {
        let body = rest.dropFirst()
        let digits = body.prefix { $0.properties.numericType == .decimal }.count
        if body.dropFirst(digits).first == "]" { return digits + 2 }
        for word in words where body.starts(with: word) { return word.count + 1 }
        return nil
    }
}
