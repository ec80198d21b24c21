/// What the quality rules ask of a Unicode scalar, looked up in one table for the alphabetic
/// scripts (below U+3000, built once, 24 KB) and by block for Chinese, Japanese and Korean,
/// instead of Unicode's property tables per scalar: those lookups cost more than all the
/// counting the rules do.
struct ScalarTraits: OptionSet, Sendable {
    let rawValue: UInt16

    /// Python's `str.isspace` (White_Space, and the separators U+001C–U+001F).
    static let space = ScalarTraits(rawValue: 1 << 0)
    /// Python's `str.isalpha`: categories Lu, Ll, Lt, Lm, Lo.
    static let letter = ScalarTraits(rawValue: 1 << 1)
    /// datatrove's punctuation: P*, Sm, Sc, Sk and Cc.
    static let punctuation = ScalarTraits(rawValue: 1 << 2)
    /// spaCy's `is_punct`: categories P* alone.
    static let strictPunctuation = ScalarTraits(rawValue: 1 << 3)
    /// Unicode's Alphabetic property.
    static let alphabetic = ScalarTraits(rawValue: 1 << 4)
    static let uppercase = ScalarTraits(rawValue: 1 << 5)
    static let lowercase = ScalarTraits(rawValue: 1 << 6)
    /// Any numeric type (digits, numerals, fractions).
    static let numeric = ScalarTraits(rawValue: 1 << 7)
    /// Characters the word splitter peels off the front, the back, and quotes.
    static let prefix = ScalarTraits(rawValue: 1 << 8)
    static let suffix = ScalarTraits(rawValue: 1 << 9)
    static let quote = ScalarTraits(rawValue: 1 << 10)
    /// Ends a sentence or a line for the rules (datatrove's `TERMINAL_PUNCTUATION`).
    static let terminal = ScalarTraits(rawValue: 1 << 11)
    /// Ends a sentence for spaCy's sentencizer (a subset of `terminal`).
    static let sentenceEnd = ScalarTraits(rawValue: 1 << 12)
    /// A character of Chinese or Japanese (Han, kana), written without spaces between words:
    /// each counts as a word.
    static let unspaced = ScalarTraits(rawValue: 1 << 13)
    /// Python's line boundaries (`str.splitlines`).
    static let lineBreak = ScalarTraits(rawValue: 1 << 14)

    /// The traits of each of `scalars`, from the small table (Latin, Greek, Cyrillic, Hebrew,
    /// Arabic; general punctuation, currency, letterlike, arrows and math; CJK punctuation,
    /// kana and full-width forms: built in a few milliseconds), the large one for the other
    /// scripts below U+3000 (built once, when a text first holds one), and by block above; with
    /// the text's `#`, ellipses and newlines counted on the way.
    static func of(_ scalars: [Unicode.Scalar]) -> (traits: [ScalarTraits], marks: TextMarks) {
        var marks = TextMarks()
        let traits = smallTable.withUnsafeBufferPointer { table in
            [ScalarTraits](unsafeUninitializedCapacity: scalars.count) { traits, initialized in
                scalars.withUnsafeBufferPointer { scalars in
                    for (index, scalar) in scalars.enumerated() {
                        let value = scalar.value
                        marks.count(value)
                        if value < 0x800 {
                            traits[index] = ScalarTraits(rawValue: table[Int(value)])
                        } else if let small = smallIndex(value) {
                            traits[index] = ScalarTraits(rawValue: table[small])
                        } else {
                            traits[index] =
                                value < largeTableSize
                                ? ScalarTraits(rawValue: largeTable[Int(value)]) : beyondTable(scalar)
                        }
                    }
                }
                initialized = scalars.count
            }
        }
        return (traits, marks)
    }

    /// Where the small table holds `value`: U+0000–U+07FF, U+2000–U+23FF, U+3000–U+30FF and
    /// U+FF00–U+FFEF, in that order.
    @inline(__always)
    private static func smallIndex(_ value: UInt32) -> Int? {
        if value < 0x800 { return Int(value) }
        if value &- 0x2000 < 0x400 { return Int(value - 0x2000) + 0x800 }
        if value &- 0x3000 < 0x100 { return Int(value - 0x3000) + 0xC00 }
        if value &- 0xFF00 < 0xF0 { return Int(value - 0xFF00) + 0xD00 }
        return nil
    }

    private static let largeTableSize: UInt32 = 0x3000
    private static let smallTable = table(
        for: Array(0..<0x800) + Array(0x2000..<0x2400) + Array(0x3000..<0x3100) + Array(0xFF00..<0xFFF0))
    private static let largeTable = table(for: Array(0..<largeTableSize))

    private static func table(for values: [UInt32]) -> [UInt16] {
        values.map { value in Unicode.Scalar(value).map { computed($0).rawValue } ?? 0 }
    }

    /// Han ideographs and Hangul syllables: letters, all of them alike.
    private static let han: ScalarTraits = [.letter, .alphabetic, .unspaced]
    private static let hangul: ScalarTraits = [.letter, .alphabetic]

    private static func beyondTable(_ scalar: Unicode.Scalar) -> ScalarTraits {
        if let index = smallIndex(scalar.value) { return ScalarTraits(rawValue: smallTable[index]) }
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return han
        case 0xAC00...0xD7A3: return hangul
        default: return computed(scalar)
        }
    }

    private static let prefixCharacters = Set("§%=—–+\"'([{<*“‘”«¡¿$£€¥#‚„…_`´&:;!?,»’)]}>".unicodeScalars)
    private static let suffixCharacters = Set(")]}>([{<\"'”’»“‘.,;:!?…%*_~`|&#".unicodeScalars)
    private static let quoteCharacters = Set("'\"”“`‘´’‚„»«".unicodeScalars)

    /// Asks Unicode's tables only what the scalar's category leaves open: only separators and
    /// controls can be white space, only letters, marks, numbers and symbols alphabetic or cased.
    private static func computed(_ scalar: Unicode.Scalar) -> ScalarTraits {
        let properties = scalar.properties
        var traits: ScalarTraits = []
        let category = properties.generalCategory
        switch category {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
            if properties.isWhitespace || (0x1C...0x1F).contains(scalar.value) { traits.insert(.space) }
        default:
            break
        }
        var (marked, cased) = (false, false)
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            traits.formUnion([.letter, .alphabetic])
            cased = true
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            traits.formUnion([.punctuation, .strictPunctuation])
            marked = true
        case .mathSymbol, .currencySymbol, .modifierSymbol, .control:
            traits.insert(.punctuation)
            marked = true
        case .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber, .otherSymbol:
            if properties.isAlphabetic { traits.insert(.alphabetic) }
            cased = true
        default:
            break
        }
        if cased {
            if properties.isUppercase { traits.insert(.uppercase) }
            if properties.isLowercase { traits.insert(.lowercase) }
        }
        switch category {
        case .decimalNumber, .letterNumber, .otherNumber, .otherLetter:
            if properties.numericType != nil { traits.insert(.numeric) }
        default:
            break
        }
        // Every affix, quote and sentence end is punctuation to datatrove: only those are looked up.
        if marked { traits.formUnion(marks(scalar)) }
        if isUnspaced(scalar.value) { traits.insert(.unspaced) }
        if ScalarText.isLineBreak(scalar) { traits.insert(.lineBreak) }
        return traits
    }

    private static func marks(_ scalar: Unicode.Scalar) -> ScalarTraits {
        var traits: ScalarTraits = []
        if prefixCharacters.contains(scalar) { traits.insert(.prefix) }
        if suffixCharacters.contains(scalar) { traits.insert(.suffix) }
        if quoteCharacters.contains(scalar) { traits.insert(.quote) }
        if TerminalPunctuation.all.contains(scalar.value) { traits.insert(.terminal) }
        if TerminalPunctuation.sentencizer.contains(scalar.value) { traits.insert(.sentenceEnd) }
        return traits
    }

    private static func isUnspaced(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x2_0000...0x3_134F:
            return true
        default:
            return false
        }
    }
}

/// `text.count("#")`, `text.count("...") + text.count("…")` (occurrences that do not overlap)
/// and `text.count("\n")`, as the scalars go by.
struct TextMarks: Sendable {
    var hashes = 0, ellipses = 0, newlines = 0
    /// Full stops in a row so far.
    var dots = 0

    @inline(__always)
    mutating func count(_ value: UInt32) {
        // Letters, most of a text, pass with one comparison.
        guard value <= 0x2E || value == 0x2026 else {
            dots = 0
            return
        }
        switch value {
        case 0x2E:
            dots += 1
            if dots == 3 { (ellipses, dots) = (ellipses + 1, 0) }
            return
        case 0x23: hashes += 1
        case 0x2026: ellipses += 1
        case 0x0A: newlines += 1
        default: break
        }
        dots = 0
    }
}
