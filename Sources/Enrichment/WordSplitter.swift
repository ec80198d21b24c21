import PageModel

/// Splits a text into words and punctuation the way the rule sets' reference implementation
/// counts them (datatrove's word tokenizer: spaCy's rules for languages written with spaces):
/// at white space, then punctuation peeled off each end of a chunk (quotes, brackets, a final
/// full stop, commas, `%` after a number, `'s`, and in English `n't`), then hyphens, slashes
/// and commas between letters split inside it, and in French, Italian and Catalan an elided
/// article (`l'`, `dell'`). Addresses (a URL, an e-mail) and abbreviations (`U.S.`, `e.g.`,
/// initials) stay whole. In Chinese and Japanese each Han or kana character is a word.
public enum WordSplitter {
    /// The words and punctuation marks of `text`, in order; `language` is ISO 639-1.
    public static func words(_ text: String, language: String? = nil) -> [String] {
        let text = ScalarText(text)
        return tokens(text, language: language).map { token in
            WordRules.string(text.scalars[Int(token.start)..<Int(token.start + token.length)])
        }
    }

    /// The words of `text` as the rules count them: no strings made (`WordToken`).
    public static func tokens(_ text: String, language: String? = nil) -> [WordToken] {
        tokens(ScalarText(text), language: language)
    }

    static func tokens(_ text: ScalarText, in range: Range<Int>? = nil, language: String?) -> [WordToken] {
        let range = range ?? 0..<text.count
        var tokens: [WordToken] = []
        tokens.reserveCapacity(range.count / 5)
        text.scalars.withUnsafeBufferPointer { scalars in
            text.traits.withUnsafeBufferPointer { traits in
                let rules = WordRules(language: language, scalars: scalars, traits: traits)
                let breaks: ScalarTraits = language == "zh" || language == "ja" ? [.space, .unspaced] : .space
                var chunk = ChunkSummary(start: range.lowerBound)
                for index in range {
                    let here = traits[index]
                    guard !here.isDisjoint(with: breaks) else {
                        chunk.add(scalars[index], here)
                        continue
                    }
                    chunk.flush(to: &tokens, rules: rules, end: index)
                    if !here.contains(.space) {
                        tokens.append(WordToken(scalars, traits, index..<(index + 1)))
                    }
                    chunk = ChunkSummary(start: index + 1)
                }
                chunk.flush(to: &tokens, rules: rules, end: range.upperBound)
            }
        }
        return tokens
    }
}

/// A chunk between white space as it is read: a chunk without punctuation (most are) is one
/// word, made into a token from what was gathered while reading it, and so is a word with one
/// mark after it that always splits off (`word,`, `said:`, `this)`), the mark a token after it.
private struct ChunkSummary {
    let start: Int
    var hash = TextMeasures.fnvOffset
    var hasLetter = false
    var punctuation = 0
    var last: Unicode.Scalar = " "

    init(start: Int) {
        self.start = start
    }

    @inline(__always)
    mutating func add(_ scalar: Unicode.Scalar, _ traits: ScalarTraits) {
        last = scalar
        hash = TextMeasures.fnvMixed(hash, UInt64(scalar.value))
        hasLetter = hasLetter || traits.contains(.letter)
        if traits.contains(.punctuation) { punctuation += 1 }
    }

    func flush(to tokens: inout [WordToken], rules: WordRules, end: Int) {
        guard end > start else { return }
        if punctuation == 0 {
            tokens.append(WordToken(plain: start..<end, hash: hash, hasLetter: hasLetter))
        } else if punctuation == 1, end - start >= 2, rules.traits[end - 1].contains(.punctuation),
            WordRules.alwaysSplitsOff(last)
        {
            // The word before the mark, read again: cheaper than keeping its hash for every chunk.
            tokens.append(WordToken(rules.scalars, rules.traits, start..<(end - 1)))
            tokens.append(WordToken(rules.scalars, rules.traits, (end - 1)..<end))
        } else {
            // The buffers captured, not the rules: a closure holding them would copy them each time.
            let (scalars, traits) = (rules.scalars, rules.traits)
            rules.split(start..<end) { tokens.append(WordToken(scalars, traits, $0)) }
        }
    }
}
