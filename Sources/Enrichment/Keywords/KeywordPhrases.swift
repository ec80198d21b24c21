import PageModel

/// Every run of one to `longest` words inside a sentence with no punctuation between them,
/// each distinct run (lower-cased) once with its count and first place, and the score YAKE
/// gives it from its terms' weights: the product of the weights over one plus their sum, over
/// the phrase's count; a function word inside weighs by how surely its neighbours call for it.
struct KeywordPhrases {
    struct Phrase {
        /// The word where the phrase first occurs, and its length in words.
        let first: Int
        let length: Int
        var count: Double
        var score: Double = .infinity
    }

    private(set) var phrases: [Phrase] = []

    init(_ text: TextWords, terms: KeywordTerms, longest: Int) {
        let words = text.words
        // Only candidates are counted: runs that end and start on a content word, with no
        // number or odd token inside (the others could never be chosen).
        let kinds = words.indices.map { Self.kind(of: $0, words, terms) }
        let index = KeyIndex(capacity: words.count)
        phrases.reserveCapacity(words.count)
        for end in words.indices where kinds[end] == .content {
            var key = TextMeasures.fnvOffset
            var start = end
            // Grown leftwards from `end`, as far as the block of words goes.
            for length in 1...longest {
                if length > 1 {
                    guard words[start].followsWord, kinds[start - 1] != .barrier else { break }
                    start -= 1
                }
                key = TextMeasures.fnvMixed(key &* 31, words[start].key)
                guard kinds[start] == .content else { continue }
                let (number, isNew) = index.number(of: key)
                if isNew {
                    phrases.append(Phrase(first: start, length: length, count: 1))
                } else {
                    phrases[Int(number)].count += 1
                }
            }
        }
        for phrase in phrases.indices {
            phrases[phrase].score = Self.score(phrases[phrase], terms)
        }
    }

    /// What a word can be in a candidate: its start or end, only inside, or neither.
    private enum Kind {
        case content, function, barrier
    }

    /// Numbers and odd tokens end every run; function words may only stand inside one.
    private static func kind(of position: Int, _ words: [TextWords.Word], _ terms: KeywordTerms) -> Kind {
        let shape = words[position].shape
        if shape == .number || shape == .unusual { return .barrier }
        return terms.isFunctionWord(terms.termOfWord[position]) ? .function : .content
    }

    private static func score(_ phrase: Phrase, _ terms: KeywordTerms) -> Double {
        var (product, sum) = (1.0, 0.0)
        let range = phrase.first..<phrase.first + phrase.length
        for position in range {
            let term = terms.termOfWord[position]
            if !terms.isFunctionWord(term) {
                product *= terms.weight[Int(term)]
                sum += terms.weight[Int(term)]
                continue
            }
            // How likely the words around call for this one: P(it | before) · P(after | it).
            var before = 0.0, after = 0.0
            if position > range.lowerBound {
                let left = terms.termOfWord[position - 1]
                before = terms.pairCount(left, term) / terms.frequency(left)
            }
            if position + 1 < range.upperBound {
                let right = terms.termOfWord[position + 1]
                after = terms.pairCount(term, right) / terms.frequency(right)
            }
            let probability = before * after
            product *= 2 - probability
            sum -= 1 - probability
        }
        return product / ((sum + 1) * phrase.count)
    }

    /// The `limit` best candidates (lowest score first; ties in the order of first occurrence),
    /// kept in a short sorted list as the candidates go by rather than all of them sorted.
    func ranked(limit: Int) -> [Phrase] {
        var best: [Phrase] = []
        best.reserveCapacity(limit + 1)
        for phrase in phrases where phrase.score.isFinite {
            if best.count == limit, let worst = best.last, !Self.precedes(phrase, worst) { continue }
            var place = best.count
            while place > 0, Self.precedes(phrase, best[place - 1]) { place -= 1 }
            best.insert(phrase, at: place)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// Every candidate, best first.
    func ranked() -> [Phrase] {
        phrases.filter(\.score.isFinite).sorted(by: Self.precedes)
    }

    private static func precedes(_ first: Phrase, _ second: Phrase) -> Bool {
        (first.score, first.first) < (second.score, second.first)
    }
}
