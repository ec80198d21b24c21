/// The LSH buckets: signature numbers by (band, bucket) key, in one open-addressed table of
/// slots holding a 32-bit fingerprint of the key and a 32-bit number side by side (one cache
/// line read a probe). Eight bytes a slot and no allocation a page, where a dictionary of
/// arrays cost an array (and a SipHash) for each of a page's 14 buckets. A fingerprint that two
/// keys share only brings a candidate more, which its signature then rules out.
///
/// A bucket keeps its first `limit` pages: a bucket every page falls in (a template's text) is
/// worth no more than that, and a longer run of one key would slow every insert near it.
struct BandBuckets {
    /// Slot contents: the fingerprint in the high half, the number in the low; a fingerprint of
    /// 0 (a slot of 0) marks an empty slot.
    private var slots: [UInt64]
    /// log2 of the slot count.
    private var bits: Int
    /// Entries held.
    private(set) var count = 0
    /// The most pages a bucket keeps.
    let limit: Int

    init(limit: Int = 64, initialBits: Int = 12) {
        self.limit = limit
        bits = initialBits
        slots = Array(repeating: 0, count: 1 << initialBits)
    }

    /// Bytes the table holds.
    var bytes: Int { slots.count * 8 }

    /// The nonzero fingerprint of a key: its high half after mixing, which also picks the slot.
    private static func fingerprint(_ key: UInt64) -> UInt32 {
        var mixed = key ^ (key >> 31)
        mixed &*= 0x7FB5_D329_728E_A185
        mixed ^= mixed >> 27
        return max(1, UInt32(truncatingIfNeeded: mixed >> 32))
    }

    private func slot(of fingerprint: UInt32) -> Int {
        Int(fingerprint >> UInt32(32 - bits))
    }

    /// Adds a page to a bucket, unless the bucket is full.
    mutating func insert(_ key: UInt64, _ number: UInt32) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let fingerprint = Self.fingerprint(key)
        let mask = slots.count - 1
        var index = slot(of: fingerprint)
        var same = 0
        while slots[index] != 0 {
            if UInt32(truncatingIfNeeded: slots[index] >> 32) == fingerprint {
                same += 1
                if same >= limit { return }
            }
            index = (index + 1) & mask
        }
        slots[index] = UInt64(fingerprint) << 32 | UInt64(number)
        count += 1
    }

    /// Calls `body` with each page in a bucket, in the order they were added.
    func forEach(in key: UInt64, _ body: (UInt32) -> Void) {
        let fingerprint = Self.fingerprint(key)
        let mask = slots.count - 1
        var index = slot(of: fingerprint)
        while slots[index] != 0 {
            if UInt32(truncatingIfNeeded: slots[index] >> 32) == fingerprint {
                body(UInt32(truncatingIfNeeded: slots[index]))
            }
            index = (index + 1) & mask
        }
    }

    /// Doubles the slots and puts every entry back, in slot order from the start of a run so
    /// that a bucket's pages keep their order.
    private mutating func grow() {
        let old = slots
        bits += 1
        slots = Array(repeating: 0, count: 1 << bits)
        // A run may wrap past the end: begin after an empty slot, so that no run is split.
        let start = old.firstIndex(of: 0) ?? 0
        let (oldMask, mask) = (old.count - 1, slots.count - 1)
        for step in 0..<old.count {
            let entry = old[(start + step) & oldMask]
            guard entry != 0 else { continue }
            var target = slot(of: UInt32(truncatingIfNeeded: entry >> 32))
            while slots[target] != 0 { target = (target + 1) & mask }
            slots[target] = entry
        }
    }
}
