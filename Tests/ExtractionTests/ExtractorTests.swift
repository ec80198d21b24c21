import PageModel
import Testing
@testable import Extraction

@Suite struct ExtractorTests {
    let extractor = Extractor()

    func html(_ body: String, head: String = "") -> RawPage {
        RawPage(
            id: "page",
            body: Array("<!DOCTYPE html><html lang=\"en\"><head>\(head)</head><body>\(body)</body></html>".utf8),
            format: .html)
    }

    @Test func keepsTheArticleAndDropsTheFurniture() throws {
        let page = html(
            """
            <div class="cookie-banner"><p>We use cookies to improve your experience.</p></div>
            <nav><a href="/">Home</a><a href="/world">World</a></nav>
            <main><article><h1>Rivers rise after the storm</h1>
            <p>The river rose two metres overnight, and the town hall opened its doors to the families of the low \
            streets.</p>
            <div class="share-buttons"><a>Facebook</a><a>Twitter</a></div>
            <p>By the morning the water had reached the old bridge, which engineers closed to traffic as a \
            precaution.</p>
            </article></main>
            <aside class="sidebar"><p>Most read this week</p></aside>
            <section id="comments"><p>Leave a comment</p></section>
            <footer>© News</footer>
            """)
        let record = try extractor.extract(page)
        #expect(record.text.contains("The river rose two metres overnight"))
        #expect(record.text.contains("old bridge"))
        for boilerplate in ["cookies", "Home", "Facebook", "Most read", "Leave a comment", "©"] {
            #expect(!record.text.contains(boilerplate), "kept \(boilerplate)")
        }
        #expect(record.text.components(separatedBy: "\n\n").count == 2, "the headline is the title, not text")
        #expect(record.language == "en")
        #expect(record.wordCount > 30)
    }

    @Test func readsMetadataFromMetaTagsAndJSONLD() throws {
        let page = html(
            "<p>Short text here for the body of the page, enough words to count.</p>",
            head: """
                <title>Fallback title</title>
                <meta property="og:site_name" content="The Daily">
                <meta name="description" content="A summary.">
                <meta name="keywords" content="floods, weather">
                <link rel="canonical" href="https://daily.example/floods">
                <script type="application/ld+json">{"@context":"https://schema.org",\
                  "@graph":[{"@type":"WebPage","name":"Page"},
                  {"@type":"NewsArticle","headline":"Floods","author":[{"@type":"Person","name":"Ann \
                  Lee"},{"name":"Bo Chen"}],
                   "datePublished":"2024-03-01T08:00:00+01:00","image":{"url":"https://daily.example/a.jpg"}}]}</script>
                """)
        let record = try extractor.extract(page)
        #expect(record.title == "Floods", "the headline beats the <title>")
        #expect(record.authors == ["Ann Lee", "Bo Chen"])
        #expect(record.published == "2024-03-01T08:00:00+01:00")
        #expect(record.siteName == "The Daily")
        #expect(record.description == "A summary.")
        #expect(record.tags == ["floods", "weather"])
        #expect(record.canonicalURL == "https://daily.example/floods")
        #expect(record.image == "https://daily.example/a.jpg")
    }

    @Test func readsAScrapedTextPage() throws {
        let text = """
            Kim meets Putin at the cosmodrome

            Kim meets Putin at the cosmodrome

            2023-09-13 22:20:04

            The two leaders met on Wednesday at the Vostochny cosmodrome in the far east of the country.

            Read more:  Farewell to the long-time employees of the station

            The meeting was short, but long enough to sign an agreement on military aid and satellites.

            #Kim #Putin #summit
            1694634934

            Facebook
            Twitter

            Leave a Comment
            """
        let record = try extractor.extract(RawPage(id: "kim", body: Array(text.utf8), format: .text))
        #expect(record.title == "Kim meets Putin at the cosmodrome")
        #expect(record.published == "2023-09-13T22:20:04")
        #expect(record.tags == ["Kim", "Putin", "summit"])
        #expect(record.text.hasPrefix("The two leaders met"))
        #expect(record.text.hasSuffix("military aid and satellites."))
        #expect(!record.text.contains("Read more"))
        #expect(!record.text.contains("Facebook"))
    }

    @Test func readsBylinesLaidOutInSeparateElements() throws {
        let body =
            "<article><h1>Five ideas for the coast</h1><p>"
            + String(repeating: "Words about the coast and its towns. ", count: 12) + "</p></article>"
        // Name and date in neighbouring elements, with no space between them in the markup.
        let glued = try extractor.extract(
            html(
                "<div class=\"Author_wrapper\"><p>Nick van Mead</p><p><span>2022-11-23T08:10+02:00</span></p></div>"
                    + body))
        #expect(glued.authors == ["Nick van Mead"])
        #expect(glued.published?.hasPrefix("2022-11-23") == true)
        let recipe = try extractor.extract(html("<div class=\"byline\">Recipe by PJ Hamel</div>" + body))
        #expect(recipe.authors == ["PJ Hamel"])
        let role = try extractor.extract(html("<div class=\"byline\">Rasmus Barslund Founder &amp; Lead</div>" + body))
        #expect(role.authors == ["Rasmus Barslund"])
        let reviewed = try extractor.extract(
            html("<span class=\"author\">Shelby Loos, DVM. Reviewed by Molly Price</span>" + body))
        #expect(reviewed.authors == ["Shelby Loos", "DVM."])
    }

    @Test func readsDatesFromLooseJSONLDAndLastResortMeta() throws {
        let body = "<p>" + String(repeating: "Words of the forum post. ", count: 10) + "</p>"
        // A raw line break inside a JSON string: invalid JSON that pages publish anyway.
        let loose = try extractor.extract(
            html(
                body,
                head: """
                    <script type="application/ld+json">{"@type":"DiscussionForumPosting","text":"one
                    two","datePublished":"2024-02-21 13:00:00"}</script>
                    """))
        #expect(loose.published?.hasPrefix("2024-02-21") == true)
        let modifiedOnly = try extractor.extract(
            html(body, head: #"<meta property="article:modified_time" content="2023-03-22T17:52:04+00:00">"#))
        #expect(modifiedOnly.published?.hasPrefix("2023-03-22") == true)
        let both = try extractor.extract(
            html(
                body,
                head:
                    #"<meta name="published" content="July 17, 2025"><meta property="article:modified_time" "#
                    + #"content="2025-09-01T00:00:00Z">"#
            ))
        #expect(both.published?.hasPrefix("2025-07-17") == true)
    }

    @Test func titlesLoseTheSiteNameWhereverItIsRepeated() throws {
        let body = "<p>" + String(repeating: "Words of the page body. ", count: 10) + "</p>"
        let forum = try extractor.extract(
            html(
                "<h1>Tips from a first visitor - Japan Forum</h1>" + body,
                head: "<title>Tips from a first visitor - Japan Forum</title>"))
        #expect(forum.title == "Tips from a first visitor")
        let university = try extractor.extract(
            html(body, head: "<title>Coffee - University of Wisconsin-Stevens Point</title>"))
        #expect(university.title == "Coffee")
    }

    @Test func contentShippedHiddenForScriptsToRevealIsRead() throws {
        let story = String(
            repeating: "The council met on Tuesday and voted for the new bridge, after a long debate. ", count: 6)
        let page = try extractor.extract(
            html(
                "<nav><a href=\"/\">Home</a></nav><div style=\"display: none\"><article><p>\(story)</p></article></div>"
            ))
        #expect(page.text.contains("voted for the new bridge"))
        // A hidden box beside visible content stays out.
        let visible = try extractor.extract(
            html(
                "<article><p>\(story)</p></article><div hidden><p>A hidden promotion for something else "
                    + "entirely.</p></div>"
            ))
        #expect(!visible.text.contains("promotion"))
    }

    @Test func anAppShellHasNoTextButKeepsItsDescription() throws {
        let shell = try extractor.extract(
            html(
                "<div id=\"root\"></div><script>boot()</script>",
                head: "<title>Keyboard</title><meta name=\"description\" content=\"Smarter shopping!\">"))
        #expect(shell.text.isEmpty)
        #expect(shell.description == "Smarter shopping!")
        #expect(shell.title == "Keyboard")
    }

    @Test func readsBylinesAndTeasersOfAnyWording() throws {
        let text =
            "Titre\n\nTitre\n\n2024-02-01 10:00:00\n\nPar Ann Lee et Bo Chen\n\n"
            + "Le premier paragraphe du texte, qui parle de choses et d'autres.\n\n"
            + "Lisez encore\u{00A0} Un autre article sans rapport avec celui-ci\n\n"
            + "Le second paragraphe du texte, qui continue le propos.\n\n"
            + "Voir aussi Encore un autre titre d'article\n\n"
            + "Voir aussi Et un dernier titre\n\n"
            + "La fin du texte, enfin.\n\nPartager\nCommenter\n"
        let record = try extractor.extract(RawPage(id: "fr", body: Array(text.utf8), format: .text))
        #expect(record.authors == ["Ann Lee et Bo Chen"] || record.authors == ["Ann Lee", "Bo Chen"])
        #expect(
            record.text.components(separatedBy: "\n\n") == [
                "Le premier paragraphe du texte, qui parle de choses et d'autres.",
                "Le second paragraphe du texte, qui continue le propos.",
                "La fin du texte, enfin.",
            ])
    }

    @Test func tellsLanguagesFromTheText() throws {
        let french =
            "Le président a rencontré les ministres dans la ville pour parler de la paix et de l'économie du pays."
        let record = try extractor.extract(RawPage(id: "fr", body: Array(french.utf8), format: .text))
        #expect(record.language == "fr" || record.text.isEmpty)
        #expect(
            LanguageDetector.detect(
                "Президент встретился с министрами в городе, чтобы обсудить мир и экономику.", declared: "en") == "ru")
        #expect(LanguageDetector.detect("대통령은 평화와 경제에 대해 논의하기 위해 도시에서 장관들을 만났습니다.", declared: nil) == "ko")
        // A few headlines barely tell English from Portuguese ("a" is both): the declaration decides.
        let headlines = "NASA lost a lunar spacecraft one day after launch. A new report details what went wrong"
        #expect(LanguageDetector.detect(headlines, declared: "en") == "en")
        // A wrong declaration does not outweigh the text.
        let english =
            "The council said that the bridge would be closed for the winter, and that the ferry was to run again."
        #expect(LanguageDetector.detect(english, declared: "pt") == "en")
    }

    @Test(arguments: [
        ("", ExtractionError.Code.empty),
        ("   \n\t ", .empty),
        ("\u{0}\u{1}\u{2}PNG\u{0}\u{0}\u{3}\u{4}", .binary),
    ])
    func refusesWhatIsNotAPage(body: String, code: ExtractionError.Code) {
        let error = #expect(throws: ExtractionError.self) {
            try extractor.extract(RawPage(id: "bad", body: Array(body.utf8)))
        }
        #expect(error?.code == code)
        #expect(error?.pageID == "bad")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func randomAndCompressedBytesAreBinaryNotGarbageText(seed: UInt64) throws {
        // What an image or a deflate stream holds: bytes with no pattern, in any declared charset.
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<50_000).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
        for format in [RawPage.Format.html, .text, .unknown] {
            for charset in [nil, "windows-1252", "utf-8"] as [String?] {
                let error = #expect(throws: ExtractionError.self) {
                    try extractor.extract(RawPage(id: "noise", body: bytes, format: format, charset: charset))
                }
                #expect(error?.code == .binary, "\(format) \(charset ?? "no charset")")
            }
        }
        // Text in UTF-16 is full of NUL bytes and still text.
        let utf16: [UInt8] =
            [0xFF, 0xFE]
            + Array("<p>Le conseil a dit que le pont serait fermé cet hiver.</p>".utf16).flatMap {
                [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]
            }
        let record = try extractor.extract(RawPage(id: "utf16", body: utf16, format: .html))
        #expect(record.text.contains("pont serait fermé"))
    }

    @Test func refusesAPageOverTheLimit() {
        let small = Extractor(maximumPageBytes: 10)
        let error = #expect(throws: ExtractionError.self) {
            try small.extract(RawPage(id: "big", body: Array(repeating: UInt8(ascii: "a"), count: 11)))
        }
        #expect(error?.code == .tooLarge)
    }

    @Test func invalidUTF8IsReadNotRefused() throws {
        var body = Array("<p>Caf".utf8)
        body += [0xE9, 0xFF, 0xC3]
        body += Array(" au lait, une boisson chaude que les gens aiment le matin.</p>".utf8)
        let record = try extractor.extract(RawPage(id: "latin1", body: body, format: .html))
        #expect(record.text.contains("au lait"))
    }

    @Test func survivesDeepNestingAndUnclosedMarkup() throws {
        let deep = String(repeating: "<div>", count: 100_000) + "<p>Deep text inside many divs, still found.</p>"
        let record = try extractor.extract(RawPage(id: "deep", body: Array(deep.utf8), format: .html))
        #expect(record.text.contains("Deep text"))
        // A stray "</p>" at the depth limit once recursed without end.
        let stray =
            String(repeating: "<div>", count: 1000) + String(repeating: "</p>", count: 10) + "<p>After the strays.</p>"
        #expect(
            try extractor.extract(RawPage(id: "stray", body: Array(stray.utf8), format: .html)).text.contains(
                "After the strays"))
        let broken = "<p>Open <b>bold <i>italic <!-- never closed comment <script>var x = '</p>'"
        _ = try? extractor.extract(RawPage(id: "broken", body: Array(broken.utf8), format: .html))
    }

    @Test func sniffsTheFormatWhenNotDeclared() {
        #expect(Extractor.sniff(Array("<!doctype html><p>x</p>".utf8)) == .html)
        #expect(Extractor.sniff(Array("Just a line of text.\n\nAnother.".utf8)) == .text)
    }
}

/// The links a record carries: resolved against the page's base, told by where they stand.
@Suite struct ExtractedLinksTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><base href="/news/"></head><body>
        <header><a href="/">Home</a><a href="/world/">World</a></header>
        <nav><a href="/sport/">Sport</a></nav>
        <main><article><h1>Rivers rise after the storm</h1>
        <p>The river rose two metres overnight, <a href="https://Water.example.org/levels?r=9#now">gauges show</a>,
        and the town's <a href="council/statement.html">council said</a> it would open shelters at dawn. Residents
        of the low streets were asked to leave before the next high tide, which forecasters expect by noon.</p>
        <p>Engineers checked the old bridge, which <a href="council/statement.html"><img src="x.png"></a> held.
        More rain is due on <a href="#weekend">Saturday</a>, <a href="javascript:void(0)">share</a>, and the
        <a href="mailto:desk@example.com">news desk</a> asks for photographs of flooded roads and fields.</p>
        </article></main>
        <aside><a href="/popular/1.html">Most read</a></aside>
        <footer><a href="/about">About us</a></footer>
        </body></html>
        """

    func record(_ kinds: Set<PageLink.Kind>) throws -> PageRecord {
        try Extractor(linkKinds: kinds).extract(
            RawPage(
                id: "links", url: "https://example.com/2024/story.html", body: Array(Self.page.utf8), format: .html))
    }

    @Test func theContentsLinksByDefault() throws {
        let links = try record([.content]).links
        #expect(
            links == [
                PageLink(url: "https://water.example.org/levels?r=9", text: "gauges show", kind: .content),
                PageLink(url: "https://example.com/news/council/statement.html", text: "council said", kind: .content),
            ])
    }

    @Test func everyLinkWhenAskedEachURLOnce() throws {
        let links = try record(Set(PageLink.Kind.allCases)).links
        let byURL = Dictionary(uniqueKeysWithValues: links.map { ($0.url, $0.kind) })
        #expect(byURL["https://example.com/"] == .navigation)
        #expect(byURL["https://example.com/world/"] == .navigation)
        #expect(byURL["https://example.com/sport/"] == .navigation)
        #expect(byURL["https://example.com/about"] == .navigation)
        #expect(byURL["https://example.com/popular/1.html"] == .boilerplate)
        #expect(byURL["https://example.com/news/council/statement.html"] == .content)
        #expect(links.count == 7, "\(links)")
        #expect(try record([]).links.isEmpty)
    }
}
