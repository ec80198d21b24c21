/// Writes one scraped page of a site: its lines and their truth.
struct ScrapedPageWriter {
    let vocabulary: SiteVocabulary
    let style: SiteStyle
    var random: SeededRandom

    struct Written {
        var text: String
        var title: String
        var published: String?
        var author: String?
        var body: [String]
        var tags: [String]
    }

    private static let names = [
        "Anna Kowalska", "Jean Martin", "Lena Fischer", "Marco Rossi", "Sofia Pereira", "Eva Novak", "Ivan Petrov",
        "Emre Yilmaz", "Dewi Lestari", "Nguyen Van An", "Karin Berg", "Mikko Virtanen", "Zsofia Nagy", "Andrei Popescu",
        "Carmen Ruiz", "Pieter de Vries", "Olena Shevchenko", "Tom Walker",
    ]

    private var isCJK: Bool { vocabulary.language == "ja" || vocabulary.language == "zh" }

    mutating func write() -> Written {
        var lines: [String] = []
        let title = sentence(words: 6...11, end: "")
        if style.cookieAtTop { lines.append(vocabulary.cookie) }
        lines.append(title)
        if style.titleTwice { lines.append(title) }
        let (dateLine, published) = date()
        let author = style.byline ? Self.names[Int(random.next() % UInt64(Self.names.count))] : nil
        let bylineLine = author.map { "\(vocabulary.by) \($0)" }
        if style.bylineBeforeDate, let bylineLine { lines.append(bylineLine) }
        lines.append(dateLine)
        if !style.bylineBeforeDate, let bylineLine { lines.append(bylineLine) }
        let body = paragraphs()
        lines += interleave(body)
        let tags = (0..<(2 + Int(random.next() % 3))).map { _ in pick(vocabulary.words).lowercased() }
        lines += ending(tags: tags)
        return Written(
            text: lines.joined(separator: "\n\n") + "\n", title: title, published: published, author: author,
            body: body, tags: style.hashtags ? tags : [])
    }

    /// 4 to 9 paragraphs of 1 to 5 sentences, with a subheading now and then.
    private mutating func paragraphs() -> [String] {
        var body: [String] = []
        for index in 0..<(4 + Int(random.next() % 6)) {
            if index > 0, chance(0.15) { body.append(sentence(words: 3...7, end: "")) }
            let sentences = (0..<(1 + Int(random.next() % 5))).map { _ in
                sentence(words: 7...22, end: chance(0.1) ? (isCJK ? "？" : "?") : (isCJK ? "。" : "."))
            }
            body.append(sentences.joined(separator: isCJK ? "" : " "))
        }
        return body
    }

    /// The body with teasers and, on some sites, the newsletter box between its paragraphs.
    private mutating func interleave(_ body: [String]) -> [String] {
        var lines: [String] = []
        var teasers = Int(random.next() % 4)
        for (index, paragraph) in body.enumerated() {
            lines.append(paragraph)
            guard index + 1 < body.count else { break }
            if teasers > 0, chance(0.4) {
                lines.append(style.teaserLead + style.teaserSeparator + sentence(words: 5...10, end: ""))
                teasers -= 1
            }
            if style.newsletterInside, index == body.count / 2 { lines += vocabulary.newsletter }
        }
        return lines
    }

    private mutating func ending(tags: [String]) -> [String] {
        var lines: [String] = []
        if style.hashtags { lines.append(tags.map { "#" + $0 }.joined(separator: " ")) }
        if style.timestamp { lines.append(String(1_600_000_000 + Int(random.next() % 100_000_000))) }
        if style.newsletterAtEnd { lines += vocabulary.newsletter }
        if style.shareOneLine {
            lines.append(vocabulary.share.joined(separator: " | "))
        } else {
            lines += vocabulary.share
        }
        if style.comments { lines += vocabulary.comments }
        if style.rights { lines.append(vocabulary.rights.replacingOccurrences(of: "{y}", with: "2024")) }
        if style.cookieAtEnd { lines.append(vocabulary.cookie) }
        return lines
    }

    /// The date line in the site's format, and the truth to the second.
    private mutating func date() -> (String, String) {
        let year = 2019 + Int(random.next() % 7), month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 28)
        let hour = Int(random.next() % 24), minute = Int(random.next() % 60), second = Int(random.next() % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        var line = style.dateFormat
        let fields: [(String, String)] = [
            ("{d}", String(day)), ("{m}", two(month)), ("{M}", vocabulary.months[month - 1]), ("{y}", String(year)),
            ("{H}", two(hour)), ("{h}", String(hour12)), ("{i}", two(minute)), ("{s}", two(second)),
            ("{p}", hour < 12 ? "AM" : "PM"),
        ]
        for (field, value) in fields { line = line.replacingOccurrences(of: field, with: value) }
        let seconds = style.dateFormat.contains("{s}") ? two(second) : "00"
        return (line, "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(seconds)")
    }

    private mutating func sentence(words range: ClosedRange<Int>, end: String) -> String {
        let count = range.lowerBound + Int(random.next() % UInt64(range.count))
        var words = (0..<count).map { _ in pick(vocabulary.words) }
        if let first = words.first { words[0] = first.prefix(1).uppercased() + first.dropFirst() }
        return words.joined(separator: isCJK ? "" : " ") + end
    }

    private mutating func pick(_ words: [String]) -> String { words[Int(random.next() % UInt64(words.count))] }

    private mutating func chance(_ share: Double) -> Bool { Double(random.next() % 1000) / 1000 < share }
}
