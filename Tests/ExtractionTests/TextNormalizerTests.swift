import Testing
@testable import Extraction

@Suite struct TextNormalizerTests {
    @Test func collapsesEveryKindOfSpace() {
        #expect(TextNormalizer.collapseWhitespace("  a\u{00A0}\u{00A0}b\n\tc\u{2003}d\u{3000}e  ") == "a b c d e")
        #expect(TextNormalizer.collapseWhitespace("soft\u{00AD}hyphen\u{200D}") == "softhyphen")
    }
}
