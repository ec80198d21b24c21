import Testing
@testable import Extraction

@Suite struct DateTextTests {
    /// ISO 8601 and RFC 3339, with and without time, seconds, fractions and offsets.
    @Test(arguments: [
        ("2023-09-13 22:20:04", "2023-09-13T22:20:04"),
        ("2024-03-01T08:00:00+01:00", "2024-03-01T08:00:00+01:00"),
        ("2023-09-12T14:05:00.123Z", "2023-09-12T14:05:00+00:00"),
        ("2023-09-12T14:05-04:00", "2023-09-12T14:05-04:00"),
        ("2023-09-12", "2023-09-12"),
        ("2025/12/17", "2025-12-17"),
        ("2023.09.12 14:05", "2023-09-12T14:05"),
    ])
    func readsISO8601(text: String, iso: String) {
        #expect(DateText.read(text) == iso)
    }

    /// RFC 1123/2822, as HTTP headers and feeds write them.
    @Test(arguments: [
        ("Tue, 12 Sep 2023 14:05:00 GMT", "2023-09-12T14:05:00+00:00"),
        ("Tue, 12 Sep 2023 14:05:00 +0200", "2023-09-12T14:05:00+02:00"),
        ("12 Sep 2023 14:05 EDT", "2023-09-12T14:05-04:00"),
    ])
    func readsRFC2822(text: String, iso: String) {
        #expect(DateText.read(text) == iso)
    }

    /// Month names, their abbreviations and declined forms, in many languages.
    @Test(arguments: [
        ("September 12, 2023 at 2:05 PM", "en", "2023-09-12T14:05"),
        ("Published on July 18, 2025", "en", "2025-07-18"),
        ("Dec 17th 2025", "en", "2025-12-17"),
        ("12 septembre 2023 à 14h05", "fr", "2023-09-12T14:05"),
        ("le 3 mars 2024 à 10h", "fr", "2024-03-03T10:00"),
        ("mardi 12 sept. 2023", "fr", "2023-09-12"),
        ("12. September 2023 um 14:05 Uhr", "de", "2023-09-12T14:05"),
        ("Dienstag, 12. Sept. 2023", "de", "2023-09-12"),
        ("12 de setembro de 2023", "pt", "2023-09-12"),
        ("4 de agosto de 2021", "es", "2021-08-04"),
        ("12 settembre 2023 alle 14:05", "it", "2023-09-12T14:05"),
        ("12 september 2023 om 14:05", "nl", "2023-09-12T14:05"),
        ("12 września 2023 r., godz. 14:05", "pl", "2023-09-12T14:05"),
        ("12. září 2023", "cs", "2023-09-12"),
        ("12. septembra 2023", "sk", "2023-09-12"),
        ("2023. szeptember 12. 14:05", "hu", "2023-09-12T14:05"),
        ("12 septembrie 2023", "ro", "2023-09-12"),
        ("12 september 2023 kl. 14.05", "sv", "2023-09-12T14:05"),
        ("12. syyskuuta 2023 klo 14.05", "fi", "2023-09-12T14:05"),
        ("12 Eylül 2023 14:05", "tr", "2023-09-12T14:05"),
        ("12 September 2023", "id", "2023-09-12"),
        ("ngày 12 tháng 9 năm 2023", "vi", "2023-09-12"),
        ("12 сентября 2023 г., 14:05", "ru", "2023-09-12T14:05"),
        ("12 вересня 2023 року", "uk", "2023-09-12"),
        ("12 септември 2023", "bg", "2023-09-12"),
        ("12 Σεπτεμβρίου 2023", "el", "2023-09-12"),
        ("2023 m. rugsėjo 12 d.", "lt", "2023-09-12"),
        ("12. rujna 2023.", "hr", "2023-09-12"),
        ("12 de setembre de 2023", "ca", "2023-09-12"),
        ("١٢ سبتمبر ٢٠٢٣", "ar", "2023-09-12"),
        ("12 सितंबर 2023", "hi", "2023-09-12"),
    ])
    func readsMonthNames(text: String, language: String, iso: String) {
        #expect(DateText.read(text, language: language) == iso, "\(language): \(text)")
    }

    /// Chinese, Japanese and Korean dates, and their clocks.
    @Test(arguments: [
        ("2023年9月12日 14:05", "2023-09-12T14:05"),
        ("2023年09月12日 下午2:05", "2023-09-12T14:05"),
        ("2023年9月12日 14時05分", "2023-09-12T14:05"),
        ("2023년 9월 12일 오후 2:05", "2023-09-12T14:05"),
    ])
    func readsCJKDates(text: String, iso: String) {
        #expect(DateText.read(text) == iso)
    }

    /// Numeric dates: a value no month has tells the order; else the page's language; else none.
    @Test func tellsNumericOrdersApartOrLeavesThemOut() {
        #expect(DateText.read("25/12/2023") == "2023-12-25")
        #expect(DateText.read("12/25/2023") == "2023-12-25")
        #expect(DateText.read("02.12.2025") == "2025-12-02", "dotted dates are day first")
        #expect(DateText.read("03/04/2023", language: "en-US") == "2023-03-04")
        #expect(DateText.read("03/04/2023", language: "fr") == "2023-04-03")
        #expect(DateText.read("03/04/2023", language: "en-GB") == "2023-04-03")
        #expect(DateText.read("03/04/2023") == nil, "ambiguous without a language")
        #expect(DateText.read("03/04/2023", language: "en") == nil, "English of no region writes both")
        #expect(DateText.read("31/02/2023") == nil, "no such day")
    }

    @Test func readsUnixTimestamps() {
        #expect(DateText.read("1694634934") == "2023-09-13T19:55:34+00:00")
        #expect(DateText.read("1694634934000") == "2023-09-13T19:55:34+00:00")
        #expect(DateText.read("1234") == nil)
    }

    @Test(arguments: [
        "© 2024 Example Inc.", "Call 555 1234", "2 hours ago", "vor 3 Stunden", "il y a 2 jours", "hier à 14h05",
        "Chapter 12 of 2023 pages", "12:30 - 13:30",
    ])
    func leavesWhatIsNoDateAlone(text: String) {
        #expect(DateText.read(text) == nil, "\(text)")
    }

    @Test func aDateLineIsADateAndLittleElse() {
        #expect(DateText.dateLine("Mardi 12 septembre 2023, 14:05") == "2023-09-12T14:05")
        #expect(DateText.dateLine("Published: 12.09.2023 | Updated: 13.09.2023") == "2023-09-12")
        #expect(
            DateText.dateLine("The council met on 12 September 2023 to discuss the bridge and the ferry services.")
                == nil)
    }

    @Test func findsDatesInAddresses() {
        #expect(DateText.fromURL("https://x.example/2019/11/19/story.html") == "2019-11-19")
        #expect(DateText.fromURL("https://x.example/news/story-42") == nil)
    }

    @Test func countsDaysBetweenDates() {
        #expect(DateText.daysBetween("2025-12-18", "2025-12-19T02:41:41+00:00") == 1)
        #expect(DateText.daysBetween("2024-02-28", "2024-03-01") == 2)
        #expect(DateText.daysBetween("2023-12-31", "2024-01-01") == 1)
    }
}

@Suite struct LongDateTextTests {
    /// A long text (a byline box holding a bio) is first read from its opening tokens: the date
    /// is the same as when the whole text is tokenized, early, late, or with its time cut off
    /// by the first reading's end.
    @Test func longTextsGiveTheDateTheWholeTextGives() {
        let filler = String(repeating: "writes about science and the sea for the paper ", count: 12)
        #expect(DateText.read("By Ann Lee, 12 September 2023 14:05. " + filler) == "2023-09-12T14:05")
        #expect(DateText.read(filler + "Updated 3 March 2024 at 9:15") == "2024-03-03T09:15")
        #expect(DateText.read(filler) == nil)
        // A date whose time lies past the opening tokens.
        let words = Array(repeating: "x", count: 90).joined(separator: " ")
        #expect(DateText.read(words + " 12 September 2023 14:05 " + filler) == "2023-09-12T14:05")
    }
}
