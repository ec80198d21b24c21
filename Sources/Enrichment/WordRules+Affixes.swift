/// What `WordRules` peels off either end of a chunk, and where it splits inside one.
extension WordRules {
    func prefixLength(_ range: Range<Int>) -> Int? {
        let first = scalars[range.lowerBound]
        if first == "." {
            // An ellipsis of two full stops or more.
            let run = range.prefix { scalars[$0] == "." }.count
            return run >= 2 ? run : nil
        }
        return has(range.lowerBound, .prefix) ? 1 : nil
    }

    func suffixLength(_ range: Range<Int>) -> Int? {
        let (last, count) = (scalars[range.upperBound - 1], range.count)
        let before = count > 1 ? range.upperBound - 2 : range.upperBound - 1
        var dots = 0
        while dots < count, scalars[range.upperBound - 1 - dots] == "." { dots += 1 }
        if dots >= 2, dots < count { return splitsFullStops ? 1 : dots }
        if last == "+", count > 1, has(before, .numeric) { return 1 }
        if let length = contractionLength(range, last: last) { return length }
        if last == "%" { return splitsPercent && count > 1 && has(before, .numeric) ? 1 : nil }
        if last == "." {
            // After a digit, a lower-case letter, a quote, punctuation or two capitals: the end
            // of a sentence.
            if has(before, [.numeric, .lowercase, .quote, .punctuation]) || scalars[before] == "²" { return 1 }
            let twoCapitals = count > 2 && has(before, .uppercase) && has(range.upperBound - 3, .uppercase)
            return twoCapitals ? 1 : nil
        }
        return has(range.upperBound - 1, .suffix) ? 1 : nil
    }

    private func contractionLength(_ range: Range<Int>, last: Unicode.Scalar) -> Int? {
        switch last {
        case "s", "S", "t", "T", "e", "l", "m", "d": break
        default: return nil
        }
        for contraction in contractions where range.count > contraction.count {
            let start = range.upperBound - contraction.count
            if scalars[start..<range.upperBound].elementsEqual(contraction), has(start - 1, .alphabetic) {
                return contraction.count
            }
        }
        return nil
    }

    /// Splits inside a word: a hyphen between a letter or digit and a letter (or between digits),
    /// a slash, colon or comma between letters, an ellipsis, a full stop between a lower-case
    /// letter and a capital, and after an elided article where the language has them.
    func splitInfixes(_ range: Range<Int>, emit: Emit) {
        if isWhole(range) {
            emit(range)
            return
        }
        var start = range.lowerBound
        var index = range.lowerBound + 1
        while index < range.upperBound - 1 {
            let length = infixLength(range, at: index, start: start)
            if length == Int.max || (length > 0 && index + length <= range.upperBound) {
                if length == Int.max {
                    // An elision: the apostrophe stays with the article.
                    emit(start..<(index + 1))
                    start = index + 1
                } else {
                    if index > start { emit(start..<index) }
                    emit(index..<(index + length))
                    start = index + length
                }
                index = start + 1
            } else {
                index += 1
            }
        }
        if start < range.upperBound { emit(start..<range.upperBound) }
    }

    /// How many scalars at `index` split the word, 0 for none, `Int.max` after an elision.
    private func infixLength(_ range: Range<Int>, at index: Int, start: Int) -> Int {
        let (before, here, after) = (index - 1, scalars[index], index + 1)
        // Only punctuation splits a word.
        guard traits[index].contains(.punctuation) else { return 0 }
        if here == "…" { return 1 }
        if here == ".", scalars[after] == ".", index > start {
            var length = 2
            while index + length < range.upperBound, scalars[index + length] == "." { length += 1 }
            return length
        }
        switch here {
        case "-", "–", "—", "~":
            // A run of hyphens (`--`), between a letter or digit and a letter, or between digits.
            guard splitsHyphens else { return 0 }
            let run = (index..<range.upperBound).prefix { Self.isHyphen(scalars[$0]) }.count
            let next = index + run < range.upperBound ? index + run : index
            let digits = run == 1 && here == "-" && has(before, .numeric) && has(next, .numeric)
            return (has(before, [.alphabetic, .numeric]) && has(next, .alphabetic)) || digits ? run : 0
        case ":", "<", ">", "=", "/":
            return has(before, [.alphabetic, .numeric]) && has(after, .alphabetic) ? 1 : 0
        case ",":
            return has(before, .alphabetic) && has(after, .alphabetic) ? 1 : 0
        case ".":
            if splitsFullStops, has(before, [.alphabetic, .numeric]), has(after, [.alphabetic, .numeric]) { return 1 }
            return has(before, .lowercase) && has(after, .uppercase) ? 1 : 0
        case "'", "’":
            return splitsElisions && has(before, .alphabetic) && has(after, .alphabetic) ? Int.max : 0
        default:
            return 0
        }
    }

    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "–", "—", "~": return true
        default: return false
        }
    }
}
