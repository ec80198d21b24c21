import PageModel

/// What a worker adds to a record after extraction, from its text alone: the MinHash signature
/// the collector groups near duplicates by, and the quality signals of the Gopher, C4 and
/// FineWeb rule sets in the record's language, and the personal data in the text, counted and,
/// when asked, replaced (the signature and the signals are then of the text as stored).
/// Pure: record in, record out.
public struct Enricher: Sendable {
    public var minHasher: MinHasher
    /// Whether to compute the quality signals (`QualitySignals`).
    public var computesQuality: Bool
    /// Whether to look for personal data (`PIIScanner`), and to replace what is found
    /// (`PIIRedactor`), not only count it.
    public var findsPII = true
    public var redactsPII = false

    public init(minHasher: MinHasher = .standard, computesQuality: Bool = true) {
        (self.minHasher, self.computesQuality) = (minHasher, computesQuality)
    }

    /// `record` with its enrichment fields filled in.
    public func enrich(_ record: PageRecord) -> PageRecord {
        var enriched = record
        if findsPII {
            let (counts, text, spans) = PIIRedactor.apply(to: record.text, redact: redactsPII)
            (enriched.pii, enriched.piiSpans) = (counts, spans.map(\.text))
            if redactsPII, !spans.isEmpty {
                enriched.text = text
                enriched.wordCount = TextMeasures.wordCount(text)
                enriched.contentHash = TextMeasures.contentHash(text)
            }
        }
        guard computesQuality else {
            enriched.minhash = minHasher.signature(of: enriched.text)
            return enriched
        }
        // The text decoded once for both: the signature's words from the same scalars.
        let scalars = ScalarText(enriched.text)
        enriched.minhash = minHasher.signature(ofWords: scalars.minHashWords())
        enriched.quality = QualitySignals(scalars, language: record.language).named
        return enriched
    }
}
