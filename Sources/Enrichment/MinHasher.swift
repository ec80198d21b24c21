import PageModel

/// MinHash signatures of a text's word shingles, for finding near duplicates: pages whose
/// shingle sets have a Jaccard similarity `J` agree on a share `J` of their signature's values,
/// on average. Pure and cheap: one 64-bit hash a word, one a shingle, then one multiply-add
/// a value, so a worker computes it beside extraction.
///
/// Words are runs of letters and digits, ASCII lower-cased; each CJK character is a word of its
/// own (those scripts are written without spaces). A text shorter than a shingle is one shingle.
public struct MinHasher: Sendable {
    /// Words a shingle.
    public let shingleWords: Int
    /// Bands of the LSH index, and values a band: the signature has `bands × rows` values.
    public let bands: Int
    public let rows: Int
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    /// FineWeb's choice: 5-word shingles, 14 bands of 8 values (112 in all).
    public static let standard = MinHasher()

    public init(shingleWords: Int = 5, bands: Int = 14, rows: Int = 8, seed: UInt64 = 0x5EED_0F_9A6E) {
        self.shingleWords = max(1, shingleWords)
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        // The value functions, from a fixed seed: every worker computes the same signature.
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        let count = self.bands * self.rows
        multipliers = (0..<count).map { _ in next() | 1 }
        increments = (0..<count).map { _ in next() }
    }

    /// The signature of `text`; empty when the text has no words.
    public func signature(of text: String) -> [UInt32] {
        let words = Self.wordHashes(text)
        guard !words.isEmpty else { return [] }
        let count = bands * rows
        // One 64-bit hash of each shingle for each pair of values: its two halves, mixed, are
        // two values; half the multiplications of one hash a value.
        let pairs = (count + 1) / 2
        var minimums = [UInt32](repeating: .max, count: pairs * 2)
        let windows = max(1, words.count - shingleWords + 1)
        minimums.withUnsafeMutableBufferPointer { minimum in
            multipliers.withUnsafeBufferPointer { multiply in
                increments.withUnsafeBufferPointer { add in
                    for start in 0..<windows {
                        var shingle: UInt64 = 0xCBF2_9CE4_8422_2325
                        for word in words[start..<min(words.count, start + shingleWords)] {
                            shingle = (shingle ^ word) &* 0x100_0000_01B3
                            shingle ^= shingle >> 29
                        }
                        for pair in 0..<pairs {
                            let value = (shingle ^ add[pair]) &* multiply[pair]
                            let high = UInt32(truncatingIfNeeded: value >> 32)
                            let low = UInt32(truncatingIfNeeded: value) ^ high
                            minimum[2 * pair] = min(minimum[2 * pair], high)
                            minimum[2 * pair + 1] = min(minimum[2 * pair + 1], low)
                        }
                    }
                }
            }
        }
        return Array(minimums.prefix(count))
    }

    /// The share of values two signatures agree on: their shingle sets' estimated Jaccard
    /// similarity; 0 when either is empty or they differ in length.
    public static func similarity(_ first: [UInt32], _ second: [UInt32]) -> Double {
        guard !first.isEmpty, first.count == second.count else { return 0 }
        var equal = 0
        for index in first.indices where first[index] == second[index] { equal += 1 }
        return Double(equal) / Double(first.count)
    }

    /// The LSH bucket of each band: pages that share a bucket in any band are candidates.
    public func bandKeys(_ signature: [UInt32]) -> [Int64] {
        guard signature.count == bands * rows else { return [] }
        return (0..<bands).map { band in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for value in signature[(band * rows)..<((band + 1) * rows)] {
                hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3
            }
            return Int64(bitPattern: hash)
        }
    }

    /// A 64-bit hash of each word, in order.
    static func wordHashes(_ text: String) -> [UInt64] {
        var hashes: [UInt64] = []
        var text = text
        text.withUTF8 { bytes in
            hashes.reserveCapacity(bytes.count / 5)
            var hash: UInt64 = 0
            var inWord = false
            func finish() {
                if inWord { hashes.append(hash) }
                inWord = false
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let length = min(TextMeasures.sequenceLength(byte), bytes.count - index)
                let scalar = TextMeasures.decodeScalar(bytes, at: index, length: length)
                index += length
                let separator =
                    byte < 0x80
                    ? !((byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A))
                    : TextMeasures.isPunctuationOrSpace(scalar)
                if separator {
                    finish()
                    continue
                }
                if TextMeasures.isIdeograph(scalar) {
                    // A word of its own, whatever is beside it.
                    finish()
                    hashes.append((0xCBF2_9CE4_8422_2325 ^ UInt64(scalar)) &* 0x100_0000_01B3)
                    continue
                }
                if !inWord { (hash, inWord) = (0xCBF2_9CE4_8422_2325, true) }
                let lowered = byte < 0x80 ? UInt32(byte | 0x20) : scalar
                hash = (hash ^ UInt64(lowered)) &* 0x100_0000_01B3
            }
            finish()
        }
        return hashes
    }
}
