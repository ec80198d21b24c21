/// A 64-bit hash of a run of bytes, eight at a time: a product and a shift a word, where FNV-1a
/// takes a product a byte. For keys inside one extraction (memos, repeated paragraphs), never
/// stored: the records' content hash stays FNV-1a (`TextMeasures.contentHash`).
enum ByteHash {
    /// The hash of `bytes`, never 0 (a memo's mark of an empty slot); the length is mixed in.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(hash) | 1 }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(hash ^ tail) | 1
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0xFF51_AFD7_ED55_8CCD
        return product ^ (product >> 29)
    }
}
