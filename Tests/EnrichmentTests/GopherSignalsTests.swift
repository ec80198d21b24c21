import Enrichment
import Testing

/// Gopher's rules on texts made to pass or to break one rule each.
@Suite struct GopherSignalsTests {
    static let sentence = "The cat sat with the dog and looked at the door of the house for a while."

    func signals(_ text: String) -> GopherSignals {
        GopherSignals(text: text)
    }

    @Test func aPlainArticlePassesBoth() {
        // Distinct words, stop words among them, in sentences of ten and paragraphs of forty.
        let stop = ["the", "of", "and", "to", "with"]
        let words = (0..<240).map { $0 % 4 == 0 ? stop[$0 / 4 % 5] : "word\($0 * 7919 % 9973)" }
        let text = stride(from: 0, to: 240, by: 40).map { start in
            stride(from: start, to: start + 40, by: 10).map { words[$0..<$0 + 10].joined(separator: " ") + "." }
                .joined(separator: " ")
        }.joined(separator: "\n\n")
        let result = signals(text)
        #expect(result.qualityFailure == nil && result.repetitionFailure == nil, "\(result)")
        #expect(result.stopWords >= 4 && result.words > 100)
    }

    @Test func eachRuleCatchesWhatItIsFor() {
        #expect(signals(Self.sentence).qualityFailure == "gopher_short_doc")
        let bullets = (0..<30).map { "- item \($0) of the list with the words and that" }.joined(separator: "\n")
        #expect(signals(bullets).qualityFailure == "gopher_too_many_bullets")
        let numbers = (0..<80).map { "\($0 * 37 % 1000)" }.joined(separator: " ") + " the and of to"
        #expect(signals(numbers).qualityFailure == "gopher_below_avg_threshold")
        let repeated = Array(repeating: Self.sentence, count: 12).joined(separator: "\n")
        let repetition = signals(repeated)
        #expect(repetition.repetitionFailure == "dup_line_frac")
        #expect(abs(repetition.duplicateLineShare - 11.0 / 12.0) < 1e-9)
    }
}
