/// The LSH buckets: signature numbers by (band, bucket) key, in one open-addressed table of
/// 32-bit fingerprints of the keys and 32-bit numbers. Eight bytes a slot and no allocation a
/// page, where a dictionary of arrays cost an array (and a SipHash) for each of a page's 14
/// buckets. A fingerprint that two keys share only brings a candidate more, which its signature
/// then rules out.
///
/// A bucket keeps its first `limit` pages: a bucket every page falls in (a template's text) is
/// worth no more than that, and a longer run of one key would slow every insert near it.
struct BandBuckets {
    /// Slot contents; a fingerprint of 0 marks an empty slot.
    private var fingerprints: [UInt32]
    private var numbers: [UInt32]
    /// log2 of the slot count.
    private var bits: Int
    /// Entries held.
    private(set) var count = 0
    /// The most pages a bucket keeps.
    let limit: Int

    init(limit: Int = 64, initialBits: Int = 12) {
        self.limit = limit
        bits = initialBits
        fingerprints = Array(repeating: 0, count: 1 << initialBits)
        numbers = Array(repeating: 0, count: 1 << initialBits)
    }

    /// Bytes the table holds.
    var bytes: Int { fingerprints.count * 8 }

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
        if (count + 1) * 4 > fingerprints.count * 3 { grow() }
        let fingerprint = Self.fingerprint(key)
        let mask = fingerprints.count - 1
        var index = slot(of: fingerprint)
        var same = 0
        while fingerprints[index] != 0 {
            if fingerprints[index] == fingerprint {
                same += 1
                if same >= limit { return }
            }
            index = (index + 1) & mask
        }
        fingerprints[index] = fingerprint
        numbers[index] = number
        count += 1
    }

    /// Calls `body` with each page in a bucket, in the order they were added.
    func forEach(in key: UInt64, _ body: (UInt32) -> Void) {
        let fingerprint = Self.fingerprint(key)
        let mask = fingerprints.count - 1
        var index = slot(of: fingerprint)
        while fingerprints[index] != 0 {
            if fingerprints[index] == fingerprint { body(numbers[index]) }
            index = (index + 1) & mask
        }
    }

    /// Doubles the slots and puts every entry back, in slot order from the start of a run so
    /// that a bucket's pages keep their order.
    private mutating func grow() {
        let (oldFingerprints, oldNumbers) = (fingerprints, numbers)
        bits += 1
        fingerprints = Array(repeating: 0, count: 1 << bits)
        numbers = Array(repeating: 0, count: 1 << bits)
        count = 0
        // A run may wrap past the end: begin after an empty slot, so that no run is split.
        let start = oldFingerprints.firstIndex(of: 0) ?? 0
        let mask = oldFingerprints.count - 1
        for step in 0..<oldFingerprints.count {
            let index = (start + step) & mask
            let fingerprint = oldFingerprints[index]
            guard fingerprint != 0 else { continue }
            let newMask = fingerprints.count - 1
            var target = slot(of: fingerprint)
            while fingerprints[target] != 0 { target = (target + 1) & newMask }
            fingerprints[target] = fingerprint
            numbers[target] = oldNumbers[index]
            count += 1
        }
    }
}
