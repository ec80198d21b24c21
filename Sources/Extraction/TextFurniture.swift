/// One non-empty line of a scraped text page: as written, with white space collapsed, and split
/// into words.
struct TextLine {
    let raw: Substring
    let text: String
    let words: [Substring]
}

/// The furniture of scraped text told by shape and position, not by the phrases of one site:
/// notices (cookies, copyright) wherever they stand, and the run of short lines that ends a
/// page (share bar, comment form, footer), with the short sentences sandwiched in it.
enum TextFurniture {
    /// A copyright line: "©" is universal.
    static func isCopyright(_ line: TextLine) -> Bool {
        line.words.count <= 40 && line.words.prefix(4).contains { $0.contains("©") }
    }

    /// A cookie notice or a copyright line, as found above the title or at the end of a page:
    /// "cookie" is the word most languages use for the thing (elsewhere it may be a biscuit).
    static func isNotice(_ line: TextLine) -> Bool {
        guard line.words.count <= 50 else { return false }
        if isCopyright(line) { return true }
        let lowered = line.text.lowercased()
        return ["cookie", "çerez", "evästei", "sütik", "クッキー"].contains { lowered.contains($0) }
    }

    /// A line that reads as furniture at the end of a page: a button or a share link (one or two
    /// words), a form field ("Name *"), a share bar on one line ("Facebook | X"), a short
    /// heading that ends no sentence ("Leave a comment"), or a notice.
    static func isFurniture(_ line: TextLine) -> Bool {
        if isNotice(line) || line.text.hasSuffix("*") { return true }
        // A list's items and a closing "Good times!" are the article's.
        guard !endsAsSentence(line.text), !isListItem(line) else { return false }
        return line.words.count < 8 || line.text.contains(" | ")
    }

    /// "- item", "• item", "1. item", "2) item".
    private static func isListItem(_ line: TextLine) -> Bool {
        guard let first = line.words.first else { return false }
        if ["-", "–", "•", "*", "·"].contains(first) { return true }
        return first.count <= 3 && first.dropLast().allSatisfy(\.isNumber)
            && (first.hasSuffix(".") || first.hasSuffix(")"))
    }

    /// Whether a line ends as a sentence, a question or an introduction (":") does.
    private static func endsAsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return ".;…。!?！？:：»”\")".contains(last)
    }

    /// How many of `body`'s lines are the article: the page ends with a run of furniture, and
    /// a short sentence with furniture on both sides (a form's note, a newsletter's pitch)
    /// belongs to it.
    static func endOfBody(_ body: [TextLine]) -> Int {
        var end = body.count
        var index = body.count - 1
        while index >= 0 {
            let line = body[index]
            if isFurniture(line) {
                end = index
            } else if line.words.count <= 25, index > 0, index + 1 < body.count, end == index + 1,
                isFurniture(body[index - 1])
            {
                end = index
            } else {
                break
            }
            index -= 1
        }
        // The furniture run must not swallow the article: a page of short lines is kept whole.
        return end == 0 ? body.count : end
    }
}
