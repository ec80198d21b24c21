/// Lines, paragraphs and counts as the rule sets' reference implementation (Python) takes
/// them: `splitlines()`, `re.split("\n+")`, `re.split("\n{2,}")`, `strip()` and `str.count`.
enum TextLines {
    /// Python's line boundaries: `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`, U+2028, U+2029.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text.splitlines()`: no empty last line after a final break, none at all for "".
    static func pythonLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if isLineBreak(scalar) {
                lines.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        if start < scalars.endIndex { lines.append(Substring(scalars[start...])) }
        return lines
    }

    /// `re.split("\n+", text)`: empty strings kept at either end.
    static func newlineRuns(_ text: String) -> [Substring] {
        splitAtNewlines(text, minimum: 1)
    }

    /// `re.split("\n{2,}", text)`.
    static func paragraphs(_ text: Substring) -> [Substring] {
        splitAtNewlines(String(text), minimum: 2)
    }

    private static func splitAtNewlines(_ text: String, minimum: Int) -> [Substring] {
        var parts: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            guard scalars[index] == "\n" else {
                index = scalars.index(after: index)
                continue
            }
            var end = index
            var run = 0
            while end < scalars.endIndex, scalars[end] == "\n" {
                run += 1
                end = scalars.index(after: end)
            }
            if run >= minimum {
                parts.append(Substring(scalars[start..<index]))
                start = end
            }
            index = end
        }
        parts.append(Substring(scalars[start...]))
        return parts
    }

    /// How many items repeat an earlier one, and their characters.
    static func repeats(_ items: [Substring]) -> (count: Int, characters: Int) {
        var seen: Set<Substring> = []
        var (count, characters) = (0, 0)
        for item in items where !seen.insert(item).inserted {
            count += 1
            characters += item.unicodeScalars.count
        }
        return (count, characters)
    }

    /// `text.count("#")`, and `text.count("...") + text.count("…")`: occurrences that do not
    /// overlap, in one pass over the bytes.
    static func hashesAndEllipses(_ text: String) -> (hashes: Int, ellipses: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var (hashes, ellipses, dots, index) = (0, 0, 0, 0)
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") {
                    dots += 1
                    if dots == 3 { (ellipses, dots) = (ellipses + 1, 0) }
                } else {
                    dots = 0
                    if byte == UInt8(ascii: "#") { hashes += 1 }
                    // U+2026, in UTF-8.
                    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 {
                        ellipses += 1
                    }
                }
                index += 1
            }
            return (hashes, ellipses)
        }
    }

    static func trimmingStart(_ line: Substring) -> Substring {
        Substring(line.unicodeScalars.drop { $0.properties.isWhitespace })
    }

    static func trimmingEnd(_ line: Substring) -> Substring {
        var scalars = line.unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return Substring(scalars)
    }

    /// `text.strip()`.
    static func trimming(_ text: String) -> Substring {
        trimmingEnd(trimmingStart(Substring(text)))
    }
}

/// The word n-grams of a text, counted without building their strings: each word gets a number,
/// an n-gram is hashed from its words' numbers, and its length follows from theirs.
struct NGrams {
    private let ids: [Int32]
    private let lengths: [Int]

    init(_ words: [String]) {
        var numbers: [String: Int32] = [:]
        var ids: [Int32] = []
        ids.reserveCapacity(words.count)
        for word in words {
            if let id = numbers[word] {
                ids.append(id)
            } else {
                let id = Int32(numbers.count)
                numbers[word] = id
                ids.append(id)
            }
        }
        self.ids = ids
        lengths = words.map { $0.unicodeScalars.count }
    }

    private func key(_ start: Int, _ n: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(n)
        for offset in 0..<n {
            hash = (hash ^ UInt64(UInt32(bitPattern: ids[start + offset]))) &* 0x100_0000_01B3
            hash ^= hash >> 31
        }
        return hash
    }

    private func characters(_ start: Int, _ n: Int) -> Int {
        var total = 0
        for offset in 0..<n { total += lengths[start + offset] }
        return total
    }

    /// The most frequent n-gram's characters (its words joined by spaces) times its count; the
    /// first seen wins a tie, as with Python's `Counter.most_common`.
    func topCharacters(n: Int) -> Int {
        guard ids.count >= n else { return 0 }
        var counts: [UInt64: (count: Int, first: Int)] = [:]
        for start in 0...(ids.count - n) {
            let key = key(start, n)
            counts[key, default: (0, start)].count += 1
        }
        guard
            let top = counts.values.max(by: { $0.count < $1.count || ($0.count == $1.count && $0.first > $1.first) })
        else { return 0 }
        return (characters(top.first, n) + n - 1) * top.count
    }

    /// Characters of the n-grams (joined without spaces) that repeat an earlier one, skipping
    /// past each repeat, as datatrove's `find_all_duplicate` walks.
    func repeatedCharacters(n: Int) -> Int {
        var seen: Set<UInt64> = []
        var (repeated, index) = (0, 0)
        while index < ids.count - n + 1 {
            if seen.insert(key(index, n)).inserted {
                index += 1
            } else {
                repeated += characters(index, n)
                index += n
            }
        }
        return repeated
    }
}
