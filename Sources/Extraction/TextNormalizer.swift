/// Small text helpers shared by the HTML and plain-text paths. They work on UTF-8 bytes with
/// an ASCII fast path: Unicode property look-ups per character cost more than the whole parse.
enum TextNormalizer {
    /// Collapses runs of white space (no-break and other Unicode spaces included) to one space,
    /// drops control characters and soft hyphens, and trims the ends.
    static func collapseWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { collapseWhitespace(bytes: $0) }
    }

    /// The same, on UTF-8 bytes.
    static func collapseWhitespace<Bytes: Collection<UInt8>>(bytes: Bytes) -> String where Bytes.Index == Int {
        if let collapsed = bytes.withContiguousStorageIfAvailable({ collapseWhitespace(buffer: $0) }) {
            return collapsed
        }
        return Array(bytes).withUnsafeBufferPointer { collapseWhitespace(buffer: $0) }
    }

    /// Writes straight into the new string's storage (the result is never longer than the
    /// input), copying runs of plain ASCII whole.
    private static func collapseWhitespace(buffer bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var written = 0
            var pendingSpace = false
            var index = 0
            let end = bytes.count
            func put(_ range: Range<Int>) {
                if pendingSpace { output[written] = 0x20; written += 1; pendingSpace = false }
                guard let target = output.baseAddress, let source = bytes.baseAddress else { return }
                (target + written).update(from: source + range.lowerBound, count: range.count)
                written += range.count
            }
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = written > 0
                        index += 1
                    } else if byte < 0x20 || byte == 0x7F {
                        index += 1
                    } else {
                        // A run of plain ASCII goes on through single spaces between visible
                        // bytes, which stay as they are: whole phrases are copied at once.
                        var runEnd = index + 1
                        while runEnd < end {
                            if bytes[runEnd] > 0x20, bytes[runEnd] < 0x7F {
                                runEnd += 1
                            } else if bytes[runEnd] == 0x20, runEnd + 1 < end, bytes[runEnd + 1] > 0x20,
                                bytes[runEnd + 1] < 0x7F
                            {
                                runEnd += 2
                            } else {
                                break
                            }
                        }
                        put(index..<runEnd)
                        index = runEnd
                    }
                    continue
                }
                let length = sequenceLength(byte)
                let next = index + length <= end ? length : end - index
                switch spaceKind(bytes, at: index, length: next) {
                case .space: pendingSpace = written > 0
                case .drop: break
                case .keep: put(index..<(index + next))
                }
                index += next
            }
            return written
        }
    }

    private enum SpaceKind { case space, drop, keep }

    /// Classifies the multi-byte sequence at `index`: Unicode spaces, invisible characters to
    /// drop (soft hyphen, zero-width joiners, byte-order marks), or text to keep.
    private static func spaceKind<Bytes: Collection<UInt8>>(_ bytes: Bytes, at index: Int, length: Int) -> SpaceKind
    where Bytes.Index == Int {
        let lead = bytes[index]
        if lead == 0xC2, length == 2 {
            let second = bytes[index + 1]
            if second == 0xA0 || second == 0x85 { return .space }
            if second == 0xAD || second < 0xA0 { return .drop }  // Soft hyphen, C1 controls.
            return .keep
        }
        if lead == 0xE2, length == 3, bytes[index + 1] == 0x80 {
            let third = bytes[index + 2]
            if third <= 0x8A || third == 0xAF || third == 0xA8 || third == 0xA9 { return .space }
            if third >= 0x8B && third <= 0x8F { return third == 0x8B ? .space : .drop }
        }
        if lead == 0xE2, length == 3, bytes[index + 1] == 0x81, bytes[index + 2] == 0x9F { return .space }
        if lead == 0xE3, length == 3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return .space }
        if lead == 0xEF, length == 3, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return .drop }
        return .keep
    }

    static func sequenceLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }
}
