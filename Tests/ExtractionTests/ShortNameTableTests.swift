import Testing

@testable import Extraction

@Suite struct ShortNameTableTests {
    /// The word-at-a-time key of a name read in place equals the key of its bytes lower-cased
    /// one by one, for every length up to 16, at every distance from the buffer's end (where
    /// the bytes are read one by one), and for bytes on both sides of "A" to "Z".
    @Test func lowerCasedKeysMatchBytewiseLowerCasing() {
        var generator = SystemRandomNumberGenerator()
        var random = RandomBytes([
            0x40, 0x41, 0x4D, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x2D, 0x30, 0xC3, 0xA9, 0xDA, 0xFF,
        ])
        for _ in 0..<2_000 {
            let bytes = random.next(lengths: 1...40)
            let start = Int.random(in: 0..<bytes.count, using: &generator)
            let count = Int.random(in: 0...min(16, bytes.count - start), using: &generator)
            let lowered = bytes[start..<(start + count)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let key = bytes.withUnsafeBufferPointer { ShortNameKey(lowercasing: $0, start: start, count: count) }
            #expect(key == ShortNameKey(lowered), "bytes \(bytes) from \(start), \(count) of them")
        }
    }

    @Test func findsEveryNameAndNothingElse() {
        let names = ["a", "p", "div", "span", "blockquote", "figcaption", "amp-img", "sixteen-letters!"]
        let table = ShortNameTable(names.enumerated().map { ($0.element, $0.offset) })
        for (offset, name) in names.enumerated() { #expect(table.value(for: name) == offset) }
        for other in ["", "b", "di", "divs", "DIV", "seventeen-letters", "blockquotes"] {
            #expect(table.value(for: other) == nil, "\(other)")
        }
    }

    /// Values compared without case come lower-cased, eight bytes a step and then byte by
    /// byte, non-ASCII letters as they are.
    @Test func caseInsensitiveValuesAreLowerCased() {
        let value = "Main-CONTENT Été_[Z]@AZaz Ωmega x"
        for length in 0...value.utf8.count {
            let prefix = String(decoding: value.utf8.prefix(length), as: UTF8.self)
            var tokenizer = HTMLTokenizer(Array("<div CLASS=\"\(prefix)\">".utf8), onlyKnownAttributes: true)
            guard case let .startTag(_, _, attributes, _) = tokenizer.next() else {
                Issue.record("no start tag")
                return
            }
            let expected = String(
                decoding: prefix.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
            #expect(attributes.first.map(attributes.value) == expected)
            // Decoded into bytes, as the tree builder reads class names, the same.
            var appended: [UInt8] = []
            if let first = attributes.first {
                attributes.appendValue(first, documentIsValidUTF8: true, to: &appended)
            }
            #expect(String(decoding: appended, as: UTF8.self) == expected)
        }
    }

    /// Tag names come out of the tokenizer lower-cased whether or not they are common ones.
    @Test func tagNamesAreLowerCased() {
        var tokenizer = HTMLTokenizer(Array("<DIV><SpAn></sPaN><My-Widget x=1><BLOCKQUOTE>".utf8))
        var names: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case let .startTag(number, _, _, _): names.append(tokenizer.string(of: number))
            case let .endTag(number): names.append("/" + tokenizer.string(of: number))
            default: break
            }
        }
        #expect(names == ["div", "span", "/span", "my-widget", "blockquote"])
    }
}
