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

    /// Paragraphs read from the gaps between the text's lines are the ones a second split at
    /// two newlines or more finds, on texts of letters, spaces and newlines in every order.
    @Test func paragraphsFromLinesMatchASecondSplit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = String(
                (0..<Int.random(in: 0...24, using: &generator)).map { _ in
                    ["a", "b", " ", "\n", "\n", "\t"].randomElement(using: &generator) ?? "a"
                })
            let scalars = ScalarText(text)
            let trimmed = scalars.trimmed(0..<scalars.count)
            let lines = scalars.split(0..<scalars.count, atNewlines: 1)
            #expect(
                scalars.paragraphs(of: trimmed, lines: lines) == scalars.split(trimmed, atNewlines: 2),
                "\(text.debugDescription)")
        }
    }
}

/// Paragraph hashes folded from line hashes tell paragraphs apart as hashing each one whole
/// does: alike where the text is alike, at the text's trimmed ends as in its middle.
@Suite struct ParagraphHashTests {
    @Test(arguments: [
        "  Same para\nline two\n\nOther\n\nSame para\nline two  ",
        "Same para\nline two\n\n\nSame para\nline two\n\nSame para",
        "\n\n one\n\n one \n\none\n\n\n",
        "a\nb\n\na\nb\nc\n\nb\n\na\nb",
        "   ",
        "",
        "x\r\n\r\nx\n\nx",
    ])
    func foldedHashesFindTheSameRepeats(text: String) {
        let scalars = ScalarText(text)
        let lines = scalars.split(0..<scalars.count, atNewlines: 1)
        let paragraphs = scalars.paragraphs(of: scalars.trimmed(0..<scalars.count), lines: lines)
        let folded = scalars.paragraphHashes(paragraphs, lines: lines, lineHashes: lines.map(scalars.hash))
        #expect(folded.count == paragraphs.count)
        let whole = scalars.repeats(paragraphs)
        let fromLines = scalars.repeats(paragraphs, hashes: folded)
        #expect(whole.count == fromLines.count && whole.characters == fromLines.characters, "\(text.debugDescription)")
        // Equal paragraphs hash alike, unequal ones apart.
        let texts = paragraphs.map { String(String.UnicodeScalarView(scalars.scalars[$0])) }
        for i in texts.indices {
            for j in texts.indices where i < j {
                #expect((texts[i] == texts[j]) == (folded[i] == folded[j]), "\(texts[i]) / \(texts[j])")
            }
        }
    }
}

/// The one-pass split gives what the two splits it replaces give, whatever the line breaks.
@Suite struct LinesAndPiecesTests {
    @Test func oneSplitIsTheTwo() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Unicode.Scalar] = [
            "a", "b", " ", "\n", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "é",
        ]
        var samples = ["", "\n", "\n\n", "\r\n", "a\r\n\nb", "\n\r\n", "a\n", "a\nb\n\n\nc\r", "\u{2028}x\n"]
        for _ in 0..<500 {
            let length = Int.random(in: 0...16, using: &generator)
            samples.append(
                String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! })))
        }
        for sample in samples {
            let text = ScalarText(sample)
            let (lines, pieces) = text.linesAndPieces()
            #expect(lines == text.pythonLines(), "\(sample.debugDescription)")
            #expect(pieces == text.split(0..<text.count, atNewlines: 1), "\(sample.debugDescription)")
        }
    }
}
