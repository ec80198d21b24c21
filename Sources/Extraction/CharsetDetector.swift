import Foundation

/// Works out how a page's bytes are encoded and brings them to UTF-8: a byte-order mark first,
/// then what the input declared, then `<meta charset>` or `http-equiv` in the page's head; with
/// none of those, valid UTF-8 is taken as such and anything else is detected by decoding it
/// with each likely legacy encoding and keeping the one whose characters look most like text.
enum CharsetDetector {
    /// The candidates for undeclared, non-UTF-8 bytes, in the order ties are settled.
    static let candidates = [
        "WINDOWS-1252", "SHIFT_JIS", "EUC-JP", "GB18030", "BIG5", "EUC-KR", "WINDOWS-1251", "KOI8-R", "ISO-8859-2",
    ]

    /// The page's bytes as UTF-8, and the charset they were read as.
    static func utf8(_ bytes: [UInt8], declared: String?) -> (bytes: [UInt8], charset: String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (Array(bytes.dropFirst(3)), "UTF-8") }
        if bytes.starts(with: [0xFF, 0xFE]), let text = Transcoder.toUTF8(bytes.dropFirst(2), from: "UTF-16LE") {
            return (text, "UTF-16LE")
        }
        if bytes.starts(with: [0xFE, 0xFF]), let text = Transcoder.toUTF8(bytes.dropFirst(2), from: "UTF-16BE") {
            return (text, "UTF-16BE")
        }
        if let charset = (declared.flatMap(normalise) ?? metaCharset(bytes).flatMap(normalise)) {
            if charset == "UTF-8" { return (bytes, charset) }
            // A page that declares a legacy charset but is valid UTF-8 beyond ASCII was re-encoded on the way.
            if isValidUTF8(bytes) && bytes.contains(where: { $0 >= 0x80 }) { return (bytes, "UTF-8") }
            if let text = Transcoder.toUTF8(bytes[...], from: charset) { return (text, charset) }
        }
        if isValidUTF8(bytes) { return (bytes, "UTF-8") }
        return detect(bytes)
    }

    /// Decodes with every candidate and keeps the likeliest.
    static func detect(_ bytes: [UInt8]) -> (bytes: [UInt8], charset: String) {
        // Judge on the part with non-ASCII bytes; decode the whole with the winner.
        let sample = bytes.prefix(65_536)
        var best: (score: Double, charset: String) = (-.infinity, "WINDOWS-1252")
        for charset in candidates {
            guard let decoded = Transcoder.toUTF8(sample, from: charset, strict: true) else { continue }
            let score = plausibility(String(decoding: decoded, as: UTF8.self))
            if score > best.score { best = (score, charset) }
        }
        return (Transcoder.toUTF8(bytes[...], from: best.charset) ?? bytes, best.charset)
    }

    /// How much a text looks like writing: common letters of each script score, rare and
    /// control characters cost. Averaged per non-ASCII character.
    static func plausibility(_ text: String) -> Double {
        var score = 0.0, count = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            count += 1
            let value = scalar.value
            switch value {
            case 0x80...0x9F: score -= 5  // C1 controls: never text.
            case 0xC0...0x17F: score += "éèàùçâêîôûëïüöäßñáíóúãõ".unicodeScalars.contains(scalar) ? 1.5 : 0.3
            case 0xA0...0xBF: score += "«»°·–—’“”€©".unicodeScalars.contains(scalar) ? 0.5 : -0.5
            case 0x410...0x44F: score += "оеаинтсрвлкмдпуяыьгзбчйхжшю".unicodeScalars.contains(scalar) ? 1.5 : 0.5
            case 0x400...0x40F, 0x450...0x4FF: score -= 0.5
            case 0x3041...0x3096: score += 2  // Hiragana.
            case 0x30A1...0x30FA: score += 1.5  // Katakana.
            case 0x4E00...0x9FFF: score += 1  // Common CJK ideographs.
            case 0xAC00...0xD7A3: score += 1.5  // Hangul syllables.
            case 0x2010...0x206F, 0x3000...0x303F, 0xFF01...0xFF5E: score += 0.3  // Punctuation, full-width forms.
            case 0xFF61...0xFF9F: score -= 1.5  // Half-width katakana: rare in pages.
            case 0xE000...0xF8FF, 0xFFFD: score -= 3  // Private use, replacement.
            case 0x3400...0x4DBF, 0x20000...: score -= 1  // Rare ideographs.
            case 0x2500...0x25FF: score -= 1  // Box drawing.
            default: score -= 0.2
            }
        }
        return count == 0 ? 0 : score / Double(count)
    }

    /// The charset a `<meta>` in the first 2 KB declares, if any.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        // On the bytes, lower-cased a word at a time: Foundation's `range(of:)` costs more than
        // reading the whole head.
        var headBytes = Array(bytes.prefix(2048))
        ASCIICase.lowercase(&headBytes, from: 0)
        let needle = Array("charset".utf8)
        guard let offset = ByteSearch.firstOffset(of: needle, in: headBytes) else { return nil }
        let afterKeyword = String(decoding: headBytes[(offset + needle.count)...], as: UTF8.self)
        var rest = afterKeyword.drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        rest = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return rest.isEmpty ? nil : String(rest)
    }

    /// A charset label as iconv knows it; labels browsers treat as others are mapped the same way.
    static func normalise(_ label: String) -> String? {
        let name = label.trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252", "iso8859-1":
            return "WINDOWS-1252"
        case "gb2312", "gbk", "gb18030", "x-gbk", "euc-cn": return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5": return "BIG5-HKSCS"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j": return "CP932"
        case "euc-jp", "x-euc-jp": return "EUC-JP"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cp949": return "CP949"
        case "koi8-r", "koi8r": return "KOI8-R"
        case "koi8-u": return "KOI8-U"
        case "windows-1251", "cp1251": return "WINDOWS-1251"
        case "utf-16", "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        default: return name.uppercased()
        }
    }

    /// Strict UTF-8 validation, ASCII fast path.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(isValidUTF8)
    }

    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return true }
        while index < count {
            // Most of a page is ASCII: 32 bytes a step, then eight, while no high bit is set.
            while index + 32 <= count {
                let raw = UnsafeRawPointer(base + index)
                let merged =
                    raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                guard merged & 0x8080_8080_8080_8080 == 0 else { break }
                index += 32
            }
            while index + 8 <= count,
                UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard index + length <= count else { return false }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            if byte == 0xE0 && bytes[index + 1] < 0xA0 { return false }
            if byte == 0xED && bytes[index + 1] > 0x9F { return false }
            if byte == 0xF0 && bytes[index + 1] < 0x90 { return false }
            if byte == 0xF4 && bytes[index + 1] > 0x8F { return false }
            index += length
        }
        return true
    }
}
