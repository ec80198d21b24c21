import PageModel
import Testing
@testable import Extraction

/// Scraped text from sites unlike the shared samples: furniture told by shape and position, and
/// by repetition across a site's pages.
@Suite struct ScrapedTextTests {
    static let story = [
        "Rada miasta poinformowała we wtorek, że stary most na rzece pozostanie zamknięty przez całą zimę.",
        "Inżynierowie sprawdzą kamienie, a prom znowu będzie kursował co godzinę, jak przed remontem.",
        "Mieszkańcy mogą korzystać z objazdu przez nowy most, który otwarto w zeszłym roku po dwóch latach budowy.",
    ]

    static func page(box: Bool, number: Int = 0) -> String {
        let story = number == 0 ? story : story.map { "Odcinek \(number): " + $0 }
        var lines = [
            "Ta strona korzysta z plików cookie. Korzystając ze strony, wyrażasz zgodę na ich użycie.",
            "Most zamknięty na zimę", "Autor: Anna Kowalska", "12 września 2023 r., godz. 14:05", story[0],
            "CZYTAJ WIĘCEJ | Nowy rozkład jazdy promu od poniedziałku", story[1],
        ]
        if box { lines += ["Zapisz się do newslettera", "Najważniejsze wiadomości codziennie rano.", "Zapisz się"] }
        lines += [
            story[2], "Facebook", "Twitter", "Udostępnij", "Dodaj komentarz",
            "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *", "Komentarz *",
            "Zapisz moje dane w tej przeglądarce podczas pisania kolejnych komentarzy.", "Opublikuj komentarz",
            "© 2024 Gazeta Poranna. Wszelkie prawa zastrzeżone.",
        ]
        return lines.joined(separator: "\n\n")
    }

    @Test func furnitureIsToldByShapeAndPosition() throws {
        let record = try Extractor().extract(RawPage(id: "p", body: Array(Self.page(box: false).utf8), format: .text))
        #expect(record.title == "Most zamknięty na zimę")
        #expect(record.authors == ["Anna Kowalska"])
        #expect(record.published == "2023-09-12T14:05")
        #expect(record.text.components(separatedBy: "\n\n") == Self.story)
        #expect(record.language == "pl")
    }

    @Test func aBoxASitePrintsOnEveryPageIsLearnedFromItsPages() throws {
        let pages = (0..<4).map {
            RawPage(id: "site/\($0).txt", body: Array(Self.page(box: true, number: $0).utf8), format: .text)
        }
        let alone = try Extractor().extract(pages[0])
        #expect(
            alone.text.contains("Najważniejsze wiadomości"), "shape alone cannot tell a box's pitch from a paragraph")
        var site = SiteBoilerplate()
        for page in pages { site.learn(from: page) }
        let learned = try Extractor().extract(pages[0], site: site)
        #expect(learned.text.components(separatedBy: "\n\n") == Self.story)
        #expect(SiteBoilerplate.site(of: pages[0]) == "site/")
        // The same story at four addresses is a copy, not furniture: it keeps its text.
        var copies = SiteBoilerplate()
        let copy = RawPage(id: "c.txt", body: Array(Self.page(box: false).utf8), format: .text)
        for _ in 0..<4 { copies.learn(from: copy) }
        #expect(try Extractor().extract(copy, site: copies).text.components(separatedBy: "\n\n") == Self.story)
        #expect(SiteBoilerplate.site(of: RawPage(id: "x", url: "https://News.example/a/b", body: [])) == "news.example")
    }

    @Test func listsQuestionsAndClosingWordsStayTheArticles() throws {
        let text = [
            "Questions to ask before you renovate", "2024-02-17 19:03:30", Self.story[0],
            "Here are some questions to ask yourself:", "Will the upgrades stay within what is normal nearby?",
            "How long do I plan to stay in this house?", "- Get three quotes", "- Check the permits", "Good luck!",
        ].joined(separator: "\n\n")
        let record = try Extractor().extract(RawPage(id: "q", body: Array(text.utf8), format: .text))
        #expect(record.text.hasSuffix("- Check the permits\n\nGood luck!"), "\(record.text)")
    }

    @Test func aTextGivenWithoutItsTitleKeepsItsFirstParagraph() throws {
        // An article body as a dataset gives it: the first line is the lead, not a title.
        let body = Self.story.joined(separator: "\n\n")
        let record = try Extractor().extract(RawPage(id: "b", body: Array(body.utf8), format: .text))
        #expect(record.text.components(separatedBy: "\n\n") == Self.story)
        #expect(record.title == nil)
        // A title is seldom a long sentence closed by a full stop; a short one still is a title.
        let titled = (["Most zamknięty na zimę."] + Self.story).joined(separator: "\n\n")
        let withTitle = try Extractor().extract(RawPage(id: "t", body: Array(titled.utf8), format: .text))
        #expect(withTitle.title == "Most zamknięty na zimę.")
        #expect(withTitle.text.components(separatedBy: "\n\n") == Self.story)
    }

    /// A paragraph whose last sentence ends inside quotation marks (`… "slightly high."`) ends
    /// as a sentence: the paragraph before it is no notice to skip, nor is it a title.
    @Test func aParagraphClosedInsideQuotationMarksEndsAsASentence() throws {
        let story = [
            "The harbour board said on Monday that the old ferry would keep running through the whole winter.",
            "\"We have enough crew for every crossing,\" the board's chair told the meeting. She called the fares "
                + "\"slightly high.\"",
            "The new timetable starts next week.",
        ]
        let record = try Extractor().extract(
            RawPage(id: "q", body: Array(story.joined(separator: "\n\n").utf8), format: .text))
        #expect(record.text.components(separatedBy: "\n\n") == story)
        #expect(record.title == nil)
    }
}
