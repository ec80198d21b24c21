import Foundation
import PageModel
import Testing

@testable import Enrichment

struct KeywordExtractorTests {
    static let article = """
        Harbour Authority approves the Kestrel Bay container terminal

        The Harbour Authority approved on Tuesday the new container terminal at Kestrel Bay, \
        after two years of hearings. The container terminal will double the port's capacity.

        Fishermen at Kestrel Bay said the container terminal would close their moorings. The \
        Harbour Authority promised new moorings north of the terminal, and a fund for the fishermen.

        Building starts in spring. The Harbour Authority expects the first ships at Kestrel Bay in \
        three years, when the container terminal opens.
        """

    @Test func theRepeatedNamesAndTopicsAreTheKeyPhrases() {
        let keywords = KeywordExtractor().keywords(of: Self.article, language: "en").map { $0.phrase.lowercased() }
        #expect(keywords.count == 10, "\(keywords)")
        for expected in ["kestrel bay", "harbour authority", "container terminal"] {
            #expect(keywords.prefix(5).contains(expected), "\(expected) not in \(keywords)")
        }
    }

    @Test func phrasesNeitherStartNorEndWithAFunctionWordNorCrossPunctuation() {
        let english = FunctionWords.of("en")
        let keywords = KeywordExtractor(count: 40).keywords(of: Self.article, language: "en")
        #expect(keywords.count > 20)
        for keyword in keywords {
            let words = keyword.phrase.lowercased().split(separator: " ")
            for edge in [words.first, words.last].compactMap({ $0 }) {
                let key = TextMeasures.fnv1a(scalars: edge.unicodeScalars)
                #expect(english?.contains(key) == false, "\(keyword.phrase) has a function word at an edge")
            }
            // Words joined by single spaces: found as written only when no punctuation came between.
            #expect(Self.article.contains(keyword.phrase), "\(keyword.phrase) is not written so in the text")
        }
        // Scores ascend: best first.
        #expect(keywords.map(\.score) == keywords.map(\.score).sorted())
    }

    @Test func elidedArticlesAndCliticsAreNotWords() {
        let french = TextWords(ScalarText("L’ONU et l’Ukraine, aujourd’hui."), language: "fr")
        #expect(french.words.count == 5)
        let english = TextWords(ScalarText("Putin’s plan isn't O’Brien's."), language: "en")
        let text = ScalarText("Putin’s plan isn't O’Brien's.")
        let written = english.words.map { String(String.UnicodeScalarView(text.scalars[Int($0.start)..<Int($0.end)])) }
        #expect(written == ["Putin", "plan", "isn", "O’Brien"])
    }

    @Test func sentencesEndAtTerminalsButNotAfterInitials() {
        let words = TextWords(ScalarText("J. R. Smith left. He came back! Did he? Yes"), language: "en")
        #expect(words.sentenceCount == 4)
        #expect(words.words.filter(\.startsSentence).count == 4)
        #expect(words.words.first { $0.startsSentence && $0.start > 0 }.map { $0.start } == 18)
    }

    @Test func theBandedDistanceAgreesWithTheFullOneWithinItsBound() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt32] = Array("abcde ".unicodeScalars.map(\.value))
        for _ in 0..<2000 {
            let first = (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement()! }
            var second = first
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where !second.isEmpty: second.remove(at: Int.random(in: 0..<second.count))
                case 1: second.insert(alphabet.randomElement()!, at: Int.random(in: 0...second.count))
                default: if !second.isEmpty { second[Int.random(in: 0..<second.count)] = alphabet.randomElement()! }
                }
            }
            let full = EditDistance.distance(first, second)
            for bound in 0...5 {
                let banded = EditDistance.distance(first, second, atMost: bound)
                #expect(banded == (full <= bound ? full : nil), "\(first) \(second) bound \(bound)")
            }
            let similar = EditDistance.similarity(first, second, above: 0.9)
            #expect(similar == (EditDistance.similarity(first, second) > 0.9), "\(first) \(second)")
        }
    }

    @Test func anEmptyOrWordlessTextHasNoKeyPhrases() {
        #expect(KeywordExtractor().keywords(of: "", language: "en").isEmpty)
        #expect(KeywordExtractor().keywords(of: "… — 2023 ! ?", language: "en").isEmpty)
        #expect(KeywordExtractor().keywords(of: "the of and to in", language: "en").isEmpty)
    }
}
