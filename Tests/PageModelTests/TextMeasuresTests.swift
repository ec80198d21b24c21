import PageModel
import Testing

@Suite struct TextMeasuresTests {
    @Test func countsWords() {
        #expect(TextMeasures.wordCount("Hello, world — it's 2024!") == 5)
        #expect(TextMeasures.wordCount("Ça déjà-vu über") == 4)
        #expect(TextMeasures.wordCount("東京都") == 3)
    }

    @Test func hashesContentNotSpacing() {
        #expect(TextMeasures.contentHash("A  b\nc") == TextMeasures.contentHash("a b c"))
        #expect(TextMeasures.contentHash("a b c") != TextMeasures.contentHash("a b d"))
        #expect(TextMeasures.contentHash("x").count == 16)
    }
}
