import Testing

@testable import Extraction

@Suite struct TextNormalizerTests {
    @Test func collapsesEveryKindOfSpace() {
        #expect(TextNormalizer.collapseWhitespace("  a\u{00A0}\u{00A0}b\n\tc\u{2003}d\u{3000}e  ") == "a b c d e")
        #expect(TextNormalizer.collapseWhitespace("soft\u{00AD}hyphen\u{200D}") == "softhyphen")
    }

    /// Phrases are copied whole through their single spaces; the result is still what a
    /// character-by-character reading gives: white space runs to one space, control
    /// characters dropped, the ends trimmed; on random mixes of words, spaces, tabs, line
    /// feeds, controls and a non-ASCII letter, so that every edge of a copied run is met.
    @Test func phrasesCopiedWholeReadAsCharacterByCharacter() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["ab", "c", " ", "  ", "\t", "\n", "\u{01}", "\u{7F}", "é", ".", " d "]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            var expected = ""
            var pendingSpace = false
            for scalar in text.unicodeScalars {
                if scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) {
                    pendingSpace = !expected.isEmpty
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    continue
                } else {
                    if pendingSpace { expected.append(" ") }
                    pendingSpace = false
                    expected.unicodeScalars.append(scalar)
                }
            }
            #expect(TextNormalizer.collapseWhitespace(text) == expected, "\(text.debugDescription)")
        }
    }
}
