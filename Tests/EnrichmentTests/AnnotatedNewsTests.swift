import Foundation
import PageModel
import Testing

@testable import Enrichment

/// The entities and quotations of the annotated news set (`Benchmarks/annotated/news.jsonl`,
/// eight languages) found as well as the README says: `Benchmarks/annotations.sh` gives the
/// same figures beside spaCy and textacy. Articles that come from the shared corpus are left
/// out when it is absent.
struct AnnotatedNewsTests {
    struct Article: Decodable {
        struct Entity: Decodable {
            var name: String
            var kind: PageEntity.Kind
            var forms: [String]
        }
        struct Quote: Decodable {
            var text: String
            var speaker: String?
        }
        var id: String
        var language: String
        var text: String?
        var corpus: String?
        var entities: [Entity]
        var quotes: [Quote]
    }

    static let set = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Benchmarks/annotated/news.jsonl").standardizedFileURL

    static func articles() throws -> [(Article, String)] {
        let lines = try String(contentsOf: set, encoding: .utf8).split(separator: "\n")
        let truths = try sharedCorpus.map {
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: $0.appendingPathComponent("scrapinghub/ground-truth.json")))
                as? [String: [String: Any]]
        }
        return try lines.compactMap { line in
            let article = try JSONDecoder().decode(Article.self, from: Data(line.utf8))
            if let text = article.text { return (article, text) }
            guard let corpus = article.corpus, let folder = sharedCorpus else { return nil }
            if corpus.hasPrefix("scrapinghub:") {
                let body = truths??[String(corpus.dropFirst("scrapinghub:".count))]?["articleBody"] as? String
                return body.map { (article, $0) }
            }
            return (article, try String(contentsOf: folder.appendingPathComponent(corpus), encoding: .utf8))
        }
    }

    static func normal(_ text: String) -> String {
        text.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? String($0) : " " }.joined()
            .split(separator: " ").joined(separator: " ")
    }

    @Test func quotationsAndTheirSpeakersAndEntitiesAreFound() throws {
        let articles = try Self.articles()
        #expect(articles.count >= 8)
        var (quotes, found, asked, right) = (0, 0, 0, 0)
        var (predicted, expected, correct) = (0, 0, 0)
        for (article, text) in articles {
            var record = PageRecord(
                id: article.id, language: article.language, text: text, wordCount: 0, contentHash: "")
            record = Enricher().annotate(record)
            let gold = Set(article.entities.flatMap { entity in entity.forms.map { "\($0) \(entity.kind)" } })
            let ours = Set(record.entities.flatMap { entity in entity.forms.map { "\($0) \(entity.kind)" } })
            (predicted, expected, correct) = (
                predicted + ours.count, expected + gold.count, correct + ours.intersection(gold).count
            )
            let forms = Dictionary(uniqueKeysWithValues: article.entities.map { ($0.name, Set($0.forms + [$0.name])) })
            for quote in article.quotes {
                quotes += 1
                let target = Self.normal(quote.text)
                guard
                    let match = record.quotes.first(where: {
                        let candidate = Self.normal($0.text)
                        return !candidate.isEmpty && (target.contains(candidate) || candidate.contains(target))
                    })
                else { continue }
                found += 1
                guard let speaker = quote.speaker else { continue }
                asked += 1
                if let said = match.speaker, (forms[speaker] ?? [speaker]).contains(where: { said.contains($0) }) {
                    right += 1
                }
            }
        }
        let recall = Double(found) / Double(quotes), accuracy = Double(right) / Double(asked)
        let precision = Double(correct) / Double(predicted), entityRecall = Double(correct) / Double(expected)
        #expect(recall >= 0.9, "quotation recall \(recall) (\(found) of \(quotes))")
        #expect(accuracy >= 0.85, "speaker accuracy \(accuracy) (\(right) of \(asked))")
        #expect(
            2 * precision * entityRecall / (precision + entityRecall) >= 0.6,
            "entities: P \(precision) R \(entityRecall)")
    }
}
