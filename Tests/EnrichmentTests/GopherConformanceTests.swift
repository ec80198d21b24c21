import Enrichment
import Foundation
import Testing

/// The shared corpus beside the repository, when it is there.
let sharedCorpus: URL? = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/corpus").standardizedFileURL
    return FileManager.default.fileExists(atPath: folder.path + "/scrapinghub") ? folder : nil
}()

/// pagemill's Gopher signals against datatrove's own `GopherQualityFilter` and
/// `GopherRepetitionFilter` (its Python, in the tests' venv) on the corpus texts: the article
/// bodies and main contents of the ScrapingHub and WCXB truth files, and the scraped text pages.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"] != nil,
        "needs PAGEMILL_TEST_PYTHON, a Python with datatrove[processing] and spaCy (`make test` makes one)"),
    .enabled(if: sharedCorpus != nil, "needs ../shared/corpus beside the repository"))
struct GopherConformanceTests {
    static let corpus = sharedCorpus

    struct Reference: Decodable {
        var id: String
        var quality: String
        var repetition: String
        var words: Int
        var tokens: Int
    }

    /// The corpus texts, by id.
    static func texts() throws -> [(id: String, text: String)] {
        guard let corpus else { return [] }
        var texts: [(String, String)] = []
        let scrapinghub =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: corpus.appendingPathComponent("scrapinghub/ground-truth.json")))
            as? [String: Any]
        for (id, entry) in scrapinghub ?? [:] {
            if let body = (entry as? [String: Any])?["articleBody"] as? String { texts.append(("sh-" + id, body)) }
        }
        let truths = corpus.appendingPathComponent("wcxb-dev/ground-truth")
        for name in try FileManager.default.contentsOfDirectory(atPath: truths.path) where name.hasSuffix(".json") {
            let entry = try JSONSerialization.jsonObject(with: Data(contentsOf: truths.appendingPathComponent(name)))
            let truth = (entry as? [String: Any])?["ground_truth"] as? [String: Any]
            if let text = truth?["main_content"] as? String { texts.append(("wcxb-" + name, text)) }
        }
        let pages = corpus.appendingPathComponent("text-pages")
        for name in try FileManager.default.contentsOfDirectory(atPath: pages.path) where name.hasSuffix(".txt") {
            texts.append(("text-" + name, try String(contentsOf: pages.appendingPathComponent(name), encoding: .utf8)))
        }
        return texts.sorted { $0.0 < $1.0 }
    }

    func reference(for texts: [(id: String, text: String)]) throws -> [String: Reference] {
        let python = try #require(ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gopher-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try texts.map {
            String(decoding: try JSONEncoder().encode(["id": $0.id, "text": $0.text]), as: UTF8.self)
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("texts.jsonl"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "datatrove_gopher.py")
        process.arguments = [
            script.path, folder.appendingPathComponent("texts.jsonl").path,
            folder.appendingPathComponent("out.jsonl").path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "datatrove's filters failed")
        let output = try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8)
        var references: [String: Reference] = [:]
        for line in output.split(separator: "\n") {
            let reference = try JSONDecoder().decode(Reference.self, from: Data(line.utf8))
            references[reference.id] = reference
        }
        return references
    }

    @Test func theSameDecisionsAsDatatroveOnTheCorpusTexts() throws {
        let texts = try Self.texts()
        try #require(texts.count >= 600)
        let references = try reference(for: texts)
        var agreed = (quality: 0, repetition: 0, words: 0)
        var differences: [String] = []
        for (id, text) in texts {
            let reference = try #require(references[id])
            let signals = GopherSignals(text: text)
            if (signals.qualityFailure ?? "pass") == reference.quality {
                agreed.quality += 1
            } else {
                differences.append("\(id): quality \(signals.qualityFailure ?? "pass") vs \(reference.quality)")
            }
            if (signals.repetitionFailure ?? "pass") == reference.repetition {
                agreed.repetition += 1
            } else {
                differences.append(
                    "\(id): repetition \(signals.repetitionFailure ?? "pass") vs \(reference.repetition)")
            }
            if abs(signals.words - reference.words) <= max(1, reference.words / 100) { agreed.words += 1 }
        }
        let count = Double(texts.count)
        print(
            "Gopher conformance on \(texts.count) texts: quality \(agreed.quality), repetition \(agreed.repetition) "
                + "decisions the same, word counts within 1 % on \(agreed.words)")
        print(differences.joined(separator: "\n"))
        #expect(Double(agreed.quality) / count >= 0.99, "\(differences.prefix(20))")
        #expect(Double(agreed.repetition) / count >= 0.99, "\(differences.prefix(20))")
    }
}
