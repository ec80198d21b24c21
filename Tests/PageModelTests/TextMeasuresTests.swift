import PageModel
import Testing

@Suite struct TextMeasuresTests {
    @Test func countsWords() {
        #expect(TextMeasures.wordCount("Hello, world — it's 2024!") == 5)
        #expect(TextMeasures.wordCount("Ça déjà-vu über") == 4)
        #expect(TextMeasures.wordCount("東京都") == 3)
    }

    /// ASCII words are runs of letters and digits, whichever bytes sit beside the edges of
    /// those ranges (`/` and `:` by the digits, `@` and `[` by the capitals, a backquote and
    /// `{` by the small letters), counted against a plain reading of the same rule; long
    /// enough that runs of eight ASCII bytes are counted a word at a time, next to others.
    @Test func countsASCIIWordsAtTheEdgesOfTheirRanges() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("/09:@AZ[`az{ \t~é")
        for _ in 0..<3_000 {
            let text = String(
                (0..<Int.random(in: 0...60, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? " "
                })
            var expected = 0
            var inWord = false
            for character in text {
                let isWordCharacter =
                    character == "é" || (character.isASCII && (character.isLetter || character.isNumber))
                if isWordCharacter && !inWord { expected += 1 }
                inWord = isWordCharacter
            }
            #expect(TextMeasures.wordCount(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func hashesContentNotSpacing() {
        #expect(TextMeasures.contentHash("A  b\nc") == TextMeasures.contentHash("a b c"))
        #expect(TextMeasures.contentHash("a b c") != TextMeasures.contentHash("a b d"))
        #expect(TextMeasures.contentHash("x").count == 16)
    }
}
