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
