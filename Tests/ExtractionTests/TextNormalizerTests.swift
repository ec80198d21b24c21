import Testing
@testable import Extraction

@Suite struct TextNormalizerTests {
    @Test func collapsesEveryKindOfSpace() {
        #expect(TextNormalizer.collapseWhitespace("  a\u{00A0}\u{00A0}b\n\tc\u{2003}d\u{3000}e  ") == "a b c d e")
        #expect(TextNormalizer.collapseWhitespace("soft\u{00AD}hyphen\u{200D}") == "softhyphen")
    }

    @Test func countsWords() {
        #expect(TextNormalizer.wordCount("Hello, world — it's 2024!") == 5)
        #expect(TextNormalizer.wordCount("Ça déjà-vu über") == 4)
        #expect(TextNormalizer.wordCount("東京都") == 3)
    }

    @Test func hashesContentNotSpacing() {
        #expect(TextNormalizer.contentHash("A  b\nc") == TextNormalizer.contentHash("a b c"))
        #expect(TextNormalizer.contentHash("a b c") != TextNormalizer.contentHash("a b d"))
        #expect(TextNormalizer.contentHash("x").count == 16)
    }
}
