import PageModel

/// MinHash signatures of a text's word shingles, for finding near duplicates: pages whose
/// shingle sets have a Jaccard similarity `J` agree on a share `J` of their signature's values,
/// on average. Pure and cheap: one 64-bit hash a word and one a shingle, whatever the
/// signature's length (one-permutation hashing: each shingle's hash picks one of the values and
/// competes for its minimum), so a worker computes it beside extraction.
///
/// A value that no shingle picked (a short text) is filled from another, chosen by a hash of
/// its position and of the attempt, the same way for every text (optimal densification, after
/// Shrivastava, 2017): two texts then still agree on a value with probability about `J`.
///
/// Words are runs of letters and digits, ASCII lower-cased; each CJK character is a word of its
/// own (those scripts are written without spaces). A text shorter than a shingle is one shingle.
public struct MinHasher: Sendable, Equatable {
    /// Words a shingle.
    public let shingleWords: Int
    /// Bands of the LSH index, and values a band: the signature has `bands × rows` values.
    public let bands: Int
    public let rows: Int
    /// Mixed into every shingle's hash: the hash function, from the seed.
    private let salt: UInt64

    /// FineWeb's choice: 5-word shingles, 14 bands of 8 values (112 in all).
    public static let standard = MinHasher()

    public init(shingleWords: Int = 5, bands: Int = 14, rows: Int = 8, seed: UInt64 = 0x5EED_0F_9A6E) {
        self.shingleWords = max(1, shingleWords)
        self.bands = max(1, bands)
        self.rows = max(1, rows)
        salt = Self.mix(seed)
    }

    /// SplitMix64's finalizer: every bit of the result depends on every bit of `value`.
    static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value &+ 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// The signature of `text`; empty when the text has no words.
    public func signature(of text: String) -> [UInt32] {
        signature(ofWords: Self.wordHashes(text))
    }

    /// The signature of a text whose words hash to `words` (`wordHashes`).
    func signature(ofWords words: [UInt64]) -> [UInt32] {
        guard !words.isEmpty else { return [] }
        let count = bands * rows
        var minimums = [UInt32](repeating: .max, count: count)
        var filled = [Bool](repeating: false, count: count)
        let windows = max(1, words.count - shingleWords + 1)
        minimums.withUnsafeMutableBufferPointer { minimum in
            filled.withUnsafeMutableBufferPointer { isFilled in
                for start in 0..<windows {
                    var shingle = TextMeasures.fnvOffset
                    for word in words[start..<min(words.count, start + shingleWords)] {
                        shingle = TextMeasures.fnvMixed(shingle, word)
                    }
                    let hash = Self.mix(shingle ^ salt)
                    // The high half picks the value (scaled to the count), the low half competes.
                    let position = Int(((hash >> 32) &* UInt64(count)) >> 32)
                    minimum[position] = min(minimum[position], UInt32(truncatingIfNeeded: hash))
                    isFilled[position] = true
                }
            }
        }
        densify(&minimums, filled: filled)
        return minimums
    }

    /// Fills each value no shingle picked from a picked one: the first picked position in a
    /// sequence of positions drawn from a hash of its own position and the attempt.
    private func densify(_ minimums: inout [UInt32], filled: [Bool]) {
        let count = minimums.count
        guard filled.contains(false) else { return }
        for position in 0..<count where !filled[position] {
            var attempt: UInt64 = 0
            while true {
                let draw = Self.mix(salt ^ (UInt64(position) << 32) ^ attempt)
                let source = Int(((draw >> 32) &* UInt64(count)) >> 32)
                if filled[source] {
                    minimums[position] = minimums[source]
                    break
                }
                attempt += 1
            }
        }
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
            var hash = TextMeasures.fnvOffset
            for value in signature[(band * rows)..<((band + 1) * rows)] {
                hash = TextMeasures.fnvMixed(hash, UInt64(value))
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
                if byte < 0x80 {
                    // ASCII, most of most texts: no scalar to decode.
                    index += 1
                    let lowered = byte | 0x20
                    guard (byte >= 0x30 && byte <= 0x39) || (lowered >= 0x61 && lowered <= 0x7A) else {
                        finish()
                        continue
                    }
                    if !inWord { (hash, inWord) = (TextMeasures.fnvOffset, true) }
                    hash = TextMeasures.fnvMixed(hash, UInt64(lowered))
                    continue
                }
                let length = min(TextMeasures.sequenceLength(byte), bytes.count - index)
                let scalar = TextMeasures.decodeScalar(bytes, at: index, length: length)
                index += length
                if TextMeasures.isPunctuationOrSpace(scalar) {
                    finish()
                    continue
                }
                if TextMeasures.isIdeograph(scalar) {
                    // A word of its own, whatever is beside it.
                    finish()
                    hashes.append(TextMeasures.fnvMixed(TextMeasures.fnvOffset, UInt64(scalar)))
                    continue
                }
                if !inWord { (hash, inWord) = (TextMeasures.fnvOffset, true) }
                hash = TextMeasures.fnvMixed(hash, UInt64(scalar))
            }
            finish()
        }
        return hashes
    }
}
