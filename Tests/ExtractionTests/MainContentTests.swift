import PageModel
import Testing
@testable import Extraction

/// How the main content is rendered once it is found: repeats, and what its classes say.
@Suite struct MainContentTests {
    let extractor = Extractor()

    func html(_ body: String, head: String = "") -> RawPage {
        RawPage(
            id: "page",
            body: Array(
                "<!DOCTYPE html><html lang=\"en\"><head><title>Thread</title>\(head)</head><body>\(body)</body></html>"
                    .utf8),
            format: .html)
    }

    @Test func aQuotedPostIsReadOnce() throws {
        let post = "I am writing an English course for car rental companies and cannot choose its name."
        let page = html(
            """
            <main><article class="message"><div class="message-body"><p>\(post)</p></div></article>
            <article class="message"><div class="message-body"><blockquote><p>\(post)</p></blockquote>
            <p>I would call it English for car rental professionals, since it is the people who \
            learn.</p></div></article>
            <article class="message"><div class="message-body"><blockquote><p>\(post)</p></blockquote>
            <p>Car hire is the British word for it, and your students may meet both of them at \
            work.</p></div></article></main>
            """)
        let record = try extractor.extract(page)
        #expect(record.text.components(separatedBy: post).count == 2, "the post once, its quotes left out")
        #expect(record.text.contains("car rental professionals"))
        #expect(record.text.contains("Car hire is the British word"))
    }

    @Test func aPageThatRepeatsAPatternKeepsEveryCopy() throws {
        let days = (1...5).map { day in
            "<h2>Day \(day)</h2><p>Eat every two or three hours during the day.</p><p>Meal \(day): oats, berries "
                + "and a spoon of nut butter with milk.</p>"
        }.joined()
        let record = try extractor.extract(html("<main><article>\(days)</article></main>"))
        #expect(record.text.components(separatedBy: "Eat every two or three hours").count == 6)
    }

    @Test func everyTabPanelIsRead() throws {
        let page = html(
            """
            <main><article><p>Install the library with the package manager of your language, then set the two keys it \
            reads.</p>
            <div role="tabpanel"><p>With Node.js, run npm install and require the client in the file that sends the \
            message.</p></div>
            <div role="tabpanel" hidden><p>With Python, run pip install and import the client in the module that \
            sends the message.</p></div>
            </article></main>
            """)
        let record = try extractor.extract(page)
        #expect(record.text.contains("npm install"))
        #expect(record.text.contains("pip install"), "the hidden tab is read too")
    }

    @Test func aCollapsedPartOfTheContentIsReadButNotAHiddenBoxElsewhere() throws {
        let page = html(
            """
            <main><article><h2>Questions</h2>
            <p>How long does delivery take? Orders leave the warehouse within two days and arrive within a week.</p>
            <div hidden><p>Can I return an order? Yes, within thirty days, in its box, and the return label is \
            free.</p></div>
            <p>Do you ship abroad? To most of Europe, at the same price as at home, with tracking all the way.</p>
            </article></main>
            <div hidden class="dialog-box"><p>Sign in to see your orders, your saved addresses and the gift cards you \
            hold.</p></div>
            """)
        let record = try extractor.extract(page)
        #expect(record.text.contains("Can I return an order?"))
        #expect(!record.text.contains("Sign in to see your orders"))
    }

    @Test func aDrawingsSelfClosedShapesDoNotSwallowThePage() throws {
        // A syntax diagram of a hundred shapes, as sqlite.org draws them.
        let shapes = String(repeating: "<path d='M0 0L9 9'/><circle r='2'/>", count: 50)
        let drawing = "<svg viewBox='0 0 10 10'>\(shapes)<text>SELECT</text></svg>"
        let page = html(
            """
            <main><h2>Overview</h2><div class="diagram">\(drawing)</div>
            <p>The SELECT statement is used to query the database, and its result is zero or more rows of data.</p>
            <div class="diagram">\(drawing)</div>
            <p>Note that there are paths through the syntax diagrams that are not allowed in practice.</p></main>
            """)
        let record = try extractor.extract(page)
        #expect(record.text.contains("query the database"))
        #expect(record.text.contains("not allowed in practice"))
    }

    @Test func onADiscussionPageTheRepliesAreContent() throws {
        let question = "How do I keep my sourdough starter alive while I am away for two weeks in the summer?"
        let reply = "Feed it well, put it in the fridge in a sealed jar, and it will wait for you for a month."
        let body = """
            <main><article class="question"><h1>Starter care</h1><p>\(question)</p></article>
            <div class="comments"><article class="comment"><div><div><p>\(reply)</p></div></div></article>
            <article class="comment"><div><div><p>Dry some of it on baking paper before you go: flakes keep for \
            years.</p></div></div></article></div></main>
            """
        let discussion = try extractor.extract(
            html(body, head: #"<script type="application/ld+json">{"@type":"QAPage","name":"Starter care"}</script>"#))
        #expect(discussion.text.contains(question))
        #expect(discussion.text.contains(reply), "the replies are the content of a discussion")
        let article = try extractor.extract(
            html(
                body,
                head: #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Starter care"}</script>"#)
        )
        #expect(article.text.contains(question))
        #expect(!article.text.contains(reply), "comments under an article are not its text")
    }

    @Test func aWallOfLinksIsAMenuButARowOfTitlesIsNot() {
        func block(words: Int, linkShare: Double) -> BlockRenderer.Block {
            BlockRenderer.Block(text: "", isHeading: false, isListItem: false, linkShare: linkShare, wordCount: words)
        }
        #expect(MainContentSelector.isWallOfLinks(block(words: 1108, linkShare: 0.95)))
        #expect(!MainContentSelector.isWallOfLinks(block(words: 12, linkShare: 1)), "an item's linked title")
        #expect(!MainContentSelector.isWallOfLinks(block(words: 300, linkShare: 0.2)), "prose with a few links")
    }

    @Test func linkShareCountsVisibleTextOnly() throws {
        // A menu laid out one link a line: the white space between the links is not prose.
        let menu = (1...150).map { "<a href='/l\($0)'>\n      <span>Language \($0)</span>\n    </a>" }.joined(
            separator: "\n      ")
        let tree = HTMLDocument(bytes: Array("<html><body><div>\(menu)</div></body></html>".utf8)).tree
        var renderer = BlockRenderer(tree: tree, locator: ContentLocator(tree: tree))
        let blocks = renderer.render([tree.root])
        #expect(blocks.count == 1)
        #expect(blocks.first.map { $0.linkShare > 0.99 } == true)
    }

    @Test func whatHoldsTheContentIsReadWhateverItsClassSays() throws {
        let page = html(
            """
            <div class="grid-container flex-nav-expanded"><main><div class="post">
            <p>So reading up on these pans, they seem safe, but you should not use metal utensils on the enamel. What \
            do people use instead?</p>
            </div></main></div>
            """)
        let record = try extractor.extract(page)
        #expect(record.text.contains("metal utensils"))
    }
}

@Suite struct EchoTests {
    @Test(arguments: [
        ("Brand NewBrand New", "Brand New"),
        ("Free delivery. Free delivery.", "Free delivery."),
        ("Tom Tom", "Tom Tom"),
        ("Bora Bora", "Bora Bora"),
        ("Walla Walla Walla Walla", "Walla Walla Walla Walla"),
        ("Enter your email for 15% off. Enter your email for 15% off.", "Enter your email for 15% off."),
        ("A whole sentence that is said once.", "A whole sentence that is said once."),
    ])
    func aLabelPrintedTwiceInARowIsReadOnce(text: String, expected: String) {
        #expect(BlockRenderer.withoutEcho(text) == expected)
    }
}
