import Testing
@testable import Extraction

@Suite struct HTMLTokenizerTests {
    /// The tokenizer knows a raw-text element by its traits: each one, in any case, has them,
    /// and its content comes out as one raw token.
    @Test func everyRawTextElementIsReadRaw() {
        for name in HTMLTokenizer.rawTextElements {
            #expect(ElementTraits.of(name).contains(.rawText), "\(name)")
            var tokenizer = HTMLTokenizer(Array("<\(name.uppercased())><b>x</b></\(name)>".utf8))
            guard case let .startTag(_, traits, _, _) = tokenizer.next() else {
                Issue.record("no start tag for \(name)")
                continue
            }
            #expect(traits.contains(.rawText), "\(name)")
            guard case let .rawText(rawName, _) = tokenizer.next() else {
                Issue.record("no raw text for \(name)")
                continue
            }
            #expect(tokenizer.string(of: rawName) == name)
        }
        #expect(!ElementTraits.of("div").contains(.rawText))
        #expect(!ElementTraits.of("noscript").contains(.rawText))
    }

    func tokens(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        var tokenizer = HTMLTokenizer(bytes)
        var result: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case let .startTag(number, _, attributes, selfClosing):
                result.append(
                    "<\(tokenizer.string(of: number))"
                        + attributes.map { " \(attributes.name($0))=\(attributes.value($0))" }.joined()
                        + (selfClosing ? "/>" : ">"))
            case let .endTag(number): result.append("</\(tokenizer.string(of: number))>")
            case let .text(range): result.append(CharacterReferences.decode(bytes[range]))
            case let .rawText(number, range):
                result.append("\(tokenizer.string(of: number)):" + String(decoding: bytes[range], as: UTF8.self))
            case .comment: break
            case .doctype: break
            }
        }
        return result
    }

    @Test func readsTagsAttributesAndText() {
        #expect(
            tokens("<P Class=\"a\" id=b data-x='1 2' hidden>Hi &amp; bye</p>")
                == ["<p class=a id=b data-x=1 2 hidden=>", "Hi & bye", "</p>"])
    }

    /// The first of duplicate attributes wins, as in browsers, whatever the case of its name:
    /// known names and others alike.
    @Test func theFirstOfDuplicateAttributesWins() {
        #expect(
            tokens("<div CLASS=a class=b Data-X=1 data-x=2 data-y=3 ID=&amp;x id=y>")
                == ["<div class=a data-x=1 data-y=3 id=&x>"])
    }

    @Test func skipsCommentsAndDoctypes() {
        #expect(tokens("<!DOCTYPE html><!-- a > b --><p>x</p><!---->y") == ["<p>", "x", "</p>", "y"])
    }

    @Test func readsScriptsAsRawText() {
        #expect(
            tokens("<script>if (a < b) { x = '</div>' }</script><p>") == [
                "<script>", "script:if (a < b) { x = '</div>' }", "</script>", "<p>",
            ])
    }

    @Test func decodesCharacterReferences() {
        #expect(
            CharacterReferences.decode(Array("&lt;&#233;&#x2014;&nbsp;&unknown; &amp".utf8)[...])
                == "<é—\u{00A0}&unknown; &")
        #expect(CharacterReferences.decode(Array("&#150;&#0;&#x110000;".utf8)[...]) == "\u{2013}\u{FFFD}\u{FFFD}")
    }

    @Test(arguments: [
        "<", "</", "<a", "<a b='", "<!--", "<!", "&#", "&#x", "<script>", "</>", "<\u{0}>", "<a =b>",
        "<a b=\"", "<!DOCTYPE", "<?xml", "<a/b/c", "&", "<scr<script>ipt>", "<\u{FFFD}",
    ])
    func endsOnHostileInputInStepsBoundedByItsLength(fragment: String) {
        // Alone, then repeated into a large input: each token consumes input, so the number of
        // tokens (the tokenizer's steps) never exceeds the bytes, and their ranges move forward
        // inside the input. A loop that made no progress, or went back, would break both.
        for repeats in [1, 100, 20_000] {
            let bytes = Array(String(repeating: fragment, count: repeats).utf8)
            var tokenizer = HTMLTokenizer(bytes)
            var steps = 0
            var lastEnd = 0
            while let token = tokenizer.next() {
                steps += 1
                guard steps <= bytes.count + 1 else {
                    Issue.record("more tokens than bytes for \(fragment.debugDescription) × \(repeats)")
                    return
                }
                // One pattern a case: tokens are not copyable, and a case of several is not
                // implemented for them.
                let range: Range<Int>?
                switch token {
                case let .text(text): range = text
                case let .rawText(_, text): range = text
                case let .comment(text): range = text
                default: range = nil
                }
                if let range {
                    #expect(
                        range.lowerBound >= lastEnd && range.upperBound <= bytes.count,
                        "\(fragment.debugDescription) × \(repeats)")
                    lastEnd = range.upperBound
                }
            }
            #expect(steps <= bytes.count + 1)
        }
    }
}
