import Enrichment
import Foundation
import Testing

/// Precision and recall of the PII scanner on corpus pages with personal data planted in them
/// and numbers that only look like it (`make_pii_texts.py`), beside datatrove's PIIFormatter on
/// the same texts.
@Suite(
    .enabled(
        if: ProcessInfo.processInfo.environment["PAGEMILL_TEST_PYTHON"] != nil,
        "needs PAGEMILL_TEST_PYTHON, a Python with datatrove and Faker (`make test` makes one)"),
    .enabled(if: sharedCorpus != nil, "needs ../shared/corpus beside the repository"))
struct PIIEvaluationTests {
    struct Page: Decodable {
        var id: String
        var text: String
        var truth: [[Span]]
        var datatrove: [[Span]]
    }

    /// `[kind, start, end]` as the script writes it.
    enum Span: Decodable {
        case kind(String), offset(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let offset = try? container.decode(Int.self) {
                self = .offset(offset)
            } else {
                self = .kind(try container.decode(String.self))
            }
        }
    }

    static func spans(_ raw: [[Span]]) -> [PIISpan] {
        raw.compactMap { parts in
            guard parts.count == 3, case let .kind(name) = parts[0], let kind = PIIKind(rawValue: name),
                case let .offset(start) = parts[1], case let .offset(end) = parts[2]
            else { return nil }
            return PIISpan(kind: kind, start: start, end: end)
        }
    }

    static func pages() throws -> [Page] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pii-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (source, output) = (
            folder.appendingPathComponent("texts.jsonl"), folder.appendingPathComponent("pii.jsonl")
        )
        let texts = try QualityConformanceTests.corpusTexts().filter { $0.id.hasPrefix("sh-") }
        let lines = try texts.map {
            String(decoding: try JSONEncoder().encode(["id": $0.id, "text": $0.text]), as: UTF8.self)
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: source)
        try QualityConformanceTests.python("make_pii_texts.py", [source.path, "600", output.path])
        return try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Page.self, from: Data($0.utf8))
        }
    }

    @Test func precisionAndRecallOnPlantedPersonalData() throws {
        let pages = try Self.pages()
        try #require(pages.count == 600)
        var (ours, theirs) = (PIITally(), PIITally())
        for page in pages {
            let truth = Self.spans(page.truth)
            ours.compare(PIIRedactor.apply(to: page.text, redact: false).spans, truth, page: page.id, text: page.text)
            theirs.compare(Self.spans(page.datatrove), truth, page: page.id, text: page.text)
        }
        print("PII on \(pages.count) pages, pagemill: \(ours.report)")
        print("PII on \(pages.count) pages, datatrove PIIFormatter: \(theirs.report)")
        print(ours.mistakes.prefix(40).joined(separator: "\n"))
        #expect(ours.precision >= 0.97, "\(ours.mistakes.prefix(20))")
        #expect(ours.recall >= 0.9, "\(ours.mistakes.prefix(20))")
        #expect(ours.recall > theirs.recall)
    }
}

/// Found against planted spans: a planted span found by a match of its kind that overlaps it,
/// a match overlapping no planted span of its kind a false alarm.
struct PIITally {
    var found: [PIIKind: Int] = [:], planted: [PIIKind: Int] = [:], falseAlarms: [PIIKind: Int] = [:]
    var mistakes: [String] = []

    mutating func compare(_ matches: [PIISpan], _ truth: [PIISpan], page: String, text: String) {
        let scalars = Array(text.unicodeScalars)
        func quoted(_ span: PIISpan) -> String {
            let lower = max(0, span.start - 12)
            let upper = min(scalars.count, span.end + 8)
            return "\(span.text) \""
                + String(String.UnicodeScalarView(scalars[lower..<upper])).replacingOccurrences(of: "\n", with: "⏎")
                + "\""
        }
        func overlaps(_ a: PIISpan, _ b: PIISpan) -> Bool { a.kind == b.kind && a.start < b.end && b.start < a.end }
        for span in truth {
            planted[span.kind, default: 0] += 1
            if matches.contains(where: { overlaps($0, span) }) {
                found[span.kind, default: 0] += 1
            } else {
                mistakes.append("\(page): missed \(quoted(span))")
            }
        }
        for match in matches where !truth.contains(where: { overlaps($0, match) }) {
            falseAlarms[match.kind, default: 0] += 1
            mistakes.append("\(page): false alarm \(quoted(match))")
        }
    }

    var precision: Double {
        let hits = found.values.reduce(0, +)
        return Double(hits) / Double(max(hits + falseAlarms.values.reduce(0, +), 1))
    }
    var recall: Double { Double(found.values.reduce(0, +)) / Double(max(planted.values.reduce(0, +), 1)) }

    var report: String {
        let kinds = PIIKind.allCases.map { kind in
            "\(kind.rawValue) \(found[kind] ?? 0)/\(planted[kind] ?? 0) found, \(falseAlarms[kind] ?? 0) false"
        }
        return String(format: "precision %.3f, recall %.3f (", precision, recall) + kinds.joined(separator: "; ") + ")"
    }
}
