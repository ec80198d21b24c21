/// The word n-grams of a text, counted without building their strings: an n-gram is hashed
/// from its words' hashes, its length follows from theirs, and the counts live in one
/// open-addressed table of their own (no hashing of the hash again, no allocation an n-gram).
struct NGrams {
    private let hashes: [UInt64]
    private let lengths: [Int32]

    init(_ tokens: [WordToken]) {
        hashes = tokens.map(\.hash)
        lengths = tokens.map(\.length)
    }

    private func key(_ start: Int, _ n: Int) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(n)
        for offset in 0..<n {
            hash = (hash ^ hashes[start + offset]) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        return hash | 1
    }

    private func characters(_ start: Int, _ n: Int) -> Int {
        var total = 0
        for offset in 0..<n { total += Int(lengths[start + offset]) }
        return total
    }

    /// The most frequent n-gram's characters (its words joined by spaces) times its count; the
    /// first seen wins a tie, as with Python's `Counter.most_common`.
    func topCharacters(n: Int) -> Int {
        guard hashes.count >= n else { return 0 }
        var table = CountTable(capacity: hashes.count - n + 1)
        var best = (count: 0, first: 0)
        for start in 0...(hashes.count - n) {
            let (count, first) = table.add(key(start, n), at: start)
            if count > best.count || (count == best.count && first < best.first) { best = (count, first) }
        }
        return (characters(best.first, n) + n - 1) * best.count
    }

    /// Characters of the n-grams (joined without spaces) that repeat an earlier one, skipping
    /// past each repeat, as datatrove's `find_all_duplicate` walks.
    func repeatedCharacters(n: Int) -> Int {
        guard hashes.count >= n else { return 0 }
        var seen = CountTable(capacity: hashes.count - n + 1)
        var (repeated, index) = (0, 0)
        while index < hashes.count - n + 1 {
            if seen.add(key(index, n), at: index).count == 1 {
                index += 1
            } else {
                repeated += characters(index, n)
                index += n
            }
        }
        return repeated
    }
}

/// Counts of nonzero 64-bit keys, each with where it was first seen: linear probing in a table
/// at most half full.
struct CountTable {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var firsts: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        counts = Array(repeating: 0, count: size)
        firsts = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Counts `key` once more; returns its count and where it was first seen.
    mutating func add(_ key: UInt64, at position: Int) -> (count: Int, first: Int) {
        var index = Int(truncatingIfNeeded: key >> 20) & mask
        while keys[index] != 0, keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 {
            keys[index] = key
            firsts[index] = Int32(truncatingIfNeeded: position)
        }
        counts[index] += 1
        return (Int(counts[index]), Int(firsts[index]))
    }
}
