import Testing

@testable import Extraction

/// Lower-casing a word at a time (with the last word overlapping the one before) matches a
/// byte-by-byte lower-casing, for runs of every length up to 40, in place from any start or into
/// a string, around the edges of the capitals: `@`, `A`, `Z`, `[`, and bytes past ASCII.
@Suite struct ASCIICaseTests {
    static func plain(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    @Test func wordAtATimeEqualsByteByByte() {
        var random = RandomBytes([0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x20, 0xC1, 0xDA, 0xC3, 0x89])
        for _ in 0..<3_000 {
            let bytes = random.next(lengths: 0...40)
            let start = Int.random(in: 0...bytes.count)
            var inPlace = bytes
            ASCIICase.lowercase(&inPlace, from: start)
            #expect(inPlace == Array(bytes[..<start]) + Self.plain(Array(bytes[start...])), "\(bytes) from \(start)")
            let string = bytes.withUnsafeBufferPointer(ASCIICase.lowercasedString)
            #expect(string == String(decoding: Self.plain(bytes), as: UTF8.self), "\(bytes)")
        }
    }
}
