/// One reader for the dates pages print, in markup and in text: ISO 8601 and RFC 3339, RFC
/// 1123/2822 (`Tue, 12 Sep 2023 14:05:00 GMT`), month names and their abbreviations in some
/// thirty languages (`12 septembre 2023 à 14h05`, `12. September 2023 um 14:05 Uhr`,
/// `September 12, 2023 at 2:05 PM`, `12 de setembro de 2023`, `12 сентября 2023`), Chinese,
/// Japanese and Korean dates (`2023年9月12日 14:05`), numeric dates day first or month first
/// (told apart by impossible values, then by the page's language), 12-hour clocks, zone names
/// and offsets, and unix timestamps.
///
/// The answer is ISO 8601: `2023-09-12`, or `2023-09-12T14:05` with the time as the page shows
/// it, and its offset when the page gives one. A date that cannot be told (`03/04/2023` on a page
/// of unknown language) and relative stamps (`2 hours ago`) give nil rather than a guess.
enum DateText {
    /// The first date written in `text`, with its time; `language` (a declared or detected
    /// code, "en-US") tells numeric forms apart and picks month names. Nil when there is none.
    static func read(_ text: String, language: String? = nil) -> String? {
        if let stamp = unixTimestamp(text) { return stamp }
        // Cheap tests first: this runs on many short texts of every page.
        guard containsYear(text) || containsOtherDigits(text) else { return nil }
        let context = DateContext(language: language)
        // A long text (a byline box that holds a whole bio) is read from its first tokens; the
        // whole of it only when no date is found well inside them.
        let head = DateTokens(text, maximumCount: Self.headTokens)
        if let found = firstDate(in: head.tokens, context: context),
            !head.truncated || found.end + Self.lookAhead < head.tokens.count
        {
            return found.iso8601
        }
        guard head.truncated else { return nil }
        return firstDate(in: DateTokens(text).tokens, context: context)?.iso8601
    }

    /// How many tokens a first reading takes, and how many must follow a date found in them
    /// for it to be the one the whole text gives (patterns look a few tokens past a date).
    private static let headTokens = 96
    private static let lookAhead = 24

    private static func firstDate(in tokens: [DateToken], context: DateContext) -> DateParts? {
        guard tokens.count >= 3 else { return nil }
        for start in tokens.indices where tokens[start].number != nil || tokens[start].word != nil {
            guard var found = DatePattern.date(in: tokens, at: start, context: context) else { continue }
            if let time = DatePattern.time(in: tokens, after: found.end) ?? DatePattern.time(before: start, in: tokens)
            {
                found.time = time
            }
            return found
        }
        return nil
    }

    /// The date of a line that is a date and little else ("2023-09-13 22:20:04", "Published:
    /// 12.09.2023, 14:05", "Mardi 12 septembre 2023"): nil for a sentence that happens to hold
    /// one.
    static func dateLine(_ line: String, language: String? = nil) -> String? {
        guard line.utf8.count <= 120, let date = read(line, language: language) else { return nil }
        let words = DateTokens(line).tokens.filter { token in
            guard let word = token.word, word.count > 2 else { return false }
            return DateVocabulary.month(word, language: nil) == nil && !DateVocabulary.fillers.contains(word)
                && DateVocabulary.zones[word] == nil && !DateVocabulary.afternoon.contains(word)
                && !DateVocabulary.morning.contains(word)
        }
        // A weekday, "Published", "Updated": a date line has room for two or three such words.
        return words.count <= 3 ? date : nil
    }

    /// A unix timestamp, the whole text: ten digits (seconds) or thirteen (milliseconds) from
    /// 2000 to 2040, as UTC.
    static func unixTimestamp(_ text: String) -> String? {
        // Read in place: most texts asked are not stamps, and fail on their first letter.
        var seconds = 0
        var digits = 0
        for byte in text.utf8 where byte != 0x20 {
            guard byte &- 0x30 < 10, digits < 13 else { return nil }
            seconds = seconds * 10 + Int(byte &- 0x30)
            digits += 1
        }
        guard digits == 10 || digits == 13 else { return nil }
        if digits == 13 { seconds /= 1000 }
        guard (946_684_800..<2_208_988_800).contains(seconds) else { return nil }
        let (year, month, day) = civilDate(daysSince1970: seconds / 86_400)
        let second = seconds % 86_400
        let time = DateParts.Time(hour: second / 3600, minute: second / 60 % 60, second: second % 60, offset: 0)
        return DateParts(year: year, month: month, day: day, end: 0, time: time).iso8601
    }

    /// Whether a four-digit year from 1990 to 2099 appears: a cheap test before reading.
    static func containsYear(_ text: String) -> Bool {
        var run = 0
        var first: UInt8 = 0, second: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                if run == 0 { first = byte } else if run == 1 { second = byte }
                run += 1
                if run == 4, (first == 0x31 && second == 0x39) || (first == 0x32 && second == 0x30) { return true }
            } else {
                run = 0
            }
        }
        return false
    }

    /// Whether the text holds digits of a script other than ASCII's (Arabic-Indic, Devanagari,
    /// full-width): where the year test, on ASCII digits, cannot look.
    private static func containsOtherDigits(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xD9 }
            && text.unicodeScalars.contains { $0.value >= 0x80 && DateTokens.digitValue($0) != nil }
    }

    /// A date in an address: "/2019/11/19/" or "/2019-11-19-".
    static func fromURL(_ url: String) -> String? {
        let parts = url.split { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." }.map(String.init)
        guard parts.count >= 3 else { return nil }
        for index in 0..<(parts.count - 2) {
            guard parts[index].count == 4, let y = Int(parts[index]), (1990...2099).contains(y),
                parts[index + 1].count == 2, let m = Int(parts[index + 1]), (1...12).contains(m),
                parts[index + 2].count == 2, let d = Int(parts[index + 2]), DateParts.isValid(y, m, d)
            else { continue }
            return DateParts(year: y, month: m, day: d, end: 0).iso8601
        }
        return nil
    }

    /// Days from the date that starts `first` to the one that starts `second` (both ISO 8601).
    static func daysBetween(_ first: String, _ second: String) -> Int? {
        guard let a = dayNumber(first), let b = dayNumber(second) else { return nil }
        return b - a
    }

    /// Days since 1970-01-01 of an ISO date's day (the days-from-civil algorithm).
    private static func dayNumber(_ iso: String) -> Int? {
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, var year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        year -= month <= 2 ? 1 : 0
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number since 1970-01-01 (the civil-from-days algorithm).
    private static func civilDate(daysSince1970 days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// What the page's language says about how it writes dates.
struct DateContext {
    /// The language's base code ("en"), for month names.
    let language: String?
    /// Whether numeric dates are month first (US English, Filipino); nil when not known.
    let monthFirst: Bool?

    init(language: String?) {
        let full = language?.lowercased()
        let base = full.map { String($0.prefix { $0.isLetter }) }
        self.language = base.flatMap { $0.isEmpty ? nil : $0 }
        if let full, DateVocabulary.monthFirst.contains(full) || DateVocabulary.monthFirst.contains(base ?? "") {
            monthFirst = true
        } else if let base, !base.isEmpty, base != "en" {
            monthFirst = false
        } else if let full, full.count > 2, full.hasPrefix("en") {
            // en-GB, en-AU, en-IN, en-IE, en-NZ, en-ZA: day first.
            monthFirst = false
        } else {
            monthFirst = nil
        }
    }
}
