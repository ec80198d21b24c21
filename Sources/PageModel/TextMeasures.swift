/// The two measures every record carries about its text, computed the same way wherever a
/// record is made: by the extractor, or by a reader filling in what a worker left out.
public enum TextMeasures {
    /// Counts words: runs of letters and digits (any non-ASCII character that is not
    /// punctuation counts as a letter). CJK characters, written without spaces, count one each.
    public static func wordCount(_ text: String) -> Int {
        var count: UInt64 = 0
        // 1 inside a word, else 0: counted without a branch on each byte, since word edges
        // come every few bytes and no branch predictor guesses them.
        var inWord: UInt64 = 0
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Eight ASCII bytes at a time, with word operations (most text is ASCII).
                if index + 8 <= bytes.count, let base = bytes.baseAddress {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & asciiHighBits == 0 {
                        count &+= asciiWordStarts(UInt64(littleEndian: word), afterWord: &inWord)
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    // The ASCII letters and digits as two bitmaps of 64 bytes each.
                    let letters: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_07FF_FFFE
                    let isWordByte = (letters &>> UInt64(byte & 63)) & 1
                    count &+= isWordByte & ~inWord
                    inWord = isWordByte
                    index += 1
                    continue
                }
                let length = min(sequenceLength(byte), bytes.count - index)
                let scalar = decodeScalar(bytes, at: index, length: length)
                index += length
                if isIdeograph(scalar) {
                    count &+= 1
                    inWord = 0
                } else if isPunctuationOrSpace(scalar) {
                    inWord = 0
                } else {
                    count &+= 1 &- inWord
                    inWord = 1
                }
            }
        }
        return Int(count)
    }

    private static let asciiOnes: UInt64 = 0x0101_0101_0101_0101
    private static let asciiHighBits: UInt64 = 0x8080_8080_8080_8080

    /// How many words start in eight ASCII bytes (first byte lowest), given whether a word runs
    /// into them (`afterWord`, 1 or 0), which is set to whether one runs on past them. For bytes
    /// below 0x80, adding `0x80 - c` to every byte sets a byte's high bit exactly when it is at
    /// least `c`, and carries into no other byte.
    @inline(__always)
    static func asciiWordStarts(_ word: UInt64, afterWord: inout UInt64) -> UInt64 {
        func atLeast(_ value: UInt64, _ bound: UInt64) -> UInt64 {
            (value &+ asciiOnes &* (0x80 - bound)) & asciiHighBits
        }
        let digits = atLeast(word, 0x30) & ~atLeast(word, 0x3A)
        let folded = word | (asciiOnes &* 0x20)
        let letters = atLeast(folded, 0x61) & ~atLeast(folded, 0x7B)
        let inWord = digits | letters
        // A word starts at a word byte whose previous byte is not one.
        let previous = (inWord << 8) | (afterWord << 7)
        let starts = inWord & ~previous
        afterWord = inWord >> 63
        return ((starts >> 7) &* asciiOnes) >> 56
    }

    /// The 64-bit FNV-1a hash of `bytes`: small, fast and the same in a few lines of any
    /// language, for keys and for comparing bytes with another tool.
    @inlinable public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = fnvOffset
        for byte in bytes { hash = fnvMixed(hash, UInt64(byte)) }
        return hash
    }

    /// The same over Unicode scalars, a step each.
    @inlinable public static func fnv1a(scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        var hash = fnvOffset
        for scalar in scalars { hash = fnvMixed(hash, UInt64(scalar.value)) }
        return hash
    }

    /// FNV-1a's starting value, and one step of it: `value` (a byte, a scalar, a word's hash)
    /// mixed into `hash`.
    @inlinable public static var fnvOffset: UInt64 { 0xcbf2_9ce4_8422_2325 }

    @inlinable @inline(__always)
    public static func fnvMixed(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        (hash ^ value) &* 0x100_0000_01b3
    }

    /// A 64-bit FNV-1a hash of the text with white space collapsed and ASCII lower-cased:
    /// equal for the same content however it was spaced. Hex, 16 digits.
    public static func contentHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var separate = false
        var started = false
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    separate = started
                    continue
                }
                if separate {
                    hash = (hash ^ 0x20) &* 0x100_0000_01b3
                    separate = false
                }
                started = true
                let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                hash = (hash ^ UInt64(lowered)) &* 0x100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The length of the UTF-8 sequence `lead` begins.
    public static func sequenceLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    /// The scalar of the UTF-8 sequence of `length` bytes at `index`.
    public static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        var value = UInt32(bytes[index])
        switch length {
        case 2: value &= 0x1F
        case 3: value &= 0x0F
        case 4: value &= 0x07
        default: return value
        }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    /// Kana and CJK ideographs: characters of scripts written without spaces, a word each.
    public static func isIdeograph(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value)
            || (0xF900...0xFAFF).contains(value)
    }

    /// Latin-1 punctuation, general punctuation, CJK punctuation and full-width forms, arrows
    /// and symbols: what separates words rather than making them.
    public static func isPunctuationOrSpace(_ value: UInt32) -> Bool {
        (0x80...0xBF).contains(value) || value == 0xD7 || value == 0xF7 || (0x2000...0x2BFF).contains(value)
            || (0x3000...0x303F).contains(value) || (0xFF00...0xFF0F).contains(value)
            || (0xFE30...0xFE4F).contains(value)
    }
}
