import PageModel

/// A text decoded once into Unicode scalars, with the lines, paragraphs and counts the rule
/// sets' reference implementation (Python) takes from it: `splitlines()`, `split("\n")`,
/// `re.split("\n+")`, `re.split("\n{2,}")`, `strip()`, `str.count`. Lengths are in scalars
/// (Python's `len`); pieces are ranges of offsets, never new strings.
struct ScalarText {
    let scalars: [Unicode.Scalar]
    /// Each scalar's traits, looked up once.
    let traits: [ScalarTraits]
    /// Its `#`, ellipses and newlines, counted in the same pass.
    let marks: TextMarks

    init(_ text: String) {
        self.init(Self.decode(text))
    }

    /// The text's scalars, decoded straight from its UTF-8 (a string's bytes are valid UTF-8):
    /// counted from the bytes that start a scalar, then written into an array of that size,
    /// ASCII eight bytes a step where it can be; the scalar view's generic copy costs several
    /// times as much.
    static func decode(_ text: String) -> [Unicode.Scalar] {
        var text = text
        return text.withUTF8 { bytes in
            let count = scalarCount(bytes)
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { output, written in
                var index = 0
                guard let base = bytes.baseAddress else { return }
                while index < bytes.count, written < count {
                    // Eight ASCII bytes at once, when the next eight are: most text is ASCII.
                    if index + 8 <= bytes.count, written + 8 <= count {
                        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                        if word & 0x8080_8080_8080_8080 == 0 {
                            for offset in 0..<8 {
                                output[written + offset] = Unicode.Scalar(
                                    UInt8(truncatingIfNeeded: word >> (8 * offset)))
                            }
                            (index, written) = (index + 8, written + 8)
                            continue
                        }
                    }
                    let lead = bytes[index]
                    if lead < 0x80 {
                        output[written] = Unicode.Scalar(lead)
                        written += 1
                        index += 1
                        continue
                    }
                    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    var value = UInt32(lead) & (0x7F >> length)
                    for offset in 1..<length where index + offset < bytes.count {
                        value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    }
                    output[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
                    written += 1
                    index += length
                }
            }
        }
    }

    /// How many scalars valid UTF-8 `bytes` hold: the bytes that are not continuation bytes.
    static func scalarCount(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in bytes { count &+= byte & 0xC0 != 0x80 ? 1 : 0 }
        return count
    }

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        (traits, marks) = ScalarTraits.of(scalars)
    }

    var count: Int { scalars.count }

    /// The text of a range of scalars, each run of white space (line breaks too) one space:
    /// a name or a quotation as a reader writes it out.
    func collapsedText(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count + range.count / 4)
        for index in range {
            if traits[index].contains(.space) {
                if bytes.last != 0x20 { bytes.append(0x20) }
                continue
            }
            UTF8.encode(scalars[index]) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Python's line boundaries: `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`, U+2028, U+2029.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text.splitlines()`: no empty last line after a final break, none at all for "". The
    /// reference `linesAndPieces()` is checked against (`LinesAndPiecesTests`).
    func pythonLines() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var (start, index) = (0, 0)
        traits.withUnsafeBufferPointer { traits in
            while index < traits.count {
                guard traits[index].contains(.lineBreak) else {
                    index += 1
                    continue
                }
                lines.append(start..<index)
                index += scalars[index] == "\r" && index + 1 < traits.count && scalars[index + 1] == "\n" ? 2 : 1
                start = index
            }
        }
        if start < scalars.count { lines.append(start..<scalars.count) }
        return lines
    }

    /// `pythonLines()` and `split(0..<count, atNewlines: 1)` in one pass over the text: every
    /// newline breaks a line, and the first of a run of them ends a piece.
    func linesAndPieces() -> (lines: [Range<Int>], pieces: [Range<Int>]) {
        var (lines, pieces): ([Range<Int>], [Range<Int>]) = ([], [])
        var (lineStart, pieceStart, index) = (0, 0, 0)
        let count = scalars.count
        scalars.withUnsafeBufferPointer { scalars in
            traits.withUnsafeBufferPointer { traits in
                while index < count {
                    guard traits[index].contains(.lineBreak) else {
                        index += 1
                        continue
                    }
                    lines.append(lineStart..<index)
                    let pair = scalars[index] == "\r" && index + 1 < count && scalars[index + 1] == "\n"
                    // The newline of this break, if it has one ("\n", or a "\r\n"'s second half).
                    let newline = pair ? index + 1 : scalars[index] == "\n" ? index : -1
                    if newline >= 0 {
                        if newline == 0 || scalars[newline - 1] != "\n" { pieces.append(pieceStart..<newline) }
                        pieceStart = newline + 1
                    }
                    index += pair ? 2 : 1
                    lineStart = index
                }
            }
        }
        if lineStart < count { lines.append(lineStart..<count) }
        pieces.append(pieceStart..<count)
        return (lines, pieces)
    }

    /// `re.split("\n{minimum,}", text[range])`, empty pieces kept at either end; `minimum` 1
    /// is also `text.split("\n")` with the empty pieces between breaks dropped.
    func split(_ range: Range<Int>, atNewlines minimum: Int) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var (start, index) = (range.lowerBound, range.lowerBound)
        scalars.withUnsafeBufferPointer { scalars in
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
        }
        parts.append(start..<range.upperBound)
        return parts
    }

    /// `re.split("\n{2,}", text[range])` for a `range` that starts and ends with other than
    /// white space, from `lines`, the whole text's `split(atNewlines: 1)`: the gaps between
    /// those pieces are its runs of newlines, so the text is not read again.
    func paragraphs(of range: Range<Int>, lines: [Range<Int>]) -> [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var start = range.lowerBound
        for index in lines.indices.dropFirst() {
            let (gapStart, gapEnd) = (lines[index - 1].upperBound, lines[index].lowerBound)
            guard gapStart >= range.lowerBound, gapEnd <= range.upperBound, gapEnd - gapStart >= 2 else { continue }
            paragraphs.append(start..<gapStart)
            start = gapEnd
        }
        paragraphs.append(start..<range.upperBound)
        return paragraphs
    }

    /// A hash for each of `paragraphs` (from `paragraphs(of:lines:)`) folded from the hashes of
    /// the lines in it, so the text is not read again: a paragraph is the lines between its
    /// single line breaks, and two paragraphs hash alike when their lines do. A line the
    /// paragraph holds only part of (the text's ends, trimmed) is hashed on its own.
    func paragraphHashes(_ paragraphs: [Range<Int>], lines: [Range<Int>], lineHashes: [UInt64]) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(paragraphs.count)
        // Paragraphs and lines both come in order and do not overlap: one cursor walks both.
        var cursor = 0
        for paragraph in paragraphs {
            while cursor < lines.count, lines[cursor].upperBound <= paragraph.lowerBound { cursor += 1 }
            var folded = TextMeasures.fnvOffset
            var index = cursor
            while index < lines.count, lines[index].lowerBound < paragraph.upperBound {
                let part = lines[index].clamped(to: paragraph)
                folded = TextMeasures.fnvMixed(folded, part == lines[index] ? lineHashes[index] : hash(part))
                index += 1
            }
            hashes.append((folded ^ (folded >> 29)) | 1)
        }
        return hashes
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
        var hash = TextMeasures.fnvOffset
        scalars.withUnsafeBufferPointer { scalars in
            for index in range { hash = TextMeasures.fnvMixed(hash, UInt64(scalars[index].value)) }
        }
        return (hash ^ (hash >> 29)) | 1
    }

    /// How many pieces repeat an earlier one, and their scalars (datatrove's `find_duplicates`).
    func repeats(_ pieces: [Range<Int>]) -> (count: Int, characters: Int) {
        repeats(pieces, hashes: pieces.map(hash))
    }

    /// The same, the pieces' hashes given.
    func repeats(_ pieces: [Range<Int>], hashes: [UInt64]) -> (count: Int, characters: Int) {
        var seen = CountTable(capacity: pieces.count)
        var (count, characters) = (0, 0)
        for (position, piece) in pieces.enumerated() where seen.add(hashes[position]) > 1 {
            count += 1
            characters += piece.count
        }
        return (count, characters)
    }

    /// Whether `text[range]` starts (or ends) with `affix`.
    /// The marks the rule sets look for at a line's ends: a bullet, a dash, three dots, an ellipsis.
    static let bullet: [Unicode.Scalar] = ["•"]
    static let dash: [Unicode.Scalar] = ["-"]
    static let dots: [Unicode.Scalar] = [".", ".", "."]
    static let ellipsis: [Unicode.Scalar] = ["…"]

    func has(prefix affix: [Unicode.Scalar], in range: Range<Int>) -> Bool {
        range.count >= affix.count && matches(affix, at: range.lowerBound)
    }

    func has(suffix affix: [Unicode.Scalar], in range: Range<Int>) -> Bool {
        range.count >= affix.count && matches(affix, at: range.upperBound - affix.count)
    }

    /// Whether `affix` is written at `start` (a line's ends are tested for every line: no
    /// scalar view is made or counted for it).
    @inline(__always)
    private func matches(_ affix: [Unicode.Scalar], at start: Int) -> Bool {
        for offset in affix.indices where scalars[start + offset] != affix[offset] { return false }
        return true
    }

    @inline(__always)
    static func folded(_ scalar: Unicode.Scalar) -> UInt8 {
        guard scalar.value < 0x80 else { return 0 }
        let byte = UInt8(scalar.value)
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The words `MinHasher.wordHashes` hashes, from the decoded scalars instead of the UTF-8
    /// bytes: runs of letters and digits (ASCII lower-cased), each ideograph a word of its own.
    func minHashWords() -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(scalars.count / 5)
        var (hash, inWord): (UInt64, Bool) = (0, false)
        scalars.withUnsafeBufferPointer { scalars in
            for scalar in scalars {
                let value = scalar.value
                var part = value
                if value < 0x80 {
                    let lowered = value | 0x20
                    let alphanumeric = (value &- 0x30 < 10) || (lowered &- 0x61 < 26)
                    part = lowered
                    if !alphanumeric {
                        if inWord { hashes.append(hash) }
                        inWord = false
                        continue
                    }
                } else if TextMeasures.isPunctuationOrSpace(value) {
                    if inWord { hashes.append(hash) }
                    inWord = false
                    continue
                } else if TextMeasures.isIdeograph(value) {
                    if inWord { hashes.append(hash) }
                    inWord = false
                    hashes.append(TextMeasures.fnvMixed(TextMeasures.fnvOffset, UInt64(value)))
                    continue
                }
                if !inWord { (hash, inWord) = (TextMeasures.fnvOffset, true) }
                hash = TextMeasures.fnvMixed(hash, UInt64(part))
            }
        }
        if inWord { hashes.append(hash) }
        return hashes
    }
}

/// Lower-case ASCII phrases to look for in a text (two letters or more, at most 32), by the
/// two letters they start with.
struct PhraseSet: Sendable {
    let phrases: [[UInt8]]
    /// For each first letter, the phrases starting with it, as bits; and for each second letter.
    private let firsts: [UInt32]
    private let seconds: [UInt32]
    /// The letters phrases start with, a bit each by their low five bits (a letter's place in
    /// the alphabet, either case); the characters they go on with, by their low six bits once
    /// folded (letters and the space).
    let firstLetters: UInt32
    let secondCharacters: UInt64

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        var (firsts, seconds) = ([UInt32](repeating: 0, count: 128), [UInt32](repeating: 0, count: 128))
        for (bit, phrase) in self.phrases.enumerated() {
            firsts[Int(phrase[0])] |= 1 << UInt32(bit)
            seconds[Int(phrase[1])] |= 1 << UInt32(bit)
        }
        (self.firsts, self.seconds) = (firsts, seconds)
        firstLetters = self.phrases.reduce(0) { $0 | 1 << UInt32($1[0] & 0x1F) }
        secondCharacters = self.phrases.reduce(0) { $0 | 1 << UInt64(($1[1] | 0x20) & 0x3F) }
    }

    @inline(__always)
    func starting(with first: UInt8, then second: UInt8) -> UInt32 {
        first < 128 && second < 128 ? firsts[Int(first)] & seconds[Int(second)] : 0
    }

    /// The phrases (as bits) that start at `start` and end by `end`; `start + 1 < end`.
    @inline(__always)
    func found(at start: Int, before end: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> UInt32 {
        // A letter (either case) that starts a phrase, told by one bit: most are not.
        let (value, next) = (scalars[start].value, scalars[start + 1].value)
        guard value &- 0x41 < 0x3A, firstLetters & (1 << ((value | 0x20) & 0x1F)) != 0,
            next &- 0x20 < 0x5B, secondCharacters & (1 << ((next | 0x20) & 0x3F)) != 0
        else { return 0 }
        var found: UInt32 = 0
        var candidates = starting(with: ScalarText.folded(scalars[start]), then: ScalarText.folded(scalars[start + 1]))
        while candidates != 0 {
            let bit = candidates.trailingZeroBitCount
            candidates &= candidates - 1
            let phrase = phrases[bit]
            guard start + phrase.count <= end else { continue }
            var offset = 2
            while offset < phrase.count, ScalarText.folded(scalars[start + offset]) == phrase[offset] { offset += 1 }
            if offset == phrase.count { found |= 1 << UInt32(bit) }
        }
        return found
    }
}
