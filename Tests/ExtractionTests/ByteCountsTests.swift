import Testing

@testable import Extraction

@Suite struct ByteCountsTests {
    /// Counted eight bytes a step, the bytes above 0x20 and the commas are those a byte-by-byte
    /// count finds, for runs of every length up to 40 (so every tail) of bytes around the edges
    /// the word operations test: 0x20 and 0x21, the comma and its neighbours, 0x7F and 0x80, 0xFF.
    @Test func wordAtATimeCountsEqualByteByByteCounts() {
        var random = RandomBytes([
            0x00, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x2B, 0x2C, 0x2D, 0x41, 0x7F, 0x80, 0xAC, 0xDF, 0xFF,
        ])
        for _ in 0..<3_000 {
            let bytes = random.next(lengths: 0...40)
            let counted = bytes.withUnsafeBufferPointer(ByteCounts.visibleAndCommas)
            #expect(counted.visible == bytes.filter { $0 > 0x20 }.count, "\(bytes)")
            #expect(counted.commas == bytes.filter { $0 == 0x2C }.count, "\(bytes)")
        }
    }

    /// Control bytes counted eight at a time are those a byte-by-byte count finds, around the
    /// edges of the range: NUL, 0x08 to 0x0E, 0x1F and 0x20, and bytes with the high bit set
    /// whose low bits are controls.
    @Test func wordAtATimeControlsEqualByteByByteCount() {
        var random = RandomBytes([0x00, 0x01, 0x08, 0x09, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x41, 0x80, 0x89, 0x9F, 0xFF])
        for _ in 0..<3_000 {
            let bytes = random.next(lengths: 0...40)
            let plain = bytes.filter { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20) }.count
            #expect(bytes.withUnsafeBufferPointer(ByteCounts.controls) == plain, "\(bytes)")
        }
    }
}
