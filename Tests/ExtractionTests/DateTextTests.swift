import Testing
@testable import Extraction

@Suite struct DateTextTests {
    @Test(arguments: [
        ("2023-09-13 22:20:04", "2023-09-13T22:20:04"),
        ("2024-03-01T08:00:00+01:00", "2024-03-01T08:00:00+01:00"),
        ("Feb 08, 2022", "2022-02-08"),
        ("Published on July 18, 2025", "2025-07-18"),
        ("17 December 2025", "2025-12-17"),
        ("Dec 17th 2025", "2025-12-17"),
        ("02.12.2025", "2025-12-02"),
        ("2025/12/17", "2025-12-17"),
        ("le 3 mars 2024 à 10h", "2024-03-03"),
        ("4 de agosto de 2021", "2021-08-04"),
    ])
    func readsCommonNotations(text: String, iso: String) {
        #expect(DateText.normalize(text) == iso)
    }

    @Test func findsNoDateWhereThereIsNone() {
        #expect(DateText.normalize("© 2024 Example Inc.") == nil)
        #expect(DateText.normalize("Call 555 1234") == nil)
    }

    @Test func readsDatesInAddresses() {
        #expect(DateText.fromURL("https://x.example/2019/11/19/story.html") == "2019-11-19")
        #expect(DateText.fromURL("https://x.example/news/story-42") == nil)
    }

    @Test func countsDaysBetweenDates() {
        #expect(DateText.daysBetween("2025-12-18", "2025-12-19T02:41:41+00:00") == 1)
        #expect(DateText.daysBetween("2024-02-28", "2024-03-01") == 2)
        #expect(DateText.daysBetween("2023-12-31", "2024-01-01") == 1)
    }
}
