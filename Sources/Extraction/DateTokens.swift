/// One token of a text that may hold a date: a run of digits (of any script dates are written
/// in), a run of letters, or a Chinese, Japanese or Korean date marker, with what came between
/// it and the token before.
struct DateToken {
    /// The value of a run of digits.
    var number: Int?
    /// How many digits the run has.
    var digits = 0
    /// A run of letters, lower-cased; a CJK marker as "#year", "#month", "#day", "#hour",
    /// "#minute", "#second".
    var word: String?
    /// The last punctuation between this token and the one before, if any.
    var separator: Character?
    /// Whether white space came between this token and the one before.
    var spaced = false
}

/// Splits a text into date tokens, on Unicode scalars, without property look-ups beyond
/// the few ranges dates use.
struct DateTokens {
    private(set) var tokens: [DateToken] = []
    private var digits = 0, value = 0
    private var letters = String.UnicodeScalarView()
    private var separator: Character?
    private var spaced = false

    /// Whether the text held more tokens than were asked for.
    private(set) var truncated = false

    /// The tokens of `text`; with `maximumCount`, only the first ones (every token kept is whole,
    /// as the full text's), and `truncated` tells whether more followed.
    init(_ text: String, maximumCount: Int = .max) {
        for original in text.unicodeScalars {
            if tokens.count >= maximumCount {
                truncated = true
                return
            }
            // Lower-cased scalar by scalar, as `String.lowercased()` does, so a long text is not
            // copied whole when only its first tokens are read.
            if original.isASCII {
                let value = original.value
                read(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value | 0x20)) : original)
            } else {
                for scalar in original.properties.lowercaseMapping.unicodeScalars { read(scalar) }
            }
        }
        flush()
    }

    private mutating func read(_ scalar: Unicode.Scalar) {
        if let digit = Self.digitValue(scalar) {
            flushLetters()
            value = value &* 10 &+ digit
            digits += 1
        } else if scalar.value >= 0x3000, let marker = DateVocabulary.cjkMarker(scalar) {
            flush()
            tokens.append(DateToken(word: "#" + marker, separator: separator, spaced: spaced))
            (separator, spaced) = (nil, false)
        } else if Self.isLetter(scalar) {
            flushNumber()
            letters.append(scalar)
        } else {
            // "a.m." and "p.m." stay one word.
            if scalar == ".", letters.count == 1, letters.first == "a" || letters.first == "p" {
                letters.append(scalar)
                return
            }
            flush()
            if scalar.properties.isWhitespace || scalar == "\u{A0}" {
                spaced = true
            } else {
                separator = Character(scalar)
            }
        }
    }

    private mutating func flush() {
        flushNumber()
        flushLetters()
    }

    private mutating func flushNumber() {
        guard digits > 0 else { return }
        tokens.append(
            DateToken(number: digits <= 9 ? value : nil, digits: digits, separator: separator, spaced: spaced))
        (digits, value, separator, spaced) = (0, 0, nil, false)
    }

    private mutating func flushLetters() {
        guard !letters.isEmpty else { return }
        var word = String(letters)
        if word.hasSuffix(".") { word.removeLast() }
        tokens.append(DateToken(word: word, separator: separator, spaced: spaced))
        letters = String.UnicodeScalarView()
        (separator, spaced) = (nil, false)
    }

    /// The value of a decimal digit in ASCII, Arabic-Indic, Persian, Devanagari, Bengali, Thai
    /// or full-width forms.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        for zero: UInt32 in [0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0xFF10] where value >= zero && value < zero + 10 {
            return Int(value - zero)
        }
        return nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x61...0x7A: return true
        case 0..<0x80, 0xA0...0xBF, 0xD7, 0xF7, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFF0F: return false
        default: return !scalar.properties.isWhitespace
        }
    }
}

/// A date read from tokens, and its time when one was found beside it.
struct DateParts {
    /// A time of day, and its offset from UTC in minutes when the page gave one.
    struct Time {
        var hour: Int
        var minute: Int
        var second: Int?
        var offset: Int?
    }

    var year: Int
    var month: Int
    var day: Int
    /// The index of the token after the date.
    var end: Int
    var time: Time?

    static func isValid(_ year: Int, _ month: Int, _ day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    var iso8601: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = "\(year)-\(two(month))-\(two(day))"
        guard let time else { return text }
        text += "T\(two(time.hour)):\(two(time.minute))" + (time.second.map { ":" + two($0) } ?? "")
        if let offset = time.offset {
            let sign = offset < 0 ? "-" : "+"
            text += sign + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        }
        return text
    }
}
