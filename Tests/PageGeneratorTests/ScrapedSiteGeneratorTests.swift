import PageGenerator
import Testing

@Suite struct ScrapedSiteGeneratorTests {
    let generator = ScrapedSiteGenerator(seed: 5, sites: 30)

    @Test func aPageIsTheSameEveryTime() {
        #expect(generator.page(17).text == generator.page(17).text)
        #expect(generator.page(17).text != generator.page(18).text)
    }

    @Test func pagesComeInManyLanguagesWithTheirTruthInTheText() {
        let pages = (0..<120).map(generator.page)
        #expect(Set(pages.map(\.language)).count >= 15)
        for page in pages {
            #expect(page.text.contains(page.title))
            #expect(page.body.count >= 4)
            for paragraph in page.body { #expect(page.text.contains(paragraph), "\(page.fileName)") }
            #expect(page.published?.count == 19)
        }
    }

    @Test func aSiteKeepsItsFurnitureAcrossItsPages() {
        // Pages 3 and 33 come from site 3: the same last line (its footer, comment form or share bar).
        let first = generator.page(3).text.split(separator: "\n").last
        let second = generator.page(33).text.split(separator: "\n").last
        #expect(first == second)
    }
}
