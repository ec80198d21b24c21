/// Pulls the content out of a scraped plain-text page: a title (often given twice), a date line,
/// body paragraphs with teaser lines between them, then hashtags, a timestamp and the site's
/// share and comment boilerplate.
struct PlainTextExtractor {
    private(set) var paragraphs: [String] = []
    private(set) var metadata = PageMetadata()

    init(text: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { TextNormalizer.collapseWhitespace(String($0)) }
            .filter { !$0.isEmpty }
        var index = 0
        if let first = lines.first {
            metadata.title = first
            index = 1
            if lines.count > 1, lines[1] == first { index = 2 }
        }
        // The date line, if any, sits right under the title.
        if index < lines.count, let date = Self.isoDate(lines[index]) {
            metadata.published = date
            index += 1
        }
        while index < lines.count {
            let line = lines[index]
            index += 1
            if Self.isHashtagLine(line) {
                metadata.tags = line.split(separator: " ").map { String($0.dropFirst()) }.filter { !$0.isEmpty }
                break // What follows the hashtags is the site's furniture, not the article.
            }
            if Self.isTimestamp(line) { break }
            if Self.isTeaser(line) { continue }
            paragraphs.append(line)
        }
    }

    /// "2023-09-13 22:20:04" → "2023-09-13T22:20:04"; nil when the line is not a date.
    static func isoDate(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        guard bytes.count == 10 || bytes.count == 16 || bytes.count == 19 else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].filter { $0 < bytes.count }
        guard digits.allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        if bytes.count == 10 { return line }
        guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":") else { return nil }
        return line.prefix(10) + "T" + line.dropFirst(11)
    }

    private static func isHashtagLine(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { $0.hasPrefix("#") && $0.count > 1 }
    }

    private static func isTimestamp(_ line: String) -> Bool {
        (9...11).contains(line.count) && line.allSatisfy(\.isASCII) && line.allSatisfy(\.isNumber)
    }

    /// A teaser is a short line that introduces a link to another article: a few words, then a
    /// colon or a wide gap, then a title, with no sentence punctuation at its end.
    private static func isTeaser(_ line: String) -> Bool {
        guard line.count < 220, let last = line.last, !".!?»”\"…".contains(last) else { return false }
        let head = line.prefix(32)
        if let colon = head.firstIndex(of: ":") {
            let lead = head[..<colon].split(separator: " ")
            return (1...3).contains(lead.count)
        }
        return false
    }
}
