import Testing
@testable import Extraction

@Suite struct LanguageDetectorTests {
    /// Bokmål and Nynorsk share most of their words; either is right for Norwegian.
    private static let alsoRight: [String: Set<String>] = ["no": ["nn"]]

    @Test(arguments: LanguageSamples.paragraphs.map(\.code))
    func namesEachLanguageFromOneParagraph(code: String) throws {
        let text = try #require(LanguageSamples.paragraphs.first { $0.code == code }?.text)
        let detected = LanguageDetector.detect(text, declared: nil)
        #expect(
            detected == code || Self.alsoRight[code, default: []].contains(detected ?? ""),
            "\(code): \(detected ?? "none")")
    }

    @Test func aWrongDeclarationDoesNotOutweighTheText() {
        let english = LanguageSamples.paragraphs[0].text
        #expect(LanguageDetector.detect(english, declared: "pt") == "en")
        let czech = LanguageSamples.paragraphs.first { $0.code == "cs" }!.text
        #expect(LanguageDetector.detect(czech, declared: "sk") == "cs")
    }

    @Test func textTooShortToTellKeepsTheDeclarationOrGetsNone() {
        #expect(LanguageDetector.detect("OK", declared: nil) == nil)
        #expect(LanguageDetector.detect("OK", declared: "de-AT") == "de")
        #expect(LanguageDetector.detect("", declared: nil) == nil)
    }

    @Test func mixedTextWithoutAMajorityGetsNoneUnlessDeclared() {
        let english = LanguageSamples.paragraphs.first { $0.code == "en" }!.text
        let german = LanguageSamples.paragraphs.first { $0.code == "de" }!.text
        let mixed = english + " " + german
        let detected = LanguageDetector.detect(mixed, declared: nil)
        #expect(detected == nil || detected == "en" || detected == "de")
        #expect(LanguageDetector.detect(mixed, declared: "de") == "de")
    }

    @Test func oldAndRegionalCodesComeOutAsISO639() {
        let hebrew = LanguageSamples.paragraphs.first { $0.code == "he" }!.text
        #expect(LanguageDetector.detect(hebrew, declared: nil) == "he", "CLD2 says iw")
        #expect(LanguageDetector.detect("大家好", declared: "zh-TW") == "zh")
    }
}
