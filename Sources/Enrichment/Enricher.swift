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
    /// How to find the text's key phrases (`KeywordExtractor`); nil leaves them out.
    public var keywords: KeywordExtractor? = KeywordExtractor()

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
        guard computesQuality || keywords != nil else {
            enriched.minhash = minHasher.signature(of: enriched.text)
            return enriched
        }
        // The text decoded once for all: the signature's words from the same scalars.
        let scalars = ScalarText(enriched.text)
        enriched.minhash = minHasher.signature(ofWords: scalars.minHashWords())
        if computesQuality { enriched.quality = QualitySignals(scalars, language: record.language).named }
        annotate(&enriched, scalars)
        return enriched
    }

    /// `record` with what a reader asks of it, its key phrases, and none of the rest: what
    /// `pagemill extract` prints.
    public func annotate(_ record: PageRecord) -> PageRecord {
        var annotated = record
        guard keywords != nil else { return annotated }
        annotate(&annotated, ScalarText(record.text))
        return annotated
    }

    private func annotate(_ record: inout PageRecord, _ scalars: ScalarText) {
        guard let keywords else { return }
        let words = TextWords(scalars, language: record.language)
        record.keywords = keywords.keywords(of: scalars, words: words, language: record.language)
    }
}
