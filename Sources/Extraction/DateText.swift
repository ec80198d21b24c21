import Foundation

/// Reads the dates pages write, in markup or in text, and turns them into ISO 8601.
enum DateText {
    /// "2023-09-13 22:20:04" → "2023-09-13T22:20:04", "2023-09-13" stays; nil when the text is
    /// not a date of that shape.
    static func iso8601(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard [10, 16, 19].contains(bytes.count) || (bytes.count > 19 && bytes.count <= 29) else { return nil }
        func digit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        guard [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy(digit),
            bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/"),
            bytes[7] == bytes[4]
        else {
            return nil
        }
        let day =
            String(decoding: bytes[0..<4], as: UTF8.self) + "-" + String(decoding: bytes[5..<7], as: UTF8.self)
            + "-" + String(decoding: bytes[8..<10], as: UTF8.self)
        if bytes.count == 10 { return day }
        guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), [11, 12, 14, 15].allSatisfy(digit),
            bytes[13] == UInt8(ascii: ":")
        else { return nil }
        return day + "T" + String(decoding: bytes[11...], as: UTF8.self)
    }

    private static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names = [
            [
                "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december",
            ],
            [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre",
            ],
            [
                "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                "november", "dezember",
            ],
            [
                "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre",
            ],
            [
                "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre",
            ],
            [
                "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro",
            ],
        ]
        for language in names {
            for (index, name) in language.enumerated() {
                table[name] = index + 1
                if name.count > 3 { table[String(name.prefix(3))] = table[String(name.prefix(3))] ?? index + 1 }
            }
        }
        table["sept"] = 9
        return table
    }()

    /// Any common way of writing a date, as ISO 8601: "Feb 08, 2022", "17 December 2025",
    /// "Dec 17th 2025", "02.12.2025" (day first), "2025/12/17", or ISO itself. Nil when none is found.
    static func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = iso8601(trimmed) { return iso }
        if trimmed.count >= 10, let iso = iso8601(String(trimmed.prefix(10))) { return iso }
        return find(in: trimmed)
    }

    /// The first date written out in `text`, as "YYYY-MM-DD".
    static func find(in text: String) -> String? {
        guard containsYear(text) else { return nil }
        let tokens = Self.tokens(text.lowercased())
        guard tokens.count >= 3 else { return nil }
        func year(_ token: String) -> Int? {
            guard token.count == 4, let value = Int(token), (1990...2099).contains(value) else { return nil }
            return value
        }
        func day(_ token: String) -> Int? {
            let digits = token.prefix { $0.isNumber }
            guard !digits.isEmpty, digits.count <= 2, let value = Int(digits), (1...31).contains(value),
                ["", "st", "nd", "rd", "th", "er", "o", "º"].contains(String(token.dropFirst(digits.count)))
                    || Self.isTimeSuffix(token.dropFirst(digits.count))
            else { return nil }
            return value
        }
        for index in 0..<(tokens.count - 2) {
            let (a, b, c) = (tokens[index], tokens[index + 1], tokens[index + 2])
            // Month Day Year, Day Month Year, Year Month Day, Day.Month.Year (numbers).
            if let month = months[a], let d = day(b), let y = year(c) { return format(y, month, d) }
            if let d = day(a), let month = months[b], let y = year(c) { return format(y, month, d) }
            if let y = year(a), let month = months[b], let d = day(c) { return format(y, month, d) }
            if let y = year(a), let month = Int(b), (1...12).contains(month), b.count <= 2, let d = day(c) {
                return format(y, month, d)
            }
            if let d = day(a), let month = Int(b), (1...12).contains(month), b.count <= 2, let y = year(c) {
                return format(y, month, d)
            }
            if index + 3 < tokens.count, ["de", "of"].contains(b), let d = day(a), let month = months[c],
                let y = year(tokens[index + 3])
                    ?? (index + 4 < tokens.count && tokens[index + 3] == "de" ? year(tokens[index + 4]) : nil)
            {
                return format(y, month, d)
            }
        }
        return nil
    }

    /// Runs of letters and digits; scalars beyond ASCII count as letters (accented month names),
    /// except spaces and punctuation such as the no-break space and dashes. Without Unicode
    /// property look-ups, as this runs on many short texts of every page.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWord: Bool
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: isWord = true
            case 0..<0x80, 0xA0, 0xB7, 0x2000...0x206F, 0x3000...0x3002, 0xFF0C: isWord = false
            default: isWord = true
            }
            if isWord {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// "t08" of "2022-11-23T08:10": an ISO 8601 time right after the day.
    private static func isTimeSuffix(_ rest: Substring) -> Bool {
        rest.count == 3 && rest.first == "t" && rest.dropFirst().allSatisfy(\.isNumber)
    }

    /// Whether a four-digit year from 1990 to 2099 appears: a cheap test before tokenizing.
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

    /// A date in an address: "/2019/11/19/" or "/2019-11-19-".
    static func fromURL(_ url: String) -> String? {
        let parts = url.split { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." }.map(String.init)
        guard parts.count >= 3 else { return nil }
        for index in 0..<(parts.count - 2) {
            guard parts[index].count == 4, let y = Int(parts[index]), (1990...2099).contains(y),
                parts[index + 1].count == 2, let m = Int(parts[index + 1]), (1...12).contains(m)
            else { continue }
            if parts[index + 2].count == 2, let d = Int(parts[index + 2]), (1...31).contains(d) {
                return format(y, m, d)
            }
        }
        return nil
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// Days from the date that starts `first` to the one that starts `second` (both ISO 8601).
    static func daysBetween(_ first: String, _ second: String) -> Int? {
        guard let a = dayNumber(first), let b = dayNumber(second) else { return nil }
        return b - a
    }

    /// Days since 1970-01-01 of an ISO date's day (the civil-from-days algorithm, inverted).
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
}
