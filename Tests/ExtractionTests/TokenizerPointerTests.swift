import Testing

@testable import Extraction

/// The tokenizer reads its document through a pointer, without bounds checks in release
/// builds; these tests run it (built with checks on, as tests are) over random markup, where
/// a read past either end traps, and check the two ways of making one read alike.
@Suite struct TokenizerPointerTests {
    /// Bytes that open, close and break tags, attributes, comments and references, and bytes
    /// of broken UTF-8.
    static let markup = Array("<>/!-=\"' \tabscriptyle&#x;?".utf8) + [0xC3, 0xA9, 0xFF, 0x00]

    /// Every token, with each attribute's name and value read: what a caller may touch.
    static func described(_ tokenizer: inout HTMLTokenizer) -> [String] {
        var result: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case let .startTag(number, _, attributes, selfClosing):
                let name = tokenizer.string(of: number)
                let read = attributes.map { attribute in
                    var appended: [UInt8] = []
                    attributes.appendValue(attribute, documentIsValidUTF8: false, to: &appended)
                    return "\(attributes.name(attribute))=\(attributes.value(attribute))"
                        + "|\(appended.count)|\(attributes.firstValueByte(attribute) ?? 0)"
                }
                result.append("<\(name) \(read.joined(separator: " "))\(selfClosing ? "/" : "")>")
            case let .endTag(number): result.append("</\(tokenizer.string(of: number))>")
            case let .text(range): result.append("text \(range)")
            case let .rawText(number, range): result.append("\(tokenizer.string(of: number)) \(range)")
            case let .comment(range): result.append("comment \(range)")
            case let .doctype(name): result.append("doctype \(name)")
            }
        }
        return result
    }

    @Test func randomMarkupReadsTheSameInPlaceAndCopied() {
        var random = RandomBytes(Self.markup)
        for round in 0..<400 {
            let bytes = random.next(lengths: 0...300)
            for onlyKnown in [false, true] {
                var copied = HTMLTokenizer(bytes, onlyKnownAttributes: onlyKnown)
                let fromCopy = Self.described(&copied)
                let inPlace = HTMLTokenizer.reading(bytes, onlyKnownAttributes: onlyKnown) { Self.described(&$0) }
                #expect(fromCopy == inPlace, "round \(round): \(bytes)")
            }
        }
    }

    /// A tag with more attributes than the tokenizer's first buffer holds keeps every one.
    @Test func manyAttributesOutgrowTheFirstBuffer() {
        let names = (0..<100).map { "a\($0)" }
        let html = "<div " + names.map { "\($0)=\"v\($0)\"" }.joined(separator: " ") + ">"
        var tokenizer = HTMLTokenizer(Array(html.utf8))
        guard case let .startTag(_, _, attributes, _) = tokenizer.next() else {
            Issue.record("no start tag")
            return
        }
        #expect(attributes.map(attributes.name) == names)
        #expect(attributes.map(attributes.value) == names.map { "v\($0)" })
    }

    /// Whole documents of random markup go through the tree builder and metadata readers.
    @Test func randomDocumentsParse() {
        var random = RandomBytes(Self.markup + Array("divpa1h<meta content=name=og:title class=author>".utf8))
        for _ in 0..<300 {
            let bytes = random.next(lengths: 0...600)
            let document = HTMLDocument(bytes: bytes)
            #expect(document.tree.count >= 1)
        }
    }
}
