import Enrichment
import Foundation
import Testing

/// The shared corpus beside the repository, when it is there.
let sharedCorpus: URL? = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpus").standardizedFileURL
    return FileManager.default.fileExists(atPath: folder.path + "/scrapinghub") ? folder : nil
}()

/// pagemill's quality signals against datatrove's own filters (`GopherQualityFilter`,
/// `GopherRepetitionFilter`, `C4QualityFilter`, `FineWebQualityFilter`: its Python, in the
/// tests' venv) on the same texts: the corpus's article bodies and main contents (ScrapingHub,
/// WCXB) and scraped text pages, and pages in ten languages made by `make_quality_texts.py`,
/// each run in its language with pagemill's stop words for it.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"] != nil,
        "needs PAGEMILL_TEST_PYTHON, a Python with datatrove[processing], spaCy and Faker (`make test` makes one)"),
    .enabled(if: sharedCorpus != nil, "needs ../shared/corpus beside the repository"))
struct QualityConformanceTests {
    static let corpus = sharedCorpus
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    struct Text: Codable {
        var id: String
        var text: String
        var language: String
        var stopWords: [String]?

        enum CodingKeys: String, CodingKey {
            case id, text, language
            case stopWords = "stop_words"
        }
    }

    struct Reference: Decodable {
        var id: String
        var gopherQuality, gopherRepetition, c4, c4Fineweb, fineweb: String
        var words: Int
        var finewebPunctLines: Double?
        var finewebShortLines: Double?
    }

    /// The corpus texts, in English as far as datatrove is told.
    static func corpusTexts() throws -> [Text] {
        guard let corpus else { return [] }
        var texts: [Text] = []
        let scrapinghub =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: corpus.appendingPathComponent("scrapinghub/ground-truth.json")))
            as? [String: Any]
        for (id, entry) in scrapinghub ?? [:] {
            if let body = (entry as? [String: Any])?["articleBody"] as? String {
                texts.append(Text(id: "sh-" + id, text: body, language: "en"))
            }
        }
        let truths = corpus.appendingPathComponent("wcxb-dev/ground-truth")
        for name in try FileManager.default.contentsOfDirectory(atPath: truths.path) where name.hasSuffix(".json") {
            let entry = try JSONSerialization.jsonObject(with: Data(contentsOf: truths.appendingPathComponent(name)))
            let truth = (entry as? [String: Any])?["ground_truth"] as? [String: Any]
            if let text = truth?["main_content"] as? String {
                texts.append(Text(id: "wcxb-" + name, text: text, language: "en"))
            }
        }
        let pages = corpus.appendingPathComponent("text-pages")
        for name in try FileManager.default.contentsOfDirectory(atPath: pages.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: pages.appendingPathComponent(name), encoding: .utf8)
            texts.append(Text(id: "text-" + name, text: text, language: "en"))
        }
        return texts.sorted { $0.id < $1.id }
    }

    /// Runs `script` (beside this file) in the tests' Python with `arguments`, in `folder`.
    static func python(_ script: String, _ arguments: [String]) throws {
        let python = try #require(ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scripts.appendingPathComponent(script).path] + arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(script) failed")
    }

    /// The generated texts in ten languages, `perLanguage` of each.
    static func generatedTexts(perLanguage: Int, in folder: URL) throws -> [Text] {
        let file = folder.appendingPathComponent("generated.jsonl")
        try python("make_quality_texts.py", [String(perLanguage), file.path])
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Text.self, from: Data($0.utf8))
        }
    }

    static func references(for texts: [Text], in folder: URL) throws -> [String: Reference] {
        let (input, output) = (folder.appendingPathComponent("texts.jsonl"), folder.appendingPathComponent("out.jsonl"))
        let lines = try texts.map { text in
            var text = text
            text.stopWords = StopWords.forLanguage(text.language).words
            return String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: input)
        try python("datatrove_quality.py", [input.path, output.path])
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var references: [String: Reference] = [:]
        for line in try String(contentsOf: output, encoding: .utf8).split(separator: "\n") {
            let reference = try decoder.decode(Reference.self, from: Data(line.utf8))
            references[reference.id] = reference
        }
        return references
    }

    @Test func theSameDecisionsAsDatatroveOnTextsInTenLanguages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quality-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let texts = try Self.corpusTexts() + Self.generatedTexts(perLanguage: 60, in: folder)
        try #require(texts.count >= 1_000)
        let references = try Self.references(for: texts, in: folder)
        var tally = ConformanceTally()
        for text in texts {
            let reference = try #require(references[text.id])
            tally.compare(text, QualitySignals(text: text.text, language: text.language), reference)
        }
        print(tally.report(of: texts.count))
        for (rule, kept) in tally.sameKeepOrDrop {
            #expect(Double(kept) / Double(texts.count) >= 0.99, "\(rule): \(tally.differences.prefix(30))")
        }
        #expect(Double(tally.sameFineWebRatios) / Double(texts.count) >= 0.99)
    }
}
