#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Values worked out from runs of bytes, each distinct run once: a page repeats its class names
/// from element to element (the corpus pages hold 774 class-and-id hints a page, 262 of them
/// distinct), and a run is hashed and compared in far fewer steps than it is classified. An
/// open-addressing table of the first run seen with each content, as its place in a store of
/// bytes the caller passes each time (the same store for one memo).
struct RunMemo<Value> {
    private var hashes: [UInt64]
    private var runs: [Range<Int>]
    private var values: [Value?]
    private var mask: Int
    private var filled = 0

    /// An empty memo; it grows as runs arrive.
    init() {
        let capacity = 512
        hashes = [UInt64](repeating: 0, count: capacity)
        runs = [Range<Int>](repeating: 0..<0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        mask = capacity - 1
    }

    /// What `compute` says of the bytes at `run` in `store`, worked out when no run of the
    /// same bytes was asked before.
    mutating func value(
        of run: Range<Int>, in store: UnsafeBufferPointer<UInt8>, _ compute: (UnsafeBufferPointer<UInt8>) -> Value
    ) -> Value {
        let bytes = UnsafeBufferPointer(rebasing: store[run])
        let hash = ByteHash.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash >> 40) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash, Self.same(UnsafeBufferPointer(rebasing: store[runs[slot]]), bytes),
                let value = values[slot]
            {
                return value
            }
            slot = (slot + 1) & mask
        }
        let value = compute(bytes)
        (hashes[slot], runs[slot], values[slot]) = (hash, run, value)
        filled += 1
        if filled * 2 > hashes.count { grow() }
        return value
    }

    private mutating func grow() {
        let old = (hashes, runs, values)
        let capacity = hashes.count * 2
        hashes = [UInt64](repeating: 0, count: capacity)
        runs = [Range<Int>](repeating: 0..<0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        mask = capacity - 1
        for index in old.0.indices where old.0[index] != 0 {
            var slot = Int(truncatingIfNeeded: old.0[index] >> 40) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            (hashes[slot], runs[slot], values[slot]) = (old.0[index], old.1[index], old.2[index])
        }
    }

    private static func same(_ one: UnsafeBufferPointer<UInt8>, _ two: UnsafeBufferPointer<UInt8>) -> Bool {
        guard one.count == two.count else { return false }
        guard let first = one.baseAddress, let second = two.baseAddress else { return true }
        return memcmp(first, second, one.count) == 0
    }
}
