/// A word as the quality rules count it, without its text: its length in scalars, a 64-bit
/// hash of its scalars (two words are the same word when their hashes are), and what it holds.
public struct WordToken: Sendable, Equatable {
    /// Unicode scalars.
    public var length: Int32
    public var hash: UInt64
    /// Whether it holds something other than punctuation (`GopherSignals.isPunctuation`).
    public var hasContent: Bool
    /// Whether it holds a letter (Python's `str.isalpha` of one of its characters).
    public var hasLetter: Bool
    /// Which of `GopherSignals.stopWordList` it is, or -1.
    public var stopWord: Int8

    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var (content, letter) = (false, false)
        for scalar in scalars {
            hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01B3
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                let isLetter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
                letter = letter || isLetter
                content = content || isLetter || (byte >= 0x30 && byte <= 0x39) || Self.asciiContent[Int(byte)]
            } else {
                letter = letter || GopherSignals.isLetter(scalar)
                content = content || !GopherSignals.isPunctuation(scalar)
            }
        }
        length = Int32(scalars.count)
        self.hash = hash ^ (hash >> 29)
        (hasContent, hasLetter) = (content, letter)
        stopWord = scalars.count <= 4 ? Self.stopWordIndex(scalars) : -1
    }

    /// ASCII characters other than letters and digits that are not punctuation to datatrove
    /// (none are: every other printable ASCII character is, and so are control characters).
    private static let asciiContent: [Bool] = (0..<128).map { code in
        guard let scalar = Unicode.Scalar(code) else { return false }
        let isLetterOrDigit =
            (0x30...0x39).contains(code) || (0x41...0x5A).contains(code) || (0x61...0x7A).contains(code)
        return !isLetterOrDigit && !GopherSignals.isPunctuation(scalar)
    }

    private static let stopWords = GopherSignals.stopWordOrder.map { Array($0.unicodeScalars) }

    private static func stopWordIndex(_ scalars: ArraySlice<Unicode.Scalar>) -> Int8 {
        for (index, word) in stopWords.enumerated() where scalars.elementsEqual(word) { return Int8(index) }
        return -1
    }
}
