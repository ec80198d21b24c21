import PageModel

/// A page's own key phrases, found the way YAKE finds them (Campos et al., 2020): statistical,
/// unsupervised and from the one text alone. Each term (a lower-cased word, plural `s` folded)
/// is weighed by five features: how often it is capitalised, how early it comes, how often
/// against the text's other terms, how many different words stand beside it (a word beside
/// everything is a function word), and in how many sentences. Phrases of one to three words
/// that neither start nor end with a function word and cross no punctuation are scored from
/// their terms; the lowest scores win, near repeats of a better phrase left out.
public struct KeywordExtractor: Sendable {
    /// Phrases to keep.
    public var count: Int
    /// Words a phrase holds at most.
    public var longestPhrase: Int
    /// Two phrases whose lower-cased forms are this similar (1 − edit distance / length) are
    /// one: only the better is kept.
    public var sameness: Double

    public init(count: Int = 10, longestPhrase: Int = 3, sameness: Double = 0.9) {
        (self.count, self.longestPhrase, self.sameness) = (count, max(1, longestPhrase), sameness)
    }

    /// The key phrases of `text` in `language` (ISO 639-1), best first.
    public func keywords(of text: String, language: String?) -> [PageKeyword] {
        let scalars = ScalarText(text)
        return keywords(of: scalars, words: TextWords(scalars, language: language), language: language)
    }

    func keywords(of text: ScalarText, words: TextWords, language: String?) -> [PageKeyword] {
        guard !words.words.isEmpty else { return [] }
        var terms = KeywordTerms(words, functionWords: FunctionWords.of(language))
        terms.weigh(sentenceCount: words.sentenceCount)
        let phrases = KeywordPhrases(words, terms: terms, longest: longestPhrase)
        return best(phrases, text: text, words: words.words)
    }

    /// The best-scored phrases, skipping any too like one already kept: from the best few
    /// first, from all of them when those are too alike to fill the count.
    private func best(_ phrases: KeywordPhrases, text: ScalarText, words: [TextWords.Word]) -> [PageKeyword] {
        let few = phrases.ranked(limit: count * 3)
        let kept = best(few, text: text, words: words)
        guard kept.count < count, few.count == count * 3 else { return kept }
        return best(phrases.ranked(), text: text, words: words)
    }

    private func best(_ ranked: [KeywordPhrases.Phrase], text: ScalarText, words: [TextWords.Word]) -> [PageKeyword] {
        var kept: [(lowered: [UInt32], keyword: PageKeyword)] = []
        for phrase in ranked {
            let phraseWords = words[phrase.first..<phrase.first + phrase.length]
            let lowered = Self.lowered(text, words: phraseWords)
            if kept.contains(where: { EditDistance.similarity($0.lowered, lowered, above: sameness) }) { continue }
            kept.append((lowered, PageKeyword(phrase: Self.surface(text, words: phraseWords), score: phrase.score)))
            if kept.count == count { break }
        }
        return kept.map(\.keyword)
    }

    /// A phrase lower-cased, its words joined by single spaces.
    private static func lowered(_ text: ScalarText, words: ArraySlice<TextWords.Word>) -> [UInt32] {
        var lowered: [UInt32] = []
        for word in words {
            if !lowered.isEmpty { lowered.append(0x20) }
            for index in Int(word.start)..<Int(word.end) {
                lowered.append(TextWords.lowered(text.scalars[index], text.traits[index]))
            }
        }
        return lowered
    }

    /// A phrase as written, its words joined by single spaces.
    private static func surface(_ text: ScalarText, words: ArraySlice<TextWords.Word>) -> String {
        var bytes: [UInt8] = []
        for word in words {
            if !bytes.isEmpty { bytes.append(0x20) }
            for index in Int(word.start)..<Int(word.end) { UTF8.encode(text.scalars[index]) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The Levenshtein distance between two sequences as a similarity: 1 − distance / longer length.
enum EditDistance {
    static func similarity(_ first: [UInt32], _ second: [UInt32]) -> Double {
        let longer = max(first.count, second.count)
        guard longer > 0 else { return 1 }
        return 1 - Double(distance(first, second)) / Double(longer)
    }

    /// The Levenshtein distance.
    static func distance(_ first: [UInt32], _ second: [UInt32]) -> Int {
        // No distance exceeds the longer length: the band is then the whole table.
        distance(first, second, atMost: max(first.count, second.count)) ?? max(first.count, second.count)
    }

    /// Whether the similarity exceeds `threshold`: the distance then stays below a bound (a
    /// few edits for phrases of a few dozen scalars), so only a band of that width around the
    /// diagonal is computed, and a row past the bound ends it.
    static func similarity(_ first: [UInt32], _ second: [UInt32], above threshold: Double) -> Bool {
        let longer = max(first.count, second.count)
        guard longer > 0 else { return 1 > threshold }
        // distance < (1 − threshold) · longer
        let bound = Int(((1 - threshold) * Double(longer)).rounded(.up)) - 1
        guard bound >= 0, abs(first.count - second.count) <= bound else { return false }
        if bound == 0 { return first == second }
        guard let distance = distance(first, second, atMost: bound) else { return false }
        return 1 - Double(distance) / Double(longer) > threshold
    }

    /// The distance when it is at most `bound`, else nil.
    static func distance(_ first: [UInt32], _ second: [UInt32], atMost bound: Int) -> Int? {
        let beyond = bound + 1
        var previous = (0...second.count).map { min($0, beyond) }
        var current = [Int](repeating: beyond, count: second.count + 1)
        for row in 1...max(1, first.count) where !first.isEmpty {
            let low = max(1, row - bound), high = min(second.count, row + bound)
            current[0] = min(row, beyond)
            if low > 1 { current[low - 1] = beyond }
            var best = current[0]
            if low <= high {
                for column in low...high {
                    let substitution = previous[column - 1] + (first[row - 1] == second[column - 1] ? 0 : 1)
                    let value = min(substitution, previous[column] + 1, current[column - 1] + 1, beyond)
                    current[column] = value
                    best = min(best, value)
                }
            }
            if high < second.count { current[high + 1] = beyond }
            if best > bound { return nil }
            swap(&previous, &current)
        }
        let distance = previous[second.count]
        return distance <= bound ? distance : nil
    }
}
