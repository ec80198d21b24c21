/// Small numbers for 64-bit hashes (terms, phrases, word pairs), in an open-addressed table:
/// the keys are hashes already, so the table mixes them with one multiplication instead of
/// hashing them again as `Dictionary` would, the cost that dominated the keyword pass. Its
/// slots are one allocation, freed with it, probed without the checks of a copy-on-write array.
final class KeyIndex: @unchecked Sendable {
    private struct Slot {
        var key: UInt64
        var number: Int32
    }

    private var slots: UnsafeMutablePointer<Slot>
    private var size: Int
    private(set) var count = 0

    /// A table with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.size = size
        slots = Self.emptySlots(size)
    }

    deinit {
        slots.deallocate()
    }

    private static func emptySlots(_ size: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: size)
        slots.initialize(repeating: Slot(key: 0, number: -1), count: size)
        return slots
    }

    @inline(__always)
    private func start(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & (size - 1)
    }

    /// The number of `key`; when it has none, `count` (the next number) is given to it.
    @inline(__always)
    func number(of key: UInt64) -> (number: Int32, isNew: Bool) {
        if count * 2 >= size { grow() }
        var slot = start(key)
        while true {
            let number = slots[slot].number
            if number < 0 {
                slots[slot] = Slot(key: key, number: Int32(truncatingIfNeeded: count))
                count += 1
                return (slots[slot].number, true)
            }
            if slots[slot].key == key { return (number, false) }
            slot = (slot + 1) & (size - 1)
        }
    }

    /// The number of `key`, or nil.
    @inline(__always)
    func find(_ key: UInt64) -> Int32? {
        var slot = start(key)
        while true {
            let number = slots[slot].number
            if number < 0 { return nil }
            if slots[slot].key == key { return number }
            slot = (slot + 1) & (size - 1)
        }
    }

    private func grow() {
        let (old, oldSize) = (slots, size)
        size *= 2
        slots = Self.emptySlots(size)
        for index in 0..<oldSize where old[index].number >= 0 {
            var target = start(old[index].key)
            while slots[target].number >= 0 { target = (target + 1) & (size - 1) }
            slots[target] = old[index]
        }
        old.deallocate()
    }
}
