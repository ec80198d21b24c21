/// The shapes a date and a time take in tokens, tried from a given token.
enum DatePattern {
    /// Ordinal suffixes and the dot after a day: "12th", "1er", "12.", "1º".
    private static let daySuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "re", "e", "º", "o", "a", "ª", "-го"]

    /// A date starting at token `start`: year first, day first or month first.
    static func date(in tokens: [DateToken], at start: Int, context: DateContext) -> DateParts? {
        let reader = Reader(tokens: tokens, context: context)
        if let year = reader.year(at: start) {
            return reader.yearFirst(year, at: start)
        }
        if tokens[start].number != nil {
            return reader.numeric(at: start) ?? reader.dayFirst(at: start)
        }
        return reader.monthFirst(at: start)
    }

    /// A time in the tokens from `index` on, past small words and punctuation.
    static func time(in tokens: [DateToken], after index: Int) -> DateParts.Time? {
        let reader = Reader(tokens: tokens, context: DateContext(language: nil))
        let start = reader.skipFillers(from: index)
        // "14.05" is a time after "kl.", "klo", "um": else it may be another date's day and month.
        let introduced = (index..<start).contains { clockWords.contains(tokens[$0].word ?? "") }
        return reader.time(at: start, dotted: introduced)?.0
    }

    /// Words that introduce a time of day.
    private static let clockWords: Set<String> = [
        "kl", "klo", "kello", "um", "godz", "om", "alle", "ore", "o", "at", "à", "a", "às", "saat", "lúc", "в",
    ]

    /// A time that ends right before the date at `start` ("14:05, 12 September 2023").
    static func time(before start: Int, in tokens: [DateToken]) -> DateParts.Time? {
        let reader = Reader(tokens: tokens, context: DateContext(language: nil))
        for index in max(0, start - 6)..<start {
            if let (time, end) = reader.time(at: index), reader.skipFillers(from: end) == start { return time }
        }
        return nil
    }

    private struct Reader {
        let tokens: [DateToken]
        let context: DateContext

        func word(_ index: Int) -> String? { index < tokens.count ? tokens[index].word : nil }
        func number(_ index: Int) -> Int? { index < tokens.count ? tokens[index].number : nil }

        /// The index of the first token at or after `index` that is not a small word.
        func skipFillers(from index: Int) -> Int {
            var index = index
            while let word = word(index), DateVocabulary.fillers.contains(word) || word == "," { index += 1 }
            return index
        }

        /// A four-digit year from 1990 to 2099 (a Thai Buddhist-era year counted back).
        func year(at index: Int) -> Int? {
            guard index < tokens.count, tokens[index].digits == 4, var value = tokens[index].number else { return nil }
            if context.language == "th", (2533...2642).contains(value) { value -= 543 }
            return (1990...2099).contains(value) ? value : nil
        }

        /// A day of the month, one or two digits, and the index after its ordinal suffix.
        func day(at index: Int) -> (Int, Int)? {
            guard index < tokens.count, tokens[index].digits <= 2, let value = tokens[index].number,
                (1...31).contains(value)
            else { return nil }
            if let suffix = word(index + 1), daySuffixes.contains(suffix) { return (value, index + 2) }
            if word(index + 1) == "#day" { return (value, index + 2) }
            return (value, index + 1)
        }

        /// A month named by a word ("Sept", "września"), by "tháng 9", or by "9月", and the
        /// index after it.
        func month(at index: Int) -> (Int, Int)? {
            if let word = word(index) {
                if word == "tháng", let value = number(index + 1), (1...12).contains(value) {
                    return (value, index + 2)
                }
                return DateVocabulary.month(word, language: context.language).map { ($0, index + 1) }
            }
            if let value = number(index), (1...12).contains(value), tokens[index].digits <= 2,
                word(index + 1) == "#month"
            {
                return (value, index + 2)
            }
            return nil
        }

        /// 2023-09-12, 2023/9/12, 2023年9月12日, 2023. szeptember 12., 2023 m. rugsėjo 12 d.
        func yearFirst(_ year: Int, at start: Int) -> DateParts? {
            var index = start + 1
            if word(index) == "#year" { index += 1 }
            if let separator = tokens.indices.contains(index) ? tokens[index].separator : nil,
                "-/.".contains(separator), let month = number(index), tokens[index].digits <= 2,
                tokens.indices.contains(index + 1), tokens[index + 1].separator == separator,
                let (day, end) = day(at: index + 1), DateParts.isValid(year, month, day)
            {
                return DateParts(year: year, month: month, day: day, end: end)
            }
            guard let (month, afterMonth) = month(at: skipFillers(from: index)),
                let (day, end) = day(at: skipFillers(from: afterMonth)), DateParts.isValid(year, month, day)
            else { return nil }
            return DateParts(year: year, month: month, day: day, end: end)
        }

        /// 12 septembre 2023, 12. September 2023, 12 de setembro de 2023, 12th of May, 2023.
        func dayFirst(at start: Int) -> DateParts? {
            guard let (day, afterDay) = day(at: start),
                let (month, afterMonth) = month(at: skipFillers(from: afterDay)),
                let year = year(at: skipFillers(from: afterMonth)), DateParts.isValid(year, month, day)
            else { return nil }
            return DateParts(year: year, month: month, day: day, end: skipFillers(from: afterMonth) + 1)
        }

        /// September 12, 2023; Sep 12th 2023; Tue, Sep 12 2023.
        func monthFirst(at start: Int) -> DateParts? {
            guard let (month, afterMonth) = month(at: start),
                let (day, afterDay) = day(at: skipFillers(from: afterMonth)),
                let year = year(at: skipFillers(from: afterDay)), DateParts.isValid(year, month, day)
            else { return nil }
            return DateParts(year: year, month: month, day: day, end: skipFillers(from: afterDay) + 1)
        }

        /// 12/09/2023, 12.09.2023, 9-12-2023: day first or month first, told by a value no
        /// month can have, then by the language; nil when neither tells.
        func numeric(at start: Int) -> DateParts? {
            guard start + 2 < tokens.count, let first = number(start), let second = number(start + 1),
                tokens[start].digits <= 2, tokens[start + 1].digits <= 2,
                let separator = tokens[start + 1].separator, "/.-".contains(separator),
                tokens[start + 2].separator == separator, let year = year(at: start + 2)
            else { return nil }
            let monthFirst: Bool
            if first > 12 && second <= 12 {
                monthFirst = false
            } else if second > 12 && first <= 12 {
                monthFirst = true
            } else if first == second || separator == "." {
                // Dotted dates are day first wherever they are written.
                monthFirst = false
            } else if let known = context.monthFirst {
                monthFirst = known
            } else {
                return nil
            }
            let (month, day) = monthFirst ? (first, second) : (second, first)
            guard DateParts.isValid(year, month, day) else { return nil }
            return DateParts(year: year, month: month, day: day, end: start + 3)
        }

        /// A time at `start`: 14:05, 14:05:09, 2:05 PM, 14h05, 14.05 Uhr, 下午2:05, 14時05分,
        /// with a zone (Z, +02:00, +0200, GMT, CEST) when one follows; and the index after it.
        func time(at start: Int, dotted: Bool = false) -> (DateParts.Time, Int)? {
            var index = start
            var afterNoon: Bool?
            if let word = word(index), DateVocabulary.afternoon.contains(word) || DateVocabulary.morning.contains(word)
            {
                afterNoon = DateVocabulary.afternoon.contains(word)
                index += 1
            }
            guard let hour = number(index), tokens[index].digits <= 2 else { return nil }
            var minute = 0, second: Int?
            index += 1
            if let marker = word(index), marker == "h" || marker == "#hour" {
                index += 1
                if let value = number(index), tokens[index].digits == 2 {
                    minute = value
                    index += word(index + 1) == "#minute" ? 2 : 1
                } else if marker == "#hour" {
                    return nil
                }
            } else if let value = number(index), tokens[index].digits == 2,
                tokens[index].separator == ":"
                    || (tokens[index].separator == "." && (dotted || word(index + 1) == "uhr"))
            {
                minute = value
                index += 1
                if let seconds = number(index), tokens[index].digits == 2, tokens[index].separator == ":" {
                    second = seconds
                    index += 1
                    // A fraction of a second adds nothing a page is read for.
                    if number(index) != nil, [".", ","].contains(tokens[index].separator) { index += 1 }
                }
            } else {
                return nil
            }
            if let word = word(index), DateVocabulary.afternoon.contains(word) || DateVocabulary.morning.contains(word)
            {
                afterNoon = DateVocabulary.afternoon.contains(word)
                index += 1
            }
            guard hour <= 23, minute <= 59 else { return nil }
            var hour24 = hour
            if let afterNoon, hour >= 1, hour <= 12 { hour24 = afterNoon ? (hour % 12) + 12 : hour % 12 }
            if word(index) == "uhr" || word(index) == "h" { index += 1 }
            let (offset, end) = zone(at: index)
            return (DateParts.Time(hour: hour24, minute: minute, second: second, offset: offset), end)
        }

        /// An offset from UTC at `index`, in minutes, and the index after it.
        func zone(at index: Int) -> (Int?, Int) {
            var index = index
            var base: Int?
            if let word = word(index), let known = DateVocabulary.zones[word] {
                base = known
                index += 1
            }
            guard index < tokens.count, let value = tokens[index].number, let sign = tokens[index].separator,
                sign == "+" || sign == "-" || sign == "−"
            else { return (base, index) }
            // +0200 anywhere; +02:00 written against the time, as ISO 8601 does; +2 after a zone
            // name ("GMT+2"). Not "12:30 - 13:30", a range.
            let digits = tokens[index].digits
            var minutes: Int
            if digits == 4 {
                minutes = value / 100 * 60 + value % 100
                index += 1
            } else if digits <= 2, let extra = number(index + 1), tokens[index + 1].digits == 2,
                tokens[index + 1].separator == ":", !tokens[index].spaced || base != nil
            {
                minutes = value * 60 + extra
                index += 2
            } else if digits <= 2, base != nil {
                minutes = value * 60
                index += 1
            } else {
                return (base, index)
            }
            guard minutes <= 14 * 60 else { return (base, index) }
            return ((base ?? 0) + (sign == "+" ? minutes : -minutes), index)
        }
    }
}
