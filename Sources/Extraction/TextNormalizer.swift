/// Small text helpers shared by the HTML and plain-text paths.
enum TextNormalizer {
    /// Collapses runs of white space (no-break spaces included) to one space and trims the ends.
    static func collapseWhitespace(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" {
                pendingSpace = !output.isEmpty
                continue
            }
            if scalar.value < 0x20 || scalar == "\u{00AD}" { continue } // Control characters, soft hyphens.
            if pendingSpace { output.append(" "); pendingSpace = false }
            output.append(scalar)
        }
        return String(output)
    }

    /// Counts words: maximal runs of letters, digits and marks. CJK characters count one each.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if isIdeograph(scalar) {
                count += 1
                inWord = false
            } else if properties.isAlphabetic || properties.numericType != nil {
                if !inWord { count += 1; inWord = true }
            } else {
                inWord = false
            }
        }
        return count
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }

    /// A 64-bit FNV-1a hash of the text's words, lower-cased: equal for the same content however
    /// it was spaced or cased. Hex, 16 digits.
    static func contentHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var separate = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                separate = true
                continue
            }
            if separate {
                hash = (hash ^ 0x20) &* 0x100_0000_01b3
                separate = false
            }
            for byte in String(scalar).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
