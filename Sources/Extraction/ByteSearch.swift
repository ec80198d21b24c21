#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search on UTF-8 bytes: Foundation's `contains` goes through CFString and costs
/// far more than the whole tokenizer on the hot path.
enum ByteSearch {
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last {
                if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
                index += 1
            }
            return false
        } ?? text.contains(String(decoding: pattern, as: UTF8.self))
    }

    /// Whether `text` holds `first` or `second`, in one pass over its bytes.
    static func contains(_ text: String, _ first: StaticString, or second: StaticString) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { contains(bytes: $0, first, or: second) }
            ?? (contains(text, first) || contains(text, second))
    }

    /// Whether `bytes` hold `first` or `second`, in one pass over them.
    static func contains(bytes: UnsafeBufferPointer<UInt8>, _ first: StaticString, or second: StaticString) -> Bool {
        let one = UnsafeBufferPointer(start: first.utf8Start, count: first.utf8CodeUnitCount)
        let two = UnsafeBufferPointer(start: second.utf8Start, count: second.utf8CodeUnitCount)
        guard let oneStart = one.first, let twoStart = two.first else { return true }
        let count = bytes.count
        for index in 0..<count {
            let byte = bytes[index]
            if byte == oneStart, index + one.count <= count, bytes[index..<(index + one.count)].elementsEqual(one) {
                return true
            }
            if byte == twoStart, index + two.count <= count, bytes[index..<(index + two.count)].elementsEqual(two) {
                return true
            }
        }
        return false
    }

    /// Whether `bytes` hold `first` or `second`, lower-case ASCII letters only, in any ASCII
    /// case, or an `&` (a character reference may spell either), in one pass: for letters,
    /// setting bit 5 is lower-casing, so no table is needed. Attribute values are tried so,
    /// on the bytes as written, before anything is decoded.
    static func mayHoldIgnoringASCIICase(
        _ bytes: ArraySlice<UInt8>, _ first: StaticString, or second: StaticString
    ) -> Bool {
        bytes.withUnsafeBufferPointer { mayHoldIgnoringASCIICase($0, first, or: second) }
    }

    /// Whether `buffer` may hold `first` or `second`, as the slice's form says.
    static func mayHoldIgnoringASCIICase(
        _ buffer: UnsafeBufferPointer<UInt8>, _ first: StaticString, or second: StaticString
    ) -> Bool {
        let one = UnsafeBufferPointer(start: first.utf8Start, count: first.utf8CodeUnitCount)
        let two = UnsafeBufferPointer(start: second.utf8Start, count: second.utf8CodeUnitCount)
        guard let oneStart = one.first, let twoStart = two.first else { return true }
        let count = buffer.count
        func matches(_ pattern: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
            guard index + pattern.count <= count else { return false }
            var offset = 1
            while offset < pattern.count {
                if buffer[index + offset] | 0x20 != pattern[offset] { return false }
                offset += 1
            }
            return true
        }
        func holds(at index: Int) -> Bool {
            if buffer[index] == UInt8(ascii: "&") { return true }
            let byte = buffer[index] | 0x20
            return (byte == oneStart && matches(one, at: index)) || (byte == twoStart && matches(two, at: index))
        }
        var index = 0
        if let base = buffer.baseAddress, one.count >= 2, two.count >= 2 {
            // Eight positions a step: only where a word's first two letters, in either case, or
            // an `&` start within them are the bytes looked at one by one. Two letters side by
            // side are far rarer than one (class names are full of a's and b's).
            let raw = UnsafeRawPointer(base)
            let ones = ByteCounts.ones
            let (oneFirst, oneSecond) = (ones &* UInt64(oneStart), ones &* UInt64(one[1]))
            let (twoFirst, twoSecond) = (ones &* UInt64(twoStart), ones &* UInt64(two[1]))
            let (ampersands, lowerCase) = (ones &* UInt64(UInt8(ascii: "&")), ones &* 0x20)
            while index + 9 <= count {
                let here = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let next = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index + 1, as: UInt64.self))
                let (first, second) = (here | lowerCase, next | lowerCase)
                let candidates =
                    (ByteCounts.zeroBytes(first ^ oneFirst) & ByteCounts.zeroBytes(second ^ oneSecond))
                    | (ByteCounts.zeroBytes(first ^ twoFirst) & ByteCounts.zeroBytes(second ^ twoSecond))
                    | ByteCounts.zeroBytes(here ^ ampersands)
                if candidates != 0 {
                    for offset in index..<(index + 8) where holds(at: offset) { return true }
                }
                index += 8
            }
        }
        while index < count {
            if holds(at: index) { return true }
            index += 1
        }
        return false
    }

    /// The first byte offset at which `needle` starts in `bytes`, found by memchr on its first
    /// byte.
    static func firstOffset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = 0
            let last = buffer.count - needle.count
            while index <= last {
                guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }

    /// The byte offsets at which `needle` starts in `bytes`, without overlaps, in order.
    static func offsets(of needle: [UInt8], in bytes: [UInt8]) -> [Int] {
        guard let first = needle.first, bytes.count >= needle.count else { return [] }
        var found: [Int] = []
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// `text` cut at each `separator`, which must begin and end with ASCII so that no cut falls
    /// inside a character.
    static func split(_ text: String, separator: String) -> [String] {
        let bytes = Array(text.utf8), needle = Array(separator.utf8)
        var parts: [String] = []
        var start = 0
        for offset in offsets(of: needle, in: bytes) {
            parts.append(String(decoding: bytes[start..<offset], as: UTF8.self))
            start = offset + needle.count
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }
}
