/// ASCII letters lower-cased eight bytes a step: names and the attribute values HTML compares
/// without case.
enum ASCIICase {
    /// Every byte from "A" to "Z" of `word` lower-cased at once: a byte's top bit, after adding,
    /// says whether it is at least "A" and whether it is past "Z".
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let seven = word & (ones &* 0x7F)
        let atLeastA = seven &+ ones &* (0x80 - 0x41)
        let pastZ = seven &+ ones &* (0x80 - 0x5B)
        let upper = atLeastA & ~pastZ & ~word & (ones &* 0x80)
        return word | (upper >> 2)
    }

    /// Whether the byte is an ASCII letter, of either case.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The bytes as a string with ASCII letters lower-cased (invalid UTF-8 repaired, as the
    /// string initializer repairs it).
    static func lowercasedString(_ source: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: source.count) { buffer in
            guard let from = source.baseAddress, let to = buffer.baseAddress else { return 0 }
            copyLowercased(from, to, count: source.count)
            return source.count
        }
    }

    /// Lower-cases the ASCII letters of `bytes` from `start` on, in place.
    static func lowercase(_ bytes: inout [UInt8], from start: Int) {
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count else { return }
            copyLowercased(base + start, base + start, count: buffer.count - start)
        }
    }

    /// Copies `count` bytes with ASCII letters lower-cased; `from` may be `to`, since each
    /// word is read before it is written.
    private static func copyLowercased(_ from: UnsafePointer<UInt8>, _ to: UnsafeMutablePointer<UInt8>, count: Int) {
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(from + index).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(to + index).storeBytes(of: lowercased(word), as: UInt64.self)
            index += 8
        }
        if index < count, count >= 8 {
            // The last eight bytes as one word, overlapping some done already: lower-casing twice
            // is lower-casing once.
            let word = UnsafeRawPointer(from + count - 8).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(to + count - 8).storeBytes(of: lowercased(word), as: UInt64.self)
            return
        }
        while index < count {
            let byte = from[index]
            to[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            index += 1
        }
    }
}
