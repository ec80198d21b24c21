/// A fixed map from short names (up to 16 bytes) to values, looked up by the name's bytes packed
/// into two words (`ShortNameKey`): no string hashing, no allocation, a probe or two. Built
/// once; the tokenizer looks up every tag and attribute name of every page in such tables.
struct ShortNameTable<Value: Sendable>: Sendable {
    private struct Slot: Sendable {
        var key: ShortNameKey
        var value: Value
    }

    private var slots: [Slot?]
    private let mask: Int

    /// A table of `entries`, names as they will be looked up (callers pass lower-cased names);
    /// a later duplicate replaces an earlier one; names past 16 bytes are left out.
    init(_ entries: [(String, Value)]) {
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }
        slots = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (name, value) in entries {
            guard let key = ShortNameKey(Array(name.utf8)) else { continue }
            var index = key.slot(mask)
            while let slot = slots[index], slot.key != key { index = (index + 1) & mask }
            slots[index] = Slot(key: key, value: value)
        }
    }

    /// The value stored for `name`, if any.
    func value(for name: String) -> Value? {
        var name = name
        return name.withUTF8 { bytes in ShortNameKey(bytes).flatMap(value(for:)) }
    }

    /// The value stored for the name packed as `key`, if any.
    @inline(__always)
    func value(for key: ShortNameKey) -> Value? {
        var index = key.slot(mask)
        while let slot = slots[index] {
            if slot.key == key { return slot.value }
            index = (index + 1) & mask
        }
        return nil
    }
}

/// Up to 16 bytes of a name as two little-endian words, zero past its end: equal keys, equal
/// names (no name holds a NUL byte).
struct ShortNameKey: Hashable, Sendable {
    var low: UInt64
    var high: UInt64

    /// The key of `bytes` as they are; nil past 16 bytes.
    init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        (low, high) = (0, 0)
        var shift: UInt64 = 0
        for byte in bytes {
            if shift < 64 { low |= UInt64(byte) << shift } else { high |= UInt64(byte) << (shift - 64) }
            shift += 8
        }
    }

    /// The key of `count` bytes at `start` in `buffer`, ASCII letters lower-cased; nil past 16
    /// bytes. Where 16 bytes can be read from `start`, two loads and a few word operations,
    /// with no loop over the bytes.
    @inline(__always)
    init?(lowercasing buffer: UnsafeBufferPointer<UInt8>, start: Int, count: Int) {
        guard count <= 16, let base = buffer.baseAddress else { return nil }
        if start + 16 <= buffer.count {
            let raw = UnsafeRawPointer(base + start)
            low = ASCIICase.lowercased(Self.prefix(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), count))
            // Most names fit the first word.
            high =
                count <= 8
                ? 0
                : ASCIICase.lowercased(
                    Self.prefix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), count - 8))
        } else {
            guard var key = ShortNameKey(UnsafeBufferPointer(rebasing: buffer[start..<(start + count)])) else {
                return nil
            }
            (key.low, key.high) = (ASCIICase.lowercased(key.low), ASCIICase.lowercased(key.high))
            self = key
        }
    }

    /// The first `count` bytes of `word` (all of them from 8 on, none at 0 or fewer).
    @inline(__always)
    private static func prefix(_ word: UInt64, _ count: Int) -> UInt64 {
        if count >= 8 { return word }
        if count <= 0 { return 0 }
        return word & ((1 &<< UInt64(count &* 8)) &- 1)
    }

    /// The slot of this key in a table of `mask + 1` slots.
    @inline(__always)
    func slot(_ mask: Int) -> Int {
        // Multiplicative hashing: the top bits of the product mix every byte of the name.
        let mixed = (low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }
}
