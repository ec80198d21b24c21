/// Pulls the content out of a scraped plain-text page: a title (often given twice), a date
/// line, maybe a byline, body paragraphs with teaser lines between them, then hashtags, a
/// timestamp and the site's share and comment furniture.
///
/// The rules go by the shape and position of lines, not by a list of phrases, so that they hold
/// for sites and languages they were not written against:
/// - a teaser is a short line that opens with a lead of one to three words set off by a colon
///   or a wide gap, or whose lead recurs on other short lines of the page, and that does not
///   end as a sentence does;
/// - a byline is a short, unpunctuated line of names right under the date;
/// - what follows the hashtags or the bare timestamp is furniture, and so is a trailing run of
///   short unpunctuated lines (share buttons, "Leave a comment").
struct PlainTextExtractor {
    private(set) var paragraphs: [String] = []
    private(set) var metadata = PageMetadata()

    typealias Line = TextLine

    init(text: String, site: SiteBoilerplate? = nil) {
        // Split on bytes, not Characters: grapheme breaking costs more than the rest of the page.
        let lines = Self.lines(of: text).compactMap { raw -> Line? in
            let collapsed = TextNormalizer.collapseWhitespace(String(raw))
            guard !collapsed.isEmpty else { return nil }
            let words = collapsed.utf8.split(separator: 0x20).map { Substring($0) }
            return Line(raw: raw, text: collapsed, words: words)
        }
        var index = 0
        // A notice above the title (cookies, consent) is a sentence; a title is not.
        while index + 1 < lines.count, index < 2,
            TextFurniture.isNotice(lines[index])
                || (Self.endsAsSentence(lines[index].text) && !Self.endsAsSentence(lines[index + 1].text))
        {
            index += 1
        }
        if index < lines.count, !Self.opensBody(lines[index...]) {
            metadata.title = lines[index].text
            index += 1
            if index < lines.count, lines[index].text == lines[index - 1].text { index += 1 }
        }
        // The page's language, when it is long enough to tell, orders a numeric date.
        let language = lines.count > 4 ? LanguageDetector.detect(Self.sample(lines), declared: nil) : nil
        // Under the title: a date line and a byline, in either order.
        for _ in 0..<2 where index < lines.count {
            if metadata.published == nil, let date = DateText.dateLine(lines[index].text, language: language) {
                metadata.published = date
            } else if metadata.authors.isEmpty, let authors = Self.byline(lines[index]) {
                metadata.authors = authors
            } else {
                break
            }
            index += 1
        }
        var body: [Line] = []
        while index < lines.count {
            let line = lines[index]
            index += 1
            if Self.isHashtagLine(line) {
                metadata.tags = line.words.map { String($0.dropFirst()) }.filter { !$0.isEmpty }
                break
            }
            if Self.isTimestamp(line.text) { break }
            body.append(line)
        }
        // Short lines that open with the same two words recur as teasers ("Read also …").
        var leads: [String: Int] = [:]
        for line in body where Self.isShortUnfinished(line) { leads[Self.lead(line), default: 0] += 1 }
        body.removeAll { line in
            guard !Self.endsAsSentence(line.text) else { return false }
            if Self.hasSetOffLead(line) && line.words.count <= 40 { return true }
            return Self.isShortUnfinished(line) && leads[Self.lead(line), default: 0] >= 2
        }
        body.removeAll(where: TextFurniture.isCopyright)
        if let site { body = site.filter(body) }
        body.removeLast(body.count - TextFurniture.endOfBody(body))
        paragraphs = body.map(\.text)
    }

    /// The longest lines of the page, some 2 KB of them: enough to tell its language.
    private static func sample(_ lines: [Line]) -> String {
        var sample = ""
        for line in lines.sorted(by: { $0.text.utf8.count > $1.text.utf8.count }) where sample.utf8.count < 2048 {
            sample += line.text + "\n"
        }
        return sample
    }

    /// The non-empty lines of `text`, split at line feeds, carriage returns, vertical tabs, form
    /// feeds, NEL and the Unicode line and paragraph separators, found on the UTF-8 bytes.
    static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            var separatorLength = 0
            if byte >= 0x0A && byte <= 0x0D {
                separatorLength = 1
            } else if byte == 0xC2 || byte == 0xE2 {
                let second = utf8.index(after: index)
                if byte == 0xC2, second < utf8.endIndex, utf8[second] == 0x85 {
                    separatorLength = 2
                } else if byte == 0xE2, second < utf8.endIndex, utf8[second] == 0x80 {
                    let third = utf8.index(after: second)
                    if third < utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 { separatorLength = 3 }
                }
            }
            guard separatorLength > 0 else { index = utf8.index(after: index); continue }
            if lineStart < index { lines.append(Substring(utf8[lineStart..<index])) }
            index = utf8.index(index, offsetBy: separatorLength)
            lineStart = index
        }
        if lineStart < utf8.endIndex { lines.append(Substring(utf8[lineStart..<utf8.endIndex])) }
        return lines
    }

    /// Whether `text` has fewer than `limit` characters, as Unicode scalars (combining marks
    /// count apart): counted only when its length in bytes leaves the question open, and
    /// without grapheme breaking, which costs more than the rest of the page.
    private static func isShorter(_ text: String, than limit: Int) -> Bool {
        text.utf8.count < limit || text.unicodeScalars.count < limit
    }

    private static func isHashtagLine(_ line: Line) -> Bool {
        !line.words.isEmpty && line.words.allSatisfy { $0.hasPrefix("#") && $0.count > 1 }
    }

    private static func isTimestamp(_ line: String) -> Bool {
        (9...11).contains(line.count) && line.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether the first line is a paragraph, not a title: a text given without its title (an
    /// article body, a cleaned document) opens with a long sentence that ends in a full stop, as
    /// the line after it ends too; a title is seldom a dozen words closed by one.
    static func opensBody(_ lines: ArraySlice<Line>) -> Bool {
        guard let first = lines.first, first.words.count >= 12, lastBeforeClosers(first.text) == "." else {
            return false
        }
        let next = lines.dropFirst().first
        return next.map { $0.text != first.text && endsAsSentence($0.text) } ?? true
    }

    /// Whether a line ends as a sentence does: a full stop (or its kin), also inside closing
    /// quotation marks or brackets (`… "somewhat elevated."`); a question or exclamation mark,
    /// or marks closing on something else, only on a long line (a title may end so).
    static func endsAsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        if ".;…。".contains(last) { return true }
        if let beforeClosers = lastBeforeClosers(text), beforeClosers != last, ".…。".contains(beforeClosers) {
            return true
        }
        return "!?»”\")".contains(last) && !isShorter(text, than: 201)
    }

    /// The line's last character before any closing quotation marks and brackets.
    private static func lastBeforeClosers(_ text: String) -> Character? {
        text.unicodeScalars.reversed().first { !"\"”’'»)]".unicodeScalars.contains($0) }.map(Character.init)
    }

    static func isShortUnfinished(_ line: Line) -> Bool {
        line.words.count <= 25 && isShorter(line.text, than: 220) && !endsAsSentence(line.text)
    }

    private static func lead(_ line: Line) -> String {
        line.words.prefix(2).joined(separator: " ").lowercased()
    }

    /// One to three words, then a colon, a bar or a bracket ("Read more:", "ALSO READ |",
    /// "相关阅读：", "【関連】") or a gap of two spaces or more, then the rest. A line with more than
    /// one bar is a table's row, not a teaser.
    private static func hasSetOffLead(_ line: Line) -> Bool {
        let raw = line.raw.drop(while: \.isWhitespace)
        if raw.first == "【" || raw.first == "[" { return raw.dropFirst().contains { $0 == "】" || $0 == "]" } }
        var words = 0
        var index = raw.startIndex
        var inWord = false
        while index < raw.endIndex, words <= 3 {
            let character = raw[index]
            if character == ":" || character == "：" || character == "|" {
                let rest = raw[raw.index(after: index)...]
                guard character != "|" || (!inWord && !rest.contains("|")) else { return false }
                return (1...3).contains(words) && rest.contains { !$0.isWhitespace }
            }
            if character.isWhitespace {
                // No-break spaces count: scraped text often keeps "&nbsp; " as the gap.
                let next = raw.index(after: index)
                if inWord, next < raw.endIndex, raw[next].isWhitespace { return (1...3).contains(words) }
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
            index = raw.index(after: index)
        }
        return false
    }

    /// A byline: "By Ann Lee and Bo Chen", "Par Ann Lee", "Autor: Ann Lee", "作者： Ann Lee", or just
    /// the names: short, unpunctuated, capitalised.
    private static func byline(_ line: Line) -> [String]? {
        guard (1...9).contains(line.words.count), line.text.count <= 90 else { return nil }
        var words = line.words
        let markers: Set<String> = [
            "by", "par", "von", "por", "di", "door", "av", "af", "oleh", "przez", "от", "автор",
        ]
        var marked = false
        if let first = words.first, markers.contains(first.lowercased()) {
            words.removeFirst()
            marked = true
        }
        // A marker of one or two words set off by a colon: "Szerző:", "Tác giả:", "作者：".
        if let colon = words.prefix(2).firstIndex(where: { $0.hasSuffix(":") || $0.hasSuffix("：") }) {
            words.removeSubrange(words.startIndex...colon)
            marked = true
        }
        // After a marker, a handle ("by aawoods") or a degree ("Ph.D.") is a name too.
        let ending = line.words.last.map(String.init) ?? ""
        let abbreviated = ending.dropLast().contains(".") || ending.hasSuffix(")")
        guard !words.isEmpty, !endsAsSentence(line.text) || (marked && abbreviated), words.count <= 6,
            !words.contains(where: { $0.contains(":") || $0.contains("：") }),
            marked
                || words.allSatisfy({
                    $0.first.map { $0.isUppercase || !$0.isLetter } ?? false
                        || ["and", "et", "und", "y", "e", "de", "van", "von", "da", "edited", "by"].contains(
                            $0.lowercased())
                })
        else {
            return nil
        }
        let names = words.joined(separator: " ")
        return names.components(separatedBy: ", ").flatMap { $0.components(separatedBy: " and ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
