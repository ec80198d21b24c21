import Testing

@testable import Enrichment

@Suite struct ScalarTextTests {
    /// Decoding straight from UTF-8 gives the string's own scalars, in every script and width:
    /// one-byte ASCII to four-byte emoji, combining marks, and every boundary between them.
    @Test func decodesAsTheScalarViewDoes() {
        let samples = [
            "", "plain ASCII text.", "café naïve — “quotes”", "Ελληνικά και русский", "中文，日本語のテキスト、한국어",
            "emoji 🌊🇫🇷👩‍👩‍👧 end", "e\u{301} combining", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        ]
        for sample in samples {
            #expect(ScalarText.decode(sample) == Array(sample.unicodeScalars), "\(sample)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let scalars = (0..<Int.random(in: 0...64, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &generator))
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            #expect(ScalarText.decode(text) == scalars)
        }
    }
}
