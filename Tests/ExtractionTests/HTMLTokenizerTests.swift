import Testing
@testable import Extraction

@Suite struct HTMLTokenizerTests {
    @Test func everyRawTextElementPassesTheQuickTest() {
        for name in HTMLTokenizer.rawTextElements { #expect(HTMLTokenizer.mayBeRawText(name), "\(name)") }
        #expect(!HTMLTokenizer.mayBeRawText("div"))
    }

    func tokens(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        var tokenizer = HTMLTokenizer(bytes)
        var result: [String] = []
        while let token = tokenizer.next() {
            switch token {
            case let .startTag(name, attributes, selfClosing):
                result.append("<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + (selfClosing ? "/>" : ">"))
            case let .endTag(name): result.append("</\(name)>")
            case let .text(range): result.append(CharacterReferences.decode(bytes[range]))
            case let .rawText(name, range): result.append("\(name):" + String(decoding: bytes[range], as: UTF8.self))
            case .comment, .doctype: break
            }
        }
        return result
    }

    @Test func readsTagsAttributesAndText() {
        #expect(tokens("<P Class=\"a\" id=b data-x='1 2' hidden>Hi &amp; bye</p>")
            == ["<p class=a id=b data-x=1 2 hidden=>", "Hi & bye", "</p>"])
    }

    @Test func skipsCommentsAndDoctypes() {
        #expect(tokens("<!DOCTYPE html><!-- a > b --><p>x</p><!---->y") == ["<p>", "x", "</p>", "y"])
    }

    @Test func readsScriptsAsRawText() {
        #expect(tokens("<script>if (a < b) { x = '</div>' }</script><p>") == ["<script>", "script:if (a < b) { x = '</div>' }", "</script>", "<p>"])
    }

    @Test func decodesCharacterReferences() {
        #expect(CharacterReferences.decode(Array("&lt;&#233;&#x2014;&nbsp;&unknown; &amp".utf8)[...]) == "<é—\u{00A0}&unknown; &")
        #expect(CharacterReferences.decode(Array("&#150;&#0;&#x110000;".utf8)[...]) == "\u{2013}\u{FFFD}\u{FFFD}")
    }

    @Test func neverStopsOnHostileInput() {
        for input in ["<", "</", "<a", "<a b='", "<!--", "<!", "&#", "&#x", "<script>", "</>", "<\u{0}>", "<a =b>"] {
            _ = tokens(input)
        }
    }
}
