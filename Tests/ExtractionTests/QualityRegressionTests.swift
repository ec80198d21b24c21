import Extraction
import Foundation
import PageGenerator
import PageInput
import Testing

/// Re-scores extraction on the shared corpus and holds it to the README's quality table.
@Suite(.serialized) struct QualityRegressionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let shared = repository.deletingLastPathComponent().appendingPathComponent("shared")
    static let scorer = shared.appendingPathComponent("tools/score-extraction").path
    static var available: Bool { FileManager.default.isExecutableFile(atPath: scorer) }

    /// The README's rows: set, metric, figure.
    static func readmeFigures() throws -> [(set: String, metric: String, value: Double)] {
        let readme = try String(contentsOf: repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## Quality").dropFirst().first ?? ""
        return section.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 5, ["scrapinghub", "wcxb-dev", "text-pages", "scraped-sites"].contains(cells[1]),
                let value = Double(cells[3])
            else { return nil }
            return (cells[1], cells[2], value)
        }
    }

    @Test(
        .enabled(if: available, "needs ../shared/tools/score-extraction and ../shared/corpus beside the repository"),
        arguments: ["scrapinghub", "wcxb-dev", "text-pages", "scraped-sites"])
    func qualityHoldsWhatTheReadmeReports(set: String) throws {
        let expected = try Self.readmeFigures().filter { $0.set == set }
        #expect(!expected.isEmpty, "the README's quality table has no row for \(set)")
        let generated = FileManager.default.temporaryDirectory.appendingPathComponent("pagemill-scraped-\(UUID())")
        defer { try? FileManager.default.removeItem(at: generated) }
        if set == "scraped-sites" {
            // Pages of 40 sites in 21 languages, none of them the shared samples' phrasings.
            try FileManager.default.createDirectory(at: generated, withIntermediateDirectories: true)
            try ScrapedSiteGenerator(seed: 3, sites: 40).write(pages: 400, to: generated.path)
        }
        let corpus = set == "scraped-sites" ? generated : Self.shared.appendingPathComponent("corpus/\(set)")
        let html = corpus.appendingPathComponent("html")
        let pages = FileManager.default.fileExists(atPath: html.path) ? html : corpus
        // As `pagemill extract` reads them: a first pass learns what each site repeats.
        var sites: [String: SiteBoilerplate] = [:]
        let firstPass = try PageSource(inputs: [pages.path], maximumPageBytes: 64 << 20)
        while let item = firstPass.next() {
            if case let .page(page) = item {
                sites[SiteBoilerplate.site(of: page), default: SiteBoilerplate()].learn(from: page)
            }
        }
        let source = try PageSource(inputs: [pages.path], maximumPageBytes: 64 << 20)
        let extractor = Extractor()
        let encoder = JSONEncoder()
        var lines = ""
        while let item = source.next() {
            guard case var .page(page) = item else { continue }
            let site = sites[SiteBoilerplate.site(of: page)]
            page.id = String(((page.id as NSString).lastPathComponent).prefix { $0 != "." })
            guard let record = try? extractor.extract(page, site: site) else { continue }
            lines += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
        }
        let predictions = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pagemill-quality-\(set)-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: predictions) }
        try lines.write(to: predictions, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.scorer, corpus.path, predictions.path, "--json"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let scores = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for row in expected {
            let measured = try #require(scores[row.metric] as? Double, "the scorer gave no \(row.metric) for \(set)")
            #expect(
                measured >= row.value - 0.01,
                "\(set) \(row.metric): \(measured) is more than 0.01 below the README's \(row.value)")
        }
    }
}
