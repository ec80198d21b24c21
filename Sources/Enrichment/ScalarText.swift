/// A text decoded once into Unicode scalars, with the lines, paragraphs and counts the rule
/// sets' reference implementation (Python) takes from it: `splitlines()`, `split("\n")`,
/// `re.split("\n+")`, `re.split("\n{2,}")`, `strip()`, `str.count`. Lengths are in scalars
/// (Python's `len`); pieces are ranges of offsets, never new strings.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    /// Each scalar's traits, looked up once.
    let traits: [ScalarTraits]

    init(_ text: String) {
        self.init(Array(text.unicodeScalars))
    }

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        traits = ScalarTraits.of(scalars)
    }

    var count: Int { scalars.count }

    /// Python's line boundaries: `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`, U+2028, U+2029.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text.splitlines()`: no empty last line after a final break, none at all for "".
    func pythonLines() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var (start, index) = (0, 0)
        while index < scalars.count {
            let scalar = scalars[index]
            guard traits[index].contains(.lineBreak) else {
                index += 1
                continue
            }
            lines.append(start..<index)
            index += scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
            start = index
        }
        if start < scalars.count { lines.append(start..<scalars.count) }
        return lines
    }

    /// `re.split("\n{minimum,}", text[range])`, empty pieces kept at either end; `minimum` 1
    /// is also `text.split("\n")` with the empty pieces between breaks dropped.
    func split(_ range: Range<Int>, atNewlines minimum: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var (start, index) = (range.lowerBound, range.lowerBound)
        while index < range.upperBound {
            guard scalars[index] == "\n" else {
                index += 1
                continue
            }
            var end = index
            while end < range.upperBound, scalars[end] == "\n" { end += 1 }
            if end - index >= minimum {
                parts.append(start..<index)
                start = end
            }
            index = end
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    /// `text[range].strip()`.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var (lower, upper) = (range.lowerBound, range.upperBound)
        while lower < upper, traits[lower].contains(.space) { lower += 1 }
        while upper > lower, traits[upper - 1].contains(.space) { upper -= 1 }
        return lower..<upper
    }

    /// A 64-bit hash of the scalars in `range`, never 0: two pieces with the same hash are
    /// taken to be the same string.
    func hash(_ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in range { hash = (hash ^ UInt64(scalars[index].value)) &* 0x100_0000_01B3 }
        return (hash ^ (hash >> 29)) | 1
    }

    /// How many pieces repeat an earlier one, and their scalars (datatrove's `find_duplicates`).
    func repeats(_ pieces: [Range<Int>]) -> (count: Int, characters: Int) {
        var seen = CountTable(capacity: pieces.count)
        var (count, characters) = (0, 0)
        for (position, piece) in pieces.enumerated() where seen.add(hash(piece), at: position) > 1 {
            count += 1
            characters += piece.count
        }
        return (count, characters)
    }

    /// Whether `text[range]` starts (or ends) with `affix`.
    func has(prefix affix: String.UnicodeScalarView, in range: Range<Int>) -> Bool {
        range.count >= affix.count && scalars[range.lowerBound..<(range.lowerBound + affix.count)].elementsEqual(affix)
    }

    func has(suffix affix: String.UnicodeScalarView, in range: Range<Int>) -> Bool {
        range.count >= affix.count && scalars[(range.upperBound - affix.count)..<range.upperBound].elementsEqual(affix)
    }

    /// Which of `phrases` (lower-case ASCII) `text[range].lower()` holds, as bits: one pass,
    /// ASCII letters folded.
    func phrases(_ phrases: PhraseSet, in range: Range<Int>) -> UInt32 {
        var found: UInt32 = 0
        for start in range {
            let first = Self.folded(scalars[start])
            guard first != 0, phrases.starting(with: first) != 0 else { continue }
            for (bit, phrase) in phrases.phrases.enumerated()
            where phrase[0] == first && start + phrase.count <= range.upperBound {
                var offset = 1
                while offset < phrase.count, Self.folded(scalars[start + offset]) == phrase[offset] { offset += 1 }
                if offset == phrase.count { found |= 1 << UInt32(bit) }
            }
        }
        return found
    }

    @inline(__always)
    private static func folded(_ scalar: Unicode.Scalar) -> UInt8 {
        guard scalar.value < 0x80 else { return 0 }
        let byte = UInt8(scalar.value)
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// `text.count("#")`, and `text.count("...") + text.count("…")`: occurrences that do not overlap.
    func hashesAndEllipses() -> (hashes: Int, ellipses: Int) {
        var (hashes, ellipses, dots) = (0, 0, 0)
        for scalar in scalars {
            if scalar == "." {
                dots += 1
                if dots == 3 { (ellipses, dots) = (ellipses + 1, 0) }
                continue
            }
            dots = 0
            if scalar == "#" { hashes += 1 } else if scalar == "…" { ellipses += 1 }
        }
        return (hashes, ellipses)
    }

    /// `text.count("\n")`.
    func newlines() -> Int {
        var count = 0
        for scalar in scalars where scalar == "\n" { count += 1 }
        return count
    }
}

/// Lower-case ASCII phrases to look for in a text, with the first letters they start with.
struct PhraseSet: Sendable {
    let phrases: [[UInt8]]
    private let firsts: [UInt8]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        var firsts = [UInt8](repeating: 0, count: 128)
        for phrase in self.phrases { firsts[Int(phrase[0])] = 1 }
        self.firsts = firsts
    }

    func starting(with byte: UInt8) -> UInt8 { byte < 128 ? firsts[Int(byte)] : 0 }
}
