/// Counts of bytes of a kind in a run of text, eight bytes a step with word operations rather
/// than a compare and a branch a byte: the content locator measures every text node of a page.
enum ByteCounts {
    /// A one in every byte: times a byte, that byte in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Bytes above 0x20 (neither white space nor a control character; every byte of a multi-byte
    /// UTF-8 sequence counts) and commas.
    static func visibleAndCommas(_ bytes: UnsafeBufferPointer<UInt8>) -> (visible: Int, commas: Int) {
        guard let base = bytes.baseAddress else { return (0, 0) }
        let raw = UnsafeRawPointer(base)
        var visible = 0, commas = 0, index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            visible &+= countOfHighBits(aboveSpace(word))
            commas &+= countOfHighBits(zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: ",")))))
            index += 8
        }
        while index < bytes.count {
            visible &+= bytes[index] > 0x20 ? 1 : 0
            commas &+= bytes[index] == UInt8(ascii: ",") ? 1 : 0
            index += 1
        }
        return (visible, commas)
    }

    /// Control bytes: below 0x20 and not white space (tab, line feed, vertical tab, form feed,
    /// carriage return).
    static func controls(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0, index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let low = word & lowBits
            // Each test adds to the low seven bits, so no byte carries into the next; bytes with
            // the high bit set are none of these.
            let belowSpace = ~((low &+ ones &* (0x80 - 0x20)) | word) & highBits
            let fromTab = (low &+ ones &* (0x80 - 0x09)) & highBits
            let pastReturn = (low &+ ones &* (0x80 - 0x0E)) & highBits
            count &+= countOfHighBits(belowSpace & ~(fromTab & ~pastReturn))
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            count &+= byte < 0x09 || (byte > 0x0D && byte < 0x20) ? 1 : 0
            index += 1
        }
        return count
    }

    /// How many bytes of a word of high bits have theirs set: moved down to a 1 a byte, one
    /// multiplication adds them up in the top byte (eight at most: no carry). The baseline
    /// x86-64 has no population count instruction, so this is cheaper than `nonzeroBitCount`.
    @inline(__always)
    private static func countOfHighBits(_ bits: UInt64) -> Int {
        Int(truncatingIfNeeded: ((bits >> 7) &* ones) >> 56)
    }

    /// The high bit of each byte of `word` above 0x20. Without their high bit, bytes are at most
    /// 0x7F, so adding 0x5F to each carries into no other byte and sets its high bit exactly
    /// from 0x21 on; bytes with the high bit set are above 0x20 already.
    @inline(__always)
    private static func aboveSpace(_ word: UInt64) -> UInt64 {
        (((word & lowBits) &+ (ones &* 0x5F)) | word) & highBits
    }

    /// The high bit of each zero byte of `word`: a byte's low seven bits plus 0x7F set its high
    /// bit unless they are all zero, and its own high bit rules out the rest.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowBits) &+ lowBits) | word | lowBits)
    }
}
