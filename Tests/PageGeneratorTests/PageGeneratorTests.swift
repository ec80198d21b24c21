import Testing
@testable import PageGenerator

@Suite struct PageGeneratorTests {
    @Test func theSameSeedWritesTheSamePages() {
        let first = PageGenerator(seed: 42), second = PageGenerator(seed: 42), other = PageGenerator(seed: 43)
        #expect(first.page(7).body == second.page(7).body)
        #expect(first.page(7).body != other.page(7).body)
    }

    @Test func pagesSpanSizesLanguagesAndFormats() {
        let generator = PageGenerator(seed: 1)
        let pages = (0..<200).map(generator.page)
        #expect(pages.allSatisfy { (4_000...220_000).contains($0.body.count) })
        #expect(Set(pages.map(\.language)).count == 5)
        #expect(pages.contains { $0.isHTML } && pages.contains { !$0.isHTML })
        #expect(pages.contains { $0.body.count > 100_000 } && pages.contains { $0.body.count < 10_000 })
        let html = String(decoding: pages.first { $0.isHTML }!.body, as: UTF8.self)
        for furniture in ["cookie", "<nav", "application/ld+json", "og:title", "share", "comments", "<footer"] {
            #expect(html.contains(furniture), "no \(furniture)")
        }
    }
}
