/// The word n-grams of a text, counted without building their strings: an n-gram's key is
/// folded from the (n-1)-gram's key at the same place and one more word's hash, its length
/// follows from prefix sums of its words', and the counts live in one open-addressed table
/// reused for every n. Only places whose (n-1)-gram occurs more than once are looked at for
/// n: an n-gram that repeats starts with an (n-1)-gram that does, so the rest count once.
struct NGrams {
    private let hashes: [UInt64]
    /// `offsets[i]`: the scalars of the first `i` words.
    private let offsets: [Int]

    init(_ tokens: [WordToken]) {
        // One pass over the tokens, into arrays made at their size.
        var hashes = [UInt64](repeating: 0, count: tokens.count)
        var offsets = [Int](repeating: 0, count: tokens.count + 1)
        hashes.withUnsafeMutableBufferPointer { hashes in
            offsets.withUnsafeMutableBufferPointer { offsets in
                var total = 0
                for (index, token) in tokens.enumerated() {
                    hashes[index] = token.hash
                    total += Int(token.length)
                    offsets[index + 1] = total
                }
            }
        }
        (self.hashes, self.offsets) = (hashes, offsets)
    }

    /// For n of 2 to 4, the most frequent n-gram's characters (its words joined by spaces)
    /// times its count; for n of 5 to 10, the characters of n-grams (joined without spaces)
    /// that repeat an earlier one, skipping past each repeat as datatrove's `find_all_duplicate`
    /// walks.
    func measure() -> (top: [Int], repeated: [Int]) {
        var (top, repeated) = ([0, 0, 0], [0, 0, 0, 0, 0, 0])
        let count = hashes.count
        guard count >= 2 else { return (top, repeated) }
        var keys = hashes.map { ($0 ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9 }
        // The places looked at for this n, in order, and how often each one's n-gram occurs.
        var places = Array(0..<Int32(count))
        var counts = [Int32](repeating: 0, count: count)
        var table = CountTable(capacity: count)
        for n in 2...10 where count >= n {
            while let last = places.last, Int(last) > count - n { places.removeLast() }
            countNGrams(n, places: places, keys: &keys, into: &counts, table: &table)
            if n <= 4 {
                top[n - 2] = topCharacters(n: n, places: places, counts: counts)
            } else {
                table.reset(capacity: places.count)
                repeated[n - 5] = repeatedCharacters(n: n, places: places, counts: counts, keys: keys, table: &table)
            }
            var kept = 0
            for (offset, place) in places.enumerated() where counts[offset] > 1 {
                places[kept] = place
                kept += 1
            }
            places.removeLast(places.count - kept)
        }
        return (top, repeated)
    }

    /// Folds each place's key one word longer and counts the n-grams: `counts[i]` for `places[i]`.
    private func countNGrams(
        _ n: Int, places: [Int32], keys: inout [UInt64], into counts: inout [Int32], table: inout CountTable
    ) {
        table.reset(capacity: places.count)
        hashes.withUnsafeBufferPointer { hashes in
            places.withUnsafeBufferPointer { places in
                keys.withUnsafeMutableBufferPointer { keys in
                    counts.withUnsafeMutableBufferPointer { counts in
                        table.withProbe { probe in
                            for offset in 0..<places.count {
                                let at = Int(places[offset])
                                keys[at] = Self.fold(keys[at], hashes[at + n - 1])
                                counts[offset] = Int32(truncatingIfNeeded: probe.slot(for: keys[at]))
                            }
                            for offset in 0..<places.count { counts[offset] = probe.count(inSlot: Int(counts[offset])) }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func fold(_ key: UInt64, _ hash: UInt64) -> UInt64 {
        var folded = (key ^ hash) &* 0xBF58_476D_1CE4_E5B9
        folded ^= folded >> 31
        return folded | 1
    }

    private func characters(_ start: Int, _ n: Int) -> Int {
        offsets[start + n] - offsets[start]
    }

    /// The first seen wins a tie, as with Python's `Counter.most_common`: with no n-gram
    /// twice, the first.
    private func topCharacters(n: Int, places: [Int32], counts: [Int32]) -> Int {
        var best = (count: 1, first: 0)
        for (offset, place) in places.enumerated() where Int(counts[offset]) > best.count {
            best = (Int(counts[offset]), Int(place))
        }
        return (characters(best.first, n) + n - 1) * best.count
    }

    /// Walks the text as datatrove does; only places whose n-gram occurs more than once can
    /// repeat an earlier one, so the walk steps from one of those to the next.
    private func repeatedCharacters(
        n: Int, places: [Int32], counts: [Int32], keys: [UInt64], table: inout CountTable
    ) -> Int {
        var (repeated, index) = (0, 0)
        for (offset, place) in places.enumerated() where counts[offset] > 1 && Int(place) >= index {
            let at = Int(place)
            if table.add(keys[at]) == 1 {
                index = at + 1
            } else {
                repeated += characters(at, n)
                index = at + n
            }
        }
        return repeated
    }
}

/// Counts of nonzero 64-bit keys: linear probing in a table at most half full, whose memory
/// is kept from one use to the next. A slot is in use only when it carries the table's current
/// generation, so emptying the table is one increment, not a pass over its memory.
struct CountTable {
    private var slots: [(key: UInt64, count: Int32, generation: UInt32)]
    private var mask: Int
    private var generation: UInt32 = 1

    init(capacity: Int) {
        slots = Array(repeating: (0, 0, 0), count: Self.size(for: capacity))
        mask = slots.count - 1
    }

    private static func size(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    /// Empties the table for up to `capacity` keys (no more than it was made for).
    mutating func reset(capacity: Int) {
        mask = min(Self.size(for: capacity), slots.count) - 1
        generation &+= 1
        if generation == 0 {
            // After four billion resets, the stamps start again from a clean table.
            slots.withUnsafeMutableBufferPointer { $0.update(repeating: (0, 0, 0)) }
            generation = 1
        }
    }

    /// Counts `key` once more; returns its count.
    @discardableResult
    mutating func add(_ key: UInt64) -> Int {
        let slot = slot(for: key)
        return count(inSlot: slot)
    }

    /// Counts `key` once more; returns the slot holding its count.
    mutating func slot(for key: UInt64) -> Int {
        withProbe { $0.slot(for: key) }
    }

    func count(inSlot slot: Int) -> Int {
        Int(slots[slot].count)
    }

    /// Runs `body` with direct access to the slots, for loops that count many keys.
    mutating func withProbe<Result>(_ body: (inout Probe) -> Result) -> Result {
        let (mask, generation) = (mask, generation)
        return slots.withUnsafeMutableBufferPointer { slots in
            var probe = Probe(slots: slots, mask: mask, generation: generation)
            return body(&probe)
        }
    }

    /// The table's slots, held open.
    struct Probe {
        fileprivate let slots: UnsafeMutableBufferPointer<(key: UInt64, count: Int32, generation: UInt32)>
        fileprivate let mask: Int
        fileprivate let generation: UInt32

        /// Counts `key` once more; returns the slot holding its count.
        @inline(__always)
        mutating func slot(for key: UInt64) -> Int {
            var index = Int(truncatingIfNeeded: key >> 20) & mask
            while slots[index].generation == generation, slots[index].key != key { index = (index + 1) & mask }
            if slots[index].generation != generation { slots[index] = (key, 0, generation) }
            slots[index].count += 1
            return index
        }

        @inline(__always)
        func count(inSlot slot: Int) -> Int32 {
            slots[slot].count
        }
    }
}
