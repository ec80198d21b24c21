@testable import Enrichment
import PageModel
import Testing

/// MinHash signatures estimate the Jaccard similarity of word shingles.
@Suite struct MinHasherTests {
    static let words = (0..<400).map { "w\($0 * 7919 % 1000)" }

    /// The true Jaccard similarity of two texts' 5-word shingles.
    func jaccard(_ first: [String], _ second: [String]) -> Double {
        func shingles(_ words: [String]) -> Set<String> {
            Set((0...(words.count - 5)).map { words[$0..<$0 + 5].joined(separator: " ") })
        }
        let (a, b) = (shingles(first), shingles(second))
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }

    @Test(arguments: [0, 10, 40, 120, 300])
    func theSignaturesAgreeAboutAsOftenAsTheShinglesDo(changed: Int) {
        var edited = Self.words
        for index in stride(from: 0, to: changed * 1, by: 1) { edited[(index * 37) % edited.count] = "x\(index)" }
        let truth = jaccard(Self.words, edited)
        let hasher = MinHasher.standard
        let estimate = MinHasher.similarity(
            hasher.signature(of: Self.words.joined(separator: " ")), hasher.signature(of: edited.joined(separator: " "))
        )
        #expect(abs(estimate - truth) < 0.12, "true \(truth), estimated \(estimate)")
    }

    @Test func caseSpacingAndPunctuationDoNotChangeTheSignature() {
        let hasher = MinHasher.standard
        let plain = hasher.signature(of: "The cat sat on the mat and looked at the door for a long while")
        let noisy = hasher.signature(of: "the  CAT sat, on the mat — and looked at the door... for a long while!")
        #expect(plain.count == 112 && plain == noisy)
        #expect(hasher.signature(of: " … ").isEmpty)
    }

    @Test func textsWithoutSpacesAreShingledByCharacter() {
        let hasher = MinHasher.standard
        let first = hasher.signature(of: "東京都は日本の首都であり、世界有数の大都市である。人口は約千四百万人。")
        let second = hasher.signature(of: "東京都は日本の首都であり、世界有数の大都市である。人口は約千三百万人。")
        let other = hasher.signature(of: "大阪府は近畿地方に位置し、商業の中心地として知られている。")
        #expect(MinHasher.similarity(first, second) > 0.6)
        #expect(MinHasher.similarity(first, other) < 0.2)
    }

    @Test func bandKeysAreEqualWhereTheBandsAre() {
        let hasher = MinHasher.standard
        let signature = hasher.signature(of: Self.words.joined(separator: " "))
        var changed = signature
        changed[0] &+= 1
        let (keys, changedKeys) = (hasher.bandKeys(signature), hasher.bandKeys(changed))
        #expect(keys.count == 14 && keys[0] != changedKeys[0] && keys[1...] == changedKeys[1...])
    }
}

/// The signature's words read from decoded scalars (as workers do when they compute the
/// quality signals from the same decoding) are the words read from the UTF-8 bytes.
@Suite struct MinHashWordsTests {
    @Test(arguments: [
        "Plain English, with punctuation: commas; colons! And digits 2024 and COVID-19.",
        "Élysée, Müller-Straße, naïve café — «guillemets» and “quotes”… ½ ² ©®™",
        "Путин заявил: «Мы готовы». Ελληνικά κείμενα. עברית. العربية",
        "中文没有空格，日本語のテキスト、ひらがなとカタカナ。한국어 문장입니다.",
        "emoji 👍🏽 and flags 🇫🇷, tabs\tand\nnewlines\r\n, NBSP\u{00A0}here, zero\u{200B}width",
        "",
    ])
    func decodedScalarsGiveTheSameWordsAsBytes(text: String) {
        #expect(ScalarText(text).minHashWords() == MinHasher.wordHashes(text))
    }

    @Test func theCorpusTextsGiveTheSameWords() throws {
        let texts = try QualityConformanceTests.corpusTexts()
        guard !texts.isEmpty else { return }
        let differing = texts.filter { ScalarText($0.text).minHashWords() != MinHasher.wordHashes($0.text) }
        #expect(differing.isEmpty, "\(differing.prefix(3).map(\.id))")
        #expect(texts.count >= 600)
    }

    /// An enricher told not to sign leaves the signature out, and nothing else: whether it
    /// annotates the text too (the signature's words from the shared decoding) or not.
    @Test(arguments: [true, false])
    func anEnricherThatDoesNotSignLeavesOnlyTheSignatureOut(annotates: Bool) {
        let record = PageRecord(
            id: "p", language: "en", text: MinHasherTests.words.joined(separator: " "), wordCount: 400, contentHash: "h"
        )
        var signing = Enricher(computesQuality: annotates)
        if !annotates { (signing.keywords, signing.findsEntities, signing.findsQuotes) = (nil, false, false) }
        var unsigned = signing
        unsigned.signs = false
        let (signed, bare) = (signing.enrich(record), unsigned.enrich(record))
        #expect(signed.minhash.count == MinHasher.standard.bands * MinHasher.standard.rows)
        #expect(bare.minhash.isEmpty)
        var withoutSignature = signed
        withoutSignature.minhash = []
        #expect(bare == withoutSignature)
    }
}
