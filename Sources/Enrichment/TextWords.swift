import PageModel

/// A text's words as the reader-facing enrichments (keywords, entities, quotes) read them:
/// runs of letters and digits, hyphens and decimal points inside; elided articles (`l’`, `dell’`)
/// and clitics (`’s`, `n’t`) left out; each word with a hash of its lower-cased scalars, its
/// shape, its sentence, and whether only white space separates it from the word before (a
/// phrase never spans punctuation). Offsets are in the text's scalars; no strings are made.
struct TextWords {
    /// How a word is written.
    enum Shape: UInt8 {
        /// Lower case (or uncased, as in scripts without case).
        case lower
        /// An initial capital and no other ("Poutine", "Jong-un").
        case titled
        /// Every cased letter a capital ("ONU", "NATO", "A").
        case capitals
        /// Capitals inside ("McDonald", "iPhone").
        case mixed
        /// Digits only, with separators ("2023", "1,000", "3.5").
        case number
        /// Digits and letters mixed, or more than one inner mark ("G7", "state-of-the-art").
        case unusual
    }

    struct Word {
        var start: Int32
        var end: Int32
        /// The hash of the lower-cased word.
        var key: UInt64
        /// The hash of the lower-cased word without a final `s` when it has more than three
        /// scalars (YAKE's plural folding: "missiles" and "missile" are one term).
        var termKey: UInt64
        var sentence: Int32
        var shape: Shape
        /// Whether only white space separates it from the previous word of the same sentence.
        var followsWord: Bool
        var startsSentence: Bool
        /// Scalars that are not ASCII punctuation.
        var letters: Int16
    }

    let words: [Word]
    let sentenceCount: Int

    /// Splits `text`; `language` (ISO 639-1) decides how apostrophes split (French and Italian
    /// elide the word before one, English cliticises the word after).
    init(_ text: ScalarText, language: String?) {
        var reader = Reader(elidesBefore: Self.elidingLanguages.contains(language ?? ""))
        text.scalars.withUnsafeBufferPointer { scalars in
            text.traits.withUnsafeBufferPointer { traits in
                reader.read(scalars, traits)
            }
        }
        (words, sentenceCount) = (reader.words, Int(reader.sentence) + (reader.atSentenceStart ? 0 : 1))
    }

    private static let elidingLanguages: Set<String> = ["fr", "it", "ca"]

    /// Whether a scalar can be part of a word.
    @inline(__always)
    static func isWordScalar(_ traits: ScalarTraits, _ value: UInt32) -> Bool {
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10 }
        return traits.rawValue & wordTraits != 0 || value &- 0x300 < 0x70
    }

    /// Letters, alphabetic marks and numbers, as bits (an option-set literal would be built
    /// on every call).
    private static let wordTraits =
        ScalarTraits.letter.rawValue | ScalarTraits.alphabetic.rawValue
        | ScalarTraits.numeric.rawValue

    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019 || value == 0x2BC
    }

    /// The lower-case form of one scalar: ASCII by arithmetic, others by Unicode's mapping.
    @inline(__always)
    static func lowered(_ scalar: Unicode.Scalar, _ traits: ScalarTraits) -> UInt32 {
        let value = scalar.value
        if value < 0x80 { return value &- 0x41 < 26 ? value | 0x20 : value }
        guard traits.contains(.uppercase) else { return value }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
    }
}

extension TextWords {
    /// The pass over the scalars: a word at a time, sentences ended by terminal punctuation
    /// followed by white space (not after a single letter, an initial) and by line breaks.
    fileprivate struct Reader {
        let elidesBefore: Bool
        var words: [Word] = []
        var sentence: Int32 = 0
        /// Whether the next word starts a sentence, and whether only spaces came since the last word.
        var atSentenceStart = true
        var onlySpaceSince = true

        init(elidesBefore: Bool) {
            self.elidesBefore = elidesBefore
        }

        mutating func read(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ traits: UnsafeBufferPointer<ScalarTraits>)
        {
            words.reserveCapacity(scalars.count / 6)
            var index = 0
            while index < scalars.count {
                let trait = traits[index]
                if TextWords.isWordScalar(trait, scalars[index].value) {
                    index = readWord(from: index, scalars, traits)
                    continue
                }
                if trait.contains(.lineBreak) {
                    endSentence()
                } else if trait.contains(.sentenceEnd), endsSentence(at: index, scalars, traits) {
                    endSentence()
                } else if !trait.contains(.space) {
                    onlySpaceSince = false
                }
                index += 1
            }
        }

        private mutating func endSentence() {
            if !atSentenceStart { sentence += 1 }
            (atSentenceStart, onlySpaceSince) = (true, false)
        }

        /// A full stop, question or exclamation mark ends a sentence when white space, a line's
        /// end or a closing quote follows, and (a full stop) it does not follow an initial.
        private func endsSentence(
            at index: Int, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ traits: UnsafeBufferPointer<ScalarTraits>
        ) -> Bool {
            var next = index + 1
            while next < scalars.count, traits[next].contains(.quote) || traits[next].contains(.sentenceEnd) {
                next += 1
            }
            guard next == scalars.count || traits[next].contains(.space) else { return false }
            // "“We will win!” he said": a lower-case word after the mark goes on with the sentence.
            var following = next
            while following < scalars.count, traits[following].contains(.space), !traits[following].contains(.lineBreak)
            {
                following += 1
            }
            if following < scalars.count, following > index + 1, scalars[index] != ".",
                traits[following].contains(.lowercase), traits[index + 1].contains(.quote)
            {
                return false
            }
            guard scalars[index] == ".", let last = words.last, Int(last.end) == index else { return true }
            return !(last.end - last.start == 1 && last.shape == .capitals)
        }

        /// Reads the word starting at `start`, hashing and classing its scalars on the way;
        /// returns where reading goes on.
        private mutating func readWord(
            from start: Int, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ traits: UnsafeBufferPointer<ScalarTraits>
        ) -> Int {
            var piece = Piece(start: start)
            var end = start
            while end < scalars.count {
                end = piece.addRun(from: end, scalars, traits)
                guard end + 1 < scalars.count, TextWords.isWordScalar(traits[end + 1], scalars[end + 1].value) else {
                    break
                }
                let value = scalars[end].value
                if value == 0x2D || value == 0x2010 {
                    piece.add(scalars[end], traits[end])
                    end += 1
                } else if value == 0x2E || value == 0x2C, traits[end - 1].contains(.numeric),
                    traits[end + 1].contains(.numeric)
                {
                    piece.add(scalars[end], traits[end])
                    end += 1
                } else if TextWords.isApostrophe(value) {
                    if elidesBefore {
                        // "l’ONU", "dell’Italia": the article before the apostrophe is left out.
                        if !piece.isElision(end: end) { append(piece, end: end) }
                        end += 1
                        piece = Piece(start: end)
                        continue
                    }
                    // "Putin’s", "don’t": the clitic after it is left out; "O’Brien" stays whole.
                    var clitic = end + 1
                    while clitic < scalars.count, TextWords.isWordScalar(traits[clitic], scalars[clitic].value) {
                        clitic += 1
                    }
                    if clitic - end - 1 <= 2 {
                        append(piece, end: end)
                        // "Putin’s plan" is no phrase "Putin plan".
                        onlySpaceSince = false
                        return clitic
                    }
                    piece.add(scalars[end], traits[end])
                    end += 1
                } else {
                    break
                }
            }
            append(piece, end: end)
            return end
        }

        private mutating func append(_ piece: Piece, end: Int) {
            guard end > piece.start else { return }
            let count = end - piece.start
            let termKey = piece.last == 0x73 && count > 3 ? piece.beforeLast : piece.hash
            words.append(
                Word(
                    start: Int32(piece.start), end: Int32(end), key: piece.hash, termKey: termKey,
                    sentence: sentence, shape: piece.shape(count: count),
                    followsWord: onlySpaceSince && !atSentenceStart,
                    startsSentence: atSentenceStart, letters: Int16(clamping: count - Int(piece.marks))))
            (atSentenceStart, onlySpaceSince) = (false, true)
        }
    }

    /// A word as its scalars go by: the hash of their lower-case forms, and what they are.
    fileprivate struct Piece {
        let start: Int
        var hash = TextMeasures.fnvOffset
        /// The hash before the last scalar, and the last scalar, for the plural-folded key.
        var beforeLast = TextMeasures.fnvOffset
        var last: UInt32 = 0
        var upper: Int32 = 0, lower: Int32 = 0, digits: Int32 = 0, letters: Int32 = 0, marks: Int32 = 0
        var firstUpper = false

        init(start: Int) {
            self.start = start
        }

        /// Adds the run of word scalars from `start`; returns where it ends. On local
        /// variables, apart from the joiners' cases, so the loop stays in registers.
        @inline(never)
        mutating func addRun(
            from start: Int, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ traits: UnsafeBufferPointer<ScalarTraits>
        ) -> Int {
            var (hash, beforeLast, last) = (self.hash, self.beforeLast, self.last)
            var (upper, lower, digits, letters, marks) = (self.upper, self.lower, self.digits, self.letters, self.marks)
            if start == self.start, start < scalars.count {
                let first = scalars[start].value
                firstUpper = first &- 0x41 < 26 || (first >= 0x80 && traits[start].contains(.uppercase))
            }
            var index = start
            while index < scalars.count {
                var value = scalars[index].value
                if value &- 0x61 < 26 {
                    (lower, letters) = (lower &+ 1, letters &+ 1)
                } else if value &- 0x41 < 26 {
                    (upper, letters, value) = (upper &+ 1, letters &+ 1, value | 0x20)
                } else if value &- 0x30 < 10 {
                    digits &+= 1
                } else if value < 0x80 {
                    break
                } else {
                    let trait = traits[index]
                    guard TextWords.isWordScalar(trait, value) else { break }
                    value = TextWords.lowered(scalars[index], trait)
                    Self.count(trait, &upper, &lower, &digits, &letters, &marks)
                }
                beforeLast = hash
                last = value
                hash = TextMeasures.fnvMixed(hash, UInt64(value))
                index &+= 1
            }
            (self.hash, self.beforeLast, self.last) = (hash, beforeLast, last)
            (self.upper, self.lower, self.digits, self.letters, self.marks) = (upper, lower, digits, letters, marks)
            return index
        }

        /// Counts a scalar past ASCII letters and digits by its traits.
        @inline(__always)
        private static func count(
            _ traits: ScalarTraits, _ upper: inout Int32, _ lower: inout Int32, _ digits: inout Int32,
            _ letters: inout Int32, _ marks: inout Int32
        ) {
            if traits.contains(.uppercase) {
                upper &+= 1
            } else if traits.contains(.lowercase) {
                lower &+= 1
            }
            if traits.contains(.numeric) {
                digits &+= 1
            } else if traits.contains(.letter) {
                letters &+= 1
            }
            if traits.contains(.punctuation) { marks &+= 1 }
        }

        /// Adds a joiner inside the word (a hyphen, a decimal point, an apostrophe).
        mutating func add(_ scalar: Unicode.Scalar, _ traits: ScalarTraits) {
            let value = scalar.value < 0x80 ? scalar.value : TextWords.lowered(scalar, traits)
            (beforeLast, last) = (hash, value)
            hash = TextMeasures.fnvMixed(hash, UInt64(value))
            if scalar.value < 0x80 {
                marks &+= 1
            } else {
                Self.count(traits, &upper, &lower, &digits, &letters, &marks)
            }
        }

        /// An elided article: one or two letters ("l", "L", "qu"), or a few without capitals ("dell").
        func isElision(end: Int) -> Bool {
            end - start <= 2 || (end - start <= 6 && upper == 0)
        }

        func shape(count: Int) -> Shape {
            if letters == 0, digits > 0 { return .number }
            if digits > 0 || letters == 0 || marks > 1 { return .unusual }
            if upper > 0, lower == 0 { return .capitals }
            if firstUpper, upper == 1, count > 1 { return .titled }
            return upper > 0 ? .mixed : .lower
        }
    }
}

extension [TextWords.Word] {
    /// Whether the word at `index` comes right after (white space only between, in one
    /// sentence's run) a word of `set`: "in Montenegro", "senador Luiz", "with CNBC".
    func follows(_ set: WordSet, at index: Int) -> Bool {
        index > 0 && index < count && self[index].followsWord && set.contains(self[index - 1].key)
    }
}
