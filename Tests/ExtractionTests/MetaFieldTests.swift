import Foundation
import Testing

@testable import Extraction

@Suite struct MetaFieldTests {
    /// Keywords are trimmed of what Foundation's `.whitespaces` holds (tabs and the space
    /// separators, not line breaks), entry by entry, as the split-and-trim they replace did.
    @Test func keywordsTrimAsFoundationsWhitespaceSet() {
        let pieces = ["a", "Ab", " ", "\t", "\n", "\u{00A0}", "\u{3000}", "\u{2009}", ",", "é", "\u{200B}"]
        for _ in 0..<2_000 {
            let value = (0..<Int.random(in: 0...12)).map { _ in pieces.randomElement() ?? "" }.joined()
            let foundation = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            #expect(MetaField.keywords(value) == foundation, "\(value.debugDescription)")
        }
    }

    @Test func everyKeyReadIsLowerCaseAndKnown() {
        #expect(MetaField.byKey["og:title"] == .title)
        #expect(MetaField.byKey["citation_publication_date"] == .published)
        #expect(MetaField.byKey["viewport"] == nil)
        #expect(MetaField.byKey.keys.allSatisfy { $0 == $0.lowercased() })
    }
}
