import Foundation
import Testing

@testable import Enrichment

/// pagemill's key phrases beside yake's (its Python, in the tests' venv) on the same texts: the
/// corpus's article bodies and main contents in English, and the seed page in French. The two
/// are the same method, not the same code (sentence and word splitting, function-word lists
/// differ), so the test asks for most of each top ten to agree, not all.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"] != nil,
        "needs PAGEMILL_TEST_PYTHON, a Python with yake (`make test` makes one)"),
    .enabled(if: sharedCorpus != nil, "needs ../shared/corpus beside the repository"))
struct KeywordConformanceTests {
    struct Phrases: Decodable {
        var id: String
        var keywords: [String]
    }

    @Test func mostOfEachTopTenIsYakes() throws {
        var texts = try QualityConformanceTests.corpusTexts().filter { $0.text.split(separator: " ").count >= 50 }
        let seed = try #require(sharedCorpus).appendingPathComponent("seed/kim-poutine.txt")
        texts.append(.init(id: "seed", text: try String(contentsOf: seed, encoding: .utf8), language: "fr"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keywords-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (input, output) = (folder.appendingPathComponent("texts.jsonl"), folder.appendingPathComponent("out.jsonl"))
        try Data(
            texts.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }.joined(separator: "\n").utf8
        )
        .write(to: input)
        try QualityConformanceTests.python("yake_keywords.py", [input.path, output.path])
        var theirs: [String: [String]] = [:]
        for line in try String(contentsOf: output, encoding: .utf8).split(separator: "\n") {
            let phrases = try JSONDecoder().decode(Phrases.self, from: Data(line.utf8))
            theirs[phrases.id] = phrases.keywords.map { $0.lowercased() }
        }
        var overlaps: [Double] = []
        for text in texts {
            let reference = try #require(theirs[text.id])
            guard !reference.isEmpty else { continue }
            let ours = Set(
                KeywordExtractor().keywords(of: text.text, language: text.language).map { $0.phrase.lowercased() })
            overlaps.append(Double(reference.filter(ours.contains).count) / Double(reference.count))
            // yake runs the page's unpunctuated title lines into its first sentence ("Poutine Kim
            // s’aligne"); pagemill ends a sentence at a line's end.
            if text.id == "seed" { #expect(overlaps.last! >= 0.6, "seed: \(ours) against \(reference)") }
        }
        let mean = overlaps.reduce(0, +) / Double(overlaps.count)
        #expect(overlaps.count > 600)
        #expect(mean >= 0.75, "mean top-ten overlap with yake \(mean) on \(overlaps.count) texts")
        print("keywords: mean top-ten overlap with yake \(mean) on \(overlaps.count) texts")
    }
}
