import Testing

@testable import Extraction

@Suite struct ByteSearchTests {
    /// The one-pass test of an attribute value as written says yes exactly when the value,
    /// lower-cased, holds either word, or holds an `&` (a reference that may spell one), for
    /// values of every case at every position inside a larger document.
    @Test func aValueMayHoldAWordWhenItsLowerCasingOrAReferenceDoes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "author", "AUTHOR", "Byline", "autho", "bylin", "a", "b", "A", "B", "-", " ", "&amp;", "x", "\u{C9}",
            "\u{1}",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let document = Array("<p class=\"".utf8) + Array(text.utf8) + Array("\">".utf8)
            let value = document[10..<(10 + text.utf8.count)]
            let lowered = text.lowercased()
            let expected = lowered.contains("author") || lowered.contains("byline") || text.contains("&")
            #expect(ByteSearch.mayHoldIgnoringASCIICase(value, "author", or: "byline") == expected, "\(text)")
        }
    }

    @Test func theWordsAtTheEdgesOfTheValueAreFoundAndNothingPastThem() {
        let document = Array("authorXbylinE".utf8)
        #expect(ByteSearch.mayHoldIgnoringASCIICase(document[0..<6], "author", or: "byline"))
        #expect(ByteSearch.mayHoldIgnoringASCIICase(document[7..<13], "author", or: "byline"))
        #expect(!ByteSearch.mayHoldIgnoringASCIICase(document[1..<12], "author", or: "byline"))
        #expect(!ByteSearch.mayHoldIgnoringASCIICase(document[0..<0], "author", or: "byline"))
    }

    /// The first offset found by memchr is the first of every offset found byte by byte.
    @Test func theFirstOffsetIsTheFirstOfAll() {
        var random = RandomBytes(Array("chrsetCa= ".utf8))
        let needle = Array("charset".utf8)
        for _ in 0..<2_000 {
            let bytes = random.next(lengths: 0...60) + (Bool.random() ? needle : []) + random.next(lengths: 0...10)
            #expect(ByteSearch.firstOffset(of: needle, in: bytes) == ByteSearch.offsets(of: needle, in: bytes).first)
        }
    }
}
