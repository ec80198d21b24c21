#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes HTML character references (`&amp;`, `&#233;`, `&#x2014;`) in text and attribute values.
enum CharacterReferences {
    /// The named references that matter for text; the rest are rare on real pages.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{00AB}",
        "raquo": "\u{00BB}", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}",
        "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}", "cent": "\u{00A2}",
        "sect": "\u{00A7}", "deg": "\u{00B0}", "middot": "\u{00B7}", "bull": "\u{2022}",
        "times": "\u{00D7}", "divide": "\u{00F7}", "shy": "\u{00AD}", "thinsp": "\u{2009}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à",
        "acirc": "â", "auml": "ä", "atilde": "ã", "aring": "å", "iacute": "í", "igrave": "ì",
        "icirc": "î", "iuml": "ï", "oacute": "ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö",
        "otilde": "õ", "oslash": "ø", "uacute": "ú", "ugrave": "ù", "ucirc": "û", "uuml": "ü",
        "ccedil": "ç", "ntilde": "ñ", "szlig": "ß", "Eacute": "É", "Egrave": "È", "Aacute": "Á",
        "Agrave": "À", "Ccedil": "Ç", "Ntilde": "Ñ", "Ouml": "Ö", "Uuml": "Ü", "Auml": "Ä",
        "iexcl": "¡", "iquest": "¿", "frac12": "½", "frac14": "¼", "frac34": "¾",
    ]

    /// Decodes the references in `bytes`, read as UTF-8 (invalid sequences become U+FFFD);
    /// `lowercasingASCII` lower-cases ASCII letters on the way.
    static func decode(_ bytes: ArraySlice<UInt8>, inAttribute: Bool = false, lowercasingASCII: Bool = false) -> String
    {
        bytes.withUnsafeBufferPointer { decode($0, inAttribute: inAttribute, lowercasingASCII: lowercasingASCII) }
    }

    /// Decodes the references in `bytes`, as `decode(_:inAttribute:lowercasingASCII:)` does.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool, lowercasingASCII: Bool) -> String {
        if lowercasingASCII {
            // Invalid UTF-8 is repaired by the initializer, as `String(decoding:)` would.
            if hasAmpersand(bytes) {
                var decoded = decode(bytes, inAttribute: inAttribute, lowercasingASCII: false)
                return decoded.withUTF8(ASCIICase.lowercasedString)
            }
            return ASCIICase.lowercasedString(bytes)
        }
        guard hasAmpersand(bytes) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        decode(bytes, inAttribute: inAttribute, appendingTo: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes the references in text `bytes` onto the end of `output`, the bytes between them
    /// as they are: valid UTF-8 in, valid UTF-8 out.
    static func decode(_ bytes: ArraySlice<UInt8>, inAttribute: Bool = false, appendingTo output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { decode($0, inAttribute: inAttribute, appendingTo: &output) }
    }

    /// Decodes the references in `bytes` onto the end of `output`, as the slice's form does.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool, appendingTo output: inout [UInt8]) {
        guard hasAmpersand(bytes) else {
            output.append(contentsOf: bytes)
            return
        }
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            if let (replacement, length) = reference(in: bytes, at: index, inAttribute: inAttribute) {
                output.append(contentsOf: replacement.utf8)
                index += length
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    /// Whether any reference may start in `bytes`: memchr looks at many bytes a step, and most
    /// text holds none.
    private static func hasAmpersand(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil
    }

    /// The replacement for the reference starting at `start` (an '&'), and the bytes it spans.
    private static func reference(
        in bytes: UnsafeBufferPointer<UInt8>, at start: Int, inAttribute: Bool
    ) -> (String, Int)? {
        let end = bytes.count
        var cursor = start + 1
        guard cursor < end else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var hexadecimal = false
            if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "x") { hexadecimal = true; cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < end, let digit = digitValue(bytes[cursor], hexadecimal: hexadecimal) {
                value = min(value &* (hexadecimal ? 16 : 10) &+ digit, 0x110000)
                cursor += 1
            }
            guard cursor > digitsStart else { return nil }
            if cursor < end, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
            return (String(scalar(for: value)), cursor - start)
        }
        let nameStart = cursor
        while cursor < end, cursor - nameStart < 32, isAlphanumeric(bytes[cursor]) { cursor += 1 }
        guard cursor > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<cursor]), as: UTF8.self)
        let terminated = cursor < end && bytes[cursor] == UInt8(ascii: ";")
        // In attributes, an unterminated reference followed by more name characters is literal.
        if !terminated && inAttribute { return nil }
        guard let replacement = named[name] else { return nil }
        return (replacement, cursor - start + (terminated ? 1 : 0))
    }

    /// The character a numeric reference stands for, with the replacements HTML specifies.
    static func scalar(for value: UInt32) -> Character {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return "\u{FFFD}"
        case 0x80...0x9F:
            // Windows-1252's characters in the C1 range, as browsers read them.
            let table: [UInt32: UInt32] = [
                0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
                0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
                0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
                0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
                0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
            ]
            return Character(Unicode.Scalar(table[value] ?? value) ?? "\u{FFFD}")
        default:
            return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
    }

    private static func digitValue(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hexadecimal: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hexadecimal: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }
}
