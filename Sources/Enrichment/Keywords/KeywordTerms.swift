import Foundation

/// The terms of a text (its words lower-cased, plural `s` folded) with YAKE's statistics: how
/// often each occurs, capitalised or in capitals, in which sentences, and which terms stand
/// right before and after it; then each term's weight `h` (lower is more important).
struct KeywordTerms {
    /// What is counted of one term.
    struct Counts {
        var frequency = 0.0
        var capitalised = 0.0
        var inCapitals = 0.0
        var distinctBefore = 0.0, totalBefore = 0.0
        var distinctAfter = 0.0, totalAfter = 0.0
        var isFunctionWord: Bool
    }

    /// The term of each word of the text.
    private(set) var termOfWord: [Int32] = []
    private(set) var counts: [Counts] = []
    /// Each term's weight once `weigh` has run.
    private(set) var weight: [Double] = []
    /// Co-occurrences: left term << 32 | right term → its number in `pairCounts`.
    private let pairs: KeyIndex
    private var pairCounts: [Double] = []
    private let words: [TextWords.Word]

    init(_ text: TextWords, functionWords: WordSet?) {
        words = text.words
        let index = KeyIndex(capacity: words.count / 2)
        pairs = KeyIndex(capacity: words.count)
        // Room for every word to be a new term, and every pair a new pair, trimmed after: the
        // counting runs on the buffers, without a uniqueness check a count.
        var counts = [Counts](repeating: Counts(isFunctionWord: false), count: words.count)
        var pairCounts = [Double](repeating: 0, count: words.count)
        var termOfWord = [Int32](repeating: 0, count: words.count)
        let pairs = pairs
        counts.withUnsafeMutableBufferPointer { counts in
            pairCounts.withUnsafeMutableBufferPointer { pairCounts in
                termOfWord.withUnsafeMutableBufferPointer { termOfWord in
                    words.withUnsafeBufferPointer { words in
                        for position in words.indices {
                            let word = words[position]
                            let (term, isNew) = index.number(of: word.termKey)
                            if isNew { counts[Int(term)].isFunctionWord = Self.isFunctionWord(word, functionWords) }
                            termOfWord[position] = term
                            Self.count(word, in: &counts[Int(term)])
                            guard position > 0, word.followsWord, Self.countsAsNeighbour(word),
                                Self.countsAsNeighbour(words[position - 1])
                            else { continue }
                            let left = termOfWord[position - 1]
                            let (pair, isNewPair) = pairs.number(of: UInt64(UInt32(left)) << 32 | UInt64(UInt32(term)))
                            if isNewPair {
                                counts[Int(left)].distinctAfter += 1
                                counts[Int(term)].distinctBefore += 1
                            }
                            pairCounts[Int(pair)] += 1
                            counts[Int(left)].totalAfter += 1
                            counts[Int(term)].totalBefore += 1
                        }
                    }
                }
            }
        }
        counts.removeLast(counts.count - index.count)
        pairCounts.removeLast(pairCounts.count - pairs.count)
        (self.counts, self.pairCounts, self.termOfWord) = (counts, pairCounts, termOfWord)
        if functionWords == nil { markFrequentShortWords() }
    }

    func isFunctionWord(_ term: Int32) -> Bool { counts[Int(term)].isFunctionWord }

    func frequency(_ term: Int32) -> Double { counts[Int(term)].frequency }

    /// Whether a word is a function word: listed, or too short to be a key word.
    private static func isFunctionWord(_ word: TextWords.Word, _ functionWords: WordSet?) -> Bool {
        if word.letters < 3 { return true }
        guard let functionWords else { return false }
        return functionWords.contains(word.key) || functionWords.contains(word.termKey)
    }

    /// Numbers and odd tokens are no one's neighbours (YAKE's discarded tags).
    private static func countsAsNeighbour(_ word: TextWords.Word) -> Bool {
        word.shape != .number && word.shape != .unusual
    }

    private static func count(_ word: TextWords.Word, in counts: inout Counts) {
        counts.frequency += 1
        switch word.shape {
        case .capitals: counts.inCapitals += 1
        case .titled where !word.startsSentence: counts.capitalised += 1
        default: break
        }
    }

    /// Times `right` came straight after `left`.
    func pairCount(_ left: Int32, _ right: Int32) -> Double {
        pairs.find(UInt64(UInt32(left)) << 32 | UInt64(UInt32(right))).map { pairCounts[Int($0)] } ?? 0
    }

    /// Without a list for the language: the short words the text uses most, never capitalised,
    /// are its function words (the commonest words of a language are its grammar).
    private mutating func markFrequentShortWords() {
        let threshold = max(3, Double(words.count) / 100)
        for term in counts.indices
        where counts[term].frequency >= threshold && counts[term].capitalised == 0 && counts[term].inCapitals == 0 {
            counts[term].isFunctionWord = true
        }
    }

    /// The natural logarithm, from a table for the small whole counts most terms have.
    private static func logarithm(_ value: Double) -> Double {
        if value >= 1, value < Double(logarithms.count), value == value.rounded() { return logarithms[Int(value)] }
        return log(value)
    }

    private static let logarithms: [Double] = (0..<256).map { $0 == 0 ? 0 : log(Double($0)) }

    /// YAKE's weight of a term's median sentence, ln(ln(3 + median)); the median is a whole or
    /// a half number, so the first thousand are a table.
    private static func positionWeight(_ median: Double) -> Double {
        let halves = Int(median * 2)
        if halves >= 0, halves < positionWeights.count, Double(halves) == median * 2 { return positionWeights[halves] }
        return log(log(3 + median))
    }

    private static let positionWeights: [Double] = (0..<2048).map { log(log(3 + Double($0) / 2)) }

    /// Computes each term's weight.
    mutating func weigh(sentenceCount: Int) {
        let content = counts.lazy.filter { !$0.isFunctionWord }.map(\.frequency)
        let contentCount = Double(content.count)
        guard contentCount > 0 else {
            weight = Array(repeating: .infinity, count: counts.count)
            return
        }
        let mean = content.reduce(0, +) / contentCount
        let deviation = (content.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / contentCount).squareRoot()
        let most = counts.lazy.map(\.frequency).max() ?? 1
        let sentences = sentencesOfTerms()
        weight = counts.indices.map { term in
            let counted = counts[term]
            // A function word's weight is never used: its neighbours' pair counts stand for it.
            if counted.isFunctionWord { return 0 }
            let tf = counted.frequency
            let before = counted.totalBefore == 0 ? 0 : counted.distinctBefore / counted.totalBefore
            let after = counted.totalAfter == 0 ? 0 : counted.distinctAfter / counted.totalAfter
            let relatedness = 0.5 + before * (tf / most) + 0.5 + after * (tf / most)
            let frequencyWeight = tf / (mean + deviation)
            let spread = Double(sentences.count(term)) / Double(max(1, sentenceCount))
            let casing = max(counted.capitalised, counted.inCapitals) / (1 + Self.logarithm(tf))
            let position = Self.positionWeight(sentences.median(term))
            return position * relatedness / (casing + frequencyWeight / relatedness + spread / relatedness)
        }
    }

    /// The distinct sentences each term occurs in, in one flat array.
    private func sentencesOfTerms() -> TermSentences {
        // Function words' sentences are never asked for: they are left out of both passes.
        let termCount = counts.count
        var starts = [Int32](repeating: 0, count: termCount + 1)
        var last = [Int32](repeating: -1, count: termCount)
        var sentences: [Int32] = []
        counts.withUnsafeBufferPointer { counted in
            termOfWord.withUnsafeBufferPointer { termOfWord in
                words.withUnsafeBufferPointer { words in
                    for position in words.indices {
                        let term = Int(termOfWord[position])
                        if !counted[term].isFunctionWord, last[term] != words[position].sentence {
                            (starts[term + 1], last[term]) = (starts[term + 1] + 1, words[position].sentence)
                        }
                    }
                    for term in 0..<termCount { starts[term + 1] += starts[term] }
                    var filled = starts
                    sentences = [Int32](repeating: 0, count: Int(starts[termCount]))
                    last.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
                    for position in words.indices {
                        let term = Int(termOfWord[position])
                        guard !counted[term].isFunctionWord, last[term] != words[position].sentence else { continue }
                        last[term] = words[position].sentence
                        sentences[Int(filled[term])] = words[position].sentence
                        filled[term] += 1
                    }
                }
            }
        }
        return TermSentences(starts: starts, sentences: sentences)
    }
}

/// Each term's sentences, ascending, as ranges of one array.
private struct TermSentences {
    let starts: [Int32]
    let sentences: [Int32]

    func count(_ term: Int) -> Int { Int(starts[term + 1] - starts[term]) }

    /// The median sentence (the mean of the middle two for an even count).
    func median(_ term: Int) -> Double {
        let (start, count) = (Int(starts[term]), self.count(term))
        guard count > 0 else { return 0 }
        let middle = start + count / 2
        if count % 2 == 1 { return Double(sentences[middle]) }
        return Double(sentences[middle - 1] + sentences[middle]) / 2
    }
}
