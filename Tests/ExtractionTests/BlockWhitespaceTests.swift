import PageModel
import Testing

@testable import Extraction

/// White space that starts a line of output (the first thing in a block, or the first after
/// one) is left out of the tree: the line starts after it anyway. White space anywhere else
/// stays, since it may be the only space between two words.
@Suite struct BlockWhitespaceTests {
    static func tree(_ body: String) -> DocumentTree {
        HTMLDocument(bytes: Array("<html><body>\(body)</body></html>".utf8)).tree
    }

    static func textNodes(_ tree: DocumentTree) -> [String] {
        (1..<tree.count).map { DocumentTree.NodeID($0) }.filter { tree.isText($0) }.map { tree.text($0) }
    }

    @Test func whiteSpaceOpeningABlockIsNoNode() {
        let tree = Self.tree("<div>\n  <p>\n\tOne</p>\n  <p>Two</p>\n</div>")
        #expect(Self.textNodes(tree) == ["\n\tOne", "Two"])
    }

    /// The words of a headline's blocks are parted, with the white space between them gone.
    @Test func aHeadlinesBlocksKeepTheirWordsApart() throws {
        let body = "<h1><div>Storm</div>\n<span>warning issued</span></h1>"
        let record = try Extractor().extract(
            RawPage(
                id: "page", body: Array("<html><body>\(body)<p>\(Self.sentence)</p></body></html>".utf8), format: .html)
        )
        #expect(record.title == "Storm warning issued")
    }

    /// A block left out of the text (an advertisement) still ends the line before it, so the
    /// words on either side do not run together.
    @Test func aBlockLeftOutStillPartsTheTextAroundIt() throws {
        let body =
            "<article><div>\(Self.sentence) Before<div class=\"advert\">Buy now</div>\n<b>after</b> \(Self.sentence)</div></article>"
        let record = try Extractor().extract(
            RawPage(id: "page", body: Array("<html><body>\(body)</body></html>".utf8), format: .html))
        #expect(!record.text.contains("Buy now"))
        #expect(!record.text.contains("Beforeafter"))
        #expect(record.text.contains("after"))
    }

    static let sentence = String(
        repeating: "The river rose through the night, and by morning the lower town was under water. ", count: 4)

    @Test func whiteSpaceBetweenInlineElementsStays() {
        let tree = Self.tree("<p><b>One</b> <i>two</i><span> </span>three</p>")
        #expect(Self.textNodes(tree) == ["One", " ", "two", " ", "three"])
    }

    /// The words of inline elements inside a block, and of blocks side by side, keep their
    /// spaces in the record.
    @Test func wordsKeepTheirSpaces() throws {
        let paragraph = "<p>\n <b>Every</b>\n<i>word</i> <a href=\"/x\">keeps</a>\n its space in this sentence.</p>"
        let body = "<article><h1>\n  Title here</h1>" + String(repeating: paragraph, count: 8) + "</article>"
        let record = try Extractor().extract(
            RawPage(id: "page", body: Array("<html><body>\(body)</body></html>".utf8), format: .html))
        #expect(record.text.contains("Every word keeps its space in this sentence."))
        #expect(!record.text.contains("Everyword"))
    }
}
