/// Where a text quotes: spans between quotation marks of every style (“ ” « » „ “ ‚ ‘ ‘ ’
/// " " ' ' 「」 『』 ‹ ›), and lines of speech opened by a dash (— or –, as Spanish, French and
/// Russian dialogue is written). A mark opens only after white space, a line's start or an
/// opening bracket, and the span closes at the first closing mark within its paragraph: a
/// writer's mixed marks (« … ”) still close, an unclosed mark quotes nothing.
enum QuoteMarks {
    /// A quoted span: the quoted text's scalars `inner`, and the whole span with its marks.
    struct Span {
        var inner: Range<Int>
        var outer: Range<Int>
    }

    static func spans(in text: [Unicode.Scalar]) -> [Span] {
        text.withUnsafeBufferPointer { spans(in: $0) }
    }

    private static func spans(in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Span] {
        var spans: [Span] = []
        var index = 0
        var lineStart = true
        while index < scalars.count {
            let value = scalars[index].value
            // Most scalars are neither marks, dashes nor line breaks: passed over at once.
            if isPlain(value) {
                if lineStart, !isSpace(value) { lineStart = false }
                index += 1
                while !lineStart, index < scalars.count, isPlain(scalars[index].value) { index += 1 }
                continue
            }
            if isLineBreak(value) {
                (lineStart, index) = (true, index + 1)
                continue
            }
            if lineStart, value == 0x2014 || value == 0x2013, let speech = dashSpeech(at: index, scalars) {
                spans.append(speech)
                index = speech.outer.upperBound
                lineStart = false
                continue
            }
            if !isSpace(value) { lineStart = false }
            if let closers = closers(of: value), opens(at: index, scalars),
                let close = closing(after: index, closers, scalars)
            {
                spans.append(Span(inner: trimmed(index + 1..<close, scalars), outer: index..<close + 1))
                index = close + 1
                continue
            }
            index += 1
        }
        return spans.filter { !$0.inner.isEmpty }
    }

    /// The marks that close a span `value` opens (one or two); nil when it opens none.
    private static func closers(of value: UInt32) -> (UInt32, UInt32)? {
        switch value {
        case 0x201C: (0x201D, 0x201C)  // “ … ” (English), “ … “ (careless)
        case 0x00AB: (0x00BB, 0x201D)  // « … » (French, Russian), « … ”
        case 0x201E: (0x201C, 0x201D)  // „ … “ (German), „ … ” (Polish, Dutch)
        case 0x00BB: (0x00AB, 0x00AB)  // » … « (German, Danish)
        case 0x201A: (0x2018, 0x2019)  // ‚ … ‘
        case 0x2018: (0x2019, 0x2019)  // ‘ … ’ (British)
        case 0x2039: (0x203A, 0x203A)  // ‹ … ›
        case 0x0022: (0x0022, 0x201D)  // " … ", " … ”
        case 0x0027: (0x0027, 0x0027)  // ' … ' (British, typed)
        case 0x300C: (0x300D, 0x300D)  // 「 … 」
        case 0x300E: (0x300F, 0x300F)  // 『 … 』
        default: nil
        }
    }

    /// A mark opens when it follows white space, a line's start or an opening bracket or dash,
    /// and a word follows it.
    private static func opens(at index: Int, _ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard index + 1 < scalars.count, !isSpace(scalars[index + 1].value) || scalars[index].value == 0xAB else {
            return false
        }
        guard index > 0 else { return true }
        let before = scalars[index - 1].value
        return isSpace(before) || isLineBreak(before) || before == 0x28 || before == 0x5B || before == 0x2014
            || before == 0x2013 || before == 0x3A
    }

    /// The first closing mark within the paragraph (up to 3,000 scalars on), that ends a word
    /// or follows one (not an apostrophe inside a word).
    private static func closing(
        after open: Int, _ closers: (UInt32, UInt32), _ scalars: UnsafeBufferPointer<Unicode.Scalar>
    ) -> Int? {
        var index = open + 1
        let limit = min(scalars.count, open + 3000)
        while index < limit {
            let value = scalars[index].value
            if isLineBreak(value) { return nil }
            if value == closers.0 || value == closers.1 {
                let after = index + 1 < scalars.count ? scalars[index + 1].value : 0x20
                let apostrophe =
                    (value == 0x2019 || value == 0x2018 || value == 0x27)
                    && Unicode.Scalar(after)?.properties.isAlphabetic == true
                if !apostrophe, index > open + 1 { return index }
            }
            index += 1
        }
        return nil
    }

    /// A line of speech: "— Nous viendrons, a-t-il dit.", or in Spanish's way, the dash
    /// against the first word: "—No cerrará —dijo el alcalde." The quote runs to the line's end
    /// or to the dash that opens the narrator's words (" — ", " —dijo").
    private static func dashSpeech(at index: Int, _ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Span? {
        guard index + 1 < scalars.count else { return nil }
        let next = scalars[index + 1]
        let againstWord = next.properties.isAlphabetic || next == "¿" || next == "¡"
        guard isSpace(next.value) || againstWord else { return nil }
        var end = index + 2
        while end < scalars.count, !isLineBreak(scalars[end].value) {
            let value = scalars[end].value
            if (value == 0x2014 || value == 0x2013), isSpace(scalars[end - 1].value) { break }
            end += 1
        }
        let inner = trimmed((againstWord ? index + 1 : index + 2)..<end, scalars)
        return inner.isEmpty ? nil : Span(inner: inner, outer: index..<end)
    }

    private static func trimmed(_ range: Range<Int>, _ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Range<Int> {
        var (lower, upper) = (range.lowerBound, range.upperBound)
        while lower < upper, isSpace(scalars[lower].value) { lower += 1 }
        while upper > lower, isSpace(scalars[upper - 1].value) { upper -= 1 }
        return lower..<upper
    }

    /// Neither a quotation mark, a dash nor a line break.
    @inline(__always)
    private static func isPlain(_ value: UInt32) -> Bool {
        // '(' to 0xAA holds none of them: most text is decided by one comparison.
        if value &- 0x28 < 0xAB - 0x28 { return true }
        return value < 0x2013 && value != 0x22 && value != 0x27 && value != 0xAB && value != 0xBB && value != 0x0A
            && value != 0x0D
    }

    private static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0xA0 || value == 0x202F || value == 0x2009
    }

    private static func isLineBreak(_ value: UInt32) -> Bool {
        value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
    }
}
