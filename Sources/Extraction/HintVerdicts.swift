#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The class-and-id verdicts of one page's elements, each distinct hint worked out once: pages
/// repeat their class names from element to element (the corpus pages hold 774 hints a page,
/// 262 of them distinct), and a hint is hashed and compared in far fewer steps than it is
/// classified. An open-addressing table of the first element seen with each hint.
struct HintVerdicts {
    private var hashes: [UInt64]
    private var nodes: [DocumentTree.NodeID]
    private var verdicts: [BoilerplatePatterns.Verdict]
    private var mask: Int
    private var filled = 0

    /// An empty table; it grows as hints arrive.
    init() {
        let capacity = 512
        hashes = [UInt64](repeating: 0, count: capacity)
        nodes = [DocumentTree.NodeID](repeating: 0, count: capacity)
        verdicts = [BoilerplatePatterns.Verdict](repeating: [], count: capacity)
        mask = capacity - 1
    }

    /// What the hint of `node` (an element of `tree`) says: `BoilerplatePatterns.verdict`.
    mutating func verdict(of node: DocumentTree.NodeID, in tree: DocumentTree) -> BoilerplatePatterns.Verdict {
        let hint = tree.hintBytes(node)
        guard !hint.isEmpty else { return [] }
        let hash = Self.hash(hint)
        var slot = Int(truncatingIfNeeded: hash >> 40) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash, Self.same(tree.hintBytes(nodes[slot]), hint) { return verdicts[slot] }
            slot = (slot + 1) & mask
        }
        let verdict = BoilerplatePatterns.verdict(hint)
        (hashes[slot], nodes[slot], verdicts[slot]) = (hash, node, verdict)
        filled += 1
        if filled * 2 > hashes.count { grow() }
        return verdict
    }

    private mutating func grow() {
        let old = (hashes, nodes, verdicts)
        let capacity = hashes.count * 2
        hashes = [UInt64](repeating: 0, count: capacity)
        nodes = [DocumentTree.NodeID](repeating: 0, count: capacity)
        verdicts = [BoilerplatePatterns.Verdict](repeating: [], count: capacity)
        mask = capacity - 1
        for index in old.0.indices where old.0[index] != 0 {
            var slot = Int(truncatingIfNeeded: old.0[index] >> 40) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            (hashes[slot], nodes[slot], verdicts[slot]) = (old.0[index], old.1[index], old.2[index])
        }
    }

    /// A hash of the bytes, eight at a time, never 0 (the mark of an empty slot).
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = mix(hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            return mix(hash ^ tail) | 1
        }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xFF51_AFD7_ED55_8CCD
        return product ^ (product >> 29)
    }

    private static func same(_ one: ArraySlice<UInt8>, _ two: ArraySlice<UInt8>) -> Bool {
        guard one.count == two.count else { return false }
        return one.withUnsafeBytes { first in
            two.withUnsafeBytes { second in
                guard let firstBase = first.baseAddress, let secondBase = second.baseAddress else { return true }
                return memcmp(firstBase, secondBase, first.count) == 0
            }
        }
    }
}
