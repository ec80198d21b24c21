/// Writes one synthetic article, as HTML or as scraped text.
struct ArticleWriter {
    let vocabulary: Vocabulary
    var random: SeededRandom
    let index: Int

    init(vocabulary: Vocabulary, random: SeededRandom, index: Int) {
        self.vocabulary = vocabulary
        self.random = random
        self.index = index
    }

    mutating func sentence(words range: ClosedRange<Int>, period: Bool = true) -> String {
        let count = range.lowerBound + Int(random.next() % UInt64(range.count))
        var words: [String] = []
        for _ in 0..<count { words.append(random.pick(vocabulary.words)) }
        var text = words.joined(separator: " ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        return period ? text + "." : text
    }

    mutating func paragraph() -> String {
        (0..<(2 + Int(random.next() % 5))).map { _ in sentence(words: 8...22) }.joined(separator: " ")
    }

    mutating func date() -> (day: String, time: String) {
        let year = 2015 + Int(random.next() % 10)
        let month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 28)
        let hour = Int(random.next() % 24), minute = Int(random.next() % 60), second = Int(random.next() % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return ("\(year)-\(two(month))-\(two(day))", "\(two(hour)):\(two(minute)):\(two(second))")
    }

    mutating func html(title: String, targetBytes: Int) -> String {
        let (day, time) = date()
        let author = sentence(words: 2...2, period: false)
        let tags = (0..<3).map { _ in random.pick(vocabulary.words) }
        let url = "https://news.example/\(vocabulary.language)/\(day)/article-\(index)"
        var head = """
            <!DOCTYPE html>
            <html lang="\(vocabulary.language)"><head><meta charset="utf-8">
            <title>\(title) | Example News</title>
            <meta name="description" content="\(sentence(words: 10...16))">
            <meta property="og:title" content="\(title)">
            <meta property="og:site_name" content="Example News">
            <meta property="og:image" content="https://news.example/images/\(index).jpg">
            <meta property="article:published_time" content="\(day)T\(time)+02:00">
            <meta name="keywords" content="\(tags.joined(separator: ", "))">
            <link rel="canonical" href="\(url)">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",\
            "headline":"\(title)",\
            "author":{"@type":"Person","name":"\(author)"},"datePublished":"\(day)T\(time)+02:00",\
            "publisher":{"@type":"Organization","name":"Example News"}}</script>
            <style>body{font-family:sans-serif}.nav a{margin:4px}</style>
            <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>
            </head><body>
            <div id="cookie-banner" class="cookie-consent"><p>\(vocabulary.cookie)</p><button>OK</button></div>
            <header class="site-header"><nav class="nav"><ul>
            """
        for _ in 0..<8 {
            head +=
                "<li><a href=\"/section/\(random.pick(vocabulary.words))\">\(random.pick(vocabulary.words))</a></li>"
        }
        head += "</ul></nav></header>\n<main><article>\n<h1>\(title)</h1>\n"
        head += "<p class=\"byline\">\(author) · <time datetime=\"\(day)T\(time)+02:00\">\(day)</time></p>\n"
        head +=
            "<div class=\"share-buttons\">" + vocabulary.share.map { "<a href=\"#\">\($0)</a>" }.joined() + "</div>\n"
        var tail = "</article></main>\n<aside class=\"sidebar\"><h3>\(vocabulary.readMore)</h3><ul>"
        for _ in 0..<5 {
            tail += "<li><a href=\"/a/\(random.next() % 100_000)\">\(sentence(words: 5...9, period: false))</a></li>"
        }
        tail += "</ul></aside>\n<section id=\"comments\" class=\"comments\"><h3>\(vocabulary.comment)</h3>"
        tail += "<form><textarea name=\"c\"></textarea><button>Send</button></form></section>\n"
        tail += "<div class=\"newsletter\"><p>\(sentence(words: 8...12))</p></div>\n"
        tail += "<footer><p>© Example News</p><a href=\"/privacy\">Privacy</a></footer>\n</body></html>\n"
        var body = ""
        var paragraphs = 0
        while head.utf8.count + body.utf8.count + tail.utf8.count < targetBytes || paragraphs < 2 {
            paragraphs += 1
            if paragraphs % 6 == 0 { body += "<h2>\(sentence(words: 4...8, period: false))</h2>\n" }
            if paragraphs % 4 == 0 {
                body +=
                    "<div class=\"related-teaser\"><a href=\"/r/\(random.next() % 1000)\">\(vocabulary.readMore) "
                    + "\(sentence(words: 5...9, period: false))</a></div>\n"
            }
            body += "<p>\(paragraph())</p>\n"
        }
        return head + body + tail
    }

    mutating func plainText(title: String, targetBytes: Int) -> String {
        let (day, time) = date()
        var text = "\(title)\n\n\(title)\n\n\(day) \(time)\n\n"
        var paragraphs = 0
        while text.utf8.count < targetBytes - 300 || paragraphs < 2 {
            paragraphs += 1
            text += paragraph() + "\n\n"
            if paragraphs % 3 == 0 { text += "\(vocabulary.readMore)  \(sentence(words: 5...10, period: false))\n\n" }
        }
        let tags = (0..<4).map { _ in "#" + random.pick(vocabulary.words) }
        text += "\n\n" + tags.joined(separator: " ") + "\n\(1_500_000_000 + Int(random.next() % 200_000_000))\n\n"
        text += vocabulary.share.joined(separator: "\n") + "\n\n\(vocabulary.comment)\n\n"
        text += "This site uses Akismet to reduce spam. Learn how your comment data is processed.\n"
        return text
    }
}
